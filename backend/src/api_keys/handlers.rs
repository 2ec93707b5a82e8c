//! Thin HTTP handlers for API keys.
use super::dto::{ApiKey, ApiKeyListQuery, CreateApiKey, CreatedApiKey};
use super::service;
use crate::api::Page;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/api-keys", tag = "api_keys", params(ApiKeyListQuery),
    responses((status = 200, description = "The caller's keys (administrators: everyone's)", body = Page<ApiKey>)))]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: Caller,
    q: crate::api::extract::Query<ApiKeyListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/api-keys", tag = "api_keys", request_body = CreateApiKey,
    responses((status = 201, description = "Created; the secret is shown only in this response", body = CreatedApiKey)))]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateApiKey>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Created().json(service::create(&state.db.write, &caller, body).await?))
}

#[utoipa::path(post, path = "/api/v1/api-keys/{id}/revoke", tag = "api_keys", params(("id" = String, Path)),
    responses((status = 200, description = "Revoked; the key stops working at once", body = ApiKey)))]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::revoke(&state.db.write, &caller, &id).await?))
}
