//! Thin HTTP handler for reading history.
use super::dto::{HistoryEntry, HistoryQuery};
use super::service;
use crate::api::Page;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};

#[utoipa::path(get, path = "/api/v1/history", tag = "history", params(HistoryQuery),
    responses((status = 200, description = "History entries the caller may see, newest first", body = Page<HistoryEntry>)))]
pub async fn list_history(
    state: web::Data<AppState>,
    caller: Caller,
    q: crate::api::extract::Query<HistoryQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}
