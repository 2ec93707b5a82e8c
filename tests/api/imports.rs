//! Imports through HTTP: files as people have them (Windows-1250, BOM, quoted newlines), rows
//! checked like creates with an error file, duplicates under each mode, dry run, undo, a batch
//! that fails in the database and the resume, mapping suggestions and templates, and grants.
use crate::both;
use crate::helpers::{eventually, refuse_rows, Engine, TestApp};
use crm_tests::oib;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

pub async fn upload(
    app: &TestApp,
    token: &str,
    fields: &[(&str, &str)],
    file: Vec<u8>,
) -> crm_tests::Response {
    let mut form = Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    let part = Part::bytes(file).file_name("import.csv");
    form = form.part("file", part);
    app.multipart("/api/v1/imports", token, form).await
}

/// Starts an import and waits until it is done; returns the import.
pub async fn import(app: &TestApp, token: &str, fields: &[(&str, &str)], file: Vec<u8>) -> Value {
    let started = upload(app, token, fields, file).await;
    let id = started.ok(202)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    finished(app, token, &id, "done").await
}

pub async fn finished(app: &TestApp, token: &str, id: &str, status: &str) -> Value {
    eventually(&format!("import {id} {status}"), || async {
        let now = app.get(&format!("/api/v1/imports/{id}"), token).await;
        (now.body["status"] == status).then_some(now.body)
    })
    .await
}

