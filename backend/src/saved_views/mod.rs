//! Saved list views per user.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/saved-views")
            .service(
                web::resource("")
                    .get(list_saved_views)
                    .post(create_saved_view),
            )
            .service(
                web::resource("/{id}")
                    .get(get_saved_view)
                    .patch(update_saved_view)
                    .delete(delete_saved_view),
            ),
    );
}
