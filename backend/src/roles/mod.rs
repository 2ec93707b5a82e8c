//! Roles: named sets of grants (resource x action x scope).
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/permissions").get(get_permissions))
        .service(
            web::scope("/roles")
                .service(web::resource("").get(list_roles).post(create_role))
                .service(
                    web::resource("/{id}")
                        .get(get_role)
                        .patch(update_role)
                        .delete(delete_role),
                ),
        );
}
