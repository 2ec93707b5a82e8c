//! A short-lived cache of who a session is: its user's grants and when the session ends. Without it
//! every request would pay a grants query before doing its own work.
//!
//! Correctness rests on invalidation, not on the TTL: every change that can take rights away
//! (disable, delete, password reset, role or grant edits, logout, revocation) commits through
//! [`commit_revoking`], which clears this instance's cache after the commit and, on PostgreSQL, sends
//! `NOTIFY crm_auth` inside the transaction so every other instance clears theirs when it commits.
//! The TTL only bounds the damage of a notification lost while a listener reconnects.
use crate::access::Grants;
use crate::error::ApiResult;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseTransaction};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

const TTL: Duration = Duration::from_secs(30);
const MAX_ENTRIES: usize = 50_000;
pub const CHANNEL: &str = "crm_auth";

#[derive(Clone)]
struct Entry {
    user_id: String,
    grants: Grants,
    session_expires: DateTime<Utc>,
    cached_at: Instant,
    generation: u64,
}

/// Process-wide: services that revoke rights reach it without threading state through every call.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Keyed by session id (a session belongs to one user), so a lookup borrows instead of allocating.
fn entries() -> &'static Mutex<HashMap<String, Entry>> {
    static ENTRIES: OnceLock<Mutex<HashMap<String, Entry>>> = OnceLock::new();
    ENTRIES.get_or_init(|| Mutex::new(HashMap::new()))
}

pub fn lookup(user_id: &str, session_id: &str, now: DateTime<Utc>) -> Option<Grants> {
    let map = entries().lock().ok()?;
    let e = map.get(session_id)?;
    let fresh = e.user_id == user_id
        && e.generation == GENERATION.load(Ordering::Acquire)
        && e.cached_at.elapsed() < TTL
        && e.session_expires > now;
    fresh.then(|| e.grants.clone())
}

/// Caches what was read under `generation` (taken before the read, so a revocation that lands
/// during the read makes the entry stale at once).
pub fn store(
    user_id: &str,
    session_id: &str,
    grants: Grants,
    session_expires: DateTime<Utc>,
    generation: u64,
) {
    if let Ok(mut map) = entries().lock() {
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        let entry = Entry {
            user_id: user_id.to_owned(),
            grants,
            session_expires,
            cached_at: Instant::now(),
            generation,
        };
        map.insert(session_id.to_owned(), entry);
    }
}

pub fn generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

/// Forgets every cached principal of this instance.
pub fn invalidate() {
    GENERATION.fetch_add(1, Ordering::AcqRel);
    if let Ok(mut map) = entries().lock() {
        map.clear();
    }
}

/// Commits a transaction that may take rights away, and makes every instance forget what it cached.
pub async fn commit_revoking(txn: DatabaseTransaction) -> ApiResult<()> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_unprepared(&format!("NOTIFY {CHANNEL}")).await?;
    }
    txn.commit().await?;
    invalidate();
    Ok(())
}

/// On PostgreSQL, clears the cache whenever another instance commits a revocation. Reconnects on
/// error, clearing the cache each time since notifications may have been missed meanwhile.
pub fn listen(db: &crate::db::Db) {
    if db.backend() != DatabaseBackend::Postgres {
        return;
    }
    let pool = db.write.get_postgres_connection_pool().clone();
    tokio::spawn(async move {
        loop {
            match sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(mut listener) => {
                    if listener.listen(CHANNEL).await.is_ok() {
                        invalidate();
                        while listener.recv().await.is_ok() {
                            invalidate();
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "auth cache listener could not connect"),
            }
            invalidate();
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}
