//! Background work through HTTP: the outbox over a real SMTP server (delivery, retry, permanent
//! failure, a crash between claiming and sending, several workers), notifications with a live
//! stream, and deadlines that alarm once, route to a stand-in and escalate.
use crate::both;
use crate::helpers::{eventually, Engine, TestApp};
use crm_tests::smtp::SmtpSink;
use serde_json::{json, Value};
use std::time::Duration;

async fn email_status(app: &TestApp, token: &str, id: &str, status: &str) -> Value {
    eventually(&format!("email {id} to be {status}"), || async {
        let e = app
            .get(&format!("/api/v1/emails/{id}"), token)
            .await
            .ok(200)
            .clone();
        (e["status"] == status).then_some(e)
    })
    .await
}

async fn partner_with_person(app: &TestApp, token: &str) -> (String, String) {
    let partner = app
        .post("/api/v1/partners", token, json!({"name": "Kraš d.d."}))
        .await
        .ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let person = app
        .post(
            "/api/v1/persons",
            token,
            json!({"first_name": "Ivana", "last_name": "Kovač", "partner_id": partner, "emails": ["ivana@kras.test"]}),
        )
        .await
        .ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (partner, person)
}

async fn mail_goes_out_and_shows_on_the_timeline(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(engine, |s| s.smtp_url = url).await;
    let admin = app.admin_token().await;
    let (partner, person) = partner_with_person(&app, &admin).await;
    let queued = app
        .post(
            "/api/v1/emails",
            &admin,
            json!({"to": ["ivana@kras.test"], "subject": "Ponuda 42", "text": "Poštovana, u prilogu je ponuda.",
                   "html": "<p>Poštovana, u prilogu je ponuda.</p>", "partner_id": partner, "person_id": person}),
        )
        .await;
    assert_eq!(queued.status, 202, "{}", queued.body);
    assert_eq!(queued.body["status"], "queued");
    let id = queued.body["id"].as_str().unwrap_or_default();
    let sent = email_status(&app, &admin, id, "sent").await;

    let received = sink.received();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.to, ["ivana@kras.test"]);
    assert_eq!(mail.from, "crm@firma.test");
    assert_eq!(
        mail.header("Message-ID").as_deref(),
        sent["message_id"].as_str()
    );
    assert!(mail.data.contains("multipart/alternative"), "{}", mail.data);

    let timeline = app
        .get(&format!("/api/v1/activities?partner_id={partner}"), &admin)
        .await
        .ok(200)
        .clone();
    let logged = &timeline["items"][0];
    assert_eq!(logged["kind"], "email");
    assert_eq!(logged["subject"], "Ponuda 42");
    assert_eq!(logged["person_id"], person);

    // A fax goes to the gateway and is logged as a fax.
    let fax = app
        .post(
            "/api/v1/faxes",
            &admin,
            json!({"number": "+385 1 4567-890", "subject": "Narudžba", "text": "Molimo potvrdu.", "partner_id": partner}),
        )
        .await;
    assert_eq!(fax.status, 202, "{}", fax.body);
    assert_eq!(fax.body["to"], json!(["+38514567890@fax.test"]));
    email_status(
        &app,
        &admin,
        fax.body["id"].as_str().unwrap_or_default(),
        "sent",
    )
    .await;
    let kinds: Vec<Value> = app
        .get(&format!("/api/v1/activities?partner_id={partner}"), &admin)
        .await
        .ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| a["kind"].clone())
        .collect();
    assert!(kinds.contains(&json!("fax")), "{kinds:?}");

    // Bad input is refused before anything is queued.
    let bad = app
        .post(
            "/api/v1/emails",
            &admin,
            json!({"to": ["not-an-address"], "subject": "x", "text": "y"}),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
}
both!(mail_goes_out_and_shows_on_the_timeline);

