//! The contact log (activities) and each user's hourly rate, which prices the time spent on contacts.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Money is an integer amount in minor units plus an ISO 4217 currency.
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(
                    ColumnDef::new(Alias::new("hourly_rate"))
                        .big_integer()
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(
                    ColumnDef::new(Alias::new("rate_currency"))
                        .string_len(3)
                        .null(),
                )
                .to_owned(),
        )
        .await?;

        let mut activities = vec![
            id("id"),
            text("kind"),
            opt_fk_id("type_id"),
            timestamp("started_at"),
            ColumnDef::new(Alias::new("duration_minutes"))
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
            fk_id("user_id"),
            text("subject"),
            opt_text("description"),
            json("participant_ids"),
            opt_fk_id("partner_id"),
            opt_fk_id("person_id"),
        ];
        activities.extend(bookkeeping());
        m.create_table(table(
            "activities",
            activities,
            &[
                ("type_id", "list_items", "restrict"),
                ("user_id", "users", "restrict"),
                ("partner_id", "partners", "set_null"),
                ("person_id", "persons", "set_null"),
            ],
        ))
        .await?;
        for (name, cols) in [
            (
                "ix_activities_partner",
                &["partner_id", "started_at", "id"][..],
            ),
            ("ix_activities_person", &["person_id", "started_at", "id"]),
            ("ix_activities_user", &["user_id", "started_at", "id"]),
            ("ix_activities_started", &["started_at", "id"]),
        ] {
            m.create_index(index("activities", name, cols)).await?;
        }
        let mut plan = Vec::new();
        for action in ["read", "create", "update", "delete"] {
            plan.push(("admin", action, "all"));
            plan.push(("manager", action, "team"));
        }
        for role in ["sales_rep", "buyer", "support_agent", "marketing"] {
            for action in ["read", "create", "update"] {
                plan.push((role, action, "own"));
            }
        }
        plan.push(("viewer", "read", "own"));
        for (role, action, scope) in plan {
            grant(m, role, "activities", action, scope).await?;
        }
        for (role, scope) in [("admin", "all"), ("manager", "team")] {
            grant(m, role, "reports", "read", scope).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("activities")).to_owned())
            .await?;
        for column in ["hourly_rate", "rate_currency"] {
            m.alter_table(
                Table::alter()
                    .table(Alias::new("users"))
                    .drop_column(Alias::new(column))
                    .to_owned(),
            )
            .await?;
        }
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).is_in(["activities", "reports"]))
                .to_owned(),
        )
        .await
    }
}
