//! Custom fields: definitions by administrators, values checked like built-in fields, filterable
//! and sortable in lists (`custom.<key>`), carried through merges, removed with their definition.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::{json, Value};

async fn define(app: &TestApp, admin: &str, body: Value) -> Value {
    app.post("/api/v1/custom-fields", admin, body)
        .await
        .ok(201)
        .clone()
}

/// The partner fields most tests use.
async fn define_partner_fields(app: &TestApp, admin: &str) {
    for body in [
        json!({"entity": "partners", "key": "employees", "label": "Employees", "field_type": "number", "filterable": true, "in_list": true}),
        json!({"entity": "partners", "key": "founded", "label": "Founded", "field_type": "date", "filterable": true}),
        json!({"entity": "partners", "key": "segment", "label": "Segment", "field_type": "choice", "options": ["smb", "enterprise"], "filterable": true}),
        json!({"entity": "partners", "key": "certified", "label": "ISO certified", "field_type": "boolean", "filterable": true}),
        json!({"entity": "partners", "key": "industries", "label": "Industries", "field_type": "multi_choice", "options": ["it", "retail", "food"], "filterable": true}),
        json!({"entity": "partners", "key": "motto", "label": "Motto", "field_type": "text"}),
    ] {
        define(app, admin, body).await;
    }
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

fn error_codes(res: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = res["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or_default().to_owned(),
                e["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

async fn partner_count(app: &TestApp, admin: &str) -> u64 {
    app.get("/api/v1/partners?count=true", admin).await.ok(200)["total"]
        .as_u64()
        .unwrap_or_default()
}

async fn values_are_checked_like_any_field(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    define_partner_fields(&app, &admin).await;

    let created = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Kraš d.d.", "custom_fields": {
                "employees": 1800, "founded": "1911-01-01", "segment": "enterprise",
                "certified": true, "industries": ["food", "retail", "food"], "motto": "  Sweet  "}}),
        )
        .await;
    let partner = created.ok(201).clone();
    assert_eq!(
        partner["custom_fields"],
        json!({"employees": 1800, "founded": "1911-01-01", "segment": "enterprise",
               "certified": true, "industries": ["food", "retail"], "motto": "Sweet"})
    );

    // Every bad value is reported at once, and nothing is created.
    let before = partner_count(&app, &admin).await;
    let bad = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Bad", "custom_fields": {
                "employees": "many", "founded": "31.12.2020", "segment": "huge",
                "certified": "yes", "industries": ["it", "cars"], "colour": "red"}}),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
    assert_eq!(
        error_codes(&bad.body),
        [
            ("custom_fields.certified", "expected_boolean"),
            ("custom_fields.colour", "unknown_custom_field"),
            ("custom_fields.employees", "expected_number"),
            ("custom_fields.founded", "expected_date"),
            ("custom_fields.industries", "invalid_choice"),
            ("custom_fields.segment", "invalid_choice"),
        ]
        .map(|(f, c)| (f.to_owned(), c.to_owned()))
    );
    assert_eq!(partner_count(&app, &admin).await, before);

    // An update sets the keys it names, removes those set to null and keeps the others.
    let id = partner["id"].as_str().unwrap_or_default();
    let etag = created.etag();
    let updated = app
        .patch(
            &format!("/api/v1/partners/{id}"),
            &admin,
            &etag,
            json!({"custom_fields": {"employees": 1750.5, "motto": null}}),
        )
        .await;
    let fields = updated.ok(200)["custom_fields"].clone();
    assert_eq!(fields["employees"], 1750.5);
    assert_eq!(fields["segment"], "enterprise");
    assert!(fields.get("motto").is_none(), "{fields}");

    // A required field is needed on create and cannot be removed; other edits still work.
    define(&app, &admin, json!({"entity": "partners", "key": "account_code", "label": "Account code", "field_type": "text", "required": true})).await;
    let missing = app
        .post("/api/v1/partners", &admin, json!({"name": "No code"}))
        .await;
    assert_eq!(missing.problem(422), "validation_failed");
    assert_eq!(
        error_codes(&missing.body),
        [(
            "custom_fields.account_code".to_owned(),
            "required".to_owned()
        )]
    );
    let renamed = app
        .patch(
            &format!("/api/v1/partners/{id}"),
            &admin,
            &updated.etag(),
            json!({"name": "Kraš"}),
        )
        .await;
    renamed.ok(200);
    let cleared = app
        .patch(
            &format!("/api/v1/partners/{id}"),
            &admin,
            &renamed.etag(),
            json!({"custom_fields": {"account_code": "  "}}),
        )
        .await;
    assert_eq!(cleared.problem(422), "validation_failed");

    // The change is in the partner's history.
    let history = app
        .get(
            &format!("/api/v1/history?entity_type=partner&entity_id={id}"),
            &admin,
        )
        .await;
    let changed: Vec<&str> = history.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|h| h["changes"].as_array().into_iter().flatten())
        .filter_map(|c| c["field"].as_str())
        .collect();
    assert!(changed.contains(&"custom_fields"), "{changed:?}");
}
both!(values_are_checked_like_any_field);

