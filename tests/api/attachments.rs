//! Attachments: limits, sniffed types, safe downloads, and they follow their record.
use crate::both;
use crate::helpers::{Engine, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::json;

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
];

async fn upload(
    app: &TestApp,
    token: &str,
    entity_type: &str,
    entity_id: &str,
    name: &str,
    mime: &str,
    bytes: Vec<u8>,
) -> crm_tests::Response {
    let part = Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(mime)
        .unwrap_or_else(|e| panic!("{e}"));
    let form = Form::new()
        .text("entity_type", entity_type.to_owned())
        .text("entity_id", entity_id.to_owned())
        .part("file", part);
    app.multipart("/api/v1/attachments", token, form).await
}

async fn attachment_count(app: &TestApp, token: &str, partner_id: &str) -> serde_json::Value {
    app.get(&format!("/api/v1/partners/{partner_id}/overview"), token)
        .await
        .ok(200)["attachment_count"]
        .clone()
}

async fn attachments_are_sniffed_limited_and_downloaded_safely(engine: Engine) {
    let app = TestApp::spawn_with(engine, |s| s.max_upload_bytes = 1024).await;
    let (_, ana) = app.user_with_roles("ana@example.com", &["sales_rep"]).await;
    let (_, marek) = app
        .user_with_roles("marek@example.com", &["sales_rep"])
        .await;
    let partner = app
        .post("/api/v1/partners", &ana, json!({"name": "Ledo d.d."}))
        .await
        .ok(201)
        .clone();
    let pid = partner["id"].as_str().unwrap_or_default();

    // The client claims HTML; the bytes are a PNG, and the name tries to climb out of the folder.
    let res = upload(
        &app,
        &ana,
        "partner",
        pid,
        "../../etc/ugovor<script>.html",
        "text/html",
        PNG.to_vec(),
    )
    .await;
    let att = res.ok(201).clone();
    assert_eq!(att["content_type"], "image/png");
    assert_eq!(att["size_bytes"], PNG.len());
    let name = att["file_name"].as_str().unwrap_or_default();
    assert!(!name.contains('/') && !name.contains('<'), "{name}");

    let too_big = upload(
        &app,
        &ana,
        "partner",
        pid,
        "big.bin",
        "application/octet-stream",
        vec![7u8; 2048],
    )
    .await;
    assert_eq!(too_big.problem(413), "payload_too_large");
    let foreign = upload(
        &app,
        &marek,
        "partner",
        pid,
        "x.txt",
        "text/plain",
        b"hello".to_vec(),
    )
    .await;
    assert_eq!(foreign.problem(404), "not_found");

    let list = app
        .get(
            &format!("/api/v1/attachments?entity_type=partner&entity_id={pid}"),
            &ana,
        )
        .await;
    assert_eq!(
        list.ok(200).as_array().map(Vec::len),
        Some(1),
        "the refused uploads left nothing"
    );
    assert_eq!(
        attachment_count(&app, &ana, pid).await,
        1,
        "the partner page counts it"
    );
    let id = att["id"].as_str().unwrap_or_default();
    let download = app
        .client
        .get(format!("{}/api/v1/attachments/{id}/content", app.address))
        .bearer_auth(&ana)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(download.status().as_u16(), 200);
    let disposition = download
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert_eq!(
        download
            .headers()
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    assert_eq!(
        download
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    assert_eq!(
        download
            .bytes()
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default(),
        PNG.to_vec()
    );
    assert_eq!(
        app.get(&format!("/api/v1/attachments/{id}/content"), &marek)
            .await
            .problem(404),
        "not_found"
    );

    assert_eq!(
        app.delete(&format!("/api/v1/attachments/{id}"), &ana, "\"1\"")
            .await
            .status,
        204
    );
    assert_eq!(
        app.get(&format!("/api/v1/attachments/{id}/content"), &ana)
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        attachment_count(&app, &ana, pid).await,
        0,
        "deleted files no longer count"
    );
}
both!(attachments_are_sniffed_limited_and_downloaded_safely);

async fn attachments_follow_lead_conversion(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let lead = app
        .post(
            "/api/v1/leads",
            &rep,
            json!({"first_name": "Ana", "last_name": "Marić", "company_name": "Marić obrt"}),
        )
        .await
        .ok(201)
        .clone();
    let lid = lead["id"].as_str().unwrap_or_default();
    upload(
        &app,
        &rep,
        "lead",
        lid,
        "vizitka.txt",
        "text/plain",
        "Ana Marić, Marić obrt".as_bytes().to_vec(),
    )
    .await
    .ok(201);
    let done = app
        .post(&format!("/api/v1/leads/{lid}/convert"), &rep, json!({}))
        .await
        .ok(200)
        .clone();
    let pid = done["partner_id"].as_str().unwrap_or_default();
    let moved = app
        .get(
            &format!("/api/v1/attachments?entity_type=partner&entity_id={pid}"),
            &rep,
        )
        .await;
    assert_eq!(moved.ok(200)[0]["file_name"], "vizitka.txt");
    assert_eq!(moved.body[0]["content_type"], "text/plain");
}
both!(attachments_follow_lead_conversion);
