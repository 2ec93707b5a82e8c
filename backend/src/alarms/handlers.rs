//! Thin HTTP handlers for deadlines and absences.
use super::dto::{Absence, AbsenceQuery, CreateAbsence, CreateDeadline, Deadline, DeadlineQuery};
use super::service;
use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/deadlines", tag = "alarms", params(DeadlineQuery),
    responses((status = 200, description = "Open deadlines, soonest first", body = Vec<Deadline>)))]
pub async fn list_deadlines(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DeadlineQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list_deadlines(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/deadlines", tag = "alarms", request_body = CreateDeadline,
    responses((status = 201, description = "Registered; it alarms when near, when passed, and escalates", body = Deadline)))]
pub async fn create_deadline(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateDeadline>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(HttpResponse::Created()
        .json(service::create_deadline(&state.db.write, &caller, body).await?))
}

#[utoipa::path(post, path = "/api/v1/deadlines/{id}/clear", tag = "alarms", params(("id" = String, Path)),
    responses((status = 200, description = "Done: no more alarms", body = Deadline)))]
pub async fn clear_deadline(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::clear_deadline(&state.db.write, &caller, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/absences", tag = "alarms", params(AbsenceQuery),
    responses((status = 200, description = "Absences in the caller's scope, latest first", body = Vec<Absence>)))]
pub async fn list_absences(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<AbsenceQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list_absences(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/absences", tag = "alarms", request_body = CreateAbsence,
    responses((status = 201, description = "Recorded; alarms go to the stand-in meanwhile", body = Absence)))]
pub async fn create_absence(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<CreateAbsence>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    Ok(
        HttpResponse::Created()
            .json(service::create_absence(&state.db.write, &caller, body).await?),
    )
}

#[utoipa::path(delete, path = "/api/v1/absences/{id}", tag = "alarms", params(("id" = String, Path)),
    responses((status = 204, description = "Removed")))]
pub async fn delete_absence(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    service::delete_absence(&state.db.write, &caller, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}