async fn partners(app: &TestApp, token: &str) -> Vec<Value> {
    let page = app.get("/api/v1/partners?limit=200&sort=name", token).await;
    page.ok(200)["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn names(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|p| p["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn text(app: &TestApp, token: &str, path: &str) -> String {
    app.client
        .get(format!("{}{path}", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default()
}

async fn central_european_files_are_read_as_written(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    // Windows-1250, semicolons, CRLF, a quoted note with a semicolon and a line break. In this
    // encoding Š is 0x8A, Č 0xC8, Đ 0xD0, Ž 0x8E, ć 0xE6 and ž 0x9E.
    let mut cp1250: Vec<u8> = b"Naziv;OIB;Grad;Dr\x9eava;Napomena\r\n\x8Aibenik d.o.o.;".to_vec();
    cp1250.extend_from_slice(oib(1).as_bytes());
    cp1250.extend_from_slice(b";\x8Eminj;HR;\"Prvi red;\r\ndrugi red\"\r\n");
    cp1250.extend_from_slice(b"\xD0akovo trgovina;;\xC8akovec;HR;Ku\xe6a\r\n");
    let done = import(&app, &admin, &[("entity", "partners")], cp1250).await;
    assert_eq!(done["encoding"], "windows-1250");
    assert_eq!(done["delimiter"], ";");
    assert_eq!(done["created"], 2, "{done}");
    assert_eq!(done["failed"], 0, "{done}");
    let stored = partners(&app, &admin).await;
    let sibenik = stored
        .iter()
        .find(|p| p["city"] == "Žminj")
        .cloned()
        .unwrap_or_default();
    assert_eq!(sibenik["name"], "Šibenik d.o.o.");
    assert_eq!(sibenik["notes"], "Prvi red;\r\ndrugi red");
    assert_eq!(sibenik["tax_id"], oib(1));
    let djakovo = stored
        .iter()
        .find(|p| p["city"] == "Čakovec")
        .cloned()
        .unwrap_or_default();
    assert_eq!(djakovo["name"], "Đakovo trgovina");
    assert_eq!(djakovo["notes"], "Kuća");

    // UTF-8 with a byte order mark, commas, LF: the first header is still recognised.
    // A name with quotes, braces, a backslash and the word NULL is stored as written too.
    let bom = "\u{feff}Name,City,Emails\n\"Kraš, d.d.\",Zagreb,\"info@kras.hr; prodaja@kras.hr\"\n\"Mlin \"\"Zrno\"\" {1} \\ NULL\",Osijek,\n";
    let done = import(
        &app,
        &admin,
        &[("entity", "partners")],
        bom.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(done["encoding"], "utf-8");
    assert_eq!(done["mapping"]["Name"], "name", "{done}");
    assert_eq!(done["created"], 2, "{done}");
    let stored = partners(&app, &admin).await;
    let in_city = |city: &str| {
        stored
            .iter()
            .find(|p| p["city"] == city)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(in_city("Osijek")["name"], "Mlin \"Zrno\" {1} \\ NULL");
    let kras = in_city("Zagreb");
    assert_eq!(kras["name"], "Kraš, d.d.");
    assert_eq!(kras["emails"], json!(["info@kras.hr", "prodaja@kras.hr"]));
    // History names the import as the request behind each new partner.
    let history = app
        .get(
            &format!(
                "/api/v1/history?entity_type=partner&entity_id={}",
                kras["id"].as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await;
    let entry = history.ok(200)["items"][0].clone();
    assert_eq!(entry["action"], "import");
    assert_eq!(
        entry["request_id"],
        format!("import:{}", done["id"].as_str().unwrap_or_default())
    );
}
both!(central_european_files_are_read_as_written);

async fn bad_rows_are_reported_with_their_row_numbers(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let file = format!(
        "name;tax_id;country;emails\nGood One;{};HR;a@good.hr\nBad Tax;12345678901;HR;\nBad Mail;;HR;not-an-email\n;;HR;nameless@x.hr\nGood Two;;HR;\n",
        oib(2)
    );
    let done = import(&app, &admin, &[("entity", "partners")], file.into_bytes()).await;
    assert_eq!(
        (done["created"].as_i64(), done["failed"].as_i64()),
        (Some(2), Some(3)),
        "{done}"
    );
    assert_eq!(done["rows_total"], 5);
    assert_eq!(
        names(&partners(&app, &admin).await),
        ["Good One", "Good Two"]
    );

    let id = done["id"].as_str().unwrap_or_default();
    let errors = text(&app, &admin, &format!("/api/v1/imports/{id}/errors")).await;
    let lines: Vec<&str> = errors.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "name,tax_id,country,emails,row,error");
    assert_eq!(lines.len(), 4, "{errors}");
    assert!(
        lines[1].starts_with("Bad Tax,12345678901,HR,,3,tax_id:"),
        "{errors}"
    );
    assert!(
        lines[2].starts_with("Bad Mail,,HR,not-an-email,4,emails:"),
        "{errors}"
    );
    assert!(
        lines[3].starts_with(",,HR,nameless@x.hr,5,name: This field is required."),
        "{errors}"
    );
}
both!(bad_rows_are_reported_with_their_row_numbers);

async fn duplicates_follow_the_chosen_mode(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let existing = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Old Name", "tax_id": oib(10), "tax_country": "HR", "city": "Pula"}),
        )
        .await;
    let existing_id = existing.ok(201)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // Row 2 matches the database, rows 3 and 4 each other (one written with its country prefix).
    let file = format!(
        "name;tax_id;country;city\nNew Name;{a};HR;Rijeka\nTwin;{b};HR;Osijek\nTwin Again;HR{b};HR;Vukovar\n",
        a = oib(10),
        b = oib(11)
    );
    let file = file.into_bytes();

    let skip = import(
        &app,
        &admin,
        &[("entity", "partners"), ("on_duplicate", "skip")],
        file.clone(),
    )
    .await;
    assert_eq!(
        (
            skip["created"].as_i64(),
            skip["skipped"].as_i64(),
            skip["updated"].as_i64()
        ),
        (Some(1), Some(2), Some(0)),
        "{skip}"
    );
    assert_eq!(names(&partners(&app, &admin).await), ["Old Name", "Twin"]);

    let update = import(
        &app,
        &admin,
        &[("entity", "partners"), ("on_duplicate", "update")],
        file.clone(),
    )
    .await;
    assert_eq!(
        (update["created"].as_i64(), update["updated"].as_i64()),
        (Some(0), Some(3)),
        "{update}"
    );
    let now = partners(&app, &admin).await;
    assert_eq!(names(&now), ["New Name", "Twin Again"]);
    let renamed = now
        .iter()
        .find(|p| p["id"] == existing_id.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(renamed["city"], "Rijeka");

    let create = import(
        &app,
        &admin,
        &[("entity", "partners"), ("on_duplicate", "create")],
        file,
    )
    .await;
    assert_eq!(create["created"], 3, "{create}");
    assert_eq!(partners(&app, &admin).await.len(), 5);

    // Matching on name and city instead.
    let by_name = "name;city\nnew name;RIJEKA\nSomeone Else;Rijeka\n";
    let matched = import(
        &app,
        &admin,
        &[("entity", "partners"), ("match_on", "name_city")],
        by_name.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(
        (matched["skipped"].as_i64(), matched["created"].as_i64()),
        (Some(1), Some(1)),
        "{matched}"
    );
}
both!(duplicates_follow_the_chosen_mode);

async fn a_dry_run_writes_nothing_and_shows_what_it_would_store(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let before = app
        .get("/api/v1/history?entity_type=partner&count=true", &admin)
        .await
        .ok(200)["total"]
        .clone();
    let file = format!(
        "Naziv;OIB;Država\nProba;HR {};hr\nProba;{};HR\nBez imena;123;HR\n",
        oib(20),
        oib(20)
    );
    let done = import(
        &app,
        &admin,
        &[("entity", "partners"), ("dry_run", "true")],
        file.into_bytes(),
    )
    .await;
    assert_eq!(
        (
            done["created"].as_i64(),
            done["skipped"].as_i64(),
            done["failed"].as_i64()
        ),
        (Some(1), Some(1), Some(1)),
        "{done}"
    );
    // Stored as the API stores it: the tax id without its prefix and spaces.
    assert_eq!(done["preview"][0]["name"], "Proba");
    assert_eq!(done["preview"][0]["tax_id"], oib(20));
    assert_eq!(done["preview"][0]["country"], "HR");
    assert!(partners(&app, &admin).await.is_empty());
    let after = app
        .get("/api/v1/history?entity_type=partner&count=true", &admin)
        .await
        .ok(200)["total"]
        .clone();
    assert_eq!(before, after);
    let id = done["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.post(&format!("/api/v1/imports/{id}/undo"), &admin, json!({}))
            .await
            .problem(409),
        "import_not_undoable"
    );
}
both!(a_dry_run_writes_nothing_and_shows_what_it_would_store);

async fn undo_restores_the_database_exactly(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    for (i, name) in ["Alfa", "Beta"].iter().enumerate() {
        app.post(
            "/api/v1/partners",
            &admin,
            json!({"name": name, "tax_id": oib(30 + i as u64), "tax_country": "HR", "city": "Zadar", "emails": ["x@alfa.hr"]}),
        )
        .await
        .ok(201);
    }
    let before = partners(&app, &admin).await;
    let file = format!(
        "name;tax_id;country;city;emails\nAlfa Renamed;{};HR;Split;novi@alfa.hr\nGama;{};HR;Knin;\nDelta;;HR;Sinj;\n",
        oib(30),
        oib(32)
    );
    let done = import(
        &app,
        &admin,
        &[("entity", "partners"), ("on_duplicate", "update")],
        file.into_bytes(),
    )
    .await;
    assert_eq!(
        (done["created"].as_i64(), done["updated"].as_i64()),
        (Some(2), Some(1)),
        "{done}"
    );
    assert_eq!(partners(&app, &admin).await.len(), 4);
    let id = done["id"].as_str().unwrap_or_default().to_owned();
    app.post(&format!("/api/v1/imports/{id}/undo"), &admin, json!({}))
        .await
        .ok(202);
    let undone = finished(&app, &admin, &id, "undone").await;
    assert!(undone["undone_at"].is_string());
    assert_eq!(
        partners(&app, &admin).await,
        before,
        "every partner as it was"
    );
    // History keeps both the import and its undoing.
    let alfa = before
        .iter()
        .find(|p| p["name"] == "Alfa")
        .cloned()
        .unwrap_or_default();
    let history = app
        .get(
            &format!(
                "/api/v1/history?entity_type=partner&entity_id={}",
                alfa["id"].as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await;
    let actions: Vec<Value> = history.ok(200)["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|h| h["action"].clone())
        .collect();
    assert!(
        actions.contains(&json!("import_undo")) && actions.contains(&json!("update")),
        "{actions:?}"
    );
    assert_eq!(
        app.post(&format!("/api/v1/imports/{id}/undo"), &admin, json!({}))
            .await
            .problem(409),
        "import_not_undoable"
    );
}
both!(undo_restores_the_database_exactly);

/// The partner the database refuses: the batch holding it must leave nothing behind.
const BOOM: &str = "NEW.name = 'Boom'";

async fn a_failed_batch_leaves_nothing_and_the_import_resumes(engine: Engine) {
    let app = TestApp::spawn_with(engine, |s| s.import_batch_rows = 2).await;
    let admin = app.admin_token().await;
    refuse_rows(&app, engine, "partners", BOOM, true).await;
    // Batches: (P1, P2), (P3, Boom), (P5, P6).
    let file = "name\nP1\nP2\nP3\nBoom\nP5\nP6\n";
    let id = upload(
        &app,
        &admin,
        &[("entity", "partners")],
        file.as_bytes().to_vec(),
    )
    .await
    .ok(202)["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let stuck = eventually("the second batch to fail", || async {
        let now = app.get(&format!("/api/v1/imports/{id}"), &admin).await;
        now.body["error"].is_string().then_some(now.body)
    })
    .await;
    assert_eq!(stuck["rows_done"], 2, "{stuck}");
    assert_eq!(stuck["status"], "running");
    assert_eq!(
        names(&partners(&app, &admin).await),
        ["P1", "P2"],
        "no half batch"
    );

    // The cause goes away; the retry goes on after the last committed row.
    refuse_rows(&app, engine, "partners", BOOM, false).await;
    app.clock.advance(chrono::Duration::hours(1));
    let done = finished(&app, &admin, &id, "done").await;
    assert_eq!(done["created"], 6, "{done}");
    assert_eq!(
        names(&partners(&app, &admin).await),
        ["Boom", "P1", "P2", "P3", "P5", "P6"]
    );
}
both!(a_failed_batch_leaves_nothing_and_the_import_resumes);

async fn mappings_are_suggested_saved_and_checked(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    app.post(
        "/api/v1/custom-fields",
        &admin,
        json!({"entity": "partners", "key": "employees", "label": "Liczba pracowników", "field_type": "number"}),
    )
    .await
    .ok(201);
    let head = "Nazwa firmy\tNIP\tMiejscowość\tKod pocztowy\tLiczba pracowników\tInne\nPolmlek\t5260250995\tWarszawa\t00-001\t1 200\tx\n";
    let form = Form::new().text("entity", "partners").part(
        "file",
        Part::bytes(head.as_bytes().to_vec()).file_name("head.csv"),
    );
    let suggestion = app
        .multipart("/api/v1/imports/suggest-mapping", &admin, form)
        .await
        .ok(200)
        .clone();
    assert_eq!(suggestion["delimiter"], "tab");
    assert_eq!(
        suggestion["mapping"],
        json!({"Nazwa firmy": "name", "NIP": "tax_id", "Miejscowość": "city", "Kod pocztowy": "postal_code", "Liczba pracowników": "custom_fields.employees"})
    );
    assert_eq!(suggestion["sample"][0][0], "Polmlek");

    let mut mapping = suggestion["mapping"].clone();
    mapping["Kraj"] = json!("nonsense");
    let saved = app
        .post(
            "/api/v1/imports/templates",
            &admin,
            json!({"name": "Polish ERP", "entity": "partners", "mapping": mapping}),
        )
        .await;
    assert_eq!(saved.status, 422);
    let saved = app
        .post(
            "/api/v1/imports/templates",
            &admin,
            json!({"name": "Polish ERP", "entity": "partners", "mapping": suggestion["mapping"]}),
        )
        .await;
    let template = saved.ok(201).clone();
    let listed = app
        .get("/api/v1/imports/templates?entity=partners", &admin)
        .await;
    assert_eq!(listed.ok(200)[0]["mapping"], suggestion["mapping"]);

    // A mapping naming a column the file lacks is refused before anything runs.
    let bad = upload(
        &app,
        &admin,
        &[
            ("entity", "partners"),
            ("mapping", r#"{"Missing": "name"}"#),
        ],
        head.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.body["errors"][0]["field"], "mapping.Missing");

    let mapping = template["mapping"].to_string();
    let file = format!("{head}Kraj bez NIP\t\tKraków\t30-001\t12,5\t\n");
    let done = import(
        &app,
        &admin,
        &[("entity", "partners"), ("mapping", &mapping)],
        file.into_bytes(),
    )
    .await;
    assert_eq!(done["created"], 1, "{done}");
    assert_eq!(done["failed"], 1, "the NIP needs a country: {done}");
    let stored = partners(&app, &admin).await;
    assert_eq!(stored[0]["custom_fields"]["employees"], 12.5);
    assert_eq!(stored[0]["postal_code"], "30-001");
    app.delete(
        &format!(
            "/api/v1/imports/templates/{}",
            template["id"].as_str().unwrap_or_default()
        ),
        &admin,
        "",
    )
    .await;
    assert_eq!(
        app.get("/api/v1/imports/templates", &admin).await.ok(200),
        &json!([])
    );
}
both!(mappings_are_suggested_saved_and_checked);

async fn persons_and_leads_import_through_their_own_rules(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let persons = "Ime;Prezime;E-mail;Funkcija;Privola;Izvor privole\nAna;Horvat;ana@firma.hr;Nabava;da;Sajam 2026\nIvo;Ivić;ana@firma.hr;Prodaja;ne;Telefon\nBez;;bez@firma.hr;;;\nNeznan;Izvor;n@firma.hr;;da;\n";
    let done = import(
        &app,
        &admin,
        &[("entity", "persons")],
        persons.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(
        (
            done["created"].as_i64(),
            done["skipped"].as_i64(),
            done["failed"].as_i64()
        ),
        (Some(1), Some(1), Some(2)),
        "{done}"
    );
    let errors = text(
        &app,
        &admin,
        &format!(
            "/api/v1/imports/{}/errors",
            done["id"].as_str().unwrap_or_default()
        ),
    )
    .await;
    assert!(
        errors.contains("4,last_name: This field is required."),
        "{errors}"
    );
    assert!(
        errors.contains("5,consent_source: Say how consent was given or withdrawn."),
        "{errors}"
    );
    let listed = app.get("/api/v1/persons?limit=10", &admin).await;
    let ana = listed.ok(200)["items"][0].clone();
    assert_eq!(
        (ana["first_name"].as_str(), ana["position"].as_str()),
        (Some("Ana"), Some("Nabava"))
    );
    assert_eq!(ana["marketing_consent"], true);

    let leads = "first_name,last_name,company_name,email,city\nMarko,Kovač,Kovač obrt,marko@kovac.hr,Zadar\nMarko,Kovač,,MARKO@kovac.hr,Zadar\n";
    let done = import(
        &app,
        &admin,
        &[("entity", "leads"), ("on_duplicate", "update")],
        leads.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(
        (done["created"].as_i64(), done["updated"].as_i64()),
        (Some(1), Some(1)),
        "{done}"
    );
    assert_eq!(
        upload(
            &app,
            &admin,
            &[("entity", "leads"), ("match_on", "tax_id")],
            leads.as_bytes().to_vec()
        )
        .await
        .status,
        422
    );

    // Names that start with a letter beyond ASCII match whatever their case.
    let first = "first_name,last_name,email,city\nIvana,Šimić,ivana@simic.hr,Šibenik\n";
    let again = "first_name,last_name,email,city\nIVANA,ŠIMIĆ,,ŠIBENIK\n";
    for (file, created, updated) in [(first, 1, 0), (again, 0, 1)] {
        let done = import(
            &app,
            &admin,
            &[
                ("entity", "leads"),
                ("match_on", "name_city"),
                ("on_duplicate", "update"),
            ],
            file.as_bytes().to_vec(),
        )
        .await;
        assert_eq!(
            (done["created"].as_i64(), done["updated"].as_i64()),
            (Some(created), Some(updated)),
            "{done}"
        );
    }
}
both!(persons_and_leads_import_through_their_own_rules);

async fn imports_need_the_import_grant_and_stay_private(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@firma.test", &["sales_rep"]).await;
    let (_, manager) = app
        .user_with_roles("manager@firma.test", &["manager"])
        .await;
    let file = b"name\nSomeone\n".to_vec();
    assert_eq!(
        upload(&app, &rep, &[("entity", "partners")], file.clone())
            .await
            .problem(403),
        "forbidden"
    );
    let mine = import(&app, &manager, &[("entity", "partners")], file.clone()).await;
    let theirs = import(&app, &admin, &[("entity", "partners")], file).await;
    // A manager imports for the team: their own imports, not the administrator's.
    let id = theirs["id"].as_str().unwrap_or_default();
    assert_eq!(
        app.get(&format!("/api/v1/imports/{id}"), &manager)
            .await
            .status,
        404
    );
    let listed = app.get("/api/v1/imports", &manager).await;
    assert_eq!(listed.ok(200).as_array().map(Vec::len), Some(1));
    assert_eq!(listed.body[0]["id"], mine["id"]);
    // The administrator sees both.
    assert_eq!(
        app.get("/api/v1/imports", &admin)
            .await
            .ok(200)
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // The manager owns what they imported.
    let partner = app.get("/api/v1/partners?q=Someone", &manager).await;
    assert_eq!(partner.ok(200)["items"].as_array().map(Vec::len), Some(1));
}
both!(imports_need_the_import_grant_and_stay_private);

async fn imported_partners_get_owners_from_the_rules_in_one_entry(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (rep, _) = app.user_with_roles("rep@firma.test", &["sales_rep"]).await;
    let hr = app
        .post(
            "/api/v1/territories",
            &admin,
            json!({"name": "Hrvatska", "countries": ["HR"]}),
        )
        .await;
    let hr = hr.ok(201)["id"].clone();
    app.post(
        "/api/v1/assignment/apply",
        &admin,
        json!({"rules": [{"territory_id": hr, "user_id": rep["id"], "role": "primary"}]}),
    )
    .await
    .ok(202);
    // The second row's tax id names its country by its VAT prefix.
    let file = format!(
        "Naziv;OIB;Država\nKraš;{};HR\nPodravka;HR{};\n",
        oib(40),
        oib(41)
    );
    let done = import(&app, &admin, &[("entity", "partners")], file.into_bytes()).await;
    assert_eq!(done["created"], 2, "{done}");
    let stored = partners(&app, &admin).await;
    let kras = stored
        .iter()
        .find(|p| p["name"] == "Kraš")
        .cloned()
        .unwrap_or_default();
    assert_eq!(kras["territory_id"], hr);
    assert_eq!(kras["primary_owner_id"], rep["id"]);
    assert!(kras["owners"][0]["rule_id"].is_string(), "{kras}");
    let podravka = stored
        .iter()
        .find(|p| p["name"] == "Podravka")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (
            podravka["tax_id"].as_str(),
            podravka["tax_country"].as_str()
        ),
        (Some(oib(41).as_str()), Some("HR"))
    );
    // Outside every territory the importer owns it, by hand.
    assert_eq!(podravka["owners"][0]["rule_id"], Value::Null);
    let history = app
        .get(
            &format!(
                "/api/v1/history?entity_type=partner&entity_id={}",
                kras["id"].as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await;
    let entries = history.ok(200)["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(entries.len(), 1, "one entry per record: {entries:?}");
    assert!(entries[0]["changes"]
        .to_string()
        .contains(rep["id"].as_str().unwrap_or("?")));
}
both!(imported_partners_get_owners_from_the_rules_in_one_entry);
