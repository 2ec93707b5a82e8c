//! Reports: read-only aggregates over what the caller may see.
pub mod contact_cost;
pub mod deals;

use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use contact_cost::{ContactCostQuery, ContactCostReport};
use deals::forecast::ForecastReport;
use deals::overdue::OverdueReport;
use deals::stages::StageReport;
use deals::DealReportQuery;

#[utoipa::path(get, path = "/api/v1/reports/contact-cost", tag = "reports", params(ContactCostQuery),
    responses((status = 200, description = "Time and cost of contacts per partner, user or month", body = ContactCostReport)))]
pub async fn get_contact_cost(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ContactCostQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(contact_cost::report(&state.db.read, &caller, &q).await?))
}

/// JSON for the SPA, or with `format` the table as a download.
fn answer<T: serde::Serialize>(
    report: &T,
    format: Option<crate::exports::ExportFormat>,
    table: impl Fn(&T) -> (Vec<String>, Vec<Vec<String>>),
    name: &str,
) -> HttpResponse {
    match format {
        Some(f) => {
            let (headers, rows) = table(report);
            crate::exports::table(f, headers, rows, name)
        }
        None => HttpResponse::Ok().json(report),
    }
}

#[utoipa::path(get, path = "/api/v1/reports/deals/forecast", tag = "reports", params(DealReportQuery),
    responses((status = 200, description = "Forecast (open deals by expected close month, weighted by stage probability) against realised (won deals by close month), in the company currency; with `format`, a CSV or Excel download", body = ForecastReport)))]
pub async fn get_deal_forecast(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DealReportQuery>,
) -> ApiResult<HttpResponse> {
    let env = crate::deals::Env::of(&state);
    let report = deals::forecast::report(&state.db.read, env, &caller, &q).await?;
    Ok(answer(
        &report,
        q.format,
        deals::forecast::table,
        "deal-forecast",
    ))
}

#[utoipa::path(get, path = "/api/v1/reports/deals/stages", tag = "reports", params(DealReportQuery),
    responses((status = 200, description = "Per stage of one type: deals entered, advanced (conversion rate), won, and the average time spent; with `format`, a download", body = StageReport)))]
pub async fn get_deal_stages(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DealReportQuery>,
) -> ApiResult<HttpResponse> {
    let report = deals::stages::report(&state.db.read, &caller, &q, state.clock.now()).await?;
    Ok(answer(
        &report,
        q.format,
        deals::stages::table,
        "deal-stages",
    ))
}

#[utoipa::path(get, path = "/api/v1/reports/deals/overdue", tag = "reports", params(DealReportQuery),
    responses((status = 200, description = "Open deals past their stage's due time, most overdue first; with `format`, a download", body = OverdueReport)))]
pub async fn get_deal_overdue(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DealReportQuery>,
) -> ApiResult<HttpResponse> {
    let report = deals::overdue::report(&state.db.read, &caller, &q, state.clock.now()).await?;
    Ok(answer(
        &report,
        q.format,
        deals::overdue::table,
        "deal-overdue",
    ))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/reports/contact-cost").get(get_contact_cost))
        .service(web::resource("/reports/deals/forecast").get(get_deal_forecast))
        .service(web::resource("/reports/deals/stages").get(get_deal_stages))
        .service(web::resource("/reports/deals/overdue").get(get_deal_overdue));
}
