//! Deal types and their stages: defined by admins, read by everyone who works deals.
use super::dto::{DealType, DealTypeFields, DealTypeQuery, StageInput};
use super::entity::{deal_type, stage};
use crate::access::{Action, Resource};
use crate::api::{versioned, IfMatch};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use std::collections::HashMap;

/// The stages of types, in order.
pub async fn stages_of(
    db: &impl ConnectionTrait,
    type_ids: &[String],
) -> ApiResult<HashMap<String, Vec<stage::Model>>> {
    let mut by_type: HashMap<String, Vec<stage::Model>> = HashMap::new();
    for s in stage::Entity::find()
        .filter(stage::Column::TypeId.is_in(type_ids.iter().cloned()))
        .filter(stage::Column::DeletedAt.is_null())
        .order_by_asc(stage::Column::Position)
        .all(db)
        .await?
    {
        by_type.entry(s.type_id.clone()).or_default().push(s);
    }
    Ok(by_type)
}

/// A live type with its stages, or 404.
pub async fn load(db: &impl ConnectionTrait, id: &str) -> ApiResult<DealType> {
    let model = deal_type::Entity::find_by_id(id)
        .filter(deal_type::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut stages = stages_of(db, std::slice::from_ref(&model.id)).await?;
    let own = stages.remove(&model.id).unwrap_or_default();
    Ok(DealType::new(model, own))
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &DealTypeQuery,
) -> ApiResult<Vec<DealType>> {
    caller.require(Resource::DealTypes, Action::Read)?;
    let mut select = deal_type::Entity::find().filter(deal_type::Column::DeletedAt.is_null());
    if let Some(k) = &q.kind {
        select = select.filter(deal_type::Column::Kind.eq(k.as_str()));
    }
    if let Some(a) = q.active {
        select = select.filter(deal_type::Column::Active.eq(a));
    }
    let types = select
        .order_by_asc(deal_type::Column::Position)
        .order_by_asc(deal_type::Column::Name)
        .all(db)
        .await?;
    let ids: Vec<String> = types.iter().map(|t| t.id.clone()).collect();
    let mut stages = stages_of(db, &ids).await?;
    Ok(types
        .into_iter()
        .map(|t| {
            let own = stages.remove(&t.id).unwrap_or_default();
            DealType::new(t, own)
        })
        .collect())
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<DealType> {
    caller.require(Resource::DealTypes, Action::Read)?;
    load(db, id).await
}

/// A pipeline needs a way in, a way to win and a way to lose.
fn check_stages(stages: &[StageInput]) -> ApiResult<()> {
    let mut errors = Vec::new();
    for outcome in ["open", "won", "lost"] {
        if !stages.iter().any(|s| s.outcome == outcome) {
            errors.push(FieldError::new(
                "stages",
                "missing_outcome",
                format!("The pipeline needs at least one `{outcome}` stage."),
            ));
        }
    }
    if stages.first().is_some_and(|s| s.outcome != "open") {
        errors.push(FieldError::new(
            "stages[0].outcome",
            "first_stage_open",
            "Deals start in the first stage, which must be open.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Writes the stages as given: kept ones updated in place, new ones inserted, left-out ones
/// removed (unless a deal is in them).
async fn save_stages(
    txn: &DatabaseTransaction,
    caller: &Caller,
    type_id: &str,
    stages: &[StageInput],
) -> ApiResult<()> {
    check_stages(stages)?;
    let current = stages_of(txn, &[type_id.to_owned()])
        .await?
        .remove(type_id)
        .unwrap_or_default();
    let now = clock::now();
    for (i, s) in stages.iter().enumerate() {
        if let Some(id) = &s.id {
            if !current.iter().any(|c| &c.id == id) {
                return Err(ApiError::invalid(
                    &format!("stages[{i}].id"),
                    "unknown_stage",
                    "No such stage in this deal type.",
                ));
            }
        }
    }
    for gone in current
        .iter()
        .filter(|c| !stages.iter().any(|s| s.id.as_deref() == Some(&c.id)))
    {
        let used = crate::deals::entity::deal::Entity::find()
            .filter(crate::deals::entity::deal::Column::StageId.eq(gone.id.as_str()))
            .filter(crate::deals::entity::deal::Column::DeletedAt.is_null())
            .count(txn)
            .await?;
        if used > 0 {
            return Err(ApiError::conflict(
                "stage_in_use",
                format!(
                    "{used} deal(s) are in the stage \"{}\"; move them before removing it.",
                    gone.name
                ),
            ));
        }
        stage::Entity::update_many()
            .col_expr(stage::Column::DeletedAt, now.into())
            .filter(stage::Column::Id.eq(gone.id.as_str()))
            .exec(txn)
            .await?;
    }
    for (position, s) in stages.iter().enumerate() {
        let mut active = stage::ActiveModel {
            type_id: Set(type_id.to_owned()),
            name: Set(s.name.trim().to_owned()),
            position: Set(position as i32),
            planned_days: Set(s.planned_days),
            probability: Set(s.probability),
            outcome: Set(s.outcome.clone()),
            updated_at: Set(now),
            ..Default::default()
        };
        match &s.id {
            Some(id) => {
                stage::Entity::update_many()
                    .set(active)
                    .filter(stage::Column::Id.eq(id.as_str()))
                    .exec(txn)
                    .await?;
            }
            None => {
                active.id = Set(clock::new_id());
                active.created_at = Set(now);
                active.created_by = Set(Some(caller.user_id.clone()));
                active.version = Set(1);
                active.deleted_at = Set(None);
                stage::Entity::insert(active)
                    .exec_without_returning(txn)
                    .await?;
            }
        }
    }
    Ok(())
}

fn snapshot(t: &DealType) -> serde_json::Value {
    serde_json::to_value(t).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: DealTypeFields,
) -> ApiResult<DealType> {
    caller.require(Resource::DealTypes, Action::Create)?;
    ApiError::required(&[
        ("kind", input.kind.is_none()),
        ("name", input.name.is_none()),
        ("stages", input.stages.is_none()),
    ])?;
    let now = clock::now();
    let id = clock::new_id();
    let model = deal_type::Model {
        id: id.clone(),
        kind: input.kind.clone().unwrap_or_default(),
        name: input.name.as_deref().unwrap_or_default().trim().to_owned(),
        allow_skip: input.allow_skip.unwrap_or(true),
        allow_back: input.allow_back.unwrap_or(true),
        position: input.position.unwrap_or(0),
        active: input.active.unwrap_or(true),
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    let txn = db.begin().await?;
    deal_type::Entity::insert(deal_type::ActiveModel::from(model))
        .exec_without_returning(&txn)
        .await?;
    save_stages(
        &txn,
        caller,
        &id,
        input.stages.as_deref().unwrap_or_default(),
    )
    .await?;
    let dto = load(&txn, &id).await?;
    history::record(
        &txn,
        caller.actor(),
        "deal_type",
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
    input: DealTypeFields,
) -> ApiResult<DealType> {
    caller.require(Resource::DealTypes, Action::Update)?;
    let txn = db.begin().await?;
    let before = load(&txn, id).await?;
    if_match.check(before.version)?;
    if input.kind.as_ref().is_some_and(|k| *k != before.kind) {
        return Err(ApiError::invalid(
            "kind",
            "kind_fixed",
            "A deal type stays a sale or a supply type; create another type instead.",
        ));
    }
    let mut active = deal_type::ActiveModel::default();
    if let Some(v) = &input.name {
        active.name = Set(v.trim().to_owned());
    }
    if let Some(v) = input.allow_skip {
        active.allow_skip = Set(v);
    }
    if let Some(v) = input.allow_back {
        active.allow_back = Set(v);
    }
    if let Some(v) = input.position {
        active.position = Set(v);
    }
    if let Some(v) = input.active {
        active.active = Set(v);
    }
    versioned::save(&txn, active, id, before.version).await?;
    if let Some(stages) = &input.stages {
        save_stages(&txn, caller, id, stages).await?;
    }
    let dto = load(&txn, id).await?;
    history::record(
        &txn,
        caller.actor(),
        "deal_type",
        id,
        "update",
        history::diff(&snapshot(&before), &snapshot(&dto)),
    )
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
    caller.require(Resource::DealTypes, Action::Delete)?;
    let txn = db.begin().await?;
    let before = load(&txn, id).await?;
    if_match.check(before.version)?;
    let used = crate::deals::entity::deal::Entity::find()
        .filter(crate::deals::entity::deal::Column::TypeId.eq(id))
        .filter(crate::deals::entity::deal::Column::DeletedAt.is_null())
        .count(&txn)
        .await?;
    if used > 0 {
        return Err(ApiError::conflict(
            "type_in_use",
            format!("{used} deal(s) use this type; deactivate it instead."),
        ));
    }
    let active = deal_type::ActiveModel {
        deleted_at: Set(Some(clock::now())),
        ..Default::default()
    };
    versioned::save(&txn, active, id, before.version).await?;
    history::record(
        &txn,
        caller.actor(),
        "deal_type",
        id,
        "delete",
        history::deleted(clock::now()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
