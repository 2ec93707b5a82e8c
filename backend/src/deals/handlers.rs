//! Thin HTTP handlers for deals.
use super::dto::{
    Board, BoardQuery, BulkDeals, Deal, DealEmail, DealFields, DealListQuery, MoveDeal, StageMove,
    TimelineEntry,
};
use super::{board, bulk, mail, service, timeline, Env};
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, Page, SearchBody};
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::mail::dto::Email;
use crate::partners::dto::BulkResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/deals", tag = "deals", params(DealListQuery),
    responses((status = 200, description = "A page of the deals the caller may see", body = Page<Deal>)))]
pub async fn list_deals(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DealListQuery>,
) -> ApiResult<HttpResponse> {
    let page = q.list_query();
    let env = Env::of(&state);
    Ok(
        HttpResponse::Ok()
            .json(service::list(&state.db.read, env, &caller, &q, None, &page).await?),
    )
}

#[utoipa::path(post, path = "/api/v1/deals/search", tag = "deals", request_body = SearchBody,
    responses((status = 200, description = "A page of deals matching the filter tree", body = Page<Deal>)))]
pub async fn search_deals(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SearchBody>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let page = body.list_query();
    let env = Env::of(&state);
    let q = DealListQuery::default();
    Ok(HttpResponse::Ok().json(
        service::list(
            &state.db.read,
            env,
            &caller,
            &q,
            body.filter.as_ref(),
            &page,
        )
        .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/deals", tag = "deals", request_body = DealFields,
    responses((status = 201, description = "Created in the type's first stage (or the one named)", body = Deal, headers(("ETag" = String)))))]
pub async fn create_deal(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<DealFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let env = Env::of(&state);
    let deal = service::create(&state.db.write, env, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), deal.version, &deal))
}

#[utoipa::path(get, path = "/api/v1/deals/{id}", tag = "deals", params(("id" = String, Path)),
    responses((status = 200, description = "The deal with its lines", body = Deal, headers(("ETag" = String)))))]
pub async fn get_deal(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let env = Env::of(&state);
    let deal = service::get(&state.db.read, env, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), deal.version, &deal))
}

#[utoipa::path(patch, path = "/api/v1/deals/{id}", tag = "deals", request_body = DealFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Deal, headers(("ETag" = String))),
        (status = 412, description = "Changed by someone else meanwhile", body = Problem, content_type = "application/problem+json")))]
pub async fn update_deal(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<DealFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let env = Env::of(&state);
    let deal = service::update(&state.db.write, env, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), deal.version, &deal))
}

#[utoipa::path(delete, path = "/api/v1/deals/{id}", tag = "deals",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash; its deadline stops alarming")))]
pub async fn delete_deal(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/deals/{id}/move", tag = "deals", request_body = MoveDeal,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being moved")),
    responses((status = 200, description = "Moved: stage history written, the new stage's deadline registered", body = Deal, headers(("ETag" = String))),
        (status = 412, description = "Moved or changed by someone else meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The type's rules forbid the move, or won/lost lacks its value or reason", body = Problem, content_type = "application/problem+json")))]
pub async fn move_deal(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<MoveDeal>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let env = Env::of(&state);
    let deal = service::move_stage(&state.db.write, env, &caller, &id, if_match, body).await?;
    Ok(with_etag(HttpResponse::Ok(), deal.version, &deal))
}

#[utoipa::path(get, path = "/api/v1/deals/{id}/stages", tag = "deals", params(("id" = String, Path)),
    responses((status = 200, description = "The deal's stage history, oldest first", body = [StageMove])))]
pub async fn deal_stage_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::stage_history(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/deals/{id}/timeline", tag = "deals", params(("id" = String, Path)),
    responses((status = 200, description = "Activities, mail, attachments and stage moves, newest first", body = [TimelineEntry])))]
pub async fn deal_timeline(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(timeline::timeline(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/deals/{id}/emails", tag = "deals", request_body = DealEmail, params(("id" = String, Path)),
    responses((status = 202, description = "Queued in the outbox; it shows on the deal's timeline", body = Email)))]
pub async fn send_deal_email(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<DealEmail>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Accepted()
        .json(mail::send(&state.db.write, &state.settings, &caller, &id, body).await?))
}

#[utoipa::path(get, path = "/api/v1/deals/board", tag = "deals", params(BoardQuery),
    responses((status = 200, description = "The pipeline's columns with counts, sums and first cards", body = Board)))]
pub async fn deal_board(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<BoardQuery>,
) -> ApiResult<HttpResponse> {
    let env = Env::of(&state);
    Ok(HttpResponse::Ok().json(board::board(&state.db.read, env, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/deals/bulk", tag = "deals", request_body = BulkDeals,
    responses((status = 200, description = "Every deal changed (or none)", body = BulkResult)))]
pub async fn bulk_deals(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<BulkDeals>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let env = Env::of(&state);
    Ok(HttpResponse::Ok().json(bulk::apply(&state.db.write, env, &caller, body).await?))
}
