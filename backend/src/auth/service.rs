//! Login, refresh with rotation and reuse detection, logout, password change.
use super::dto::{ChangePassword, LoginRequest, Me, TokenResponse};
use super::entity::{refresh_token, session};
use super::sessions::{self, Sessions};
use super::{lockout, password, principals, secrets, Caller};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::{self, Actor, Change};
use crate::state::AppState;
use crate::users::{entity::user, service as users};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

/// Where the request came from, for lockout and the audit trail.
pub struct Client {
    pub ip: String,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

fn invalid_credentials() -> ApiError {
    ApiError::Unauthorized {
        code: "invalid_credentials",
        detail: "The email or password is wrong.",
    }
}

fn invalid_refresh() -> ApiError {
    ApiError::Unauthorized {
        code: "invalid_refresh_token",
        detail: "The refresh token is invalid, used or expired.",
    }
}

async fn tokens(
    state: &AppState,
    user: user::Model,
    session_id: &str,
    refresh_token: String,
) -> ApiResult<TokenResponse> {
    let access_token = state.jwt.issue(&user.id, session_id)?;
    Ok(TokenResponse {
        access_token,
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl_secs,
        user: users::to_dto(&state.db.read, user).await?,
    })
}

pub async fn login(
    state: &AppState,
    input: LoginRequest,
    client: Client,
) -> ApiResult<TokenResponse> {
    let email = input.email.trim().to_lowercase();
    lockout::check(&state.db.read, &state.settings, &email, &client.ip).await?;
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .filter(user::Column::DeletedAt.is_null())
        .one(&state.db.read)
        .await?;
    let ok = password::verify(
        input.password,
        found.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let active = found.filter(|u| u.status == "active");
    let actor = |user_id| Actor {
        user_id,
        api_key_id: None,
        request_id: client.request_id.as_deref(),
    };
    let ip_change = vec![Change {
        field: "ip".into(),
        old: serde_json::Value::Null,
        new: client.ip.clone().into(),
    }];
    let txn = state.db.write.begin().await?;
    let Some(user) = active.filter(|_| ok) else {
        lockout::record(&txn, &email, &client.ip, false).await?;
        // Unknown accounts are logged under the email tried, known ones under the user.
        let (kind, id) = match user::Entity::find()
            .filter(user::Column::Email.eq(&email))
            .one(&txn)
            .await?
        {
            Some(u) => ("user", u.id),
            None => ("login", email.chars().take(36).collect()),
        };
        history::record(&txn, actor(None), kind, &id, "login_failed", ip_change).await?;
        txn.commit().await?;
        return Err(invalid_credentials());
    };
    lockout::record(&txn, &email, &client.ip, true).await?;
    let session = sessions::open(
        &txn,
        &user.id,
        state.settings.refresh_token_ttl_secs,
        Some(client.ip.clone()),
        client.user_agent.clone(),
    )
    .await?;
    history::record(
        &txn,
        actor(Some(&user.id)),
        "user",
        &user.id,
        "login",
        ip_change,
    )
    .await?;
    txn.commit().await?;
    tokens(state, user, &session.session_id, session.refresh_token).await
}

enum Refresh {
    Rotated(Box<user::Model>, String, String),
    Reused,
}

pub async fn refresh(
    state: &AppState,
    presented: &str,
    client: Client,
) -> ApiResult<TokenResponse> {
    let hash = secrets::sha256_hex(presented);
    let now = clock::now();
    let txn = state.db.write.begin().await?;
    let token = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash))
        .one(&txn)
        .await?
        .ok_or_else(invalid_refresh)?;
    let sess = session::Entity::find_by_id(&token.session_id)
        .one(&txn)
        .await?
        .filter(|s| s.revoked_at.is_none() && s.expires_at > now && token.expires_at > now)
        .ok_or_else(invalid_refresh)?;
    let outcome = if token.used_at.is_some() {
        Refresh::Reused
    } else {
        // Only one of two racing refreshes may consume the token; the loser counts as reuse.
        let consumed = refresh_token::Entity::update_many()
            .col_expr(
                refresh_token::Column::UsedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(refresh_token::Column::Id.eq(&token.id))
            .filter(refresh_token::Column::UsedAt.is_null())
            .exec(&txn)
            .await?;
        match consumed.rows_affected {
            1 => {
                let user = user::Entity::find_by_id(&sess.user_id)
                    .filter(user::Column::Status.eq("active"))
                    .filter(user::Column::DeletedAt.is_null())
                    .one(&txn)
                    .await?
                    .ok_or_else(invalid_refresh)?;
                let next =
                    sessions::issue_refresh(&txn, &sess.id, state.settings.refresh_token_ttl_secs)
                        .await?;
                Refresh::Rotated(Box::new(user), sess.id.clone(), next)
            }
            _ => Refresh::Reused,
        }
    };
    match outcome {
        Refresh::Rotated(user, session_id, next) => {
            txn.commit().await?;
            tokens(state, *user, &session_id, next).await
        }
        Refresh::Reused => {
            sessions::revoke(&txn, Sessions::One(&sess.id), "refresh_token_reuse").await?;
            let actor = Actor {
                user_id: None,
                api_key_id: None,
                request_id: client.request_id.as_deref(),
            };
            let change = vec![Change {
                field: "ip".into(),
                old: serde_json::Value::Null,
                new: client.ip.into(),
            }];
            history::record(
                &txn,
                actor,
                "user",
                &sess.user_id,
                "refresh_token_reuse",
                change,
            )
            .await?;
            principals::commit_revoking(txn).await?;
            Err(invalid_refresh())
        }
    }
}

pub async fn logout(state: &AppState, caller: &Caller) -> ApiResult<()> {
    let Some(session_id) = &caller.session_id else {
        return Err(ApiError::bad_request(
            "not_a_session",
            "API keys are revoked, not logged out.",
        ));
    };
    let txn = state.db.write.begin().await?;
    sessions::revoke(&txn, Sessions::One(session_id), "logout").await?;
    history::record(
        &txn,
        caller.actor(),
        "user",
        &caller.user_id,
        "logout",
        vec![],
    )
    .await?;
    principals::commit_revoking(txn).await?;
    Ok(())
}

pub async fn me(state: &AppState, caller: &Caller) -> ApiResult<Me> {
    let model = user::Entity::find_by_id(&caller.user_id)
        .one(&state.db.read)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Me {
        user: users::to_dto(&state.db.read, model).await?,
        grants: caller.grants.list(),
    })
}

