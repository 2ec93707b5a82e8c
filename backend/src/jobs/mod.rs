//! Durable background jobs: the queue, the worker that runs them, the scheduler of periodic work,
//! and the administrators' view (`/api/v1/admin/jobs`).
pub mod dto;
pub mod entity;
mod handlers;
pub mod queue;
pub mod schedule;
mod service;
pub mod worker;

use crate::api::sql::Sql;
use crate::state::AppState;
use actix_web::web;
pub use handlers::*;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Daily clean-up of finished jobs and old schedule marks.
pub const CLEANUP_JOB: &str = "cleanup.daily";
/// How long done and cancelled jobs stay visible.
const KEEP_DAYS: i64 = 30;

pub async fn cleanup(state: &AppState) -> worker::JobResult {
    let before = state.clock.now() - chrono::Duration::days(KEEP_DAYS);
    let jobs = entity::Entity::delete_many()
        .filter(entity::Column::Status.is_in([queue::DONE, queue::CANCELLED]))
        .filter(entity::Column::UpdatedAt.lt(before))
        .exec(&state.db.write)
        .await
        .map_err(crate::error::ApiError::from)?
        .rows_affected;
    static MARKS: Sql = Sql::new("DELETE FROM schedule_runs WHERE created_at < $1");
    let db = &state.db.write;
    db.execute(MARKS.statement(db.get_database_backend(), [before.into()]))
        .await
        .map_err(crate::error::ApiError::from)?;
    Ok(Some(serde_json::json!({"deleted_jobs": jobs})))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin/jobs")
            .service(web::resource("").get(list_jobs))
            .service(web::resource("/{id}").get(get_job))
            .service(web::resource("/{id}/retry").post(retry_job))
            .service(web::resource("/{id}/cancel").post(cancel_job)),
    );
}
