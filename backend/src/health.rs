//! Liveness (the process answers) and readiness (the database answers).
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use sea_orm::ConnectionTrait;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

#[utoipa::path(get, path = "/health/live", tag = "health", security(()),
    responses((status = 200, description = "The process is up", body = Health)))]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
    })
}

#[utoipa::path(get, path = "/health/ready", tag = "health", security(()),
    responses((status = 200, description = "The database answers", body = Health),
        (status = 503, description = "The database does not answer", body = Health)))]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    match state.db.read.execute_unprepared("SELECT 1").await {
        Ok(_) => HttpResponse::Ok().json(Health {
            status: "ok".into(),
        }),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable().json(Health {
                status: "database unavailable".into(),
            })
        }
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/health/live").get(live))
        .service(web::resource("/health/ready").get(ready));
}
