//! Bodies of the outbox API.
use super::entity;
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::partners::dto::valid_emails;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub const STATUSES: &[&str] = &["queued", "sending", "sent", "failed"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Email {
    pub id: String,
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    pub text_body: String,
    pub html_body: Option<String>,
    /// email, or fax (sent through the email-to-fax gateway).
    pub channel: String,
    /// queued, sending, sent or failed.
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Kept across retries, so a receiving server can drop a duplicate.
    pub message_id: String,
    pub related_type: Option<String>,
    pub related_id: Option<String>,
    pub partner_id: Option<String>,
    pub person_id: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<String>,
}

impl From<entity::Model> for Email {
    fn from(m: entity::Model) -> Self {
        Self {
            to: m
                .to_addrs
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            id: m.id,
            from: m.from_addr,
            subject: m.subject,
            text_body: m.text_body,
            html_body: m.html_body,
            channel: m.channel,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            message_id: m.message_id,
            related_type: m.related_type,
            related_id: m.related_id,
            partner_id: m.partner_id,
            person_id: m.person_id,
            sent_at: m.sent_at,
            created_at: m.created_at,
            created_by: m.created_by,
        }
    }
}

/// `POST /api/v1/emails`: one email, sent by the worker and logged on the partner's and person's
/// timelines.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SendEmail {
    #[validate(length(min = 1, max = 50), custom(function = "valid_emails"))]
    #[schema(min_items = 1, max_items = 50)]
    pub to: Vec<String>,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub subject: String,
    #[validate(length(min = 1, max = 100000))]
    #[schema(min_length = 1, max_length = 100000)]
    pub text: String,
    #[validate(length(max = 500000))]
    #[schema(max_length = 500000)]
    pub html: Option<String>,
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
    #[schema(max_length = 36)]
    pub person_id: Option<String>,
}

fn valid_fax_number(n: &str) -> Result<(), validator::ValidationError> {
    let digits = n.chars().filter(char::is_ascii_digit).count();
    if (5..=20).contains(&digits)
        && n.chars()
            .all(|c| c.is_ascii_digit() || " +-()/.".contains(c))
    {
        Ok(())
    } else {
        Err(validator::ValidationError::new("invalid_fax_number")
            .with_message("A fax number has 5 to 20 digits.".into()))
    }
}

/// `POST /api/v1/faxes`: a fax through the configured email-to-fax gateway.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SendFax {
    #[validate(custom(function = "valid_fax_number"))]
    #[schema(example = "+385 1 4567 890", max_length = 40)]
    pub number: String,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub subject: String,
    #[validate(length(min = 1, max = 100000))]
    #[schema(min_length = 1, max_length = 100000)]
    pub text: String,
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
    #[schema(max_length = 36)]
    pub person_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EmailQuery {
    /// queued, sending, sent or failed.
    #[param(max_length = 16)]
    #[validate(length(max = 16))]
    pub status: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub partner_id: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "emails",
    table: "emails",
    default_sort: "-created_at",
    fields: &[
        Field::new("status", Kind::Enum(STATUSES)),
        Field::new("subject", Kind::String),
        Field::new("created_at", Kind::DateTime).sortable(),
    ],
};
