//! Optimistic concurrency: every record has a `version`; responses carry it as a strong ETag and
//! changes must name it in `If-Match`.
use crate::error::ApiError;
use actix_web::{
    dev::Payload, http::header, FromRequest, HttpRequest, HttpResponse, HttpResponseBuilder,
};
use std::future::{ready, Ready};

/// The version named by `If-Match`. Missing answers 428; a value that is not one of our ETags 400.
#[derive(Debug, Clone, Copy)]
pub struct IfMatch(pub i32);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(raw) = req.headers().get(header::IF_MATCH) else {
            return ready(Err(ApiError::PreconditionRequired));
        };
        let parsed = raw
            .to_str()
            .ok()
            .map(|s| s.trim().trim_start_matches("W/").trim_matches('"'))
            .and_then(|s| s.parse::<i32>().ok());
        ready(match parsed {
            Some(v) => Ok(IfMatch(v)),
            None => Err(ApiError::bad_request(
                "invalid_if_match",
                "If-Match must be the record's ETag, such as \"3\".",
            )),
        })
    }
}

impl IfMatch {
    pub fn check(self, current: i32) -> Result<(), ApiError> {
        if self.0 == current {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed { current })
        }
    }
}

pub fn with_etag(
    mut builder: HttpResponseBuilder,
    version: i32,
    body: &impl serde::Serialize,
) -> HttpResponse {
    builder
        .insert_header((header::ETAG, format!("\"{version}\"")))
        .json(body)
}
