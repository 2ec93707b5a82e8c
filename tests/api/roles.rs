//! Roles: create with grants from the catalog, edit, and the guards on deleting.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn roles_are_created_checked_and_guarded(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let catalog = app.get("/api/v1/permissions", &admin).await;
    let resources = catalog.ok(200)["resources"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(resources.contains(&json!({"resource": "history", "actions": ["read", "export"]})));

    let bad = app.post("/api/v1/roles", &admin, json!({"key": "auditor", "name": "Auditor", "grants": [{"resource": "history", "action": "delete", "scope": "all"}]})).await;
    assert_eq!(bad.problem(422), "validation_failed");
    assert_eq!(bad.body["errors"][0]["field"], "grants.0");
    let bad_key = app
        .post(
            "/api/v1/roles",
            &admin,
            json!({"key": "Auditor!", "name": "Auditor", "grants": []}),
        )
        .await;
    assert_eq!(bad_key.problem(422), "validation_failed");
    assert_eq!(bad_key.body["errors"][0]["code"], "invalid_key");

    let created = app.post("/api/v1/roles", &admin, json!({"key": "auditor", "name": "Auditor", "grants": [{"resource": "history", "action": "read", "scope": "all"}]})).await;
    let role = created.ok(201).clone();
    assert_eq!(role["built_in"], false);
    let dup = app
        .post(
            "/api/v1/roles",
            &admin,
            json!({"key": "auditor", "name": "Again", "grants": []}),
        )
        .await;
    assert_eq!(dup.problem(409), "key_taken");

    let (_, auditor) = app
        .user_with_roles("auditor@example.com", &["auditor"])
        .await;
    let all = app.get("/api/v1/history?limit=200", &auditor).await;
    assert!(all.ok(200)["items"].as_array().is_some_and(|i| i
        .iter()
        .any(|e| e["action"] == "create" && e["entity_type"] == "role")));

    let id = role["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.delete(&format!("/api/v1/roles/{id}"), &admin, "\"1\"")
            .await
            .problem(409),
        "role_in_use"
    );
    let roles = app
        .get("/api/v1/roles?limit=200", &admin)
        .await
        .ok(200)
        .clone();
    let builtin = roles["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["key"] == "viewer")
        .cloned()
        .unwrap_or_default();
    let builtin_id = builtin["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.delete(&format!("/api/v1/roles/{builtin_id}"), &admin, "\"1\"")
            .await
            .problem(409),
        "built_in_role"
    );
}
both!(roles_are_created_checked_and_guarded);

async fn an_unused_role_can_be_deleted(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let role = app
        .post(
            "/api/v1/roles",
            &admin,
            json!({"key": "temp", "name": "Temp", "grants": []}),
        )
        .await
        .ok(201)
        .clone();
    let id = role["id"].as_str().unwrap_or_default();
    let renamed = app
        .patch(
            &format!("/api/v1/roles/{id}"),
            &admin,
            "\"1\"",
            json!({"name": "Temporary"}),
        )
        .await;
    assert_eq!(renamed.ok(200)["name"], "Temporary");
    assert_eq!(
        app.delete(&format!("/api/v1/roles/{id}"), &admin, "\"1\"")
            .await
            .problem(412),
        "version_mismatch"
    );
    assert_eq!(
        app.delete(&format!("/api/v1/roles/{id}"), &admin, "\"2\"")
            .await
            .status,
        204
    );
    assert_eq!(
        app.get(&format!("/api/v1/roles/{id}"), &admin)
            .await
            .problem(404),
        "not_found"
    );
}
both!(an_unused_role_can_be_deleted);
