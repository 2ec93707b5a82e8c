//! Many rows into one table on PostgreSQL as one text array per column, unnested by the server
//! and cast to the columns' types: a statement of a few parameters, planned once, which the server
//! takes in about three quarters of the time of the same rows as `VALUES` lists of thousands of
//! parameters (measured on the partners and owners of an import). Not for long JSON text, whose
//! escapes cost the server more than the parameters save (history entries). Text arrays, because
//! sea-query's typed arrays cannot hold NULL elements.
use sea_orm::{ConnectionTrait, DbErr, Statement, Value};
use std::fmt::Write;

/// Rows per statement: a few MiB of array text.
pub const ROWS: usize = 2000;

/// `value` as an element of a PostgreSQL array literal.
fn element(out: &mut String, value: &Value) -> Result<(), DbErr> {
    let text = match value {
        Value::String(Some(s)) => s.to_string(),
        Value::Bool(Some(b)) => (if *b { "t" } else { "f" }).to_owned(),
        Value::SmallInt(Some(n)) => n.to_string(),
        Value::Int(Some(n)) => n.to_string(),
        Value::BigInt(Some(n)) => n.to_string(),
        Value::Double(Some(n)) => n.to_string(),
        Value::Json(Some(j)) => j.to_string(),
        Value::ChronoDate(Some(d)) => d.to_string(),
        Value::ChronoDateTimeUtc(Some(t)) => t.to_rfc3339(),
        Value::String(None)
        | Value::Bool(None)
        | Value::SmallInt(None)
        | Value::Int(None)
        | Value::BigInt(None)
        | Value::Double(None)
        | Value::Json(None)
        | Value::ChronoDate(None)
        | Value::ChronoDateTimeUtc(None) => {
            out.push_str("NULL");
            return Ok(());
        }
        other => return Err(DbErr::Custom(format!("no array text for {other:?}"))),
    };
    quoted(out, &text);
    Ok(())
}

fn quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

/// The columns' types as the table declares them.
async fn column_types(
    db: &impl ConnectionTrait,
    table: &str,
    columns: &[&str],
) -> Result<Vec<String>, DbErr> {
    let rows = db
        .query_all(Statement::from_sql_and_values(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute \
             WHERE attrelid = CAST($1 AS regclass) AND attnum > 0 AND NOT attisdropped",
            [table.into()],
        ))
        .await?;
    let mut types = Vec::with_capacity(columns.len());
    for column in columns {
        let found = rows.iter().find_map(|r| {
            (r.try_get_by_index::<String>(0).ok()? == *column)
                .then(|| r.try_get_by_index::<String>(1).ok())
                .flatten()
        });
        types.push(found.ok_or_else(|| DbErr::Custom(format!("{table} has no {column}")))?);
    }
    Ok(types)
}

/// Inserts `rows` (each a value per column of `columns`) into `table`, `ROWS` per statement;
/// `tail` follows the statement (an `ON CONFLICT` clause, or nothing).
pub async fn insert(
    db: &impl ConnectionTrait,
    table: &str,
    columns: &[&str],
    rows: impl IntoIterator<Item = Vec<Value>>,
    tail: &str,
) -> Result<(), DbErr> {
    let types = column_types(db, table, columns).await?;
    let names = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut select = String::new();
    let mut arrays = String::new();
    for (i, ty) in types.iter().enumerate() {
        let sep = if i > 0 { ", " } else { "" };
        let _ = write!(select, "{sep}CAST(u.c{i} AS {ty})");
        let _ = write!(arrays, "{sep}CAST(${} AS text[])", i + 1);
    }
    let aliases = (0..columns.len())
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO \"{table}\" ({names}) SELECT {select} FROM UNNEST({arrays}) AS u({aliases}) {tail}"
    );
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut texts: Vec<String> = vec![String::from("{"); columns.len()];
        for (n, row) in rows.by_ref().take(ROWS).enumerate() {
            if row.len() != columns.len() {
                return Err(DbErr::Custom(format!(
                    "a row for {table} has {} values",
                    row.len()
                )));
            }
            for (text, value) in texts.iter_mut().zip(&row) {
                if n > 0 {
                    text.push(',');
                }
                element(text, value)?;
            }
        }
        let values = texts.into_iter().map(|mut t| {
            t.push('}');
            Value::from(t)
        });
        db.execute(Statement::from_sql_and_values(
            sea_orm::DatabaseBackend::Postgres,
            &sql,
            values,
        ))
        .await?;
    }
    Ok(())
}
