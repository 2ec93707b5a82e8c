//! Login, refresh rotation and reuse detection, logout, disabled users, lockout, token checks.
use crate::both;
use crate::helpers::{Engine, TestApp};
use crm_tests::{ADMIN_EMAIL, ADMIN_PASSWORD};
use reqwest::Method;
use serde_json::json;

async fn refresh(app: &TestApp, token: &str) -> crm_tests::Response {
    app.send(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        &[],
        Some(json!({"refresh_token": token})),
    )
    .await
}

async fn login_returns_tokens_and_the_user(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let res = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let body = res.ok(200);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["user"]["email"], ADMIN_EMAIL);
    assert_eq!(body["user"]["roles"], json!(["admin"]));
    assert!(body["refresh_token"].as_str().is_some_and(|t| t.len() > 30));
    let me = app
        .get(
            "/api/v1/auth/me",
            body["access_token"].as_str().unwrap_or_default(),
        )
        .await;
    let me = me.ok(200);
    assert_eq!(me["user"]["email"], ADMIN_EMAIL);
    assert!(me["grants"].as_array().is_some_and(
        |g| g.contains(&json!({"resource": "users", "action": "create", "scope": "all"}))
    ));
}
both!(login_returns_tokens_and_the_user);

async fn wrong_email_and_wrong_password_look_the_same(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let wrong_password = app.login(ADMIN_EMAIL, "not-the-password").await;
    let wrong_email = app.login("nobody@example.com", ADMIN_PASSWORD).await;
    assert_eq!(wrong_password.problem(401), "invalid_credentials");
    assert_eq!(wrong_email.problem(401), "invalid_credentials");
    assert_eq!(wrong_password.body["detail"], wrong_email.body["detail"]);
}
both!(wrong_email_and_wrong_password_look_the_same);

async fn refresh_rotates_and_reuse_revokes_the_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let first = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.ok(200).clone();
    let r1 = first["refresh_token"].as_str().unwrap_or_default();
    let second = refresh(&app, r1).await.ok(200).clone();
    let r2 = second["refresh_token"].as_str().unwrap_or_default();
    assert_ne!(r1, r2, "the refresh token must rotate");
    let access = second["access_token"].as_str().unwrap_or_default();
    app.get("/api/v1/auth/me", access).await.ok(200);

    // The old token again: reuse. It fails, and so does everything from that session.
    assert_eq!(
        refresh(&app, r1).await.problem(401),
        "invalid_refresh_token"
    );
    assert_eq!(
        refresh(&app, r2).await.problem(401),
        "invalid_refresh_token"
    );
    assert_eq!(
        app.get("/api/v1/auth/me", access).await.problem(401),
        "invalid_token"
    );

    // Another login is unaffected.
    let other = app.admin_token().await;
    app.get("/api/v1/auth/me", &other).await.ok(200);
}
both!(refresh_rotates_and_reuse_revokes_the_session);

async fn logout_ends_the_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let login = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.ok(200).clone();
    let access = login["access_token"].as_str().unwrap_or_default();
    let res = app
        .send(Method::POST, "/api/v1/auth/logout", Some(access), &[], None)
        .await;
    assert_eq!(res.status, 204);
    assert_eq!(
        app.get("/api/v1/auth/me", access).await.problem(401),
        "invalid_token"
    );
    let r = login["refresh_token"].as_str().unwrap_or_default();
    assert_eq!(refresh(&app, r).await.problem(401), "invalid_refresh_token");
}
both!(logout_ends_the_session);

async fn a_disabled_users_tokens_stop_at_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (user, token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    app.get("/api/v1/auth/me", &token).await.ok(200);
    let admin = app.admin_token().await;
    let id = user["id"].as_str().unwrap_or_default();
    let disabled = app
        .post(&format!("/api/v1/users/{id}/disable"), &admin, json!({}))
        .await;
    assert_eq!(disabled.ok(200)["status"], "disabled");
    assert_eq!(
        app.get("/api/v1/auth/me", &token).await.problem(401),
        "invalid_token"
    );
    assert_eq!(
        app.login("rep@example.com", "a-good-password-42")
            .await
            .problem(401),
        "invalid_credentials"
    );
    app.post(&format!("/api/v1/users/{id}/enable"), &admin, json!({}))
        .await
        .ok(200);
    app.token("rep@example.com", "a-good-password-42").await;
}
both!(a_disabled_users_tokens_stop_at_once);

