//! The outbox, a durable queue of its own: an email is a row written in the transaction of whatever
//! caused it. Workers claim due rows in batches with a lease (on PostgreSQL with `FOR UPDATE SKIP
//! LOCKED`), which marks them `sending`; the [`super::sender`] marks them `sent` right after the
//! server took them. A crash therefore resends only mail that was in flight, with the same
//! Message-ID (which lets receiving servers drop the duplicate), and loses nothing: a `sending` row
//! whose lease ran out is claimed again. One row, not a job per email, keeps a mailing of ten
//! thousand to a few writes per message.
use super::entity as email;
use crate::activities::entity as activity;
use crate::api::sql::Sql;
use crate::clock;
use crate::error::ApiResult;
use crate::jobs::queue::{backoff, MAX_ATTEMPTS};
use chrono::{DateTime, Duration, Utc};
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    TransactionTrait,
};

pub const QUEUED: &str = "queued";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// What a caller wants sent.
#[derive(Debug, Clone, Default)]
pub struct NewEmail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// `email`, or `fax` for a fax sent through the email-to-fax gateway.
    pub channel: &'static str,
    /// The record the mail is about (a mailing, a deadline...).
    pub related: Option<(String, String)>,
    pub partner_id: Option<String>,
    pub person_id: Option<String>,
}

fn domain_of(from: &str) -> &str {
    from.rsplit('@')
        .next()
        .map(|d| d.trim_end_matches('>'))
        .filter(|d| !d.is_empty())
        .unwrap_or("crm.invalid")
}

fn row(from: &str, created_by: Option<&str>, mail: NewEmail) -> email::Model {
    let now = clock::now();
    let id = clock::new_id();
    let (related_type, related_id) = mail.related.unzip();
    email::Model {
        message_id: format!("<{id}@{}>", domain_of(from)),
        id,
        from_addr: from.to_owned(),
        to_addrs: Some(serde_json::json!(mail.to)),
        subject: mail.subject,
        html_body: mail.html,
        text_body: mail.text,
        channel: if mail.channel.is_empty() {
            "email"
        } else {
            mail.channel
        }
        .to_owned(),
        related_type,
        related_id,
        partner_id: mail.partner_id,
        person_id: mail.person_id,
        status: QUEUED.into(),
        attempts: 0,
        last_error: None,
        sent_at: None,
        next_attempt_at: now,
        locked_until: None,
        created_at: now,
        updated_at: now,
        created_by: created_by.map(str::to_owned),
        version: 1,
        deleted_at: None,
    }
}

/// Writes one email in the caller's transaction; the worker sends it.
pub async fn queue(
    db: &impl ConnectionTrait,
    from: &str,
    created_by: Option<&str>,
    mail: NewEmail,
) -> ApiResult<email::Model> {
    let model = row(from, created_by, mail);
    email::Entity::insert(email::ActiveModel::from(model.clone()))
        .exec_without_returning(db)
        .await?;
    Ok(model)
}

/// Writes many emails in one statement (a mailing's batch; on PostgreSQL as unnested arrays, one
/// parameter per column rather than per value).
pub async fn queue_many(
    db: &impl ConnectionTrait,
    from: &str,
    created_by: Option<&str>,
    mails: Vec<NewEmail>,
) -> ApiResult<usize> {
    let count = mails.len();
    let rows = mails
        .into_iter()
        .map(|m| email::ActiveModel::from(row(from, created_by, m)))
        .collect();
    crate::db::insert_chunked(db, rows, 500).await?;
    Ok(count)
}

/// The claim of mail matching a condition: `$1` the lease's end, `$2` now, `$3` how many.
macro_rules! claim {
    ($which:literal, $lock:literal) => {
        Sql::new(concat!(
            "UPDATE emails SET status = 'sending', attempts = attempts + 1, locked_until = $1, \
             updated_at = $2 WHERE id IN (SELECT id FROM emails WHERE ",
            $which,
            " LIMIT $3",
            $lock,
            ") RETURNING *"
        ))
    };
}

/// Due queued mail, oldest first: a walk of `ix_emails_due` that stops at the limit. Mail whose
/// sender died (`sending` past its lease) is looked for apart, so neither condition turns the
/// claim into a sort of the whole queue.
macro_rules! claims {
    ($lock:literal) => {
        [
            claim!(
                "status = 'queued' AND next_attempt_at <= $2 ORDER BY status, next_attempt_at",
                $lock
            ),
            claim!(
                "status = 'sending' AND locked_until < $2 ORDER BY status, locked_until",
                $lock
            ),
        ]
    };
}

/// On PostgreSQL rows another worker holds are skipped; SQLite has one writer.
static CLAIM_PG: [Sql; 2] = claims!(" FOR UPDATE SKIP LOCKED");
static CLAIM_SQLITE: [Sql; 2] = claims!("");

