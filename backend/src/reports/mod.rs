//! Reports: read-only aggregates over what the caller may see.
pub mod contact_cost;

use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use contact_cost::{ContactCostQuery, ContactCostReport};

#[utoipa::path(get, path = "/api/v1/reports/contact-cost", tag = "reports", params(ContactCostQuery),
    responses((status = 200, description = "Time and cost of contacts per partner, user or month", body = ContactCostReport)))]
pub async fn get_contact_cost(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ContactCostQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(contact_cost::report(&state.db.read, &caller, &q).await?))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/reports/contact-cost").get(get_contact_cost));
}