pub async fn change_password(
    state: &AppState,
    caller: &Caller,
    input: ChangePassword,
) -> ApiResult<()> {
    let model = user::Entity::find_by_id(&caller.user_id)
        .one(&state.db.read)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !password::verify(input.current_password, Some(model.password_hash.clone())).await? {
        return Err(ApiError::invalid(
            "current_password",
            "wrong_password",
            "The current password is wrong.",
        ));
    }
    let hash = password::hash(input.new_password).await?;
    let txn = state.db.write.begin().await?;
    let mut active: user::ActiveModel = model.into();
    active.password_hash = Set(hash);
    active.updated_at = Set(clock::now());
    sea_orm::ActiveModelTrait::update(active, &txn).await?;
    // Other logins end; the one that changed the password stays.
    let keep = caller.session_id.as_deref().unwrap_or_default();
    sessions::revoke(
        &txn,
        Sessions::AllOfExcept(&caller.user_id, keep),
        "password_changed",
    )
    .await?;
    let change = vec![Change {
        field: "password".into(),
        old: "***".into(),
        new: "***".into(),
    }];
    history::record(
        &txn,
        caller.actor(),
        "user",
        &caller.user_id,
        "change_password",
        change,
    )
    .await?;
    principals::commit_revoking(txn).await?;
    Ok(())
}
