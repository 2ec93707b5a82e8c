//! Live delivery inside one process: whoever commits a notification pings its user, and every open
//! stream of that user wakes up. Streams also re-check on a timer, which covers notifications
//! written by another instance.
use tokio::sync::broadcast;

#[derive(Clone)]
pub struct Hub {
    tx: broadcast::Sender<String>,
}

impl Default for Hub {
    fn default() -> Self {
        Self {
            tx: broadcast::channel(1024).0,
        }
    }
}

impl Hub {
    /// Call after the transaction that wrote the user's notification committed.
    pub fn ping(&self, user_id: &str) {
        // No open stream is not an error.
        let _ = self.tx.send(user_id.to_owned());
    }

    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.tx.subscribe()
    }
}
