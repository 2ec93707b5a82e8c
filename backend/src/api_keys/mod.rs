//! API keys for integrations.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/api-keys")
            .get(list_api_keys)
            .post(create_api_key),
    )
    .service(web::resource("/api-keys/{id}/revoke").post(revoke_api_key));
}
