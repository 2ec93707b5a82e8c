//! `just bench`: `GET /api/v1/users/{id}` with a valid token under concurrent load, against a bare
//! actix-web handler that runs the same SQL on the same database, both as separate processes loaded
//! by this one in the same run. Prints throughput ratio, p50/p99 latency and each server's peak memory.
use anyhow::Context;
use crm_tests::{fresh, postgres_url, Engine, ADMIN_EMAIL, ADMIN_PASSWORD};
use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CONCURRENCY: usize = 32;
mod alarms;
mod assignment;
mod deals;
mod imports;
mod mail;
mod partners;

const WARMUP: Duration = Duration::from_secs(1);
const MEASURE: Duration = Duration::from_secs(4);
/// Rounds alternate baseline and API so drift on a shared machine hits both; medians are reported.
const ROUNDS: usize = 3;
const JWT_SECRET: &str = "bench-secret-that-is-long-enough-for-hs256-0123456789";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--bare") {
        return bare::serve(&args[2], &args[3]).await;
    }
    let mut engines = vec![Engine::Sqlite];
    if postgres_url().is_some() {
        engines.push(Engine::Postgres);
    } else {
        eprintln!("CRM_TEST_POSTGRES_URL not set: PostgreSQL skipped");
    }
    if wanted("users") {
        let mut rows = Vec::new();
        for engine in engines {
            rows.push(run(engine).await.with_context(|| format!("{engine:?}"))?);
        }
        print_report(&rows);
    }
    for engine in engines_again() {
        if wanted("mail") {
            mail::run(engine)
                .await
                .with_context(|| format!("mail on {engine:?}"))?;
        }
        if wanted("alarms") {
            alarms::run(engine)
                .await
                .with_context(|| format!("alarms on {engine:?}"))?;
        }
    }
    for engine in engines_again().into_iter().filter(|_| wanted("partners")) {
        partners::run(engine)
            .await
            .with_context(|| format!("partners on {engine:?}"))?;
    }
    for engine in engines_again().into_iter().filter(|_| wanted("imports")) {
        imports::run(engine)
            .await
            .with_context(|| format!("imports on {engine:?}"))?;
    }
    for engine in engines_again().into_iter().filter(|_| wanted("deals")) {
        deals::run(engine)
            .await
            .with_context(|| format!("deals on {engine:?}"))?;
    }
    for engine in engines_again().into_iter().filter(|_| wanted("assignment")) {
        assignment::run(engine)
            .await
            .with_context(|| format!("assignment on {engine:?}"))?;
    }
    Ok(())
}

/// Whether a section runs: all of them, or those named in `CRM_BENCH_ONLY` (comma-separated:
/// users, mail, alarms, partners, imports, assignment, deals).
fn wanted(section: &str) -> bool {
    std::env::var("CRM_BENCH_ONLY")
        .map(|only| only.split(',').any(|s| s.trim() == section))
        .unwrap_or(true)
}

/// SQLite, and PostgreSQL when it is configured; `CRM_BENCH_ENGINES=postgres` (or `sqlite`)
/// keeps one.
fn engines_again() -> Vec<Engine> {
    let mut engines = vec![Engine::Sqlite];
    if postgres_url().is_some() {
        engines.push(Engine::Postgres);
    }
    match std::env::var("CRM_BENCH_ENGINES") {
        Ok(only) => engines
            .into_iter()
            .filter(|e| only.contains(&format!("{e:?}").to_lowercase()))
            .collect(),
        Err(_) => engines,
    }
}

struct Row {
    engine: Engine,
    /// crm / bare throughput of each round.
    ratios: Vec<f64>,
    ours: Stats,
    bare: Stats,
}

struct Stats {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
    peak_rss_kib: u64,
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn sibling(name: &str) -> anyhow::Result<std::path::PathBuf> {
    Ok(std::env::current_exe()?.with_file_name(name))
}

pub(crate) struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    /// VmHWM: the most resident memory the process ever had.
    fn peak_rss_kib(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.0.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(str::to_owned)
            })
            .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
            .unwrap_or(0)
    }
}

