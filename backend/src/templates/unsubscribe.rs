//! The unsubscribe link of marketing mail: no login, a signed token naming the person and the
//! consent it withdraws. Opening it shows a confirmation page (so mail scanners that follow links
//! withdraw nothing); confirming records the withdrawal once. A forged token is not found; a used
//! one is gone.
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::{self, Actor, Change};
use crate::persons::entity as person;
use crate::state::AppState;
use actix_web::http::header::ContentType;
use actix_web::{web, HttpResponse};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionTrait};

fn page(title: &str, body: &str, form: Option<&str>) -> HttpResponse {
    let button = form
        .map(|action| {
            format!(r#"<form method="post" action="{action}"><button type="submit">Unsubscribe</button></form>"#)
        })
        .unwrap_or_default();
    HttpResponse::Ok()
        .content_type(ContentType::html())
        .body(format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><h1>{title}</h1><p>{body}</p>{button}</body></html>"
        ))
}

/// The person a token is for, if the token is genuine and its consent still stands.
async fn consenting(
    db: &impl ConnectionTrait,
    state: &AppState,
    token: &str,
) -> ApiResult<person::Model> {
    let (person_id, stamp) = state
        .jwt
        .verify_unsubscribe(token)
        .ok_or(ApiError::NotFound)?;
    let p = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let current = p.consent_at.map_or(0, |t| t.timestamp_micros());
    if !p.marketing_consent || current != stamp {
        return Err(ApiError::Gone {
            code: "link_used",
            detail:
                "This link was already used: the address no longer receives our marketing mail."
                    .into(),
        });
    }
    Ok(p)
}

#[utoipa::path(get, path = "/api/v1/unsubscribe/{token}", tag = "templates", security(()),
    params(("token" = String, Path)),
    responses((status = 200, description = "A page asking to confirm", content_type = "text/html"),
        (status = 410, description = "Already used")))]
pub async fn unsubscribe_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<HttpResponse> {
    consenting(&state.db.read, &state, &token).await?;
    Ok(page(
        "Unsubscribe",
        "Stop receiving our marketing email at this address?",
        Some(&format!("/api/v1/unsubscribe/{token}")),
    ))
}

#[utoipa::path(post, path = "/api/v1/unsubscribe/{token}", tag = "templates", security(()),
    params(("token" = String, Path)),
    responses((status = 200, description = "Withdrawn; a confirmation page", content_type = "text/html"),
        (status = 410, description = "Already used")))]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let txn = state.db.write.begin().await?;
    // Read inside the transaction: SQLite's single write connection is the transaction's.
    let p = consenting(&txn, &state, &token).await?;
    let now = clock::now();
    let mut active: person::ActiveModel = p.clone().into();
    active.marketing_consent = Set(false);
    active.consent_at = Set(Some(now));
    active.consent_source = Set(Some("unsubscribe link".into()));
    active.updated_at = Set(now);
    active.version = Set(p.version + 1);
    active.update(&txn).await?;
    history::record(
        &txn,
        Actor::SYSTEM,
        "person",
        &p.id,
        "consent_withdrawn",
        vec![Change {
            field: "marketing_consent".into(),
            old: true.into(),
            new: false.into(),
        }],
    )
    .await?;
    txn.commit().await?;
    Ok(page(
        "Unsubscribed",
        "You will no longer receive our marketing email.",
        None,
    ))
}
