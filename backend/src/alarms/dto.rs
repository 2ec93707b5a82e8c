//! Bodies of the deadlines and absences API.
use super::entity::{absence, deadline};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Deadline {
    pub id: String,
    /// What registered it: `task` here; deal stages, campaign phases and tickets later.
    pub source_type: String,
    pub source_id: String,
    pub title: String,
    pub due_at: DateTime<Utc>,
    pub user_id: String,
    pub partner_id: Option<String>,
    /// When each alarm fired (each fires once).
    pub warned_at: Option<DateTime<Utc>>,
    pub overdue_at: Option<DateTime<Utc>>,
    pub escalated_at: Option<DateTime<Utc>>,
    pub cleared_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<deadline::Model> for Deadline {
    fn from(m: deadline::Model) -> Self {
        Self {
            id: m.id,
            source_type: m.source_type,
            source_id: m.source_id,
            title: m.title,
            due_at: m.due_at,
            user_id: m.user_id,
            partner_id: m.partner_id,
            warned_at: m.warned_at,
            overdue_at: m.overdue_at,
            escalated_at: m.escalated_at,
            cleared_at: m.cleared_at,
            created_at: m.created_at,
        }
    }
}

/// `POST /api/v1/deadlines`: a task with a due time that alarms its user.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateDeadline {
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300, example = "Send the offer to Kraš")]
    pub title: String,
    pub due_at: DateTime<Utc>,
    /// Who answers for it; the caller when left out.
    #[schema(max_length = 36)]
    pub user_id: Option<String>,
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeadlineQuery {
    /// Whose deadlines (needs `users:read` for someone else's); the caller's when left out.
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub user_id: Option<String>,
    /// Include cleared ones.
    pub cleared: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Absence {
    pub id: String,
    pub user_id: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Who stands in; none means each partner's deputy owner.
    pub deputy_id: Option<String>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<absence::Model> for Absence {
    fn from(m: absence::Model) -> Self {
        Self {
            id: m.id,
            user_id: m.user_id,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            deputy_id: m.deputy_id,
            note: m.note,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateAbsence {
    /// The absent user; the caller when left out.
    #[schema(max_length = 36)]
    pub user_id: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[schema(max_length = 36)]
    pub deputy_id: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub note: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AbsenceQuery {
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub user_id: Option<String>,
}
