//! Email templates per language, previews with escaping, mailings that honour consent, and the
//! unsubscribe link that works once and cannot be forged.
use crate::both;
use crate::helpers::{eventually, refuse_rows, Engine, TestApp};
use crm_tests::smtp::SmtpSink;
use serde_json::{json, Value};

async fn template(app: &TestApp, admin: &str, language: &str, subject: &str, text: &str) -> Value {
    app.post(
        "/api/v1/email-templates",
        admin,
        json!({"key": "spring", "language": language, "name": "Spring offer", "purpose": "marketing",
               "subject": subject, "text": text,
               "html": "<p>{{ person.first_name }}, {{ partner.name }}</p><a href=\"{{ unsubscribe_url }}\">x</a>"}),
    )
    .await
    .ok(201)
    .clone()
}

async fn person(
    app: &TestApp,
    admin: &str,
    first: &str,
    email: &str,
    partner: &str,
    consent: bool,
) -> String {
    let mut body =
        json!({"first_name": first, "last_name": "Test", "emails": [email], "partner_id": partner});
    if consent {
        body["marketing_consent"] = json!(true);
        body["consent_source"] = json!("web form");
    }
    app.post("/api/v1/persons", admin, body).await.ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn templates_render_escaped_in_each_language(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let en = template(
        &app,
        &admin,
        "en",
        "Spring offer for {{ partner.name }}",
        "Dear {{ person.first_name }}",
    )
    .await;
    let broken = app
        .post(
            "/api/v1/email-templates",
            &admin,
            json!({"key": "broken", "language": "en", "name": "B", "purpose": "transactional", "subject": "Hi {{ person.first_name", "text": "ok"}),
        )
        .await;
    assert_eq!(broken.problem(422), "validation_failed");
    assert_eq!(broken.body["errors"][0]["field"], "subject");
    assert_eq!(broken.body["errors"][0]["code"], "invalid_template");
    let twice = app
        .post(
            "/api/v1/email-templates",
            &admin,
            json!({"key": "spring", "language": "en", "name": "Again", "purpose": "marketing", "subject": "x", "text": "y"}),
        )
        .await;
    assert_eq!(twice.problem(409), "template_exists");

    let id = en["id"].as_str().unwrap_or_default();
    let sample = app
        .post(
            &format!("/api/v1/email-templates/{id}/preview"),
            &admin,
            json!({}),
        )
        .await;
    assert_eq!(sample.ok(200)["subject"], "Spring offer for Primjer d.o.o.");
    let partner = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "<b>Bold</b> & Co"}),
        )
        .await
        .ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let pid = person(&app, &admin, "Ivana", "ivana@firma.test", &partner, false).await;
    let preview = app
        .post(
            &format!("/api/v1/email-templates/{id}/preview"),
            &admin,
            json!({"person_id": pid}),
        )
        .await
        .ok(200)
        .clone();
    assert_eq!(
        preview["subject"], "Spring offer for <b>Bold</b> & Co",
        "plain parts are not escaped"
    );
    assert_eq!(preview["text"], "Dear Ivana");
    assert!(
        preview["html"]
            .as_str()
            .unwrap_or_default()
            .contains("&lt;b&gt;Bold&lt;&#x2f;b&gt; &amp; Co"),
        "{preview}"
    );

    // Only administrators and marketing write templates.
    let (_, rep) = app.user_with_roles("rep@firma.test", &["sales_rep"]).await;
    let listed = app.get("/api/v1/email-templates", &rep).await;
    assert_eq!(listed.ok(200).as_array().map(Vec::len), Some(1));
    let denied = app
        .post(
            "/api/v1/email-templates",
            &rep,
            json!({"key": "mine", "language": "en", "name": "M", "purpose": "transactional", "subject": "s", "text": "t"}),
        )
        .await;
    assert_eq!(denied.problem(403), "forbidden");
}
both!(templates_render_escaped_in_each_language);

