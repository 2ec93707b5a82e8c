//! Bodies of the managed lists API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// The lists administrators maintain; each module that classifies records by one adds it here.
pub const LISTS: &[&str] = &[
    "partner_groups",
    "legal_forms",
    "lead_sources",
    "activity_types",
    "tags",
    "deal_sources",
];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ListItem {
    pub id: String,
    #[schema(example = "legal_forms")]
    pub list: String,
    /// Stable code used by imports and integrations.
    #[schema(example = "doo")]
    pub code: String,
    #[schema(example = "d.o.o.")]
    pub name: String,
    pub position: i32,
    /// Inactive items stay on old records but are not offered for new ones.
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<entity::Model> for ListItem {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            list: m.list,
            code: m.code,
            name: m.name,
            position: m.position,
            active: m.active,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateListItem {
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub code: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub position: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateListItem {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub position: Option<i32>,
    pub active: Option<bool>,
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "list_items",
    table: "list_items",
    default_sort: "position,name",
    fields: &[
        Field::new("code", Kind::String).sortable(),
        Field::new("name", Kind::String).sortable(),
        Field::new("position", Kind::Number).sortable(),
        Field::new("active", Kind::Boolean),
    ],
};
