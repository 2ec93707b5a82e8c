//! Bodies of the leads API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::partners::dto::{one_of, valid_country};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub const STATUSES: &[&str] = &["new", "contacted", "qualified", "discarded", "converted"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Lead {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub company_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// From the `lead_sources` list.
    pub source_id: Option<String>,
    /// new, contacted, qualified, discarded or converted.
    #[schema(example = "new")]
    pub status: String,
    pub notes: Option<String>,
    pub owner_id: Option<String>,
    pub converted_at: Option<DateTime<Utc>>,
    /// Set by conversion: the partner and person the lead became.
    pub partner_id: Option<String>,
    pub person_id: Option<String>,
    /// Values of the custom fields defined for leads, by key.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub custom_fields: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub version: i32,
}

impl From<entity::Model> for Lead {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            first_name: m.first_name,
            last_name: m.last_name,
            company_name: m.company_name,
            email: m.email,
            phone: m.phone,
            city: m.city,
            country: m.country,
            source_id: m.source_id,
            status: m.status,
            notes: m.notes,
            owner_id: m.owner_id,
            converted_at: m.converted_at,
            partner_id: m.partner_id,
            person_id: m.person_id,
            custom_fields: m.custom_fields.unwrap_or_else(|| serde_json::json!({})),
            created_at: m.created_at,
            updated_at: m.updated_at,
            deleted_at: m.deleted_at,
            version: m.version,
        }
    }
}

/// Statuses a client may set; `converted` only comes from conversion.
fn valid_status(v: &str) -> Result<(), validator::ValidationError> {
    one_of(v, &STATUSES[..4])
}

/// Body of create (first and last name required; the caller owns it) and of update.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct LeadFields {
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "Tomasz")]
    pub first_name: Option<String>,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "Wójcik")]
    pub last_name: Option<String>,
    #[validate(length(max = 300))]
    #[schema(max_length = 300, example = "Drukarnia Wójcik")]
    pub company_name: Option<String>,
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254)]
    pub email: Option<String>,
    #[validate(length(max = 40))]
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub city: Option<String>,
    #[validate(custom(function = "valid_country"))]
    #[schema(min_length = 2, max_length = 2)]
    pub country: Option<String>,
    #[schema(max_length = 36)]
    pub source_id: Option<String>,
    #[validate(custom(function = "valid_status"))]
    pub status: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// Values of the custom fields defined for leads: keys to set, `null` removes a value, keys
    /// left out keep theirs.
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `POST /api/v1/leads/{id}/convert`: link to an existing partner and/or person, or have them created
/// from the lead.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ConvertLead {
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
    #[schema(max_length = 36)]
    pub person_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Conversion {
    pub lead: Lead,
    pub partner_id: String,
    pub person_id: String,
    /// Activities that moved from the lead to the partner and person.
    pub moved_activities: u64,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LeadListQuery {
    /// Matches names, company or email (case-insensitive, contains).
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub status: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub source_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub owner_id: Option<String>,
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

impl LeadListQuery {
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
    resource: "leads",
    table: "leads",
    default_sort: "-created_at",
    fields: &[
        Field::new("first_name", Kind::String).sortable(),
        Field::new("last_name", Kind::String).sortable(),
        Field::new("company_name", Kind::String).nullable(),
        Field::new("email", Kind::String).nullable(),
        Field::new("city", Kind::String).nullable(),
        Field::new("country", Kind::String).nullable(),
        Field::new("source_id", Kind::String).nullable(),
        Field::new("status", Kind::Enum(STATUSES)),
        Field::new("owner_id", Kind::String).nullable(),
        Field::new("created_at", Kind::DateTime).sortable(),
    ],
};
