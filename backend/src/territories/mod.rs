//! Territories: a tree of areas by country, region and postal code. A partner's (and a branch's)
//! territory follows from its address; assignment rules hang off territories.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;
pub mod tree;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/territories")
            .service(
                web::resource("")
                    .get(list_territories)
                    .post(create_territory),
            )
            .service(
                web::resource("/{id}")
                    .patch(update_territory)
                    .delete(delete_territory),
            ),
    );
}
