//! sea-orm model of custom field definitions.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "custom_fields")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The table whose records carry the field: partners, persons or leads.
    pub entity: String,
    pub key: String,
    pub label: String,
    pub field_type: String,
    /// The allowed values of a choice, as a JSON array of strings.
    pub options: Option<Json>,
    pub required: bool,
    pub in_list: bool,
    pub filterable: bool,
    pub position: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub created_by: Option<String>,
    pub version: i32,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
