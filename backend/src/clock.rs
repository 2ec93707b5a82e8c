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
