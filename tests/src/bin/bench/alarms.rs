//! The alarm scan over CRM_BENCH_DEADLINES (default 1,000,000) registered deadlines, of which a
//! hundred are due: the scan runs in this process on the server's own code (the job the worker runs
//! every minute). Goal: under 1 second per scan.
use crm_tests::{fresh, test_settings, Engine};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ConnectionTrait, Database, TransactionTrait};
use std::time::Instant;

const DUE: usize = 100;

pub async fn run(engine: Engine) -> anyhow::Result<()> {
    let n: usize = std::env::var("CRM_BENCH_DEADLINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (url, dir) = fresh(engine).await?;
    let mut settings = test_settings(&dir, &url);
    settings.worker = false;
    let state = crm::startup::build_state(settings).await?;
    let db = Database::connect(&url).await?;
    let backend = db.get_database_backend();
    let user: String = {
        let row = db
            .query_one(
                backend.build(
                    Query::select()
                        .column(Alias::new("id"))
                        .from(Alias::new("users"))
                        .limit(1),
                ),
            )
            .await?
            .ok_or_else(|| anyhow::anyhow!("no user"))?;
        row.try_get("", "id")?
    };
    let now = chrono::Utc::now();
    let started = Instant::now();
    let mut i = 0;
    while i < n {
        let txn = db.begin().await?;
        for _ in 0..20 {
            let mut insert = Query::insert();
            insert.into_table(Alias::new("deadlines")).columns(
                [
                    "id",
                    "source_type",
                    "source_id",
                    "title",
                    "due_at",
                    "user_id",
                    "created_at",
                    "updated_at",
                    "version",
                ]
                .map(Alias::new),
            );
            for _ in 0..500.min(n - i) {
                // The first hundred are past due; the rest fall over the next months.
                let due = if i < DUE {
                    now - chrono::Duration::minutes(5)
                } else {
                    now + chrono::Duration::days(2) + chrono::Duration::seconds(i as i64 * 7)
                };
                let id = uuid::Uuid::now_v7().to_string();
                insert.values_panic([
                    id.clone().into(),
                    "task".into(),
                    id.into(),
                    format!("Task {i}").into(),
                    due.into(),
                    user.clone().into(),
                    now.into(),
                    now.into(),
                    1.into(),
                ]);
                i += 1;
            }
            txn.execute(backend.build(&insert)).await?;
            if i >= n {
                break;
            }
        }
        txn.commit().await?;
    }
    let load_secs = started.elapsed().as_secs_f64();
    db.execute_unprepared(if backend == sea_orm::DatabaseBackend::Postgres {
        "VACUUM (ANALYZE) deadlines"
    } else {
        "ANALYZE"
    })
    .await?;
    let mut timings = Vec::new();
    let mut fired = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let result = crm::alarms::scan(&state)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        timings.push(t.elapsed().as_secs_f64());
        fired.push(result.unwrap_or_default());
    }
    println!(
        "\n## Alarm scan, {engine:?}, {n} deadlines (loaded in {load_secs:.0} s), {DUE} overdue\n"
    );
    println!("| scan | seconds | alarms fired |");
    println!("|---|---:|---|");
    for (k, (secs, fired)) in timings.iter().zip(&fired).enumerate() {
        println!("| {} | {secs:.3} | {fired} |", k + 1);
    }
    let worst = timings.iter().copied().fold(0.0, f64::max);
    let verdict = if worst < 1.0 { "meets" } else { "misses" };
    println!("\nSlowest scan {worst:.3} s (goal under 1 s: {verdict}); the first fires the {DUE} alarms, the next find nothing new.");
    Ok(())
}
