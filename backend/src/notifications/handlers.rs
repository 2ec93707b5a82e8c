//! HTTP handlers for notifications, including the live stream.
use super::dto::{Notification, NotificationPage, NotificationQuery, Preference, UnreadCount};
use super::service;
use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use std::time::Duration;
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications", params(NotificationQuery),
    responses((status = 200, description = "The caller's notifications, unread first", body = NotificationPage)))]
pub async fn list_notifications(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<NotificationQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/notifications/{id}/read", tag = "notifications", params(("id" = String, Path)),
    responses((status = 200, description = "Marked read", body = Notification)))]
pub async fn read_notification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::mark_read(&state.db.write, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/notifications/read-all", tag = "notifications",
    responses((status = 200, description = "All marked read; the new unread count (0)", body = UnreadCount)))]
pub async fn read_all_notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    service::mark_all_read(&state.db.write, &caller).await?;
    let unread_count = service::unread_count(&state.db.write, &caller.user_id).await?;
    Ok(HttpResponse::Ok().json(UnreadCount { unread_count }))
}

#[utoipa::path(get, path = "/api/v1/notifications/preferences", tag = "notifications",
    responses((status = 200, description = "How the caller gets each kind", body = Vec<Preference>)))]
pub async fn get_notification_preferences(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::preferences(&state.db.read, &caller).await?))
}

#[utoipa::path(put, path = "/api/v1/notifications/preferences", tag = "notifications", request_body = Vec<Preference>,
    responses((status = 200, description = "Saved; every kind with its setting", body = Vec<Preference>)))]
pub async fn put_notification_preferences(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<Vec<Preference>>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(service::set_preferences(&state.db.write, &caller, body.into_inner()).await?))
}

/// How often an idle stream re-checks the database (covers other instances) and keeps proxies
/// from closing it.
const RECHECK: Duration = Duration::from_secs(10);

fn event(name: &str, data: &serde_json::Value) -> web::Bytes {
    web::Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}

#[utoipa::path(get, path = "/api/v1/notifications/stream", tag = "notifications",
    responses((status = 200, description = "Server-sent events: `unread` with `{unread_count, latest}` on connect and whenever a notification arrives", content_type = "text/event-stream")))]
pub async fn stream_notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    let q = NotificationQuery {
        unread: Some(true),
        limit: Some(1),
        cursor: None,
    };
    q.validate()?;
    let rx = state.hub.subscribe();
    let start = (state, caller, rx, None::<(u64, Option<String>)>);
    let stream = futures_util::stream::unfold(start, move |(state, caller, mut rx, last)| {
        let q = NotificationQuery {
            unread: Some(true),
            limit: Some(1),
            cursor: None,
        };
        async move {
            if last.is_some() {
                // Wait for a ping for this user, or the re-check timer.
                let wait = async {
                    loop {
                        match rx.recv().await {
                            Ok(user) if user == caller.user_id => return,
                            Ok(_) => {}
                            Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => return,
                            Err(_) => std::future::pending::<()>().await,
                        }
                    }
                };
                let _ = tokio::time::timeout(RECHECK, wait).await;
            }
            let bytes = match service::list(&state.db.read, &caller, &q).await {
                Ok(page) => {
                    let now = (page.unread_count, page.items.first().map(|n| n.id.clone()));
                    if Some(&now) != last.as_ref() {
                        let data = serde_json::json!({"unread_count": page.unread_count, "latest": page.items.first()});
                        let bytes = event("unread", &data);
                        return Some((
                            Ok::<_, actix_web::Error>(bytes),
                            (state, caller, rx, Some(now)),
                        ));
                    }
                    web::Bytes::from_static(b": keep-alive\n\n")
                }
                Err(_) => web::Bytes::from_static(b": retry\n\n"),
            };
            Some((Ok(bytes), (state, caller, rx, last)))
        }
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/event-stream"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        // Compression would hold events back in its buffer.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .streaming(stream))
}
