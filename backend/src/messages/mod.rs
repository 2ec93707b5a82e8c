//! Internal messages between users, in threads, with read state.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/messages")
            .service(web::resource("").get(list_messages).post(send_message))
            .service(web::resource("/threads/{thread_id}").get(get_thread)),
    );
}
