//! Leads (business cards): not-yet-qualified contacts, converted into partners and persons.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/leads")
            .service(web::resource("").get(list_leads).post(create_lead))
            .service(web::resource("/search").post(search_leads))
            .service(web::resource("/export").get(crate::exports::export_leads))
            .service(
                web::resource("/{id}")
                    .get(get_lead)
                    .patch(update_lead)
                    .delete(delete_lead),
            )
            .service(web::resource("/{id}/convert").post(convert_lead)),
    );
}
