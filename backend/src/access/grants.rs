//! A caller's effective grants: the union of their roles' grants, keeping the widest scope.
use super::{Action, Resource, Scope};
use crate::error::ApiError;
use sea_orm::{ConnectionTrait, FromQueryResult};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct Grant {
    pub resource: Resource,
    pub action: Action,
    pub scope: Scope,
}

/// Shared, so caching and handing out a caller's grants never copies the map.
#[derive(Debug, Clone, Default)]
pub struct Grants(std::sync::Arc<BTreeMap<(Resource, Action), Scope>>);

impl Grants {
    pub fn add(&mut self, resource: &str, action: &str, scope: &str) {
        // Rows naming a resource this build does not know (a newer migration's, say) are ignored.
        let (Some(r), Some(a), Some(s)) = (
            Resource::parse(resource),
            Action::parse(action),
            Scope::parse(scope),
        ) else {
            return;
        };
        let entry = std::sync::Arc::make_mut(&mut self.0)
            .entry((r, a))
            .or_insert(s);
        *entry = (*entry).max(s);
    }

    pub fn scope(&self, resource: Resource, action: Action) -> Option<Scope> {
        self.0.get(&(resource, action)).copied()
    }

    /// The scope this action is granted with, or 403.
    pub fn require(&self, resource: Resource, action: Action) -> Result<Scope, ApiError> {
        self.scope(resource, action).ok_or(ApiError::Forbidden)
    }

    pub fn list(&self) -> Vec<Grant> {
        self.0
            .iter()
            .map(|(&(resource, action), &scope)| Grant {
                resource,
                action,
                scope,
            })
            .collect()
    }
}

#[derive(FromQueryResult)]
struct GrantRow {
    resource: String,
    action: String,
    scope: String,
}

static GRANTS_SQL: crate::api::sql::Sql = crate::api::sql::Sql::new(
    "SELECT g.resource, g.action, g.scope FROM user_roles ur \
     JOIN role_grants g ON g.role_id = ur.role_id WHERE ur.user_id = $1",
);

/// Loads the grants of a user.
pub async fn load_grants(
    db: &impl ConnectionTrait,
    user_id: &str,
) -> Result<Grants, sea_orm::DbErr> {
    let rows = GrantRow::find_by_statement(
        GRANTS_SQL.statement(db.get_database_backend(), [user_id.into()]),
    )
    .all(db)
    .await?;
    let mut grants = Grants::default();
    for row in rows {
        grants.add(&row.resource, &row.action, &row.scope);
    }
    Ok(grants)
}
