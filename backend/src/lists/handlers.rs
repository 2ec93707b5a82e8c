//! Thin HTTP handlers for managed lists.
use super::dto::{CreateListItem, ListItem, UpdateListItem};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

const LIST_PARAM: &str =
    "partner_groups, legal_forms, lead_sources, activity_types, tags or deal_sources";

#[utoipa::path(get, path = "/api/v1/lists/{list}/items", tag = "lists",
    params(("list" = String, Path, description = LIST_PARAM), ListQuery),
    responses((status = 200, description = "The list's items", body = Page<ListItem>)))]
pub async fn list_items(
    state: web::Data<AppState>,
    caller: Caller,
    list: web::Path<String>,
    q: Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &list, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/lists/{list}/items", tag = "lists", request_body = CreateListItem,
    params(("list" = String, Path, description = LIST_PARAM)),
    responses((status = 201, description = "Created", body = ListItem, headers(("ETag" = String))),
        (status = 409, description = "Code taken", body = Problem, content_type = "application/problem+json")))]
pub async fn create_list_item(
    state: web::Data<AppState>,
    caller: Caller,
    list: web::Path<String>,
    body: web::Json<CreateListItem>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let item = service::create(&state.db.write, &caller, &list, body).await?;
    Ok(with_etag(HttpResponse::Created(), item.version, &item))
}

#[utoipa::path(patch, path = "/api/v1/lists/{list}/items/{id}", tag = "lists", request_body = UpdateListItem,
    params(("list" = String, Path, description = LIST_PARAM), ("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = ListItem, headers(("ETag" = String)))))]
pub async fn update_list_item(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
    body: web::Json<UpdateListItem>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let (list, id) = path.into_inner();
    let item = service::update(&state.db.write, &caller, &list, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), item.version, &item))
}

#[utoipa::path(delete, path = "/api/v1/lists/{list}/items/{id}", tag = "lists",
    params(("list" = String, Path, description = LIST_PARAM), ("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_list_item(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (list, id) = path.into_inner();
    service::delete(&state.db.write, &caller, &list, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
