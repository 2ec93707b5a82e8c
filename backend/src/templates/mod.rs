//! Email templates (minijinja, per language), mailings fanned out through the outbox, and the
//! unsubscribe link of marketing mail.
pub mod context;
pub mod dto;
pub mod entity;
mod handlers;
pub mod mailing;
pub mod render;
pub mod service;
mod unsubscribe;

use actix_web::web;
pub use handlers::*;
pub use unsubscribe::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/email-templates")
            .service(web::resource("").get(list_templates).post(create_template))
            .service(
                web::resource("/{id}")
                    .get(get_template)
                    .patch(update_template)
                    .delete(delete_template),
            )
            .service(web::resource("/{id}/preview").post(preview_template)),
    )
    .service(
        web::scope("/mailings")
            .service(web::resource("").get(list_mailings).post(create_mailing))
            .service(web::resource("/{id}").get(get_mailing)),
    )
    .service(
        web::resource("/unsubscribe/{token}")
            .get(unsubscribe_page)
            .post(unsubscribe),
    );
}
