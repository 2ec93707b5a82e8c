//! Deals: sales and supplies moving through the stages of their type, with lines from the
//! catalogue, stage history and deadlines, correspondence, a kanban board and bulk changes.
pub mod board;
mod bulk;
pub mod dto;
pub mod entity;
mod handlers;
pub mod lines;
mod mail;
pub mod moves;
pub mod scope;
pub mod service;
mod timeline;

use crate::state::AppState;
use actix_web::web;
use chrono::{DateTime, Utc};
pub use handlers::*;

/// What deal services need from the app beside the database: the company currency amounts are
/// converted into, and the time by the app's clock (which stage deadlines follow, and which
/// tests move forward to make a stage overdue).
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub company: &'a str,
    pub now: DateTime<Utc>,
}

impl<'a> Env<'a> {
    pub fn of(state: &'a AppState) -> Self {
        Self {
            company: &state.settings.company_currency,
            now: state.clock.now(),
        }
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/deals")
            .service(web::resource("").get(list_deals).post(create_deal))
            .service(web::resource("/search").post(search_deals))
            .service(web::resource("/board").get(deal_board))
            .service(web::resource("/bulk").post(bulk_deals))
            .service(web::resource("/export").get(crate::exports::export_deals))
            .service(
                web::resource("/{id}")
                    .get(get_deal)
                    .patch(update_deal)
                    .delete(delete_deal),
            )
            .service(web::resource("/{id}/move").post(move_deal))
            .service(web::resource("/{id}/stages").get(deal_stage_history))
            .service(web::resource("/{id}/timeline").get(deal_timeline))
            .service(web::resource("/{id}/emails").post(send_deal_email)),
    );
}
