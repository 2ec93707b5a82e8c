//! Thin HTTP handlers for persons.
use super::dto::{Person, PersonFields, PersonListQuery};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, Page, SearchBody};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/persons", tag = "persons", params(PersonListQuery),
    responses((status = 200, description = "A page of persons the caller may see", body = Page<Person>)))]
pub async fn list_persons(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<PersonListQuery>,
) -> ApiResult<HttpResponse> {
    let page = q.list_query();
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q, None, &page).await?))
}

#[utoipa::path(post, path = "/api/v1/persons/search", tag = "persons", request_body = SearchBody,
    responses((status = 200, description = "A page of persons matching the filter tree", body = Page<Person>)))]
pub async fn search_persons(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SearchBody>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let page = body.list_query();
    let q = PersonListQuery::default();
    Ok(HttpResponse::Ok()
        .json(service::list(&state.db.read, &caller, &q, body.filter.as_ref(), &page).await?))
}

#[utoipa::path(post, path = "/api/v1/persons", tag = "persons", request_body = PersonFields,
    responses((status = 201, description = "Created", body = Person, headers(("ETag" = String)))))]
pub async fn create_person(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PersonFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let person = service::create(&state.db.write, &caller, body).await?;
    let mut created = HttpResponse::Created();
    created.insert_header(("Location", format!("/api/v1/persons/{}", person.id)));
    Ok(with_etag(created, person.version, &person))
}

#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "persons", params(("id" = String, Path)),
    responses((status = 200, description = "The person", body = Person, headers(("ETag" = String)))))]
pub async fn get_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let person = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), person.version, &person))
}

#[utoipa::path(patch, path = "/api/v1/persons/{id}", tag = "persons", request_body = PersonFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Person, headers(("ETag" = String)))))]
pub async fn update_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<PersonFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let person = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), person.version, &person))
}

#[utoipa::path(delete, path = "/api/v1/persons/{id}", tag = "persons",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash")))]
pub async fn delete_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/persons/{id}/restore", tag = "persons", params(("id" = String, Path)),
    responses((status = 200, description = "Restored from the trash", body = Person, headers(("ETag" = String)))))]
pub async fn restore_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let person = service::restore(&state.db.write, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), person.version, &person))
}

#[utoipa::path(post, path = "/api/v1/persons/{id}/merge", tag = "persons", request_body = crate::partners::dto::MergePartner, params(("id" = String, Path, description = "The person that stays")),
    responses((status = 200, description = "Merged: activities and leads moved here, emails and phones united; the duplicate is in the trash", body = Person)))]
pub async fn merge_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<crate::partners::dto::MergePartner>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let person = super::merge::merge(&state.db.write, &caller, &id, &body.duplicate_id).await?;
    Ok(with_etag(HttpResponse::Ok(), person.version, &person))
}
