//! Mass import and export: an import remembers its file, options and counts and how far it got; its
//! records (what it created, and what it updated with the values before) make it undoable; its
//! failed rows become the error file. Mapping templates are saved per entity. Persons and leads
//! gain the `export` and `import` actions partners already had.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn count(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .big_integer()
        .not_null()
        .default(0)
        .to_owned()
}

fn grants() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for resource in ["persons", "leads"] {
        for action in ["export", "import"] {
            out.push(("admin", resource, action, "all"));
        }
        out.push(("manager", resource, "export", "team"));
    }
    for resource in ["partners", "persons", "leads"] {
        out.push(("manager", resource, "import", "team"));
    }
    out.push(("marketing", "persons", "export", "all"));
    out.push(("marketing", "leads", "export", "own"));
    out.push(("marketing", "leads", "import", "own"));
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut imports = vec![
            id("id"),
            text("entity"),
            // queued, running, done, failed, undoing, undone
            text("status"),
            text("file_name"),
            text("file_path"),
            text("encoding"),
            text("delimiter"),
            // dry_run, on_duplicate, match_on
            json("options"),
            json("mapping"),
            json("headers"),
            count("rows_total"),
            // Data rows whose batch has committed: where a resumed import goes on.
            count("rows_done"),
            count("created"),
            count("updated"),
            count("skipped"),
            count("failed"),
            // The first rows as they will be stored (for a dry run's preview).
            json("preview"),
            opt_text("error"),
            opt_fk_id("job_id"),
            opt_timestamp("finished_at"),
            opt_timestamp("undone_at"),
        ];
        imports.extend(bookkeeping());
        m.create_table(table(
            "imports",
            imports,
            &[("created_by", "users", "restrict")],
        ))
        .await?;
        m.create_index(index(
            "imports",
            "ix_imports_created",
            &["created_at", "id"],
        ))
        .await?;

        let mut records = table(
            "import_records",
            vec![
                fk_id("import_id"),
                fk_id("entity_id"),
                // created or updated
                text("action"),
                // The record before the import touched it (updated only).
                json("before"),
            ],
            &[("import_id", "imports", "cascade")],
        );
        records.primary_key(&mut primary_key(&["import_id", "entity_id"]));
        m.create_table(records).await?;

        let mut errors = table(
            "import_errors",
            vec![
                fk_id("import_id"),
                ColumnDef::new(Alias::new("row_number"))
                    .big_integer()
                    .not_null()
                    .to_owned(),
                // The row's original cells.
                json("cells"),
                text("message"),
            ],
            &[("import_id", "imports", "cascade")],
        );
        errors.primary_key(&mut primary_key(&["import_id", "row_number"]));
        m.create_table(errors).await?;

        let mut templates = vec![id("id"), text("name"), text("entity"), json("mapping")];
        templates.extend(bookkeeping());
        m.create_table(table("import_templates", templates, &[]))
            .await?;
        m.create_index(unique_index(
            "import_templates",
            "ux_import_templates_name",
            &["entity", "name"],
        ))
        .await?;

        for (role, resource, action, scope) in grants() {
            grant(m, role, resource, action, scope).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (role, resource, action, _) in grants() {
            m.exec_stmt(
                Query::delete()
                    .from_table(Alias::new("role_grants"))
                    .and_where(Expr::col(Alias::new("resource")).eq(resource))
                    .and_where(Expr::col(Alias::new("action")).eq(action))
                    .and_where(
                        Expr::col(Alias::new("role_id")).in_subquery(
                            Query::select()
                                .column(Alias::new("id"))
                                .from(Alias::new("roles"))
                                .and_where(Expr::col(Alias::new("key")).eq(role))
                                .to_owned(),
                        ),
                    )
                    .to_owned(),
            )
            .await?;
        }
        for t in [
            "import_templates",
            "import_errors",
            "import_records",
            "imports",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
