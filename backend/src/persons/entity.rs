//! sea-orm model of persons (contacts).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub partner_id: Option<String>,
    pub branch_id: Option<String>,
    pub position: Option<String>,
    pub emails: Option<Json>,
    pub phones: Option<Json>,
    pub marketing_consent: bool,
    pub consent_at: Option<DateTimeUtc>,
    pub consent_source: Option<String>,
    pub custom_fields: Option<Json>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub created_by: Option<String>,
    pub version: i32,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
