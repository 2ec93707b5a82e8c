//! Activities: the contact log (calls, meetings, visits, emails, letters, faxes, notes).
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/activities")
            .service(web::resource("").get(list_activities).post(create_activity))
            .service(
                web::resource("/{id}")
                    .get(get_activity)
                    .patch(update_activity)
                    .delete(delete_activity),
            ),
    );
}
