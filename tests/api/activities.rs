//! The contact log and what contacts cost.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn activities_form_a_timeline_on_their_partner(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, ana) = app.user_with_roles("ana@example.com", &["sales_rep"]).await;
    let (_, marek) = app
        .user_with_roles("marek@example.com", &["sales_rep"])
        .await;
    let partner = app
        .post("/api/v1/partners", &ana, json!({"name": "Ledo d.d."}))
        .await
        .ok(201)
        .clone();
    let pid = partner["id"].as_str().unwrap_or_default();
    let person = app
        .post(
            "/api/v1/persons",
            &ana,
            json!({"first_name": "Ivana", "last_name": "Kovač", "partner_id": pid}),
        )
        .await
        .ok(201)
        .clone();
    for (kind, at, subject) in [
        ("call", "2026-10-01T09:00:00Z", "Prvi poziv"),
        ("meeting", "2026-10-05T13:00:00Z", "Sastanak"),
    ] {
        app.post("/api/v1/activities", &ana, json!({"kind": kind, "started_at": at, "duration_minutes": 30, "subject": subject, "person_id": person["id"], "participant_ids": [person["id"]]}))
            .await
            .ok(201);
    }
    let timeline = app
        .get(&format!("/api/v1/activities?partner_id={pid}"), &ana)
        .await;
    let subjects: Vec<&str> = timeline.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["subject"].as_str())
        .collect();
    assert_eq!(
        subjects,
        vec!["Sastanak", "Prvi poziv"],
        "newest first, linked to the person's partner"
    );
    assert_eq!(
        app.get(&format!("/api/v1/activities?partner_id={pid}"), &marek)
            .await
            .ok(200)["items"],
        json!([])
    );
    let missing = app
        .post("/api/v1/activities", &ana, json!({"subject": "x"}))
        .await;
    let fields: Vec<&str> = missing.body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["kind", "partner_id"]);
    let bad_kind = app
        .post(
            "/api/v1/activities",
            &ana,
            json!({"kind": "telepathy", "subject": "x", "partner_id": pid}),
        )
        .await;
    assert_eq!(bad_kind.body["errors"][0]["field"], "kind");
    let foreign = app
        .post(
            "/api/v1/activities",
            &marek,
            json!({"kind": "call", "subject": "x", "partner_id": pid}),
        )
        .await;
    assert_eq!(foreign.body["errors"][0]["code"], "unknown_partner");
}
both!(activities_form_a_timeline_on_their_partner);

async fn contact_cost_sums_time_times_rate(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (rep, rep_token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let rid = rep["id"].as_str().unwrap_or_default();
    // 45.00 EUR an hour, set by the administrator.
    app.patch(
        &format!("/api/v1/users/{rid}"),
        &admin,
        "\"1\"",
        json!({"hourly_rate": 4500, "rate_currency": "EUR"}),
    )
    .await
    .ok(200);
    let own_price = app
        .patch(
            &format!("/api/v1/users/{rid}"),
            &rep_token,
            "\"2\"",
            json!({"hourly_rate": 1}),
        )
        .await;
    assert_eq!(
        own_price.problem(403),
        "forbidden",
        "a rep cannot price their own time"
    );
    let a = app
        .post(
            "/api/v1/partners",
            &rep_token,
            json!({"name": "Alfa d.o.o."}),
        )
        .await
        .ok(201)
        .clone();
    let b = app
        .post(
            "/api/v1/partners",
            &rep_token,
            json!({"name": "Beta d.o.o."}),
        )
        .await
        .ok(201)
        .clone();
    for (partner, at, minutes) in [
        (&a, "2026-10-01T09:00:00Z", 60),
        (&a, "2026-11-02T09:00:00Z", 30),
        (&b, "2026-11-03T09:00:00Z", 20),
    ] {
        app.post("/api/v1/activities", &rep_token, json!({"kind": "call", "started_at": at, "duration_minutes": minutes, "subject": "Poziv", "partner_id": partner["id"]}))
            .await
            .ok(201);
    }
    let by_partner = app.get("/api/v1/reports/contact-cost?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&group_by=partner", &admin).await;
    let rows = by_partner.ok(200)["rows"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let alfa = rows
        .iter()
        .find(|r| r["label"] == "Alfa d.o.o.")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (
            alfa["minutes"].as_i64(),
            alfa["cost"].as_i64(),
            alfa["currency"].as_str()
        ),
        (Some(90), Some(6750), Some("EUR"))
    );
    let beta = rows
        .iter()
        .find(|r| r["label"] == "Beta d.o.o.")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (beta["minutes"].as_i64(), beta["cost"].as_i64()),
        (Some(20), Some(1500))
    );
    let by_month = app.get("/api/v1/reports/contact-cost?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&group_by=month", &admin).await;
    let months: Vec<(String, i64)> = by_month.ok(200)["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["key"].as_str().unwrap_or_default().to_owned(),
                r["minutes"].as_i64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![("2026-10".to_owned(), 60), ("2026-11".to_owned(), 50)]
    );
    let by_user = app.get("/api/v1/reports/contact-cost?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&group_by=user", &admin).await;
    assert_eq!(by_user.ok(200)["rows"][0]["label"], "rep");
    assert_eq!(by_user.body["rows"][0]["cost"], 3750);
    // Reports are for managers: a sales rep's role has no reports grant.
    assert_eq!(app.get("/api/v1/reports/contact-cost?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&group_by=user", &rep_token).await.problem(403), "forbidden");
    assert_eq!(app.get("/api/v1/reports/contact-cost?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&group_by=colour", &admin).await.problem(400), "invalid_query");
}
both!(contact_cost_sums_time_times_rate);
