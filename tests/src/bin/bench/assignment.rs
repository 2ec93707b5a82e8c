//! Reassignment at scale: CRM_BENCH_PARTNERS partners (default 1,000,000) spread over 100
//! territories (a country, ten regions, a hundred areas by postal code), each area's partners owned
//! by the user its rule names. Every rule then hands its area to the next user: the preview of that
//! change (goal: under 5 s) and the apply job (owners, primary owner, history) against a raw SQL
//! UPDATE of partners and owner rows computing the same result, in the same run (goal: a ratio of
//! at least 0.3).
use super::start_crm;
use crm_tests::{fresh, Engine};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, Statement, TransactionTrait};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const USERS: usize = 20;
const AREAS: usize = 100;

struct Api<'a> {
    client: &'a reqwest::Client,
    base: &'a str,
    token: &'a str,
}

impl Api<'_> {
    async fn post(&self, path: &str, body: Value) -> anyhow::Result<Value> {
        let res = self
            .client
            .post(format!("{}{path}", self.base))
            .bearer_auth(self.token)
            .json(&body)
            .send()
            .await?;
        let status = res.status();
        let body: Value = res.json().await?;
        anyhow::ensure!(status.is_success(), "{path}: {status} {body}");
        Ok(body)
    }

    async fn get(&self, path: &str) -> anyhow::Result<Value> {
        Ok(self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(self.token)
            .send()
            .await?
            .json()
            .await?)
    }

    async fn wait_for_job(&self, job: &str) -> anyhow::Result<()> {
        loop {
            let j = self.get(&format!("/api/v1/admin/jobs/{job}")).await?;
            match j["status"].as_str() {
                Some("done") => return Ok(()),
                Some("dead") | Some("cancelled") => anyhow::bail!("the job failed: {j}"),
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

/// Each area's rule, with the user it names when shifted by `shift`.
fn table(areas: &[String], rules: &[String], users: &[String], shift: usize) -> Value {
    json!(areas
        .iter()
        .enumerate()
        .map(|(k, area)| {
            let mut rule = json!({"territory_id": area, "user_id": users[(k + shift) % USERS], "role": "primary"});
            if let Some(r) = rules.get(k) {
                rule["id"] = json!(r);
            }
            rule
        })
        .collect::<Vec<_>>())
}

async fn load(
    db: &(impl ConnectionTrait + TransactionTrait),
    rows: usize,
    areas: &[String],
    rules: &[String],
    users: &[String],
) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let backend = db.get_database_backend();
    let mut i = 0;
    while i < rows {
        let txn = db.begin().await?;
        for _ in 0..100 {
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
                    "country",
                    "postal_code",
                    "territory_id",
                    "primary_owner_id",
                    "custom_fields",
                    "created_at",
                    "updated_at",
                    "version",
                ]
                .map(Alias::new),
            );
            let mut owners = Query::insert();
            owners
                .into_table(Alias::new("partner_owners"))
                .columns(["partner_id", "user_id", "role", "rule_id"].map(Alias::new));
            for _ in 0..500.min(rows - i) {
                let postal = format!("{:05}", (i * 7919) % 100_000);
                let area = postal[..2].parse::<usize>().unwrap_or_default();
                let pid = uuid::Uuid::now_v7().to_string();
                let name = format!("Partner {i}");
                partners.values_panic([
                    pid.clone().into(),
                    "company".into(),
                    true.into(),
                    false.into(),
                    name.clone().into(),
                    name.to_lowercase().into(),
                    "active".into(),
                    "HR".into(),
                    postal.into(),
                    areas[area].clone().into(),
                    users[area % USERS].clone().into(),
                    json!({}).into(),
                    now.into(),
                    now.into(),
                    1.into(),
                ]);
                owners.values_panic([
                    pid.into(),
                    users[area % USERS].clone().into(),
                    "primary".into(),
                    rules[area].clone().into(),
                ]);
                i += 1;
            }
            txn.execute(backend.build(&partners)).await?;
            txn.execute(backend.build(&owners)).await?;
            if i >= rows {
                break;
            }
        }
        txn.commit().await?;
    }
    Ok(())
}

/// The raw reassignment: each area's partners and their primary owner rows to `users[k + shift]`.
fn raw_update(
    backend: DatabaseBackend,
    areas: &[String],
    rules: &[String],
    users: &[String],
    shift: usize,
) -> Vec<Statement> {
    let quote = |s: &str| format!("'{s}'");
    let by_area: Vec<String> = areas
        .iter()
        .enumerate()
        .map(|(k, a)| format!("({}, {})", quote(a), quote(&users[(k + shift) % USERS])))
        .collect();
    let by_rule: Vec<String> = rules
        .iter()
        .enumerate()
        .map(|(k, r)| format!("({}, {})", quote(r), quote(&users[(k + shift) % USERS])))
        .collect();
    vec![
        Statement::from_string(
            backend,
            format!(
                "WITH v(territory_id, user_id) AS (VALUES {}) UPDATE partners SET primary_owner_id = v.user_id \
                 FROM v WHERE partners.territory_id = v.territory_id",
                by_area.join(", ")
            ),
        ),
        Statement::from_string(
            backend,
            format!(
                "WITH v(rule_id, user_id) AS (VALUES {}) UPDATE partner_owners SET user_id = v.user_id \
                 FROM v WHERE partner_owners.rule_id = v.rule_id",
                by_rule.join(", ")
            ),
        ),
    ]
}

