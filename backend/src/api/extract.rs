//! Extractor configuration: malformed JSON, unknown fields, bad query strings and bad path segments
//! all answer with problem documents instead of actix's plain-text errors.
use crate::error::{ApiError, FieldError};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{web, HttpRequest};

pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(|err, _req: &HttpRequest| json_error(err).into())
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| query_error(err).into())
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_err: PathError, _req| ApiError::NotFound.into())
}

fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            ApiError::PayloadTooLarge { limit }
        }
        JsonPayloadError::Deserialize(e) => deserialize_error(&e.to_string(), e.is_data()),
        other => ApiError::bad_request("malformed_json", other.to_string()),
    }
}

/// serde says "unknown field `x`, expected ..." and "missing field `x`"; we name the field so the
/// SPA can show it beside the input.
fn deserialize_error(message: &str, is_data: bool) -> ApiError {
    let field = message.split('`').nth(1).unwrap_or_default().to_owned();
    let clean = message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned();
    if message.starts_with("unknown field") {
        return ApiError::BadRequest {
            code: "unknown_field",
            detail: format!("Unknown field `{field}`."),
            errors: vec![FieldError::new(
                field,
                "unknown_field",
                "This field is not accepted.",
            )],
        };
    }
    if message.starts_with("missing field") {
        return ApiError::Validation(vec![FieldError::new(
            field,
            "required",
            "This field is required.",
        )]);
    }
    if is_data {
        return ApiError::BadRequest {
            code: "invalid_body",
            detail: clean.clone(),
            errors: vec![],
        };
    }
    ApiError::bad_request("malformed_json", clean)
}

fn query_error(err: QueryPayloadError) -> ApiError {
    let message = match &err {
        QueryPayloadError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    ApiError::bad_request("invalid_query", format!("Invalid query string: {message}"))
}

/// `web::Query` plus the struct's `validator` limits (the same ones the OpenAPI document declares);
/// a violation is a 400 `invalid_query` naming the parameter.
pub struct Query<T>(pub T);

impl<T> std::ops::Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::de::DeserializeOwned + validator::Validate + 'static> actix_web::FromRequest
    for Query<T>
{
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready(
            parse_query(req.query_string())
                .map(Query)
                .map_err(Into::into),
        )
    }
}

/// A query string read as `Query` reads it: the struct's types, then its `validator` limits.
pub fn parse_query<T: serde::de::DeserializeOwned + validator::Validate>(
    qs: &str,
) -> Result<T, ApiError> {
    let parsed = web::Query::<T>::from_query(qs)
        .map_err(query_error)?
        .into_inner();
    match parsed.validate() {
        Ok(()) => Ok(parsed),
        Err(errs) => {
            let errors = match ApiError::from(errs) {
                ApiError::Validation(errors) => errors,
                _ => vec![],
            };
            Err(ApiError::BadRequest {
                code: "invalid_query",
                detail: "Some query parameters are invalid.".into(),
                errors,
            })
        }
    }
}
