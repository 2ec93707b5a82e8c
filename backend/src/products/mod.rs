//! The product catalogue: products and services with prices per price list, used by deal lines
//! now and by offers and contracts later.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/products")
            .service(web::resource("").get(list_products).post(create_product))
            .service(
                web::resource("/{id}")
                    .get(get_product)
                    .patch(update_product)
                    .delete(delete_product),
            ),
    )
    .service(
        web::scope("/price-lists")
            .service(
                web::resource("")
                    .get(list_price_lists)
                    .post(create_price_list),
            )
            .service(
                web::resource("/{id}")
                    .patch(update_price_list)
                    .delete(delete_price_list),
            ),
    );
}
