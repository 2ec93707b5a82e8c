//! Thin HTTP handlers for email templates and mailings.
use super::dto::{
    CreateMailing, CreateTemplate, EmailTemplate, Mailing, PreviewRequest, TemplateQuery,
    UpdateTemplate,
};
use super::render::Rendered;
use super::{mailing, service};
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/email-templates", tag = "templates", params(TemplateQuery),
    responses((status = 200, description = "Templates by key and language", body = Vec<EmailTemplate>)))]
pub async fn list_templates(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<TemplateQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(get, path = "/api/v1/email-templates/{id}", tag = "templates", params(("id" = String, Path)),
    responses((status = 200, description = "The template", body = EmailTemplate, headers(("ETag" = String)))))]
pub async fn get_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let t = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), t.version, &t))
}

#[utoipa::path(post, path = "/api/v1/email-templates", tag = "templates", request_body = CreateTemplate,
    responses((status = 201, description = "Created", body = EmailTemplate, headers(("ETag" = String))),
        (status = 409, description = "The key already has this language", body = Problem, content_type = "application/problem+json")))]
pub async fn create_template(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateTemplate>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let t = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), t.version, &t))
}

#[utoipa::path(patch, path = "/api/v1/email-templates/{id}", tag = "templates", request_body = UpdateTemplate,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = EmailTemplate, headers(("ETag" = String)))))]
pub async fn update_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateTemplate>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let t = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), t.version, &t))
}

#[utoipa::path(delete, path = "/api/v1/email-templates/{id}", tag = "templates",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/email-templates/{id}/preview", tag = "templates", request_body = PreviewRequest,
    params(("id" = String, Path)),
    responses((status = 200, description = "The template rendered for the person or partner (sample values without one)", body = Rendered)))]
pub async fn preview_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<PreviewRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(service::preview(&state.db.read, &caller, &id, body.into_inner()).await?))
}

#[utoipa::path(get, path = "/api/v1/mailings", tag = "templates",
    responses((status = 200, description = "Mailings, newest first", body = Vec<Mailing>)))]
pub async fn list_mailings(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(mailing::list(&state.db.read, &caller).await?))
}

#[utoipa::path(get, path = "/api/v1/mailings/{id}", tag = "templates", params(("id" = String, Path)),
    responses((status = 200, description = "The mailing with its progress", body = Mailing)))]
pub async fn get_mailing(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(mailing::get(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/mailings", tag = "templates", request_body = CreateMailing,
    responses((status = 202, description = "Accepted; a job puts one email per person in the outbox", body = Mailing)))]
pub async fn create_mailing(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateMailing>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Accepted().json(mailing::create(&state.db.write, &caller, body).await?))
}
