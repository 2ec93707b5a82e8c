//! Thin HTTP handlers for roles and the permission catalog.
use super::dto::{CreateRole, Permissions, Role, UpdateRole};
use super::service;
use crate::api::{with_etag, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/permissions", tag = "roles",
    responses((status = 200, description = "Every grantable resource x action, and the scopes", body = Permissions)))]
pub async fn get_permissions(_caller: Caller) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::permissions()))
}

#[utoipa::path(get, path = "/api/v1/roles", tag = "roles", params(ListQuery),
    responses((status = 200, description = "Roles with their grants", body = Page<Role>)))]
pub async fn list_roles(
    state: web::Data<AppState>,
    caller: Caller,
    q: crate::api::extract::Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/roles", tag = "roles", request_body = CreateRole,
    responses((status = 201, description = "Created", body = Role, headers(("ETag" = String))),
        (status = 409, description = "Key taken", body = Problem, content_type = "application/problem+json")))]
pub async fn create_role(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateRole>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let role = service::create(&state.db.write, &caller, body).await?;
    let mut created = HttpResponse::Created();
    created.insert_header(("Location", format!("/api/v1/roles/{}", role.id)));
    Ok(with_etag(created, role.version, &role))
}

#[utoipa::path(get, path = "/api/v1/roles/{id}", tag = "roles", params(("id" = String, Path)),
    responses((status = 200, description = "The role", body = Role, headers(("ETag" = String)))))]
pub async fn get_role(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let role = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), role.version, &role))
}

#[utoipa::path(patch, path = "/api/v1/roles/{id}", tag = "roles", request_body = UpdateRole,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Role, headers(("ETag" = String)))))]
pub async fn update_role(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<UpdateRole>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let role = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), role.version, &role))
}

#[utoipa::path(delete, path = "/api/v1/roles/{id}", tag = "roles",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted"),
        (status = 409, description = "Built-in or still held by users", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_role(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
