//! Saved views are personal: whatever the grant's scope, a user lists and changes only their own.
//! The filter and sort are checked against the target list's field whitelist when saved.
use super::dto::{CreateSavedView, SavedView, SavedViewQuery, UpdateSavedView, FIELDS};
use super::entity;
use crate::access::{Action, Resource};
use crate::api::{fetch_page, filter, list, versioned, FilterNode, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::meta;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};

async fn check(
    db: &impl ConnectionTrait,
    resource: &str,
    filter_node: Option<&FilterNode>,
    sort: Option<&str>,
) -> ApiResult<()> {
    let spec = meta::field_set(db, resource).await?.ok_or_else(|| {
        ApiError::invalid("resource", "unknown_resource", "There is no such list.")
    })?;
    if let Some(node) = filter_node {
        filter::to_condition(node, &spec)?;
    }
    if let Some(sort) = sort {
        list::parse_sort(&spec, Some(sort))?;
    }
    Ok(())
}

fn json<T: serde::Serialize>(v: Option<T>) -> Option<serde_json::Value> {
    v.and_then(|v| serde_json::to_value(v).ok())
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &SavedViewQuery,
) -> ApiResult<Page<SavedView>> {
    caller.require(Resource::SavedViews, Action::Read)?;
    let mut select = entity::Entity::find()
        .filter(entity::Column::OwnerId.eq(caller.user_id.as_str()))
        .filter(entity::Column::DeletedAt.is_null());
    if let Some(r) = &q.resource {
        select = select.filter(entity::Column::Resource.eq(r.as_str()));
    }
    let page = ListQuery {
        limit: q.limit,
        cursor: q.cursor.clone(),
        ..Default::default()
    };
    Ok(fetch_page(db, select, &FIELDS, &page, None)
        .await?
        .map(SavedView::from))
}

async fn find(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<entity::Model> {
    entity::Entity::find_by_id(id)
        .filter(entity::Column::OwnerId.eq(caller.user_id.as_str()))
        .filter(entity::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<SavedView> {
    caller.require(Resource::SavedViews, Action::Read)?;
    Ok(find(db, caller, id).await?.into())
}

fn snapshot(v: &SavedView) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateSavedView,
) -> ApiResult<SavedView> {
    caller.require(Resource::SavedViews, Action::Create)?;
    let txn = db.begin().await?;
    check(
        &txn,
        &input.resource,
        input.filter.as_ref(),
        input.sort.as_deref(),
    )
    .await?;
    let now = clock::now();
    let model = entity::Model {
        id: clock::new_id(),
        owner_id: caller.user_id.clone(),
        resource: input.resource,
        name: input.name.trim().to_owned(),
        filter: json(input.filter),
        sort: input.sort,
        columns: json(input.columns),
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    entity::Entity::insert(entity::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    let dto = SavedView::from(model);
    history::record(
        &txn,
        caller.actor(),
        "saved_view",
        &dto.id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

async fn save(
    txn: &sea_orm::DatabaseTransaction,
    caller: &Caller,
    model: entity::Model,
    action: &str,
    change: impl FnOnce(&mut entity::ActiveModel),
) -> ApiResult<SavedView> {
    let before = snapshot(&SavedView::from(model.clone()));
    let (id, version) = (model.id.clone(), model.version);
    let mut active: entity::ActiveModel = model.into();
    change(&mut active);
    versioned::save(txn, active, &id, version).await?;
    let dto = SavedView::from(
        entity::Entity::find_by_id(id.as_str())
            .one(txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        txn,
        caller.actor(),
        "saved_view",
        &id,
        action,
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: UpdateSavedView,
) -> ApiResult<SavedView> {
    caller.require(Resource::SavedViews, Action::Update)?;
    let txn = db.begin().await?;
    let model = find(&txn, caller, id).await?;
    if_match.check(model.version)?;
    let filter_node = input.filter.clone().flatten();
    let sort = input.sort.clone().flatten();
    check(&txn, &model.resource, filter_node.as_ref(), sort.as_deref()).await?;
    let dto = save(&txn, caller, model, "update", |a| {
        if let Some(name) = input.name {
            a.name = Set(name.trim().to_owned());
        }
        if let Some(f) = input.filter {
            a.filter = Set(json(f));
        }
        if let Some(s) = input.sort {
            a.sort = Set(s);
        }
        if let Some(c) = input.columns {
            a.columns = Set(json(c));
        }
    })
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    caller.require(Resource::SavedViews, Action::Delete)?;
    let txn = db.begin().await?;
    let model = find(&txn, caller, id).await?;
    if_match.check(model.version)?;
    save(&txn, caller, model, "delete", |a| {
        a.deleted_at = Set(Some(clock::now()))
    })
    .await?;
    txn.commit().await?;
    Ok(())
}
