//! Custom field definitions: administrators define them, everyone reads them, and every list and
//! write of partners, persons and leads consults them.
use super::dto::{
    CreateCustomField, CustomEntity, CustomField, CustomFieldQuery, UpdateCustomField,
};
use super::{entity, indexes, values};
use crate::access::{Action, Resource};
use crate::api::fields::{Field, FieldSet, ResourceFields};
use crate::api::{versioned, IfMatch};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
pub use values::merge;

/// Enough for any real form; keeps indexes and payloads bounded.
const MAX_PER_ENTITY: u64 = 100;

/// The definitions of `entity` (a table name), in form order.
pub async fn definitions(db: &impl ConnectionTrait, entity: &str) -> ApiResult<Vec<CustomField>> {
    Ok(entity::Entity::find()
        .filter(entity::Column::Entity.eq(entity))
        .order_by_asc(entity::Column::Position)
        .order_by_asc(entity::Column::Label)
        .all(db)
        .await?
        .into_iter()
        .filter_map(CustomField::from_model)
        .collect())
}

/// The fields a list of `spec` filters and sorts on, its custom fields included.
pub async fn field_set(
    db: &impl ConnectionTrait,
    spec: &'static ResourceFields,
) -> ApiResult<FieldSet<'static>> {
    let mut set = FieldSet::fixed(spec, db.get_database_backend());
    set.custom = definitions(db, spec.table)
        .await?
        .iter()
        .map(|d| Field::custom(&d.key, &d.label, d.kind(), d.filterable))
        .collect();
    Ok(set)
}

