//! Authentication: passwords, access tokens, login sessions with rotating refresh tokens, API keys,
//! brute-force lockout, and the `Caller` extractor.
pub mod caller;
pub mod dto;
pub mod entity;
mod handlers;
pub mod jwt;
pub mod lockout;
pub mod password;
pub mod principals;
pub mod secrets;
pub mod service;
pub mod sessions;

pub use caller::Caller;
pub use handlers::*;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/auth/login").post(login))
        .service(web::resource("/auth/refresh").post(refresh))
        .service(web::resource("/auth/logout").post(logout))
        .service(web::resource("/auth/me").get(get_me))
        .service(web::resource("/auth/me/preferences").put(put_preferences))
        .service(web::resource("/auth/password").post(change_password));
}
