//! A caller's effective grants: the union of their roles' grants, keeping the widest scope.
use super::{Action, Resource, Scope};
use crate::error::ApiError;
use sea_orm::{ConnectionTrait, FromQueryResult, Statement};
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

/// Loads the grants of an active, not deleted user.
pub async fn load_grants(
    db: &impl ConnectionTrait,
    user_id: &str,
) -> Result<Grants, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let sql = "SELECT g.resource, g.action, g.scope FROM user_roles ur \
               JOIN role_grants g ON g.role_id = ur.role_id WHERE ur.user_id = $1";
    let rows = GrantRow::find_by_statement(Statement::from_sql_and_values(
        backend,
        crate::api::sql::portable(backend, sql),
        [user_id.into()],
    ))
    .all(db)
    .await?;
    let mut grants = Grants::default();
    for row in rows {
        grants.add(&row.resource, &row.action, &row.scope);
    }
    Ok(grants)
}
