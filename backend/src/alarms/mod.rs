//! Deadlines and their alarms: near, passed, escalated; routed to a stand-in while the responsible
//! user is absent.
pub mod dto;
pub mod entity;
mod handlers;
pub mod routing;
mod scan;
pub mod service;

use actix_web::web;
pub use handlers::*;
pub use scan::scan;

/// The periodic job that fires due alarms.
pub const SCAN_JOB: &str = "alarms.scan";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/deadlines")
            .service(web::resource("").get(list_deadlines).post(create_deadline))
            .service(web::resource("/{id}/clear").post(clear_deadline)),
    )
    .service(
        web::scope("/absences")
            .service(web::resource("").get(list_absences).post(create_absence))
            .service(web::resource("/{id}").delete(delete_absence)),
    );
}
