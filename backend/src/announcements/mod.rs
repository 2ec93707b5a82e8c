//! Announcements for the whole company, with who has read them.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/announcements")
            .service(
                web::resource("")
                    .get(list_announcements)
                    .post(create_announcement),
            )
            .service(
                web::resource("/{id}")
                    .patch(update_announcement)
                    .delete(delete_announcement),
            )
            .service(web::resource("/{id}/read").post(read_announcement))
            .service(web::resource("/{id}/readers").get(announcement_readers)),
    );
}