/// Claims up to `limit` due emails until `now + lease`, marking them `sending`.
pub async fn claim(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u64,
) -> ApiResult<Vec<email::Model>> {
    let backend = db.get_database_backend();
    let claims = match backend {
        DatabaseBackend::Postgres => &CLAIM_PG,
        _ => &CLAIM_SQLITE,
    };
    let mut claimed = Vec::new();
    for sql in claims {
        let left = limit.saturating_sub(claimed.len() as u64);
        if left == 0 {
            break;
        }
        let stmt = sql.statement(
            backend,
            [(now + lease).into(), now.into(), (left as i64).into()],
        );
        claimed.extend(email::Entity::find().from_raw_sql(stmt).all(db).await?);
    }
    Ok(claimed)
}

pub(super) fn build(m: &email::Model) -> Result<Message, String> {
    let from: Mailbox = m.from_addr.parse().map_err(|e| format!("from: {e}"))?;
    let mut builder = Message::builder()
        .from(from)
        .subject(m.subject.clone())
        .message_id(Some(m.message_id.clone()));
    let to: Vec<String> = m
        .to_addrs
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    if to.is_empty() {
        return Err("no recipient".into());
    }
    for addr in &to {
        builder = builder.to(addr.parse().map_err(|e| format!("{addr}: {e}"))?);
    }
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(m.text_body.clone());
    let message = match &m.html_body {
        Some(html) => builder.multipart(
            MultiPart::alternative().singlepart(text).singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(html.clone()),
            ),
        ),
        None => builder.singlepart(text),
    };
    message.map_err(|e| e.to_string())
}

/// Records a failure: a temporary one waits for its backoff, until the attempts run out.
pub(super) async fn record_failure(
    db: &impl ConnectionTrait,
    m: &email::Model,
    error: String,
    permanent: bool,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let give_up = permanent || m.attempts >= MAX_ATTEMPTS;
    static SQL: Sql = Sql::new(
        "UPDATE emails SET status = $1, last_error = $2, next_attempt_at = $3, locked_until = NULL, \
         updated_at = $4 WHERE id = $5 AND status = 'sending'",
    );
    db.execute(SQL.statement(
        db.get_database_backend(),
        [
            if give_up { FAILED } else { QUEUED }.into(),
            error.into(),
            (now + backoff(m.attempts - 1)).into(),
            clock::now().into(),
            m.id.clone().into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Marks emails the server took as sent and logs them on the timelines, in one transaction.
pub(super) async fn record_sent(
    db: &impl TransactionTrait,
    sent: &[email::Model],
) -> ApiResult<()> {
    if sent.is_empty() {
        return Ok(());
    }
    let txn = db.begin().await?;
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        // Only a crash of the database server itself could lose this commit, and then the mail
        // goes out once more with its Message-ID; a crash of ours loses nothing either way.
        txn.execute_unprepared("SET LOCAL synchronous_commit TO OFF")
            .await?;
    }
    let now = clock::now();
    email::Entity::update_many()
        .col_expr(email::Column::Status, Expr::value(SENT))
        .col_expr(email::Column::SentAt, Expr::value(now))
        .col_expr(
            email::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            email::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .col_expr(email::Column::UpdatedAt, Expr::value(now))
        .filter(email::Column::Id.is_in(sent.iter().map(|m| m.id.clone())))
        .exec(&txn)
        .await?;
    log_activities(&txn, sent).await?;
    txn.commit().await?;
    Ok(())
}

/// Sent mail shows on the timeline of the partner and person it went to, as the sender's contact.
async fn log_activities(db: &impl ConnectionTrait, sent: &[email::Model]) -> ApiResult<()> {
    let now = clock::now();
    let rows: Vec<activity::ActiveModel> = sent
        .iter()
        .filter(|m| m.partner_id.is_some() || m.person_id.is_some())
        .filter_map(|m| {
            let user_id = m.created_by.clone()?;
            let to = m
                .to_addrs
                .as_ref()
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            Some(activity::ActiveModel {
                id: Set(clock::new_id()),
                kind: Set(m.channel.clone()),
                type_id: Set(None),
                started_at: Set(now),
                duration_minutes: Set(0),
                user_id: Set(user_id.clone()),
                subject: Set(m.subject.clone()),
                description: Set(Some(format!("To: {to}\n\n{}", m.text_body))),
                participant_ids: Set(Some(serde_json::json!([]))),
                partner_id: Set(m.partner_id.clone()),
                person_id: Set(m.person_id.clone()),
                lead_id: Set(None),
                // Mail sent from a deal shows on the deal's timeline.
                deal_id: Set(m
                    .related_type
                    .as_deref()
                    .filter(|t| *t == "deal")
                    .and(m.related_id.clone())),
                created_at: Set(now),
                updated_at: Set(now),
                created_by: Set(Some(user_id)),
                version: Set(1),
                deleted_at: Set(None),
            })
        })
        .collect();
    crate::db::insert_chunked(db, rows, 500).await?;
    Ok(())
}