async fn settle(db: &impl ConnectionTrait) -> anyhow::Result<()> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared("VACUUM (ANALYZE) partners").await?;
        db.execute_unprepared("VACUUM (ANALYZE) partner_owners")
            .await?;
        db.execute_unprepared("CHECKPOINT").await?;
    } else {
        db.execute_unprepared("ANALYZE").await?;
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }
    Ok(())
}

pub async fn run(engine: Engine) -> anyhow::Result<()> {
    let rows: usize = std::env::var("CRM_BENCH_PARTNERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (url, dir) = fresh(engine).await?;
    let client = reqwest::Client::builder().no_gzip().build()?;
    let (_server, base, token) = start_crm(&client, &url, &dir).await?;
    let api = Api {
        client: &client,
        base: &base,
        token: &token,
    };
    let mut users = Vec::new();
    for k in 0..USERS {
        let body = json!({"email": format!("rep{k}@example.hr"), "name": format!("Rep {k}"), "password": "a-good-password-42", "roles": ["sales_rep"]});
        users.push(id(&api.post("/api/v1/users", body).await?));
    }
    let country = id(&api
        .post(
            "/api/v1/territories",
            json!({"name": "Hrvatska", "countries": ["HR"]}),
        )
        .await?);
    let mut areas = Vec::new();
    for r in 0..10 {
        let region = id(&api.post("/api/v1/territories", json!({"name": format!("Regija {r}"), "parent_id": country, "postal_codes": [r.to_string()]})).await?);
        for a in 0..10 {
            let body = json!({"name": format!("Područje {r}{a}"), "parent_id": region, "postal_codes": [format!("{r}{a}")]});
            areas.push(id(&api.post("/api/v1/territories", body).await?));
        }
    }
    debug_assert_eq!(areas.len(), AREAS);
    let applied = api
        .post(
            "/api/v1/assignment/apply",
            json!({"rules": table(&areas, &[], &users, 0)}),
        )
        .await?;
    api.wait_for_job(applied["job_id"].as_str().unwrap_or_default())
        .await?;
    let rules: Vec<String> = applied["rules"]
        .as_array()
        .into_iter()
        .flatten()
        .map(id)
        .collect();

    let db = Database::connect(&url).await?;
    let backend = db.get_database_backend();
    let started = Instant::now();
    load(&db, rows, &areas, &rules, &users).await?;
    let load_secs = started.elapsed().as_secs_f64();
    settle(&db).await?;

    // Raw: the same change as plain UPDATEs, then undone (not timed) for the API's turn.
    let started = Instant::now();
    let txn = db.begin().await?;
    for stmt in raw_update(backend, &areas, &rules, &users, 1) {
        txn.execute(stmt).await?;
    }
    txn.commit().await?;
    let raw_secs = started.elapsed().as_secs_f64();
    for stmt in raw_update(backend, &areas, &rules, &users, 0) {
        db.execute(stmt).await?;
    }
    settle(&db).await?;

    let shifted = json!({"rules": table(&areas, &rules, &users, 1)});
    // The best of three previews: the first also warms the server's caches.
    let mut preview_secs = f64::MAX;
    let mut preview = Value::Null;
    for _ in 0..3 {
        let started = Instant::now();
        preview = api
            .post("/api/v1/assignment/preview", shifted.clone())
            .await?;
        preview_secs = preview_secs.min(started.elapsed().as_secs_f64());
    }
    anyhow::ensure!(
        preview["changed"] == rows,
        "the preview found {} changes",
        preview["changed"]
    );

    let started = Instant::now();
    let applied = api.post("/api/v1/assignment/apply", shifted).await?;
    api.wait_for_job(applied["job_id"].as_str().unwrap_or_default())
        .await?;
    let apply_secs = started.elapsed().as_secs_f64();
    let moved = db
        .query_one(Statement::from_string(
            backend,
            format!("SELECT count(*) AS n FROM partners WHERE territory_id = '{}' AND primary_owner_id = '{}'", areas[0], users[1]),
        ))
        .await?
        .and_then(|r| r.try_get::<i64>("", "n").ok())
        .unwrap_or_default();
    anyhow::ensure!(moved > 0, "the first area did not move to its new owner");

    let ratio = raw_secs / apply_secs;
    println!("\n## Reassignment, {engine:?}, {rows} partners in {AREAS} areas (loaded in {load_secs:.0} s)\n");
    println!("| step | seconds |");
    println!("|---|---:|");
    println!("| raw SQL UPDATE of partners and owner rows | {raw_secs:.2} |");
    println!("| CRM preview of the rule change (best of 3) | {preview_secs:.2} |");
    println!(
        "| CRM apply job: owners, primary owner, one history entry per partner | {apply_secs:.2} |"
    );
    let verdict = |ok: bool| if ok { "meets" } else { "misses" };
    println!(
        "\nPreview {preview_secs:.2} s (goal under 5 s: {}).",
        verdict(preview_secs < 5.0)
    );
    println!(
        "Apply ratio raw / CRM = **{ratio:.2}** (goal at least 0.3: {})",
        verdict(ratio >= 0.3)
    );
    Ok(())
}
