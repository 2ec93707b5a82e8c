//! Internal messages to users and teams, in threads with read state; announcements with a validity
//! period, pinning and read receipts.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn messages_reach_people_and_teams_in_threads(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (ana, ana_token) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;
    let (marko, marko_token) = app
        .user_with_roles("marko@firma.test", &["sales_rep"])
        .await;
    let (boss, boss_token) = app.user_with_roles("sefica@firma.test", &["manager"]).await;
    let team = app
        .post("/api/v1/teams", &admin, json!({"name": "Prodaja", "manager_id": boss["id"], "member_ids": [ana["id"], marko["id"]]}))
        .await
        .ok(201)
        .clone();

    let sent = app
        .post(
            "/api/v1/messages",
            &ana_token,
            json!({"to_team_ids": [team["id"]], "subject": "Sajam u Splitu", "body": "Tko ide?"}),
        )
        .await;
    let first = sent.ok(201).clone();
    let mut to: Vec<String> = first["recipient_ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    to.sort();
    let mut expected = vec![
        marko["id"].as_str().unwrap_or_default().to_owned(),
        boss["id"].as_str().unwrap_or_default().to_owned(),
    ];
    expected.sort();
    assert_eq!(
        to, expected,
        "the team's members and manager, not the sender"
    );

    let inbox = app
        .get("/api/v1/messages", &marko_token)
        .await
        .ok(200)
        .clone();
    assert_eq!(inbox["unread_count"], 1);
    assert_eq!(inbox["items"][0]["subject"], "Sajam u Splitu");
    assert_eq!(inbox["items"][0]["sender_name"], "ana");
    let bell = app
        .get("/api/v1/notifications", &marko_token)
        .await
        .ok(200)
        .clone();
    assert_eq!(bell["items"][0]["kind"], "message");

    let reply = app
        .post(
            "/api/v1/messages",
            &marko_token,
            json!({"to_user_ids": [ana["id"]], "body": "Ja idem.", "reply_to": first["id"]}),
        )
        .await
        .ok(201)
        .clone();
    assert_eq!(reply["thread_id"], first["thread_id"]);
    assert_eq!(reply["subject"], "Re: Sajam u Splitu");

    let thread_id = first["thread_id"].as_str().unwrap_or_default();
    let thread = app
        .get(
            &format!("/api/v1/messages/threads/{thread_id}"),
            &marko_token,
        )
        .await
        .ok(200)
        .clone();
    assert_eq!(thread.as_array().map(Vec::len), Some(2));
    assert_eq!(
        app.get("/api/v1/messages", &marko_token).await.ok(200)["unread_count"],
        0,
        "reading the thread reads it"
    );
    assert_eq!(
        app.get("/api/v1/messages", &boss_token).await.ok(200)["unread_count"],
        1
    );
    let sent_box = app
        .get("/api/v1/messages?box=sent", &ana_token)
        .await
        .ok(200)
        .clone();
    assert_eq!(sent_box["items"][0]["id"], first["id"]);

    // Outsiders see nothing of the thread and cannot reply into it.
    let (_, eve) = app.user_with_roles("eve@firma.test", &["sales_rep"]).await;
    assert_eq!(
        app.get(&format!("/api/v1/messages/threads/{thread_id}"), &eve)
            .await
            .problem(404),
        "not_found"
    );
    let sneaky = app
        .post(
            "/api/v1/messages",
            &eve,
            json!({"to_user_ids": [ana["id"]], "body": "x", "reply_to": first["id"]}),
        )
        .await;
    assert_eq!(sneaky.problem(422), "validation_failed");
    let nobody = app
        .post(
            "/api/v1/messages",
            &eve,
            json!({"subject": "x", "body": "y"}),
        )
        .await;
    assert_eq!(nobody.problem(422), "validation_failed");

    // A reply naming nobody goes to everyone in the thread but its author.
    let to_all = app
        .post(
            "/api/v1/messages",
            &boss_token,
            json!({"body": "Idemo svi.", "reply_to": first["id"]}),
        )
        .await
        .ok(201)
        .clone();
    let mut everyone: Vec<String> = to_all["recipient_ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    everyone.sort();
    let mut ana_and_marko = vec![
        ana["id"].as_str().unwrap_or_default().to_owned(),
        marko["id"].as_str().unwrap_or_default().to_owned(),
    ];
    ana_and_marko.sort();
    assert_eq!(everyone, ana_and_marko);
}
both!(messages_reach_people_and_teams_in_threads);

async fn announcements_show_for_their_period_with_read_receipts(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;
    let now = chrono::Utc::now();
    let normal = app
        .post(
            "/api/v1/announcements",
            &admin,
            json!({"title": "Novi cjenik", "body": "Od ponedjeljka."}),
        )
        .await
        .ok(201)
        .clone();
    app.post(
        "/api/v1/announcements",
        &admin,
        json!({"title": "Inventura", "body": "Skladište zatvoreno.", "pinned": true}),
    )
    .await
    .ok(201);
    app.post(
        "/api/v1/announcements",
        &admin,
        json!({"title": "Next year", "body": "x", "valid_from": now + chrono::Duration::days(30)}),
    )
    .await
    .ok(201);
    app.post("/api/v1/announcements", &admin, json!({"title": "Old", "body": "x", "valid_from": now - chrono::Duration::days(30), "valid_until": now - chrono::Duration::days(1)}))
        .await
        .ok(201);
    let titles = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["title"].as_str().map(str::to_owned))
            .collect()
    };
    let current = app.get("/api/v1/announcements", &rep).await.ok(200).clone();
    assert_eq!(
        titles(&current),
        ["Inventura", "Novi cjenik"],
        "pinned first; only the current ones"
    );
    assert_eq!(
        app.get("/api/v1/announcements?all=true", &admin)
            .await
            .ok(200)
            .as_array()
            .map(Vec::len),
        Some(4)
    );
    assert_eq!(
        app.get("/api/v1/announcements?all=true", &rep)
            .await
            .problem(403),
        "forbidden"
    );

    let id = normal["id"].as_str().unwrap_or_default();
    let read = app
        .post(&format!("/api/v1/announcements/{id}/read"), &rep, json!({}))
        .await
        .ok(200)
        .clone();
    assert!(read["read_at"].is_string());
    assert_eq!(read["read_count"], 1);
    let readers = app
        .get(&format!("/api/v1/announcements/{id}/readers"), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(readers[0]["name"], "ana");

    assert_eq!(
        app.post(
            "/api/v1/announcements",
            &rep,
            json!({"title": "x", "body": "y"})
        )
        .await
        .problem(403),
        "forbidden"
    );
    let bad = app
        .post("/api/v1/announcements", &admin, json!({"title": "x", "body": "y", "valid_from": now, "valid_until": now - chrono::Duration::hours(1)}))
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
    let gone = app
        .delete(&format!("/api/v1/announcements/{id}"), &admin, "\"1\"")
        .await;
    assert_eq!(gone.status, 204);
    assert_eq!(
        titles(&app.get("/api/v1/announcements", &rep).await.ok(200).clone()),
        ["Inventura"]
    );
}
both!(announcements_show_for_their_period_with_read_receipts);
