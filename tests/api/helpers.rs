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

/// A trigger makes the database refuse rows of `table` for which `when` (a condition on `NEW`
/// that both engines read) holds; `on: false` removes it. For failures injected mid-batch.
pub async fn refuse_rows(app: &TestApp, engine: Engine, table: &str, when: &str, on: bool) {
    let db = sea_orm::Database::connect(&app.database_url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let statements = match (engine, on) {
        (Engine::Sqlite, true) => vec![format!(
            "CREATE TRIGGER boom BEFORE INSERT ON {table} WHEN {when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )],
        (Engine::Sqlite, false) => vec!["DROP TRIGGER boom".to_owned()],
        (Engine::Postgres, true) => vec![
            format!("CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF {when} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"),
            format!("CREATE TRIGGER boom BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION boom()"),
        ],
        (Engine::Postgres, false) => vec![
            format!("DROP TRIGGER boom ON {table}"),
            "DROP FUNCTION boom()".to_owned(),
        ],
    };
    for sql in statements {
        sea_orm::ConnectionTrait::execute_unprepared(&db, &sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}
