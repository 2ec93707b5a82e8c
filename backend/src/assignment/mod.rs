//! Automatic assignment of partners to users by the assignment table (territory, group, user,
//! role, priority, validity): decided when a partner is created or moves, and for every partner
//! when the table or the territories change (previewed first, applied by a job).
mod branches;
pub mod decide;
pub mod dto;
pub mod engine;
pub mod follow;
mod handlers;
pub mod jobs;
mod notify;
pub mod read;
mod reports;
pub mod service;
mod write;

use actix_web::web;
pub use handlers::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/assignment")
            .service(web::resource("/rules").get(list_rules))
            .service(web::resource("/preview").post(preview))
            .service(web::resource("/apply").post(apply))
            .service(web::resource("/pending").get(pending))
            .service(web::resource("/reports/owners").get(owners_report))
            .service(web::resource("/reports/unassigned").get(unassigned_report)),
    );
}
