//! Thin HTTP handlers for custom field definitions.
use super::dto::{CreateCustomField, CustomField, CustomFieldQuery, UpdateCustomField};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/custom-fields", tag = "custom_fields",
    params(CustomFieldQuery),
    responses((status = 200, description = "The definitions, by entity and form order", body = Vec<CustomField>)))]
pub async fn list_custom_fields(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<CustomFieldQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(get, path = "/api/v1/custom-fields/{id}", tag = "custom_fields",
    params(("id" = String, Path)),
    responses((status = 200, description = "The definition", body = CustomField, headers(("ETag" = String)))))]
pub async fn get_custom_field(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let field = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), field.version, &field))
}

#[utoipa::path(post, path = "/api/v1/custom-fields", tag = "custom_fields", request_body = CreateCustomField,
    responses((status = 201, description = "Defined; a filterable field gets its index", body = CustomField, headers(("ETag" = String))),
        (status = 409, description = "Key taken, or too many fields", body = Problem, content_type = "application/problem+json")))]
pub async fn create_custom_field(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateCustomField>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let field = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), field.version, &field))
}

#[utoipa::path(patch, path = "/api/v1/custom-fields/{id}", tag = "custom_fields", request_body = UpdateCustomField,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = CustomField, headers(("ETag" = String)))))]
pub async fn update_custom_field(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateCustomField>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let field = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), field.version, &field))
}

#[utoipa::path(delete, path = "/api/v1/custom-fields/{id}", tag = "custom_fields",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted, with its values on every record")))]
pub async fn delete_custom_field(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
