//! Bodies of the roles API.
use crate::access::Scope;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// One grant as written by a client; checked against the permission catalog.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct GrantInput {
    #[schema(example = "users", max_length = 64)]
    pub resource: String,
    #[schema(example = "read", max_length = 32)]
    pub action: String,
    pub scope: Scope,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Role {
    pub id: String,
    pub key: String,
    pub name: String,
    pub description: String,
    pub built_in: bool,
    pub grants: Vec<GrantInput>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateRole {
    /// Lowercase letters, digits and underscores; unique.
    #[validate(length(min = 2, max = 64), custom(function = "valid_key"))]
    #[schema(
        min_length = 2,
        max_length = 64,
        pattern = "^[a-z][a-z0-9_]*$",
        example = "regional_manager"
    )]
    pub key: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_items = 500)]
    pub grants: Vec<GrantInput>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateRole {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// Replaces the whole set of grants.
    #[validate(length(max = 500))]
    #[schema(max_items = 500)]
    pub grants: Option<Vec<GrantInput>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceActions {
    pub resource: String,
    pub actions: Vec<String>,
}

/// What roles can grant: every resource with its actions, and the scopes.
#[derive(Debug, Serialize, ToSchema)]
pub struct Permissions {
    pub resources: Vec<ResourceActions>,
    pub scopes: Vec<Scope>,
}

fn valid_key(key: &str) -> Result<(), validator::ValidationError> {
    let mut chars = key.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("invalid_key").with_message(
            "Use lowercase letters, digits and underscores, starting with a letter.".into(),
        ))
    }
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "roles",
    table: "roles",
    default_sort: "name",
    fields: &[
        Field::new("key", Kind::String).sortable(),
        Field::new("name", Kind::String).sortable(),
        Field::new("built_in", Kind::Boolean),
        Field::new("created_at", Kind::DateTime).sortable(),
    ],
};
