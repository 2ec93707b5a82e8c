//! The job queue in the database. A job is enqueued inside the transaction of the change that
//! causes it, so neither exists without the other. Workers claim due jobs with a lease: on
//! PostgreSQL with `FOR UPDATE SKIP LOCKED`, so any number of workers never claim the same job; on
//! SQLite through the single write connection. A job whose worker died is claimed again once its
//! lease runs out.
use super::entity as job;
use crate::api::sql::Sql;
use crate::clock;
use crate::error::ApiResult;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseBackend, EntityTrait};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const DEAD: &str = "dead";
pub const CANCELLED: &str = "cancelled";

/// Attempts before a job that keeps failing is declared dead.
pub const MAX_ATTEMPTS: i64 = 5;

/// Idle workers of this process, woken when a job is committed so that it starts at once rather
/// than at their next poll (other instances still find it by polling).
static COMMITTED: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// Tells this process's idle workers that a job was committed; call it after the commit.
pub fn wake() {
    COMMITTED.notify_waiters();
}

/// A rest that ends at the first [`wake`] after this call, or after `idle`. Take it before looking
/// for work and await it when none was found: a commit while looking is not missed.
pub fn idle(idle: std::time::Duration) -> impl std::future::Future<Output = ()> {
    let committed = COMMITTED.notified();
    async move {
        let _ = tokio::time::timeout(idle, committed).await;
    }
}

/// Adds a job due at `run_at`, in the caller's transaction (then [`wake`] the workers).
pub async fn enqueue(
    db: &impl ConnectionTrait,
    kind: &str,
    payload: serde_json::Value,
    run_at: DateTime<Utc>,
    created_by: Option<&str>,
) -> ApiResult<String> {
    let now = clock::now();
    let id = clock::new_id();
    job::Entity::insert(job::ActiveModel {
        id: Set(id.clone()),
        kind: Set(kind.to_owned()),
        payload: Set(Some(payload)),
        status: Set(QUEUED.into()),
        run_at: Set(run_at),
        attempts: Set(0),
        max_attempts: Set(MAX_ATTEMPTS),
        last_error: Set(None),
        locked_by: Set(None),
        locked_until: Set(None),
        progress_done: Set(0),
        progress_total: Set(0),
        result: Set(None),
        finished_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(created_by.map(str::to_owned)),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

static CLAIM_PG: Sql = Sql::new(
    "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, \
     attempts = attempts + 1, updated_at = $3 \
     WHERE id IN (SELECT id FROM jobs \
       WHERE (status = 'queued' AND run_at <= $3) OR (status = 'running' AND locked_until < $3) \
       ORDER BY run_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
     RETURNING *",
);
static CLAIM_SQLITE: Sql = Sql::new(
    "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, \
     attempts = attempts + 1, updated_at = $3 \
     WHERE id IN (SELECT id FROM jobs \
       WHERE (status = 'queued' AND run_at <= $3) OR (status = 'running' AND locked_until < $3) \
       ORDER BY run_at LIMIT $4) \
     RETURNING *",
);

/// Claims up to `limit` due jobs for `worker` until `now + lease`.
pub async fn claim(
    db: &impl ConnectionTrait,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u64,
) -> ApiResult<Vec<job::Model>> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => &CLAIM_PG,
        _ => &CLAIM_SQLITE,
    };
    let stmt = sql.statement(
        backend,
        [
            worker.into(),
            (now + lease).into(),
            now.into(),
            (limit as i64).into(),
        ],
    );
    Ok(job::Entity::find().from_raw_sql(stmt).all(db).await?)
}

/// How a job ended, written only while `worker` still holds it (a job reclaimed after a lost lease
/// belongs to its new worker).
pub enum Outcome {
    Done(Option<serde_json::Value>),
    /// Worth another try later (`run_at` moves out by the backoff) until attempts run out.
    Retry(String),
    /// No point trying again.
    Dead(String),
}

/// Backoff before attempt `attempts + 1`: 30 s, 1 min, 2 min, ... capped at an hour.
pub fn backoff(attempts: i64) -> Duration {
    let secs = 30i64.saturating_mul(1i64 << attempts.clamp(0, 7));
    Duration::seconds(secs.min(3600))
}

pub async fn finish(
    db: &impl ConnectionTrait,
    job: &job::Model,
    worker: &str,
    now: DateTime<Utc>,
    outcome: Outcome,
) -> ApiResult<()> {
    let (status, run_at, error, result, finished) = match outcome {
        Outcome::Done(result) => (DONE, job.run_at, None, result, Some(now)),
        Outcome::Retry(e) if job.attempts < job.max_attempts => {
            (QUEUED, now + backoff(job.attempts), Some(e), None, None)
        }
        Outcome::Retry(e) | Outcome::Dead(e) => (DEAD, job.run_at, Some(e), None, Some(now)),
    };
    static SQL: Sql = Sql::new(
        "UPDATE jobs SET status = $1, run_at = $2, last_error = COALESCE($3, last_error), \
         result = $4, finished_at = $5, locked_by = NULL, locked_until = NULL, updated_at = $6, \
         version = version + 1 WHERE id = $7 AND locked_by = $8",
    );
    db.execute(SQL.statement(
        db.get_database_backend(),
        [
            status.into(),
            run_at.into(),
            error.into(),
            result.into(),
            finished.into(),
            now.into(),
            job.id.clone().into(),
            worker.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Reports progress of a long job (and keeps its lease alive while it works).
pub async fn progress(
    db: &impl ConnectionTrait,
    id: &str,
    done: i64,
    total: i64,
    lease_until: DateTime<Utc>,
) -> ApiResult<()> {
    static SQL: Sql = Sql::new(
        "UPDATE jobs SET progress_done = $1, progress_total = $2, locked_until = $3 WHERE id = $4",
    );
    let backend = db.get_database_backend();
    db.execute(SQL.statement(
        backend,
        [done.into(), total.into(), lease_until.into(), id.into()],
    ))
    .await?;
    Ok(())
}
