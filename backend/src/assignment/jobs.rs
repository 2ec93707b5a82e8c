//! The `assignment.apply` job: every live partner, in id order and in batches, relocated to the
//! territory its address lies in and given the owners the current table decides. Each batch
//! commits its changes, their history and the job's progress together, so a crash resumes
//! without doing anything twice (a partner already right is no change). Branches are relocated
//! after the partners.
use super::decide::Table;
use super::engine::plan;
use super::notify;
use super::read::{load_rules, load_subjects, load_tree, Which};
use super::write::write;
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::Actor;
use crate::jobs::entity as job;
use crate::jobs::queue;
use crate::jobs::worker::JobResult;
use crate::partners::entity::partner;
use crate::state::AppState;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use std::collections::BTreeMap;

pub const APPLY_JOB: &str = "assignment.apply";
const BATCH: u64 = 5000;

/// Enqueues a reassignment in the caller's transaction.
pub async fn enqueue(db: &impl ConnectionTrait, caller: &Caller) -> ApiResult<String> {
    queue::enqueue(
        db,
        APPLY_JOB,
        serde_json::json!({}),
        clock::now(),
        Some(&caller.user_id),
    )
    .await
}

pub async fn run(state: &AppState, job: &job::Model) -> JobResult {
    let db = &state.db.write;
    let tree = load_tree(db).await?;
    let table = Table::new(&tree, load_rules(db).await?, state.clock.now().date_naive());
    let total = partner::Entity::find()
        .filter(partner::Column::DeletedAt.is_null())
        .count(db)
        .await
        .map_err(ApiError::from)? as i64;
    let actor = Actor {
        user_id: job.created_by.as_deref(),
        ..Actor::SYSTEM
    };
    let (mut done, mut changed, mut conflicts) = (0i64, 0u64, 0u64);
    let mut gained = BTreeMap::new();
    let mut after: Option<String> = None;
    loop {
        let txn = db.begin().await.map_err(ApiError::from)?;
        let which = Which::Range {
            after: after.clone(),
            until: None,
        };
        let subjects = load_subjects(&txn, which, BATCH).await?;
        let Some(last) = subjects.last() else { break };
        after = Some(last.id.clone());
        done += subjects.len() as i64;
        let found = plan(&tree, &table, &subjects, usize::MAX);
        changed += found.changed;
        conflicts += found.conflicted;
        let changes = found.changes;
        write(&txn, actor, &changes).await?;
        notify::collect(&changes, &mut gained);
        let lease =
            state.clock.now() + chrono::Duration::seconds(state.settings.job_lease_secs as i64);
        queue::progress(&txn, &job.id, done, total.max(done), lease).await?;
        txn.commit().await.map_err(ApiError::from)?;
    }
    let branches = super::branches::relocate(db, &tree).await?;
    let txn = db.begin().await.map_err(ApiError::from)?;
    let day = state.clock.now().date_naive();
    let told = notify::tell(&txn, &state.settings.mail_from, day, actor.user_id, gained).await?;
    txn.commit().await.map_err(ApiError::from)?;
    for user in told {
        state.hub.ping(&user);
    }
    Ok(Some(
        serde_json::json!({"partners": done, "changed": changed, "conflicts": conflicts, "branches_moved": branches}),
    ))
}
