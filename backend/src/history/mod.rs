//! History: the append-only audit log written by every mutation, and its read API.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;
mod writer;

pub use handlers::*;
pub use writer::{created, diff, record, record_many, Actor, Change};

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/history").get(list_history));
}