async fn wait_ready(client: &reqwest::Client, base: &str, path: &str) -> anyhow::Result<()> {
    for _ in 0..300 {
        if client
            .get(format!("{base}{path}"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("{base} did not become ready")
}

/// Starts `crm serve` (the release binary beside this one) on `url` and logs in as the administrator.
pub(crate) async fn start_crm(
    client: &reqwest::Client,
    url: &str,
    dir: &std::path::Path,
) -> anyhow::Result<(Server, String, String)> {
    start_crm_with(client, url, dir, &[]).await
}

/// `start_crm` with extra settings (`CRM_*` variables).
pub(crate) async fn start_crm_with(
    client: &reqwest::Client,
    url: &str,
    dir: &std::path::Path,
    env: &[(&str, String)],
) -> anyhow::Result<(Server, String, String)> {
    let port = free_port()?;
    let server = Server(
        Command::new(sibling("crm")?)
            .arg("serve")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .env("CRM_DATABASE_URL", url)
            .env("CRM_DATA_DIR", dir)
            .env("CRM_BIND", format!("127.0.0.1:{port}"))
            .env("CRM_JWT_SECRET", JWT_SECRET)
            .env("CRM_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("CRM_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("CRM_SHUTDOWN_AFTER_SECS", "1800")
            .env("CRM_SPA_DIR", dir.join("none"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .context("starting crm serve (build it with --release first)")?,
    );
    let base = format!("http://127.0.0.1:{port}");
    wait_ready(client, &base, "/health/ready").await?;
    let login: serde_json::Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        .send()
        .await?
        .json()
        .await?;
    let token = login["access_token"]
        .as_str()
        .context("login failed")?
        .to_owned();
    Ok((server, base, token))
}

async fn run(engine: Engine) -> anyhow::Result<Row> {
    let (url, dir) = fresh(engine).await?;
    // No compression: the bare baseline has none either.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .no_gzip()
        .build()?;
    let (ours, base, token) = start_crm(&client, &url, &dir).await?;
    let user: serde_json::Value = client
        .post(format!("{base}/api/v1/users"))
        .bearer_auth(&token)
        .json(&json!({"email": "ana.horvat@example.hr", "name": "Ana Horvat", "password": "a-good-password-42", "roles": ["sales_rep"]}))
        .send()
        .await?
        .json()
        .await?;
    let id = user["id"]
        .as_str()
        .context("create user failed")?
        .to_owned();

    let bare_port = free_port()?;
    let bare = Server(
        Command::new(std::env::current_exe()?)
            .args(["--bare", &url, &bare_port.to_string()])
            .env("CRM_DATA_DIR", &dir)
            .spawn()?,
    );
    let bare_base = format!("http://127.0.0.1:{bare_port}");
    wait_ready(&client, &bare_base, &format!("/users/{id}")).await?;

    let (mut bare_rounds, mut ours_rounds) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        bare_rounds.push(load(&client, &format!("{bare_base}/users/{id}"), None).await);
        ours_rounds.push(load(&client, &format!("{base}/api/v1/users/{id}"), Some(&token)).await);
    }
    let ratios: Vec<f64> = ours_rounds
        .iter()
        .zip(&bare_rounds)
        .map(|(o, b)| o.rps / b.rps.max(1.0))
        .collect();
    let (bare_stats, ours_stats) = (median(bare_rounds), median(ours_rounds));
    Ok(Row {
        ratios,
        engine,
        ours: Stats {
            peak_rss_kib: ours.peak_rss_kib(),
            ..ours_stats
        },
        bare: Stats {
            peak_rss_kib: bare.peak_rss_kib(),
            ..bare_stats
        },
    })
}

/// The round with the median throughput.
fn median(mut rounds: Vec<Stats>) -> Stats {
    rounds.sort_by(|a, b| a.rps.total_cmp(&b.rps));
    let mid = rounds.len() / 2;
    rounds.swap_remove(mid)
}

async fn load(client: &reqwest::Client, url: &str, token: Option<&str>) -> Stats {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, url, token) = (client.clone(), url.to_owned(), token.map(str::to_owned));
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            while start.elapsed() < WARMUP + MEASURE {
                let t = Instant::now();
                let mut req = client.get(&url);
                if let Some(tok) = &token {
                    req = req.bearer_auth(tok);
                }
                let ok = match req.send().await {
                    Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if start.elapsed() > WARMUP {
                    if ok {
                        latencies.push(t.elapsed().as_micros() as u64);
                    } else {
                        errors += 1;
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            all.extend(l);
            errors += e;
        }
    }
    all.sort_unstable();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1000.0
    };
    Stats {
        rps: all.len() as f64 / MEASURE.as_secs_f64(),
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        errors,
        peak_rss_kib: 0,
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_owned())
        })
        .and_then(|kib| kib.parse::<u64>().ok())
        .map(|kib| format!("{} GiB", kib / 1024 / 1024))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem}")
}

fn print_report(rows: &[Row]) {
    println!("# Benchmark: GET /api/v1/users/{{id}} with a valid token\n");
    println!(
        "Run {} on {}.",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        machine()
    );
    println!("{CONCURRENCY} concurrent keep-alive connections from one client process, {}s measured after {}s warm-up.", MEASURE.as_secs(), WARMUP.as_secs());
    println!(
        "{ROUNDS} rounds alternating baseline and API; the table shows each server's median round."
    );
    println!("Baseline: a bare actix-web handler running the same statement (the user joined with its roles) on the same database, with no auth, middleware or DTO.\n");
    println!("| engine | server | req/s | p50 ms | p99 ms | errors | peak RSS MiB |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for r in rows {
        for (name, s) in [("crm", &r.ours), ("bare SQL", &r.bare)] {
            println!(
                "| {:?} | {name} | {:.0} | {:.2} | {:.2} | {} | {:.1} |",
                r.engine,
                s.rps,
                s.p50_ms,
                s.p99_ms,
                s.errors,
                s.peak_rss_kib as f64 / 1024.0
            );
        }
    }
    println!();
    for r in rows {
        let mut sorted = r.ratios.clone();
        sorted.sort_by(f64::total_cmp);
        let ratio = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
        let rounds: Vec<String> = r.ratios.iter().map(|x| format!("{x:.2}")).collect();
        let verdict = if ratio >= 0.6 { "meets" } else { "misses" };
        println!(
            "- {:?}: throughput ratio crm / bare = **{ratio:.2}** (median of rounds {}; {verdict} the goal of 0.6)",
            r.engine,
            rounds.join(", ")
        );
    }
}

mod bare {
    //! The baseline: the very statement the API runs for `GET /users/{id}` (a user joined with its
    //! roles), behind a bare handler with no authentication, middleware or DTO.
    use actix_web::{web, App, HttpResponse, HttpServer};
    use crm::users::service::GET_SQL as SQL;
    use sea_orm::{ConnectionTrait, FromQueryResult, JsonValue};

    async fn get_user(db: web::Data<crm::db::Db>, id: web::Path<String>) -> HttpResponse {
        let backend = db.read.get_database_backend();
        let stmt = SQL.statement(backend, [id.into_inner().into()]);
        match JsonValue::find_by_statement(stmt).all(&db.read).await {
            Ok(rows) if !rows.is_empty() => HttpResponse::Ok().json(rows),
            Ok(_) => HttpResponse::NotFound().finish(),
            Err(_) => HttpResponse::InternalServerError().finish(),
        }
    }

    pub async fn serve(url: &str, port: &str) -> anyhow::Result<()> {
        let mut settings = crm_tests::test_settings(&std::env::temp_dir(), url);
        settings.db_max_connections = 16;
        let db = web::Data::new(crm::db::Db::connect(&settings).await?);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(db.clone())
                .route("/users/{id}", web::get().to(get_user))
        })
        .bind(("127.0.0.1", port.parse::<u16>()?))?
        .run();
        // Bounded in time even if the parent dies without killing it.
        tokio::select! {
            result = server => result?,
            _ = tokio::time::sleep(std::time::Duration::from_secs(600)) => {}
        }
        Ok(())
    }
}
