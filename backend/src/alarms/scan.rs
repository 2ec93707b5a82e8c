//! The alarm scan (every minute, once across all workers): a deadline that is near warns, one that
//! has passed alarms, and one still overdue after the escalation delay goes to the managers. Each
//! step is stamped on the deadline in the same transaction as its notifications, with a guard on
//! the stamp still being empty, so it fires exactly once whatever the number of workers or restarts.
use super::entity::deadline;
use super::routing;
use crate::error::ApiError;
use crate::jobs::worker::JobResult;
use crate::notifications::service::{notify, Note};
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

/// Deadlines handled per transaction.
const BATCH: u64 = 200;

#[derive(Clone, Copy)]
enum Step {
    Near,
    Overdue,
    Escalate,
}

impl Step {
    fn stamp(self) -> deadline::Column {
        match self {
            Step::Near => deadline::Column::WarnedAt,
            Step::Overdue => deadline::Column::OverdueAt,
            Step::Escalate => deadline::Column::EscalatedAt,
        }
    }

    /// The deadlines this step is due for at `now`.
    fn due(self, now: DateTime<Utc>, warn: Duration, escalate: Duration) -> Condition {
        let base = Condition::all()
            .add(self.stamp().is_null())
            .add(deadline::Column::ClearedAt.is_null());
        match self {
            // Not yet passed: a passed one alarms as overdue instead.
            Step::Near => base
                .add(deadline::Column::DueAt.lte(now + warn))
                .add(deadline::Column::DueAt.gt(now)),
            Step::Overdue => base.add(deadline::Column::DueAt.lte(now)),
            Step::Escalate => base
                .add(deadline::Column::OverdueAt.is_not_null())
                .add(deadline::Column::DueAt.lte(now - escalate)),
        }
    }
}

async fn notes_for(
    db: &impl ConnectionTrait,
    step: Step,
    d: &deadline::Model,
    day: chrono::NaiveDate,
) -> Result<Vec<(String, Note)>, ApiError> {
    // A deal's stage deadline opens the deal; other deadlines open themselves.
    let link = Some(match d.source_type.as_str() {
        "deal_stage" => ("deal".to_owned(), d.source_id.clone()),
        _ => ("deadline".to_owned(), d.id.clone()),
    });
    let due = d.due_at.format("%Y-%m-%d %H:%M UTC");
    Ok(match step {
        Step::Near => vec![(
            routing::recipient(db, &d.user_id, d.partner_id.as_deref(), day).await?,
            Note {
                kind: "deadline_near",
                title: format!("Due soon: {}", d.title),
                body: Some(format!("Due at {due}.")),
                link,
            },
        )],
        Step::Overdue => vec![(
            routing::recipient(db, &d.user_id, d.partner_id.as_deref(), day).await?,
            Note {
                kind: "deadline_overdue",
                title: format!("Overdue: {}", d.title),
                body: Some(format!("It was due at {due}.")),
                link,
            },
        )],
        Step::Escalate => routing::managers_of(db, &d.user_id)
            .await?
            .into_iter()
            .map(|manager| {
                (
                    manager,
                    Note {
                        kind: "deadline_escalated",
                        title: format!("Still overdue: {}", d.title),
                        body: Some(format!("It was due at {due} and is not done.")),
                        link: link.clone(),
                    },
                )
            })
            .collect(),
    })
}

/// Runs one step over every due deadline; returns how many fired.
async fn run_step(state: &AppState, step: Step, now: DateTime<Utc>) -> Result<u64, ApiError> {
    let settings = &state.settings;
    let warn = Duration::minutes(settings.alarm_warn_minutes as i64);
    let escalate = Duration::minutes(settings.alarm_escalate_minutes as i64);
    let mut fired = 0;
    loop {
        let batch = deadline::Entity::find()
            .filter(step.due(now, warn, escalate))
            .order_by_asc(deadline::Column::DueAt)
            .limit(BATCH)
            .all(&state.db.write)
            .await?;
        if batch.is_empty() {
            return Ok(fired);
        }
        let txn = state.db.write.begin().await?;
        let mut pinged = Vec::new();
        for d in &batch {
            // The guard: only the worker that stamps it first notifies.
            let mut stamp = deadline::Entity::update_many()
                .col_expr(step.stamp(), Expr::value(now))
                .filter(deadline::Column::Id.eq(d.id.as_str()))
                .filter(step.stamp().is_null());
            if let Step::Overdue = step {
                // An overdue deadline no longer needs its "due soon" warning.
                stamp = stamp.col_expr(
                    deadline::Column::WarnedAt,
                    Expr::col(deadline::Column::WarnedAt).if_null(now),
                );
            }
            if stamp.exec(&txn).await?.rows_affected != 1 {
                continue;
            }
            fired += 1;
            for (user, note) in notes_for(&txn, step, d, now.date_naive()).await? {
                if notify(&txn, &settings.mail_from, &user, note).await? {
                    pinged.push(user);
                }
            }
        }
        txn.commit().await?;
        for user in pinged {
            state.hub.ping(&user);
        }
    }
}

/// The `alarms.scan` job.
pub async fn scan(state: &AppState) -> JobResult {
    let now = state.clock.now();
    let mut fired = serde_json::Map::new();
    for (name, step) in [
        ("overdue", Step::Overdue),
        ("near", Step::Near),
        ("escalated", Step::Escalate),
    ] {
        fired.insert(name.into(), run_step(state, step, now).await?.into());
    }
    Ok(Some(serde_json::Value::Object(fired)))
}
