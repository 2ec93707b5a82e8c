//! Bodies of the notifications API.
use super::entity::notification;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Every kind of notification; users choose per kind how they get it.
pub const KINDS: &[&str] = &[
    "deadline_near",
    "deadline_overdue",
    "deadline_escalated",
    "message",
    "partners_assigned",
];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Notification {
    pub id: String,
    /// One of the kinds in the preferences.
    pub kind: String,
    pub title: String,
    pub body: Option<String>,
    /// The record it is about, for a link (`partner`, `deadline`, `message`, ...).
    pub link_type: Option<String>,
    pub link_id: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<notification::Model> for Notification {
    fn from(m: notification::Model) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            title: m.title,
            body: m.body,
            link_type: m.link_type,
            link_id: m.link_id,
            read_at: m.read_at,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    /// Unread first, then newest first.
    pub items: Vec<Notification>,
    pub unread_count: u64,
    /// Pass as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    #[validate(range(min = 1, max = 200))]
    pub limit: Option<u64>,
    #[param(max_length = 512)]
    #[validate(length(max = 512))]
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Preference {
    #[schema(example = "deadline_overdue")]
    pub kind: String,
    /// Shown in the bell.
    pub in_app: bool,
    /// Also sent by email.
    pub email: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub unread_count: u64,
}
