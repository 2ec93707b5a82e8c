//! History: every change is recorded with its field diff, in the same transaction, and read scoped.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn changes_are_recorded_with_field_diffs(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (user, _) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let id = user["id"].as_str().unwrap_or_default();
    app.patch(
        &format!("/api/v1/users/{id}"),
        &admin,
        "\"1\"",
        json!({"name": "Renamed", "roles": ["buyer"]}),
    )
    .await
    .ok(200);
    let res = app
        .get(
            &format!("/api/v1/history?entity_type=user&entity_id={id}"),
            &admin,
        )
        .await;
    let items = res.ok(200)["items"].as_array().cloned().unwrap_or_default();
    let actions: Vec<&str> = items.iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(
        actions,
        vec!["update", "login", "create"][..],
        "newest first: {items:?}"
    );
    let update = &items[0];
    assert_eq!(update["actor_name"], "Administrator");
    assert!(update["request_id"].is_string());
    let changes = update["changes"].as_array().cloned().unwrap_or_default();
    assert!(
        changes.contains(&json!({"field": "name", "old": "rep", "new": "Renamed"})),
        "{changes:?}"
    );
    assert!(
        changes.contains(&json!({"field": "roles", "old": ["sales_rep"], "new": ["buyer"]})),
        "{changes:?}"
    );
    assert!(
        !changes.iter().any(|c| c["field"] == "version"),
        "bookkeeping is not a change"
    );
    let create = &items[2];
    assert!(
        !create.to_string().contains("a-good-password-42"),
        "no password in history"
    );
}
both!(changes_are_recorded_with_field_diffs);

async fn logins_and_failures_are_recorded(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login(crm_tests::ADMIN_EMAIL, "wrong-password")
        .await
        .problem(401);
    app.login("ghost@example.com", "wrong-password")
        .await
        .problem(401);
    let admin = app.admin_token().await;
    let failed = app.get("/api/v1/history?action=login_failed", &admin).await;
    let items = failed.ok(200)["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items.len(), 2);
    assert!(items
        .iter()
        .any(|e| e["entity_type"] == "login" && e["entity_id"] == "ghost@example.com"));
    let logins = app
        .get("/api/v1/history?action=login&count=true", &admin)
        .await;
    assert_eq!(logins.ok(200)["total"], 1);
}
both!(logins_and_failures_are_recorded);

async fn history_is_scoped_and_read_only(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (rep, rep_token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    app.user_with_roles("other@example.com", &["sales_rep"])
        .await;
    let res = app.get("/api/v1/history?limit=200", &rep_token).await;
    let items = res.ok(200)["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty());
    for e in &items {
        let mine = e["actor_id"] == rep["id"]
            || (e["entity_type"] == "user" && e["entity_id"] == rep["id"]);
        assert!(mine, "a sales rep sees only their own history: {e}");
    }
    let admin = app.admin_token().await;
    let all = app.get("/api/v1/history?limit=200", &admin).await;
    assert!(all.ok(200)["items"].as_array().map(Vec::len) > Some(items.len()));
    let id = items[0]["id"].as_str().unwrap_or_default();
    let res = app
        .delete(&format!("/api/v1/history/{id}"), &admin, "\"1\"")
        .await;
    assert_eq!(res.problem(404), "route_not_found");
    let res = app
        .send(
            reqwest::Method::PUT,
            "/api/v1/history",
            Some(&admin),
            &[],
            Some(json!({})),
        )
        .await;
    assert_eq!(res.problem(405), "method_not_allowed");
    // Pages walk back in time without repeats.
    let first = app
        .get("/api/v1/history?limit=2", &admin)
        .await
        .ok(200)
        .clone();
    let cursor = first["next_cursor"].as_str().unwrap_or_default();
    let second = app
        .get(&format!("/api/v1/history?limit=2&cursor={cursor}"), &admin)
        .await
        .ok(200)
        .clone();
    assert!(first["items"][1]["at"].as_str() >= second["items"][0]["at"].as_str());
    assert_ne!(first["items"][1]["id"], second["items"][0]["id"]);
}
both!(history_is_scoped_and_read_only);
