//! Pipelines: deal types of kind `sale` or `supply`, each with its ordered stages (planned
//! duration, probability, and whether reaching it means open, won or lost).
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/deal-types")
            .service(
                web::resource("")
                    .get(list_deal_types)
                    .post(create_deal_type),
            )
            .service(
                web::resource("/{id}")
                    .get(get_deal_type)
                    .patch(update_deal_type)
                    .delete(delete_deal_type),
            ),
    );
}
