//! Currencies: dated exchange rates into the company currency (`CRM_COMPANY_CURRENCY`).
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/exchange-rates")
            .service(
                web::resource("")
                    .get(list_exchange_rates)
                    .post(set_exchange_rate),
            )
            .service(web::resource("/convert").get(convert_amount))
            .service(web::resource("/{id}").delete(delete_exchange_rate)),
    );
}
