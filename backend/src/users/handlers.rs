//! Thin HTTP handlers for users: extract, call the service, shape the response.
use super::dto::{CreateUser, ResetPassword, UpdateUser, User, UserListQuery, UserStatus};
use super::service;
use crate::api::{with_etag, IfMatch, Page, SearchBody};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(UserListQuery),
    responses((status = 200, description = "A page of users the caller may see", body = Page<User>)))]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: Caller,
    q: crate::api::extract::Query<UserListQuery>,
) -> ApiResult<HttpResponse> {
    let page = q.list_query();
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q, None, &page).await?))
}

#[utoipa::path(post, path = "/api/v1/users/search", tag = "users", request_body = SearchBody,
    responses((status = 200, description = "A page of users matching the filter tree", body = Page<User>)))]
pub async fn search_users(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SearchBody>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let page = body.list_query();
    let q = UserListQuery::default();
    Ok(HttpResponse::Ok()
        .json(service::list(&state.db.read, &caller, &q, body.filter.as_ref(), &page).await?))
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = CreateUser,
    responses((status = 201, description = "Created", body = User, headers(("ETag" = String))),
        (status = 409, description = "Email taken", body = Problem, content_type = "application/problem+json")))]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateUser>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let user = service::create(&state.db.write, &caller, body).await?;
    let mut created = HttpResponse::Created();
    created.insert_header(("Location", format!("/api/v1/users/{}", user.id)));
    Ok(with_etag(created, user.version, &user))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", params(("id" = String, Path)),
    responses((status = 200, description = "The user", body = User, headers(("ETag" = String)))))]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let user = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), user.version, &user))
}

#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", request_body = UpdateUser,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = User, headers(("ETag" = String))),
        (status = 409, description = "Email taken", body = Problem, content_type = "application/problem+json")))]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateUser>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let user = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), user.version, &user))
}

#[utoipa::path(delete, path = "/api/v1/users/{id}", tag = "users",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash"),
        (status = 409, description = "Cannot delete yourself", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/users/{id}/restore", tag = "users", params(("id" = String, Path)),
    responses((status = 200, description = "Restored from the trash", body = User, headers(("ETag" = String)))))]
pub async fn restore_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let user = service::restore(&state.db.write, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), user.version, &user))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "users", params(("id" = String, Path)),
    responses((status = 200, description = "Disabled; the user's tokens stop working at once", body = User),
        (status = 409, description = "Cannot disable yourself", body = Problem, content_type = "application/problem+json")))]
pub async fn disable_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let user = service::set_status(&state.db.write, &caller, &id, UserStatus::Disabled).await?;
    Ok(with_etag(HttpResponse::Ok(), user.version, &user))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "users", params(("id" = String, Path)),
    responses((status = 200, description = "Enabled", body = User),
        (status = 409, description = "Cannot enable yourself", body = Problem, content_type = "application/problem+json")))]
pub async fn enable_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let user = service::set_status(&state.db.write, &caller, &id, UserStatus::Active).await?;
    Ok(with_etag(HttpResponse::Ok(), user.version, &user))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/password", tag = "users", request_body = ResetPassword, params(("id" = String, Path)),
    responses((status = 204, description = "Password reset; the user's sessions end")))]
pub async fn reset_password(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<ResetPassword>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    service::reset_password(&state.db.write, &caller, &id, body).await?;
    Ok(HttpResponse::NoContent().finish())
}
