//! Branches and persons hang off partners: visible with their partner, changed by its editors.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect()
}

async fn branches_and_persons_follow_their_partner(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, ana) = app.user_with_roles("ana@example.com", &["sales_rep"]).await;
    let (_, marek) = app
        .user_with_roles("marek@example.com", &["sales_rep"])
        .await;
    let partner = app
        .post(
            "/api/v1/partners",
            &ana,
            json!({"name": "Ledo d.d.", "city": "Zagreb"}),
        )
        .await
        .ok(201)
        .clone();
    let pid = partner["id"].as_str().unwrap_or_default();

    let branch = app.post(&format!("/api/v1/partners/{pid}/branches"), &ana, json!({"name": "Skladište Split", "city": "Split", "country": "HR", "phones": ["+385 21 123 456"]})).await;
    let branch = branch.ok(201).clone();
    let bid = branch["id"].as_str().unwrap_or_default();
    let person = app
        .post("/api/v1/persons", &ana, json!({"first_name": "Ivana", "last_name": "Kovač", "partner_id": pid, "branch_id": bid, "emails": ["Ivana.Kovac@Ledo.hr"], "position": "Nabava"}))
        .await;
    let person = person.ok(201).clone();
    assert_eq!(person["emails"], json!(["ivana.kovac@ledo.hr"]));
    let person_id = person["id"].as_str().unwrap_or_default();

    assert_eq!(
        ids(app
            .get(&format!("/api/v1/partners/{pid}/branches"), &ana)
            .await
            .ok(200)),
        vec![bid]
    );
    assert_eq!(
        ids(app
            .get(&format!("/api/v1/persons?partner_id={pid}"), &ana)
            .await
            .ok(200)),
        vec![person_id]
    );
    // Marek sees neither the partner's branches nor its people, and cannot attach anyone to it.
    assert_eq!(
        app.get(&format!("/api/v1/partners/{pid}/branches"), &marek)
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        app.get(&format!("/api/v1/persons/{person_id}"), &marek)
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        app.get("/api/v1/persons", &marek).await.ok(200)["items"],
        json!([])
    );
    let foreign = app
        .post(
            "/api/v1/persons",
            &marek,
            json!({"first_name": "A", "last_name": "B", "partner_id": pid}),
        )
        .await;
    assert_eq!(foreign.problem(422), "validation_failed");
    assert_eq!(foreign.body["errors"][0]["code"], "unknown_partner");
    // A person of his own, with no partner, is his alone.
    let loose = app
        .post(
            "/api/v1/persons",
            &marek,
            json!({"first_name": "Piotr", "last_name": "Nowak"}),
        )
        .await
        .ok(201)
        .clone();
    assert_eq!(
        ids(app.get("/api/v1/persons", &marek).await.ok(200)),
        vec![loose["id"].as_str().unwrap_or_default()]
    );
    assert_eq!(
        app.get(
            &format!(
                "/api/v1/persons/{}",
                loose["id"].as_str().unwrap_or_default()
            ),
            &ana
        )
        .await
        .problem(404),
        "not_found"
    );

    // A branch of another partner is refused.
    let other = app
        .post("/api/v1/partners", &ana, json!({"name": "Jamnica d.d."}))
        .await
        .ok(201)
        .clone();
    let wrong = app.post("/api/v1/persons", &ana, json!({"first_name": "A", "last_name": "B", "partner_id": other["id"], "branch_id": bid})).await;
    assert_eq!(wrong.body["errors"][0]["code"], "unknown_branch");

    let renamed = app
        .patch(
            &format!("/api/v1/partners/{pid}/branches/{bid}"),
            &ana,
            "\"1\"",
            json!({"name": "Skladište Split-Stobreč"}),
        )
        .await;
    assert_eq!(renamed.ok(200)["name"], "Skladište Split-Stobreč");
    assert_eq!(
        app.patch(
            &format!("/api/v1/partners/{pid}/branches/{bid}"),
            &ana,
            "\"1\"",
            json!({"name": "X"})
        )
        .await
        .problem(412),
        "version_mismatch"
    );
    assert_eq!(
        app.delete(
            &format!("/api/v1/partners/{pid}/branches/{bid}"),
            &marek,
            "\"2\""
        )
        .await
        .problem(404),
        "not_found"
    );
}
both!(branches_and_persons_follow_their_partner);

