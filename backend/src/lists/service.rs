//! Managed lists: everyone with `lists:read` reads them; administrators edit them. Items are
//! deactivated or soft-deleted, never purged, because records keep pointing at them.
use super::dto::{CreateListItem, ListItem, UpdateListItem, FIELDS, LISTS};
use super::entity;
use crate::access::{Action, Resource};
use crate::api::{fetch_page, versioned, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};

fn known(list: &str) -> ApiResult<()> {
    if LISTS.contains(&list) {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    list: &str,
    page: &ListQuery,
) -> ApiResult<Page<ListItem>> {
    caller.require(Resource::Lists, Action::Read)?;
    known(list)?;
    let select = entity::Entity::find()
        .filter(entity::Column::List.eq(list))
        .filter(entity::Column::DeletedAt.is_null());
    Ok(fetch_page(db, select, &FIELDS, page, None)
        .await?
        .map(ListItem::from))
}

/// Checks that `id` is a live item of `list`; used by every record that points at a list.
pub async fn check_item(
    db: &impl ConnectionTrait,
    list: &str,
    field: &str,
    id: &str,
) -> ApiResult<()> {
    let found = entity::Entity::find_by_id(id)
        .filter(entity::Column::List.eq(list))
        .filter(entity::Column::DeletedAt.is_null())
        .one(db)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(unknown_item(field)),
    }
}

fn unknown_item(field: &str) -> ApiError {
    ApiError::invalid(field, "unknown_item", "Not an item of this list.")
}

fn unknown_code(field: &str, missing: &str) -> ApiError {
    ApiError::invalid(
        field,
        "unknown_item",
        &format!("`{missing}` is not in the list."),
    )
}

/// The live items of some lists, read once to check many records without a query each (an
/// import); the checks answer exactly as `check_item` and `check_codes` do.
#[derive(Default)]
pub struct Known {
    ids: std::collections::HashMap<String, std::collections::HashSet<String>>,
    codes: std::collections::HashMap<String, std::collections::HashSet<String>>,
}

impl Known {
    pub async fn load(db: &impl ConnectionTrait, lists: &[&str]) -> ApiResult<Self> {
        let items = entity::Entity::find()
            .filter(entity::Column::List.is_in(lists.iter().copied()))
            .filter(entity::Column::DeletedAt.is_null())
            .all(db)
            .await?;
        let mut known = Self::default();
        for item in items {
            known
                .ids
                .entry(item.list.clone())
                .or_default()
                .insert(item.id);
            known.codes.entry(item.list).or_default().insert(item.code);
        }
        Ok(known)
    }

    pub fn check_item(&self, list: &str, field: &str, id: &str) -> ApiResult<()> {
        match self.ids.get(list).is_some_and(|ids| ids.contains(id)) {
            true => Ok(()),
            false => Err(unknown_item(field)),
        }
    }

    pub fn check_codes(&self, list: &str, field: &str, codes: &[String]) -> ApiResult<()> {
        let live = self.codes.get(list);
        match codes.iter().find(|c| !live.is_some_and(|l| l.contains(*c))) {
            None => Ok(()),
            Some(missing) => Err(unknown_code(field, missing)),
        }
    }
}

/// The codes among `codes` that are not live items of `list` (tags are stored by code).
pub async fn check_codes(
    db: &impl ConnectionTrait,
    list: &str,
    field: &str,
    codes: &[String],
) -> ApiResult<()> {
    if codes.is_empty() {
        return Ok(());
    }
    let found: Vec<String> = entity::Entity::find()
        .filter(entity::Column::List.eq(list))
        .filter(entity::Column::Code.is_in(codes.iter().cloned()))
        .filter(entity::Column::DeletedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.code)
        .collect();
    match codes.iter().find(|c| !found.contains(c)) {
        None => Ok(()),
        Some(missing) => Err(unknown_code(field, missing)),
    }
}

async fn find(db: &impl ConnectionTrait, list: &str, id: &str) -> ApiResult<entity::Model> {
    entity::Entity::find_by_id(id)
        .filter(entity::Column::List.eq(list))
        .filter(entity::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

fn snapshot(i: &ListItem) -> serde_json::Value {
    serde_json::to_value(i).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    list: &str,
    input: CreateListItem,
) -> ApiResult<ListItem> {
    caller.require(Resource::Lists, Action::Create)?;
    known(list)?;
    let txn = db.begin().await?;
    let taken = entity::Entity::find()
        .filter(entity::Column::List.eq(list))
        .filter(entity::Column::Code.eq(&input.code))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(ApiError::field_conflict(
            "code_taken",
            "code",
            "Another item of this list has this code.",
        ));
    }
    let now = clock::now();
    let model = entity::Model {
        id: clock::new_id(),
        list: list.to_owned(),
        code: input.code.trim().to_owned(),
        name: input.name.trim().to_owned(),
        position: input.position.unwrap_or(0),
        active: true,
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    entity::Entity::insert(entity::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    let dto = ListItem::from(model);
    history::record(
        &txn,
        caller.actor(),
        "list_item",
        &dto.id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    list: &str,
    id: &str,
    if_match: IfMatch,
    input: UpdateListItem,
) -> ApiResult<ListItem> {
    caller.require(Resource::Lists, Action::Update)?;
    let txn = db.begin().await?;
    let model = find(&txn, list, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    if let Some(name) = input.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(position) = input.position {
        active.position = Set(position);
    }
    if let Some(flag) = input.active {
        active.active = Set(flag);
    }
    versioned::save(&txn, active, id, version).await?;
    let dto = ListItem::from(find(&txn, list, id).await?);
    history::record(
        &txn,
        caller.actor(),
        "list_item",
        id,
        "update",
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    list: &str,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    caller.require(Resource::Lists, Action::Delete)?;
    let txn = db.begin().await?;
    let model = find(&txn, list, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    active.deleted_at = Set(Some(clock::now()));
    versioned::save(&txn, active, id, version).await?;
    history::record(
        &txn,
        caller.actor(),
        "list_item",
        id,
        "delete",
        history::diff(&before, &serde_json::Value::Null),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
