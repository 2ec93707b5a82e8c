//! Mail from a deal: a template rendered for one of the deal's persons (with the deal in its
//! context), queued in the outbox in the same transaction, and shown on the deal's timeline.
use super::dto::DealEmail;
use super::service::find_visible;
use crate::access::{Action, Resource};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::mail::dto::Email;
use crate::mail::outbox::{self, NewEmail};
use crate::settings::Settings;
use crate::templates::{context, render, service::pick};
use crate::users::entity::user;
use sea_orm::{EntityTrait, TransactionTrait};
use validator::ValidateEmail;

pub async fn send(
    db: &impl TransactionTrait,
    settings: &Settings,
    caller: &Caller,
    deal_id: &str,
    input: DealEmail,
) -> ApiResult<Email> {
    caller.require(Resource::Emails, Action::Create)?;
    let txn = db.begin().await?;
    let deal = find_visible(&txn, caller, Action::Update, deal_id, false).await?;
    let partner =
        crate::partners::service::find_visible(&txn, caller, Action::Read, &deal.partner_id, false)
            .await?;
    let person = match &input.person_id {
        Some(p) => Some(
            crate::persons::service::find_visible(&txn, caller, Action::Read, p, false)
                .await
                .map_err(|_| ApiError::invalid("person_id", "unknown_person", "No such person."))?,
        ),
        None => None,
    };
    let mut to: Vec<String> = input
        .to
        .iter()
        .flatten()
        .map(|t| t.trim().to_lowercase())
        .collect();
    if let Some(i) = to.iter().position(|t| !t.validate_email()) {
        return Err(ApiError::invalid(
            &format!("to[{i}]"),
            "invalid_email",
            "Not an email address.",
        ));
    }
    if let Some(address) = person.as_ref().and_then(context::person_email) {
        to.insert(0, address);
    }
    if to.is_empty() {
        return Err(ApiError::invalid(
            "to",
            "required",
            "Name a person with an email address, or give the addresses.",
        ));
    }
    let language = input
        .language
        .clone()
        .unwrap_or_else(|| context::language_of(Some(&partner)).to_owned());
    let template = pick(&txn, &input.template_key, &language)
        .await?
        .ok_or_else(|| {
            ApiError::invalid("template_key", "unknown_template", "No such template.")
        })?;
    if template.purpose == "marketing" {
        return Err(ApiError::invalid(
            "template_key",
            "marketing_template",
            "Marketing mail goes out as a mailing, which honours consent and unsubscribes.",
        ));
    }
    let sender = user::Entity::find_by_id(caller.user_id.as_str())
        .one(&txn)
        .await?;
    let mut ctx = context::context(person.as_ref(), Some(&partner), sender.as_ref(), None);
    ctx["deal"] = serde_json::json!({
        "title": deal.title,
        "expected_amount": deal.expected_amount,
        "currency": deal.currency,
        "expected_close_on": deal.expected_close_on,
    });
    let rendered = render::render(&template, &ctx)
        .map_err(|e| ApiError::invalid("template_key", "render_failed", &e))?;
    let mail = NewEmail {
        to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        channel: "email",
        related: Some(("deal".into(), deal.id.clone())),
        partner_id: Some(deal.partner_id.clone()),
        person_id: person.map(|p| p.id),
    };
    let model = outbox::queue(&txn, &settings.mail_from, Some(&caller.user_id), mail).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(model.into())
}
