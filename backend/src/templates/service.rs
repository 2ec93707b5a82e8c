//! Email templates: administrators and marketing write them, everyone uses them; a preview renders
//! one for a chosen person or partner.
use super::context;
use super::dto::{CreateTemplate, EmailTemplate, PreviewRequest, TemplateQuery, UpdateTemplate};
use super::entity::template;
use super::render::{self, Rendered};
use crate::access::{Action, Resource};
use crate::api::{versioned, IfMatch};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::users::entity::user;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

fn check(subject: &str, html: Option<&str>, text: &str) -> ApiResult<()> {
    let errors = render::check(subject, html, text);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &TemplateQuery,
) -> ApiResult<Vec<EmailTemplate>> {
    caller.require(Resource::EmailTemplates, Action::Read)?;
    let mut select = template::Entity::find().filter(template::Column::DeletedAt.is_null());
    if let Some(k) = &q.key {
        select = select.filter(template::Column::Key.eq(k.as_str()));
    }
    Ok(select
        .order_by_asc(template::Column::Key)
        .order_by_asc(template::Column::Language)
        .all(db)
        .await?
        .into_iter()
        .map(EmailTemplate::from)
        .collect())
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<template::Model> {
    template::Entity::find_by_id(id)
        .filter(template::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<EmailTemplate> {
    caller.require(Resource::EmailTemplates, Action::Read)?;
    find(db, id).await.map(EmailTemplate::from)
}

/// The template of `key` in `language`, else in English, else in any language.
pub async fn pick(
    db: &impl ConnectionTrait,
    key: &str,
    language: &str,
) -> ApiResult<Option<template::Model>> {
    let versions = template::Entity::find()
        .filter(template::Column::Key.eq(key))
        .filter(template::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    let by = |lang: &str| versions.iter().find(|t| t.language == lang).cloned();
    Ok(by(language)
        .or_else(|| by("en"))
        .or_else(|| versions.first().cloned()))
}

fn snapshot(t: &EmailTemplate) -> serde_json::Value {
    serde_json::to_value(t).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateTemplate,
) -> ApiResult<EmailTemplate> {
    caller.require(Resource::EmailTemplates, Action::Create)?;
    check(&input.subject, input.html.as_deref(), &input.text)?;
    let txn = db.begin().await?;
    let taken = template::Entity::find()
        .filter(template::Column::Key.eq(&input.key))
        .filter(template::Column::Language.eq(&input.language))
        .filter(template::Column::DeletedAt.is_null())
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(ApiError::field_conflict(
            "template_exists",
            "language",
            "This template already has a version in this language.",
        ));
    }
    let now = clock::now();
    let model = template::Model {
        id: clock::new_id(),
        key: input.key,
        language: input.language,
        name: input.name.trim().to_owned(),
        purpose: input.purpose,
        subject: input.subject,
        html: input.html.filter(|h| !h.trim().is_empty()),
        body_text: input.text,
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    template::Entity::insert(template::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    let dto = EmailTemplate::from(model);
    history::record(
        &txn,
        caller.actor(),
        "email_template",
        &dto.id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: UpdateTemplate,
) -> ApiResult<EmailTemplate> {
    caller.require(Resource::EmailTemplates, Action::Update)?;
    let txn = db.begin().await?;
    let current = find(&txn, id).await?;
    if_match.check(current.version)?;
    let subject = input
        .subject
        .clone()
        .unwrap_or_else(|| current.subject.clone());
    let html = input.html.clone().unwrap_or_else(|| current.html.clone());
    let text = input
        .text
        .clone()
        .unwrap_or_else(|| current.body_text.clone());
    check(&subject, html.as_deref(), &text)?;
    let before = EmailTemplate::from(current.clone());
    let mut active: template::ActiveModel = current.clone().into();
    active.subject = Set(subject);
    active.html = Set(html.filter(|h| !h.trim().is_empty()));
    active.body_text = Set(text);
    if let Some(n) = input.name {
        active.name = Set(n.trim().to_owned());
    }
    if let Some(p) = input.purpose {
        active.purpose = Set(p);
    }
    versioned::save(&txn, active, id, current.version).await?;
    let dto = EmailTemplate::from(find(&txn, id).await?);
    history::record(
        &txn,
        caller.actor(),
        "email_template",
        id,
        "update",
        history::diff(&snapshot(&before), &snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

/// Deletes a template for good (its key and language are free again); history keeps what it said.
pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    caller.require(Resource::EmailTemplates, Action::Delete)?;
    let txn = db.begin().await?;
    let current = find(&txn, id).await?;
    if_match.check(current.version)?;
    template::Entity::delete_by_id(id).exec(&txn).await?;
    history::record(
        &txn,
        caller.actor(),
        "email_template",
        id,
        "delete",
        history::diff(&snapshot(&current.into()), &serde_json::Value::Null),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn preview(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
    req: PreviewRequest,
) -> ApiResult<Rendered> {
    caller.require(Resource::EmailTemplates, Action::Read)?;
    let t = find(db, id).await?;
    let ctx = if req.person_id.is_none() && req.partner_id.is_none() {
        context::sample()
    } else {
        let person = match &req.person_id {
            Some(p) => {
                crate::persons::service::get(db, caller, p)
                    .await
                    .map_err(|_| {
                        ApiError::invalid("person_id", "unknown_person", "No such person.")
                    })?;
                crate::persons::entity::Entity::find_by_id(p.as_str())
                    .one(db)
                    .await?
            }
            None => None,
        };
        let partner_id = req
            .partner_id
            .clone()
            .or_else(|| person.as_ref().and_then(|p| p.partner_id.clone()));
        let partner = match &partner_id {
            Some(p) => Some(
                crate::partners::service::find_visible(db, caller, Action::Read, p, false)
                    .await
                    .map_err(|_| {
                        ApiError::invalid("partner_id", "unknown_partner", "No such partner.")
                    })?,
            ),
            None => None,
        };
        let sender = user::Entity::find_by_id(caller.user_id.as_str())
            .one(db)
            .await?;
        let unsubscribe = (t.purpose == "marketing").then_some("(unsubscribe link)");
        context::context(
            person.as_ref(),
            partner.as_ref(),
            sender.as_ref(),
            unsubscribe,
        )
    };
    render::render(&t, &ctx).map_err(|e| ApiError::invalid("template", "render_failed", &e))
}