async fn mailings_honour_consent_and_unsubscribe_works_once(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(engine, |s| s.smtp_url = url).await;
    let admin = app.admin_token().await;
    template(
        &app,
        &admin,
        "en",
        "Spring offer",
        "Dear {{ person.first_name }}",
    )
    .await;
    template(
        &app,
        &admin,
        "hr",
        "Proljetna ponuda",
        "Poštovana {{ person.first_name }}",
    )
    .await;
    let zagreb = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Kraš", "country": "HR"}),
        )
        .await
        .ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let vienna = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Wien GmbH", "country": "AT"}),
        )
        .await
        .ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let ivana = person(&app, &admin, "Ivana", "ivana@kras.test", &zagreb, true).await;
    let marko = person(&app, &admin, "Marko", "marko@kras.test", &zagreb, false).await;
    let anna = person(&app, &admin, "Anna", "anna@wien.test", &vienna, true).await;

    let mailing = app
        .post(
            "/api/v1/mailings",
            &admin,
            json!({"template_key": "spring", "person_ids": [ivana, marko, anna]}),
        )
        .await;
    assert_eq!(mailing.status, 202, "{}", mailing.body);
    let mid = mailing.body["id"].as_str().unwrap_or_default().to_owned();
    let done = eventually("the mailing to fan out", || async {
        let m = app
            .get(&format!("/api/v1/mailings/{mid}"), &admin)
            .await
            .ok(200)
            .clone();
        (m["status"] == "done").then_some(m)
    })
    .await;
    assert_eq!(
        (
            done["total"].as_i64(),
            done["queued_count"].as_i64(),
            done["skipped_count"].as_i64()
        ),
        (Some(3), Some(2), Some(1))
    );
    let received = eventually("both mails", || async {
        let r = sink.received();
        (r.len() == 2).then_some(r)
    })
    .await;
    let subject_to = |to: &str| {
        received
            .iter()
            .find(|m| m.to == [to])
            .and_then(|m| m.header("Subject"))
            .unwrap_or_default()
    };
    assert_eq!(
        subject_to("ivana@kras.test"),
        "Proljetna ponuda",
        "Croatian partner, Croatian template"
    );
    assert_eq!(
        subject_to("anna@wien.test"),
        "Spring offer",
        "English otherwise"
    );
    assert!(
        received.iter().all(|m| m.to != ["marko@kras.test"]),
        "no consent, no mail"
    );

    // The unsubscribe link in Ivana's mail: a page first, then the withdrawal, once.
    let outbox = app
        .get(&format!("/api/v1/emails?partner_id={zagreb}"), &admin)
        .await
        .ok(200)
        .clone();
    let text = outbox["items"][0]["text_body"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let link = text
        .split_whitespace()
        .find(|w| w.starts_with("http://crm.test/api/v1/unsubscribe/"))
        .unwrap_or_else(|| panic!("no unsubscribe link in {text}"));
    let path = link.trim_start_matches("http://crm.test");
    let page = app.send(reqwest::Method::GET, path, None, &[], None).await;
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .as_str()
        .unwrap_or_default()
        .contains("<form method=\"post\""));
    let still = app
        .get(&format!("/api/v1/persons/{ivana}"), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(
        still["marketing_consent"], true,
        "opening the link withdraws nothing"
    );
    let done = app.send(reqwest::Method::POST, path, None, &[], None).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let withdrawn = app
        .get(&format!("/api/v1/persons/{ivana}"), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(withdrawn["marketing_consent"], false);
    assert_eq!(withdrawn["consent_source"], "unsubscribe link");
    assert_eq!(
        app.send(reqwest::Method::POST, path, None, &[], None)
            .await
            .problem(410),
        "link_used"
    );
    let mut forged = path.to_owned();
    let last = forged.pop().unwrap_or('x');
    forged.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(
        app.send(reqwest::Method::POST, &forged, None, &[], None)
            .await
            .problem(404),
        "not_found"
    );

    // The next mailing leaves her out.
    let again = app
        .post(
            "/api/v1/mailings",
            &admin,
            json!({"template_key": "spring", "person_ids": [ivana, anna]}),
        )
        .await;
    let aid = again.body["id"].as_str().unwrap_or_default().to_owned();
    let second = eventually("the second mailing", || async {
        let m = app
            .get(&format!("/api/v1/mailings/{aid}"), &admin)
            .await
            .ok(200)
            .clone();
        (m["status"] == "done").then_some(m)
    })
    .await;
    assert_eq!(
        (
            second["queued_count"].as_i64(),
            second["skipped_count"].as_i64()
        ),
        (Some(1), Some(1))
    );

    let bad = app
        .post(
            "/api/v1/mailings",
            &admin,
            json!({"template_key": "nope", "person_ids": [anna]}),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
}
both!(mailings_honour_consent_and_unsubscribe_works_once);

/// The email the database refuses, in the fan-out's second batch.
const BOOM: &str = "CAST(NEW.to_addrs AS TEXT) LIKE '%osoba550@%'";

async fn a_failed_fan_out_batch_resumes_without_mailing_anyone_twice(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(engine, |s| s.smtp_url = url).await;
    let admin = app.admin_token().await;
    template(&app, &admin, "en", "Offer", "Dear {{ person.first_name }}").await;
    // Fan-out batches hold 500 persons: the first commits, the second fails on person 550.
    let ids = crm_tests::persons::load_persons(&app.database_url, 600)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    refuse_rows(&app, engine, "emails", BOOM, true).await;
    let mailing = app
        .post(
            "/api/v1/mailings",
            &admin,
            json!({"template_key": "spring", "person_ids": ids}),
        )
        .await
        .ok(202)
        .clone();
    let mid = mailing["id"].as_str().unwrap_or_default();
    let job_id = mailing["job_id"].as_str().unwrap_or_default();
    let failed = eventually("the second batch to fail", || async {
        let job = app
            .get(&format!("/api/v1/admin/jobs/{job_id}"), &admin)
            .await;
        job.body["last_error"].is_string().then_some(job.body)
    })
    .await;
    assert_eq!(failed["progress_done"], 500, "{failed}");
    let stuck = app.get(&format!("/api/v1/mailings/{mid}"), &admin).await;
    assert_eq!(stuck.ok(200)["queued_count"], 500, "no half batch");
    eventually("the first batch to go out", || async {
        (sink.count() == 500).then_some(())
    })
    .await;

    // The cause goes away; the retry goes on after the batch that committed.
    refuse_rows(&app, engine, "emails", BOOM, false).await;
    app.clock.advance(chrono::Duration::hours(1));
    let done = eventually("the mailing to finish", || async {
        let m = app.get(&format!("/api/v1/mailings/{mid}"), &admin).await;
        (m.body["status"] == "done").then_some(m.body)
    })
    .await;
    assert_eq!(
        (
            done["queued_count"].as_i64(),
            done["skipped_count"].as_i64()
        ),
        (Some(600), Some(0)),
        "{done}"
    );
    eventually("every email to go out", || async {
        (sink.count() == 600).then_some(())
    })
    .await;
    let mut recipients: Vec<String> = sink.received().into_iter().flat_map(|m| m.to).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 600, "each person mailed exactly once");
}
both!(a_failed_fan_out_batch_resumes_without_mailing_anyone_twice);
