//! Login sessions and their rotating refresh tokens. Each refresh consumes the presented token and
//! issues a new one in the same session; presenting a consumed token again means it was stolen (or
//! replayed), so the whole session is revoked.
use super::entity::{refresh_token, session};
use super::secrets;
use crate::clock;
use crate::error::ApiResult;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

pub struct NewSession {
    pub session_id: String,
    pub refresh_token: String,
}

pub async fn open(
    db: &impl ConnectionTrait,
    user_id: &str,
    ttl_secs: i64,
    ip: Option<String>,
    user_agent: Option<String>,
) -> ApiResult<NewSession> {
    let now = clock::now();
    let session_id = clock::new_id();
    session::Entity::insert(session::ActiveModel {
        id: Set(session_id.clone()),
        user_id: Set(user_id.to_owned()),
        created_at: Set(now),
        expires_at: Set(now + chrono::Duration::seconds(ttl_secs)),
        revoked_at: Set(None),
        revoke_reason: Set(None),
        ip: Set(ip),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(300).collect())),
    })
    .exec_without_returning(db)
    .await?;
    let refresh_token = issue_refresh(db, &session_id, ttl_secs).await?;
    Ok(NewSession {
        session_id,
        refresh_token,
    })
}

pub async fn issue_refresh(
    db: &impl ConnectionTrait,
    session_id: &str,
    ttl_secs: i64,
) -> ApiResult<String> {
    let token = secrets::random_token(32);
    let now = clock::now();
    refresh_token::Entity::insert(refresh_token::ActiveModel {
        id: Set(clock::new_id()),
        session_id: Set(session_id.to_owned()),
        token_hash: Set(secrets::sha256_hex(&token)),
        created_at: Set(now),
        expires_at: Set(now + chrono::Duration::seconds(ttl_secs)),
        used_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

/// Which open sessions to end.
pub enum Sessions<'a> {
    One(&'a str),
    AllOf(&'a str),
    /// Every session of a user but the one making the change (a password change keeps its own).
    AllOfExcept(&'a str, &'a str),
}

pub async fn revoke(db: &impl ConnectionTrait, which: Sessions<'_>, reason: &str) -> ApiResult<()> {
    let mut update = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(clock::now()))
        .col_expr(session::Column::RevokeReason, Expr::value(reason))
        .filter(session::Column::RevokedAt.is_null());
    update = match which {
        Sessions::One(id) => update.filter(session::Column::Id.eq(id)),
        Sessions::AllOf(user) => update.filter(session::Column::UserId.eq(user)),
        Sessions::AllOfExcept(user, keep) => update
            .filter(session::Column::UserId.eq(user))
            .filter(session::Column::Id.ne(keep)),
    };
    update.exec(db).await?;
    Ok(())
}