async fn repeated_failures_lock_the_account(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.user_with_roles("other@example.com", &["viewer"]).await;
    for _ in 0..5 {
        app.login(ADMIN_EMAIL, "wrong-password").await.problem(401);
    }
    // Locked: even the right password is refused until the window passes.
    let locked = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(locked.problem(429), "too_many_attempts");
    let wait: u64 = locked
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!(wait > 0 && wait <= 900, "Retry-After {wait}");
    // Another account from the same address is not locked by this one.
    app.token("other@example.com", "a-good-password-42").await;
}
both!(repeated_failures_lock_the_account);

async fn repeated_failures_lock_the_client_address(engine: Engine) {
    let app = TestApp::spawn_with(engine, |s| s.login_max_failures_per_ip = 3).await;
    for i in 0..3 {
        app.login(&format!("guess{i}@example.com"), "whatever-password")
            .await
            .problem(401);
    }
    assert_eq!(
        app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.problem(429),
        "too_many_attempts"
    );
}
both!(repeated_failures_lock_the_client_address);

async fn bad_tokens_are_401_never_anonymous(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let none = app
        .send(Method::GET, "/api/v1/users", None, &[], None)
        .await;
    assert_eq!(none.problem(401), "unauthorized");
    assert_eq!(none.header("www-authenticate"), Some("Bearer"));
    assert_eq!(
        app.get("/api/v1/users", "garbage").await.problem(401),
        "invalid_token"
    );
    // A well-formed token signed with another secret.
    let forged = crm::auth::jwt::JwtKeys::new(b"another-secret-another-secret-another", "crm", 900)
        .issue("someone", "session")
        .unwrap_or_default();
    assert_eq!(
        app.get("/api/v1/users", &forged).await.problem(401),
        "invalid_token"
    );
    // Right secret, wrong issuer.
    let foreign = crm::auth::jwt::JwtKeys::new(
        b"test-secret-that-is-long-enough-for-hs256-0123456789",
        "other",
        900,
    )
    .issue("someone", "session")
    .unwrap_or_default();
    assert_eq!(
        app.get("/api/v1/users", &foreign).await.problem(401),
        "invalid_token"
    );
    // Expired.
    let expired = crm::auth::jwt::JwtKeys::new(
        b"test-secret-that-is-long-enough-for-hs256-0123456789",
        "crm",
        -120,
    )
    .issue("someone", "session")
    .unwrap_or_default();
    assert_eq!(
        app.get("/api/v1/users", &expired).await.problem(401),
        "invalid_token"
    );
}
both!(bad_tokens_are_401_never_anonymous);

async fn users_change_their_password_and_language(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let wrong = app
        .post(
            "/api/v1/auth/password",
            &token,
            json!({"current_password": "nope", "new_password": "a-new-password-99"}),
        )
        .await;
    assert_eq!(wrong.problem(422), "validation_failed");
    assert_eq!(wrong.body["errors"][0]["field"], "current_password");
    let res = app
        .post(
            "/api/v1/auth/password",
            &token,
            json!({"current_password": "a-good-password-42", "new_password": "a-new-password-99"}),
        )
        .await;
    assert_eq!(res.status, 204);
    app.token("rep@example.com", "a-new-password-99").await;
    let prefs = app
        .send(
            Method::PUT,
            "/api/v1/auth/me/preferences",
            Some(&token),
            &[],
            Some(json!({"locale": "pl"})),
        )
        .await;
    assert_eq!(prefs.ok(200)["locale"], "pl");
    let login = app.login("rep@example.com", "a-new-password-99").await;
    assert_eq!(login.ok(200)["user"]["locale"], "pl");
}
both!(users_change_their_password_and_language);

/// Another instance revokes a session (simulated by writing straight to the shared PostgreSQL
/// database and notifying, as its commit would): this instance stops honouring the token at once,
/// instead of trusting its cache until the TTL runs out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revocation_on_another_instance_reaches_this_one() {
    use sea_orm::ConnectionTrait;
    if !crate::helpers::postgres_available() {
        return;
    }
    let app = TestApp::spawn(Engine::Postgres).await;
    let login = app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.ok(200).clone();
    let access = login["access_token"].as_str().unwrap_or_default();
    app.get("/api/v1/auth/me", access).await.ok(200);
    let db = sea_orm::Database::connect(&app.database_url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    db.execute_unprepared("BEGIN; UPDATE sessions SET revoked_at = now(), revoke_reason = 'elsewhere'; NOTIFY crm_auth; COMMIT;")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut status = 200;
    for _ in 0..50 {
        status = app.get("/api/v1/auth/me", access).await.status;
        if status == 401 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, 401, "the cached session outlived its revocation");
}
