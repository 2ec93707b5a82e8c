//! The outbox: an email is a row written in the transaction of whatever caused it, together with
//! the job that sends it. Delivery marks the row `sending` before talking to the server and `sent`
//! after, so a crash in between resends at most that one message, with the same Message-ID (which
//! lets receiving servers drop the duplicate); nothing queued is ever lost.
use super::entity as email;
use super::transport::SendError;
use super::SEND_JOB;
use crate::activities::entity as activity;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::jobs::entity as job;
use crate::jobs::queue;
use crate::jobs::worker::{JobFailure, JobResult};
use crate::state::AppState;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionTrait};

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
    /// The record the mail is about (a deal, a campaign, a deadline...).
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

/// Writes the email and its sending job in the caller's transaction.
pub async fn queue(
    db: &impl ConnectionTrait,
    from: &str,
    created_by: Option<&str>,
    mail: NewEmail,
) -> ApiResult<email::Model> {
    let now = clock::now();
    let id = clock::new_id();
    let (related_type, related_id) = mail.related.unzip();
    let model = email::Model {
        message_id: format!("<{id}@{}>", domain_of(from)),
        id: id.clone(),
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
        created_at: now,
        updated_at: now,
        created_by: created_by.map(str::to_owned),
        version: 1,
        deleted_at: None,
    };
    email::Entity::insert(email::ActiveModel::from(model.clone()))
        .exec_without_returning(db)
        .await?;
    queue::enqueue(
        db,
        SEND_JOB,
        serde_json::json!({"email_id": id}),
        now,
        created_by,
    )
    .await?;
    Ok(model)
}

fn build(m: &email::Model) -> Result<Message, String> {
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

async fn set_status(
    db: &impl ConnectionTrait,
    m: &email::Model,
    status: &str,
    error: Option<String>,
) -> ApiResult<()> {
    let mut active: email::ActiveModel = m.clone().into();
    active.status = Set(status.to_owned());
    active.updated_at = Set(clock::now());
    if status == SENDING {
        active.attempts = Set(m.attempts + 1);
    }
    if error.is_some() {
        active.last_error = Set(error);
    }
    active.update(db).await?;
    Ok(())
}

/// The `email.send` job.
pub async fn deliver(state: &AppState, job: &job::Model) -> JobResult {
    let email_id = job
        .payload
        .as_ref()
        .and_then(|p| p["email_id"].as_str())
        .ok_or_else(|| JobFailure::Dead("payload lacks email_id".into()))?;
    let db = &state.db.write;
    let Some(m) = email::Entity::find_by_id(email_id)
        .one(db)
        .await
        .map_err(ApiError::from)?
    else {
        return Err(JobFailure::Dead(format!("email {email_id} is gone")));
    };
    if m.status == SENT || m.status == FAILED {
        // Already settled (a retried job after a crash past this point, or an outbox retry).
        return Ok(None);
    }
    let message = match build(&m) {
        Ok(message) => message,
        Err(e) => {
            set_status(db, &m, FAILED, Some(e.clone())).await?;
            return Err(JobFailure::Dead(e));
        }
    };
    set_status(db, &m, SENDING, None).await?;
    match state.mailer.send(message).await {
        Ok(()) => {
            let txn = db.begin().await.map_err(ApiError::from)?;
            let mut sent: email::ActiveModel = m.clone().into();
            sent.status = Set(SENT.into());
            sent.sent_at = Set(Some(clock::now()));
            sent.attempts = Set(m.attempts + 1);
            sent.updated_at = Set(clock::now());
            sent.update(&txn).await.map_err(ApiError::from)?;
            log_activity(&txn, &m).await?;
            txn.commit().await.map_err(ApiError::from)?;
            Ok(Some(serde_json::json!({"email_id": m.id, "status": SENT})))
        }
        Err(SendError::Permanent(e)) => {
            set_status(db, &m, FAILED, Some(e.clone())).await?;
            Err(JobFailure::Dead(e))
        }
        Err(SendError::Transient(e)) => {
            // The last attempt gives up for good; the outbox shows it failed, with a retry button.
            let status = if job.attempts >= job.max_attempts {
                FAILED
            } else {
                QUEUED
            };
            let current = email::Entity::find_by_id(email_id)
                .one(db)
                .await
                .map_err(ApiError::from)?
                .unwrap_or(m);
            set_status(db, &current, status, Some(e.clone())).await?;
            Err(JobFailure::Retry(e))
        }
    }
}

/// Sent mail shows on the timeline of the partner and person it went to, as the sender's contact.
async fn log_activity(db: &impl ConnectionTrait, m: &email::Model) -> ApiResult<()> {
    let Some(user_id) = m.created_by.clone() else {
        return Ok(());
    };
    if m.partner_id.is_none() && m.person_id.is_none() {
        return Ok(());
    }
    let now = clock::now();
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
    activity::Entity::insert(activity::ActiveModel {
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
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(user_id)),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
