//! Thin HTTP handlers for the assignment table, its preview, apply, explanation and reports.
use super::dto::{
    Applied, AssignmentRule, Explanation, OwnerCount, Preview, PreviewQuery, RuleSet,
    UnassignedPartner,
};
use super::{reports, service};
use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

fn limit(q: &PreviewQuery) -> usize {
    q.limit.unwrap_or(100).min(1000) as usize
}

#[utoipa::path(get, path = "/api/v1/assignment/rules", tag = "assignment",
    responses((status = 200, description = "The assignment table", body = Vec<AssignmentRule>)))]
pub async fn list_rules(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list_rules(&state.db.read, &caller).await?))
}

#[utoipa::path(post, path = "/api/v1/assignment/preview", tag = "assignment", request_body = RuleSet, params(PreviewQuery),
    responses((status = 200, description = "Every partner whose owners the proposed table changes (counts; the first ones listed); nothing is written", body = Preview)))]
pub async fn preview(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<PreviewQuery>,
    body: web::Json<RuleSet>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Ok().json(service::preview(&state.db.read, &caller, body, limit(&q)).await?))
}

#[utoipa::path(post, path = "/api/v1/assignment/apply", tag = "assignment", request_body = RuleSet,
    responses((status = 202, description = "The table is replaced; a job reassigns the partners as the preview showed", body = Applied)))]
pub async fn apply(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<RuleSet>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Accepted().json(service::apply(&state.db.write, &caller, body).await?))
}

#[utoipa::path(get, path = "/api/v1/assignment/pending", tag = "assignment", params(PreviewQuery),
    responses((status = 200, description = "What the current table would still change, and the partners whose rules conflict", body = Preview)))]
pub async fn pending(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<PreviewQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::pending(&state.db.read, &caller, limit(&q)).await?))
}

#[utoipa::path(get, path = "/api/v1/assignment/reports/owners", tag = "assignment",
    responses((status = 200, description = "Partners per primary owner and territory, in the caller's scope", body = Vec<OwnerCount>)))]
pub async fn owners_report(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(reports::owners(&state.db.read, &caller).await?))
}

#[utoipa::path(get, path = "/api/v1/assignment/reports/unassigned", tag = "assignment",
    responses((status = 200, description = "Partners without a primary owner (the first 1000 by name)", body = Vec<UnassignedPartner>)))]
pub async fn unassigned_report(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(reports::unassigned(&state.db.read, &caller).await?))
}

#[utoipa::path(get, path = "/api/v1/partners/{id}/assignment", tag = "assignment", params(("id" = String, Path)),
    responses((status = 200, description = "The rule behind the partner's owners and the candidates it beat", body = Explanation)))]
pub async fn explain_partner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::explain(&state.db.read, &caller, &id).await?))
}
