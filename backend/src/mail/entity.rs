//! sea-orm model of the email outbox.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "emails")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub from_addr: String,
    /// A JSON array of addresses.
    pub to_addrs: Option<Json>,
    pub subject: String,
    pub html_body: Option<String>,
    pub text_body: String,
    pub channel: String,
    pub related_type: Option<String>,
    pub related_id: Option<String>,
    pub partner_id: Option<String>,
    pub person_id: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub message_id: String,
    pub sent_at: Option<DateTimeUtc>,
    /// When a queued email is due (later after a temporary failure).
    pub next_attempt_at: DateTimeUtc,
    /// While `sending`: until when its worker holds it.
    pub locked_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub created_by: Option<String>,
    pub version: i32,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
