//! Users: accounts, their roles, status and trash.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/users")
            .service(web::resource("").get(list_users).post(create_user))
            .service(web::resource("/search").post(search_users))
            .service(
                web::resource("/{id}")
                    .get(get_user)
                    .patch(update_user)
                    .delete(delete_user),
            )
            .service(web::resource("/{id}/restore").post(restore_user))
            .service(web::resource("/{id}/disable").post(disable_user))
            .service(web::resource("/{id}/enable").post(enable_user))
            .service(web::resource("/{id}/password").post(reset_password)),
    );
}
