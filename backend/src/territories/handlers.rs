//! Thin HTTP handlers for territories.
use super::dto::{Territory, TerritoryFields};
use super::service;
use crate::api::{with_etag, IfMatch};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/territories", tag = "territories",
    responses((status = 200, description = "Every territory, by name; `parent_id` gives the tree", body = Vec<Territory>)))]
pub async fn list_territories(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller).await?))
}

#[utoipa::path(post, path = "/api/v1/territories", tag = "territories", request_body = TerritoryFields,
    responses((status = 201, description = "Created; partners are relocated and reassigned by a job", body = Territory, headers(("ETag" = String)))))]
pub async fn create_territory(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<TerritoryFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let t = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), t.version, &t))
}

#[utoipa::path(patch, path = "/api/v1/territories/{id}", tag = "territories", request_body = TerritoryFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated; partners are relocated and reassigned by a job", body = Territory, headers(("ETag" = String)))))]
pub async fn update_territory(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<TerritoryFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let t = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), t.version, &t))
}

#[utoipa::path(delete, path = "/api/v1/territories/{id}", tag = "territories",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted"), (status = 409, description = "Territories lie under it or rules name it")))]
pub async fn delete_territory(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
