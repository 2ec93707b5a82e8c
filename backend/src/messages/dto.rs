//! Bodies of the internal messages API.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Message {
    pub id: String,
    pub thread_id: String,
    pub sender_id: String,
    pub sender_name: Option<String>,
    pub subject: String,
    pub body: String,
    pub recipient_ids: Vec<String>,
    /// When the caller read it; null while unread, and for messages the caller sent.
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Mailbox {
    /// Newest first.
    pub items: Vec<Message>,
    pub unread_count: u64,
    /// Pass as `before` for older messages; null when there are none.
    pub next_before: Option<DateTime<Utc>>,
}

/// `POST /api/v1/messages`: to users and/or whole teams (their members and manager); a reply names
/// the message it answers and joins its thread, and naming nobody goes to everyone in the thread.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SendMessage {
    #[serde(default)]
    #[validate(length(max = 200))]
    #[schema(max_items = 200)]
    pub to_user_ids: Vec<String>,
    #[serde(default)]
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub to_team_ids: Vec<String>,
    /// Defaults to "Re: " and the answered message's subject.
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub subject: Option<String>,
    #[validate(length(min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
    #[schema(max_length = 36)]
    pub reply_to: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MailboxQuery {
    /// `inbox` (default) or `sent`.
    #[param(max_length = 8)]
    #[validate(length(max = 8))]
    pub r#box: Option<String>,
    pub unread: Option<bool>,
    /// Only messages older than this (the previous page's `next_before`).
    pub before: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 200)]
    #[validate(range(min = 1, max = 200))]
    pub limit: Option<u64>,
}
