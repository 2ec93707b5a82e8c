//! Partners: tax id checks per country, managed lists, ownership and scope, duplicates, concurrency.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::{json, Value};

async fn item(app: &TestApp, admin: &str, list: &str, code: &str, name: &str) -> String {
    let res = app
        .post(
            &format!("/api/v1/lists/{list}/items"),
            admin,
            json!({"code": code, "name": name}),
        )
        .await;
    res.ok(201)["id"].as_str().unwrap_or_default().to_owned()
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

async fn tax_ids_are_checked_per_country(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let valid = [
        ("HR", "HR 69435151530", "69435151530"),
        ("PL", "526-025-02-74", "5260250274"),
        ("RO", "RO18547290", "18547290"),
        ("DE", "DE123456789", "123456789"),
        ("AT", "ATU12345678", "U12345678"),
    ];
    for (i, (country, raw, stored)) in valid.iter().enumerate() {
        let res = app
            .post(
                "/api/v1/partners",
                &admin,
                json!({"name": format!("Firma {i}"), "tax_id": raw, "tax_country": country}),
            )
            .await;
        assert_eq!(res.ok(201)["tax_id"], *stored, "{country} {raw}");
    }
    let invalid = [
        ("HR", "69435151531", "invalid_checksum"),
        ("PL", "5260250275", "invalid_checksum"),
        ("RO", "18547291", "invalid_checksum"),
        ("HR", "123", "invalid_tax_id"),
        ("NL", "NL123456789", "invalid_tax_id"),
    ];
    for (country, raw, code) in invalid {
        let res = app
            .post(
                "/api/v1/partners",
                &admin,
                json!({"name": "Bad", "tax_id": raw, "tax_country": country}),
            )
            .await;
        assert_eq!(res.problem(422), "validation_failed", "{country} {raw}");
        assert_eq!(res.body["errors"][0]["field"], "tax_id");
        assert_eq!(res.body["errors"][0]["code"], code, "{country} {raw}");
    }
    let no_country = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Bad", "tax_id": "69435151530"}),
        )
        .await;
    assert_eq!(no_country.body["errors"][0]["field"], "tax_country");
    let total = app.get("/api/v1/partners?count=true", &admin).await;
    assert_eq!(
        total.ok(200)["total"],
        5,
        "refused partners were not written"
    );
}
both!(tax_ids_are_checked_per_country);

async fn partners_use_managed_lists(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let doo = item(&app, &admin, "legal_forms", "doo", "d.o.o.").await;
    let retail = item(&app, &admin, "partner_groups", "retail", "Maloprodaja").await;
    item(&app, &admin, "tags", "vip", "VIP").await;
    let dup = app
        .post(
            "/api/v1/lists/tags/items",
            &admin,
            json!({"code": "vip", "name": "Again"}),
        )
        .await;
    assert_eq!(dup.problem(409), "code_taken");
    assert_eq!(
        app.get("/api/v1/lists/spaceships/items", &admin)
            .await
            .problem(404),
        "not_found"
    );

    let created = app
        .post("/api/v1/partners", &admin, json!({
            "name": "Konzum d.d.", "legal_form_id": doo, "group_id": retail, "tags": ["vip"],
            "city": "Zagreb", "country": "HR", "emails": ["Info@Konzum.HR"], "phones": ["+385 1 4567 890"], "is_supplier": true
        }))
        .await;
    let partner = created.ok(201).clone();
    assert_eq!(partner["emails"], json!(["info@konzum.hr"]));
    assert_eq!(
        partner["owners"],
        json!([{"user_id": partner["primary_owner_id"], "role": "primary", "rule_id": null}])
    );
    let wrong_list = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "X", "group_id": doo}),
        )
        .await;
    assert_eq!(wrong_list.body["errors"][0]["code"], "unknown_item");
    let unknown_tag = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "X", "tags": ["gold"]}),
        )
        .await;
    assert_eq!(unknown_tag.body["errors"][0]["field"], "tags");
    let custom = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "X", "custom_fields": {"color": "red"}}),
        )
        .await;
    assert_eq!(custom.body["errors"][0]["code"], "unknown_custom_field");
    let bad_email = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "X", "emails": ["nope"]}),
        )
        .await;
    assert_eq!(bad_email.body["errors"][0]["field"], "emails");

    let by_group = app
        .get(&format!("/api/v1/partners?group_id={retail}"), &admin)
        .await;
    assert_eq!(names(by_group.ok(200)), vec!["Konzum d.d."]);
    let by_tag = app
        .get("/api/v1/partners?tag=vip&is_supplier=true", &admin)
        .await;
    assert_eq!(names(by_tag.ok(200)), vec!["Konzum d.d."]);
    let tree = app.post("/api/v1/partners/search", &admin, json!({"filter": {"and": [{"field": "city", "op": "eq", "value": "Zagreb"}, {"field": "status", "op": "eq", "value": "active"}]}})).await;
    assert_eq!(names(tree.ok(200)), vec!["Konzum d.d."]);
}
both!(partners_use_managed_lists);

