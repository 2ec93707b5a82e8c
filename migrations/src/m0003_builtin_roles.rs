//! The built-in roles of DESIGN.md and their grants on the foundation's resources. Later modules add
//! their own migration granting their resources to these roles. Admins may edit the grants afterwards;
//! this migration only seeds them.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (key, name, description)
pub const BUILTIN_ROLES: &[(&str, &str, &str)] = &[
    ("admin", "Administrator", "Full access to every resource"),
    (
        "manager",
        "Manager",
        "Leads a team of sales reps and sees their work",
    ),
    ("sales_rep", "Sales rep", "Works the partners they own"),
    ("buyer", "Buyer", "Works supply deals and suppliers"),
    (
        "support_agent",
        "Support agent",
        "Handles tickets and the knowledge base",
    ),
    ("marketing", "Marketing", "Runs campaigns and mailings"),
    ("viewer", "Viewer", "Reads what is shared with them"),
];

const FOUNDATION: &[(&str, &[&str])] = &[
    ("users", &["read", "create", "update", "delete"]),
    ("roles", &["read", "create", "update", "delete"]),
    ("teams", &["read", "create", "update", "delete"]),
    ("api_keys", &["read", "create", "update", "delete"]),
    ("history", &["read", "export"]),
    ("saved_views", &["read", "create", "update", "delete"]),
];

/// (resource, action, scope)
type GrantRow = (&'static str, &'static str, &'static str);

/// (role key, resource, action, scope) rows seeded for the foundation's resources.
pub fn builtin_grants() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for (resource, actions) in FOUNDATION {
        for action in *actions {
            out.push(("admin", *resource, *action, "all"));
        }
    }
    let personal: &[GrantRow] = &[
        ("saved_views", "read", "own"),
        ("saved_views", "create", "own"),
        ("saved_views", "update", "own"),
        ("saved_views", "delete", "own"),
    ];
    let worker: &[GrantRow] = &[
        ("users", "read", "own"),
        ("teams", "read", "own"),
        ("history", "read", "own"),
        ("api_keys", "read", "own"),
        ("api_keys", "create", "own"),
        ("api_keys", "update", "own"),
    ];
    let manager: &[GrantRow] = &[
        ("users", "read", "team"),
        ("teams", "read", "team"),
        ("history", "read", "team"),
        ("history", "export", "team"),
        ("api_keys", "read", "own"),
        ("api_keys", "create", "own"),
        ("api_keys", "update", "own"),
        ("roles", "read", "all"),
    ];
    let viewer: &[GrantRow] = &[("users", "read", "own"), ("history", "read", "own")];
    let plan: &[(&str, &[GrantRow])] = &[
        ("manager", manager),
        ("sales_rep", worker),
        ("buyer", worker),
        ("support_agent", worker),
        ("marketing", worker),
        ("viewer", viewer),
    ];
    for (role, grants) in plan {
        for (resource, action, scope) in grants.iter().chain(personal.iter()) {
            out.push((*role, *resource, *action, *scope));
        }
    }
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let now = chrono::Utc::now();
        let mut ids = std::collections::HashMap::new();
        for (key, name, description) in BUILTIN_ROLES {
            let id = uuid::Uuid::now_v7().to_string();
            ids.insert(*key, id.clone());
            let insert = Query::insert()
                .into_table(Alias::new("roles"))
                .columns(
                    [
                        "id",
                        "key",
                        "name",
                        "description",
                        "built_in",
                        "created_at",
                        "updated_at",
                        "version",
                    ]
                    .map(Alias::new),
                )
                .values_panic([
                    id.into(),
                    (*key).into(),
                    (*name).into(),
                    (*description).into(),
                    true.into(),
                    now.into(),
                    now.into(),
                    1.into(),
                ])
                .to_owned();
            m.exec_stmt(insert).await?;
        }
        for (role, resource, action, scope) in builtin_grants() {
            let Some(role_id) = ids.get(role) else {
                return Err(DbErr::Custom(format!("unknown built-in role {role}")));
            };
            let insert = Query::insert()
                .into_table(Alias::new("role_grants"))
                .columns(["role_id", "resource", "action", "scope"].map(Alias::new))
                .values_panic([
                    role_id.clone().into(),
                    resource.into(),
                    action.into(),
                    scope.into(),
                ])
                .to_owned();
            m.exec_stmt(insert).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("roles"))
                .and_where(Expr::col(Alias::new("built_in")).eq(true))
                .to_owned(),
        )
        .await
    }
}
