//! The outbox as users see it: send an email or a fax, follow its status, retry a failed one.
use super::dto::{Email, EmailQuery, SendEmail, SendFax, FIELDS};
use super::entity as email;
use super::outbox::{self, NewEmail, FAILED, QUEUED};
use crate::access::{scope_condition, Action, Resource, ScopeColumn};
use crate::api::{fetch_page, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::partners::service::find_visible as find_partner;
use crate::settings::Settings;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

const OWNER: ScopeColumn = ScopeColumn {
    table: "emails",
    column: "created_by",
};

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &EmailQuery,
) -> ApiResult<Page<Email>> {
    let scope = caller.require(Resource::Emails, Action::Read)?;
    let mut select = email::Entity::find().filter(scope_condition(scope, &caller.user_id, OWNER));
    if let Some(s) = &q.status {
        select = select.filter(email::Column::Status.eq(s.as_str()));
    }
    if let Some(p) = &q.partner_id {
        select = select.filter(email::Column::PartnerId.eq(p.as_str()));
    }
    let page = ListQuery {
        limit: q.limit,
        cursor: q.cursor.clone(),
        count: q.count,
        ..Default::default()
    };
    Ok(fetch_page(db, select, &FIELDS, &page, None)
        .await?
        .map(Email::from))
}

async fn find(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
) -> ApiResult<email::Model> {
    let by_id = email::Entity::find_by_id(id);
    crate::access::find_for(db, caller, Resource::Emails, action, by_id, |scope| {
        scope_condition(scope, &caller.user_id, OWNER)
    })
    .await
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Email> {
    find(db, caller, Action::Read, id).await.map(Email::from)
}

/// The partner and person a mail is about must be ones the sender may see.
async fn check_links(
    db: &impl ConnectionTrait,
    caller: &Caller,
    partner_id: Option<&str>,
    person_id: Option<&str>,
) -> ApiResult<()> {
    if let Some(p) = partner_id {
        find_partner(db, caller, Action::Read, p, false)
            .await
            .map_err(|_| ApiError::invalid("partner_id", "unknown_partner", "No such partner."))?;
    }
    if let Some(p) = person_id {
        crate::persons::service::get(db, caller, p)
            .await
            .map_err(|_| ApiError::invalid("person_id", "unknown_person", "No such person."))?;
    }
    Ok(())
}

pub async fn send(
    db: &impl TransactionTrait,
    settings: &Settings,
    caller: &Caller,
    input: SendEmail,
) -> ApiResult<Email> {
    caller.require(Resource::Emails, Action::Create)?;
    let txn = db.begin().await?;
    check_links(
        &txn,
        caller,
        input.partner_id.as_deref(),
        input.person_id.as_deref(),
    )
    .await?;
    let mail = NewEmail {
        to: input.to.iter().map(|t| t.trim().to_lowercase()).collect(),
        subject: input.subject.trim().to_owned(),
        text: input.text,
        html: input.html,
        channel: "email",
        related: None,
        partner_id: input.partner_id,
        person_id: input.person_id,
    };
    let model = outbox::queue(&txn, &settings.mail_from, Some(&caller.user_id), mail).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(model.into())
}

pub async fn send_fax(
    db: &impl TransactionTrait,
    settings: &Settings,
    caller: &Caller,
    input: SendFax,
) -> ApiResult<Email> {
    caller.require(Resource::Emails, Action::Create)?;
    if !settings.fax_gateway.contains("{number}") {
        return Err(ApiError::conflict(
            "fax_not_configured",
            "No email-to-fax gateway is configured (CRM_FAX_GATEWAY).",
        ));
    }
    let digits: String = input.number.chars().filter(char::is_ascii_digit).collect();
    let number = if input.number.trim_start().starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    };
    let txn = db.begin().await?;
    check_links(
        &txn,
        caller,
        input.partner_id.as_deref(),
        input.person_id.as_deref(),
    )
    .await?;
    let mail = NewEmail {
        to: vec![settings.fax_gateway.replace("{number}", &number)],
        subject: input.subject.trim().to_owned(),
        text: input.text,
        html: None,
        channel: "fax",
        related: None,
        partner_id: input.partner_id,
        person_id: input.person_id,
    };
    let model = outbox::queue(&txn, &settings.mail_from, Some(&caller.user_id), mail).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(model.into())
}

/// Queues a failed email again, with fresh attempts; its Message-ID stays.
pub async fn retry(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<Email> {
    let txn = db.begin().await?;
    let model = find(&txn, caller, Action::Update, id).await?;
    if model.status != FAILED {
        return Err(ApiError::conflict(
            "email_not_failed",
            "Only a failed email is sent again.",
        ));
    }
    let mut active: email::ActiveModel = model.clone().into();
    active.status = Set(QUEUED.into());
    active.attempts = Set(0);
    active.next_attempt_at = Set(clock::now());
    active.updated_at = Set(clock::now());
    let updated = active.update(&txn).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(updated.into())
}
