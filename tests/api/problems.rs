//! Every class of error answers as an RFC 9457 problem with a stable code, and every response
//! carries a request id.
use crate::both;
use crate::helpers::{Engine, TestApp};
use reqwest::Method;
use serde_json::json;

async fn every_error_class_is_a_problem(engine: Engine) {
    let app = TestApp::spawn_with(engine, |s| s.max_json_bytes = 4096).await;
    let admin = app.admin_token().await;
    let malformed = app
        .raw(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            "application/json",
            "{\"email\": ",
        )
        .await;
    assert_eq!(malformed.problem(400), "malformed_json");
    let wrong_type = app
        .raw(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            "application/json",
            "{\"email\": 5, \"name\": \"x\", \"password\": \"a-good-password-42\", \"roles\": []}",
        )
        .await;
    assert_eq!(wrong_type.problem(400), "invalid_body");
    let media = app
        .raw(
            Method::POST,
            "/api/v1/users",
            Some(&admin),
            "text/plain",
            "hello",
        )
        .await;
    assert_eq!(media.problem(415), "unsupported_media_type");
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(5000));
    let too_large = app
        .raw(
            Method::POST,
            "/api/v1/teams",
            Some(&admin),
            "application/json",
            &big,
        )
        .await;
    assert_eq!(too_large.problem(413), "payload_too_large");
    assert_eq!(
        app.get("/api/v1/users?limit=-1", &admin).await.problem(400),
        "invalid_query"
    );
    assert_eq!(
        app.get("/api/v1/nothing-here", &admin).await.problem(404),
        "route_not_found"
    );
    assert_eq!(
        app.get("/api/v2/users", &admin).await.problem(404),
        "route_not_found"
    );
    let wrong_method = app
        .send(
            Method::PUT,
            "/api/v1/users",
            Some(&admin),
            &[],
            Some(json!({})),
        )
        .await;
    assert_eq!(wrong_method.problem(405), "method_not_allowed");
    assert!(wrong_method
        .header("allow")
        .is_some_and(|a| a.contains("GET") && a.contains("POST")));
    let bad_if_match = app
        .send(
            Method::PATCH,
            "/api/v1/teams/x",
            Some(&admin),
            &[("if-match", "banana")],
            Some(json!({})),
        )
        .await;
    assert_eq!(bad_if_match.problem(400), "invalid_if_match");
    assert_eq!(
        app.get("/api/v1/users/does-not-exist", &admin)
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        app.send(Method::GET, "/api/v1/users", None, &[], None)
            .await
            .problem(401),
        "unauthorized"
    );
}
both!(every_error_class_is_a_problem);

async fn every_response_has_a_request_id(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    for path in [
        "/health/live",
        "/health/ready",
        "/api/v1/users",
        "/api/v1/nope",
        "/api/openapi.json",
    ] {
        let res = app.send(Method::GET, path, None, &[], None).await;
        let id = res.header("x-request-id").unwrap_or_default();
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{path}: {id:?}");
        if res.status >= 400 {
            assert_eq!(
                res.body["request_id"], id,
                "{path}: the problem names the request"
            );
        }
    }
}
both!(every_response_has_a_request_id);

async fn health_reports_the_database(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    assert_eq!(
        app.send(Method::GET, "/health/live", None, &[], None)
            .await
            .ok(200)["status"],
        "ok"
    );
    assert_eq!(
        app.send(Method::GET, "/health/ready", None, &[], None)
            .await
            .ok(200)["status"],
        "ok"
    );
}
both!(health_reports_the_database);
