//! Persons: human contacts, optionally working at a partner and one of its branches.
pub mod dto;
pub mod entity;
mod handlers;
mod merge;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/persons")
            .service(web::resource("").get(list_persons).post(create_person))
            .service(web::resource("/search").post(search_persons))
            .service(web::resource("/export").get(crate::exports::export_persons))
            .service(
                web::resource("/{id}")
                    .get(get_person)
                    .patch(update_person)
                    .delete(delete_person),
            )
            .service(web::resource("/{id}/restore").post(restore_person))
            .service(web::resource("/{id}/merge").post(merge_person)),
    );
}
