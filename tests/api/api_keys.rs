//! API keys: shown once, stored hashed, act with exactly their user's rights, revocable.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;

async fn an_api_key_acts_as_its_user(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (rep, token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let created = app
        .post("/api/v1/api-keys", &token, json!({"name": "ERP sync"}))
        .await;
    let created = created.ok(201).clone();
    let secret = created["secret"].as_str().unwrap_or_default().to_owned();
    assert!(secret.starts_with("crm_"));
    assert_eq!(created["api_key"]["user_id"], rep["id"]);

    // The key authenticates as the rep, with the rep's rights and no more.
    let me = app.get("/api/v1/auth/me", &secret).await;
    assert_eq!(me.ok(200)["user"]["email"], "rep@example.com");
    let create_user = app.post("/api/v1/users", &secret, json!({"email": "x@example.com", "name": "X", "password": "a-good-password-42", "roles": []})).await;
    assert_eq!(create_user.problem(403), "forbidden");

    // Listed without the secret, with its last use recorded.
    let list = app.get("/api/v1/api-keys", &token).await;
    let items = list.ok(200)["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items.len(), 1);
    assert!(items[0].get("secret").is_none());
    assert!(!list.body.to_string().contains(&secret));
    assert!(items[0]["last_used_at"].is_string(), "last use is recorded");

    // Revoked: stops working at once.
    let id = created["api_key"]["id"].as_str().unwrap_or_default();
    let revoked = app
        .post(&format!("/api/v1/api-keys/{id}/revoke"), &token, json!({}))
        .await;
    assert!(revoked.ok(200)["revoked_at"].is_string());
    assert_eq!(
        app.get("/api/v1/auth/me", &secret).await.problem(401),
        "invalid_token"
    );
    // A key with a tampered secret is refused.
    let tampered = format!("{}x", &secret[..secret.len() - 1]);
    assert_eq!(
        app.get("/api/v1/auth/me", &tampered).await.problem(401),
        "invalid_token"
    );
}
both!(an_api_key_acts_as_its_user);

async fn another_users_key_is_not_found(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, alice) = app
        .user_with_roles("alice@example.com", &["sales_rep"])
        .await;
    let (_, bob) = app.user_with_roles("bob@example.com", &["sales_rep"]).await;
    let key = app
        .post("/api/v1/api-keys", &alice, json!({"name": "mine"}))
        .await
        .ok(201)
        .clone();
    let id = key["api_key"]["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.post(&format!("/api/v1/api-keys/{id}/revoke"), &bob, json!({}))
            .await
            .problem(404),
        "not_found"
    );
    let bobs = app.get("/api/v1/api-keys", &bob).await;
    assert_eq!(bobs.ok(200)["items"], json!([]));
    // The administrator sees every key.
    let admin = app.admin_token().await;
    let all = app.get("/api/v1/api-keys", &admin).await;
    assert_eq!(all.ok(200)["items"].as_array().map(Vec::len), Some(1));
    // Key creation and revocation are in the history.
    let history = app
        .get(
            &format!("/api/v1/history?entity_type=api_key&entity_id={id}"),
            &admin,
        )
        .await;
    assert_eq!(history.ok(200)["items"][0]["action"], "create");
}
both!(another_users_key_is_not_found);

async fn expired_keys_do_not_work(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let past = app
        .post(
            "/api/v1/api-keys",
            &admin,
            json!({"name": "old", "expires_at": "2020-01-01T00:00:00Z"}),
        )
        .await;
    assert_eq!(past.problem(422), "validation_failed");
    assert_eq!(past.body["errors"][0]["field"], "expires_at");
}
both!(expired_keys_do_not_work);
