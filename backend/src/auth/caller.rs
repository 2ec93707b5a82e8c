//! The `Caller` extractor: a handler that takes a `Caller` argument requires a valid bearer token
//! (a JWT access token or an API key). Anything else is 401, never "anonymous". The user's status,
//! session and grants are read on every request (one query for tokens), so disabling a user, logging
//! out or editing a role takes effect at once.
use crate::access::{Action, Grants, Resource, Scope};
use crate::api::sql::Sql;
use crate::auth::{principals, secrets};
use crate::clock;
use crate::error::ApiError;
use crate::history::Actor;
use crate::state::AppState;
use actix_web::{dev::Payload, http::header, web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;
use sea_orm::{ConnectionTrait, FromQueryResult};
use tracing_actix_web::RequestId;

#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: String,
    pub session_id: Option<String>,
    pub api_key_id: Option<String>,
    pub grants: Grants,
    pub request_id: Option<String>,
}

impl Caller {
    /// The scope this caller holds for an action, or 403.
    pub fn require(&self, resource: Resource, action: Action) -> Result<Scope, ApiError> {
        self.grants.require(resource, action)
    }

    pub fn actor(&self) -> Actor<'_> {
        Actor {
            user_id: Some(&self.user_id),
            api_key_id: self.api_key_id.as_deref(),
            request_id: self.request_id.as_deref(),
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        let request_id = req.extensions().get::<RequestId>().map(|r| r.to_string());
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("state missing")))?;
            let token = token.ok_or_else(ApiError::unauthorized)?;
            let mut caller = match secrets::api_key_prefix(&token) {
                Some(prefix) => from_api_key(&state, prefix, &token).await?,
                None => from_access_token(&state, &token).await?,
            };
            caller.request_id = request_id;
            Ok(caller)
        })
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn invalid_token() -> ApiError {
    ApiError::Unauthorized {
        code: "invalid_token",
        detail: "The token is invalid, expired or revoked.",
    }
}

#[derive(FromQueryResult)]
struct GrantRow {
    expires_at: chrono::DateTime<chrono::Utc>,
    resource: Option<String>,
    action: Option<String>,
    scope: Option<String>,
}

/// One round trip: the user must be active and not deleted, the session open; grants come along.
static CALLER_SQL: Sql = Sql::new(
    "SELECT s.expires_at, g.resource, g.action, g.scope FROM users u \
    JOIN sessions s ON s.user_id = u.id AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 \
    LEFT JOIN user_roles ur ON ur.user_id = u.id \
    LEFT JOIN role_grants g ON g.role_id = ur.role_id \
    WHERE u.id = $1 AND u.status = 'active' AND u.deleted_at IS NULL",
);

async fn from_access_token(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let claims = state.jwt.verify(token).ok_or_else(invalid_token)?;
    let now = clock::now();
    if let Some(grants) = principals::lookup(&claims.sub, &claims.sid, now) {
        return Ok(Caller {
            user_id: claims.sub,
            session_id: Some(claims.sid),
            api_key_id: None,
            grants,
            request_id: None,
        });
    }
    let generation = principals::generation();
    let db = &state.db.read;
    let backend = db.get_database_backend();
    let rows = GrantRow::find_by_statement(CALLER_SQL.statement(
        backend,
        [
            claims.sub.clone().into(),
            claims.sid.clone().into(),
            now.into(),
        ],
    ))
    .all(db)
    .await?;
    let expires = rows
        .first()
        .map(|r| r.expires_at)
        .ok_or_else(invalid_token)?;
    let mut grants = Grants::default();
    for row in rows {
        if let (Some(r), Some(a), Some(s)) = (row.resource, row.action, row.scope) {
            grants.add(&r, &a, &s);
        }
    }
    principals::store(
        &claims.sub,
        &claims.sid,
        grants.clone(),
        expires,
        generation,
    );
    Ok(Caller {
        user_id: claims.sub,
        session_id: Some(claims.sid),
        api_key_id: None,
        grants,
        request_id: None,
    })
}

#[derive(FromQueryResult)]
struct KeyRow {
    id: String,
    user_id: String,
    secret_hash: String,
    last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

static KEY_SQL: Sql = Sql::new(
    "SELECT k.id, k.user_id, k.secret_hash, k.last_used_at FROM api_keys k \
    JOIN users u ON u.id = k.user_id AND u.status = 'active' AND u.deleted_at IS NULL \
    WHERE k.prefix = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $2)",
);
static TOUCH_KEY_SQL: Sql = Sql::new("UPDATE api_keys SET last_used_at = $1 WHERE id = $2");

async fn from_api_key(state: &AppState, prefix: &str, token: &str) -> Result<Caller, ApiError> {
    let db = &state.db.read;
    let backend = db.get_database_backend();
    let now = clock::now();
    let key = KeyRow::find_by_statement(KEY_SQL.statement(backend, [prefix.into(), now.into()]))
        .one(db)
        .await?
        .filter(|k| secrets::constant_time_eq(&k.secret_hash, &secrets::sha256_hex(token)))
        .ok_or_else(invalid_token)?;
    // Recording every use would make each API call a write; once a minute is precise enough.
    if key
        .last_used_at
        .is_none_or(|t| now - t > chrono::Duration::seconds(60))
    {
        let w = &state.db.write;
        w.execute(TOUCH_KEY_SQL.statement(
            w.get_database_backend(),
            [now.into(), key.id.clone().into()],
        ))
        .await?;
    }
    let grants = crate::access::load_grants(db, &key.user_id).await?;
    Ok(Caller {
        user_id: key.user_id,
        session_id: None,
        api_key_id: Some(key.id),
        grants,
        request_id: None,
    })
}
