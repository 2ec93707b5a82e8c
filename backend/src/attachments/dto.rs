//! Bodies of the attachments API.
use super::entity;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Records that take attachments.
pub const ENTITY_TYPES: &[&str] = &["partner", "person", "lead", "activity", "deal"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Attachment {
    pub id: String,
    #[schema(example = "partner")]
    pub entity_type: String,
    pub entity_id: String,
    /// Sanitized original name.
    pub file_name: String,
    /// Sniffed from the content, not taken from the client.
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<String>,
    pub version: i32,
}

impl From<entity::Model> for Attachment {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            entity_type: m.entity_type,
            entity_id: m.entity_id,
            file_name: m.file_name,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            sha256: m.sha256,
            created_at: m.created_at,
            created_by: m.created_by,
            version: m.version,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AttachmentListQuery {
    /// partner, person, lead or activity.
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub entity_type: String,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub entity_id: String,
}

/// The multipart form of an upload (documentation only; the handler streams it).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// partner, person, lead or activity; must come before `file`.
    pub entity_type: String,
    /// Must come before `file`.
    pub entity_id: String,
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}
