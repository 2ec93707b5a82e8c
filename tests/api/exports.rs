//! Exports through HTTP: the list's filters, custom fields as columns, formula injection
//! neutralised in CSV and Excel, the `export` grant and its scope, and history.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::json;
use std::io::Read;

async fn download(app: &TestApp, token: &str, path: &str) -> (u16, String, Vec<u8>) {
    let (status, _, disposition, bytes) = app.download(path, token).await;
    (status, disposition, bytes)
}

/// The text of the first worksheet of an Excel file.
fn sheet_xml(xlsx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx))
        .unwrap_or_else(|e| panic!("not a zip: {e}"));
    let mut sheet = archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap_or_else(|e| panic!("no sheet: {e}"));
    let mut xml = String::new();
    sheet
        .read_to_string(&mut xml)
        .unwrap_or_else(|e| panic!("{e}"));
    xml
}

async fn exports_follow_the_filters_and_neutralise_formulas(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    app.post(
        "/api/v1/custom-fields",
        &admin,
        json!({"entity": "partners", "key": "segment", "label": "Segment", "field_type": "text"}),
    )
    .await
    .ok(201);
    for (name, city, notes) in [
        (
            "=HYPERLINK(\"http://evil.test\",\"click\")",
            "Zagreb",
            "@SUM(A1)",
        ),
        ("Kraš d.d.", "Zagreb", "-1+CMD(\"calc\")"),
        ("Podravka", "Koprivnica", "+385 48 651 144"),
    ] {
        app.post(
            "/api/v1/partners",
            &admin,
            json!({"name": name, "city": city, "notes": notes, "phones": ["+385 1 2345 678"], "custom_fields": {"segment": "=1+1"}}),
        )
        .await
        .ok(201);
    }
    let (status, disposition, body) =
        download(&app, &admin, "/api/v1/partners/export?format=csv&q=Zagreb").await;
    assert_eq!(status, 200);
    assert!(
        disposition.contains("attachment") && disposition.contains(".csv"),
        "{disposition}"
    );
    let text = String::from_utf8(body).unwrap_or_default();
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    assert_eq!(&headers[1], "name");
    assert_eq!(headers.iter().next_back(), Some("Segment"));
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(rows.len(), 2, "the list's quick search applies: {text}");
    let names: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert!(
        names.contains(&"'=HYPERLINK(\"http://evil.test\",\"click\")"),
        "{names:?}"
    );
    assert!(names.contains(&"Kraš d.d."));
    let notes = headers
        .iter()
        .position(|h| h == "notes")
        .unwrap_or_default();
    let phones = headers
        .iter()
        .position(|h| h == "phones")
        .unwrap_or_default();
    for row in &rows {
        assert!(row[notes].starts_with('\''), "{row:?}");
        assert_eq!(
            &row[phones], "+385 1 2345 678",
            "phone numbers stay as they are"
        );
        assert_eq!(row.iter().next_back(), Some("'=1+1"));
    }

    let (status, disposition, body) = download(
        &app,
        &admin,
        "/api/v1/partners/export?format=xlsx&city=Koprivnica",
    )
    .await;
    assert_eq!(
        status, 400,
        "unknown filters are refused like the list refuses them"
    );
    let _ = (disposition, body);
    let (status, disposition, body) =
        download(&app, &admin, "/api/v1/partners/export?format=xlsx").await;
    assert_eq!(status, 200);
    assert!(disposition.contains(".xlsx"), "{disposition}");
    let xml = sheet_xml(&body);
    assert!(
        xml.contains("&apos;=HYPERLINK") || xml.contains("'=HYPERLINK"),
        "{xml}"
    );
    assert!(!xml.contains("<f>"), "no formulas at all");
    assert!(xml.contains("Podravka") && xml.contains("Segment"));

    let history = app.get("/api/v1/history?entity_type=export", &admin).await;
    assert_eq!(
        history.ok(200)["items"].as_array().map(Vec::len),
        Some(2),
        "each export is recorded"
    );
}
both!(exports_follow_the_filters_and_neutralise_formulas);

async fn exports_need_the_grant_and_keep_to_its_scope(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@firma.test", &["sales_rep"]).await;
    let (_, marketing) = app
        .user_with_roles("marketing@firma.test", &["marketing"])
        .await;
    app.post("/api/v1/partners", &rep, json!({"name": "Rep's partner"}))
        .await
        .ok(201);
    app.post(
        "/api/v1/partners",
        &admin,
        json!({"name": "Admin's partner"}),
    )
    .await
    .ok(201);
    app.post(
        "/api/v1/leads",
        &marketing,
        json!({"first_name": "Own", "last_name": "Lead"}),
    )
    .await
    .ok(201);
    app.post(
        "/api/v1/leads",
        &admin,
        json!({"first_name": "Other", "last_name": "Lead"}),
    )
    .await
    .ok(201);

    // A sales rep may read partners but not export them.
    for path in [
        "/api/v1/partners/export",
        "/api/v1/persons/export",
        "/api/v1/leads/export",
    ] {
        let (status, _, _) = download(&app, &rep, path).await;
        assert_eq!(status, 403, "{path}");
    }
    // Marketing exports all partners, but only its own leads.
    let (status, _, partners) = download(&app, &marketing, "/api/v1/partners/export").await;
    assert_eq!(status, 200);
    let partners = String::from_utf8(partners).unwrap_or_default();
    assert!(partners.contains("Rep's partner") && partners.contains("Admin's partner"));
    let (status, _, leads) = download(&app, &marketing, "/api/v1/leads/export?format=csv").await;
    assert_eq!(status, 200);
    let leads = String::from_utf8(leads).unwrap_or_default();
    assert!(leads.contains("Own") && !leads.contains("Other"), "{leads}");
    let (status, _, _) = download(&app, &marketing, "/api/v1/persons/export?format=pdf").await;
    assert_eq!(status, 400);
}
both!(exports_need_the_grant_and_keep_to_its_scope);
