//! Periodic work: each task runs once per period however many workers tick. A worker that sees a
//! new period inserts its mark into `schedule_runs` (unique by task and period) and enqueues the
//! task's job in the same transaction; every other worker's insert is ignored, so it enqueues
//! nothing.
use super::queue;
use crate::error::ApiResult;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};

#[derive(Clone, Copy)]
pub enum Every {
    Minute,
    Day,
}

/// The periodic tasks: (job kind, how often).
pub const TASKS: &[(&str, Every)] = &[
    (crate::alarms::SCAN_JOB, Every::Minute),
    (super::CLEANUP_JOB, Every::Day),
];

fn period(every: Every, now: DateTime<Utc>) -> String {
    match every {
        Every::Minute => now.format("%Y-%m-%dT%H:%M").to_string(),
        Every::Day => now.format("%Y-%m-%d").to_string(),
    }
}

/// Enqueues the tasks whose period began since they last ran; returns how many.
pub async fn tick(db: &impl TransactionTrait, now: DateTime<Utc>) -> ApiResult<usize> {
    let mut enqueued = 0;
    for (name, every) in TASKS {
        let txn = db.begin().await?;
        let backend = txn.get_database_backend();
        let insert = Statement::from_sql_and_values(
            backend,
            match backend {
                sea_orm::DatabaseBackend::Postgres => {
                    "INSERT INTO schedule_runs (name, period, created_at) VALUES ($1, $2, $3) \
                     ON CONFLICT DO NOTHING"
                }
                _ => "INSERT OR IGNORE INTO schedule_runs (name, period, created_at) VALUES (?, ?, ?)",
            },
            [(*name).into(), period(*every, now).into(), now.into()],
        );
        if txn.execute(insert).await?.rows_affected() == 1 {
            queue::enqueue(&txn, name, serde_json::json!({}), now, None).await?;
            enqueued += 1;
        }
        txn.commit().await?;
    }
    Ok(enqueued)
}
