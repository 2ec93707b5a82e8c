//! `both!` turns one async test function taking an `Engine` into a SQLite and a PostgreSQL test.
pub use crm_tests::{Engine, TestApp};

/// Whether a PostgreSQL test can run; in CI a missing PostgreSQL is a failure, not a skip.
pub fn postgres_available() -> bool {
    if crm_tests::postgres_url().is_some() {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false") {
        panic!("CRM_TEST_POSTGRES_URL must be set in CI");
    }
    eprintln!("skipping: CRM_TEST_POSTGRES_URL is not set");
    false
}

#[macro_export]
macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Engine::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::helpers::postgres_available() {
                    super::$name($crate::helpers::Engine::Postgres).await
                }
            }
        }
    };
}

/// Polls `check` until it returns `Some`, failing after 30 s (test servers' workers look every
/// 50 ms). Waiting on an outcome, never asserting a duration.
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..600 {
        if let Some(v) = check().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}
