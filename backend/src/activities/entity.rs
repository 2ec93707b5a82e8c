//! sea-orm model of the contact log.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub kind: String,
    pub type_id: Option<String>,
    pub started_at: DateTimeUtc,
    pub duration_minutes: i32,
    pub user_id: String,
    pub subject: String,
    pub description: Option<String>,
    pub participant_ids: Option<Json>,
    pub partner_id: Option<String>,
    pub person_id: Option<String>,
    pub lead_id: Option<String>,
    pub deal_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub created_by: Option<String>,
    pub version: i32,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
