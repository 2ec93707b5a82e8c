//! Notifications: the bell, per-kind preferences (in the app, by email) and a live stream.
pub mod dto;
pub mod entity;
mod handlers;
pub mod hub;
pub mod service;

use actix_web::web;
pub use handlers::*;
pub use hub::Hub;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/notifications")
            .service(web::resource("").get(list_notifications))
            .service(web::resource("/read-all").post(read_all_notifications))
            .service(
                web::resource("/preferences")
                    .get(get_notification_preferences)
                    .put(put_notification_preferences),
            )
            .service(web::resource("/stream").get(stream_notifications))
            .service(web::resource("/{id}/read").post(read_notification)),
    );
}
