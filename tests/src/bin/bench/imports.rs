//! Import and export at scale. A generated Windows-1250 CSV of partners (CRM_BENCH_IMPORT_ROWS,
//! default 100,000 and 1,000,000) is imported through the API, with validation, the duplicate
//! check, owners from a territory rule and one history entry per partner, against a raw load of
//! the same rows into the same schema in the same run (SQLite: one prepared INSERT per row in one
//! transaction; PostgreSQL: COPY). Goal: a ratio of at least 0.3 and a server peak under 200 MB.
//! Then the imported partners are exported to CSV and Excel by a fresh server: rows per second and
//! its peak memory.
use super::start_crm;
use crm_tests::{fresh, oib, Engine};
use serde_json::{json, Value};
use sqlx::Connection;
use std::time::{Duration, Instant};

const CITIES: &[(&str, &str)] = &[
    ("Zagreb", "10000"),
    ("Šibenik", "22000"),
    ("Čakovec", "40000"),
    ("Đakovo", "31400"),
    ("Požega", "34000"),
    ("Split", "21000"),
    ("Osijek", "31000"),
    ("Rijeka", "51000"),
];

struct Partner {
    name: String,
    tax_id: String,
    city: &'static str,
    postal_code: &'static str,
    email: String,
    phone: String,
}

fn partner(i: usize) -> Partner {
    let (city, postal_code) = CITIES[i % CITIES.len()];
    Partner {
        name: format!("Trgovina {i} d.o.o."),
        tax_id: oib(1_000_000_000 + i as u64),
        city,
        postal_code,
        email: format!("ured{i}@trgovina.hr"),
        phone: format!("+385 1 {:07}", i),
    }
}

/// The file as a spreadsheet in Central European Windows exports it: Windows-1250, semicolons,
/// CRLF, Croatian headers.
fn csv_file(rows: usize) -> Vec<u8> {
    let mut text = String::with_capacity(rows * 110);
    text.push_str("Naziv;OIB;Država;Grad;Poštanski broj;E-mail;Telefon\r\n");
    for i in 0..rows {
        let p = partner(i);
        text.push_str(&format!(
            "{};{};HR;{};{};{};{}\r\n",
            p.name, p.tax_id, p.city, p.postal_code, p.email, p.phone
        ));
    }
    encoding_rs::WINDOWS_1250.encode(&text).0.into_owned()
}

const COLUMNS: &str = "id, kind, is_customer, is_supplier, name, name_key, tax_id, tax_country, city, \
     postal_code, country, phones, emails, status, tags, custom_fields, owners_locked, created_at, updated_at, version";

/// The same rows stored by plain SQL; returns the seconds it took.
async fn raw_load(url: &str, engine: Engine, rows: usize) -> anyhow::Result<f64> {
    let now = chrono::Utc::now();
    let started = Instant::now();
    match engine {
        Engine::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(url).await?;
            let mut tx = conn.begin().await?;
            let sql = format!(
                "INSERT INTO partners ({COLUMNS}) VALUES (?, 'company', 1, 0, ?, ?, ?, 'HR', ?, ?, 'HR', ?, ?, 'active', '[]', '{{}}', 0, ?, ?, 1)"
            );
            for i in 0..rows {
                let p = partner(i);
                sqlx::query(&sql)
                    .bind(uuid::Uuid::now_v7().to_string())
                    .bind(&p.name)
                    .bind(crm::partners::names::name_key(&p.name))
                    .bind(&p.tax_id)
                    .bind(p.city)
                    .bind(p.postal_code)
                    .bind(json!([p.phone]).to_string())
                    .bind(json!([p.email]).to_string())
                    .bind(now)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }
        Engine::Postgres => {
            let mut conn = sqlx::PgConnection::connect(url).await?;
            let mut copy = conn
                .copy_in_raw(&format!(
                    "COPY partners ({COLUMNS}) FROM STDIN WITH (FORMAT csv)"
                ))
                .await?;
            let stamp = now.to_rfc3339();
            let mut chunk = String::with_capacity(1 << 20);
            for i in 0..rows {
                let p = partner(i);
                chunk.push_str(&format!(
                    "{},company,t,f,{},{},{},HR,{},{},HR,\"[\"\"{}\"\"]\",\"[\"\"{}\"\"]\",active,[],{{}},f,{stamp},{stamp},1\n",
                    uuid::Uuid::now_v7(),
                    p.name,
                    crm::partners::names::name_key(&p.name),
                    p.tax_id,
                    p.city,
                    p.postal_code,
                    p.phone,
                    p.email
                ));
                if chunk.len() > (1 << 20) - 512 {
                    copy.send(chunk.as_bytes()).await?;
                    chunk.clear();
                }
            }
            copy.send(chunk.as_bytes()).await?;
            copy.finish().await?;
        }
    }
    Ok(started.elapsed().as_secs_f64())
}

async fn post(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    path: &str,
    body: Value,
) -> anyhow::Result<Value> {
    let res = client
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await?;
    let status = res.status();
    let body: Value = res.json().await?;
    anyhow::ensure!(status.is_success(), "{path}: {status} {body}");
    Ok(body)
}