async fn refused_mail_is_retried_and_bounces_fail(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(engine, |s| s.smtp_url = url).await;
    let admin = app.admin_token().await;

    // A temporary refusal: the mail waits for its backoff, then goes out.
    sink.refuse_next(1);
    let queued = app
        .post(
            "/api/v1/emails",
            &admin,
            json!({"to": ["a@firma.test"], "subject": "Retry me", "text": "."}),
        )
        .await;
    let id = queued.body["id"].as_str().unwrap_or_default().to_owned();
    let waiting = eventually("the first attempt to fail", || async {
        let e = app
            .get(&format!("/api/v1/emails/{id}"), &admin)
            .await
            .ok(200)
            .clone();
        (e["attempts"] == 1 && e["status"] == "queued").then_some(e)
    })
    .await;
    assert!(
        waiting["last_error"]
            .as_str()
            .unwrap_or_default()
            .contains("451"),
        "{waiting}"
    );
    assert!(sink.received().is_empty());
    app.clock.advance(chrono::Duration::minutes(2));
    let sent = email_status(&app, &admin, &id, "sent").await;
    assert_eq!(sent["attempts"], 2);
    assert_eq!(sink.received().len(), 1);

    // A permanent refusal fails at once; retrying from the outbox sends it again, same Message-ID.
    let bounced = app
        .post(
            "/api/v1/emails",
            &admin,
            json!({"to": ["nobody@bounce.test"], "subject": "Bounce", "text": "."}),
        )
        .await;
    let bid = bounced.body["id"].as_str().unwrap_or_default().to_owned();
    let failed = email_status(&app, &admin, &bid, "failed").await;
    assert!(
        failed["last_error"]
            .as_str()
            .unwrap_or_default()
            .contains("550"),
        "{failed}"
    );
    assert_eq!(failed["attempts"], 1);
    let again = app
        .post(&format!("/api/v1/emails/{bid}/retry"), &admin, json!({}))
        .await;
    assert_eq!(again.status, 202, "{}", again.body);
    assert_eq!(again.body["message_id"], failed["message_id"]);
    email_status(&app, &admin, &bid, "failed").await;
    let sent_one = app
        .post(&format!("/api/v1/emails/{id}/retry"), &admin, json!({}))
        .await;
    assert_eq!(sent_one.problem(409), "email_not_failed");
}
both!(refused_mail_is_retried_and_bounces_fail);

async fn a_crash_between_claim_and_send_loses_nothing_and_sends_once(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    // The first server has no worker: its mail waits in the outbox.
    let first_url = url.clone();
    let app = TestApp::spawn_with(engine, |s| {
        s.smtp_url = first_url;
        s.worker = false;
    })
    .await;
    let admin = app.admin_token().await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let q = app
            .post("/api/v1/emails", &admin, json!({"to": [format!("k{i}@firma.test")], "subject": format!("Mail {i}"), "text": "."}))
            .await;
        ids.push(q.body["id"].as_str().unwrap_or_default().to_owned());
    }
    // A worker claims every mail (marking it `sending`) and dies before sending any.
    let db = sea_orm::Database::connect(&app.database_url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let claimed =
        crm::mail::outbox::claim(&db, chrono::Utc::now(), chrono::Duration::seconds(60), 10)
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(claimed.len(), 3);
    let first = app
        .get(&format!("/api/v1/emails/{}", ids[0]), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(first["status"], "sending");

    // A new instance starts; once the dead worker's lease runs out its jobs are taken over.
    let sibling = app.spawn_sibling(|s| s.smtp_url = url).await;
    sibling.clock.advance(chrono::Duration::minutes(2));
    for id in &ids {
        email_status(&sibling, &admin, id, "sent").await;
    }
    let received = sink.received();
    assert_eq!(received.len(), 3, "each mail exactly once");
    let resent = received
        .iter()
        .find(|m| m.to == ["k0@firma.test"])
        .and_then(|m| m.header("Message-ID"));
    assert_eq!(
        resent.as_deref(),
        first["message_id"].as_str(),
        "the mail in flight keeps its Message-ID"
    );
}
both!(a_crash_between_claim_and_send_loses_nothing_and_sends_once);

async fn several_workers_never_claim_the_same_job(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let first_url = url.clone();
    let app = TestApp::spawn_with(engine, |s| {
        s.smtp_url = first_url;
        s.worker = false;
    })
    .await;
    let admin = app.admin_token().await;
    let mut ids = Vec::new();
    for i in 0..40 {
        let q = app
            .post("/api/v1/emails", &admin, json!({"to": [format!("m{i}@firma.test")], "subject": format!("Mail {i}"), "text": "."}))
            .await;
        ids.push(q.body["id"].as_str().unwrap_or_default().to_owned());
    }
    let mut workers = Vec::new();
    for _ in 0..3 {
        let u = url.clone();
        workers.push(
            app.spawn_sibling(move |s| {
                s.smtp_url = u;
                s.worker_concurrency = 4;
            })
            .await,
        );
    }
    for id in &ids {
        email_status(&workers[0], &admin, id, "sent").await;
    }
    let received = sink.received();
    assert_eq!(received.len(), 40);
    let mut message_ids: Vec<String> = received
        .iter()
        .filter_map(|m| m.header("Message-ID"))
        .collect();
    message_ids.sort();
    message_ids.dedup();
    assert_eq!(message_ids.len(), 40, "no mail went out twice");
}
both!(several_workers_never_claim_the_same_job);

async fn notifications_of(app: &TestApp, token: &str) -> Value {
    app.get("/api/v1/notifications", token)
        .await
        .ok(200)
        .clone()
}

fn kinds(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["kind"].as_str().map(str::to_owned))
        .collect()
}

