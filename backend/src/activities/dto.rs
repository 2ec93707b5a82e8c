//! Bodies of the activities API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::partners::dto::one_of;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub const KINDS: &[&str] = &["call", "meeting", "visit", "email", "letter", "fax", "note"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Activity {
    pub id: String,
    /// call, meeting, visit, email, letter, fax or note.
    #[schema(example = "call")]
    pub kind: String,
    /// A finer classification from the `activity_types` list.
    pub type_id: Option<String>,
    pub started_at: DateTime<Utc>,
    pub duration_minutes: i32,
    /// The user who had the contact; their hourly rate prices it.
    pub user_id: String,
    pub subject: String,
    pub description: Option<String>,
    /// Persons who took part.
    pub participant_ids: Vec<String>,
    pub partner_id: Option<String>,
    pub person_id: Option<String>,
    pub lead_id: Option<String>,
    /// The deal it belongs to (it then shows on the deal's timeline too).
    pub deal_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<entity::Model> for Activity {
    fn from(m: entity::Model) -> Self {
        Self {
            participant_ids: m
                .participant_ids
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            id: m.id,
            kind: m.kind,
            type_id: m.type_id,
            started_at: m.started_at,
            duration_minutes: m.duration_minutes,
            user_id: m.user_id,
            subject: m.subject,
            description: m.description,
            partner_id: m.partner_id,
            person_id: m.person_id,
            lead_id: m.lead_id,
            deal_id: m.deal_id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

fn valid_kind(v: &str) -> Result<(), validator::ValidationError> {
    one_of(v, KINDS)
}

/// Body of create (kind, subject and a partner, person or lead required; the caller is the user and
/// now the start unless given) and of update.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ActivityFields {
    #[validate(custom(function = "valid_kind"))]
    #[schema(example = "call")]
    pub kind: Option<String>,
    #[schema(max_length = 36)]
    pub type_id: Option<String>,
    pub started_at: Option<DateTime<Utc>>,
    #[validate(range(min = 0, max = 10080))]
    #[schema(minimum = 0, maximum = 10080, example = 30)]
    pub duration_minutes: Option<i32>,
    /// Who had the contact (default: the caller).
    #[schema(max_length = 36)]
    pub user_id: Option<String>,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300, example = "Ponuda za 2027.")]
    pub subject: Option<String>,
    #[validate(length(max = 20000))]
    #[schema(max_length = 20000)]
    pub description: Option<String>,
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub participant_ids: Option<Vec<String>>,
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
    #[schema(max_length = 36)]
    pub person_id: Option<String>,
    #[schema(max_length = 36)]
    pub lead_id: Option<String>,
    /// A deal the caller may see; its partner becomes the activity's when none is given.
    #[schema(max_length = 36)]
    pub deal_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ActivityListQuery {
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub partner_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub person_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub lead_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub deal_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub user_id: Option<String>,
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub kind: Option<String>,
    /// Started at or after.
    pub from: Option<DateTime<Utc>>,
    /// Started before.
    pub to: Option<DateTime<Utc>>,
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

impl ActivityListQuery {
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
    resource: "activities",
    table: "activities",
    default_sort: "-started_at",
    fields: &[
        Field::new("kind", Kind::Enum(KINDS)),
        Field::new("started_at", Kind::DateTime).sortable(),
        Field::new("duration_minutes", Kind::Number).sortable(),
        Field::new("user_id", Kind::String),
        Field::new("subject", Kind::String).sortable(),
        Field::new("partner_id", Kind::String).nullable(),
        Field::new("person_id", Kind::String).nullable(),
        Field::new("created_at", Kind::DateTime).sortable(),
    ],
};
