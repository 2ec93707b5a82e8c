//! Full-text quick search over persons (names, emails, phones) and leads (names, company, email,
//! phone), built like the partners' one: FTS5 kept in step by triggers on SQLite, a generated
//! tsvector with a GIN index on PostgreSQL, names folded so "kovac" finds "Kovač".
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The letters `names::fold` folds, for PostgreSQL's `translate`.
const FROM: &str = "čćđšśșşžźżąăâáàäęéèëłńóöôîíțţüú";
const TO: &str = "ccdsssszzzaaaaaaeeeelnoooiittuu";

/// (table, indexed columns, the PostgreSQL text the vector is built from)
fn tables() -> [(&'static str, &'static [&'static str], String); 2] {
    let fold = |sql: &str| format!("translate(lower({sql}), '{FROM}', '{TO}')");
    [
        (
            "persons",
            &["first_name", "last_name", "emails", "phones"],
            format!(
                "{} || ' ' || coalesce(emails::text, '') || ' ' || coalesce(phones::text, '')",
                fold("first_name || ' ' || last_name")
            ),
        ),
        (
            "leads",
            &["first_name", "last_name", "company_name", "email", "phone"],
            format!(
                "{} || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')",
                fold("first_name || ' ' || last_name || ' ' || coalesce(company_name, '')")
            ),
        ),
    ]
}

fn sqlite_up(table: &str, columns: &[&str]) -> Vec<String> {
    let cols = columns.join(", ");
    let new = columns
        .iter()
        .map(|c| format!("new.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let old = columns
        .iter()
        .map(|c| format!("old.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        format!("CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"),
        format!("INSERT INTO {table}_fts(rowid, {cols}) SELECT rowid, {cols} FROM {table}"),
        format!("CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new}); END"),
        format!("CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"),
        format!("CREATE TRIGGER {table}_fts_update AFTER UPDATE OF {cols} ON {table} BEGIN \
                 INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); \
                 INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new}); END"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for (table, columns, text) in tables() {
            let statements = match m.get_database_backend() {
                DatabaseBackend::Postgres => vec![
                    format!("ALTER TABLE {table} ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', {text})) STORED"),
                    format!("CREATE INDEX ix_{table}_search ON {table} USING GIN (search)"),
                ],
                _ => sqlite_up(table, columns),
            };
            for sql in statements {
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for (table, _, _) in tables() {
            let statements = match m.get_database_backend() {
                DatabaseBackend::Postgres => vec![
                    format!("DROP INDEX IF EXISTS ix_{table}_search"),
                    format!("ALTER TABLE {table} DROP COLUMN IF EXISTS search"),
                ],
                _ => ["update", "delete", "insert"]
                    .iter()
                    .map(|t| format!("DROP TRIGGER IF EXISTS {table}_fts_{t}"))
                    .chain([format!("DROP TABLE IF EXISTS {table}_fts")])
                    .collect(),
            };
            for sql in statements {
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }
}
