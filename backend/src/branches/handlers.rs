//! Thin HTTP handlers for branches.
use super::dto::{Branch, BranchFields};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/partners/{id}/branches", tag = "partners", params(("id" = String, Path), ListQuery),
    responses((status = 200, description = "The partner's branches", body = Page<Branch>)))]
pub async fn list_branches(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    q: Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &id, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/partners/{id}/branches", tag = "partners", request_body = BranchFields, params(("id" = String, Path)),
    responses((status = 201, description = "Created", body = Branch, headers(("ETag" = String)))))]
pub async fn create_branch(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<BranchFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let branch = service::create(&state.db.write, &caller, &id, body).await?;
    Ok(with_etag(HttpResponse::Created(), branch.version, &branch))
}

#[utoipa::path(patch, path = "/api/v1/partners/{id}/branches/{branch_id}", tag = "partners", request_body = BranchFields,
    params(("id" = String, Path), ("branch_id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Branch, headers(("ETag" = String)))))]
pub async fn update_branch(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
    body: web::Json<BranchFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let (partner_id, id) = path.into_inner();
    let branch =
        service::update(&state.db.write, &caller, &partner_id, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), branch.version, &branch))
}

#[utoipa::path(delete, path = "/api/v1/partners/{id}/branches/{branch_id}", tag = "partners",
    params(("id" = String, Path), ("branch_id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_branch(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (partner_id, id) = path.into_inner();
    service::delete(&state.db.write, &caller, &partner_id, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
