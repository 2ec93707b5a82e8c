//! The served OpenAPI document equals the committed one, and the docs page works offline.
use crate::both;
use crate::helpers::{Engine, TestApp};
use reqwest::Method;

async fn the_committed_document_matches_the_served_one(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let served = app
        .send(Method::GET, "/api/openapi.json", None, &[], None)
        .await;
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed: serde_json::Value = std::fs::read_to_string(committed_path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    assert!(
        served.ok(200) == &committed,
        "openapi/openapi.json is out of date: run `just openapi` (cargo run -p crm -- openapi > openapi/openapi.json) and commit it"
    );
    // Every operation declares its errors as problems, and every secured one its 401.
    for (path, item) in served.body["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let responses = &op["responses"];
            assert!(responses["500"].is_object(), "{method} {path} lacks 500");
            if !path.starts_with("/health")
                && path != "/api/v1/auth/login"
                && path != "/api/v1/auth/refresh"
            {
                assert!(responses["401"].is_object(), "{method} {path} lacks 401");
            }
        }
    }
}
both!(the_committed_document_matches_the_served_one);

async fn the_docs_page_needs_no_internet(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let redirect = app.send(Method::GET, "/api/docs", None, &[], None).await;
    assert_eq!(redirect.status, 308);
    let page = app.send(Method::GET, "/api/docs/", None, &[], None).await;
    let html = page.body.as_str().unwrap_or_default().to_owned();
    assert_eq!(page.status, 200);
    assert!(html.contains("swagger-ui"), "{html}");
    for needle in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!html.contains(needle), "the docs page loads {needle}...");
    }
    for asset in [
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-initializer.js",
    ] {
        let res = app
            .send(Method::GET, &format!("/api/docs/{asset}"), None, &[], None)
            .await;
        assert_eq!(res.status, 200, "{asset}");
    }
}
both!(the_docs_page_needs_no_internet);
