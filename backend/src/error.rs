//! The one HTTP-facing error type. Every error leaves as RFC 9457 `application/problem+json` with a
//! stable snake_case `code` the SPA translates. Unexpected errors are logged with their cause and
//! reach the client as a generic 500 carrying only the request id.
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    /// The request field, dotted for nested ones (`grants.0.scope`).
    pub field: String,
    pub code: String,
    pub message: String,
    /// The limits behind the code, for clients that word their own message (`{"min": 12}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub params: Option<serde_json::Map<String, serde_json::Value>>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Self {
            params: None,
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "https://crm.invalid/problems/not_found")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code, e.g. `not_found`, `validation_failed`, `version_mismatch`.
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{detail}")]
    BadRequest {
        code: &'static str,
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("authentication required")]
    Unauthorized {
        code: &'static str,
        detail: &'static str,
    },
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("{detail}")]
    Conflict {
        code: &'static str,
        detail: String,
        errors: Vec<FieldError>,
    },
    /// A link or resource that existed and no longer works (a used unsubscribe link).
    #[error("{detail}")]
    Gone { code: &'static str, detail: String },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("If-Match required")]
    PreconditionRequired,
    #[error("version mismatch")]
    PreconditionFailed { current: i32 },
    #[error("payload too large")]
    PayloadTooLarge { limit: usize },
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("too many attempts")]
    TooManyRequests { retry_after_secs: u64 },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::BadRequest {
            code,
            detail: detail.into(),
            errors: vec![],
        }
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
            errors: vec![],
        }
    }

    pub fn field_conflict(code: &'static str, field: &str, detail: &str) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
            errors: vec![FieldError::new(field, code, detail)],
        }
    }

    pub fn invalid(field: &str, code: &str, message: &str) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    /// 422 naming every field of `fields` marked missing; Ok when none is.
    pub fn required(fields: &[(&str, bool)]) -> Result<(), Self> {
        let missing: Vec<FieldError> = fields
            .iter()
            .filter(|(_, missing)| *missing)
            .map(|(f, _)| FieldError::new(*f, "required", "This field is required."))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Self::Validation(missing))
        }
    }

    pub fn unauthorized() -> Self {
        Self::Unauthorized {
            code: "unauthorized",
            detail: "A valid bearer token is required.",
        }
    }

    fn parts(&self) -> (&'static str, &'static str, String) {
        match self {
            Self::BadRequest { code, detail, .. } => (code, "Bad request", detail.clone()),
            Self::Unauthorized { code, detail } => (code, "Unauthorized", (*detail).into()),
            Self::Forbidden => (
                "forbidden",
                "Forbidden",
                "Your role does not allow this action.".into(),
            ),
            Self::NotFound => ("not_found", "Not found", "No such record.".into()),
            Self::Conflict { code, detail, .. } => (code, "Conflict", detail.clone()),
            Self::Gone { code, detail } => (code, "Gone", detail.clone()),
            Self::Validation(_) => (
                "validation_failed",
                "Validation failed",
                "Some fields are invalid.".into(),
            ),
            Self::PreconditionRequired => (
                "if_match_required",
                "Precondition required",
                "Send If-Match with the record's ETag to change it.".into(),
            ),
            Self::PreconditionFailed { current } => (
                "version_mismatch",
                "Precondition failed",
                format!("The record was changed by someone else; its version is now {current}."),
            ),
            Self::PayloadTooLarge { limit } => (
                "payload_too_large",
                "Payload too large",
                format!("The body exceeds the limit of {limit} bytes."),
            ),
            Self::UnsupportedMediaType => (
                "unsupported_media_type",
                "Unsupported media type",
                "Send the body as application/json.".into(),
            ),
            Self::TooManyRequests { .. } => (
                "too_many_attempts",
                "Too many requests",
                "Too many failed attempts; try again later.".into(),
            ),
            Self::Internal(_) => (
                "internal_error",
                "Internal server error",
                "Something went wrong on our side.".into(),
            ),
        }
    }
}

