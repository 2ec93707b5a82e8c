//! Custom fields: per-entity definitions (type, options, required, shown in lists, filterable) and
//! the checking of the values records carry in their `custom_fields` column.
pub mod dto;
pub mod entity;
mod handlers;
mod indexes;
pub mod service;
mod values;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/custom-fields")
            .service(
                web::resource("")
                    .get(list_custom_fields)
                    .post(create_custom_field),
            )
            .service(
                web::resource("/{id}")
                    .get(get_custom_field)
                    .patch(update_custom_field)
                    .delete(delete_custom_field),
            ),
    );
}
