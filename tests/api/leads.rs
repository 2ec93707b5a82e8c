//! Leads and their conversion: everything moves in one transaction or nothing does.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn converting_a_lead_moves_everything(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let (_, other) = app
        .user_with_roles("other@example.com", &["sales_rep"])
        .await;
    let lead = app
        .post("/api/v1/leads", &rep, json!({"first_name": "Tomasz", "last_name": "Wójcik", "company_name": "Drukarnia Wójcik", "email": "Tomasz@Drukarnia.pl", "city": "Łódź", "country": "PL"}))
        .await;
    let lead = lead.ok(201).clone();
    let id = lead["id"].as_str().unwrap_or_default();
    app.post(
        "/api/v1/activities",
        &rep,
        json!({"kind": "call", "subject": "Upoznanie", "lead_id": id, "duration_minutes": 15}),
    )
    .await
    .ok(201);
    assert_eq!(
        app.post(&format!("/api/v1/leads/{id}/convert"), &other, json!({}))
            .await
            .problem(404),
        "not_found"
    );

    // A conversion that cannot finish leaves no partner behind.
    let failed = app
        .post(
            &format!("/api/v1/leads/{id}/convert"),
            &rep,
            json!({"person_id": "01900000-0000-7000-8000-000000000000"}),
        )
        .await;
    assert_eq!(failed.problem(422), "validation_failed");
    assert_eq!(
        app.get("/api/v1/partners?count=true", &rep).await.ok(200)["total"],
        0
    );
    assert_eq!(
        app.get(&format!("/api/v1/leads/{id}"), &rep).await.ok(200)["status"],
        "new"
    );

    let done = app
        .post(&format!("/api/v1/leads/{id}/convert"), &rep, json!({}))
        .await;
    let done = done.ok(200).clone();
    assert_eq!(done["moved_activities"], 1);
    assert_eq!(done["lead"]["status"], "converted");
    let pid = done["partner_id"].as_str().unwrap_or_default();
    let partner = app
        .get(&format!("/api/v1/partners/{pid}"), &rep)
        .await
        .ok(200)
        .clone();
    assert_eq!(partner["name"], "Drukarnia Wójcik");
    assert_eq!(partner["lead_id"], id, "the partner remembers its lead");
    assert_eq!(partner["emails"], json!(["tomasz@drukarnia.pl"]));
    let person = app
        .get(
            &format!(
                "/api/v1/persons/{}",
                done["person_id"].as_str().unwrap_or_default()
            ),
            &rep,
        )
        .await
        .ok(200)
        .clone();
    assert_eq!(
        (person["last_name"].as_str(), person["partner_id"].as_str()),
        (Some("Wójcik"), Some(pid))
    );
    let timeline = app
        .get(&format!("/api/v1/activities?partner_id={pid}"), &rep)
        .await;
    assert_eq!(timeline.ok(200)["items"][0]["subject"], "Upoznanie");
    // The lead's history stays reachable from the partner through `lead_id`.
    let lead_history = app
        .get(
            &format!("/api/v1/history?entity_type=lead&entity_id={id}"),
            &rep,
        )
        .await;
    let actions: Vec<&str> = lead_history.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, vec!["convert", "create"]);
    assert_eq!(
        app.post(&format!("/api/v1/leads/{id}/convert"), &rep, json!({}))
            .await
            .problem(409),
        "lead_converted"
    );
    assert_eq!(
        app.patch(
            &format!("/api/v1/leads/{id}"),
            &rep,
            "\"2\"",
            json!({"notes": "x"})
        )
        .await
        .problem(409),
        "lead_converted"
    );
}
both!(converting_a_lead_moves_everything);

async fn a_lead_can_join_an_existing_partner(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let partner = app
        .post("/api/v1/partners", &rep, json!({"name": "Carpați S.R.L."}))
        .await
        .ok(201)
        .clone();
    let lead = app
        .post(
            "/api/v1/leads",
            &rep,
            json!({"first_name": "Mihai", "last_name": "Popa"}),
        )
        .await
        .ok(201)
        .clone();
    let done = app
        .post(
            &format!(
                "/api/v1/leads/{}/convert",
                lead["id"].as_str().unwrap_or_default()
            ),
            &rep,
            json!({"partner_id": partner["id"]}),
        )
        .await;
    assert_eq!(done.ok(200)["partner_id"], partner["id"]);
    assert_eq!(
        app.get("/api/v1/partners?count=true", &rep).await.ok(200)["total"],
        1,
        "no second partner"
    );
    let people = app
        .get(
            &format!(
                "/api/v1/persons?partner_id={}",
                partner["id"].as_str().unwrap_or_default()
            ),
            &rep,
        )
        .await;
    assert_eq!(people.ok(200)["items"][0]["first_name"], "Mihai");
    let bad = app
        .post(
            "/api/v1/leads",
            &rep,
            json!({"first_name": "A", "last_name": "B", "status": "converted"}),
        )
        .await;
    assert_eq!(
        bad.problem(422),
        "validation_failed",
        "only conversion converts"
    );
}
both!(a_lead_can_join_an_existing_partner);
