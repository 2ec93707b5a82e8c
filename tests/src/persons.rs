//! Persons written straight into the database, many at once: the mail benchmark's audience and
//! tests whose mailings span several fan-out batches.
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ConnectionTrait, Database};

/// Person `i`'s first name; their address is `osoba{i}@example.hr`.
pub fn first_name(i: usize) -> String {
    format!("Osoba{i}")
}

/// Inserts `n` persons who consented to marketing mail and returns their ids, in order.
pub async fn load_persons(url: &str, n: usize) -> anyhow::Result<Vec<String>> {
    let db = Database::connect(url).await?;
    let backend = db.get_database_backend();
    let now = chrono::Utc::now();
    let mut ids = Vec::with_capacity(n);
    for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
        let mut insert = Query::insert();
        insert.into_table(Alias::new("persons")).columns(
            [
                "id",
                "first_name",
                "last_name",
                "emails",
                "phones",
                "marketing_consent",
                "consent_at",
                "consent_source",
                "created_at",
                "updated_at",
                "version",
            ]
            .map(Alias::new),
        );
        for &i in chunk {
            let id = uuid::Uuid::now_v7().to_string();
            insert.values_panic([
                id.clone().into(),
                first_name(i).into(),
                "Test".into(),
                serde_json::json!([format!("osoba{i}@example.hr")]).into(),
                serde_json::json!([]).into(),
                true.into(),
                now.into(),
                "bench".into(),
                now.into(),
                now.into(),
                1.into(),
            ]);
            ids.push(id);
        }
        db.execute(backend.build(&insert)).await?;
    }
    db.close().await?;
    Ok(ids)
}
