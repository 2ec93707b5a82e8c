//! Fresh databases per test. Migrating once into a template and copying it keeps a test's setup in
//! the milliseconds on both engines.
use anyhow::Context;
use sea_orm::{ConnectionTrait, Database};
use std::path::{Path, PathBuf};
use tokio::sync::{Mutex, OnceCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// `CRM_TEST_POSTGRES_URL`, e.g. `postgres://postgres@127.0.0.1:5432/postgres`.
pub fn postgres_url() -> Option<String> {
    std::env::var("CRM_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map(|(b, q)| (b, format!("?{q}")))
        .unwrap_or((url, String::new()));
    let base = base.rsplit_once('/').map(|(b, _)| b).unwrap_or(base);
    format!("{base}/{name}{query}")
}

static SQLITE_TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();
static PG_TEMPLATE: OnceCell<String> = OnceCell::const_new();
static PG_CREATE: Mutex<()> = Mutex::const_new(());

async fn sqlite_template() -> anyhow::Result<&'static PathBuf> {
    SQLITE_TEMPLATE
        .get_or_try_init(|| async {
            let dir =
                std::env::temp_dir().join(format!("crm-test-template-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            let path = dir.join("migrated.db");
            let _ = std::fs::remove_file(&path);
            let settings = test_settings(&dir, &format!("sqlite://{}", path.display()));
            let db = crm::db::Db::connect(&settings).await?;
            db.migrate().await?;
            // A consistent single file: a plain copy of a WAL database can miss what is still in
            // its -wal file (a partly checkpointed migration).
            let template = dir.join("template.db");
            let _ = std::fs::remove_file(&template);
            db.write
                .execute_unprepared(&format!("VACUUM INTO '{}'", template.display()))
                .await?;
            db.write.close().await?;
            db.read.close().await?;
            Ok(template)
        })
        .await
}

async fn pg_template(admin_url: &str) -> anyhow::Result<&'static String> {
    PG_TEMPLATE
        .get_or_try_init(|| async {
            let name = format!("crm_test_tpl_{}", std::process::id());
            let admin = Database::connect(admin_url)
                .await
                .context("connecting to CRM_TEST_POSTGRES_URL")?;
            // Databases left by earlier runs of this suite, unless the run that made them (named
            // by its process id) is still going: another suite may share this server.
            let stale = admin
                .query_all(sea_orm::Statement::from_string(
                    admin.get_database_backend(),
                    "SELECT datname FROM pg_database WHERE datname LIKE 'crm\\_test\\_%'",
                ))
                .await?;
            for row in stale {
                let db: String = row.try_get("", "datname")?;
                let owner = db
                    .trim_start_matches("crm_test_")
                    .trim_start_matches("tpl_");
                let pid = owner.split('_').next().unwrap_or_default();
                if !pid.is_empty() && std::path::Path::new(&format!("/proc/{pid}")).exists() {
                    continue;
                }
                let _ = admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)"))
                    .await;
            }
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await?;
            let url = with_database(admin_url, &name);
            let dir = std::env::temp_dir();
            let db = crm::db::Db::connect(&test_settings(&dir, &url)).await?;
            db.migrate().await?;
            db.write.close().await?;
            admin.close().await?;
            Ok(name)
        })
        .await
}

/// A new, migrated, empty database for one test. Returns its URL and the directory for its files.
pub async fn fresh(engine: Engine) -> anyhow::Result<(String, PathBuf)> {
    let dir = std::env::temp_dir().join(format!("crm-test-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir)?;
    match engine {
        Engine::Sqlite => {
            let template = sqlite_template().await?;
            let path = dir.join("crm.db");
            std::fs::copy(template, &path)?;
            Ok((format!("sqlite://{}", path.display()), dir))
        }
        Engine::Postgres => {
            let admin_url = postgres_url().context("CRM_TEST_POSTGRES_URL is not set")?;
            let template = pg_template(&admin_url).await?;
            let name = format!(
                "crm_test_{}_{}",
                std::process::id(),
                uuid::Uuid::now_v7().simple()
            );
            let _guard = PG_CREATE.lock().await;
            let admin = Database::connect(&admin_url).await?;
            admin
                .execute_unprepared(&format!(
                    "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
                ))
                .await?;
            admin.close().await?;
            Ok((with_database(&admin_url, &name), dir))
        }
    }
}

pub fn test_settings(dir: &Path, url: &str) -> crm::settings::Settings {
    crm::settings::Settings {
        data_dir: dir.to_path_buf(),
        database_url: url.to_owned(),
        bind: "127.0.0.1:0".into(),
        jwt_secret: Some("test-secret-that-is-long-enough-for-hs256-0123456789".into()),
        jwt_issuer: "crm".into(),
        access_token_ttl_secs: 900,
        refresh_token_ttl_secs: 3600,
        admin_email: Some(crate::ADMIN_EMAIL.into()),
        admin_password: Some(crate::ADMIN_PASSWORD.into()),
        run_migrations: true,
        seed_demo: false,
        cors_origins: String::new(),
        max_json_bytes: 1_048_576,
        max_upload_bytes: 26_214_400,
        max_import_bytes: 2_147_483_648,
        import_batch_rows: 5000,
        login_max_failures: 5,
        login_window_secs: 900,
        login_max_failures_per_ip: 50,
        spa_dir: dir.join("no-spa"),
        db_max_connections: 5,
        shutdown_after_secs: 0,
        trust_proxy: false,
        log_format: "pretty".into(),
        worker: true,
        // Tests wait on the worker: let it look often.
        worker_poll_ms: 50,
        worker_concurrency: 16,
        job_lease_secs: 300,
        smtp_url: String::new(),
        mail_from: "CRM <crm@firma.test>".into(),
        fax_gateway: "{number}@fax.test".into(),
        alarm_warn_minutes: 60,
        alarm_escalate_minutes: 240,
        public_url: "http://crm.test".into(),
        company_currency: "EUR".into(),
        sqlite_cache_mib: 16,
    }
}