async fn deadlines_alarm_once_route_to_stand_ins_and_escalate(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(engine, |s| s.smtp_url = url).await;
    let admin = app.admin_token().await;
    let (rep, rep_token) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;
    let (deputy, deputy_token) = app
        .user_with_roles("marko@firma.test", &["sales_rep"])
        .await;
    let (boss, boss_token) = app.user_with_roles("sefica@firma.test", &["manager"]).await;
    app.post(
        "/api/v1/teams",
        &admin,
        json!({"name": "Prodaja", "manager_id": boss["id"], "member_ids": [rep["id"], deputy["id"]]}),
    )
    .await
    .ok(201);

    let due = app.clock.now() + chrono::Duration::hours(2);
    let deadline = app
        .post(
            "/api/v1/deadlines",
            &rep_token,
            json!({"title": "Ponuda za Kraš", "due_at": due}),
        )
        .await;
    let did = deadline.ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(notifications_of(&app, &rep_token).await["items"]
        .as_array()
        .is_some_and(Vec::is_empty));

    // Within the warning window: "due soon", in the app only.
    app.clock.advance(chrono::Duration::minutes(70));
    let near = eventually("the due-soon alarm", || async {
        let page = notifications_of(&app, &rep_token).await;
        (kinds(&page) == ["deadline_near"]).then_some(page)
    })
    .await;
    assert_eq!(near["unread_count"], 1);
    assert_eq!(near["items"][0]["link_id"], did.as_str());

    // Passed: "overdue", in the app and by email (the default for overdue).
    app.clock.advance(chrono::Duration::minutes(60));
    eventually("the overdue alarm", || async {
        let page = notifications_of(&app, &rep_token).await;
        kinds(&page)
            .contains(&"deadline_overdue".to_owned())
            .then_some(())
    })
    .await;
    let mail = eventually("the overdue email", || async {
        sink.received()
            .into_iter()
            .find(|m| m.to == ["ana@firma.test"])
    })
    .await;
    // The subject is RFC 2047-encoded past its first non-ASCII word.
    assert!(
        mail.header("Subject")
            .unwrap_or_default()
            .starts_with("Overdue: Ponuda za"),
        "{}",
        mail.data
    );

    // Still overdue after the escalation delay: the manager hears of it.
    app.clock.advance(chrono::Duration::hours(5));
    eventually("the escalation", || async {
        let page = notifications_of(&app, &boss_token).await;
        (kinds(&page) == ["deadline_escalated"]).then_some(())
    })
    .await;
    // Many more scans later, each alarm has fired exactly once.
    for _ in 0..3 {
        app.clock.advance(chrono::Duration::minutes(5));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let mut all = kinds(&notifications_of(&app, &rep_token).await);
    all.sort();
    assert_eq!(all, ["deadline_near", "deadline_overdue"]);
    assert_eq!(
        kinds(&notifications_of(&app, &boss_token).await),
        ["deadline_escalated"]
    );
    let listed = app
        .get("/api/v1/deadlines", &rep_token)
        .await
        .ok(200)
        .clone();
    for stamp in ["warned_at", "overdue_at", "escalated_at"] {
        assert!(listed[0][stamp].is_string(), "{stamp}: {listed}");
    }

    // While Ana is away, Marko stands in: her next overdue deadline alarms him, not her.
    let today = app.clock.now().date_naive();
    app.post(
        "/api/v1/absences",
        &rep_token,
        json!({"starts_on": today - chrono::Duration::days(1), "ends_on": today + chrono::Duration::days(7), "deputy_id": deputy["id"]}),
    )
    .await
    .ok(201);
    let soon = app.clock.now() + chrono::Duration::minutes(1);
    app.post(
        "/api/v1/deadlines",
        &rep_token,
        json!({"title": "Ugovor s Podravkom", "due_at": soon}),
    )
    .await
    .ok(201);
    app.clock.advance(chrono::Duration::minutes(3));
    let covered = eventually("the stand-in's alarm", || async {
        let page = notifications_of(&app, &deputy_token).await;
        kinds(&page)
            .contains(&"deadline_overdue".to_owned())
            .then_some(page)
    })
    .await;
    assert!(covered["items"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .contains("Podravk"));
    let mut rep_kinds = kinds(&notifications_of(&app, &rep_token).await);
    rep_kinds.sort();
    assert_eq!(
        rep_kinds,
        ["deadline_near", "deadline_overdue"],
        "the absent user got nothing new"
    );
}
both!(deadlines_alarm_once_route_to_stand_ins_and_escalate);

async fn the_bell_updates_live_and_keeps_preferences(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, token) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;
    let res = app
        .client
        .get(format!("{}/api/v1/notifications/stream", app.address))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    let mut stream = Box::pin(futures_util::StreamExt::map(res.bytes_stream(), |b| {
        b.map(|b| String::from_utf8_lossy(&b).into_owned())
    }));
    let mut seen = String::new();
    // On connect: the current unread count.
    while !seen.contains("\n\n") {
        let next = tokio::time::timeout(
            Duration::from_secs(10),
            futures_util::StreamExt::next(&mut stream),
        )
        .await;
        seen.push_str(&next.ok().flatten().and_then(Result::ok).unwrap_or_default());
    }
    assert!(seen.starts_with("event: unread\ndata: {"), "{seen}");
    assert!(seen.contains("\"unread_count\":0"), "{seen}");

    let due = app.clock.now() + chrono::Duration::minutes(1);
    app.post(
        "/api/v1/deadlines",
        &token,
        json!({"title": "Nazvati Krašu", "due_at": due}),
    )
    .await
    .ok(201);
    app.clock.advance(chrono::Duration::minutes(2));
    seen.clear();
    while !seen.contains("Nazvati") {
        let next = tokio::time::timeout(
            Duration::from_secs(20),
            futures_util::StreamExt::next(&mut stream),
        )
        .await
        .unwrap_or_else(|_| panic!("no live event arrived; got {seen:?}"));
        seen.push_str(&next.and_then(Result::ok).unwrap_or_default());
    }
    assert!(seen.contains("\"unread_count\":1"), "{seen}");

    let page = notifications_of(&app, &token).await;
    let id = page["items"][0]["id"].as_str().unwrap_or_default();
    let read = app
        .post(
            &format!("/api/v1/notifications/{id}/read"),
            &token,
            json!({}),
        )
        .await;
    assert!(read.ok(200)["read_at"].is_string());
    assert_eq!(notifications_of(&app, &token).await["unread_count"], 0);
    let all = app
        .post("/api/v1/notifications/read-all", &token, json!({}))
        .await;
    assert_eq!(all.ok(200)["unread_count"], 0);

    let prefs = app
        .send(
            reqwest::Method::PUT,
            "/api/v1/notifications/preferences",
            Some(&token),
            &[],
            Some(json!([{"kind": "deadline_overdue", "in_app": true, "email": false}])),
        )
        .await;
    let overdue = prefs
        .ok(200)
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["kind"] == "deadline_overdue")
        .cloned();
    assert_eq!(
        overdue,
        Some(json!({"kind": "deadline_overdue", "in_app": true, "email": false}))
    );
    let bad = app
        .send(
            reqwest::Method::PUT,
            "/api/v1/notifications/preferences",
            Some(&token),
            &[],
            Some(json!([{"kind": "weather", "in_app": true, "email": true}])),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
}
both!(the_bell_updates_live_and_keeps_preferences);

async fn administrators_retry_and_cancel_jobs(engine: Engine) {
    let app = TestApp::spawn_with(engine, |s| s.worker = false).await;
    let admin = app.admin_token().await;
    let template = app
        .post(
            "/api/v1/email-templates",
            &admin,
            json!({"key": "news", "language": "en", "name": "News", "purpose": "transactional", "subject": "News", "text": "Hello {{ person.first_name }}"}),
        )
        .await
        .ok(201)
        .clone();
    let person = app
        .post(
            "/api/v1/persons",
            &admin,
            json!({"first_name": "Ivana", "last_name": "Kovač", "emails": ["ivana@kras.test"]}),
        )
        .await
        .ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let first = app
        .post(
            "/api/v1/mailings",
            &admin,
            json!({"template_key": "news", "person_ids": [person]}),
        )
        .await;
    let second = app
        .post(
            "/api/v1/mailings",
            &admin,
            json!({"template_key": "news", "person_ids": [person]}),
        )
        .await;
    let (first_job, second_job) = (
        first.body["job_id"].as_str().unwrap_or_default().to_owned(),
        second.body["job_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    );
    // A queued job can be cancelled; then no worker runs it.
    let cancelled = app
        .post(
            &format!("/api/v1/admin/jobs/{second_job}/cancel"),
            &admin,
            json!({}),
        )
        .await;
    assert_eq!(cancelled.ok(200)["status"], "cancelled");
    // The template goes away before the worker starts: the mailing's job cannot succeed.
    let tid = template["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.delete(&format!("/api/v1/email-templates/{tid}"), &admin, "\"1\"")
            .await
            .status,
        204
    );
    let worker = app.spawn_sibling(|_| {}).await;
    let dead = eventually("the job to die", || async {
        let j = worker
            .get(&format!("/api/v1/admin/jobs/{first_job}"), &admin)
            .await
            .ok(200)
            .clone();
        (j["status"] == "dead").then_some(j)
    })
    .await;
    assert!(
        dead["last_error"]
            .as_str()
            .unwrap_or_default()
            .contains("news"),
        "{dead}"
    );
    let listed = worker
        .get("/api/v1/admin/jobs?status=dead", &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(listed["items"][0]["id"], first_job.as_str());
    // Fixed (the template is back), the administrator retries it and it completes.
    app.post(
        "/api/v1/email-templates",
        &admin,
        json!({"key": "news", "language": "en", "name": "News", "purpose": "transactional", "subject": "News", "text": "Hello again"}),
    )
    .await
    .ok(201);
    let retried = worker
        .post(
            &format!("/api/v1/admin/jobs/{first_job}/retry"),
            &admin,
            json!({}),
        )
        .await;
    // Queued again (a worker may already have taken it).
    assert_ne!(retried.ok(200)["status"], "dead");
    let done = eventually("the retried job to finish", || async {
        let j = worker
            .get(&format!("/api/v1/admin/jobs/{first_job}"), &admin)
            .await
            .ok(200)
            .clone();
        (j["status"] == "done").then_some(j)
    })
    .await;
    assert_eq!(
        (
            done["progress_done"].as_i64(),
            done["progress_total"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        worker
            .post(
                &format!("/api/v1/admin/jobs/{first_job}/retry"),
                &admin,
                json!({})
            )
            .await
            .problem(409),
        "job_state"
    );
    let second_state = worker
        .get(&format!("/api/v1/admin/jobs/{second_job}"), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(
        second_state["status"], "cancelled",
        "no worker ran the cancelled job"
    );
    // Only administrators see the jobs.
    let (_, rep) = app.user_with_roles("rep@firma.test", &["sales_rep"]).await;
    assert_eq!(
        app.get("/api/v1/admin/jobs", &rep).await.problem(403),
        "forbidden"
    );
}
both!(administrators_retry_and_cancel_jobs);

async fn without_smtp_mail_is_written_as_eml_files(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let queued = app
        .post("/api/v1/emails", &admin, json!({"to": ["ivana@kras.test"], "subject": "Ponuda bez poslužitelja", "text": "Pozdrav."}))
        .await;
    let id = queued.body["id"].as_str().unwrap_or_default().to_owned();
    let sent = email_status(&app, &admin, &id, "sent").await;
    let dir = app.data_dir.join("mail");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|f| f.ok())
        .filter(|f| f.path().extension().is_some_and(|x| x == "eml"))
        .filter_map(|f| std::fs::read_to_string(f.path()).ok())
        .collect();
    assert_eq!(files.len(), 1);
    let message_id = sent["message_id"].as_str().unwrap_or_default();
    assert!(files[0].contains(message_id), "{}", files[0]);
    assert!(files[0].contains("To: ivana@kras.test"), "{}", files[0]);
}
both!(without_smtp_mail_is_written_as_eml_files);
