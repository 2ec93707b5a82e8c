//! Leads (business cards): contacts not yet qualified. Converting one creates or links a partner and
//! a person; activities logged on the lead move with it, and the partner remembers its lead.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut leads = vec![
            id("id"),
            text("first_name"),
            text("last_name"),
            opt_text("company_name"),
            opt_text("email"),
            opt_text("phone"),
            opt_text("city"),
            opt_text("country"),
            opt_fk_id("source_id"),
            text("status"),
            opt_text("notes"),
            opt_fk_id("owner_id"),
            opt_timestamp("converted_at"),
            opt_fk_id("partner_id"),
            opt_fk_id("person_id"),
        ];
        leads.extend(bookkeeping());
        m.create_table(table(
            "leads",
            leads,
            &[
                ("source_id", "list_items", "restrict"),
                ("owner_id", "users", "set_null"),
                ("partner_id", "partners", "set_null"),
                ("person_id", "persons", "set_null"),
            ],
        ))
        .await?;
        m.create_index(index(
            "leads",
            "ix_leads_owner",
            &["owner_id", "last_name", "id"],
        ))
        .await?;
        m.create_index(index(
            "leads",
            "ix_leads_name",
            &["last_name", "first_name", "id"],
        ))
        .await?;
        m.create_index(index(
            "leads",
            "ix_leads_status",
            &["status", "created_at", "id"],
        ))
        .await?;
        for (t, column) in [("activities", "lead_id"), ("partners", "lead_id")] {
            m.alter_table(
                Table::alter()
                    .table(Alias::new(t))
                    .add_column(ColumnDef::new(Alias::new(column)).string_len(36).null())
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(index(
            "activities",
            "ix_activities_lead",
            &["lead_id", "started_at", "id"],
        ))
        .await?;
        let mut plan = Vec::new();
        for action in ["read", "create", "update", "delete"] {
            plan.push(("admin", action, "all"));
            plan.push(("manager", action, "team"));
        }
        for role in ["sales_rep", "buyer", "marketing"] {
            for action in ["read", "create", "update"] {
                plan.push((role, action, "own"));
            }
        }
        plan.push(("support_agent", "read", "own"));
        plan.push(("viewer", "read", "own"));
        for (role, action, scope) in plan {
            grant(m, role, "leads", action, scope).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_activities_lead")
                .table(Alias::new("activities"))
                .to_owned(),
        )
        .await?;
        for (t, column) in [("activities", "lead_id"), ("partners", "lead_id")] {
            m.alter_table(
                Table::alter()
                    .table(Alias::new(t))
                    .drop_column(Alias::new(column))
                    .to_owned(),
            )
            .await?;
        }
        m.drop_table(Table::drop().table(Alias::new("leads")).to_owned())
            .await?;
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).eq("leads"))
                .to_owned(),
        )
        .await
    }
}
