//! Thin HTTP handlers for the outbox.
use super::dto::{Email, EmailQuery, SendEmail, SendFax};
use super::service;
use crate::api::extract::Query;
use crate::api::Page;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/emails", tag = "emails", params(EmailQuery),
    responses((status = 200, description = "The outbox, newest first", body = Page<Email>)))]
pub async fn list_emails(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<EmailQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(get, path = "/api/v1/emails/{id}", tag = "emails", params(("id" = String, Path)),
    responses((status = 200, description = "The email and its delivery status", body = Email)))]
pub async fn get_email(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::get(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/emails", tag = "emails", request_body = SendEmail,
    responses((status = 202, description = "Queued; the worker sends it", body = Email)))]
pub async fn send_email(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SendEmail>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let email = service::send(&state.db.write, &state.settings, &caller, body).await?;
    Ok(HttpResponse::Accepted().json(email))
}

#[utoipa::path(post, path = "/api/v1/faxes", tag = "emails", request_body = SendFax,
    responses((status = 202, description = "Queued to the email-to-fax gateway", body = Email),
        (status = 409, description = "No fax gateway is configured", body = Problem, content_type = "application/problem+json")))]
pub async fn send_fax(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SendFax>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let email = service::send_fax(&state.db.write, &state.settings, &caller, body).await?;
    Ok(HttpResponse::Accepted().json(email))
}

#[utoipa::path(post, path = "/api/v1/emails/{id}/retry", tag = "emails", params(("id" = String, Path)),
    responses((status = 202, description = "Queued again", body = Email),
        (status = 409, description = "Only failed emails are retried", body = Problem, content_type = "application/problem+json")))]
pub async fn retry_email(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Accepted().json(service::retry(&state.db.write, &caller, &id).await?))
}
