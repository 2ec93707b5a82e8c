//! Users: accounts, their roles, status and trash.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/users").get(list_users).post(create_user))
        .service(web::resource("/users/search").post(search_users))
        .service(
            web::resource("/users/{id}")
                .get(get_user)
                .patch(update_user)
                .delete(delete_user),
        )
        .service(web::resource("/users/{id}/restore").post(restore_user))
        .service(web::resource("/users/{id}/disable").post(disable_user))
        .service(web::resource("/users/{id}/enable").post(enable_user))
        .service(web::resource("/users/{id}/password").post(reset_password));
}
