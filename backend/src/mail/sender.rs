//! The outbox's sender: keeps up to `CRM_WORKER_CONCURRENCY` emails on the wire at all times.
//! Sends run as tasks of their own and a recorder task marks finished ones sent, many per
//! transaction, so neither the wire nor the database waits for the other; mail is claimed ahead,
//! before the wire empties. Only mail whose send had finished but was not yet recorded can go out
//! twice after a crash (with its Message-ID): at most one wire's worth.
use super::entity as email;
use super::outbox::{build, claim, record_failure, record_sent};
use super::transport::SendError;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::web;
use chrono::Duration;
use std::collections::VecDeque;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

type Sent = (email::Model, Result<(), SendError>);

/// Most sends recorded in one transaction.
const RECORD_MAX: usize = 256;

async fn send(state: web::Data<AppState>, m: email::Model) -> Sent {
    let outcome = match build(&m) {
        Ok(message) => state.mailer.send(message).await,
        Err(e) => Err(SendError::Permanent(e)),
    };
    (m, outcome)
}

/// Records what finished: the sent together, each failure on its own.
async fn record(state: &AppState, finished: Vec<Sent>) -> ApiResult<()> {
    let db = &state.db.write;
    let mut sent = Vec::with_capacity(finished.len());
    for (m, outcome) in finished {
        match outcome {
            Ok(()) => sent.push(m),
            Err(SendError::Permanent(e)) => {
                record_failure(db, &m, e, true, state.clock.now()).await?
            }
            Err(SendError::Transient(e)) => {
                tracing::warn!(email = %m.id, attempts = m.attempts, error = %e, "mail refused for now");
                record_failure(db, &m, e, false, state.clock.now()).await?
            }
        }
    }
    record_sent(db, &sent).await
}

/// Records finished sends as they come, many per transaction, beside the sends themselves.
fn spawn_recorder(state: web::Data<AppState>, mut finished: mpsc::Receiver<Sent>) {
    tokio::spawn(async move {
        let idle = std::time::Duration::from_millis(state.settings.worker_poll_ms);
        while let Some(first) = finished.recv().await {
            let mut batch = vec![first];
            while batch.len() < RECORD_MAX {
                match finished.try_recv() {
                    Ok(sent) => batch.push(sent),
                    Err(_) => break,
                }
            }
            if let Err(e) = record(&state, batch).await {
                // The rows stay `sending` and go out again, with their Message-IDs, after the lease.
                tracing::error!(error = ?e, "recording sent mail failed");
                tokio::time::sleep(idle).await;
            }
        }
    });
}

/// Sends due mail until the process ends; sleeps only when nothing is due.
pub fn spawn(state: web::Data<AppState>) {
    let wire = state.settings.worker_concurrency.max(1) as usize;
    // Bounded: sends that finished but are not recorded yet are what a crash could send again.
    let (done, finished) = mpsc::channel::<Sent>(wire);
    spawn_recorder(state.clone(), finished);
    tokio::spawn(async move {
        let idle = std::time::Duration::from_millis(state.settings.worker_poll_ms);
        let lease = Duration::seconds(state.settings.job_lease_secs as i64);
        let mut backlog: VecDeque<email::Model> = VecDeque::new();
        let mut on_wire: JoinSet<Sent> = JoinSet::new();
        loop {
            // Claim ahead, while the wire is still busy with what was claimed before.
            if backlog.len() < 2 * wire {
                match claim(&state.db.write, state.clock.now(), lease, (8 * wire) as u64).await {
                    Ok(rows) => backlog.extend(rows),
                    Err(e) => tracing::error!(error = ?e, "claiming mail failed"),
                }
            }
            while on_wire.len() < wire {
                let Some(m) = backlog.pop_front() else { break };
                on_wire.spawn(send(state.clone(), m));
            }
            let Some(joined) = on_wire.join_next().await else {
                tokio::time::sleep(idle).await;
                continue;
            };
            match joined {
                Ok(sent) => {
                    if done.send(sent).await.is_err() {
                        return; // the recorder is gone: the process is ending
                    }
                }
                // Its row stays `sending` and is claimed again when the lease runs out.
                Err(e) => tracing::error!(error = %e, "a mail's send panicked"),
            }
        }
    });
}
