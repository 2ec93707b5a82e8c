//! Bodies of the API keys API. The secret appears only in the creation response.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKey {
    pub id: String,
    /// The user whose rights the key carries.
    pub user_id: String,
    pub name: String,
    /// The public part of the key, to recognise it (`crm_<prefix>_...`).
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<entity::Model> for ApiKey {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            user_id: m.user_id,
            name: m.name,
            prefix: m.prefix,
            created_at: m.created_at,
            last_used_at: m.last_used_at,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "ERP sync")]
    pub name: String,
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    pub api_key: ApiKey,
    /// Use as `Authorization: Bearer <secret>`. Shown only now; only a hash is kept.
    pub secret: String,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyListQuery {
    /// Only this user's keys (administrators).
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub user_id: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
    #[param(max_length = 256)]
    #[validate(length(max = 256))]
    pub sort: Option<String>,
}

impl ApiKeyListQuery {
    pub fn list_query(&self) -> crate::api::ListQuery {
        crate::api::ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            count: self.count,
            sort: self.sort.clone(),
            trashed: None,
        }
    }
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "api_keys",
    table: "api_keys",
    default_sort: "-created_at",
    fields: &[
        Field::new("name", Kind::String).sortable(),
        Field::new("user_id", Kind::String),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("last_used_at", Kind::DateTime).nullable(),
        Field::new("revoked_at", Kind::DateTime).nullable(),
    ],
};
