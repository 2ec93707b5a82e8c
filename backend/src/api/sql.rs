//! Hand-written SQL for the few hot paths where building a statement with the query builder on
//! every request costs more than running it. Written once with PostgreSQL's `$1` placeholders.
use sea_orm::{DatabaseBackend, Statement, Value};
use std::sync::OnceLock;

pub struct Sql {
    text: &'static str,
    sqlite: OnceLock<String>,
}

impl Sql {
    pub const fn new(text: &'static str) -> Self {
        Self {
            text,
            sqlite: OnceLock::new(),
        }
    }

    /// The statement for `backend`: SQLite reads `?1` where PostgreSQL reads `$1`.
    pub fn text(&self, backend: DatabaseBackend) -> &str {
        match backend {
            DatabaseBackend::Postgres => self.text,
            _ => self.sqlite.get_or_init(|| self.text.replace('$', "?")),
        }
    }

    pub fn statement(
        &self,
        backend: DatabaseBackend,
        values: impl IntoIterator<Item = Value>,
    ) -> Statement {
        Statement::from_sql_and_values(backend, self.text(backend), values)
    }
}
