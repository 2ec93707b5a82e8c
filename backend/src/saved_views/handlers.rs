//! Thin HTTP handlers for saved views.
use super::dto::{CreateSavedView, SavedView, SavedViewQuery, UpdateSavedView};
use super::service;
use crate::api::{with_etag, IfMatch, Page};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/saved-views", tag = "saved_views", params(SavedViewQuery),
    responses((status = 200, description = "The caller's saved views", body = Page<SavedView>)))]
pub async fn list_saved_views(
    state: web::Data<AppState>,
    caller: Caller,
    q: crate::api::extract::Query<SavedViewQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/saved-views", tag = "saved_views", request_body = CreateSavedView,
    responses((status = 201, description = "Created", body = SavedView, headers(("ETag" = String)))))]
pub async fn create_saved_view(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateSavedView>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let view = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), view.version, &view))
}

#[utoipa::path(get, path = "/api/v1/saved-views/{id}", tag = "saved_views", params(("id" = String, Path)),
    responses((status = 200, description = "The view", body = SavedView, headers(("ETag" = String)))))]
pub async fn get_saved_view(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let view = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), view.version, &view))
}

#[utoipa::path(patch, path = "/api/v1/saved-views/{id}", tag = "saved_views", request_body = UpdateSavedView,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = SavedView, headers(("ETag" = String)))))]
pub async fn update_saved_view(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateSavedView>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let view = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), view.version, &view))
}

#[utoipa::path(delete, path = "/api/v1/saved-views/{id}", tag = "saved_views",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_saved_view(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
