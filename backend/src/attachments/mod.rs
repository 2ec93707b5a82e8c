//! Attachments on partners, persons, leads and activities.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;
pub mod storage;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/attachments")
            .service(
                web::resource("")
                    .get(list_attachments)
                    .post(upload_attachment),
            )
            .service(web::resource("/{id}").delete(delete_attachment))
            .service(web::resource("/{id}/content").get(download_attachment)),
    );
}
