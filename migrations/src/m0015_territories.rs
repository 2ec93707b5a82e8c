//! Territories and the assignment table: a tree of areas, each defined by countries, regions and
//! postal codes; rules that give the partners of a territory (and group) their owners. A partner
//! and each branch remember the territory their address lies in; an owner row remembers the rule
//! that made it (none: set by hand), and a partner can be locked against automatic reassignment.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn add(table: &str, column: ColumnDef) -> TableAlterStatement {
    Table::alter()
        .table(Alias::new(table))
        .add_column(column)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut territories = vec![
            id("id"),
            opt_fk_id("parent_id"),
            text("name"),
            // JSON arrays; an empty one does not narrow the territory.
            json("countries"),
            json("regions"),
            // Prefixes ("10") or inclusive ranges ("10000-10999").
            json("postal_codes"),
        ];
        territories.extend(bookkeeping());
        m.create_table(table(
            "territories",
            territories,
            &[("parent_id", "territories", "restrict")],
        ))
        .await?;
        m.create_index(index(
            "territories",
            "ix_territories_parent",
            &["parent_id"],
        ))
        .await?;

        let mut rules = vec![
            id("id"),
            // None: anywhere.
            opt_fk_id("territory_id"),
            // None: any group.
            opt_fk_id("group_id"),
            fk_id("user_id"),
            text("role"),
            ColumnDef::new(Alias::new("priority"))
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
            ColumnDef::new(Alias::new("valid_from"))
                .date()
                .null()
                .to_owned(),
            ColumnDef::new(Alias::new("valid_to"))
                .date()
                .null()
                .to_owned(),
        ];
        rules.extend(bookkeeping());
        m.create_table(table(
            "assignment_rules",
            rules,
            &[
                ("territory_id", "territories", "restrict"),
                ("group_id", "list_items", "restrict"),
                ("user_id", "users", "restrict"),
            ],
        ))
        .await?;

        // SQLite adds columns without foreign keys; the services keep these in step.
        m.alter_table(add("partners", opt_fk_id("territory_id")))
            .await?;
        m.alter_table(add("partners", boolean("owners_locked", false)))
            .await?;
        m.alter_table(add("branches", opt_fk_id("territory_id")))
            .await?;
        m.alter_table(add("partner_owners", opt_fk_id("rule_id")))
            .await?;
        m.create_index(index(
            "partners",
            "ix_partners_territory",
            &["territory_id", "primary_owner_id"],
        ))
        .await?;

        for role in ["admin", "manager"] {
            for action in ["read", "create", "update", "delete"] {
                grant(m, role, "territories", action, "all").await?;
            }
        }
        for role in ["sales_rep", "buyer", "support_agent", "marketing", "viewer"] {
            grant(m, role, "territories", "read", "all").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).eq("territories"))
                .to_owned(),
        )
        .await?;
        for (table, column) in [
            ("partner_owners", "rule_id"),
            ("branches", "territory_id"),
            ("partners", "owners_locked"),
            ("partners", "territory_id"),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Alias::new(table))
                    .drop_column(Alias::new(column))
                    .to_owned(),
            )
            .await?;
        }
        for t in ["assignment_rules", "territories"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
