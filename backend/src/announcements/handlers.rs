//! Thin HTTP handlers for announcements.
use super::dto::{Announcement, AnnouncementQuery, CreateAnnouncement, Reader, UpdateAnnouncement};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/announcements", tag = "announcements", params(AnnouncementQuery),
    responses((status = 200, description = "Current announcements, pinned first, with the caller's read state", body = Vec<Announcement>)))]
pub async fn list_announcements(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<AnnouncementQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/announcements", tag = "announcements", request_body = CreateAnnouncement,
    responses((status = 201, description = "Published", body = Announcement, headers(("ETag" = String)))))]
pub async fn create_announcement(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateAnnouncement>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let a = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), a.version, &a))
}

#[utoipa::path(patch, path = "/api/v1/announcements/{id}", tag = "announcements", request_body = UpdateAnnouncement,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Announcement, headers(("ETag" = String)))))]
pub async fn update_announcement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateAnnouncement>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let a = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), a.version, &a))
}

#[utoipa::path(delete, path = "/api/v1/announcements/{id}", tag = "announcements",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Taken down")))]
pub async fn delete_announcement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/announcements/{id}/read", tag = "announcements", params(("id" = String, Path)),
    responses((status = 200, description = "Marked read by the caller", body = Announcement)))]
pub async fn read_announcement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::mark_read(&state.db.write, &caller, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/announcements/{id}/readers", tag = "announcements", params(("id" = String, Path)),
    responses((status = 200, description = "Who has read it, first reader first", body = Vec<Reader>)))]
pub async fn announcement_readers(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::readers(&state.db.read, &caller, &id).await?))
}
