//! Thin HTTP handlers for activities.
use super::dto::{Activity, ActivityFields, ActivityListQuery};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, Page};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/activities", tag = "activities", params(ActivityListQuery),
    responses((status = 200, description = "The contact log, newest first by default", body = Page<Activity>)))]
pub async fn list_activities(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ActivityListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/activities", tag = "activities", request_body = ActivityFields,
    responses((status = 201, description = "Logged", body = Activity, headers(("ETag" = String)))))]
pub async fn create_activity(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<ActivityFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let activity = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(
        HttpResponse::Created(),
        activity.version,
        &activity,
    ))
}

#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "activities", params(("id" = String, Path)),
    responses((status = 200, description = "The activity", body = Activity, headers(("ETag" = String)))))]
pub async fn get_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let activity = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), activity.version, &activity))
}

#[utoipa::path(patch, path = "/api/v1/activities/{id}", tag = "activities", request_body = ActivityFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Activity, headers(("ETag" = String)))))]
pub async fn update_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<ActivityFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let activity = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), activity.version, &activity))
}

#[utoipa::path(delete, path = "/api/v1/activities/{id}", tag = "activities",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
