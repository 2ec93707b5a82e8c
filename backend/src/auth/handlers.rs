//! Thin HTTP handlers for authentication.
use super::dto::{ChangePassword, LoginRequest, Me, Preferences, RefreshRequest, TokenResponse};
use super::service::{self, Client};
use super::Caller;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use crate::users::{dto::User, service as users};
use actix_web::{http::header, web, HttpMessage, HttpRequest, HttpResponse};
use tracing_actix_web::RequestId;
use validator::Validate;

fn client(req: &HttpRequest, state: &AppState) -> Client {
    let ip = if state.settings.trust_proxy {
        req.connection_info()
            .realip_remote_addr()
            .map(str::to_owned)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    Client {
        ip: ip.unwrap_or_else(|| "unknown".into()),
        user_agent: req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        request_id: req.extensions().get::<RequestId>().map(|r| r.to_string()),
    }
}

#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest, security(()),
    responses((status = 200, description = "Logged in", body = TokenResponse),
        (status = 401, description = "Wrong email or password (the same answer for both)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait")))))]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let client = client(&req, &state);
    Ok(HttpResponse::Ok().json(service::login(&state, body, client).await?))
}

#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth", request_body = RefreshRequest, security(()),
    responses((status = 200, description = "New tokens; the presented refresh token stops working", body = TokenResponse),
        (status = 401, description = "Invalid, expired or reused refresh token (reuse revokes the whole session)", body = Problem, content_type = "application/problem+json")))]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let client = client(&req, &state);
    Ok(HttpResponse::Ok().json(service::refresh(&state, &body.refresh_token, client).await?))
}

#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "The session and its tokens are revoked")))]
pub async fn logout(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    service::logout(&state, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses((status = 200, description = "The caller and their effective grants", body = Me)))]
pub async fn get_me(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::me(&state, &caller).await?))
}

#[utoipa::path(put, path = "/api/v1/auth/me/preferences", tag = "auth", request_body = Preferences,
    responses((status = 200, description = "Saved", body = User)))]
pub async fn put_preferences(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<Preferences>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(users::set_locale(&state.db.write, &caller, body.locale).await?))
}

#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = ChangePassword,
    responses((status = 204, description = "Changed; the caller's other sessions end")))]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<ChangePassword>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    service::change_password(&state, &caller, body).await?;
    Ok(HttpResponse::NoContent().finish())
}
