//! Teams: a manager and members; the `team` scope follows them.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/teams").get(list_teams).post(create_team))
        .service(
            web::resource("/teams/{id}")
                .get(get_team)
                .patch(update_team)
                .delete(delete_team),
        )
        .service(web::resource("/teams/{id}/restore").post(restore_team));
}
