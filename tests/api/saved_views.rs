//! Saved views: personal, checked against the list's fields.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn saved_views_are_personal_and_checked(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, alice) = app
        .user_with_roles("alice@example.com", &["sales_rep"])
        .await;
    let (_, bob) = app.user_with_roles("bob@example.com", &["sales_rep"]).await;
    let filter = json!({"and": [{"field": "status", "op": "eq", "value": "active"}]});
    let created = app.post("/api/v1/saved-views", &alice, json!({"resource": "users", "name": "Active", "filter": filter, "sort": "-created_at", "columns": ["name", "email"]})).await;
    let view = created.ok(201).clone();
    assert_eq!(view["filter"], filter);
    let id = view["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.get(&format!("/api/v1/saved-views/{id}"), &bob)
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        app.get("/api/v1/saved-views?resource=users", &bob)
            .await
            .ok(200)["items"],
        json!([])
    );
    assert_eq!(
        app.get("/api/v1/saved-views?resource=users", &alice)
            .await
            .ok(200)["items"][0]["id"],
        id
    );

    let bad = app.post("/api/v1/saved-views", &alice, json!({"resource": "users", "name": "Bad", "filter": {"field": "password_hash", "op": "eq", "value": "x"}})).await;
    assert_eq!(bad.problem(400), "invalid_filter");
    let bad_sort = app
        .post(
            "/api/v1/saved-views",
            &alice,
            json!({"resource": "users", "name": "Bad", "sort": "secret"}),
        )
        .await;
    assert_eq!(bad_sort.problem(400), "invalid_sort");
    let unknown = app
        .post(
            "/api/v1/saved-views",
            &alice,
            json!({"resource": "spaceships", "name": "Bad"}),
        )
        .await;
    assert_eq!(unknown.problem(422), "validation_failed");

    let renamed = app
        .patch(
            &format!("/api/v1/saved-views/{id}"),
            &alice,
            "\"1\"",
            json!({"name": "Active users", "filter": null}),
        )
        .await;
    assert_eq!(renamed.ok(200)["name"], "Active users");
    assert!(renamed.body["filter"].is_null());
    assert_eq!(
        app.delete(&format!("/api/v1/saved-views/{id}"), &alice, "\"1\"")
            .await
            .problem(412),
        "version_mismatch"
    );
    assert_eq!(
        app.delete(&format!("/api/v1/saved-views/{id}"), &alice, "\"2\"")
            .await
            .status,
        204
    );
    assert_eq!(
        app.get(&format!("/api/v1/saved-views/{id}"), &alice)
            .await
            .problem(404),
        "not_found"
    );
}
both!(saved_views_are_personal_and_checked);

async fn field_metadata_describes_each_list(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let meta = app.get("/api/v1/meta/users/fields", &admin).await;
    let fields = meta.ok(200)["fields"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let status = fields
        .iter()
        .find(|f| f["name"] == "status")
        .cloned()
        .unwrap_or_default();
    assert_eq!(status["type"], "enum");
    assert_eq!(status["values"], json!(["active", "disabled"]));
    assert!(fields
        .iter()
        .any(|f| f["name"] == "name" && f["sortable"] == true));
    assert_eq!(
        app.get("/api/v1/meta/spaceships/fields", &admin)
            .await
            .problem(404),
        "not_found"
    );
}
both!(field_metadata_describes_each_list);
