//! Roles: named sets of grants (resource x action x scope).
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/permissions").get(get_permissions))
        .service(web::resource("/roles").get(list_roles).post(create_role))
        .service(
            web::resource("/roles/{id}")
                .get(get_role)
                .patch(update_role)
                .delete(delete_role),
        );
}