/// Uploads the file and waits for the import to finish; returns it.
async fn crm_import(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    file: Vec<u8>,
) -> anyhow::Result<Value> {
    let form = reqwest::multipart::Form::new()
        .text("entity", "partners")
        .part(
            "file",
            reqwest::multipart::Part::bytes(file).file_name("partneri.csv"),
        );
    let res = client
        .post(format!("{base}/api/v1/imports"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await?;
    let status = res.status();
    let started: Value = res.json().await?;
    anyhow::ensure!(status.as_u16() == 202, "import: {status} {started}");
    let id = started["id"].as_str().unwrap_or_default().to_owned();
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now: Value = client
            .get(format!("{base}/api/v1/imports/{id}"))
            .bearer_auth(token)
            .send()
            .await?
            .json()
            .await?;
        match now["status"].as_str() {
            Some("done") => return Ok(now),
            Some("failed") => anyhow::bail!("the import failed: {now}"),
            _ => {}
        }
    }
}

/// Downloads an export; returns seconds, bytes and (for CSV) data rows.
async fn export(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    format: &str,
) -> anyhow::Result<(f64, u64, u64)> {
    use futures_util::StreamExt;
    let started = Instant::now();
    let res = client
        .get(format!("{base}/api/v1/partners/export?format={format}"))
        .bearer_auth(token)
        .send()
        .await?;
    anyhow::ensure!(
        res.status().is_success(),
        "export {format}: {}",
        res.status()
    );
    let (mut bytes, mut lines) = (0u64, 0u64);
    let mut body = res.bytes_stream();
    while let Some(chunk) = body.next().await {
        let chunk = chunk?;
        bytes += chunk.len() as u64;
        lines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
    }
    Ok((
        started.elapsed().as_secs_f64(),
        bytes,
        lines.saturating_sub(1),
    ))
}

fn sizes() -> Vec<usize> {
    std::env::var("CRM_BENCH_IMPORT_ROWS")
        .unwrap_or_else(|_| "100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

pub async fn run(engine: Engine) -> anyhow::Result<()> {
    let client = reqwest::Client::builder()
        .no_gzip()
        .timeout(Duration::from_secs(3600))
        .build()?;
    for rows in sizes() {
        let file = csv_file(rows);
        let file_mib = file.len() as f64 / (1024.0 * 1024.0);

        let (raw_url, _raw_dir) = fresh(engine).await?;
        // The schema, by a server that starts and stops again.
        drop(start_crm(&client, &raw_url, &_raw_dir).await?);
        let raw_secs = raw_load(&raw_url, engine, rows).await?;

        let (url, dir) = fresh(engine).await?;
        let (server, base, token) = start_crm(&client, &url, &dir).await?;
        // Owners come from a territory rule, as in a company that uses them.
        let user = post(&client, &base, &token, "/api/v1/users", json!({"email": "prodaja@firma.hr", "name": "Prodaja", "password": "a-good-password-42", "roles": ["sales_rep"]})).await?;
        let hr = post(
            &client,
            &base,
            &token,
            "/api/v1/territories",
            json!({"name": "Hrvatska", "countries": ["HR"]}),
        )
        .await?;
        let applied = post(&client, &base, &token, "/api/v1/assignment/apply", json!({"rules": [{"territory_id": hr["id"], "user_id": user["id"], "role": "primary"}]})).await?;
        let _ = applied;
        let started = Instant::now();
        let done = crm_import(&client, &base, &token, file).await?;
        let crm_secs = started.elapsed().as_secs_f64();
        anyhow::ensure!(
            done["created"] == rows && done["failed"] == 0,
            "unexpected counts: {done}"
        );
        let import_peak = server.peak_rss_kib();
        drop(server);

        let ratio = raw_secs / crm_secs;
        let verdict = |ok: bool| if ok { "meets" } else { "misses" };
        println!("\n## Import, {engine:?}, {rows} partners ({file_mib:.0} MiB Windows-1250 CSV)\n");
        println!("| step | seconds | rows/s |");
        println!("|---|---:|---:|");
        println!(
            "| raw load ({}) | {raw_secs:.2} | {:.0} |",
            if engine == Engine::Sqlite {
                "prepared INSERT per row, one transaction"
            } else {
                "COPY"
            },
            rows as f64 / raw_secs
        );
        println!("| CRM import: upload, decode, validate, duplicate check, owners by rule, history | {crm_secs:.2} | {:.0} |", rows as f64 / crm_secs);
        println!(
            "\nRatio raw / CRM = **{ratio:.2}** (goal at least 0.3: {}); server peak memory {:.0} MiB (goal under 200 MiB: {}).",
            verdict(ratio >= 0.3),
            mib(import_peak),
            verdict(mib(import_peak) < 200.0)
        );

        println!("\n| export of {rows} partners | seconds | rows/s | MiB | server peak MiB |");
        println!("|---|---:|---:|---:|---:|");
        for format in ["csv", "xlsx"] {
            // A fresh server per format: its peak memory is the export's.
            let (server, base, token) = start_crm(&client, &url, &dir).await?;
            let (secs, bytes, lines) = export(&client, &base, &token, format).await?;
            if format == "csv" {
                anyhow::ensure!(lines as usize == rows, "the CSV holds {lines} rows");
            }
            println!(
                "| {format} | {secs:.2} | {:.0} | {:.0} | {:.0} |",
                rows as f64 / secs,
                bytes as f64 / (1024.0 * 1024.0),
                mib(server.peak_rss_kib())
            );
        }
    }
    Ok(())
}
