//! Time and ids. Timestamps are truncated to microseconds, the precision PostgreSQL keeps, so a value
//! read back equals the value written on both engines.
use chrono::{DateTime, SubsecRound, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A UUIDv7: time-ordered, so keyset order by id follows creation order.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The clock background work reads (deadlines, schedules, retry backoff). Tests move it forward to
/// see alarms fire without waiting; in production it is the system clock.
#[derive(Clone, Default)]
pub struct AppClock {
    offset_ms: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl AppClock {
    pub fn now(&self) -> DateTime<Utc> {
        let offset = self.offset_ms.load(std::sync::atomic::Ordering::Relaxed);
        now() + chrono::Duration::milliseconds(offset)
    }

    /// Moves this clock (not the system's) forward.
    pub fn advance(&self, by: chrono::Duration) {
        self.offset_ms
            .fetch_add(by.num_milliseconds(), std::sync::atomic::Ordering::Relaxed);
    }
}
