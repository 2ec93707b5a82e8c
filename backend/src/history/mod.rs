//! History: the append-only audit log written by every mutation, and its read API.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;
mod writer;

pub use handlers::*;
pub use writer::{
    changes_json, created, created_from, deleted, diff, record, record_many, record_many_json,
    Actor, Change,
};

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/history").get(list_history));
}
