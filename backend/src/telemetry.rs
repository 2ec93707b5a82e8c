//! Logging and request ids. Every response carries `X-Request-Id`; error responses produced by the
//! framework itself (unknown route, wrong method, oversized body) are rewritten as problem documents,
//! and every 500 is replaced by a generic problem naming only the request id.
use crate::error::{problem_response, PROBLEM_JSON};
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::HttpMessage;
use tracing_actix_web::RequestId;
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let registry = tracing_subscriber::registry().with(filter);
    let _ = if format == "json" {
        registry
            .with(fmt::layer().json().with_current_span(false))
            .try_init()
    } else {
        registry.with(fmt::layer().with_target(false)).try_init()
    };
}

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub async fn finish_response(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<BoxBody>>, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().map(|r| r.to_string());
    let res = next.call(req).await?;
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    let mut res = if status == StatusCode::INTERNAL_SERVER_ERROR
        || (status.is_client_error() && !is_problem)
    {
        let (code, title, detail) = framework_problem(status);
        let (req, old) = res.into_parts();
        let mut fresh = problem_response(
            status,
            code,
            title,
            detail.into(),
            vec![],
            request_id.clone(),
        );
        // Keep the headers that matter to clients (Allow on 405, for instance).
        for (name, value) in old.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                fresh.headers_mut().insert(name.clone(), value.clone());
            }
        }
        ServiceResponse::new(req, fresh).map_into_right_body()
    } else if is_problem {
        // Our own problems are built without the request; name it here so support can find the logs.
        let (req, old) = res.into_parts();
        let (head, body) = old.into_parts();
        let bytes = actix_web::body::to_bytes(body).await.unwrap_or_default();
        let mut doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        if let (Some(obj), Some(id)) = (doc.as_object_mut(), &request_id) {
            obj.insert("request_id".into(), id.clone().into());
        }
        let mut fresh = head.set_body(serde_json::to_string(&doc).unwrap_or_default());
        fresh.headers_mut().remove(header::CONTENT_LENGTH);
        ServiceResponse::new(req, fresh)
            .map_into_boxed_body()
            .map_into_right_body()
    } else {
        res.map_body(|_, b| EitherBody::left(b.boxed()))
    };
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut().insert(X_REQUEST_ID, id);
    }
    Ok(res)
}

fn framework_problem(status: StatusCode) -> (&'static str, &'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("route_not_found", "Not found", "There is no such route."),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "Method not allowed",
            "This route does not accept that method.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload_too_large",
            "Payload too large",
            "The request body is too large.",
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "unsupported_media_type",
            "Unsupported media type",
            "Send application/json.",
        ),
        StatusCode::INTERNAL_SERVER_ERROR => (
            "internal_error",
            "Internal server error",
            "Something went wrong on our side.",
        ),
        _ => (
            "bad_request",
            "Bad request",
            "The request could not be understood.",
        ),
    }
}
