//! The worker: runs inside `crm serve` (and alone as `crm worker`). Each round it lets the scheduler
//! enqueue what a new minute made due, claims a batch of jobs and runs them side by side; a job that panics or
//! errors is retried with backoff until it is declared dead.
use super::entity as job;
use super::queue::{self, Outcome};
use super::schedule;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::web;
use std::time::Duration;

/// Why a job did not finish.
#[derive(Debug)]
pub enum JobFailure {
    /// Worth another try (a refused connection, a busy database).
    Retry(String),
    /// Will never work (a bad payload, a rejected address).
    Dead(String),
}

impl From<ApiError> for JobFailure {
    fn from(e: ApiError) -> Self {
        Self::Retry(format!("{e:?}"))
    }
}

pub type JobResult = Result<Option<serde_json::Value>, JobFailure>;

async fn dispatch(state: web::Data<AppState>, job: job::Model) -> JobResult {
    match job.kind.as_str() {
        crate::templates::mailing::FAN_OUT_JOB => {
            crate::templates::mailing::fan_out(&state, &job).await
        }
        crate::alarms::SCAN_JOB => crate::alarms::scan(&state).await,
        crate::assignment::jobs::APPLY_JOB => crate::assignment::jobs::run(&state, &job).await,
        crate::imports::run::RUN_JOB => crate::imports::run::run(&state, &job).await,
        crate::imports::undo::UNDO_JOB => crate::imports::undo::run(&state, &job).await,
        super::CLEANUP_JOB => super::cleanup(&state).await,
        other => Err(JobFailure::Dead(format!(
            "no handler for job kind `{other}`"
        ))),
    }
}

/// One round: claim due jobs and run them. Returns how many ran.
pub async fn run_once(state: &web::Data<AppState>, worker: &str) -> Result<usize, ApiError> {
    let db = &state.db.write;
    let now = state.clock.now();
    let lease = chrono::Duration::seconds(state.settings.job_lease_secs as i64);
    let jobs = queue::claim(db, worker, now, lease, state.settings.worker_concurrency).await?;
    let count = jobs.len();
    let mut running = Vec::with_capacity(count);
    for job in jobs {
        let handle = tokio::spawn(dispatch(state.clone(), job.clone()));
        running.push((job, handle));
    }
    for (job, handle) in running {
        let outcome = match handle.await {
            Ok(Ok(result)) => Outcome::Done(result),
            Ok(Err(JobFailure::Retry(e))) => Outcome::Retry(e),
            Ok(Err(JobFailure::Dead(e))) => Outcome::Dead(e),
            Err(e) => Outcome::Retry(format!("the job panicked: {e}")),
        };
        if let Outcome::Retry(e) | Outcome::Dead(e) = &outcome {
            tracing::warn!(job = %job.id, kind = %job.kind, attempts = job.attempts, error = %e, "job failed");
        }
        queue::finish(db, &job, worker, state.clock.now(), outcome).await?;
    }
    Ok(count)
}

/// Runs rounds until the process ends; sleeps only when a round found nothing to do. The outbox
/// runs beside it.
pub fn spawn(state: web::Data<AppState>) -> tokio::task::JoinHandle<()> {
    crate::mail::sender::spawn(state.clone());
    let worker = format!("{}-{}", std::process::id(), &crate::clock::new_id()[24..]);
    let idle = Duration::from_millis(state.settings.worker_poll_ms);
    tokio::spawn(async move {
        tracing::info!(%worker, "worker started");
        // The scheduler's periods are minutes: look for new ones only when the minute changes.
        let mut scheduled_minute = String::new();
        loop {
            let minute = state.clock.now().format("%Y-%m-%dT%H:%M").to_string();
            if minute != scheduled_minute {
                match schedule::tick(&state.db.write, state.clock.now()).await {
                    Ok(_) => scheduled_minute = minute,
                    Err(e) => tracing::error!(error = ?e, "scheduling failed"),
                }
            }
            let rest = queue::idle(idle);
            match run_once(&state, &worker).await {
                Ok(0) => rest.await,
                Ok(_) => {}
                Err(e) => {
                    tracing::error!(error = ?e, "worker round failed");
                    tokio::time::sleep(idle).await;
                }
            }
        }
    })
}
