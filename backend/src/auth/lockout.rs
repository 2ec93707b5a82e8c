//! Brute-force protection. Failed logins are rows in `login_attempts`, so the limit holds across
//! restarts and across several instances. An account locks after N failures since its last success
//! inside the window; a client address locks after M failures (password spraying across accounts).
use super::entity::login_attempt;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::settings::Settings;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

async fn failures_since(
    db: &impl ConnectionTrait,
    column: login_attempt::Column,
    stop_at_success: bool,
    value: &str,
    since: DateTime<Utc>,
    limit: u32,
) -> ApiResult<Vec<DateTime<Utc>>> {
    let rows: Vec<(DateTime<Utc>, bool)> = login_attempt::Entity::find()
        .select_only()
        .column(login_attempt::Column::At)
        .column(login_attempt::Column::Success)
        .filter(column.eq(value))
        .filter(login_attempt::Column::At.gt(since))
        .order_by_desc(login_attempt::Column::At)
        .limit(u64::from(limit) + 1)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .take_while(|(_, success)| !(stop_at_success && *success))
        .filter(|(_, success)| !success)
        .map(|(at, _)| at)
        .collect())
}

/// 429 with the seconds to wait when the account or the address is locked.
pub async fn check(
    db: &impl ConnectionTrait,
    settings: &Settings,
    email: &str,
    ip: &str,
) -> ApiResult<()> {
    let now = clock::now();
    let window = chrono::Duration::seconds(settings.login_window_secs);
    let since = now - window;
    // For an account, a success resets the count; for an address it does not (spraying succeeds too).
    for (column, reset_on_success, value, max) in [
        (
            login_attempt::Column::Email,
            true,
            email,
            settings.login_max_failures,
        ),
        (
            login_attempt::Column::Ip,
            false,
            ip,
            settings.login_max_failures_per_ip,
        ),
    ] {
        let fails = failures_since(db, column, reset_on_success, value, since, max).await?;
        if max > 0 && fails.len() >= max as usize {
            // Unlocks when the oldest of the last `max` failures leaves the window.
            let oldest = fails[max as usize - 1];
            let wait = (oldest + window - now).num_seconds().max(1);
            return Err(ApiError::TooManyRequests {
                retry_after_secs: wait as u64,
            });
        }
    }
    Ok(())
}

pub async fn record(
    db: &impl ConnectionTrait,
    email: &str,
    ip: &str,
    success: bool,
) -> ApiResult<()> {
    login_attempt::Entity::insert(login_attempt::ActiveModel {
        id: Set(clock::new_id()),
        email: Set(email.to_owned()),
        ip: Set(ip.to_owned()),
        success: Set(success),
        at: Set(clock::now()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
