//! Teams, and the `team` scope that follows them.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::{json, Value};

fn emails(page: &Value) -> Vec<String> {
    let mut out: Vec<String> = page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["email"].as_str().map(str::to_owned))
        .collect();
    out.sort();
    out
}

async fn a_manager_sees_their_team(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (boss, boss_token) = app.user_with_roles("boss@example.com", &["manager"]).await;
    let (rep, rep_token) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let (_, outsider_token) = app
        .user_with_roles("outsider@example.com", &["sales_rep"])
        .await;
    let team = app
        .post(
            "/api/v1/teams",
            &admin,
            json!({"name": "Sprzedaż Kraków", "manager_id": boss["id"], "member_ids": [rep["id"]]}),
        )
        .await;
    let team = team.ok(201).clone();
    assert_eq!(team["member_ids"], json!([rep["id"]]));

    assert_eq!(
        emails(app.get("/api/v1/users", &boss_token).await.ok(200)),
        vec!["boss@example.com", "rep@example.com"]
    );
    let id = team["id"].as_str().unwrap_or_default();
    app.get(&format!("/api/v1/teams/{id}"), &rep_token)
        .await
        .ok(200);
    assert_eq!(
        app.get(&format!("/api/v1/teams/{id}"), &outsider_token)
            .await
            .problem(404),
        "not_found"
    );
    // Members read but do not edit.
    assert_eq!(
        app.patch(
            &format!("/api/v1/teams/{id}"),
            &rep_token,
            "\"1\"",
            json!({"name": "Mine"})
        )
        .await
        .problem(403),
        "forbidden"
    );

    let bad = app
        .patch(
            &format!("/api/v1/teams/{id}"),
            &admin,
            "\"1\"",
            json!({"member_ids": ["01900000-0000-7000-8000-000000000000"]}),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
    let cleared = app
        .patch(
            &format!("/api/v1/teams/{id}"),
            &admin,
            "\"1\"",
            json!({"manager_id": null, "member_ids": []}),
        )
        .await;
    assert_eq!(cleared.ok(200)["manager_id"], Value::Null);
    assert_eq!(
        emails(app.get("/api/v1/users", &boss_token).await.ok(200)),
        vec!["boss@example.com"]
    );

    assert_eq!(
        app.delete(&format!("/api/v1/teams/{id}"), &admin, "\"2\"")
            .await
            .status,
        204
    );
    let trash = app.get("/api/v1/teams?trashed=true", &admin).await;
    assert_eq!(trash.ok(200)["items"][0]["id"], id);
    app.post(&format!("/api/v1/teams/{id}/restore"), &admin, json!({}))
        .await
        .ok(200);
}
both!(a_manager_sees_their_team);
