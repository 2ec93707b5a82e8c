//! Thin HTTP handlers for partners.
use super::dto::{Duplicates, Partner, PartnerFields, PartnerListQuery, SetOwners};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, Page, SearchBody};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/partners", tag = "partners", params(PartnerListQuery),
    responses((status = 200, description = "A page of partners the caller may see", body = Page<Partner>)))]
pub async fn list_partners(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<PartnerListQuery>,
) -> ApiResult<HttpResponse> {
    let page = q.list_query();
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q, None, &page).await?))
}

#[utoipa::path(post, path = "/api/v1/partners/search", tag = "partners", request_body = SearchBody, params(PartnerListQuery),
    responses((status = 200, description = "A page of partners matching the filter tree and the list's quick filters (paging comes from the body)", body = Page<Partner>)))]
pub async fn search_partners(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<PartnerListQuery>,
    body: web::Json<SearchBody>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let page = body.list_query();
    Ok(HttpResponse::Ok()
        .json(service::list(&state.db.read, &caller, &q, body.filter.as_ref(), &page).await?))
}

#[utoipa::path(post, path = "/api/v1/partners/duplicates", tag = "partners", request_body = super::dto::DuplicateQuery,
    responses((status = 200, description = "Likely duplicates: same tax id, same email, or same normalized name and city", body = Duplicates)))]
pub async fn find_duplicates(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<super::dto::DuplicateQuery>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Ok().json(service::duplicates(&state.db.read, &caller, body).await?))
}

#[utoipa::path(post, path = "/api/v1/partners", tag = "partners", request_body = PartnerFields,
    responses((status = 201, description = "Created; the caller is its primary owner", body = Partner, headers(("ETag" = String)))))]
pub async fn create_partner(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PartnerFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let partner = service::create(&state.db.write, &caller, body).await?;
    let mut created = HttpResponse::Created();
    created.insert_header(("Location", format!("/api/v1/partners/{}", partner.id)));
    Ok(with_etag(created, partner.version, &partner))
}

#[utoipa::path(get, path = "/api/v1/partners/{id}", tag = "partners", params(("id" = String, Path)),
    responses((status = 200, description = "The partner", body = Partner, headers(("ETag" = String)))))]
pub async fn get_partner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let partner = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), partner.version, &partner))
}

#[utoipa::path(patch, path = "/api/v1/partners/{id}", tag = "partners", request_body = PartnerFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Partner, headers(("ETag" = String)))))]
pub async fn update_partner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<PartnerFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let partner = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), partner.version, &partner))
}

#[utoipa::path(delete, path = "/api/v1/partners/{id}", tag = "partners",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash")))]
pub async fn delete_partner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/partners/{id}/restore", tag = "partners", params(("id" = String, Path)),
    responses((status = 200, description = "Restored from the trash", body = Partner, headers(("ETag" = String)))))]
pub async fn restore_partner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let partner = service::restore(&state.db.write, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), partner.version, &partner))
}

#[utoipa::path(put, path = "/api/v1/partners/{id}/owners", tag = "partners", request_body = SetOwners, params(("id" = String, Path)),
    responses((status = 200, description = "Owners replaced (needs partners:assign)", body = Partner, headers(("ETag" = String)))))]
pub async fn set_owners(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<SetOwners>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let partner = service::set_owners(&state.db.write, &caller, &id, body).await?;
    Ok(with_etag(HttpResponse::Ok(), partner.version, &partner))
}

#[utoipa::path(post, path = "/api/v1/partners/{id}/merge", tag = "partners", request_body = super::dto::MergePartner, params(("id" = String, Path, description = "The partner that stays")),
    responses((status = 200, description = "Merged: the duplicate's branches, persons, activities, leads and owners moved here; the duplicate is in the trash", body = super::dto::MergeResult)))]
pub async fn merge_partner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<super::dto::MergePartner>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Ok()
        .json(super::merge::merge(&state.db.write, &caller, &id, &body.duplicate_id).await?))
}

#[utoipa::path(get, path = "/api/v1/partners/{id}/overview", tag = "partners", params(("id" = String, Path)),
    responses((status = 200, description = "The partner page in one call: partner, owners, branches, persons, recent activities", body = super::overview::PartnerOverview)))]
pub async fn get_overview(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(super::overview::overview(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/partners/bulk", tag = "partners", request_body = super::dto::BulkPartners,
    responses((status = 200, description = "Applied to every listed partner (or, on any error, to none)", body = super::dto::BulkResult)))]
pub async fn bulk_partners(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<super::dto::BulkPartners>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Ok().json(super::bulk::apply(&state.db.write, &caller, body).await?))
}
