//! Grants of the built-in roles on partners, persons and managed lists. Sales reps and buyers work
//! the partners they own; managers their team's; support and marketing read all of them.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CRUD: [&str; 4] = ["read", "create", "update", "delete"];

fn plan() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for resource in ["partners", "persons", "lists"] {
        for action in CRUD {
            out.push(("admin", resource, action, "all"));
        }
    }
    for action in ["assign", "export", "import"] {
        out.push(("admin", "partners", action, "all"));
    }
    for role in [
        "manager",
        "sales_rep",
        "buyer",
        "support_agent",
        "marketing",
        "viewer",
    ] {
        out.push((role, "lists", "read", "all"));
    }
    for resource in ["partners", "persons"] {
        for action in CRUD {
            out.push(("manager", resource, action, "team"));
        }
        for role in ["sales_rep", "buyer"] {
            for action in ["read", "create", "update"] {
                out.push((role, resource, action, "own"));
            }
        }
        for role in ["support_agent", "marketing"] {
            out.push((role, resource, "read", "all"));
        }
        out.push(("viewer", resource, "read", "own"));
    }
    out.push(("manager", "partners", "assign", "team"));
    out.push(("manager", "partners", "export", "team"));
    out.push(("marketing", "partners", "export", "all"));
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (role, resource, action, scope) in plan() {
            crate::columns::grant(m, role, resource, action, scope).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(
                    Expr::col(Alias::new("resource")).is_in(["partners", "persons", "lists"]),
                )
                .to_owned(),
        )
        .await
    }
}
