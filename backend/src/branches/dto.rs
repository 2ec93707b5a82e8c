//! Bodies of the branches API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::partners::dto::{valid_country, valid_emails, valid_phones};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Branch {
    pub id: String,
    pub partner_id: String,
    pub name: String,
    pub street: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    /// The territory the address lies in (derived).
    pub territory_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

fn strings(v: Option<serde_json::Value>) -> Vec<String> {
    v.and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

impl From<entity::Model> for Branch {
    fn from(m: entity::Model) -> Self {
        Self {
            phones: strings(m.phones),
            emails: strings(m.emails),
            territory_id: m.territory_id,
            id: m.id,
            partner_id: m.partner_id,
            name: m.name,
            street: m.street,
            city: m.city,
            postal_code: m.postal_code,
            region: m.region,
            country: m.country,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

/// Body of create (where `name` is required) and of update.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct BranchFields {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Poslovnica Split")]
    pub name: Option<String>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub street: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub city: Option<String>,
    #[validate(length(max = 20))]
    #[schema(max_length = 20)]
    pub postal_code: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub region: Option<String>,
    #[validate(custom(function = "valid_country"))]
    #[schema(min_length = 2, max_length = 2)]
    pub country: Option<String>,
    #[validate(length(max = 10), custom(function = "valid_phones"))]
    #[schema(max_items = 10)]
    pub phones: Option<Vec<String>>,
    #[validate(length(max = 10), custom(function = "valid_emails"))]
    #[schema(max_items = 10)]
    pub emails: Option<Vec<String>>,
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "branches",
    table: "branches",
    default_sort: "name",
    fields: &[
        Field::new("name", Kind::String).sortable(),
        Field::new("city", Kind::String).nullable(),
        Field::new("country", Kind::String).nullable(),
        Field::new("created_at", Kind::DateTime).sortable(),
    ],
};
