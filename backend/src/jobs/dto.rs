//! Bodies of the jobs administration API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub const STATUSES: &[&str] = &["queued", "running", "done", "dead", "cancelled"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Job {
    pub id: String,
    #[schema(example = "email.send")]
    pub kind: String,
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// queued, running, done, dead or cancelled.
    pub status: String,
    /// When it is due (the next try, for a job waiting after a failure).
    pub run_at: DateTime<Utc>,
    pub attempts: i64,
    pub max_attempts: i64,
    pub last_error: Option<String>,
    pub progress_done: i64,
    /// 0 when the job does not report progress.
    pub progress_total: i64,
    #[schema(value_type = Option<Object>)]
    pub result: Option<serde_json::Value>,
    pub finished_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<entity::Model> for Job {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            payload: m.payload.unwrap_or_default(),
            status: m.status,
            run_at: m.run_at,
            attempts: m.attempts,
            max_attempts: m.max_attempts,
            last_error: m.last_error,
            progress_done: m.progress_done,
            progress_total: m.progress_total,
            result: m.result,
            finished_at: m.finished_at,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct JobQuery {
    /// queued, running, done, dead or cancelled.
    #[param(max_length = 16)]
    #[validate(length(max = 16))]
    pub status: Option<String>,
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub kind: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "jobs",
    table: "jobs",
    default_sort: "-created_at",
    fields: &[
        Field::new("kind", Kind::String),
        Field::new("status", Kind::Enum(STATUSES)),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("run_at", Kind::DateTime),
    ],
};