async fn only_administrators_define_fields(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@firma.hr", &["sales_rep"]).await;
    let body = json!({"entity": "persons", "key": "shoe_size", "label": "Shoe size", "field_type": "number"});
    assert_eq!(
        app.post("/api/v1/custom-fields", &rep, body.clone())
            .await
            .problem(403),
        "forbidden"
    );
    let field = app
        .post("/api/v1/custom-fields", &admin, body.clone())
        .await;
    field.ok(201);
    // Everyone reads the definitions: forms need them.
    let listed = app
        .get("/api/v1/custom-fields?entity=persons", &rep)
        .await
        .ok(200)
        .clone();
    assert_eq!(listed[0]["key"], "shoe_size");

    assert_eq!(
        app.post("/api/v1/custom-fields", &admin, body)
            .await
            .problem(409),
        "key_taken"
    );
    for (body, field, code) in [
        (
            json!({"entity": "persons", "key": "Bad Key", "label": "x", "field_type": "text"}),
            "key",
            "invalid_key",
        ),
        (
            json!({"entity": "persons", "key": "kind", "label": "Kind", "field_type": "choice"}),
            "options",
            "required",
        ),
        (
            json!({"entity": "persons", "key": "note", "label": "Note", "field_type": "text", "options": ["a"]}),
            "options",
            "not_allowed",
        ),
        (
            json!({"entity": "persons", "key": "pick", "label": "Pick", "field_type": "choice", "options": ["a", "a"]}),
            "options",
            "duplicate_option",
        ),
    ] {
        let res = app.post("/api/v1/custom-fields", &admin, body).await;
        assert_eq!(res.problem(422), "validation_failed");
        assert_eq!(res.body["errors"][0]["field"], field, "{}", res.body);
        assert_eq!(res.body["errors"][0]["code"], code, "{}", res.body);
    }

    // Label, options and flags change under If-Match; the key and type do not.
    let id = field.body["id"].as_str().unwrap_or_default();
    let stale = app
        .patch(
            &format!("/api/v1/custom-fields/{id}"),
            &admin,
            "\"0\"",
            json!({"label": "Size"}),
        )
        .await;
    assert_eq!(stale.problem(412), "version_mismatch");
    let renamed = app
        .patch(
            &format!("/api/v1/custom-fields/{id}"),
            &admin,
            &field.etag(),
            json!({"label": "Shoe size (EU)", "filterable": true}),
        )
        .await;
    assert_eq!(renamed.ok(200)["label"], "Shoe size (EU)");
    let retyped = app
        .patch(
            &format!("/api/v1/custom-fields/{id}"),
            &admin,
            &renamed.etag(),
            json!({"field_type": "text"}),
        )
        .await;
    retyped.problem(400);
}
both!(only_administrators_define_fields);

async fn search(app: &TestApp, token: &str, body: Value) -> Value {
    app.post("/api/v1/partners/search", token, body)
        .await
        .ok(200)
        .clone()
}

