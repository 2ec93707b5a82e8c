//! Bodies of the history API.
use super::writer::Change;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    /// Set when the actor acted through an API key.
    pub api_key_id: Option<String>,
    #[schema(example = "user")]
    pub entity_type: String,
    pub entity_id: String,
    #[schema(example = "update")]
    pub action: String,
    pub changes: Vec<Change>,
    pub request_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct HistoryQuery {
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub entity_type: Option<String>,
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub entity_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub actor_id: Option<String>,
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub action: Option<String>,
    /// Entries at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Entries before this instant.
    pub to: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
}

impl HistoryQuery {
    pub fn list_query(&self) -> crate::api::ListQuery {
        crate::api::ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            count: self.count,
            sort: None,
            trashed: None,
        }
    }
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "history",
    table: "history",
    default_sort: "-at",
    fields: &[
        Field::new("at", Kind::DateTime).sortable(),
        Field::new("entity_type", Kind::String),
        Field::new("entity_id", Kind::String),
        Field::new("actor_id", Kind::String).nullable(),
        Field::new("action", Kind::String),
    ],
};
