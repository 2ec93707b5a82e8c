//! Thin HTTP handlers for teams.
use super::dto::{CreateTeam, Team, UpdateTeam};
use super::service;
use crate::api::{with_etag, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/teams", tag = "teams", params(ListQuery),
    responses((status = 200, description = "Teams the caller may see", body = Page<Team>)))]
pub async fn list_teams(
    state: web::Data<AppState>,
    caller: Caller,
    q: crate::api::extract::Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/teams", tag = "teams", request_body = CreateTeam,
    responses((status = 201, description = "Created", body = Team, headers(("ETag" = String)))))]
pub async fn create_team(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateTeam>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let team = service::create(&state.db.write, &caller, body).await?;
    let mut created = HttpResponse::Created();
    created.insert_header(("Location", format!("/api/v1/teams/{}", team.id)));
    Ok(with_etag(created, team.version, &team))
}

#[utoipa::path(get, path = "/api/v1/teams/{id}", tag = "teams", params(("id" = String, Path)),
    responses((status = 200, description = "The team", body = Team, headers(("ETag" = String)))))]
pub async fn get_team(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let team = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), team.version, &team))
}

#[utoipa::path(patch, path = "/api/v1/teams/{id}", tag = "teams", request_body = UpdateTeam,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Team, headers(("ETag" = String)))))]
pub async fn update_team(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateTeam>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let team = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), team.version, &team))
}

#[utoipa::path(delete, path = "/api/v1/teams/{id}", tag = "teams",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash")))]
pub async fn delete_team(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/teams/{id}/restore", tag = "teams", params(("id" = String, Path)),
    responses((status = 200, description = "Restored from the trash", body = Team, headers(("ETag" = String)))))]
pub async fn restore_team(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let team = service::restore(&state.db.write, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), team.version, &team))
}
