//! Bodies of the persons API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::partners::dto::{valid_emails, valid_phones};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Person {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub partner_id: Option<String>,
    pub branch_id: Option<String>,
    pub position: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    /// Whether the person agreed to receive marketing.
    pub marketing_consent: bool,
    /// When consent was last given or withdrawn.
    pub consent_at: Option<DateTime<Utc>>,
    /// How it was given or withdrawn (web form, signed paper, phone call, ...).
    pub consent_source: Option<String>,
    /// Values of the custom fields defined for persons, by key.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub custom_fields: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub version: i32,
}

fn strings(v: Option<serde_json::Value>) -> Vec<String> {
    v.and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

impl From<entity::Model> for Person {
    fn from(m: entity::Model) -> Self {
        Self {
            emails: strings(m.emails),
            phones: strings(m.phones),
            id: m.id,
            first_name: m.first_name,
            last_name: m.last_name,
            partner_id: m.partner_id,
            branch_id: m.branch_id,
            position: m.position,
            marketing_consent: m.marketing_consent,
            consent_at: m.consent_at,
            consent_source: m.consent_source,
            custom_fields: m.custom_fields.unwrap_or_else(|| serde_json::json!({})),
            created_at: m.created_at,
            updated_at: m.updated_at,
            deleted_at: m.deleted_at,
            version: m.version,
        }
    }
}

/// Body of create (first and last name required) and update. `null` unlinks partner or branch.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PersonFields {
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "Ivana")]
    pub first_name: Option<String>,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "Kovač")]
    pub last_name: Option<String>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 36)]
    pub partner_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 36)]
    pub branch_id: Option<Option<String>>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub position: Option<String>,
    #[validate(length(max = 10), custom(function = "valid_emails"))]
    #[schema(max_items = 10)]
    pub emails: Option<Vec<String>>,
    #[validate(length(max = 10), custom(function = "valid_phones"))]
    #[schema(max_items = 10)]
    pub phones: Option<Vec<String>>,
    pub marketing_consent: Option<bool>,
    /// Required whenever `marketing_consent` is sent.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "web form")]
    pub consent_source: Option<String>,
    /// Values of the custom fields defined for persons: keys to set, `null` removes a value, keys
    /// left out keep theirs.
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PersonListQuery {
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub partner_id: Option<String>,
    /// Matches first name, last name or email (case-insensitive, contains).
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    pub marketing_consent: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
    #[param(max_length = 256)]
    #[validate(length(max = 256))]
    pub sort: Option<String>,
    pub trashed: Option<bool>,
}

impl PersonListQuery {
    pub fn list_query(&self) -> crate::api::ListQuery {
        crate::api::ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            count: self.count,
            sort: self.sort.clone(),
            trashed: self.trashed,
        }
    }
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "persons",
    table: "persons",
    default_sort: "last_name,first_name",
    fields: &[
        Field::new("first_name", Kind::String).sortable(),
        Field::new("last_name", Kind::String).sortable(),
        Field::new("partner_id", Kind::String).nullable(),
        Field::new("position", Kind::String).nullable(),
        Field::new("marketing_consent", Kind::Boolean),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("updated_at", Kind::DateTime).sortable(),
    ],
};