async fn sales_reps_see_only_their_partners(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (ana, ana_token) = app.user_with_roles("ana@example.com", &["sales_rep"]).await;
    let (_, marek_token) = app
        .user_with_roles("marek@example.com", &["sales_rep"])
        .await;
    let (boss, boss_token) = app.user_with_roles("boss@example.com", &["manager"]).await;
    app.post(
        "/api/v1/teams",
        &admin,
        json!({"name": "Zagreb", "manager_id": boss["id"], "member_ids": [ana["id"]]}),
    )
    .await
    .ok(201);

    let mine = app
        .post(
            "/api/v1/partners",
            &ana_token,
            json!({"name": "Podravka d.d.", "city": "Koprivnica"}),
        )
        .await
        .ok(201)
        .clone();
    app.post(
        "/api/v1/partners",
        &marek_token,
        json!({"name": "Orlen S.A.", "city": "Płock"}),
    )
    .await
    .ok(201);
    let id = mine["id"].as_str().unwrap_or_default();
    assert_eq!(mine["primary_owner_id"], ana["id"]);

    assert_eq!(
        names(app.get("/api/v1/partners", &ana_token).await.ok(200)),
        vec!["Podravka d.d."]
    );
    assert_eq!(
        names(app.get("/api/v1/partners", &marek_token).await.ok(200)),
        vec!["Orlen S.A."]
    );
    assert_eq!(
        names(app.get("/api/v1/partners", &boss_token).await.ok(200)),
        vec!["Podravka d.d."],
        "a manager sees the team's"
    );
    assert_eq!(
        names(app.get("/api/v1/partners?sort=name", &admin).await.ok(200)),
        vec!["Orlen S.A.", "Podravka d.d."]
    );

    // Every endpoint answers 404 for a partner outside the caller's scope.
    let path = format!("/api/v1/partners/{id}");
    assert_eq!(app.get(&path, &marek_token).await.problem(404), "not_found");
    assert_eq!(
        app.patch(&path, &marek_token, "\"1\"", json!({"name": "Mine now"}))
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        app.delete(&path, &marek_token, "\"1\"").await.problem(404),
        "not_found"
    );
    assert_eq!(
        app.post(&format!("{path}/restore"), &marek_token, json!({}))
            .await
            .problem(404),
        "not_found"
    );
    let owners = app
        .send(
            reqwest::Method::PUT,
            &format!("{path}/owners"),
            Some(&marek_token),
            &[],
            Some(json!({"primary_id": null})),
        )
        .await;
    assert_eq!(owners.problem(404), "not_found");
    // The owner edits but may neither delete (no grant) nor reassign.
    let edited = app
        .patch(
            &path,
            &ana_token,
            "\"1\"",
            json!({"notes": "Ključni kupac"}),
        )
        .await;
    assert_eq!(edited.ok(200)["notes"], "Ključni kupac");
    assert_eq!(
        app.delete(&path, &ana_token, "\"2\"").await.problem(403),
        "forbidden"
    );
    let reassign = app
        .send(
            reqwest::Method::PUT,
            &format!("{path}/owners"),
            Some(&ana_token),
            &[],
            Some(json!({"primary_id": null})),
        )
        .await;
    assert_eq!(reassign.problem(403), "forbidden");

    // The manager hands the partner to Marek and keeps Ana as deputy: Marek now sees it, Ana still does.
    let marek_id = app.get("/api/v1/auth/me", &marek_token).await.ok(200)["user"]["id"].clone();
    let handed = app
        .send(
            reqwest::Method::PUT,
            &format!("{path}/owners"),
            Some(&boss_token),
            &[],
            Some(json!({"primary_id": marek_id, "deputy_ids": [ana["id"]]})),
        )
        .await;
    assert_eq!(handed.ok(200)["primary_owner_id"], marek_id);
    app.get(&path, &marek_token).await.ok(200);
    app.get(&path, &ana_token).await.ok(200);
    let history = app
        .get(
            &format!("/api/v1/history?entity_type=partner&entity_id={id}"),
            &admin,
        )
        .await;
    assert_eq!(history.ok(200)["items"][0]["action"], "assign");
}
both!(sales_reps_see_only_their_partners);

