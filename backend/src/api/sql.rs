//! Small helpers for the few hand-written SQL statements (hot paths where one round trip matters).
use sea_orm::DatabaseBackend;

/// Hand-written SQL uses PostgreSQL's `$1` placeholders; SQLite understands `?1` the same way.
pub fn portable(backend: DatabaseBackend, sql: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => sql.to_owned(),
        _ => sql.replace('$', "?"),
    }
}
