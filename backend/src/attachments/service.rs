//! Attachments follow their record: who may read the record reads them, who may change it adds
//! and removes them.
use super::dto::{Attachment, ENTITY_TYPES};
use super::entity;
use super::storage::BlobStore;
use crate::access::Action;
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use std::path::Path;

/// 404 unless the caller may read the record; 403 if `action` is refused on it.
pub async fn check_parent(
    db: &impl ConnectionTrait,
    caller: &Caller,
    entity_type: &str,
    entity_id: &str,
    action: Action,
) -> ApiResult<()> {
    match entity_type {
        "partner" => crate::partners::service::find_visible(db, caller, action, entity_id, false)
            .await
            .map(|_| ()),
        "person" => crate::persons::service::find_visible(db, caller, action, entity_id, false)
            .await
            .map(|_| ()),
        "lead" => crate::leads::service::find_visible(db, caller, action, entity_id, false)
            .await
            .map(|_| ()),
        "activity" => crate::activities::service::find_visible(db, caller, action, entity_id)
            .await
            .map(|_| ()),
        "deal" => crate::deals::service::find_visible(db, caller, action, entity_id, false)
            .await
            .map(|_| ()),
        _ => Err(ApiError::invalid(
            "entity_type",
            "invalid_choice",
            &format!("One of: {}.", ENTITY_TYPES.join(", ")),
        )),
    }
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    entity_type: &str,
    entity_id: &str,
) -> ApiResult<Vec<Attachment>> {
    check_parent(db, caller, entity_type, entity_id, Action::Read).await?;
    Ok(entity::Entity::find()
        .filter(entity::Column::EntityType.eq(entity_type))
        .filter(entity::Column::EntityId.eq(entity_id))
        .filter(entity::Column::DeletedAt.is_null())
        .order_by_desc(entity::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(Attachment::from)
        .collect())
}

/// A spooled upload: where it is, what it is.
pub struct Upload<'a> {
    pub entity_type: &'a str,
    pub entity_id: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub sha256: String,
    pub spooled: &'a Path,
}

pub fn safe_name(raw: &str) -> String {
    let name: String = sanitize_filename::sanitize(raw).chars().take(200).collect();
    if name.trim().is_empty() {
        "file".into()
    } else {
        name
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    store: &dyn BlobStore,
    caller: &Caller,
    up: Upload<'_>,
) -> ApiResult<Attachment> {
    let txn = db.begin().await?;
    check_parent(&txn, caller, up.entity_type, up.entity_id, Action::Update).await?;
    let now = clock::now();
    let id = clock::new_id();
    let key = format!("{}/{}", now.format("%Y/%m"), id);
    let model = entity::Model {
        id: id.clone(),
        entity_type: up.entity_type.to_owned(),
        entity_id: up.entity_id.to_owned(),
        file_name: safe_name(up.file_name),
        content_type: up.content_type.to_owned(),
        size_bytes: up.size_bytes,
        sha256: up.sha256,
        storage_key: key.clone(),
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    entity::Entity::insert(entity::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    let dto = Attachment::from(model);
    let snapshot = serde_json::to_value(&dto).unwrap_or_default();
    history::record(
        &txn,
        caller.actor(),
        "attachment",
        &id,
        "create",
        history::created(&snapshot),
    )
    .await?;
    // The bytes are in place before the row commits; a failed commit leaves an orphan file, never a
    // row without its file.
    store
        .put(&key, up.spooled)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    txn.commit().await?;
    Ok(dto)
}

/// The attachment's metadata if its record is readable by the caller.
pub async fn find_readable(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<entity::Model> {
    let model = entity::Entity::find_by_id(id)
        .filter(entity::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    check_parent(
        db,
        caller,
        &model.entity_type,
        &model.entity_id,
        Action::Read,
    )
    .await
    .map_err(|e| {
        if matches!(e, ApiError::Validation(_)) {
            ApiError::NotFound
        } else {
            e
        }
    })?;
    Ok(model)
}

pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: crate::api::IfMatch,
) -> ApiResult<()> {
    let txn = db.begin().await?;
    let model = find_readable(&txn, caller, id).await?;
    check_parent(
        &txn,
        caller,
        &model.entity_type,
        &model.entity_id,
        Action::Update,
    )
    .await?;
    if_match.check(model.version)?;
    let before = serde_json::to_value(Attachment::from(model.clone())).unwrap_or_default();
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    active.deleted_at = Set(Some(clock::now()));
    crate::api::versioned::save(&txn, active, id, version).await?;
    history::record(
        &txn,
        caller.actor(),
        "attachment",
        id,
        "delete",
        history::diff(&before, &serde_json::Value::Null),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Moves attachments from one record to another (lead conversion, merges).
pub async fn move_all(
    db: &impl ConnectionTrait,
    from: (&str, &str),
    to: (&str, &str),
) -> ApiResult<u64> {
    use sea_orm::sea_query::Expr;
    Ok(entity::Entity::update_many()
        .col_expr(entity::Column::EntityType, Expr::value(to.0))
        .col_expr(entity::Column::EntityId, Expr::value(to.1))
        .filter(entity::Column::EntityType.eq(from.0))
        .filter(entity::Column::EntityId.eq(from.1))
        .exec(db)
        .await?
        .rows_affected)
}
