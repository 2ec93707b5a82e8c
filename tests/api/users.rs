//! Users: create, read, update with optimistic concurrency, trash and restore, validation.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn create_read_update_with_etags(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let created = app
        .post("/api/v1/users", &admin, json!({"email": "Marija.Kos@Example.HR", "name": "Marija Kos", "password": "a-good-password-42", "roles": ["sales_rep"], "locale": "hr"}))
        .await;
    let user = created.ok(201).clone();
    assert_eq!(
        user["email"], "marija.kos@example.hr",
        "emails are stored lowercase"
    );
    assert_eq!(created.etag(), "\"1\"");
    let id = user["id"].as_str().unwrap_or_default();
    assert_eq!(
        created.header("location"),
        Some(format!("/api/v1/users/{id}").as_str())
    );
    assert!(
        uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 7),
        "ids are UUIDv7"
    );
    assert!(user.get("password").is_none() && user.get("password_hash").is_none());

    let fetched = app.get(&format!("/api/v1/users/{id}"), &admin).await;
    assert_eq!(fetched.etag(), "\"1\"");
    let updated = app
        .patch(
            &format!("/api/v1/users/{id}"),
            &admin,
            "\"1\"",
            json!({"name": "Marija Kos-Horvat", "roles": ["manager"]}),
        )
        .await;
    assert_eq!(updated.ok(200)["name"], "Marija Kos-Horvat");
    assert_eq!(updated.body["roles"], json!(["manager"]));
    assert_eq!(updated.etag(), "\"2\"");

    // The same version again: someone else already changed it.
    let stale = app
        .patch(
            &format!("/api/v1/users/{id}"),
            &admin,
            "\"1\"",
            json!({"name": "Lost update"}),
        )
        .await;
    assert_eq!(stale.problem(412), "version_mismatch");
    assert_eq!(stale.etag(), "\"2\"");
    let missing = app
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/users/{id}"),
            Some(&admin),
            &[],
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!(missing.problem(428), "if_match_required");
    let now = app.get(&format!("/api/v1/users/{id}"), &admin).await;
    assert_eq!(
        now.ok(200)["name"],
        "Marija Kos-Horvat",
        "nothing changed by the refused writes"
    );
}
both!(create_read_update_with_etags);

async fn two_concurrent_updates_one_wins(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (user, _) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let admin = app.admin_token().await;
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap_or_default());
    let (a, b) = tokio::join!(
        app.patch(&path, &admin, "\"1\"", json!({"name": "From A"})),
        app.patch(&path, &admin, "\"1\"", json!({"name": "From B"})),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 412], "a: {} b: {}", a.body, b.body);
    let winner = if a.status == 200 { &a } else { &b };
    let now = app.get(&path, &admin).await;
    assert_eq!(now.ok(200)["name"], winner.body["name"]);
    assert_eq!(now.body["version"], 2);
}
both!(two_concurrent_updates_one_wins);

async fn unknown_fields_and_server_fields_are_rejected(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let res = app
        .post("/api/v1/users", &admin, json!({"email": "a@example.com", "name": "A", "password": "a-good-password-42", "roles": [], "is_admin": true}))
        .await;
    assert_eq!(res.problem(400), "unknown_field");
    assert_eq!(res.body["errors"][0]["field"], "is_admin");
    let (user, _) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let id = user["id"].as_str().unwrap_or_default();
    for field in ["version", "status", "id", "created_at"] {
        let res = app
            .patch(
                &format!("/api/v1/users/{id}"),
                &admin,
                "\"1\"",
                json!({field: "x"}),
            )
            .await;
        assert_eq!(res.problem(400), "unknown_field", "{field}");
    }
    let list = app.get("/api/v1/users?count=true", &admin).await;
    assert_eq!(
        list.ok(200)["total"],
        2,
        "nothing was created by the rejected request"
    );
}
both!(unknown_fields_and_server_fields_are_rejected);

async fn validation_errors_name_their_fields(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let res = app
        .post(
            "/api/v1/users",
            &admin,
            json!({"email": "not-an-email", "name": "", "password": "short", "roles": []}),
        )
        .await;
    assert_eq!(res.problem(422), "validation_failed");
    let fields: Vec<&str> = res.body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["email", "name", "password"]);
    let password = &res.body["errors"][2];
    assert_eq!(password["code"], "too_short");
    assert_eq!(password["params"]["min"], 12);
    let unknown_role = app.post("/api/v1/users", &admin, json!({"email": "a@example.com", "name": "A", "password": "a-good-password-42", "roles": ["wizard"]})).await;
    assert_eq!(unknown_role.problem(422), "validation_failed");
    assert_eq!(unknown_role.body["errors"][0]["code"], "unknown_role");
    let missing = app
        .post("/api/v1/users", &admin, json!({"email": "a@example.com"}))
        .await;
    assert_eq!(missing.problem(422), "validation_failed");
    assert_eq!(missing.body["errors"][0]["code"], "required");
    app.user_with_roles("taken@example.com", &[]).await;
    let taken = app.post("/api/v1/users", &admin, json!({"email": "TAKEN@example.com", "name": "T", "password": "a-good-password-42", "roles": []})).await;
    assert_eq!(taken.problem(409), "email_taken");
    assert_eq!(taken.body["errors"][0]["field"], "email");
}
both!(validation_errors_name_their_fields);

async fn delete_moves_to_trash_and_restore_brings_back(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (user, token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let admin = app.admin_token().await;
    let id = user["id"].as_str().unwrap_or_default();
    let path = format!("/api/v1/users/{id}");
    assert_eq!(
        app.send(reqwest::Method::DELETE, &path, Some(&admin), &[], None)
            .await
            .problem(428),
        "if_match_required"
    );
    let deleted = app.delete(&path, &admin, "\"1\"").await;
    assert_eq!(deleted.status, 204);
    assert_eq!(app.get(&path, &admin).await.problem(404), "not_found");
    assert_eq!(
        app.get("/api/v1/auth/me", &token).await.problem(401),
        "invalid_token",
        "a deleted user's tokens stop"
    );
    let trash = app.get("/api/v1/users?trashed=true", &admin).await;
    let trashed: Vec<&str> = trash.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["id"].as_str())
        .collect();
    assert_eq!(trashed, vec![id]);
    let restored = app
        .post(&format!("{path}/restore"), &admin, json!({}))
        .await;
    assert!(restored.ok(200)["deleted_at"].is_null());
    app.get(&path, &admin).await.ok(200);
    // Nobody deletes or disables themselves.
    let me = app.get("/api/v1/auth/me", &admin).await.ok(200).clone();
    let my_id = me["user"]["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.delete(&format!("/api/v1/users/{my_id}"), &admin, "\"1\"")
            .await
            .problem(409),
        "cannot_modify_self"
    );
}
both!(delete_moves_to_trash_and_restore_brings_back);

async fn password_reset_ends_sessions(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (user, token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let admin = app.admin_token().await;
    let id = user["id"].as_str().unwrap_or_default();
    let res = app
        .post(
            &format!("/api/v1/users/{id}/password"),
            &admin,
            json!({"password": "a-fresh-password-7"}),
        )
        .await;
    assert_eq!(res.status, 204);
    assert_eq!(
        app.get("/api/v1/auth/me", &token).await.problem(401),
        "invalid_token"
    );
    app.token("rep@example.com", "a-fresh-password-7").await;
}
both!(password_reset_ends_sessions);
