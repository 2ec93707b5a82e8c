//! Thin HTTP handlers for internal messages.
use super::dto::{Mailbox, MailboxQuery, Message, SendMessage};
use super::service;
use crate::api::extract::Query;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/messages", tag = "messages", params(MailboxQuery),
    responses((status = 200, description = "The inbox (or sent box), newest first", body = Mailbox)))]
pub async fn list_messages(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<MailboxQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::mailbox(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/messages", tag = "messages", request_body = SendMessage,
    responses((status = 201, description = "Sent; each recipient is notified", body = Message)))]
pub async fn send_message(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SendMessage>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let (message, pinged) =
        service::send(&state.db.write, &state.settings.mail_from, &caller, body).await?;
    for user in pinged {
        state.hub.ping(&user);
    }
    Ok(HttpResponse::Created().json(message))
}

#[utoipa::path(get, path = "/api/v1/messages/threads/{thread_id}", tag = "messages", params(("thread_id" = String, Path)),
    responses((status = 200, description = "The thread, oldest first; the caller's messages in it are now read", body = Vec<Message>)))]
pub async fn get_thread(
    state: web::Data<AppState>,
    caller: Caller,
    thread_id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::thread(&state.db.write, &caller, &thread_id).await?))
}
