//! Mail throughput: CRM_BENCH_EMAILS (default 10,000) personalised emails through the outbox (a
//! mailing fanned out by the worker, each mail sent over SMTP and marked sent) to a local SMTP
//! sink, against a raw pooled lettre loop sending the same messages to another sink in the same
//! run. Goal: a ratio of at least 0.8. Both paths also report the CPU time the whole machine spent
//! per email (the sink, the CRM, the database server): when both keep every core busy, the ratio
//! is the ratio of those costs.
use super::start_crm_with;
use crm_tests::persons::{first_name, load_persons};
use crm_tests::smtp::SmtpSink;
use crm_tests::{fresh, Engine};
use futures_util::StreamExt;
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::{Duration, Instant};

/// Busy CPU time of the whole machine so far (every core, every process: the sink, the CRM, the
/// database server), in seconds, from `/proc/stat`; `None` where there is no such file.
fn machine_busy_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let fields: Vec<f64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal: all but idle and iowait are work.
    let busy: f64 = fields
        .iter()
        .take(8)
        .enumerate()
        .filter(|(i, _)| *i != 3 && *i != 4)
        .map(|(_, v)| v)
        .sum();
    Some(busy / 100.0) // USER_HZ is 100 on Linux
}

/// The machine's busy CPU seconds since `before` (a reading of [`machine_busy_secs`]).
fn busy_since(before: Option<f64>) -> Option<f64> {
    machine_busy_secs()
        .zip(before)
        .map(|(after, before)| after - before)
}

/// Messages in flight in the raw loop, and its pooled connections: as many as the worker runs side
/// by side by default.
const IN_FLIGHT: usize = 16;

async fn raw(n: usize) -> anyhow::Result<f64> {
    let sink = SmtpSink::start().await;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(sink.port)
        .pool_config(PoolConfig::new().max_size(IN_FLIGHT as u32))
        .build();
    let started = Instant::now();
    let sends = futures_util::stream::iter(0..n).map(|i| {
        let transport = transport.clone();
        async move {
            let message = Message::builder()
                .from("CRM <crm@localhost>".parse()?)
                .to(format!("osoba{i}@example.hr").parse()?)
                .subject(format!("Ponuda za {}", first_name(i)))
                .body(format!(
                    "Poštovani {},\n\nu prilogu je ponuda.\n",
                    first_name(i)
                ))?;
            transport.send(message).await?;
            anyhow::Ok(())
        }
    });
    let results: Vec<_> = sends.buffer_unordered(IN_FLIGHT).collect().await;
    results.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    let secs = started.elapsed().as_secs_f64();
    anyhow::ensure!(sink.count() == n, "the raw sink got {}", sink.count());
    Ok(secs)
}

pub async fn run(engine: Engine) -> anyhow::Result<()> {
    let n: usize = std::env::var("CRM_BENCH_EMAILS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let busy_before = machine_busy_secs();
    let raw_secs = raw(n).await?;
    let raw_cpu = busy_since(busy_before);

    let sink = SmtpSink::start().await;
    let (url, dir) = fresh(engine).await?;
    let client = reqwest::Client::builder().no_gzip().build()?;
    let (_server, base, token) = start_crm_with(
        &client,
        &url,
        &dir,
        &[
            ("CRM_SMTP_URL", sink.url()),
            ("CRM_WORKER_POLL_MS", "50".into()),
            ("CRM_MAX_JSON_BYTES", "8388608".into()),
        ],
    )
    .await?;
    let ids = load_persons(&url, n).await?;
    let template = serde_json::json!({"key": "offer", "language": "en", "name": "Offer", "purpose": "transactional",
        "subject": "Ponuda za {{ person.first_name }}", "text": "Poštovani {{ person.first_name }},\n\nu prilogu je ponuda.\n"});
    let res = client
        .post(format!("{base}/api/v1/email-templates"))
        .bearer_auth(&token)
        .json(&template)
        .send()
        .await?;
    anyhow::ensure!(res.status().is_success(), "template: {}", res.status());
    let busy_before = machine_busy_secs();
    let started = Instant::now();
    let res = client
        .post(format!("{base}/api/v1/mailings"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"template_key": "offer", "person_ids": ids}))
        .send()
        .await?;
    anyhow::ensure!(res.status().is_success(), "mailing: {}", res.status());
    let mailing: serde_json::Value = res.json().await?;
    let status_url = format!(
        "{base}/api/v1/mailings/{}",
        mailing["id"].as_str().unwrap_or_default()
    );
    let mut fanned_out = None;
    while sink.count() < n {
        if fanned_out.is_none() {
            let m: serde_json::Value = client
                .get(&status_url)
                .bearer_auth(&token)
                .send()
                .await?
                .json()
                .await?;
            if m["status"] == "done" {
                fanned_out = Some((started.elapsed().as_secs_f64(), sink.count()));
            }
        }
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(1800),
            "the outbox stalled at {}",
            sink.count()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let crm_secs = started.elapsed().as_secs_f64();
    let crm_cpu = busy_since(busy_before);
    // CPU per email and cores kept busy, when the machine tells.
    let cpu = |secs: f64, cpu: Option<f64>| match cpu {
        Some(c) => format!("{:.0} | {:.1}", c * 1e6 / n as f64, c / secs),
        None => "n/a | n/a".into(),
    };
    let ratio = raw_secs / crm_secs;
    println!("\n## Mail through the outbox, {engine:?}, {n} personalised emails\n");
    println!("| path | seconds | emails/s | machine CPU µs per email | cores busy |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| raw pooled lettre loop ({IN_FLIGHT} in flight) | {raw_secs:.2} | {:.0} | {} |",
        n as f64 / raw_secs,
        cpu(raw_secs, raw_cpu)
    );
    println!(
        "| CRM mailing: fan-out, outbox, worker, SMTP, marked sent | {crm_secs:.2} | {:.0} | {} |",
        n as f64 / crm_secs,
        cpu(crm_secs, crm_cpu)
    );
    let verdict = if ratio >= 0.8 { "meets" } else { "misses" };
    if let Some((secs, sent)) = fanned_out {
        println!(
            "\nThe fan-out had queued every email after {secs:.2} s; {sent} had gone out by then."
        );
    }
    println!("\nThroughput ratio CRM / raw = **{ratio:.2}** (goal at least 0.8: {verdict})");
    Ok(())
}
