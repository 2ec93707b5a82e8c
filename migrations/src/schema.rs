//! Column helpers shared by migrations so every business table gets the same bookkeeping columns.
use sea_orm_migration::prelude::*;

pub fn id(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .string_len(36)
        .not_null()
        .primary_key()
        .to_owned()
}

pub fn fk_id(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .string_len(36)
        .not_null()
        .to_owned()
}

pub fn opt_fk_id(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .string_len(36)
        .null()
        .to_owned()
}

pub fn text(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .text()
        .not_null()
        .to_owned()
}

pub fn opt_text(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).text().null().to_owned()
}

pub fn timestamp(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

pub fn opt_timestamp(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

/// `created_at`, `updated_at`, `created_by`, `version`, `deleted_at`: what DESIGN.md asks of every
/// business table.
pub fn bookkeeping() -> Vec<ColumnDef> {
    vec![
        timestamp("created_at"),
        timestamp("updated_at"),
        opt_fk_id("created_by"),
        ColumnDef::new(Alias::new("version"))
            .integer()
            .not_null()
            .default(1)
            .to_owned(),
        opt_timestamp("deleted_at"),
    ]
}

/// A table with its foreign keys declared inline: SQLite cannot add them afterwards.
pub fn table(
    name: &str,
    mut columns: Vec<ColumnDef>,
    references: &[(&str, &str, &str)],
) -> TableCreateStatement {
    let mut stmt = Table::create();
    stmt.table(Alias::new(name)).if_not_exists();
    for col in columns.iter_mut() {
        stmt.col(col);
    }
    for (column, target, on_delete) in references {
        let action = match *on_delete {
            "cascade" => ForeignKeyAction::Cascade,
            "set_null" => ForeignKeyAction::SetNull,
            _ => ForeignKeyAction::Restrict,
        };
        stmt.foreign_key(
            ForeignKey::create()
                .name(format!("fk_{name}_{column}"))
                .from(Alias::new(name), Alias::new(*column))
                .to(Alias::new(*target), Alias::new("id"))
                .on_delete(action),
        );
    }
    stmt.to_owned()
}

/// A composite primary key for link tables.
pub fn primary_key(columns: &[&str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    for c in columns {
        stmt.col(Alias::new(*c));
    }
    stmt.primary().to_owned()
}

pub fn index(table: &str, name: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(name).table(Alias::new(table)).if_not_exists();
    for c in columns {
        stmt.col(Alias::new(*c));
    }
    stmt.to_owned()
}

pub fn unique_index(table: &str, name: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut stmt = index(table, name, columns);
    stmt.unique();
    stmt
}

pub fn boolean(name: &str, default: bool) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .boolean()
        .not_null()
        .default(default)
        .to_owned()
}

pub fn json(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .json_binary()
        .null()
        .to_owned()
}

/// Grants `resource` x `action` at `scope` to the built-in role `role` (by key, so the migration
/// does not need the role's generated id).
pub async fn grant(
    m: &SchemaManager<'_>,
    role: &str,
    resource: &str,
    action: &str,
    scope: &str,
) -> Result<(), DbErr> {
    let select = Query::select()
        .column(Alias::new("id"))
        .expr(Expr::val(resource))
        .expr(Expr::val(action))
        .expr(Expr::val(scope))
        .from(Alias::new("roles"))
        .and_where(Expr::col(Alias::new("key")).eq(role))
        .to_owned();
    let insert = Query::insert()
        .into_table(Alias::new("role_grants"))
        .columns(["role_id", "resource", "action", "scope"].map(Alias::new))
        .select_from(select)
        .map_err(|e| DbErr::Custom(e.to_string()))?
        .to_owned();
    m.exec_stmt(insert).await
}
