//! Territories and automatic assignment: where an address lies, which rule wins, conflicts,
//! validity, locked owners, preview against apply, history, deputies' rights and absence cover.
use crate::both;
use crate::helpers::{eventually, Engine, TestApp};
use serde_json::{json, Value};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

async fn territory(app: &TestApp, admin: &str, body: Value) -> String {
    id(app.post("/api/v1/territories", admin, body).await.ok(201))
}

async fn group(app: &TestApp, admin: &str, code: &str) -> String {
    id(app
        .post(
            "/api/v1/lists/partner_groups/items",
            admin,
            json!({"code": code, "name": code}),
        )
        .await
        .ok(201))
}

async fn user(app: &TestApp, email: &str) -> (String, String) {
    let (u, token) = app.user_with_roles(email, &["sales_rep"]).await;
    (id(&u), token)
}

/// Applies a table and waits for its job to finish.
async fn apply(app: &TestApp, admin: &str, rules: Value) -> Value {
    let applied = app
        .post("/api/v1/assignment/apply", admin, json!({"rules": rules}))
        .await;
    let job = applied.ok(202)["job_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    eventually("the reassignment job", || async {
        let j = app
            .get(&format!("/api/v1/admin/jobs/{job}"), admin)
            .await
            .ok(200)
            .clone();
        assert_ne!(j["status"], "dead", "{j}");
        (j["status"] == "done").then_some(())
    })
    .await;
    applied.body.clone()
}

async fn partner(app: &TestApp, token: &str, body: Value) -> Value {
    app.post("/api/v1/partners", token, body)
        .await
        .ok(201)
        .clone()
}

async fn get_partner(app: &TestApp, token: &str, pid: &str) -> Value {
    app.get(&format!("/api/v1/partners/{pid}"), token)
        .await
        .ok(200)
        .clone()
}

