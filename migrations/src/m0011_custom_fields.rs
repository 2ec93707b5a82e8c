//! Custom fields: administrators define extra fields per entity. Values live in each table's
//! `custom_fields` JSON column; the definition says how to check, filter and show them. Leads get
//! the column they lacked.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut columns = vec![
            id("id"),
            text("entity"),
            text("key"),
            text("label"),
            text("field_type"),
            json("options"),
            boolean("required", false),
            boolean("in_list", false),
            boolean("filterable", false),
            ColumnDef::new(Alias::new("position"))
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
        ];
        columns.extend(bookkeeping());
        m.create_table(table("custom_fields", columns, &[])).await?;
        m.create_index(unique_index(
            "custom_fields",
            "ux_custom_fields_entity_key",
            &["entity", "key"],
        ))
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("leads"))
                .add_column(json("custom_fields"))
                .to_owned(),
        )
        .await?;
        for action in ["create", "update", "delete"] {
            grant(m, "admin", "custom_fields", action, "all").await?;
        }
        // Every role reads the definitions: forms and lists cannot be drawn without them.
        for role in [
            "admin",
            "manager",
            "sales_rep",
            "buyer",
            "support_agent",
            "marketing",
            "viewer",
        ] {
            grant(m, role, "custom_fields", "read", "all").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).eq("custom_fields"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("leads"))
                .drop_column(Alias::new("custom_fields"))
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(Alias::new("custom_fields")).to_owned())
            .await
    }
}
