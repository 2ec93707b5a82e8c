//! Thin HTTP handlers for leads.
use super::dto::{Conversion, ConvertLead, Lead, LeadFields, LeadListQuery};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, Page, SearchBody};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/leads", tag = "leads", params(LeadListQuery),
    responses((status = 200, description = "A page of leads the caller may see", body = Page<Lead>)))]
pub async fn list_leads(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<LeadListQuery>,
) -> ApiResult<HttpResponse> {
    let page = q.list_query();
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q, None, &page).await?))
}

#[utoipa::path(post, path = "/api/v1/leads/search", tag = "leads", request_body = SearchBody,
    responses((status = 200, description = "A page of leads matching the filter tree", body = Page<Lead>)))]
pub async fn search_leads(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SearchBody>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let page = body.list_query();
    Ok(HttpResponse::Ok().json(
        service::list(
            &state.db.read,
            &caller,
            &LeadListQuery::default(),
            body.filter.as_ref(),
            &page,
        )
        .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/leads", tag = "leads", request_body = LeadFields,
    responses((status = 201, description = "Created; the caller owns it", body = Lead, headers(("ETag" = String)))))]
pub async fn create_lead(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<LeadFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let lead = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), lead.version, &lead))
}

#[utoipa::path(get, path = "/api/v1/leads/{id}", tag = "leads", params(("id" = String, Path)),
    responses((status = 200, description = "The lead", body = Lead, headers(("ETag" = String)))))]
pub async fn get_lead(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let lead = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), lead.version, &lead))
}

#[utoipa::path(patch, path = "/api/v1/leads/{id}", tag = "leads", request_body = LeadFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Lead, headers(("ETag" = String))),
        (status = 409, description = "Already converted", body = Problem, content_type = "application/problem+json")))]
pub async fn update_lead(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<LeadFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let lead = service::update(&state.db.write, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), lead.version, &lead))
}

#[utoipa::path(delete, path = "/api/v1/leads/{id}", tag = "leads",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash")))]
pub async fn delete_lead(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/leads/{id}/convert", tag = "leads", request_body = ConvertLead, params(("id" = String, Path)),
    responses((status = 200, description = "Converted: partner and person created or linked, activities moved", body = Conversion),
        (status = 409, description = "Already converted", body = Problem, content_type = "application/problem+json")))]
pub async fn convert_lead(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<ConvertLead>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Ok().json(service::convert(&state.db.write, &caller, &id, body).await?))
}