/// (user, role) pairs of a partner, sorted.
fn owners(p: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = p["owners"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["user_id"].as_str().unwrap_or_default().to_owned(),
                o["role"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

struct Map {
    hr: String,
    zagreb: String,
    retail: String,
}

/// Croatia, with Zagreb (postal codes 10000-10999) under it; a retail group.
async fn croatia(app: &TestApp, admin: &str) -> Map {
    let hr = territory(app, admin, json!({"name": "Hrvatska", "countries": ["hr"]})).await;
    let zagreb = territory(
        app,
        admin,
        json!({"name": "Zagreb", "parent_id": hr, "postal_codes": ["10000-10999"]}),
    )
    .await;
    Map {
        hr,
        zagreb,
        retail: group(app, admin, "retail").await,
    }
}

async fn the_most_specific_rule_wins(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let mut users = Vec::new();
    for i in 0..5 {
        users.push(user(&app, &format!("rep{i}@firma.test")).await.0);
    }
    apply(
        &app,
        &admin,
        json!([
            {"user_id": users[0], "role": "primary"},
            {"territory_id": m.hr, "group_id": m.retail, "user_id": users[1], "role": "primary"},
            {"territory_id": m.zagreb, "user_id": users[2], "role": "primary", "priority": 5},
            {"territory_id": m.zagreb, "group_id": m.retail, "user_id": users[3], "role": "primary", "priority": 9},
            {"territory_id": m.zagreb, "group_id": m.retail, "user_id": users[4], "role": "primary", "priority": 1},
        ]),
    )
    .await;
    let cases = [
        // (postal code, country, group, expected owner)
        (
            "10110",
            "HR",
            Some(&m.retail),
            4,
            "deeper territory, exact group, lower priority",
        ),
        (
            "10110",
            "HR",
            None,
            2,
            "deeper territory over an exact group higher up",
        ),
        (
            "21000",
            "HR",
            Some(&m.retail),
            1,
            "the country's retail rule",
        ),
        ("21000", "HR", None, 0, "only the rule for anywhere"),
        ("1010", "AT", Some(&m.retail), 0, "outside every territory"),
    ];
    for (postal, country, group, owner, why) in cases {
        let p = partner(
            &app,
            &admin,
            json!({"name": format!("Firma {postal} {country} {}", group.is_some()), "postal_code": postal, "country": country, "group_id": group}),
        )
        .await;
        assert_eq!(p["primary_owner_id"], users[owner].as_str(), "{why}");
        assert_eq!(
            owners(&p),
            [(users[owner].clone(), "primary".to_owned())],
            "{why}"
        );
    }
    // Moving a partner moves it to the rules of its new place.
    let p = partner(
        &app,
        &admin,
        json!({"name": "Selidba", "postal_code": "21000", "country": "HR"}),
    )
    .await;
    assert_eq!(p["territory_id"], m.hr.as_str());
    let moved = app
        .patch(
            &format!("/api/v1/partners/{}", id(&p)),
            &admin,
            &format!("\"{}\"", p["version"]),
            json!({"postal_code": "10 000"}),
        )
        .await;
    assert_eq!(moved.ok(200)["territory_id"], m.zagreb.as_str());
    assert_eq!(moved.body["primary_owner_id"], users[2].as_str());

    // Why is it theirs? The winning rule, and the ones it beat, best first.
    let why = app
        .get(&format!("/api/v1/partners/{}/assignment", id(&p)), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(why["territory_path"], json!(["Hrvatska", "Zagreb"]));
    let outcomes: Vec<(&str, &str)> = why["candidates"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            (
                c["rule"]["user_id"].as_str().unwrap_or_default(),
                c["outcome"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [(users[2].as_str(), "won"), (users[0].as_str(), "beaten")]
    );
    assert_eq!(why["candidates"][0]["rank"]["territory_depth"], 2);
}
both!(the_most_specific_rule_wins);

async fn ties_are_reported_not_resolved(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let (a, _) = user(&app, "ana@firma.test").await;
    let (b, _) = user(&app, "bruno@firma.test").await;
    let p = partner(
        &app,
        &admin,
        json!({"name": "Kraš", "postal_code": "10000", "country": "HR"}),
    )
    .await;
    let tied = json!([
        {"territory_id": m.zagreb, "user_id": a, "role": "primary", "priority": 1},
        {"territory_id": m.zagreb, "user_id": b, "role": "primary", "priority": 1},
    ]);
    let preview = app
        .post("/api/v1/assignment/preview", &admin, json!({"rules": tied}))
        .await
        .ok(200)
        .clone();
    assert_eq!(preview["conflicts"], 1);
    assert_eq!(preview["changed"], 0, "a conflict changes nothing");
    assert_eq!(preview["conflict_items"][0]["partner_name"], "Kraš");
    assert_eq!(
        preview["conflict_items"][0]["rule_ids"],
        json!(["new:0", "new:1"])
    );
    apply(&app, &admin, tied).await;
    let kept = get_partner(&app, &admin, &id(&p)).await;
    assert_eq!(owners(&kept).len(), 1);
    assert_ne!(kept["primary_owner_id"], a.as_str());
    assert_ne!(kept["primary_owner_id"], b.as_str());
    let pending = app
        .get("/api/v1/assignment/pending", &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(pending["conflicts"], 1, "the conflicts report lists it");
    let why = app
        .get(&format!("/api/v1/partners/{}/assignment", id(&p)), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(why["conflict"], true);
    assert_eq!(why["candidates"][0]["outcome"], "tied");

    // A proposed table with mistakes is refused whole, naming each.
    let bad = app
        .post(
            "/api/v1/assignment/preview",
            &admin,
            json!({"rules": [
                {"territory_id": m.zagreb, "user_id": a, "role": "boss"},
                {"territory_id": "nowhere", "user_id": "nobody", "role": "primary", "valid_from": "2027-01-02", "valid_to": "2027-01-01"},
            ]}),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
    let mut fields: Vec<&str> = bad.body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "rules.0.role",
            "rules.1.territory_id",
            "rules.1.user_id",
            "rules.1.valid_to"
        ]
    );
}
both!(ties_are_reported_not_resolved);

async fn rules_apply_only_within_their_dates(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let (past, _) = user(&app, "prije@firma.test").await;
    let (future, _) = user(&app, "poslije@firma.test").await;
    let (now, _) = user(&app, "sada@firma.test").await;
    let today = chrono::Utc::now().date_naive();
    apply(
        &app,
        &admin,
        json!([
            {"territory_id": m.zagreb, "user_id": past, "role": "primary", "valid_to": today - chrono::Duration::days(1)},
            {"territory_id": m.zagreb, "user_id": future, "role": "primary", "valid_from": today + chrono::Duration::days(1)},
            {"territory_id": m.hr, "user_id": now, "role": "primary", "valid_from": today, "valid_to": today},
        ]),
    )
    .await;
    let p = partner(
        &app,
        &admin,
        json!({"name": "Pliva", "postal_code": "10000", "country": "HR"}),
    )
    .await;
    assert_eq!(p["primary_owner_id"], now.as_str());
}
both!(rules_apply_only_within_their_dates);

async fn deputies_and_shared_owners_work_the_partner(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let (ana, ana_token) = user(&app, "ana@firma.test").await;
    let (marko, marko_token) = user(&app, "marko@firma.test").await;
    let (iva, iva_token) = user(&app, "iva@firma.test").await;
    let (_, other_token) = user(&app, "netko@firma.test").await;
    apply(
        &app,
        &admin,
        json!([
            {"territory_id": m.zagreb, "user_id": ana, "role": "primary"},
            {"territory_id": m.zagreb, "user_id": marko, "role": "deputy"},
            {"territory_id": m.hr, "user_id": iva, "role": "shared"},
        ]),
    )
    .await;
    let p = partner(
        &app,
        &admin,
        json!({"name": "Podravka", "postal_code": "10000", "country": "HR"}),
    )
    .await;
    let pid = id(&p);
    let mut expected = vec![
        (ana.clone(), "primary".to_owned()),
        (iva.clone(), "shared".to_owned()),
        (marko.clone(), "deputy".to_owned()),
    ];
    expected.sort();
    assert_eq!(owners(&p), expected);
    let person = app
        .post(
            "/api/v1/persons",
            &admin,
            json!({"first_name": "Ivo", "last_name": "Horvat", "partner_id": pid}),
        )
        .await;
    let person_id = id(person.ok(201));
    for (who, token) in [
        ("deputy", &marko_token),
        ("shared", &iva_token),
        ("primary", &ana_token),
    ] {
        get_partner(&app, token, &pid).await;
        app.get(&format!("/api/v1/persons/{person_id}"), token)
            .await
            .ok(200);
        let mine = app.get("/api/v1/partners?mine=true", token).await;
        assert_eq!(mine.ok(200)["items"][0]["id"], pid.as_str(), "{who}");
    }
    // The deputy works on it as the primary does.
    let current = get_partner(&app, &marko_token, &pid).await;
    app.patch(
        &format!("/api/v1/partners/{pid}"),
        &marko_token,
        &format!("\"{}\"", current["version"]),
        json!({"notes": "Zamjena dok je Ana odsutna"}),
    )
    .await
    .ok(200);
    // Someone else sees nothing of it.
    assert_eq!(
        app.get(&format!("/api/v1/partners/{pid}"), &other_token)
            .await
            .status,
        404
    );
    assert_eq!(
        app.get(&format!("/api/v1/persons/{person_id}"), &other_token)
            .await
            .status,
        404
    );
    let theirs = app.get("/api/v1/partners?mine=true", &other_token).await;
    assert_eq!(theirs.ok(200)["items"], json!([]));
    // Having created it does not make it the administrator's: the rules gave it away.
    let created = app.get("/api/v1/partners?mine=true", &admin).await;
    assert_eq!(created.ok(200)["items"], json!([]));
    let searched = app
        .post(
            "/api/v1/partners/search?mine=true",
            &marko_token,
            json!({"filter": {"field": "name", "op": "eq", "value": "Podravka"}}),
        )
        .await;
    assert_eq!(searched.ok(200)["items"][0]["id"], pid.as_str());

    // While Ana is away, an overdue deadline on her partner alarms her deputy owner.
    let today = app.clock.now().date_naive();
    app.post(
        "/api/v1/absences",
        &ana_token,
        json!({"starts_on": today, "ends_on": today + chrono::Duration::days(3)}),
    )
    .await
    .ok(201);
    app.post(
        "/api/v1/deadlines",
        &ana_token,
        json!({"title": "Ponuda Podravki", "due_at": app.clock.now() + chrono::Duration::minutes(1), "partner_id": pid}),
    )
    .await
    .ok(201);
    app.clock.advance(chrono::Duration::minutes(3));
    eventually("the deputy owner's alarm", || async {
        let page = app.get("/api/v1/notifications", &marko_token).await;
        page.ok(200)["items"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|n| n["kind"] == "deadline_overdue")
            .then_some(())
    })
    .await;
}
both!(deputies_and_shared_owners_work_the_partner);

async fn preview_equals_apply_and_history_names_the_rule(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let (ana, _) = user(&app, "ana@firma.test").await;
    let (bruno, bruno_token) = user(&app, "bruno@firma.test").await;
    let (locker, locker_token) = user(&app, "rucno@firma.test").await;
    let applied = apply(
        &app,
        &admin,
        json!([{"territory_id": m.zagreb, "user_id": ana, "role": "primary"}]),
    )
    .await;
    let ana_rule = applied["rules"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut ids = Vec::new();
    for i in 0..7 {
        let postal = if i % 2 == 0 { "10000" } else { "21000" };
        ids.push(id(&partner(
            &app,
            &admin,
            json!({"name": format!("P{i}"), "postal_code": postal, "country": "HR"}),
        )
        .await));
    }
    // One partner's owners are set by hand and locked.
    let locked = ids[0].clone();
    app.send(
        reqwest::Method::PUT,
        &format!("/api/v1/partners/{locked}/owners"),
        Some(&admin),
        &[],
        Some(json!({"primary_id": locker, "locked": true})),
    )
    .await
    .ok(200);

    // Zagreb goes to Bruno; the rest of Croatia to Ana.
    let table = json!([
        {"id": ana_rule, "territory_id": m.hr, "user_id": ana, "role": "primary"},
        {"territory_id": m.zagreb, "user_id": bruno, "role": "primary"},
    ]);
    let preview = app
        .post(
            "/api/v1/assignment/preview",
            &admin,
            json!({"rules": table}),
        )
        .await
        .ok(200)
        .clone();
    // Zagreb's three unlocked partners move to Bruno; the other three move to Ana.
    assert_eq!(preview["changed"], 6, "{preview}");
    let expected: Vec<(String, Value)> = preview["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["partner_id"].as_str().unwrap_or_default().to_owned(),
                i["to"].clone(),
            )
        })
        .collect();
    assert!(
        expected.iter().all(|(p, _)| *p != locked),
        "locked owners stay"
    );
    // Bruno is away; whoever stands in for him hears of the partners he gains.
    let today = app.clock.now().date_naive();
    app.post(
        "/api/v1/absences",
        &bruno_token,
        json!({"starts_on": today, "ends_on": today, "deputy_id": locker}),
    )
    .await
    .ok(201);
    apply(&app, &admin, table).await;
    let told = app
        .get("/api/v1/notifications", &locker_token)
        .await
        .ok(200)
        .clone();
    assert_eq!(told["items"][0]["kind"], "partners_assigned", "{told}");
    assert_eq!(told["items"][0]["title"], "3 partners were assigned to you");
    let bruno_bell = app
        .get("/api/v1/notifications", &bruno_token)
        .await
        .ok(200)
        .clone();
    assert_eq!(
        bruno_bell["items"],
        json!([]),
        "the absent owner is not disturbed"
    );
    for (pid, to) in &expected {
        let p = get_partner(&app, &admin, pid).await;
        let primary = to
            .as_array()
            .into_iter()
            .flatten()
            .find(|o| o["role"] == "primary");
        assert_eq!(
            p["primary_owner_id"],
            primary.map(|o| o["user_id"].clone()).unwrap_or(Value::Null),
            "apply did what the preview showed"
        );
        assert_eq!(
            p["owners"].as_array().map(Vec::len),
            to.as_array().map(Vec::len)
        );
    }
    let locked_now = get_partner(&app, &admin, &locked).await;
    assert_eq!(locked_now["primary_owner_id"], locker.as_str());
    assert_eq!(locked_now["owners_locked"], true);

    // Each change is in the partner's history, naming the rule.
    let moved = &expected[0].0;
    let history = app
        .get(
            &format!("/api/v1/history?entity_type=partner&entity_id={moved}"),
            &admin,
        )
        .await
        .ok(200)
        .clone();
    let assigned: Vec<&Value> = history["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["action"] == "assign")
        .collect();
    assert!(!assigned.is_empty(), "{history}");
    let rule_change = assigned[0]["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["field"] == "rule_id")
        .cloned();
    assert!(
        rule_change.is_some_and(|c| c["new"].is_string()),
        "{}",
        assigned[0]
    );
    // Nothing is left to do.
    let pending = app
        .get("/api/v1/assignment/pending", &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(pending["changed"], 0, "{pending}");

    // Unlocked, the hand-set partner follows the table on the next run.
    app.post(
        "/api/v1/partners/bulk",
        &admin,
        json!({"ids": [locked], "action": "set_owner", "owner_id": locker, "lock": false}),
    )
    .await
    .ok(200);
    let pending = app
        .get("/api/v1/assignment/pending", &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(pending["changed"], 1, "{pending}");
    assert_eq!(pending["items"][0]["partner_id"], locked.as_str());
}
both!(preview_equals_apply_and_history_names_the_rule);

async fn territories_are_a_checked_tree(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let (_, rep) = user(&app, "rep@firma.test").await;
    // Reps read territories but do not change them.
    assert_eq!(
        app.get("/api/v1/territories", &rep)
            .await
            .ok(200)
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(
        app.post("/api/v1/territories", &rep, json!({"name": "X"}))
            .await
            .status,
        403
    );
    let bad = app
        .post(
            "/api/v1/territories",
            &admin,
            json!({"name": "Loše", "countries": ["Croatia"], "postal_codes": ["10999-10000"], "parent_id": "nowhere"}),
        )
        .await;
    assert_eq!(bad.problem(422), "validation_failed");
    assert_eq!(
        bad.body["errors"].as_array().map(Vec::len),
        Some(3),
        "{}",
        bad.body
    );
    // A territory cannot move under its own child.
    let hr = app.get("/api/v1/territories", &admin).await.ok(200).clone();
    let version = hr
        .as_array()
        .into_iter()
        .flatten()
        .find(|t| t["id"] == m.hr.as_str())
        .map(|t| t["version"].clone())
        .unwrap_or_default();
    let cycle = app
        .patch(
            &format!("/api/v1/territories/{}", m.hr),
            &admin,
            &format!("\"{version}\""),
            json!({"parent_id": m.zagreb}),
        )
        .await;
    assert_eq!(cycle.body["errors"][0]["code"], "cycle");
    let busy = app
        .delete(
            &format!("/api/v1/territories/{}", m.hr),
            &admin,
            &format!("\"{version}\""),
        )
        .await;
    assert_eq!(busy.problem(409), "territory_has_children");

    // A partner's branch lies in a territory of its own.
    let p = partner(
        &app,
        &admin,
        json!({"name": "Franck", "postal_code": "21000", "country": "HR"}),
    )
    .await;
    let branch = app
        .post(
            &format!("/api/v1/partners/{}/branches", id(&p)),
            &admin,
            json!({"name": "Zagreb", "postal_code": "10500", "country": "HR"}),
        )
        .await;
    assert_eq!(branch.ok(201)["territory_id"], m.zagreb.as_str());
    assert_eq!(p["territory_id"], m.hr.as_str());

    // Narrowing Zagreb relocates partners by a job.
    let zg = app.get("/api/v1/territories", &admin).await.ok(200).clone();
    let zg_version = zg
        .as_array()
        .into_iter()
        .flatten()
        .find(|t| t["id"] == m.zagreb.as_str())
        .map(|t| t["version"].clone())
        .unwrap_or_default();
    let inside = partner(
        &app,
        &admin,
        json!({"name": "Unutra", "postal_code": "10500", "country": "HR"}),
    )
    .await;
    assert_eq!(inside["territory_id"], m.zagreb.as_str());
    app.patch(
        &format!("/api/v1/territories/{}", m.zagreb),
        &admin,
        &format!("\"{zg_version}\""),
        json!({"postal_codes": ["10000-10099"]}),
    )
    .await
    .ok(200);
    eventually("the relocation", || async {
        let p = get_partner(&app, &admin, &id(&inside)).await;
        (p["territory_id"] == m.hr.as_str()).then_some(())
    })
    .await;
    // Branches follow in the same job, after the partners.
    eventually("the branch's relocation", || async {
        let branches = app
            .get(&format!("/api/v1/partners/{}/branches", id(&p)), &admin)
            .await
            .ok(200)
            .clone();
        (branches["items"][0]["territory_id"] == m.hr.as_str()).then_some(())
    })
    .await;
    let listed = app
        .get(&format!("/api/v1/partners?territory_id={}", m.hr), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(
        listed["items"].as_array().map(Vec::len),
        Some(2),
        "Croatia includes Zagreb"
    );
}
both!(territories_are_a_checked_tree);

async fn managers_see_reports_and_hand_out_unassigned_partners(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let m = croatia(&app, &admin).await;
    let (ana, ana_token) = user(&app, "ana@firma.test").await;
    let (_, boss) = app.user_with_roles("sefica@firma.test", &["manager"]).await;
    apply(
        &app,
        &admin,
        json!([{"territory_id": m.zagreb, "user_id": ana, "role": "primary"}]),
    )
    .await;
    for i in 0..3 {
        partner(
            &app,
            &admin,
            json!({"name": format!("Z{i}"), "postal_code": "10000", "country": "HR"}),
        )
        .await;
    }
    // A partner with no owner at all: unassigned.
    let orphan = partner(&app, &admin, json!({"name": "Siroče", "country": "DE"})).await;
    app.send(
        reqwest::Method::PUT,
        &format!("/api/v1/partners/{}/owners", id(&orphan)),
        Some(&admin),
        &[],
        Some(json!({})),
    )
    .await
    .ok(200);
    let report = app
        .get("/api/v1/assignment/reports/owners", &admin)
        .await
        .ok(200)
        .clone();
    assert!(
        report
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["user_id"] == ana.as_str()
                && r["territory_id"] == m.zagreb.as_str()
                && r["partners"] == 3),
        "{report}"
    );
    let unassigned = app
        .get("/api/v1/assignment/reports/unassigned", &boss)
        .await
        .ok(200)
        .clone();
    assert_eq!(unassigned[0]["name"], "Siroče");
    assert_eq!(
        app.get("/api/v1/assignment/reports/unassigned", &ana_token)
            .await
            .status,
        403
    );
    let handed = app
        .post(
            "/api/v1/partners/bulk",
            &admin,
            json!({"ids": [id(&orphan)], "action": "set_owner", "owner_id": ana, "lock": true}),
        )
        .await;
    assert_eq!(handed.ok(200)["changed"], 1);
    let p = get_partner(&app, &ana_token, &id(&orphan)).await;
    assert_eq!(p["owners_locked"], true);
    assert_eq!(owners(&p), [(ana.clone(), "primary".to_owned())]);
}
both!(managers_see_reports_and_hand_out_unassigned_partners);
