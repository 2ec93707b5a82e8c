//! The schema side of a custom field: the expression index behind a filterable one, and the values
//! removed from every record when the field is deleted. Both run inside the definition's transaction
//! (DDL is transactional on both engines), so a failure leaves neither half done.
use super::dto::CustomField;
use crate::api::fields::{custom_sql, Kind};
use crate::error::ApiResult;
use sea_orm::{ConnectionTrait, DatabaseBackend};

fn name(def: &CustomField) -> String {
    format!("ix_cf_{}_{}", def.entity.as_str(), def.key)
}

/// Creates the index that makes filtering and sorting on `def` fast at a million rows. The indexed
/// expression is the very text the list queries use, so each planner matches it.
pub async fn create(db: &impl ConnectionTrait, def: &CustomField) -> ApiResult<()> {
    let backend = db.get_database_backend();
    let table = def.entity.as_str();
    let kind = def.kind();
    // Neither engine takes a table-qualified column inside an index expression; each still
    // matches the qualified one the queries use, as both compare resolved columns.
    let expr = custom_sql(backend, table, &def.key, &kind).replace(&format!("\"{table}\"."), "");
    let sql = match (backend, kind) {
        // Containment (`@>`) on a list is served by GIN; SQLite cannot index inside a JSON array.
        (DatabaseBackend::Postgres, Kind::MultiChoice(_)) => format!(
            "CREATE INDEX IF NOT EXISTS {} ON \"{table}\" USING gin ({expr} jsonb_path_ops)",
            name(def)
        ),
        (DatabaseBackend::Postgres, _) => format!(
            "CREATE INDEX IF NOT EXISTS {} ON \"{table}\" (({expr}))",
            name(def)
        ),
        (_, Kind::MultiChoice(_)) => return Ok(()),
        _ => format!(
            "CREATE INDEX IF NOT EXISTS {} ON \"{table}\" ({expr})",
            name(def)
        ),
    };
    db.execute_unprepared(&sql).await?;
    if backend == DatabaseBackend::Postgres {
        // Statistics for the new expression: without them the planner guesses its selectivity and
        // may walk the name index past most of the table instead of using this one.
        db.execute_unprepared(&format!("ANALYZE \"{table}\""))
            .await?;
    }
    Ok(())
}

pub async fn drop(db: &impl ConnectionTrait, def: &CustomField) -> ApiResult<()> {
    db.execute_unprepared(&format!("DROP INDEX IF EXISTS {}", name(def)))
        .await?;
    Ok(())
}

/// Removes `def`'s value from every record of its entity, so a later field with the same key
/// starts clean.
pub async fn strip_values(db: &impl ConnectionTrait, def: &CustomField) -> ApiResult<()> {
    let table = def.entity.as_str();
    let key = &def.key;
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => format!(
            "UPDATE \"{table}\" SET custom_fields = custom_fields - '{key}' \
             WHERE (custom_fields -> '{key}') IS NOT NULL"
        ),
        _ => format!(
            "UPDATE \"{table}\" SET custom_fields = json_remove(custom_fields, '$.{key}') \
             WHERE json_extract(custom_fields, '$.{key}') IS NOT NULL"
        ),
    };
    db.execute_unprepared(&sql).await?;
    Ok(())
}
