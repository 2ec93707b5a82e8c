//! Thin HTTP handlers for exchange rates.
use super::dto::{ConvertQuery, ExchangeRate, ExchangeRateQuery, RateConversion, SetExchangeRate};
use super::service;
use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/exchange-rates", tag = "currencies", params(ExchangeRateQuery),
    responses((status = 200, description = "Rates into the company currency, newest day first", body = [ExchangeRate])))]
pub async fn list_exchange_rates(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ExchangeRateQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/exchange-rates", tag = "currencies", request_body = SetExchangeRate,
    responses((status = 200, description = "The rate of the currency for the day (replacing that day's)", body = ExchangeRate)))]
pub async fn set_exchange_rate(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SetExchangeRate>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let company = &state.settings.company_currency;
    Ok(HttpResponse::Ok().json(service::set(&state.db.write, &caller, company, body).await?))
}

#[utoipa::path(delete, path = "/api/v1/exchange-rates/{id}", tag = "currencies", params(("id" = String, Path)),
    responses((status = 204, description = "Removed")))]
pub async fn delete_exchange_rate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(get, path = "/api/v1/exchange-rates/convert", tag = "currencies", params(ConvertQuery),
    responses((status = 200, description = "The amount in the company currency at the day's rate", body = RateConversion)))]
pub async fn convert_amount(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ConvertQuery>,
) -> ApiResult<HttpResponse> {
    let company = &state.settings.company_currency;
    Ok(HttpResponse::Ok().json(service::convert(&state.db.read, &caller, company, &q).await?))
}
