//! Deals at scale: CRM_BENCH_DEALS deals (default 1,000,000) over two pipelines, 10,000 partners
//! and 50 sales reps. A rep's board (their open deals of one pipeline per stage: sums and the first
//! cards) through the API against the raw SQL of the same statements (built by the CRM's own
//! query code, run on a bare connection: no HTTP, auth, rates or JSON); goal p99 under 100 ms.
//! The forecast report over every deal for an administrator, against its two grouped statements
//! run raw; goal under 1 s.
use super::start_crm;
use crm::auth::Caller;
use crm::deals::{board, dto::BoardQuery};
use crm::reports::deals::{forecast, DealReportQuery};
use crm_tests::{fresh, Engine};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, QueryTrait, TransactionTrait};
use std::time::Instant;

const REPS: usize = 50;
const PARTNERS: usize = 10_000;
const SAMPLES: usize = 100;
const WARM_UP: usize = 5;
const FORECAST_RUNS: usize = 5;

fn pct(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(((v.len() as f64 * p) as usize).min(v.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0)
}

async fn post(
    client: &reqwest::Client,
    url: String,
    token: &str,
    body: serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    let res = client
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await?;
    anyhow::ensure!(res.status().is_success(), "{}", res.status());
    Ok(res.json().await?)
}

/// Partners owned by the reps (200 each), through plain inserts.
async fn load_partners(
    db: &(impl ConnectionTrait + TransactionTrait),
    reps: &[String],
) -> anyhow::Result<Vec<String>> {
    let now = chrono::Utc::now();
    let backend = db.get_database_backend();
    let ids: Vec<String> = (0..PARTNERS)
        .map(|_| uuid::Uuid::now_v7().to_string())
        .collect();
    let txn = db.begin().await?;
    for (c, chunk) in ids.chunks(500).enumerate() {
        let mut partners = Query::insert();
        partners.into_table(Alias::new("partners")).columns(
            [
                "id",
                "kind",
                "is_customer",
                "is_supplier",
                "name",
                "name_key",
                "status",
                "primary_owner_id",
                "created_at",
                "updated_at",
                "version",
            ]
            .map(Alias::new),
        );
        let mut owners = Query::insert();
        owners
            .into_table(Alias::new("partner_owners"))
            .columns(["partner_id", "user_id", "role"].map(Alias::new));
        for (k, id) in chunk.iter().enumerate() {
            let i = c * 500 + k;
            let rep = reps[i % reps.len()].clone();
            partners.values_panic([
                id.clone().into(),
                "company".into(),
                true.into(),
                false.into(),
                format!("Kupac {i}").into(),
                format!("kupac {i}").into(),
                "active".into(),
                rep.clone().into(),
                now.into(),
                now.into(),
                1.into(),
            ]);
            owners.values_panic([id.clone().into(), rep.into(), "primary".into()]);
        }
        txn.execute(backend.build(&partners)).await?;
        txn.execute(backend.build(&owners)).await?;
    }
    txn.commit().await?;
    Ok(ids)
}

/// A well-mixed hash of `i` (splitmix64), so stages, dates and amounts do not follow partners.
fn spread(i: usize) -> u64 {
    let mut z = (i as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Deals spread over the pipelines, stages (60 % open, 25 % won, 15 % lost), two years of close
/// dates and two currencies; each owned by its partner's rep.
async fn load_deals(
    db: &(impl ConnectionTrait + TransactionTrait),
    rows: usize,
    pipelines: &[(String, Vec<String>)],
    partners: &[String],
    reps: &[String],
) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let today = now.date_naive();
    let backend = db.get_database_backend();
    let mut i = 0;
    while i < rows {
        let txn = db.begin().await?;
        for _ in 0..40 {
            let mut insert = Query::insert();
            insert.into_table(Alias::new("deals")).columns(
                [
                    "id",
                    "kind",
                    "type_id",
                    "stage_id",
                    "title",
                    "partner_id",
                    "owner_id",
                    "priority",
                    "status",
                    "expected_amount",
                    "currency",
                    "expected_close_on",
                    "realised_amount",
                    "realised_on",
                    "stage_entered_at",
                    "stage_due_at",
                    "person_ids",
                    "tags",
                    "custom_fields",
                    "created_at",
                    "updated_at",
                    "created_by",
                    "version",
                ]
                .map(Alias::new),
            );
            for _ in 0..500.min(rows - i) {
                let p = i % partners.len();
                let (type_id, stages) = &pipelines[(i / partners.len()) % pipelines.len()];
                let h = spread(i);
                let roll = (h % 100) as usize;
                let (stage, status) = match roll {
                    0..60 => (roll % 3, "open"),
                    60..85 => (3, "won"),
                    _ => (4, "lost"),
                };
                let days = ((h >> 8) % 730) as i64 - 365;
                let close = today + chrono::Duration::days(days);
                let entered = now - chrono::Duration::days(((h >> 20) % 700) as i64);
                let amount = 100_000 + ((h >> 32) % 5_000_000) as i64;
                let won = status == "won";
                insert.values_panic([
                    uuid::Uuid::now_v7().to_string().into(),
                    "sale".into(),
                    type_id.clone().into(),
                    stages[stage].clone().into(),
                    format!("Ponuda {i}").into(),
                    partners[p].clone().into(),
                    reps[p % reps.len()].clone().into(),
                    "normal".into(),
                    status.into(),
                    Some(amount).into(),
                    if i % 5 == 0 { "PLN" } else { "EUR" }.into(),
                    Some(close).into(),
                    won.then_some(amount).into(),
                    won.then_some(close).into(),
                    entered.into(),
                    (status == "open")
                        .then(|| entered + chrono::Duration::days(10))
                        .into(),
                    serde_json::json!([]).into(),
                    serde_json::json!([]).into(),
                    serde_json::json!({}).into(),
                    now.into(),
                    now.into(),
                    // Reps create their own deals.
                    reps[p % reps.len()].clone().into(),
                    1.into(),
                ]);
                i += 1;
            }
            txn.execute(backend.build(&insert)).await?;
            if i >= rows {
                break;
            }
        }
        txn.commit().await?;
    }
    Ok(())
}

async fn caller(db: &impl ConnectionTrait, user_id: &str) -> anyhow::Result<Caller> {
    Ok(Caller {
        grants: crm::access::load_grants(db, user_id).await?,
        user_id: user_id.to_owned(),
        session_id: None,
        api_key_id: None,
        request_id: None,
    })
}

pub async fn run(engine: Engine) -> anyhow::Result<()> {
    let rows: usize = std::env::var("CRM_BENCH_DEALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (url, dir) = fresh(engine).await?;
    let client = reqwest::Client::builder().no_gzip().build()?;
    let (_server, base, admin) = start_crm(&client, &url, &dir).await?;
    let mut reps = Vec::new();
    for k in 0..REPS {
        let body = serde_json::json!({"email": format!("rep{k}@example.hr"), "name": format!("Rep {k}"), "password": "a-good-password-42", "roles": ["sales_rep"]});
        let user = post(&client, format!("{base}/api/v1/users"), &admin, body).await?;
        reps.push(user["id"].as_str().unwrap_or_default().to_owned());
    }
    let mut pipelines = Vec::new();
    for name in ["Projekti", "Servis"] {
        let body = serde_json::json!({"kind": "sale", "name": name, "stages": [
            {"name": "Kvalifikacija", "planned_days": 10, "probability": 20, "outcome": "open"},
            {"name": "Ponuda", "planned_days": 10, "probability": 50, "outcome": "open"},
            {"name": "Pregovori", "planned_days": 10, "probability": 80, "outcome": "open"},
            {"name": "Dobiveno", "probability": 100, "outcome": "won"},
            {"name": "Izgubljeno", "probability": 0, "outcome": "lost"}]});
        let t = post(&client, format!("{base}/api/v1/deal-types"), &admin, body).await?;
        let stages = t["stages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["id"].as_str().map(str::to_owned))
            .collect();
        pipelines.push((t["id"].as_str().unwrap_or_default().to_owned(), stages));
    }
    let today = chrono::Utc::now().date_naive();
    post(
        &client,
        format!("{base}/api/v1/exchange-rates"),
        &admin,
        serde_json::json!({"currency": "PLN", "rate_date": today, "rate": 0.2345}),
    )
    .await?;
    let db = Database::connect(&url).await?;
    let started = Instant::now();
    let partners = load_partners(&db, &reps).await?;
    load_deals(&db, rows, &pipelines, &partners, &reps).await?;
    let load_secs = started.elapsed().as_secs_f64();
    let backend = db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        db.execute_unprepared("VACUUM (ANALYZE) deals, partners, partner_owners")
            .await?;
        db.execute_unprepared("CHECKPOINT").await?;
    } else {
        db.execute_unprepared("ANALYZE").await?;
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }

    // A rep's board, as the rep.
    let rep_token = {
        let res: serde_json::Value = client
            .post(format!("{base}/api/v1/auth/login"))
            .json(
                &serde_json::json!({"email": "rep7@example.hr", "password": "a-good-password-42"}),
            )
            .send()
            .await?
            .json()
            .await?;
        res["access_token"].as_str().unwrap_or_default().to_owned()
    };
    let (type_id, stages) = &pipelines[0];
    let board_url = format!("{base}/api/v1/deals/board?type_id={type_id}");
    let mut api = Vec::new();
    let mut cards = 0;
    for i in 0..WARM_UP + SAMPLES {
        let t = Instant::now();
        let res = client
            .get(&board_url)
            .bearer_auth(&rep_token)
            .send()
            .await?;
        anyhow::ensure!(res.status().is_success(), "board: {}", res.status());
        let body: serde_json::Value = res.json().await?;
        if i >= WARM_UP {
            api.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        cards = body["columns"][0]["count"].as_u64().unwrap_or(0);
    }
    let rep = caller(&db, &reps[7]).await?;
    let deal_type = crm::pipelines::service::load(&db, type_id).await?;
    let q = BoardQuery {
        type_id: type_id.clone(),
        owner_id: None,
        q: None,
        cards: None,
    };
    let now = chrono::Utc::now();
    let scoped = board::base(&db, &rep, &deal_type, &q, now).await?;
    // As the API: each branch's sums, and the first cards of the branches that hold any.
    let mut statements = Vec::new();
    for stage in &deal_type.stages {
        for branch in board::column(&scoped, stage, now) {
            let sums = board::sums(&branch, now).build(backend);
            let held = !db.query_all(sums.clone()).await?.is_empty();
            statements.push(sums);
            if held {
                statements.push(board::cards(&branch, 50).build(backend));
            }
        }
    }
    let mut raw = Vec::new();
    for i in 0..WARM_UP + SAMPLES {
        let t = Instant::now();
        for s in &statements {
            db.query_all(s.clone()).await?;
        }
        if i >= WARM_UP {
            raw.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }

    // The forecast over every deal, as the administrator.
    let admin_id: String = {
        use crm::users::entity::user;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        user::Entity::find()
            .filter(user::Column::Email.eq(crm_tests::ADMIN_EMAIL))
            .one(&db)
            .await?
            .map(|u| u.id)
            .unwrap_or_default()
    };
    let everyone = caller(&db, &admin_id).await?;
    let report_q = DealReportQuery::default();
    let forecast_url = format!("{base}/api/v1/reports/deals/forecast");
    let mut api_forecast = Vec::new();
    for _ in 0..FORECAST_RUNS {
        let t = Instant::now();
        let res = client.get(&forecast_url).bearer_auth(&admin).send().await?;
        anyhow::ensure!(res.status().is_success(), "forecast: {}", res.status());
        res.bytes().await?;
        api_forecast.push(t.elapsed().as_secs_f64());
    }
    let scoped = crm::reports::deals::scoped(&db, &everyone, &report_q, now).await?;
    let (open, won) = forecast::queries(scoped, backend, &report_q);
    let (open, won) = (open.build(backend), won.build(backend));
    let mut raw_forecast = Vec::new();
    for _ in 0..FORECAST_RUNS {
        let t = Instant::now();
        db.query_all(open.clone()).await?;
        db.query_all(won.clone()).await?;
        raw_forecast.push(t.elapsed().as_secs_f64());
    }

    println!(
        "\n## Deals board and forecast, {engine:?}, {rows} deals (loaded in {load_secs:.0} s)\n"
    );
    println!("Board: rep 7's pipeline \"Projekti\" ({cards} deals in its first column), {SAMPLES} sequential requests; the raw SQL runs the same statements (for each of the {} stages and each branch of the rep's scope, owned, created and their partners': its sums per currency, and its first 50 cards where it holds any) on a bare connection.\n", stages.len());
    println!("| query | API p50 | API p99 | raw p50 | raw p99 | raw / API (p99) | goal |");
    println!("|---|---:|---:|---:|---:|---:|---|");
    let (p50, p99, r50, r99) = (
        pct(api.clone(), 0.5),
        pct(api, 0.99),
        pct(raw.clone(), 0.5),
        pct(raw, 0.99),
    );
    let verdict = if p99 < 100.0 { "meets" } else { "misses" };
    println!("| a rep's board (ms) | {p50:.1} | {p99:.1} | {r50:.1} | {r99:.1} | {:.2} | p99 < 100 ms: {verdict} |", r99 / p99.max(0.001));
    let (worst, raw_worst) = (
        pct(api_forecast.clone(), 1.0),
        pct(raw_forecast.clone(), 1.0),
    );
    let (median, raw_median) = (pct(api_forecast, 0.5), pct(raw_forecast, 0.5));
    let verdict = if worst < 1.0 { "meets" } else { "misses" };
    println!("| forecast over every deal, admin (s; {FORECAST_RUNS} runs: median, slowest) | {median:.3} | {worst:.3} | {raw_median:.3} | {raw_worst:.3} | {:.2} | under 1 s: {verdict} |", raw_worst / worst.max(0.001));
    Ok(())
}
