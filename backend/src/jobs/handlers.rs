//! Thin HTTP handlers for the jobs administration.
use super::dto::{Job, JobQuery};
use super::service;
use crate::api::extract::Query;
use crate::api::Page;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{web, HttpResponse};

#[utoipa::path(get, path = "/api/v1/admin/jobs", tag = "jobs", params(JobQuery),
    responses((status = 200, description = "Jobs, newest first", body = Page<Job>)))]
pub async fn list_jobs(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<JobQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(get, path = "/api/v1/admin/jobs/{id}", tag = "jobs", params(("id" = String, Path)),
    responses((status = 200, description = "The job, with its progress", body = Job)))]
pub async fn get_job(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::get(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/retry", tag = "jobs", params(("id" = String, Path)),
    responses((status = 200, description = "Queued again with fresh attempts", body = Job),
        (status = 409, description = "Only dead or cancelled jobs are retried", body = Problem, content_type = "application/problem+json")))]
pub async fn retry_job(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::retry(&state.db.write, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/cancel", tag = "jobs", params(("id" = String, Path)),
    responses((status = 200, description = "Cancelled", body = Job),
        (status = 409, description = "Only queued or dead jobs are cancelled", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel_job(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::cancel(&state.db.write, &caller, &id).await?))
}
