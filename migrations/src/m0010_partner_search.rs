//! Full-text quick search over partners (name, tax id, city, emails, phones) with each engine's own
//! index: an FTS5 table kept in step by triggers on SQLite, a generated tsvector with a GIN index on
//! PostgreSQL. Names are indexed by their folded key (no diacritics, no legal form) and cities
//! folded by `translate` (the same letters as `names::fold`), so "kras" finds "Kraš d.d." and
//! "krakow" finds Kraków on both engines without extensions.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE partners_fts USING fts5(name_key, tax_id, city, emails, phones, content='partners', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO partners_fts(rowid, name_key, tax_id, city, emails, phones) SELECT rowid, name_key, tax_id, city, emails, phones FROM partners",
    "CREATE TRIGGER partners_fts_insert AFTER INSERT ON partners BEGIN \
       INSERT INTO partners_fts(rowid, name_key, tax_id, city, emails, phones) VALUES (new.rowid, new.name_key, new.tax_id, new.city, new.emails, new.phones); END",
    "CREATE TRIGGER partners_fts_delete AFTER DELETE ON partners BEGIN \
       INSERT INTO partners_fts(partners_fts, rowid, name_key, tax_id, city, emails, phones) VALUES ('delete', old.rowid, old.name_key, old.tax_id, old.city, old.emails, old.phones); END",
    "CREATE TRIGGER partners_fts_update AFTER UPDATE OF name_key, tax_id, city, emails, phones ON partners BEGIN \
       INSERT INTO partners_fts(partners_fts, rowid, name_key, tax_id, city, emails, phones) VALUES ('delete', old.rowid, old.name_key, old.tax_id, old.city, old.emails, old.phones); \
       INSERT INTO partners_fts(rowid, name_key, tax_id, city, emails, phones) VALUES (new.rowid, new.name_key, new.tax_id, new.city, new.emails, new.phones); END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS partners_fts_update",
    "DROP TRIGGER IF EXISTS partners_fts_delete",
    "DROP TRIGGER IF EXISTS partners_fts_insert",
    "DROP TABLE IF EXISTS partners_fts",
];

const POSTGRES_UP: &[&str] = &[
    "ALTER TABLE partners ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', \
       coalesce(name_key, '') || ' ' || coalesce(tax_id, '') || ' ' || \
       translate(lower(coalesce(city, '')), 'čćđšśșşžźżąăâáàäęéèëłńóöôîíțţüú', 'ccdsssszzzaaaaaaeeeelnoooiittuu') || ' ' || \
       coalesce(emails::text, '') || ' ' || coalesce(phones::text, ''))) STORED",
    "CREATE INDEX ix_partners_search ON partners USING GIN (search)",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS ix_partners_search",
    "ALTER TABLE partners DROP COLUMN IF EXISTS search",
];

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DatabaseBackend::Postgres => run(m, POSTGRES_UP).await,
            _ => run(m, SQLITE_UP).await,
        }
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DatabaseBackend::Postgres => run(m, POSTGRES_DOWN).await,
            _ => run(m, SQLITE_DOWN).await,
        }
    }
}
