//! Serving the built single-page app on the same origin as the API, with a fallback to index.html
//! so client-side routes survive a reload. Unknown `/api/...` and `/health...` paths stay 404 problems.
use crate::error::ApiError;
use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::{web, HttpResponse};
use std::path::PathBuf;

pub fn service(dir: PathBuf) -> Files {
    let index = dir.join("index.html");
    Files::new("/", dir)
        .index_file("index.html")
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let res = match NamedFile::open_async(&index).await {
                    Ok(file) => file.into_response(&req),
                    Err(_) => actix_web::ResponseError::error_response(&ApiError::NotFound),
                };
                Ok(ServiceResponse::new(req, res))
            }
        }))
}

/// Used when no SPA is built: `/` points people at the API docs.
pub async fn no_spa() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body("<!doctype html><title>CRM</title><p>The CRM API is running. See <a href=\"/api/docs/\">/api/docs/</a>.</p>")
}

pub fn available(dir: &std::path::Path) -> bool {
    dir.join("index.html").is_file()
}

pub async fn route_not_found() -> HttpResponse {
    HttpResponse::NotFound().finish()
}

pub fn fallback(cfg: &mut web::ServiceConfig, dir: PathBuf) {
    if available(&dir) {
        cfg.service(service(dir));
    } else {
        cfg.route("/", web::get().to(no_spa));
    }
}

pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header(("Location", "/api/docs/"))
        .finish()
}
