//! The `import.undo` job: what the import created is deleted and what it updated is written back
//! as it was, in batches that each commit their records' removal from the import, so a crash
//! resumes where it stopped. History records both (`import_undo`).
use super::dto::ImportEntity;
use super::entity::{import, record};
use super::run::{find, import_id};
use super::status;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::jobs::entity as job;
use crate::jobs::worker::JobResult;
use crate::partners::entity::{owner, partner};
use crate::state::AppState;
use crate::{clock, leads, persons};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};
use serde_json::Value;

pub const UNDO_JOB: &str = "import.undo";
const BATCH: u64 = 1000;

pub async fn run(state: &AppState, job: &job::Model) -> JobResult {
    let id = import_id(job)?;
    let db = &state.db.write;
    let m = find(db, &id).await?;
    if m.status != status::UNDOING {
        return Ok(None);
    }
    let entity = ImportEntity::parse(&m.entity).ok_or(ApiError::NotFound)?;
    let request = format!("import:{id}");
    let actor = history::Actor {
        user_id: job.created_by.as_deref(),
        request_id: Some(&request),
        ..history::Actor::SYSTEM
    };
    loop {
        let txn = db.begin().await.map_err(ApiError::from)?;
        let records = record::Entity::find()
            .filter(record::Column::ImportId.eq(&id))
            .order_by_asc(record::Column::EntityId)
            .limit(BATCH)
            .all(&txn)
            .await
            .map_err(ApiError::from)?;
        if records.is_empty() {
            break;
        }
        let ids: Vec<String> = records.iter().map(|r| r.entity_id.clone()).collect();
        let mut current = super::stored::stored(&txn, entity, &ids).await?;
        let mut entries = Vec::with_capacity(records.len());
        let mut created = Vec::new();
        for r in &records {
            // A record deleted since has nothing left to undo but its import record.
            let Some((now, _)) = current.remove(&r.entity_id) else {
                continue;
            };
            match (&r.action[..], &r.before) {
                ("updated", Some(before)) => {
                    restore(&txn, entity, before.clone()).await?;
                    entries.push((r.entity_id.clone(), history::diff(&now, before)));
                }
                _ => {
                    created.push(r.entity_id.clone());
                    entries.push((r.entity_id.clone(), history::diff(&now, &Value::Null)));
                }
            }
        }
        delete(&txn, entity, &created).await?;
        history::record_many(&txn, actor, entity.record_type(), "import_undo", entries)
            .await
            .map_err(ApiError::from)?;
        record::Entity::delete_many()
            .filter(record::Column::ImportId.eq(&id))
            .filter(record::Column::EntityId.is_in(ids))
            .exec(&txn)
            .await
            .map_err(ApiError::from)?;
        txn.commit().await.map_err(ApiError::from)?;
    }
    import::Entity::update(import::ActiveModel {
        id: Set(id.clone()),
        status: Set(status::UNDONE.into()),
        undone_at: Set(Some(state.clock.now())),
        updated_at: Set(clock::now()),
        ..Default::default()
    })
    .exec(db)
    .await
    .map_err(ApiError::from)?;
    Ok(Some(serde_json::json!({ "import_id": id })))
}

/// Writes back every column of a record as it was before the import.
async fn restore(txn: &DatabaseTransaction, entity: ImportEntity, before: Value) -> ApiResult<()> {
    let bad = |e: serde_json::Error| ApiError::Internal(e.into());
    match entity {
        ImportEntity::Partners => {
            let m: partner::Model = serde_json::from_value(before).map_err(bad)?;
            partner::ActiveModel::from(m)
                .reset_all()
                .update(txn)
                .await?;
        }
        ImportEntity::Persons => {
            let m: persons::entity::Model = serde_json::from_value(before).map_err(bad)?;
            persons::entity::ActiveModel::from(m)
                .reset_all()
                .update(txn)
                .await?;
        }
        ImportEntity::Leads => {
            let m: leads::entity::Model = serde_json::from_value(before).map_err(bad)?;
            leads::entity::ActiveModel::from(m)
                .reset_all()
                .update(txn)
                .await?;
        }
    }
    Ok(())
}

/// Deletes records the import created (a partner's owner rows with it).
async fn delete(txn: &DatabaseTransaction, entity: ImportEntity, ids: &[String]) -> ApiResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let ids = ids.iter().cloned();
    match entity {
        ImportEntity::Partners => {
            owner::Entity::delete_many()
                .filter(owner::Column::PartnerId.is_in(ids.clone()))
                .exec(txn)
                .await?;
            partner::Entity::delete_many()
                .filter(partner::Column::Id.is_in(ids))
                .exec(txn)
                .await?;
        }
        ImportEntity::Persons => {
            persons::entity::Entity::delete_many()
                .filter(persons::entity::Column::Id.is_in(ids))
                .exec(txn)
                .await?;
        }
        ImportEntity::Leads => {
            leads::entity::Entity::delete_many()
                .filter(leads::entity::Column::Id.is_in(ids))
                .exec(txn)
                .await?;
        }
    }
    Ok(())
}
