//! Email and fax: the outbox, its sender and the SMTP (or file) transport.
pub mod dto;
pub mod entity;
mod handlers;
pub mod outbox;
pub mod sender;
mod service;
pub mod transport;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/emails")
            .service(web::resource("").get(list_emails).post(send_email))
            .service(web::resource("/{id}").get(get_email))
            .service(web::resource("/{id}/retry").post(retry_email)),
    )
    .service(web::resource("/faxes").post(send_fax));
}
