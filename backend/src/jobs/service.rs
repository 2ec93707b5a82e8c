//! What administrators do with jobs: watch them, retry the dead, cancel the waiting.
use super::dto::{Job, JobQuery, FIELDS};
use super::entity as job;
use super::queue::{CANCELLED, DEAD, QUEUED};
use crate::access::{Action, Resource};
use crate::api::{fetch_page, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &JobQuery,
) -> ApiResult<Page<Job>> {
    caller.require(Resource::Jobs, Action::Read)?;
    let mut select = job::Entity::find();
    if let Some(s) = &q.status {
        select = select.filter(job::Column::Status.eq(s.as_str()));
    }
    if let Some(k) = &q.kind {
        select = select.filter(job::Column::Kind.eq(k.as_str()));
    }
    let page = ListQuery {
        limit: q.limit,
        cursor: q.cursor.clone(),
        count: q.count,
        ..Default::default()
    };
    Ok(fetch_page(db, select, &FIELDS, &page, None)
        .await?
        .map(Job::from))
}

/// Administrators see every job; anyone sees the jobs they started (an import, a reassignment).
pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Job> {
    let admin = caller.require(Resource::Jobs, Action::Read);
    let job = find(db, id).await?;
    if admin.is_err() && job.created_by.as_deref() != Some(caller.user_id.as_str()) {
        return Err(admin.err().unwrap_or(ApiError::NotFound));
    }
    Ok(Job::from(job))
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<job::Model> {
    job::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Moves a job from one of `from` to `to` (queued again with fresh attempts, or cancelled); a job
/// in any other state is a 409, since a worker may hold it.
async fn transition(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
    from: &[&str],
    to: &str,
    action: &str,
) -> ApiResult<Job> {
    caller.require(Resource::Jobs, Action::Update)?;
    let current = find(db, id).await?;
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(to))
        .col_expr(job::Column::UpdatedAt, Expr::value(clock::now()))
        .col_expr(job::Column::Version, Expr::col(job::Column::Version).add(1))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.is_in(from.iter().copied()));
    if to == QUEUED {
        update = update
            .col_expr(job::Column::Attempts, Expr::value(0))
            .col_expr(job::Column::RunAt, Expr::value(clock::now()))
            .col_expr(
                job::Column::FinishedAt,
                Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
            );
    }
    if update.exec(db).await?.rows_affected != 1 {
        return Err(ApiError::conflict(
            "job_state",
            format!("A {} job cannot be {action}.", current.status),
        ));
    }
    history::record(
        db,
        caller.actor(),
        "job",
        id,
        action,
        vec![history::Change {
            field: "status".into(),
            old: current.status.into(),
            new: to.into(),
        }],
    )
    .await?;
    find(db, id).await.map(Job::from)
}

pub async fn retry(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Job> {
    transition(db, caller, id, &[DEAD, CANCELLED], QUEUED, "retried").await
}

pub async fn cancel(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Job> {
    transition(db, caller, id, &[QUEUED, DEAD], CANCELLED, "cancelled").await
}