async fn duplicates_are_reported_before_create(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    app.post("/api/v1/partners", &admin, json!({"name": "Kraš d.d.", "city": "Zagreb", "tax_id": "69435151530", "tax_country": "HR", "emails": ["info@kras.hr"]})).await.ok(201);
    let mine = app
        .post(
            "/api/v1/partners",
            &rep,
            json!({"name": "KRAS DD", "city": "zagreb"}),
        )
        .await
        .ok(201)
        .clone();

    let check = app.post("/api/v1/partners/duplicates", &admin, json!({"name": "Kraš", "city": "Zagreb", "tax_id": "HR69435151530", "tax_country": "HR", "emails": ["INFO@kras.hr"]})).await;
    let matches = check.ok(200)["matches"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(matches.len(), 2, "{matches:?}");
    let first = matches
        .iter()
        .find(|m| m["partner"]["tax_id"] == "69435151530")
        .cloned()
        .unwrap_or_default();
    let mut reasons: Vec<String> = first["reasons"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r.as_str().map(str::to_owned))
        .collect();
    reasons.sort();
    assert_eq!(reasons, vec!["email", "name_city", "tax_id"]);
    // The rep sees their own match, and only a count of the one outside their scope.
    let rep_check = app
        .post(
            "/api/v1/partners/duplicates",
            &rep,
            json!({"name": "Kraš d.d.", "city": "Zagreb"}),
        )
        .await;
    assert_eq!(rep_check.ok(200)["matches"][0]["partner"]["id"], mine["id"]);
    assert_eq!(rep_check.body["hidden_matches"], 1);
    let none = app
        .post(
            "/api/v1/partners/duplicates",
            &admin,
            json!({"name": "Ledo"}),
        )
        .await;
    assert_eq!(none.ok(200)["matches"], json!([]));
    // A city written in capitals still matches when its first letter is beyond ASCII.
    app.post(
        "/api/v1/partners",
        &admin,
        json!({"name": "Jadran", "city": "Šibenik"}),
    )
    .await
    .ok(201);
    let capitals = app
        .post(
            "/api/v1/partners/duplicates",
            &admin,
            json!({"name": "JADRAN", "city": "ŠIBENIK"}),
        )
        .await;
    assert_eq!(
        capitals.ok(200)["matches"][0]["reasons"],
        json!(["name_city"])
    );
}
both!(duplicates_are_reported_before_create);

async fn partner_changes_are_versioned_and_trashed(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let p = app
        .post("/api/v1/partners", &admin, json!({"name": "Dukat d.d."}))
        .await
        .ok(201)
        .clone();
    let path = format!("/api/v1/partners/{}", p["id"].as_str().unwrap_or_default());
    let (a, b) = tokio::join!(
        app.patch(&path, &admin, "\"1\"", json!({"city": "Zagreb"})),
        app.patch(&path, &admin, "\"1\"", json!({"city": "Split"})),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 412]);
    assert_eq!(
        app.patch(&path, &admin, "\"2\"", json!({"id": "x"}))
            .await
            .problem(400),
        "unknown_field"
    );
    assert_eq!(app.delete(&path, &admin, "\"2\"").await.status, 204);
    assert_eq!(app.get(&path, &admin).await.problem(404), "not_found");
    let trash = app.get("/api/v1/partners?trashed=true", &admin).await;
    assert_eq!(names(trash.ok(200)), vec!["Dukat d.d."]);
    app.post(&format!("{path}/restore"), &admin, json!({}))
        .await
        .ok(200);
    let history = app
        .get(
            &format!(
                "/api/v1/history?entity_type=partner&entity_id={}",
                p["id"].as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await;
    let actions: Vec<&str> = history.ok(200)["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, vec!["restore", "delete", "update", "create"]);
}
both!(partner_changes_are_versioned_and_trashed);

async fn merging_moves_everything_and_leaves_history(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (ana, ana_token) = app.user_with_roles("ana@example.com", &["sales_rep"]).await;
    let keep = app
        .post(
            "/api/v1/partners",
            &admin,
            json!({"name": "Kraš d.d.", "city": "Zagreb"}),
        )
        .await
        .ok(201)
        .clone();
    let dup = app
        .post(
            "/api/v1/partners",
            &ana_token,
            json!({"name": "KRAS DD", "city": "Zagreb"}),
        )
        .await
        .ok(201)
        .clone();
    let (kid, did) = (
        keep["id"].as_str().unwrap_or_default(),
        dup["id"].as_str().unwrap_or_default(),
    );
    app.post(
        &format!("/api/v1/partners/{did}/branches"),
        &ana_token,
        json!({"name": "Skladište"}),
    )
    .await
    .ok(201);
    let person = app.post("/api/v1/persons", &ana_token, json!({"first_name": "Ivo", "last_name": "Ivić", "partner_id": did, "emails": ["ivo@kras.hr"]})).await.ok(201).clone();
    app.post(
        "/api/v1/activities",
        &ana_token,
        json!({"kind": "visit", "subject": "Posjet", "partner_id": did}),
    )
    .await
    .ok(201);

    assert_eq!(
        app.post(
            &format!("/api/v1/partners/{kid}/merge"),
            &ana_token,
            json!({"duplicate_id": did})
        )
        .await
        .problem(404),
        "not_found",
        "Ana cannot see the one that stays"
    );
    let merged = app
        .post(
            &format!("/api/v1/partners/{kid}/merge"),
            &admin,
            json!({"duplicate_id": did}),
        )
        .await;
    let merged = merged.ok(200).clone();
    assert_eq!(
        (
            merged["moved_branches"].as_u64(),
            merged["moved_persons"].as_u64(),
            merged["moved_activities"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert!(
        merged["partner"]["owners"].as_array().is_some_and(
            |o| o.contains(&json!({"user_id": ana["id"], "role": "shared", "rule_id": null}))
        ),
        "the duplicate's owner keeps access"
    );
    assert_eq!(
        app.get(&format!("/api/v1/partners/{did}"), &admin)
            .await
            .problem(404),
        "not_found"
    );
    let overview = app
        .get(&format!("/api/v1/partners/{kid}/overview"), &ana_token)
        .await;
    let overview = overview.ok(200).clone();
    assert_eq!(overview["branches"][0]["name"], "Skladište");
    assert_eq!(overview["persons"][0]["id"], person["id"]);
    assert_eq!(overview["activity_count"], 1);
    assert_eq!(overview["recent_activities"][0]["subject"], "Posjet");
    assert!(overview["owners"].as_array().is_some_and(|o| o
        .iter()
        .any(|x| x["name"] == "Administrator" && x["role"] == "primary")));
    let history = app
        .get(
            &format!("/api/v1/history?entity_type=partner&entity_id={kid}"),
            &admin,
        )
        .await;
    assert_eq!(history.ok(200)["items"][0]["action"], "merge");
    assert_eq!(
        history.body["items"][0]["changes"][0],
        json!({"field": "merged_from", "old": null, "new": did})
    );
    assert_eq!(
        app.post(
            &format!("/api/v1/partners/{kid}/merge"),
            &admin,
            json!({"duplicate_id": kid})
        )
        .await
        .body["errors"][0]["code"],
        "same_partner"
    );

    // Persons merge the same way.
    let twin = app.post("/api/v1/persons", &admin, json!({"first_name": "Ivo", "last_name": "Ivić", "emails": ["ivo.ivic@gmail.com"], "phones": ["+385 91 111 2222"]})).await.ok(201).clone();
    let pid = person["id"].as_str().unwrap_or_default();
    let kept = app
        .post(
            &format!("/api/v1/persons/{pid}/merge"),
            &admin,
            json!({"duplicate_id": twin["id"]}),
        )
        .await;
    assert_eq!(
        kept.ok(200)["emails"],
        json!(["ivo@kras.hr", "ivo.ivic@gmail.com"])
    );
    assert_eq!(kept.body["phones"], json!(["+385 91 111 2222"]));
    assert_eq!(
        app.get(
            &format!(
                "/api/v1/persons/{}",
                twin["id"].as_str().unwrap_or_default()
            ),
            &admin
        )
        .await
        .problem(404),
        "not_found"
    );
}
both!(merging_moves_everything_and_leaves_history);

async fn null_clears_links_and_bulk_actions_are_all_or_nothing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    let retail = item(&app, &admin, "partner_groups", "retail", "Maloprodaja").await;
    item(&app, &admin, "tags", "vip", "VIP").await;
    item(&app, &admin, "tags", "export", "Izvoz").await;
    let a = app.post("/api/v1/partners", &rep, json!({"name": "Alfa", "group_id": retail, "country": "HR", "tax_id": "69435151530", "tax_country": "HR", "tags": ["vip"]})).await.ok(201).clone();
    let b = app
        .post("/api/v1/partners", &rep, json!({"name": "Beta"}))
        .await
        .ok(201)
        .clone();
    let hidden = app
        .post("/api/v1/partners", &admin, json!({"name": "Gama"}))
        .await
        .ok(201)
        .clone();
    let path = format!("/api/v1/partners/{}", a["id"].as_str().unwrap_or_default());
    let cleared = app
        .patch(
            &path,
            &rep,
            "\"1\"",
            json!({"group_id": null, "country": null, "tax_id": null}),
        )
        .await;
    let cleared = cleared.ok(200).clone();
    assert_eq!(
        (
            cleared["group_id"].is_null(),
            cleared["country"].is_null(),
            cleared["tax_id"].is_null()
        ),
        (true, true, true)
    );
    assert_eq!(cleared["tax_country"], "HR", "only what was sent changes");

    // One partner the rep cannot see spoils the whole batch.
    let spoiled = app.post("/api/v1/partners/bulk", &rep, json!({"ids": [a["id"], b["id"], hidden["id"]], "action": "add_tags", "tags": ["export"]})).await;
    assert_eq!(spoiled.problem(422), "validation_failed");
    assert_eq!(
        app.get(
            &format!("/api/v1/partners/{}", b["id"].as_str().unwrap_or_default()),
            &rep
        )
        .await
        .ok(200)["tags"],
        json!([])
    );
    let tagged = app
        .post(
            "/api/v1/partners/bulk",
            &rep,
            json!({"ids": [a["id"], b["id"]], "action": "add_tags", "tags": ["export"]}),
        )
        .await;
    assert_eq!(tagged.ok(200)["changed"], 2);
    assert_eq!(
        app.get(&path, &rep).await.ok(200)["tags"],
        json!(["vip", "export"])
    );
    let exported = app
        .get("/api/v1/partners?tag=export&count=true", &rep)
        .await;
    assert_eq!(exported.ok(200)["total"], 2);
    let grouped = app
        .post(
            "/api/v1/partners/bulk",
            &admin,
            json!({"ids": [a["id"], hidden["id"]], "action": "set_group", "group_id": retail}),
        )
        .await;
    assert_eq!(grouped.ok(200)["changed"], 2);
    assert_eq!(
        app.post(
            "/api/v1/partners/bulk",
            &rep,
            json!({"ids": [b["id"]], "action": "delete"})
        )
        .await
        .problem(403),
        "forbidden"
    );
    assert_eq!(
        app.post(
            "/api/v1/partners/bulk",
            &admin,
            json!({"ids": [b["id"]], "action": "delete"})
        )
        .await
        .ok(200)["changed"],
        1
    );
    let history = app
        .get(
            &format!(
                "/api/v1/history?entity_type=partner&entity_id={}",
                a["id"].as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await;
    let changes = history.ok(200)["items"][0]["changes"].clone();
    assert_eq!(
        changes,
        json!([{"field": "group_id", "old": null, "new": retail}])
    );
}
both!(null_clears_links_and_bulk_actions_are_all_or_nothing);

async fn quick_search_finds_by_name_tax_id_email_and_phone(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    app.post("/api/v1/partners", &admin, json!({"name": "Kraš d.d.", "city": "Zagreb", "tax_id": "94577403194", "tax_country": "HR", "emails": ["info@kras.hr"], "phones": ["+385 1 2396 111"]})).await.ok(201);
    app.post("/api/v1/partners", &admin, json!({"name": "Wawel S.A.", "city": "Kraków", "tax_id": "5260250274", "tax_country": "PL"})).await.ok(201);
    app.post(
        "/api/v1/partners",
        &rep,
        json!({"name": "Krasnal sp. z o.o.", "city": "Łódź"}),
    )
    .await
    .ok(201);
    for (q, expected) in [
        ("kras", vec!["Krasnal sp. z o.o.", "Kraš d.d."]),
        ("Kraš Zagreb", vec!["Kraš d.d."]),
        ("krakow", vec!["Wawel S.A."]),
        ("9457740", vec!["Kraš d.d."]),
        ("PL5260250274", vec!["Wawel S.A."]),
        ("info@kras.hr", vec!["Kraš d.d."]),
        ("2396", vec!["Kraš d.d."]),
        ("\" OR 1=1 --", vec![]),
        ("?!", vec![]),
    ] {
        let res = app
            .get(&format!("/api/v1/partners?q={}", urlencode(q)), &admin)
            .await;
        let mut found = names(res.ok(200));
        found.sort();
        assert_eq!(found, expected, "q={q}");
    }
    // Search stays inside the caller's scope.
    assert_eq!(
        names(app.get("/api/v1/partners?q=kras", &rep).await.ok(200)),
        vec!["Krasnal sp. z o.o."]
    );
    // Renaming re-indexes.
    let wawel = app.get("/api/v1/partners?q=wawel", &admin).await.ok(200)["items"][0].clone();
    app.patch(
        &format!(
            "/api/v1/partners/{}",
            wawel["id"].as_str().unwrap_or_default()
        ),
        &admin,
        "\"1\"",
        json!({"name": "Wedel S.A."}),
    )
    .await
    .ok(200);
    assert_eq!(
        names(app.get("/api/v1/partners?q=wawel", &admin).await.ok(200)),
        Vec::<String>::new()
    );
    assert_eq!(
        names(app.get("/api/v1/partners?q=wedel", &admin).await.ok(200)),
        vec!["Wedel S.A."]
    );
}
both!(quick_search_finds_by_name_tax_id_email_and_phone);

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
