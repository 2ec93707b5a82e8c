//! The outbox's sender: keeps up to `CRM_WORKER_CONCURRENCY` emails on the wire at all times.
//! Three loops, none waiting for another's database work: a claimer claims due mail a few wires
//! ahead, a sender keeps the wire full from what was claimed (each send a task of its own, so both
//! cores work the wire), and a recorder marks finished mail sent, many per transaction. Only
//! mail whose send had finished but was not yet recorded can go out twice after a crash (with its
//! Message-ID): at most one wire's worth.
use super::entity as email;
use super::outbox::{build, claim, record_failure, record_sent};
use super::transport::SendError;
use crate::error::ApiResult;
use crate::jobs::queue;
use crate::state::AppState;
use actix_web::web;
use chrono::Duration;
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

/// Claims due mail a few wires ahead; waits for a commit in this process (or the next poll) only
/// when nothing is due.
fn spawn_claimer(state: web::Data<AppState>, claimed: mpsc::Sender<email::Model>, ahead: usize) {
    tokio::spawn(async move {
        let idle = std::time::Duration::from_millis(state.settings.worker_poll_ms);
        let lease = Duration::seconds(state.settings.job_lease_secs as i64);
        loop {
            let rest = queue::idle(idle);
            let rows = match claim(&state.db.write, state.clock.now(), lease, ahead as u64).await {
                Ok(rows) => rows,
                Err(e) => {
                    tracing::error!(error = ?e, "claiming mail failed");
                    Vec::new()
                }
            };
            if rows.is_empty() {
                rest.await;
            }
            for m in rows {
                if claimed.send(m).await.is_err() {
                    return; // the sender is gone: the process is ending
                }
            }
        }
    });
}

/// Sends due mail until the process ends.
pub fn spawn(state: web::Data<AppState>) {
    let wire = state.settings.worker_concurrency.max(1) as usize;
    let ahead = 4 * wire;
    let (to_send, mut claimed) = mpsc::channel::<email::Model>(ahead);
    // Bounded: sends that finished but are not recorded yet are what a crash could send again.
    let (done, finished) = mpsc::channel::<Sent>(wire);
    spawn_claimer(state.clone(), to_send, ahead);
    spawn_recorder(state.clone(), finished);
    tokio::spawn(async move {
        let mut on_wire = JoinSet::new();
        loop {
            tokio::select! {
                Some(joined) = on_wire.join_next(), if !on_wire.is_empty() => match joined {
                    Ok(sent) => {
                        if done.send(sent).await.is_err() {
                            return; // the recorder is gone: the process is ending
                        }
                    }
                    // Its row stays `sending` and is claimed again when the lease runs out.
                    Err(_) => tracing::error!("a mail's send panicked"),
                },
                next = claimed.recv(), if on_wire.len() < wire => match next {
                    Some(m) => {
                        on_wire.spawn(send(state.clone(), m));
                    }
                    None => return,
                },
            }
        }
    });
}
