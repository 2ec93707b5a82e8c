//! Records as stored, every column: what undo writes back over what an import updated.
use super::dto::ImportEntity;
use crate::error::{ApiError, ApiResult};
use crate::partners::entity::partner;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde_json::Value;
use std::collections::HashMap;

/// The stored row of a record (every column, as undo writes it back) and its version.
pub async fn snapshot(
    txn: &DatabaseTransaction,
    entity: ImportEntity,
    id: &str,
) -> ApiResult<(Value, i32)> {
    stored(txn, entity, &[id.to_owned()])
        .await?
        .remove(id)
        .ok_or(ApiError::NotFound)
}

/// `snapshot` of many records in one query: id -> (row, version).
pub async fn stored(
    txn: &DatabaseTransaction,
    entity: ImportEntity,
    ids: &[String],
) -> ApiResult<HashMap<String, (Value, i32)>> {
    fn rows<M: serde::Serialize>(
        models: Vec<M>,
        key: impl Fn(&M) -> (String, i32),
    ) -> ApiResult<HashMap<String, (Value, i32)>> {
        models
            .into_iter()
            .map(|m| {
                let (id, version) = key(&m);
                let value = serde_json::to_value(&m).map_err(|e| ApiError::Internal(e.into()))?;
                Ok((id, (value, version)))
            })
            .collect()
    }
    let ids = ids.iter().cloned();
    match entity {
        ImportEntity::Partners => rows(
            partner::Entity::find()
                .filter(partner::Column::Id.is_in(ids))
                .all(txn)
                .await?,
            |m| (m.id.clone(), m.version),
        ),
        ImportEntity::Persons => {
            use crate::persons::entity as person;
            rows(
                person::Entity::find()
                    .filter(person::Column::Id.is_in(ids))
                    .all(txn)
                    .await?,
                |m| (m.id.clone(), m.version),
            )
        }
        ImportEntity::Leads => {
            use crate::leads::entity as lead;
            rows(
                lead::Entity::find()
                    .filter(lead::Column::Id.is_in(ids))
                    .all(txn)
                    .await?,
                |m| (m.id.clone(), m.version),
            )
        }
    }
}
