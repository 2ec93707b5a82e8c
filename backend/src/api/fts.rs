//! The quick search `q` of partners, persons and leads: every typed word as a prefix, over the
//! table's full-text index (SQLite FTS5 `<table>_fts`, PostgreSQL `search` tsvector; see
//! migrations m0010 and m0014).
use crate::partners::names::search_terms;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::DatabaseBackend;

/// The condition, or `None` when nothing searchable was typed.
pub fn matches(backend: DatabaseBackend, table: &str, text: &str) -> Option<SimpleExpr> {
    let terms = search_terms(text);
    if terms.is_empty() {
        return None;
    }
    // Custom SQL keeps each engine's own placeholders: `$n` for PostgreSQL, `?` for SQLite.
    Some(match backend {
        DatabaseBackend::Postgres => {
            let query = terms
                .iter()
                .map(|t| format!("{t}:*"))
                .collect::<Vec<_>>()
                .join(" & ");
            Expr::cust_with_values(
                format!("{table}.search @@ to_tsquery('simple', $1)"),
                [query],
            )
        }
        _ => {
            let query = terms
                .iter()
                .map(|t| format!("\"{t}\"*"))
                .collect::<Vec<_>>()
                .join(" AND ");
            Expr::cust_with_values(
                format!(
                    "{table}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"
                ),
                [query],
            )
        }
    })
}

/// `matches`, or a condition that matches nothing when nothing searchable was typed.
pub fn matches_or_none(backend: DatabaseBackend, table: &str, text: &str) -> SimpleExpr {
    matches(backend, table, text).unwrap_or_else(|| Expr::cust("1 = 0"))
}