async fn consent_is_recorded_with_how_and_when(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let person = app
        .post(
            "/api/v1/persons",
            &admin,
            json!({"first_name": "Elena", "last_name": "Ionescu"}),
        )
        .await
        .ok(201)
        .clone();
    assert_eq!(person["marketing_consent"], false);
    let path = format!(
        "/api/v1/persons/{}",
        person["id"].as_str().unwrap_or_default()
    );
    let no_source = app
        .patch(&path, &admin, "\"1\"", json!({"marketing_consent": true}))
        .await;
    assert_eq!(no_source.problem(422), "validation_failed");
    assert_eq!(no_source.body["errors"][0]["field"], "consent_source");
    let given = app
        .patch(
            &path,
            &admin,
            "\"1\"",
            json!({"marketing_consent": true, "consent_source": "web form"}),
        )
        .await;
    let given = given.ok(200).clone();
    assert_eq!(given["marketing_consent"], true);
    assert!(given["consent_at"].is_string());
    let consenting = app
        .get("/api/v1/persons?marketing_consent=true", &admin)
        .await;
    assert_eq!(consenting.ok(200)["items"][0]["id"], person["id"]);
    let history = app
        .get(
            &format!(
                "/api/v1/history?entity_type=person&entity_id={}",
                person["id"].as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await;
    let changes = history.ok(200)["items"][0]["changes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        changes.contains(&json!({"field": "consent_source", "old": null, "new": "web form"})),
        "{changes:?}"
    );
    let missing = app
        .post(
            "/api/v1/persons",
            &admin,
            json!({"first_name": "", "position": "x"}),
        )
        .await;
    let fields: Vec<&str> = missing.body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        vec!["first_name", "last_name"],
        "both missing names are reported at once"
    );
}
both!(consent_is_recorded_with_how_and_when);

async fn quick_search_finds_persons_and_leads_by_name_email_and_phone(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, rep) = app.user_with_roles("rep@example.com", &["sales_rep"]).await;
    app.post("/api/v1/persons", &admin, json!({"first_name": "Ivana", "last_name": "Kovač", "emails": ["ivana@kras.hr"], "phones": ["+385 1 2396 111"]})).await.ok(201);
    app.post(
        "/api/v1/persons",
        &admin,
        json!({"first_name": "Łukasz", "last_name": "Wiśniewski", "emails": ["lukasz@wawel.pl"]}),
    )
    .await
    .ok(201);
    app.post(
        "/api/v1/persons",
        &rep,
        json!({"first_name": "Ivan", "last_name": "Horvat"}),
    )
    .await
    .ok(201);
    let people = |page: &Value| -> Vec<String> {
        let mut out: Vec<String> = page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["last_name"].as_str().map(str::to_owned))
            .collect();
        out.sort();
        out
    };
    for (q, expected) in [
        ("iva", vec!["Horvat", "Kovač"]),
        ("kovac", vec!["Kovač"]),
        ("lukasz wisniewski", vec!["Wiśniewski"]),
        ("ivana@kras.hr", vec!["Kovač"]),
        ("2396", vec!["Kovač"]),
        ("\" OR 1=1 --", vec![]),
    ] {
        let page = app
            .get(
                &format!(
                    "/api/v1/persons?q={}",
                    q.replace(' ', "%20")
                        .replace('"', "%22")
                        .replace('=', "%3D")
                ),
                &admin,
            )
            .await;
        assert_eq!(people(page.ok(200)), expected, "q={q}");
    }
    assert_eq!(
        people(app.get("/api/v1/persons?q=iva", &rep).await.ok(200)),
        vec!["Horvat"],
        "within scope"
    );

    app.post("/api/v1/leads", &admin, json!({"first_name": "Tomasz", "last_name": "Wójcik", "company_name": "Drukarnia Wójcik", "email": "tomasz@drukarnia.pl", "phone": "+48 12 345 67 89"})).await.ok(201);
    for q in ["drukarnia", "wojcik", "tomasz@drukarnia.pl", "345"] {
        let found = app.get(&format!("/api/v1/leads?q={q}"), &admin).await;
        assert_eq!(found.ok(200)["items"][0]["last_name"], "Wójcik", "q={q}");
    }
    assert_eq!(
        app.get("/api/v1/leads?q=nobody", &admin).await.ok(200)["items"],
        json!([])
    );
}
both!(quick_search_finds_persons_and_leads_by_name_email_and_phone);
