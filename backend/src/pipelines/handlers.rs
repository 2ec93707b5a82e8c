//! Thin HTTP handlers for deal types.
use super::dto::{DealType, DealTypeFields, DealTypeQuery};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/deal-types", tag = "deals", params(DealTypeQuery),
    responses((status = 200, description = "Deal types with their stages, in order", body = [DealType])))]
pub async fn list_deal_types(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DealTypeQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/deal-types", tag = "deals", request_body = DealTypeFields,
    responses((status = 201, description = "Created", body = DealType, headers(("ETag" = String)))))]
pub async fn create_deal_type(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<DealTypeFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let t = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), t.version, &t))
}

#[utoipa::path(get, path = "/api/v1/deal-types/{id}", tag = "deals", params(("id" = String, Path)),
    responses((status = 200, description = "The deal type", body = DealType, headers(("ETag" = String)))))]
pub async fn get_deal_type(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let t = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), t.version, &t))
}

#[utoipa::path(patch, path = "/api/v1/deal-types/{id}", tag = "deals", request_body = DealTypeFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = DealType, headers(("ETag" = String))),
        (status = 409, description = "A removed stage still holds deals", body = Problem, content_type = "application/problem+json")))]
pub async fn update_deal_type(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<DealTypeFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let t = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), t.version, &t))
}

#[utoipa::path(delete, path = "/api/v1/deal-types/{id}", tag = "deals",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Removed"),
        (status = 409, description = "Deals use the type", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_deal_type(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