async fn lists_filter_and_sort_on_custom_fields(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    define_partner_fields(&app, &admin).await;
    for (name, fields) in [
        (
            "Alfa",
            json!({"employees": 12, "founded": "2001-05-01", "segment": "smb", "certified": true, "industries": ["it"]}),
        ),
        (
            "Beta",
            json!({"employees": 250, "founded": "1990-01-15", "segment": "enterprise", "industries": ["retail", "food"]}),
        ),
        ("Gama", json!({"employees": 3, "certified": false})),
        ("Delta", json!({"motto": "no numbers here"})),
        (
            "Epsilon",
            json!({"employees": 40.5, "segment": "smb", "industries": ["food"]}),
        ),
    ] {
        app.post(
            "/api/v1/partners",
            &admin,
            json!({"name": name, "custom_fields": fields}),
        )
        .await
        .ok(201);
    }
    let filter = |field: &str, op: &str, value: Value| json!({"filter": {"field": field, "op": op, "value": value}, "sort": "name"});
    for (body, expected) in [
        (
            filter("custom.employees", "gte", json!(40)),
            vec!["Beta", "Epsilon"],
        ),
        (
            filter("custom.employees", "lt", json!(12.5)),
            vec!["Alfa", "Gama"],
        ),
        (
            filter("custom.founded", "lt", json!("2000-01-01")),
            vec!["Beta"],
        ),
        (
            filter("custom.segment", "eq", json!("smb")),
            vec!["Alfa", "Epsilon"],
        ),
        (filter("custom.certified", "eq", json!(true)), vec!["Alfa"]),
        (
            filter("custom.industries", "eq", json!("food")),
            vec!["Beta", "Epsilon"],
        ),
        (
            filter("custom.industries", "in", json!(["it", "retail"])),
            vec!["Alfa", "Beta"],
        ),
        (
            filter("custom.industries", "is_null", json!(true)),
            vec!["Delta", "Gama"],
        ),
        (
            filter("custom.employees", "is_null", json!(true)),
            vec!["Delta"],
        ),
    ] {
        let page = search(&app, &admin, body.clone()).await;
        assert_eq!(names(&page), expected, "{body}");
    }

    // Sorted by a custom field, page by page: values in order, records without one last (first
    // when descending), every record exactly once.
    for (sort, expected) in [
        (
            "custom.employees",
            ["Gama", "Alfa", "Epsilon", "Beta", "Delta"],
        ),
        (
            "-custom.employees",
            ["Delta", "Beta", "Epsilon", "Alfa", "Gama"],
        ),
        (
            "custom.segment,name",
            ["Beta", "Alfa", "Epsilon", "Delta", "Gama"],
        ),
    ] {
        let mut seen = Vec::new();
        let mut cursor = Value::Null;
        loop {
            let page = search(
                &app,
                &admin,
                json!({"sort": sort, "limit": 2, "cursor": cursor}),
            )
            .await;
            seen.extend(names(&page));
            match page["next_cursor"].as_str() {
                Some(c) => cursor = json!(c),
                None => break,
            }
        }
        assert_eq!(seen, expected, "{sort}");
    }

    // A field not marked filterable, or a value the field cannot hold, is a clear 400.
    let motto = app
        .post(
            "/api/v1/partners/search",
            &admin,
            filter("custom.motto", "eq", json!("x")),
        )
        .await;
    assert_eq!(motto.problem(400), "invalid_filter");
    let wrong = app
        .post(
            "/api/v1/partners/search",
            &admin,
            filter("custom.segment", "eq", json!("tiny")),
        )
        .await;
    assert_eq!(wrong.problem(400), "invalid_filter");
    assert_eq!(
        app.post(
            "/api/v1/partners/search",
            &admin,
            json!({"sort": "custom.motto"})
        )
        .await
        .problem(400),
        "invalid_sort"
    );

    // The filter builder learns them from the field metadata, and saved views accept them.
    let meta = app
        .get("/api/v1/meta/partners/fields", &admin)
        .await
        .ok(200)
        .clone();
    let employees = meta["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "custom.employees")
        .cloned()
        .unwrap_or_default();
    assert_eq!(employees["label"], "Employees");
    assert_eq!(employees["type"], "number");
    assert_eq!(employees["sortable"], true);
    let industries = meta["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "custom.industries")
        .cloned()
        .unwrap_or_default();
    assert_eq!(industries["type"], "multi_enum");
    assert_eq!(industries["values"], json!(["it", "retail", "food"]));
    app.post(
        "/api/v1/saved-views",
        &admin,
        json!({"resource": "partners", "name": "Big ones", "filter": {"field": "custom.employees", "op": "gt", "value": 100}, "sort": "-custom.employees"}),
    )
    .await
    .ok(201);
}
both!(lists_filter_and_sort_on_custom_fields);

async fn persons_and_leads_carry_custom_fields(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    define(&app, &admin, json!({"entity": "persons", "key": "birthday", "label": "Birthday", "field_type": "date", "filterable": true})).await;
    define(&app, &admin, json!({"entity": "leads", "key": "budget", "label": "Budget", "field_type": "number", "filterable": true})).await;
    for (first, birthday) in [("Ivana", "1990-03-01"), ("Marek", "1985-11-20")] {
        let person = app
            .post(
                "/api/v1/persons",
                &admin,
                json!({"first_name": first, "last_name": "Test", "custom_fields": {"birthday": birthday}}),
            )
            .await;
        assert_eq!(person.ok(201)["custom_fields"]["birthday"], birthday);
    }
    let found = app
        .post(
            "/api/v1/persons/search",
            &admin,
            json!({"filter": {"field": "custom.birthday", "op": "gt", "value": "1989-01-01"}}),
        )
        .await;
    let firsts: Vec<&str> = found.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["first_name"].as_str())
        .collect();
    assert_eq!(firsts, ["Ivana"]);
    // A partner's field is not a person's.
    let wrong = app
        .post(
            "/api/v1/persons",
            &admin,
            json!({"first_name": "A", "last_name": "B", "custom_fields": {"budget": 5}}),
        )
        .await;
    assert_eq!(wrong.problem(422), "validation_failed");

    let lead = app
        .post(
            "/api/v1/leads",
            &admin,
            json!({"first_name": "Tomasz", "last_name": "Wójcik", "custom_fields": {"budget": 20000}}),
        )
        .await;
    assert_eq!(lead.ok(201)["custom_fields"]["budget"], 20000);
    let rich = app
        .post(
            "/api/v1/leads/search",
            &admin,
            json!({"filter": {"field": "custom.budget", "op": "gte", "value": 10000}}),
        )
        .await;
    assert_eq!(rich.ok(200)["items"][0]["first_name"], "Tomasz");
}
both!(persons_and_leads_carry_custom_fields);

async fn merge_keeps_values_and_deleting_a_field_removes_them(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    define_partner_fields(&app, &admin).await;
    let keep = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Podravka", "custom_fields": {"employees": 6000}}),
        )
        .await
        .ok(201)
        .clone();
    let dup = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Podravka d.d.", "custom_fields": {"employees": 1, "segment": "enterprise"}}),
        )
        .await
        .ok(201)
        .clone();
    let (kid, did) = (
        keep["id"].as_str().unwrap_or_default(),
        dup["id"].as_str().unwrap_or_default(),
    );
    let merged = app
        .post(
            &format!("/api/v1/partners/{kid}/merge"),
            &admin,
            json!({"duplicate_id": did}),
        )
        .await;
    assert_eq!(
        merged.ok(200)["partner"]["custom_fields"],
        json!({"employees": 6000, "segment": "enterprise"}),
        "the target's values win; what it lacked comes from the duplicate"
    );

    let defs = app
        .get("/api/v1/custom-fields?entity=partners", &admin)
        .await
        .ok(200)
        .clone();
    let segment = defs
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["key"] == "segment")
        .cloned()
        .unwrap_or_default();
    let sid = segment["id"].as_str().unwrap_or_default();
    let one = app
        .get(&format!("/api/v1/custom-fields/{sid}"), &admin)
        .await;
    app.delete(&format!("/api/v1/custom-fields/{sid}"), &admin, &one.etag())
        .await
        .ok(204);
    let after = app
        .get(&format!("/api/v1/partners/{kid}"), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(after["custom_fields"], json!({"employees": 6000}));
    assert_eq!(
        app.post(
            "/api/v1/partners/search",
            &admin,
            json!({"filter": {"field": "custom.segment", "op": "eq", "value": "smb"}})
        )
        .await
        .problem(400),
        "invalid_filter"
    );
    // The key is free again, for any type.
    define(&app, &admin, json!({"entity": "partners", "key": "segment", "label": "Segment", "field_type": "text", "filterable": true})).await;
    let retyped = app
        .post(
            "/api/v1/partners/search",
            &admin,
            json!({"filter": {"field": "custom.segment", "op": "contains", "value": "x"}}),
        )
        .await;
    assert!(names(retyped.ok(200)).is_empty());
}
both!(merge_keeps_values_and_deleting_a_field_removes_them);
