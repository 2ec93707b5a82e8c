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

/// The parameters of a statement built at run time, each placeholder written as its value is
/// added: numbered on PostgreSQL; anonymous on SQLite, which looks a numbered one up by a linear
/// search of all of them (a statement of thousands of `?NNN` binds in quadratic time).
pub struct Binds {
    backend: DatabaseBackend,
    values: Vec<Value>,
}

impl Binds {
    pub fn new(backend: DatabaseBackend) -> Self {
        Self {
            backend,
            values: Vec::new(),
        }
    }

    /// Adds a value; returns its placeholder, to be written where the value goes.
    pub fn push(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        match self.backend {
            DatabaseBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        }
    }

    /// `(a, b), (c, d)`: a VALUES list of rows, in order.
    pub fn rows<const N: usize>(&mut self, rows: impl IntoIterator<Item = [Value; N]>) -> String {
        rows.into_iter()
            .map(|row| {
                let cells: Vec<String> = row.into_iter().map(|v| self.push(v)).collect();
                format!("({})", cells.join(", "))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn statement(self, sql: String) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, self.values)
    }
}

/// A JSON array column (`partners.emails`, `persons.emails`, tags) holds `value`, matched on the
/// JSON text so it works alike on SQLite (text) and PostgreSQL (jsonb).
pub fn json_array_has(column: &str, value: &str) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, LikeExpr};
    // `!` escapes LIKE's wildcards; a backslash would be read differently by the two engines.
    let escaped = value
        .replace('!', "!!")
        .replace('%', "!%")
        .replace('_', "!_")
        .replace('"', "");
    Expr::expr(Expr::cust(format!("CAST({column} AS TEXT)")))
        .like(LikeExpr::new(format!("%\"{escaped}\"%")).escape('!'))
}

/// An aggregate as a BIGINT, read alike on both engines: PostgreSQL sums BIGINTs into NUMERIC
/// and counts into BIGINT, SQLite into INTEGER.
pub fn bigint(e: impl Into<sea_orm::sea_query::SimpleExpr>) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Alias, Func};
    Func::cast_as(e.into(), Alias::new("BIGINT")).into()
}

/// `SUM(e)` as a BIGINT.
pub fn bigint_sum(e: impl Into<sea_orm::sea_query::SimpleExpr>) -> sea_orm::sea_query::SimpleExpr {
    bigint(sea_orm::sea_query::Func::sum(e.into()))
}
