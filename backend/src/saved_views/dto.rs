//! Bodies of the saved views API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::api::FilterNode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SavedView {
    pub id: String,
    /// The list this view belongs to, e.g. `users`.
    pub resource: String,
    pub name: String,
    pub filter: Option<FilterNode>,
    pub sort: Option<String>,
    pub columns: Option<Vec<String>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<entity::Model> for SavedView {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            resource: m.resource,
            name: m.name,
            filter: m.filter.and_then(|f| serde_json::from_value(f).ok()),
            sort: m.sort,
            columns: m.columns.and_then(|c| serde_json::from_value(c).ok()),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateSavedView {
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64, example = "users")]
    pub resource: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Active sales reps")]
    pub name: String,
    pub filter: Option<FilterNode>,
    #[validate(length(max = 256))]
    #[schema(max_length = 256)]
    pub sort: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_items = 100)]
    pub columns: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateSavedView {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<FilterNode>)]
    pub filter: Option<Option<FilterNode>>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 256)]
    pub sort: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<Vec<String>>)]
    pub columns: Option<Option<Vec<String>>>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SavedViewQuery {
    /// Only views of this list.
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub resource: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "saved_views",
    table: "saved_views",
    default_sort: "name",
    fields: &[
        Field::new("name", Kind::String).sortable(),
        Field::new("resource", Kind::String),
        Field::new("created_at", Kind::DateTime).sortable(),
    ],
};
