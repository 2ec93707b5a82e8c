//! Managed lists (nomenclatures): partner groups, legal forms, lead sources, activity types, tags.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/lists")
            .service(
                web::resource("/{list}/items")
                    .get(list_items)
                    .post(create_list_item),
            )
            .service(
                web::resource("/{list}/items/{id}")
                    .patch(update_list_item)
                    .delete(delete_list_item),
            ),
    );
}
