//! Teams: a manager and members; the `team` scope follows them.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/teams")
            .service(web::resource("").get(list_teams).post(create_team))
            .service(
                web::resource("/{id}")
                    .get(get_team)
                    .patch(update_team)
                    .delete(delete_team),
            )
            .service(web::resource("/{id}/restore").post(restore_team)),
    );
}
