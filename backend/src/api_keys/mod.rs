//! API keys for integrations.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api-keys")
            .service(web::resource("").get(list_api_keys).post(create_api_key))
            .service(web::resource("/{id}/revoke").post(revoke_api_key)),
    );
}