/// Builds a problem response; also used by the middleware that turns framework errors into problems.
pub fn problem_response(
    status: StatusCode,
    code: &str,
    title: &str,
    detail: String,
    errors: Vec<FieldError>,
    request_id: Option<String>,
) -> HttpResponse {
    let body = Problem {
        r#type: format!("https://crm.invalid/problems/{code}"),
        title: title.into(),
        status: status.as_u16(),
        detail,
        code: code.into(),
        request_id,
        errors,
    };
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
        .body(serde_json::to_string(&body).unwrap_or_default())
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::Gone { .. } => StatusCode::GONE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error = ?cause, "request failed");
        }
        let (code, title, detail) = self.parts();
        let errors = match self {
            Self::Validation(errors)
            | Self::BadRequest { errors, .. }
            | Self::Conflict { errors, .. } => errors.clone(),
            _ => vec![],
        };
        let mut response = problem_response(self.status_code(), code, title, detail, errors, None);
        let headers = response.headers_mut();
        match self {
            Self::TooManyRequests { retry_after_secs } => {
                if let Ok(v) = header::HeaderValue::from_str(&retry_after_secs.to_string()) {
                    headers.insert(header::RETRY_AFTER, v);
                }
            }
            Self::Unauthorized { .. } => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Bearer"),
                );
            }
            Self::PreconditionFailed { current } => {
                if let Ok(v) = header::HeaderValue::from_str(&format!("\"{current}\"")) {
                    headers.insert(header::ETAG, v);
                }
            }
            _ => {}
        }
        response
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Internal(err.into())
    }
}

impl From<sea_orm::TransactionError<ApiError>> for ApiError {
    fn from(err: sea_orm::TransactionError<ApiError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e,
        }
    }
}

/// Turns `validator` errors into field errors, keeping validator's codes (`length`, `email`, ...).
impl From<validator::ValidationErrors> for ApiError {
    fn from(errs: validator::ValidationErrors) -> Self {
        let mut out = Vec::new();
        collect_validation(&errs, "", &mut out);
        out.sort_by(|a, b| a.field.cmp(&b.field));
        Self::Validation(out)
    }
}

fn collect_validation(errs: &validator::ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind as K;
    for (field, kind) in errs.errors() {
        let name = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            K::Field(list) => {
                for e in list {
                    let code = specific_code(&e.code, &e.params);
                    let message = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| default_message(code, &e.params));
                    let mut error = FieldError::new(name.clone(), code, message);
                    let limits: serde_json::Map<String, serde_json::Value> = ["min", "max"]
                        .into_iter()
                        .filter_map(|k| e.params.get(k).map(|v| (k.to_owned(), v.clone())))
                        .collect();
                    if !limits.is_empty() {
                        error.params = Some(limits);
                    }
                    out.push(error);
                }
            }
            K::Struct(inner) => collect_validation(inner, &name, out),
            K::List(items) => {
                for (i, inner) in items {
                    collect_validation(inner, &format!("{name}.{i}"), out);
                }
            }
        }
    }
}

type Params = std::collections::HashMap<std::borrow::Cow<'static, str>, serde_json::Value>;

/// validator says `length` for both ends; clients want to know which (`too_short` / `too_long`).
fn specific_code<'a>(code: &'a str, params: &Params) -> &'a str {
    if code != "length" {
        return code;
    }
    let len = match params.get("value") {
        Some(serde_json::Value::String(s)) => s.chars().count() as u64,
        Some(serde_json::Value::Array(a)) => a.len() as u64,
        _ => return code,
    };
    let bound = |k: &str| params.get(k).and_then(|v| v.as_u64());
    match (bound("min"), bound("max")) {
        (Some(min), _) if len < min => "too_short",
        (_, Some(max)) if len > max => "too_long",
        _ => code,
    }
}

fn default_message(code: &str, params: &Params) -> String {
    let min = params.get("min").map(|v| v.to_string()).unwrap_or_default();
    let max = params.get("max").map(|v| v.to_string()).unwrap_or_default();
    match code {
        "too_short" => format!("Must be at least {min} long."),
        "too_long" => format!("Must be at most {max} long."),
        "length" => "Has the wrong length.".into(),
        "email" => "Must be a valid email address.".into(),
        "range" => "Is out of range.".into(),
        _ => format!("Is invalid ({code})."),
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
