//! The role matrix: what each built-in role may and may not do, and that records outside a caller's
//! scope answer 404 (never revealing that they exist).
use crate::both;
use crate::helpers::{Engine, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

const ROLES: [&str; 7] = [
    "admin",
    "manager",
    "sales_rep",
    "buyer",
    "support_agent",
    "marketing",
    "viewer",
];

/// (method, path, body, the success status, the roles that get it; everyone else gets 403)
type Case = (
    Method,
    &'static str,
    Option<Value>,
    u16,
    &'static [&'static str],
);

fn matrix() -> Vec<Case> {
    let all: &[&str] = &ROLES;
    vec![
        (Method::GET, "/api/v1/users", None, 200, all),
        (
            Method::POST,
            "/api/v1/users",
            Some(
                json!({"email": "new-{role}@example.com", "name": "New", "password": "a-good-password-42", "roles": []}),
            ),
            201,
            &["admin"],
        ),
        (
            Method::GET,
            "/api/v1/roles",
            None,
            200,
            &["admin", "manager"],
        ),
        (
            Method::POST,
            "/api/v1/roles",
            Some(json!({"key": "custom_{role}", "name": "Custom", "grants": []})),
            201,
            &["admin"],
        ),
        (
            Method::GET,
            "/api/v1/teams",
            None,
            200,
            &[
                "admin",
                "manager",
                "sales_rep",
                "buyer",
                "support_agent",
                "marketing",
            ],
        ),
        (
            Method::POST,
            "/api/v1/teams",
            Some(json!({"name": "Team {role}"})),
            201,
            &["admin"],
        ),
        (Method::GET, "/api/v1/history", None, 200, all),
        (
            Method::GET,
            "/api/v1/api-keys",
            None,
            200,
            &[
                "admin",
                "manager",
                "sales_rep",
                "buyer",
                "support_agent",
                "marketing",
            ],
        ),
        (
            Method::POST,
            "/api/v1/api-keys",
            Some(json!({"name": "key"})),
            201,
            &[
                "admin",
                "manager",
                "sales_rep",
                "buyer",
                "support_agent",
                "marketing",
            ],
        ),
        (Method::GET, "/api/v1/saved-views", None, 200, all),
        (
            Method::POST,
            "/api/v1/saved-views",
            Some(json!({"resource": "users", "name": "Mine"})),
            201,
            all,
        ),
        (Method::GET, "/api/v1/auth/me", None, 200, all),
        (Method::GET, "/api/v1/permissions", None, 200, all),
    ]
}

async fn each_built_in_role_gets_exactly_its_grants(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    for role in ROLES {
        let (_, token) = app
            .user_with_roles(&format!("{role}-user@example.com"), &[role])
            .await;
        for (method, path, body, ok, allowed) in matrix() {
            let body = body
                .map(|b| serde_json::from_str(&b.to_string().replace("{role}", role)).unwrap_or(b));
            let res = app
                .send(method.clone(), path, Some(&token), &[], body)
                .await;
            let expected = if allowed.contains(&role) { ok } else { 403 };
            assert_eq!(res.status, expected, "{role} {method} {path}: {}", res.body);
            if expected == 403 {
                assert_eq!(res.problem(403), "forbidden");
            }
        }
    }
}
both!(each_built_in_role_gets_exactly_its_grants);

async fn another_users_record_is_not_found(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (alice, alice_token) = app
        .user_with_roles("alice@example.com", &["sales_rep"])
        .await;
    let (bob, _) = app.user_with_roles("bob@example.com", &["sales_rep"]).await;
    let bob_id = bob["id"].as_str().unwrap_or_default();
    let alice_id = alice["id"].as_str().unwrap_or_default();
    // Alice reads herself but not Bob; Bob's record answers exactly like a missing one.
    app.get(&format!("/api/v1/users/{alice_id}"), &alice_token)
        .await
        .ok(200);
    let hidden = app
        .get(&format!("/api/v1/users/{bob_id}"), &alice_token)
        .await;
    let missing = app
        .get(
            "/api/v1/users/01900000-0000-7000-8000-000000000000",
            &alice_token,
        )
        .await;
    assert_eq!(hidden.problem(404), "not_found");
    assert_eq!(missing.problem(404), "not_found");
    assert_eq!(hidden.body["detail"], missing.body["detail"]);
    let list = app.get("/api/v1/users", &alice_token).await;
    let emails: Vec<&str> = list.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["email"].as_str())
        .collect();
    assert_eq!(emails, vec!["alice@example.com"]);
    // Changing someone she cannot see is 404, not 403; changing herself without the grant is 403.
    assert_eq!(
        app.patch(
            &format!("/api/v1/users/{bob_id}"),
            &alice_token,
            "\"1\"",
            json!({"name": "B"})
        )
        .await
        .problem(404),
        "not_found"
    );
    assert_eq!(
        app.patch(
            &format!("/api/v1/users/{alice_id}"),
            &alice_token,
            "\"1\"",
            json!({"name": "A"})
        )
        .await
        .problem(403),
        "forbidden"
    );
}
both!(another_users_record_is_not_found);

async fn editing_a_role_changes_its_holders_rights_at_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, token) = app.user_with_roles("viewer@example.com", &["viewer"]).await;
    assert_eq!(
        app.get("/api/v1/roles", &token).await.problem(403),
        "forbidden"
    );
    let admin = app.admin_token().await;
    let roles = app
        .get("/api/v1/roles?limit=200", &admin)
        .await
        .ok(200)
        .clone();
    let viewer = roles["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["key"] == "viewer")
        .cloned()
        .unwrap_or_default();
    let mut grants = viewer["grants"].as_array().cloned().unwrap_or_default();
    grants.push(json!({"resource": "roles", "action": "read", "scope": "all"}));
    let id = viewer["id"].as_str().unwrap_or_default();
    let etag = format!("\"{}\"", viewer["version"]);
    app.patch(
        &format!("/api/v1/roles/{id}"),
        &admin,
        &etag,
        json!({"grants": grants}),
    )
    .await
    .ok(200);
    app.get("/api/v1/roles", &token).await.ok(200);
}
both!(editing_a_role_changes_its_holders_rights_at_once);
