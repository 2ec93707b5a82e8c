//! The one shape every "get this record for that action" takes: read it under the caller's read
//! scope (404 when it is out of reach, so existence is never revealed), then check the action's
//! scope reaches it too (403 when the role sees but may not act).
use super::{Action, Resource, Scope};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Select};

pub async fn find_for<E: EntityTrait>(
    db: &impl ConnectionTrait,
    caller: &Caller,
    resource: Resource,
    action: Action,
    by_id: Select<E>,
    visible: impl Fn(Scope) -> Condition,
) -> ApiResult<E::Model> {
    let read = caller.require(resource, Action::Read)?;
    let model = by_id
        .clone()
        .filter(visible(read))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let reach = caller.require(resource, action)?;
    if reach < read {
        by_id
            .filter(visible(reach))
            .one(db)
            .await?
            .ok_or(ApiError::Forbidden)?;
    }
    Ok(model)
}

/// Live records, or the trash.
pub fn live(deleted_at: impl ColumnTrait, trashed: bool) -> Condition {
    Condition::all().add(if trashed {
        deleted_at.is_not_null()
    } else {
        deleted_at.is_null()
    })
}
