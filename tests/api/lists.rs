//! Keyset pagination, sorting, counting and the JSON filter tree.
use crate::both;
use crate::helpers::{Engine, TestApp};
use serde_json::{json, Value};

const NAMES: [&str; 7] = [
    "Željko Marić",
    "Agnieszka Zielińska",
    "Bogdan Stan",
    "Ana Perić",
    "Piotr Lewandowski",
    "Ioana Dumitru",
    "Maja Jurić",
];

async fn seed(app: &TestApp, admin: &str) {
    for (i, name) in NAMES.iter().enumerate() {
        let email = format!(
            "user{i}@{}",
            if i % 2 == 0 { "firma.hr" } else { "firma.pl" }
        );
        let roles = if i < 3 {
            json!(["sales_rep"])
        } else {
            json!(["viewer"])
        };
        app.post(
            "/api/v1/users",
            admin,
            json!({"email": email, "name": name, "password": "a-good-password-42", "roles": roles}),
        )
        .await
        .ok(201);
    }
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["name"].as_str().map(str::to_owned))
        .collect()
}

async fn pages_walk_the_whole_list_in_order(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    seed(&app, &admin).await;
    for sort in ["name", "-name", "email,-created_at", "-created_at"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut total = None;
        loop {
            let mut path = format!("/api/v1/users?limit=3&count=true&sort={sort}");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page = app.get(&path, &admin).await.ok(200).clone();
            total = page["total"].as_u64().or(total);
            seen.extend(page["items"].as_array().into_iter().flatten().cloned());
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        assert_eq!(total, Some(8), "{sort}");
        assert_eq!(seen.len(), 8, "{sort}: every user exactly once");
        let whole = app
            .get(&format!("/api/v1/users?limit=200&sort={sort}"), &admin)
            .await
            .ok(200)
            .clone();
        assert_eq!(
            whole["items"].as_array().cloned().unwrap_or_default(),
            seen,
            "{sort}: pages equal one big page"
        );
    }
    let by_name = names(
        app.get("/api/v1/users?limit=200&sort=name", &admin)
            .await
            .ok(200),
    );
    let mut expected = by_name.clone();
    expected.sort();
    assert_eq!(by_name, expected);
    let without_count = app.get("/api/v1/users?limit=2", &admin).await;
    assert!(
        without_count.ok(200).get("total").is_none(),
        "no COUNT unless asked"
    );
}
both!(pages_walk_the_whole_list_in_order);

async fn typed_filters_and_the_filter_tree(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    seed(&app, &admin).await;
    let reps = app
        .get("/api/v1/users?role=sales_rep&sort=name", &admin)
        .await;
    assert_eq!(
        names(reps.ok(200)),
        vec!["Agnieszka Zielińska", "Bogdan Stan", "Željko Marić"]
    );
    let q = app.get("/api/v1/users?q=PERI", &admin).await;
    assert_eq!(names(q.ok(200)), vec!["Ana Perić"]);
    // Case folds beyond ASCII, in the quick filter and in the filter tree.
    let q = app.get("/api/v1/users?q=željko", &admin).await;
    assert_eq!(names(q.ok(200)), vec!["Željko Marić"]);
    let starts = json!({"filter": {"field": "name", "op": "starts_with", "value": "ŽELJ"}});
    let found = app.post("/api/v1/users/search", &admin, starts).await;
    assert_eq!(names(found.ok(200)), vec!["Željko Marić"]);

    let tree = json!({"filter": {"and": [
        {"field": "email", "op": "contains", "value": "@firma.pl"},
        {"or": [{"field": "name", "op": "starts_with", "value": "AG"}, {"field": "name", "op": "eq", "value": "Ioana Dumitru"}]}
    ]}, "sort": "name", "count": true});
    let found = app.post("/api/v1/users/search", &admin, tree).await;
    assert_eq!(
        names(found.ok(200)),
        vec!["Agnieszka Zielińska", "Ioana Dumitru"]
    );
    assert_eq!(found.body["total"], 2);
    let not = app
        .post(
            "/api/v1/users/search",
            &admin,
            json!({"filter": {"not": {"field": "email", "op": "contains", "value": "firma"}}}),
        )
        .await;
    assert_eq!(names(not.ok(200)), vec!["Administrator"]);
    let within = app
        .post(
            "/api/v1/users/search",
            &admin,
            json!({"filter": {"field": "status", "op": "in", "value": ["active"]}, "count": true}),
        )
        .await;
    assert_eq!(within.ok(200)["total"], 8);
    // `%` is a literal, not a wildcard.
    let literal = app
        .post(
            "/api/v1/users/search",
            &admin,
            json!({"filter": {"field": "name", "op": "contains", "value": "%"}}),
        )
        .await;
    assert_eq!(names(literal.ok(200)), Vec::<String>::new());
}
both!(typed_filters_and_the_filter_tree);

async fn bad_list_parameters_are_explained(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let admin = app.admin_token().await;
    // Two users, so a one-row page has a next cursor.
    app.user_with_roles("second@example.com", &[]).await;
    assert_eq!(
        app.get("/api/v1/users?sort=password_hash", &admin)
            .await
            .problem(400),
        "invalid_sort"
    );
    assert_eq!(
        app.get("/api/v1/users?cursor=not-a-cursor", &admin)
            .await
            .problem(400),
        "invalid_cursor"
    );
    let empty = app.get("/api/v1/users?cursor=", &admin).await;
    assert_eq!(
        empty.ok(200)["items"].as_array().map(Vec::len),
        Some(2),
        "an empty cursor is the first page"
    );
    assert_eq!(
        app.get("/api/v1/users?limit=0", &admin).await.problem(400),
        "invalid_limit"
    );
    assert_eq!(
        app.get("/api/v1/users?limit=1000", &admin)
            .await
            .problem(400),
        "invalid_limit"
    );
    assert_eq!(
        app.get("/api/v1/users?limit=abc", &admin)
            .await
            .problem(400),
        "invalid_query"
    );
    assert_eq!(
        app.get("/api/v1/users?colour=red", &admin)
            .await
            .problem(400),
        "invalid_query"
    );
    let first = app
        .get("/api/v1/users?limit=1&sort=name", &admin)
        .await
        .ok(200)
        .clone();
    let cursor = first["next_cursor"].as_str().unwrap_or_default();
    let other_sort = app
        .get(
            &format!("/api/v1/users?limit=1&sort=email&cursor={cursor}"),
            &admin,
        )
        .await;
    assert_eq!(other_sort.problem(400), "invalid_cursor");
    let unknown = app
        .post(
            "/api/v1/users/search",
            &admin,
            json!({"filter": {"field": "password_hash", "op": "eq", "value": "x"}}),
        )
        .await;
    assert_eq!(unknown.problem(400), "invalid_filter");
    assert_eq!(unknown.body["errors"][0]["field"], "filter.field");
    let wrong_type = app
        .post(
            "/api/v1/users/search",
            &admin,
            json!({"filter": {"and": [{"field": "created_at", "op": "gt", "value": "yesterday"}]}}),
        )
        .await;
    assert_eq!(wrong_type.problem(400), "invalid_filter");
    assert_eq!(wrong_type.body["errors"][0]["field"], "filter.and.0.value");
    let bad_enum = app
        .post(
            "/api/v1/users/search",
            &admin,
            json!({"filter": {"field": "status", "op": "eq", "value": "sleeping"}}),
        )
        .await;
    assert_eq!(bad_enum.problem(400), "invalid_filter");
    let mut deep = json!({"field": "name", "op": "eq", "value": "x"});
    for _ in 0..10 {
        deep = json!({"and": [deep]});
    }
    let too_deep = app
        .post("/api/v1/users/search", &admin, json!({"filter": deep}))
        .await;
    assert_eq!(too_deep.problem(400), "invalid_filter");
}
both!(bad_list_parameters_are_explained);
