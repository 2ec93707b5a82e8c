//! Deals: pipelines and their stage rules, stage history and alarms, lines from the catalogue,
//! the board, bulk changes, mail from a deal, and who sees what.
use crate::both;
use crate::helpers::{eventually, Engine, TestApp};
use chrono::Duration;
use crm_tests::smtp::SmtpSink;
use crm_tests::Response;
use serde_json::{json, Value};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

/// A pipeline of three open stages (10 days at 20 %, 5 days at 50 %, no limit at 80 %), won and
/// lost; its stage ids in order.
async fn pipeline(app: &TestApp, admin: &str, kind: &str, strict: bool) -> (String, Vec<String>) {
    let created = app
        .post(
            "/api/v1/deal-types",
            admin,
            json!({"kind": kind, "name": format!("Projektna {kind}"), "allow_skip": !strict, "allow_back": !strict,
                "stages": [
                    {"name": "Kvalifikacija", "planned_days": 10, "probability": 20, "outcome": "open"},
                    {"name": "Ponuda", "planned_days": 5, "probability": 50, "outcome": "open"},
                    {"name": "Pregovori", "probability": 80, "outcome": "open"},
                    {"name": "Dobiveno", "probability": 100, "outcome": "won"},
                    {"name": "Izgubljeno", "probability": 0, "outcome": "lost"}]}),
        )
        .await;
    let created = created.ok(201);
    let stages = created["stages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(id)
        .collect();
    (id(created), stages)
}

async fn partner(app: &TestApp, token: &str, name: &str) -> String {
    id(app
        .post(
            "/api/v1/partners",
            token,
            json!({"name": name, "country": "HR"}),
        )
        .await
        .ok(201))
}

async fn moved(app: &TestApp, token: &str, deal: &Value, body: Value) -> Response {
    let etag = format!("\"{}\"", deal["version"]);
    app.send(
        reqwest::Method::POST,
        &format!("/api/v1/deals/{}/move", id(deal)),
        Some(token),
        &[("if-match", &etag)],
        Some(body),
    )
    .await
}

async fn stage_rules_history_and_conflicts(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (rep, token) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;

    let lacking = app
        .post(
            "/api/v1/deal-types",
            &admin,
            json!({"kind": "sale", "name": "Bez ishoda", "stages": [
                {"name": "A", "probability": 10, "outcome": "open"},
                {"name": "B", "probability": 50, "outcome": "open"}]}),
        )
        .await;
    assert_eq!(lacking.problem(422), "validation_failed");
    assert!(lacking.body.to_string().contains("missing_outcome"));
    assert_eq!(
        app.post(
            "/api/v1/deal-types",
            &token,
            json!({"kind": "sale", "name": "X"})
        )
        .await
        .problem(403),
        "forbidden"
    );
    let (type_id, stages) = pipeline(&app, &admin, "sale", true).await;

    let kras = partner(&app, &token, "Kraš d.d.").await;
    let deal = app
        .post(
            "/api/v1/deals",
            &token,
            json!({"type_id": type_id, "title": "Oprema za skladište", "partner_id": kras,
                "expected_amount": 1_250_000, "currency": "EUR", "expected_close_on": "2027-03-31"}),
        )
        .await;
    let deal = deal.ok(201).clone();
    assert_eq!(deal["stage_id"], stages[0].as_str());
    assert_eq!(deal["status"], "open");
    assert_eq!(deal["kind"], "sale");
    assert_eq!(deal["owner_id"], rep["id"], "the partner's primary owner");
    let entered =
        chrono::DateTime::parse_from_rfc3339(deal["stage_entered_at"].as_str().unwrap_or_default());
    let due =
        chrono::DateTime::parse_from_rfc3339(deal["stage_due_at"].as_str().unwrap_or_default());
    assert_eq!(
        entered.and_then(|e| due.map(|d| d - e)).ok(),
        Some(Duration::days(10)),
        "{deal}"
    );

    // Strict type: no skipping, no going back.
    let skip = moved(&app, &token, &deal, json!({"stage_id": stages[2]})).await;
    assert_eq!(skip.problem(422), "validation_failed");
    assert!(skip.body.to_string().contains("stage_skip_not_allowed"));
    app.clock.advance(Duration::hours(30));
    let next = moved(&app, &token, &deal, json!({"stage_id": stages[1]})).await;
    let next = next.ok(200).clone();
    assert_eq!(next["stage_id"], stages[1].as_str());
    let stale = moved(&app, &token, &deal, json!({"stage_id": stages[2]})).await;
    assert_eq!(
        stale.problem(412),
        "version_mismatch",
        "a concurrent move loses"
    );
    let back = moved(&app, &token, &next, json!({"stage_id": stages[0]})).await;
    assert!(back.body.to_string().contains("stage_back_not_allowed"));
    let unpaid = moved(&app, &token, &next, json!({"stage_id": stages[3]})).await;
    assert_eq!(unpaid.problem(422), "validation_failed");
    assert!(unpaid.body.to_string().contains("realised_amount"));
    let won = moved(
        &app,
        &token,
        &next,
        json!({"stage_id": stages[3], "realised_amount": 1_190_000}),
    )
    .await;
    let won = won.ok(200).clone();
    assert_eq!(won["status"], "won");
    assert_eq!(won["realised_amount"], 1_190_000);
    assert_eq!(won["realised_on"], app.clock.now().date_naive().to_string());
    assert!(
        won["stage_due_at"].is_null(),
        "a closed deal has no deadline"
    );

    let history = app
        .get(&format!("/api/v1/deals/{}/stages", id(&deal)), &token)
        .await
        .ok(200)
        .clone();
    let hops: Vec<(Value, Value)> = history
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| (h["from_stage_id"].clone(), h["to_stage_id"].clone()))
        .collect();
    assert_eq!(
        hops,
        [
            (Value::Null, json!(stages[0])),
            (json!(stages[0]), json!(stages[1])),
            (json!(stages[1]), json!(stages[3])),
        ]
    );
    assert_eq!(history[1]["seconds_in_from"], 30 * 3600);
    assert_eq!(history[1]["user_id"], rep["id"]);
    let audit = app
        .get(
            &format!("/api/v1/history?entity_type=deal&entity_id={}", id(&deal)),
            &admin,
        )
        .await
        .ok(200)
        .clone();
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h["action"].as_str())
        .collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "move").count(),
        2,
        "{audit}"
    );
    assert!(actions.contains(&"create"));

    // A stage that holds deals cannot be removed from the type.
    let t = app
        .get(&format!("/api/v1/deal-types/{type_id}"), &admin)
        .await;
    let etag = t.etag();
    let mut kept: Vec<Value> = t.body["stages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| json!({"id": s["id"], "name": s["name"], "probability": s["probability"], "outcome": s["outcome"]}))
        .collect();
    kept.remove(3);
    kept.push(json!({"name": "Dobiveno ugovor", "probability": 100, "outcome": "won"}));
    assert_eq!(
        app.patch(
            &format!("/api/v1/deal-types/{type_id}"),
            &admin,
            &etag,
            json!({"stages": kept})
        )
        .await
        .problem(409),
        "stage_in_use"
    );

    // Lost needs a reason; cancelled too, and a cancelled deal does not move.
    let second = app
        .post(
            "/api/v1/deals",
            &token,
            json!({"type_id": type_id, "title": "Hladnjače", "partner_id": kras}),
        )
        .await
        .ok(201)
        .clone();
    let no_reason = moved(&app, &token, &second, json!({"stage_id": stages[4]})).await;
    assert!(no_reason.body.to_string().contains("close_reason"));
    let lost = moved(
        &app,
        &token,
        &second,
        json!({"stage_id": stages[4], "close_reason": "Cijena"}),
    )
    .await;
    assert_eq!(lost.ok(200)["status"], "lost");
    let third = app
        .post(
            "/api/v1/deals",
            &token,
            json!({"type_id": type_id, "title": "Viličari", "partner_id": kras}),
        )
        .await
        .ok(201)
        .clone();
    let path = format!("/api/v1/deals/{}", id(&third));
    let etag = format!("\"{}\"", third["version"]);
    assert_eq!(
        app.patch(&path, &token, &etag, json!({"status": "cancelled"}))
            .await
            .problem(422),
        "validation_failed"
    );
    let cancelled = app
        .patch(
            &path,
            &token,
            &etag,
            json!({"status": "cancelled", "close_reason": "Kupac odustao"}),
        )
        .await;
    let cancelled = cancelled.ok(200).clone();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(
        moved(&app, &token, &cancelled, json!({"stage_id": stages[1]}))
            .await
            .problem(409),
        "deal_cancelled"
    );
    // Reopened a month later, it starts its stage afresh instead of being overdue at once.
    app.clock.advance(Duration::days(30));
    let reopened = app
        .patch(
            &path,
            &token,
            &format!("\"{}\"", cancelled["version"]),
            json!({"status": "open"}),
        )
        .await;
    let reopened = reopened.ok(200).clone();
    assert_eq!(
        (&reopened["status"], &reopened["overdue"]),
        (&json!("open"), &json!(false))
    );
    assert_eq!(
        reopened["stage_due_at"]
            .as_str()
            .map(|d| d[..10].to_owned()),
        Some(
            (app.clock.now() + Duration::days(10))
                .date_naive()
                .to_string()
        )
    );
    let cancelled = reopened;
    assert_eq!(
        app.patch(
            &path,
            &token,
            &format!("\"{}\"", cancelled["version"]),
            json!({"owner_id": rep["id"], "stage_id": stages[1]})
        )
        .await
        .problem(422),
        "validation_failed",
        "the stage changes only by moving"
    );
}
both!(stage_rules_history_and_conflicts);

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    app.get("/api/v1/notifications", token).await.ok(200)["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn overdue_links(notes: &[Value]) -> Vec<String> {
    notes
        .iter()
        .filter(|n| n["kind"] == "deadline_overdue")
        .map(|n| {
            format!(
                "{}:{}",
                n["link_type"].as_str().unwrap_or_default(),
                n["link_id"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

async fn an_overdue_stage_alarms_its_owner_once_or_the_stand_in(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (_, token) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;
    let (deputy, deputy_token) = app
        .user_with_roles("marko@firma.test", &["sales_rep"])
        .await;
    let (_, stages) = pipeline(&app, &admin, "sale", false).await;
    let type_id = app.get("/api/v1/deal-types", &token).await.ok(200)[0]["id"].clone();
    let kras = partner(&app, &token, "Kraš d.d.").await;
    let deal = app
        .post(
            "/api/v1/deals",
            &token,
            json!({"type_id": type_id, "title": "Ambalaža", "partner_id": kras, "stage_id": stages[1]}),
        )
        .await
        .ok(201)
        .clone();
    // Five planned days in "Ponuda": on the sixth the owner hears of it, once.
    app.clock.advance(Duration::days(6));
    let link = format!("deal:{}", id(&deal));
    eventually("the overdue alarm", || async {
        (overdue_links(&notifications(&app, &token).await) == [link.clone()]).then_some(())
    })
    .await;
    let late = app
        .get("/api/v1/deals?overdue=true", &token)
        .await
        .ok(200)
        .clone();
    assert_eq!(late["items"][0]["id"], id(&deal).as_str());
    assert_eq!(late["items"][0]["overdue"], true);
    for _ in 0..3 {
        app.clock.advance(Duration::minutes(5));
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert_eq!(
        overdue_links(&notifications(&app, &token).await),
        std::slice::from_ref(&link)
    );

    // Won: the deadline is cleared, nothing more alarms for it.
    let current = app
        .get(&format!("/api/v1/deals/{}", id(&deal)), &token)
        .await
        .ok(200)
        .clone();
    moved(
        &app,
        &token,
        &current,
        json!({"stage_id": stages[3], "realised_amount": 100}),
    )
    .await
    .ok(200);

    // While Ana is away, Marko gets the alarm of her next overdue deal.
    let today = app.clock.now().date_naive();
    app.post(
        "/api/v1/absences",
        &token,
        json!({"starts_on": today - Duration::days(1), "ends_on": today + Duration::days(30), "deputy_id": deputy["id"]}),
    )
    .await
    .ok(201);
    let other = app
        .post(
            "/api/v1/deals",
            &token,
            json!({"type_id": type_id, "title": "Etikete", "partner_id": kras}),
        )
        .await
        .ok(201)
        .clone();
    app.clock.advance(Duration::days(11));
    let other_link = format!("deal:{}", id(&other));
    eventually("the stand-in's alarm", || async {
        (overdue_links(&notifications(&app, &deputy_token).await) == [other_link.clone()])
            .then_some(())
    })
    .await;
    assert_eq!(
        overdue_links(&notifications(&app, &token).await),
        [link],
        "the absent owner got nothing new, and the won deal no second alarm"
    );
}
both!(an_overdue_stage_alarms_its_owner_once_or_the_stand_in);

async fn forecast_realised_stages_and_currencies(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (type_id, stages) = pipeline(&app, &admin, "sale", false).await;
    let kras = partner(&app, &admin, "Kraš d.d.").await;
    let today = app.clock.now().date_naive();
    app.post(
        "/api/v1/exchange-rates",
        &admin,
        json!({"currency": "PLN", "rate_date": today - Duration::days(40), "rate": 0.2}),
    )
    .await
    .ok(200);
    let rate = app
        .post(
            "/api/v1/exchange-rates",
            &admin,
            json!({"currency": "PLN", "rate_date": today, "rate": 0.25}),
        )
        .await;
    assert_eq!(rate.ok(200)["rate"], 0.25);
    assert_eq!(
        app.post(
            "/api/v1/exchange-rates",
            &admin,
            json!({"currency": "pln", "rate_date": today, "rate": 1})
        )
        .await
        .problem(422),
        "validation_failed"
    );
    let converted = app
        .get(
            "/api/v1/exchange-rates/convert?amount=400000&currency=PLN",
            &admin,
        )
        .await
        .ok(200)
        .clone();
    assert_eq!(converted["company_amount"], 100_000);
    assert_eq!(converted["company_currency"], "EUR");
    let earlier = app
        .get(
            &format!(
                "/api/v1/exchange-rates/convert?amount=400000&currency=PLN&on={}",
                today - Duration::days(10)
            ),
            &admin,
        )
        .await
        .ok(200)
        .clone();
    assert_eq!(earlier["company_amount"], 80_000, "the rate of that day");

    let deal = |title: &str, stage: usize, amount: i64, currency: &str, close: &str| {
        json!({"type_id": type_id, "title": title, "partner_id": kras, "stage_id": stages[stage],
            "expected_amount": amount, "currency": currency, "expected_close_on": close})
    };
    // January: 10,000 EUR at 20 % and 4,000 PLN (1,000 EUR) at 50 %; February: 5,000 EUR at 80 %.
    let a = app
        .post(
            "/api/v1/deals",
            &admin,
            deal("A", 0, 1_000_000, "EUR", "2027-01-15"),
        )
        .await;
    a.ok(201);
    let b = app
        .post(
            "/api/v1/deals",
            &admin,
            deal("B", 1, 400_000, "PLN", "2027-01-20"),
        )
        .await;
    assert_eq!(b.ok(201)["expected_amount_company"], 100_000);
    let b = b.body.clone();
    app.post(
        "/api/v1/deals",
        &admin,
        deal("C", 2, 500_000, "EUR", "2027-02-10"),
    )
    .await
    .ok(201);
    let d = app
        .post(
            "/api/v1/deals",
            &admin,
            deal("D", 0, 350_000, "EUR", "2027-01-31"),
        )
        .await
        .ok(201)
        .clone();
    app.clock.advance(Duration::days(2));
    moved(
        &app,
        &admin,
        &d,
        json!({"stage_id": stages[3], "realised_amount": 300_000, "realised_on": "2027-01-31"}),
    )
    .await
    .ok(200);

    let forecast = app
        .get(
            "/api/v1/reports/deals/forecast?from=2027-01-01&to=2027-12-31",
            &admin,
        )
        .await
        .ok(200)
        .clone();
    assert_eq!(
        forecast["rows"],
        json!([
            {"month": "2027-01", "key": null, "label": null, "open_count": 2, "pipeline_amount": 1_100_000,
             "weighted_amount": 250_000, "won_count": 1, "realised_amount": 300_000},
            {"month": "2027-02", "key": null, "label": null, "open_count": 1, "pipeline_amount": 500_000,
             "weighted_amount": 400_000, "won_count": 0, "realised_amount": 0},
        ]),
        "{forecast}"
    );
    assert_eq!(forecast["totals"]["weighted_amount"], 650_000);
    assert_eq!(forecast["missing_rates"], json!([]));
    let by_owner = app
        .get("/api/v1/reports/deals/forecast?group_by=owner", &admin)
        .await
        .ok(200)
        .clone();
    assert!(by_owner["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|r| r["label"].is_string()));
    let (status, content_type, _, bytes) = app
        .download("/api/v1/reports/deals/forecast?format=csv", &admin)
        .await;
    let csv = String::from_utf8_lossy(&bytes);
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    assert!(
        csv.contains("month,key,label")
            && csv.contains("2027-01,,,2,11000.00,2500.00,1,3000.00,EUR"),
        "{csv}"
    );

    // A currency without a rate is reported, not counted as zero silently.
    app.post(
        "/api/v1/deals",
        &admin,
        deal("E", 0, 70_000, "USD", "2027-03-05"),
    )
    .await
    .ok(201);
    let with_usd = app
        .get("/api/v1/reports/deals/forecast", &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(with_usd["missing_rates"], json!(["USD"]));

    // Stages: A and D entered "Kvalifikacija", D moved on (and won) after two days.
    let report = app
        .get(
            &format!("/api/v1/reports/deals/stages?type_id={type_id}"),
            &admin,
        )
        .await
        .ok(200)
        .clone();
    let first = &report["rows"][0];
    assert_eq!(
        (
            &first["entered"],
            &first["advanced"],
            &first["won"],
            &first["exits"]
        ),
        (&json!(3), &json!(1), &json!(1), &json!(1)),
        "{report}"
    );
    assert_eq!(first["average_seconds"], 2.0 * 86_400.0);
    assert_eq!(report["rows"][1]["entered"], 1);
    assert_eq!(
        app.get("/api/v1/reports/deals/stages", &admin)
            .await
            .problem(422),
        "validation_failed"
    );

    // "Ponuda" plans five days: on the sixth, B is the one overdue deal.
    app.clock.advance(Duration::days(4));
    let overdue = app
        .get("/api/v1/reports/deals/overdue", &admin)
        .await
        .ok(200)
        .clone();
    let rows = overdue["rows"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 1, "{overdue}");
    assert_eq!(rows[0]["deal_id"], id(&b).as_str());
    assert_eq!(rows[0]["partner_name"], "Kraš d.d.");
    assert_eq!(rows[0]["stage_name"], "Ponuda");
    assert_eq!(rows[0]["days_overdue"], 1);
    let (status, content_type, disposition, _) = app
        .download("/api/v1/reports/deals/overdue?format=xlsx", &admin)
        .await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    assert!(disposition.contains("deal-overdue"), "{disposition}");
}
both!(forecast_realised_stages_and_currencies);

async fn reps_see_their_deals_and_buyers_supply(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    let (rep, token) = app.user_with_roles("ana@firma.test", &["sales_rep"]).await;
    let (other_user, other) = app.user_with_roles("ivo@firma.test", &["sales_rep"]).await;
    let (buyer, buyer_token) = app.user_with_roles("nabava@firma.test", &["buyer"]).await;
    let (sale_type, _) = pipeline(&app, &admin, "sale", false).await;
    let (supply_type, _) = pipeline(&app, &admin, "supply", false).await;
    let kras = partner(&app, &token, "Kraš d.d.").await;
    let own = app
        .post(
            "/api/v1/deals",
            &token,
            json!({"type_id": sale_type, "title": "Moja prodaja", "partner_id": kras}),
        )
        .await
        .ok(201)
        .clone();
    // Someone else's deal on Ana's partner is hers to see too.
    let admins = app
        .post(
            "/api/v1/deals",
            &admin,
            json!({"type_id": sale_type, "title": "Ključni kupac", "partner_id": kras, "owner_id": buyer["id"]}),
        )
        .await
        .ok(201)
        .clone();
    let listed = app
        .get("/api/v1/deals?count=true", &token)
        .await
        .ok(200)
        .clone();
    assert_eq!(listed["total"], 2, "{listed}");
    assert_eq!(
        app.get("/api/v1/deals?count=true", &other).await.ok(200)["total"],
        0
    );
    assert_eq!(
        app.get(&format!("/api/v1/deals/{}", id(&own)), &other)
            .await
            .problem(404),
        "not_found"
    );
    // Reps do not hand deals to someone else.
    assert_eq!(
        app.patch(
            &format!("/api/v1/deals/{}", id(&own)),
            &token,
            &format!("\"{}\"", own["version"]),
            json!({"owner_id": buyer["id"]})
        )
        .await
        .problem(403),
        "forbidden"
    );

    // Buyers see supply deals, never sales.
    let supplier = partner(&app, &admin, "Dobavljač d.o.o.").await;
    assert_eq!(
        app.post(
            "/api/v1/deals",
            &buyer_token,
            json!({"type_id": sale_type, "title": "X", "partner_id": supplier})
        )
        .await
        .problem(403),
        "forbidden"
    );
    let supply = app
        .post(
            "/api/v1/deals",
            &admin,
            json!({"type_id": supply_type, "title": "Sirovine", "partner_id": supplier}),
        )
        .await
        .ok(201)
        .clone();
    assert_eq!(supply["kind"], "supply");
    let seen = app.get("/api/v1/deals", &buyer_token).await.ok(200).clone();
    let titles: Vec<&str> = seen["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["title"].as_str())
        .collect();
    assert_eq!(titles, ["Sirovine"]);
    assert_eq!(
        app.get(&format!("/api/v1/deals/{}", id(&admins)), &buyer_token)
            .await
            .problem(404),
        "not_found",
        "a sale deal is out of a buyer's reach even when the buyer owns it"
    );
    assert_eq!(
        app.get("/api/v1/deals?kind=sale", &buyer_token)
            .await
            .problem(403),
        "forbidden"
    );
    assert_eq!(
        app.get(&format!("/api/v1/deals/{}", id(&supply)), &token)
            .await
            .problem(404),
        "not_found"
    );
    assert_eq!(
        app.get("/api/v1/deals", &token).await.ok(200)["items"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(rep["id"], own["owner_id"]);

    // The filter tree, saved views and exports see the same deals.
    let filter = json!({"field": "title", "op": "eq", "value": "Moja prodaja"});
    let found = app
        .post("/api/v1/deals/search", &token, json!({"filter": filter}))
        .await
        .ok(200)
        .clone();
    assert_eq!(found["items"].as_array().map(Vec::len), Some(1));
    app.post(
        "/api/v1/saved-views",
        &token,
        json!({"resource": "deals", "name": "Moje", "filter": filter, "sort": "title"}),
    )
    .await
    .ok(201);
    let (status, _, _, csv) = app.download("/api/v1/deals/export", &token).await;
    let csv = String::from_utf8_lossy(&csv);
    assert_eq!(status, 200);
    assert_eq!(
        csv.lines().count(),
        3,
        "a header and Ana's two deals: {csv}"
    );
    assert!(csv.contains("Moja prodaja") && !csv.contains("Sirovine"));
    let (_, _, _, csv) = app.download("/api/v1/deals/export", &buyer_token).await;
    let csv = String::from_utf8_lossy(&csv);
    assert!(
        csv.contains("Sirovine") && !csv.contains("Moja prodaja"),
        "{csv}"
    );

    // The board counts each deal once, whether Ana owns it, created it or it is her partner's.
    let board = format!("/api/v1/deals/board?type_id={sale_type}");
    let first_column = |board: &Value| {
        let column = &board["columns"][0];
        let mut titles: Vec<String> = column["deals"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d["title"].as_str().map(str::to_owned))
            .collect();
        titles.sort();
        (column["count"].as_u64(), titles)
    };
    let both = (
        Some(2),
        vec!["Ključni kupac".to_owned(), "Moja prodaja".to_owned()],
    );
    assert_eq!(first_column(app.get(&board, &token).await.ok(200)), both);
    app.patch(
        &format!("/api/v1/deals/{}", id(&own)),
        &admin,
        &format!("\"{}\"", own["version"]),
        json!({"owner_id": other_user["id"]}),
    )
    .await
    .ok(200);
    assert_eq!(
        first_column(app.get(&board, &token).await.ok(200)),
        both,
        "Ana still sees the deal she created, once"
    );
    assert_eq!(
        first_column(app.get(&board, &other).await.ok(200)),
        (Some(1), vec!["Moja prodaja".to_owned()])
    );
}
both!(reps_see_their_deals_and_buyers_supply);

async fn lines_board_bulk_and_mail(engine: Engine) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(engine, |s| s.smtp_url = url).await;
    let admin = app.admin_token().await;
    let (type_id, stages) = pipeline(&app, &admin, "sale", false).await;
    let kras = partner(&app, &admin, "Kraš d.d.").await;
    let eur = app
        .post(
            "/api/v1/price-lists",
            &admin,
            json!({"name": "Veleprodaja", "currency": "EUR"}),
        )
        .await
        .ok(201)
        .clone();
    let pln = app
        .post(
            "/api/v1/price-lists",
            &admin,
            json!({"name": "Polska", "currency": "PLN"}),
        )
        .await
        .ok(201)
        .clone();
    let product = app
        .post(
            "/api/v1/products",
            &admin,
            json!({"code": "MONT-1", "name": "Montaža regala", "unit": "h", "vat_rate_bp": 2500,
                "prices": [{"price_list_id": eur["id"], "amount": 12_500}, {"price_list_id": pln["id"], "amount": 55_000}]}),
        )
        .await
        .ok(201)
        .clone();
    assert_eq!(product["prices"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        app.post(
            "/api/v1/products",
            &admin,
            json!({"code": "MONT-1", "name": "Dvojnik"})
        )
        .await
        .problem(422),
        "validation_failed"
    );
    let mismatch = app
        .post(
            "/api/v1/deals",
            &admin,
            json!({"type_id": type_id, "title": "Regali", "partner_id": kras,
                "lines": [{"product_id": product["id"], "price_list_id": pln["id"], "quantity": 2}]}),
        )
        .await;
    assert!(
        mismatch.body.to_string().contains("currency_mismatch"),
        "{}",
        mismatch.body
    );
    assert_eq!(
        app.get("/api/v1/deals?count=true", &admin).await.ok(200)["total"],
        0,
        "nothing half-written"
    );
    let with_lines = app
        .post(
            "/api/v1/deals",
            &admin,
            json!({"type_id": type_id, "title": "Regali", "partner_id": kras, "expected_amount": 300_000,
                "lines": [{"product_id": product["id"], "price_list_id": eur["id"], "quantity": 2, "discount_bp": 1000},
                          {"description": "Prijevoz", "quantity": 1, "unit_price": 5_000}]}),
        )
        .await
        .ok(201)
        .clone();
    let line = &with_lines["lines"][0];
    assert_eq!(
        (
            &line["unit_price"],
            &line["net_amount"],
            &line["vat_rate_bp"],
            &line["description"]
        ),
        (
            &json!(12_500),
            &json!(22_500),
            &json!(2500),
            &json!("Montaža regala")
        )
    );
    assert_eq!(with_lines["lines_total"], 27_500);

    let mut ids = vec![id(&with_lines)];
    for (title, amount) in [("Police", 100_000), ("Vrata", 50_000)] {
        ids.push(id(app
            .post("/api/v1/deals", &admin, json!({"type_id": type_id, "title": title, "partner_id": kras, "expected_amount": amount}))
            .await
            .ok(201)));
    }
    app.clock.advance(Duration::days(11));
    let board = app
        .get(&format!("/api/v1/deals/board?type_id={type_id}"), &admin)
        .await
        .ok(200)
        .clone();
    let first = &board["columns"][0];
    assert_eq!(
        (
            &first["count"],
            &first["amount"],
            &first["weighted_amount"],
            &first["overdue"]
        ),
        (&json!(3), &json!(450_000), &json!(90_000), &json!(3)),
        "{board}"
    );
    assert_eq!(first["deals"].as_array().map(Vec::len), Some(3));
    assert_eq!(board["columns"].as_array().map(Vec::len), Some(5));

    // Bulk: all or nothing.
    let unknown = app
        .post(
            "/api/v1/deals/bulk",
            &admin,
            json!({"ids": [ids[1], "01900000-0000-7000-8000-000000000000"], "stage_id": stages[1]}),
        )
        .await;
    assert_eq!(unknown.problem(422), "validation_failed");
    let bulk = app
        .post(
            "/api/v1/deals/bulk",
            &admin,
            json!({"ids": [ids[1], ids[2]], "stage_id": stages[1]}),
        )
        .await;
    assert_eq!(bulk.ok(200)["changed"], 2);
    let board = app
        .get(&format!("/api/v1/deals/board?type_id={type_id}"), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(
        (
            &board["columns"][0]["count"],
            &board["columns"][1]["count"],
            &board["columns"][1]["overdue"]
        ),
        (&json!(1), &json!(2), &json!(0))
    );

    // Mail from the deal: rendered with the deal, sent, and on its timeline.
    let person = app
        .post(
            "/api/v1/persons",
            &admin,
            json!({"first_name": "Ivana", "last_name": "Kovač", "partner_id": kras, "emails": ["ivana@kras.test"]}),
        )
        .await
        .ok(201)
        .clone();
    app.post(
        "/api/v1/email-templates",
        &admin,
        json!({"key": "deal_offer", "language": "hr", "name": "Ponuda", "purpose": "transactional",
            "subject": "Ponuda: {{ deal.title }}", "text": "Poštovana {{ person.first_name }}, šaljemo ponudu."}),
    )
    .await
    .ok(201);
    let queued = app
        .post(
            &format!("/api/v1/deals/{}/emails", ids[0]),
            &admin,
            json!({"template_key": "deal_offer", "person_id": person["id"]}),
        )
        .await;
    assert_eq!(queued.status, 202, "{}", queued.body);
    assert_eq!(queued.body["subject"], "Ponuda: Regali");
    let mail = eventually("the deal's mail", || async {
        sink.received()
            .into_iter()
            .find(|m| m.to == ["ivana@kras.test"])
    })
    .await;
    assert!(mail.data.contains("Ivana"), "{}", mail.data);
    let timeline = eventually("the mail on the timeline", || async {
        let t = app
            .get(&format!("/api/v1/deals/{}/timeline", ids[0]), &admin)
            .await
            .ok(200)
            .clone();
        t.as_array()
            .is_some_and(|e| {
                e.iter().any(|x| {
                    x["kind"] == "activity"
                        && x["title"]
                            .as_str()
                            .is_some_and(|s| s.contains("Ponuda: Regali"))
                })
            })
            .then_some(t)
    })
    .await;
    assert!(timeline
        .as_array()
        .is_some_and(|e| e.iter().any(|x| x["kind"] == "stage")));
    let activities = app
        .get(&format!("/api/v1/activities?deal_id={}", ids[0]), &admin)
        .await
        .ok(200)
        .clone();
    assert_eq!(activities["items"][0]["partner_id"], kras.as_str());
}
both!(lines_board_bulk_and_mail);
