//! Bodies of the teams API.
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Team {
    pub id: String,
    pub name: String,
    pub manager_id: Option<String>,
    pub member_ids: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub version: i32,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateTeam {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Sales Zagreb")]
    pub name: String,
    #[schema(max_length = 36)]
    pub manager_id: Option<String>,
    #[validate(length(max = 1000))]
    #[schema(max_items = 1000)]
    #[serde(default)]
    pub member_ids: Vec<String>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateTeam {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    /// `null` removes the manager.
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 36)]
    pub manager_id: Option<Option<String>>,
    /// Replaces the whole membership.
    #[validate(length(max = 1000))]
    #[schema(max_items = 1000)]
    pub member_ids: Option<Vec<String>>,
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "teams",
    table: "teams",
    default_sort: "name",
    fields: &[
        Field::new("name", Kind::String).sortable(),
        Field::new("manager_id", Kind::String).nullable(),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("updated_at", Kind::DateTime).sortable(),
    ],
};
