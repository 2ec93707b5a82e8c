//! Settings: defaults, then an optional TOML file (`CRM_CONFIG`, default `crm.toml` when present),
//! then `CRM_*` environment variables. Secrets are wrapped so they never reach a log line.
use secrecy::SecretString;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    /// Holds the SQLite file, the generated JWT secret and (later) attachments and mail files.
    pub data_dir: PathBuf,
    /// `sqlite://...` or `postgres://...`; empty means SQLite at `<data_dir>/crm.db`.
    pub database_url: String,
    pub bind: String,
    /// Empty means: generate once and keep in `<data_dir>/jwt-secret`.
    pub jwt_secret: Option<SecretString>,
    pub jwt_issuer: String,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_secs: i64,
    pub admin_email: Option<String>,
    pub admin_password: Option<SecretString>,
    pub run_migrations: bool,
    /// Fill an empty database with demo records on start (`just run` turns it on).
    pub seed_demo: bool,
    /// Comma-separated origins allowed by CORS; empty means same-origin only.
    pub cors_origins: String,
    pub max_json_bytes: usize,
    /// Largest attachment accepted (413 beyond).
    pub max_upload_bytes: u64,
    /// Largest import file accepted (413 beyond); the default holds a million rows with room.
    pub max_import_bytes: u64,
    /// Rows an import commits together: a batch is written whole or not at all.
    pub import_batch_rows: usize,
    pub login_max_failures: u32,
    pub login_window_secs: i64,
    /// Failures from one client address before it is locked out (covers spraying many accounts).
    pub login_max_failures_per_ip: u32,
    /// Where the built SPA lives; served with a fallback to index.html for client routes.
    pub spa_dir: PathBuf,
    pub db_max_connections: u32,
    /// SQLite: page cache of each reading connection, in MiB (SQLite's own default is 2).
    pub sqlite_cache_mib: u32,
    /// Stop serving after this many seconds (test and demo servers end by themselves). 0 = never.
    pub shutdown_after_secs: u64,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy you run).
    pub trust_proxy: bool,
    /// `json` for structured logs in production, `pretty` for humans.
    pub log_format: String,
    /// Run the job worker inside `crm serve` (turn off when `crm worker` runs separately).
    pub worker: bool,
    /// How long an idle worker waits before looking for due jobs again.
    pub worker_poll_ms: u64,
    /// Jobs one worker runs side by side.
    pub worker_concurrency: u64,
    /// How long a claimed job stays with its worker before another may take it over.
    pub job_lease_secs: u64,
    /// `smtp://host:port` (`?tls=required` for STARTTLS) or `smtps://user:pass@host`; empty writes
    /// `.eml` files under `<data dir>/mail` instead.
    pub smtp_url: String,
    /// The sender of mail the CRM sends.
    pub mail_from: String,
    /// Email-to-fax gateway address with a `{number}` placeholder; empty turns fax off.
    pub fax_gateway: String,
    /// How long before a deadline its "due soon" alarm fires.
    pub alarm_warn_minutes: u64,
    /// How long after a deadline passed it escalates to the managers.
    pub alarm_escalate_minutes: u64,
    /// Where users reach this server; links in mail (unsubscribe) start with it.
    pub public_url: String,
    /// ISO 4217 code of the currency reports and converted amounts are given in.
    pub company_currency: String,
}

impl Settings {
    pub fn load() -> Result<Self, config::ConfigError> {
        let file = std::env::var("CRM_CONFIG").unwrap_or_else(|_| "crm.toml".into());
        config::Config::builder()
            .set_default("data_dir", "./data")?
            .set_default("database_url", "")?
            .set_default("bind", "127.0.0.1:8080")?
            .set_default("jwt_issuer", "crm")?
            .set_default("access_token_ttl_secs", 900)?
            .set_default("refresh_token_ttl_secs", 30 * 24 * 3600)?
            .set_default("run_migrations", true)?
            .set_default("seed_demo", false)?
            .set_default("cors_origins", "")?
            .set_default("max_json_bytes", 1_048_576)?
            .set_default("max_upload_bytes", 26_214_400)?
            .set_default("max_import_bytes", 2_147_483_648u64)?
            .set_default("import_batch_rows", 2000)?
            .set_default("login_max_failures", 5)?
            .set_default("login_window_secs", 900)?
            .set_default("login_max_failures_per_ip", 50)?
            .set_default("spa_dir", "./frontend/dist")?
            .set_default("db_max_connections", 16)?
            .set_default("sqlite_cache_mib", 16)?
            .set_default("shutdown_after_secs", 0)?
            .set_default("log_format", "pretty")?
            .set_default("trust_proxy", false)?
            .set_default("worker", true)?
            .set_default("worker_poll_ms", 1000)?
            .set_default("worker_concurrency", 16)?
            .set_default("job_lease_secs", 300)?
            .set_default("smtp_url", "")?
            .set_default("mail_from", "CRM <crm@localhost>")?
            .set_default("fax_gateway", "")?
            .set_default("alarm_warn_minutes", 60)?
            .set_default("alarm_escalate_minutes", 240)?
            .set_default("public_url", "http://127.0.0.1:8080")?
            .set_default("company_currency", "EUR")?
            .add_source(config::File::with_name(&file).required(false))
            .add_source(config::Environment::with_prefix("CRM").try_parsing(true))
            .build()?
            .try_deserialize()
    }

    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("crm.db").display())
        } else {
            self.database_url.clone()
        }
    }
}