/// The custom field values to store on a record of `entity`: `incoming` written over the record's
/// `current` values (`None` when creating, when every required field needs a value) and checked
/// against the definitions. `None` when an update names no custom field: nothing to write.
pub async fn values_to_store(
    db: &impl ConnectionTrait,
    entity: &str,
    current: Option<Option<&serde_json::Value>>,
    incoming: Option<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Option<serde_json::Value>> {
    if incoming.is_none() && current.is_some() {
        return Ok(None);
    }
    let defs = definitions(db, entity).await?;
    let empty = serde_json::Value::Null;
    values::merge(&defs, current.map(|c| c.unwrap_or(&empty)), incoming).map(Some)
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &CustomFieldQuery,
) -> ApiResult<Vec<CustomField>> {
    caller.require(Resource::CustomFields, Action::Read)?;
    let mut select = entity::Entity::find();
    if let Some(e) = q.entity {
        select = select.filter(entity::Column::Entity.eq(e.as_str()));
    }
    Ok(select
        .order_by_asc(entity::Column::Entity)
        .order_by_asc(entity::Column::Position)
        .order_by_asc(entity::Column::Label)
        .all(db)
        .await?
        .into_iter()
        .filter_map(CustomField::from_model)
        .collect())
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<CustomField> {
    entity::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(CustomField::from_model)
        .ok_or(ApiError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<CustomField> {
    caller.require(Resource::CustomFields, Action::Read)?;
    find(db, id).await
}

fn snapshot(f: &CustomField) -> serde_json::Value {
    serde_json::to_value(f).unwrap_or_default()
}

fn check_options(field_type: super::dto::CustomFieldType, options: &[String]) -> ApiResult<()> {
    match (field_type.has_options(), options.is_empty()) {
        (true, true) => Err(ApiError::invalid(
            "options",
            "required",
            "A choice needs at least one option.",
        )),
        (false, false) => Err(ApiError::invalid(
            "options",
            "not_allowed",
            "Only choices have options.",
        )),
        _ => Ok(()),
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateCustomField,
) -> ApiResult<CustomField> {
    caller.require(Resource::CustomFields, Action::Create)?;
    check_options(input.field_type, &input.options)?;
    let entity_name = input.entity.as_str();
    let txn = db.begin().await?;
    let siblings = entity::Entity::find().filter(entity::Column::Entity.eq(entity_name));
    if siblings
        .clone()
        .filter(entity::Column::Key.eq(&input.key))
        .count(&txn)
        .await?
        > 0
    {
        return Err(ApiError::field_conflict(
            "key_taken",
            "key",
            "Another field of this entity has this key.",
        ));
    }
    if siblings.count(&txn).await? >= MAX_PER_ENTITY {
        return Err(ApiError::conflict(
            "too_many_custom_fields",
            format!("An entity has at most {MAX_PER_ENTITY} custom fields."),
        ));
    }
    let now = clock::now();
    let id = clock::new_id();
    entity::Entity::insert(entity::ActiveModel {
        id: Set(id.clone()),
        entity: Set(entity_name.to_owned()),
        key: Set(input.key),
        label: Set(input.label.trim().to_owned()),
        field_type: Set(input.field_type.as_str().to_owned()),
        options: Set(Some(serde_json::json!(input.options))),
        required: Set(input.required),
        in_list: Set(input.in_list),
        filterable: Set(input.filterable),
        position: Set(input.position.unwrap_or(0)),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    let dto = find(&txn, &id).await?;
    if dto.filterable {
        indexes::create(&txn, &dto).await?;
    }
    history::record(
        &txn,
        caller.actor(),
        "custom_field",
        &id,
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
    id: &str,
    if_match: IfMatch,
    input: UpdateCustomField,
) -> ApiResult<CustomField> {
    caller.require(Resource::CustomFields, Action::Update)?;
    let txn = db.begin().await?;
    let before = find(&txn, id).await?;
    if_match.check(before.version)?;
    let mut active = entity::ActiveModel {
        id: Set(id.to_owned()),
        ..Default::default()
    };
    if let Some(options) = input.options {
        check_options(before.field_type, &options)?;
        active.options = Set(Some(serde_json::json!(options)));
    }
    if let Some(v) = input.label {
        active.label = Set(v.trim().to_owned());
    }
    if let Some(v) = input.required {
        active.required = Set(v);
    }
    if let Some(v) = input.in_list {
        active.in_list = Set(v);
    }
    if let Some(v) = input.filterable {
        active.filterable = Set(v);
    }
    if let Some(v) = input.position {
        active.position = Set(v);
    }
    versioned::save(&txn, active, id, before.version).await?;
    let after = find(&txn, id).await?;
    match (before.filterable, after.filterable) {
        (false, true) => indexes::create(&txn, &after).await?,
        (true, false) => indexes::drop(&txn, &after).await?,
        _ => {}
    }
    history::record(
        &txn,
        caller.actor(),
        "custom_field",
        id,
        "update",
        history::diff(&snapshot(&before), &snapshot(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Deletes the definition, its index and its values on every record, in one transaction.
pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    caller.require(Resource::CustomFields, Action::Delete)?;
    let txn = db.begin().await?;
    let def = find(&txn, id).await?;
    if_match.check(def.version)?;
    indexes::drop(&txn, &def).await?;
    indexes::strip_values(&txn, &def).await?;
    entity::Entity::delete_by_id(id).exec(&txn).await?;
    history::record(
        &txn,
        caller.actor(),
        "custom_field",
        id,
        "delete",
        history::diff(&snapshot(&def), &serde_json::Value::Null),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Whether `entity` is one that carries custom fields.
pub fn carries(entity: &str) -> bool {
    [
        CustomEntity::Partners,
        CustomEntity::Persons,
        CustomEntity::Leads,
        CustomEntity::Deals,
    ]
    .iter()
    .any(|e| e.as_str() == entity)
}

/// A keyset page of a list whose records carry custom fields: filters and sorts may name them.
/// `full_text`: the select is narrowed by a quick search (see `FieldSet::sort_hits`).
pub async fn fetch_page<E>(
    db: &impl ConnectionTrait,
    select: sea_orm::Select<E>,
    spec: &'static ResourceFields,
    page: &crate::api::ListQuery,
    filter: Option<&crate::api::FilterNode>,
    full_text: bool,
) -> ApiResult<crate::api::Page<E::Model>>
where
    E: EntityTrait,
    E::Model: serde::Serialize + sea_orm::FromQueryResult + Sync + Send,
{
    let mut fields = field_set(db, spec).await?;
    fields.sort_hits = full_text;
    crate::api::list::fetch_page_in(db, select, &fields, page, filter).await
}
