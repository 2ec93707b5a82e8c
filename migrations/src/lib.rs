//! Database migrations. The same migration runs on SQLite and PostgreSQL, so each one only uses
//! sea-query's portable schema builder; engine-specific statements are branched on explicitly.
pub use sea_orm_migration::prelude::*;

#[path = "schema.rs"]
mod columns;
mod m0001_accounts;
mod m0002_audit;
mod m0003_builtin_roles;
mod m0004_saved_views;
mod m0005_partners;
mod m0006_partner_grants;
mod m0007_activities;
mod m0008_leads;
mod m0009_attachments;
mod m0010_partner_search;
mod m0011_custom_fields;
mod m0012_background;
mod m0013_templates_messages;
mod m0014_person_lead_search;
mod m0015_territories;
mod m0016_imports;
mod m0017_deals;
mod m0018_history_json;

pub use m0003_builtin_roles::{builtin_grants, BUILTIN_ROLES};

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_accounts::Migration),
            Box::new(m0002_audit::Migration),
            Box::new(m0003_builtin_roles::Migration),
            Box::new(m0004_saved_views::Migration),
            Box::new(m0005_partners::Migration),
            Box::new(m0006_partner_grants::Migration),
            Box::new(m0007_activities::Migration),
            Box::new(m0008_leads::Migration),
            Box::new(m0009_attachments::Migration),
            Box::new(m0010_partner_search::Migration),
            Box::new(m0011_custom_fields::Migration),
            Box::new(m0012_background::Migration),
            Box::new(m0013_templates_messages::Migration),
            Box::new(m0014_person_lead_search::Migration),
            Box::new(m0015_territories::Migration),
            Box::new(m0016_imports::Migration),
            Box::new(m0017_deals::Migration),
            Box::new(m0018_history_json::Migration),
        ]
    }
}
