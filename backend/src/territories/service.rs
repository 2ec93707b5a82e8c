//! Territories: the tree and its checks. Every change re-runs assignment as a job (addresses may
//! now lie in another territory, and rules follow territories).
use super::dto::{Territory, TerritoryFields};
use super::entity::{rule, territory};
use super::tree::PostalCode;
use crate::access::{Action, Resource};
use crate::api::{versioned, IfMatch};
use crate::assignment;
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

fn snapshot(t: &Territory) -> serde_json::Value {
    serde_json::to_value(t).unwrap_or_default()
}

pub async fn list(db: &impl ConnectionTrait, caller: &Caller) -> ApiResult<Vec<Territory>> {
    caller.require(Resource::Territories, Action::Read)?;
    Ok(territory::Entity::find()
        .filter(territory::Column::DeletedAt.is_null())
        .order_by_asc(territory::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(Territory::from)
        .collect())
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<territory::Model> {
    territory::Entity::find_by_id(id)
        .filter(territory::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

fn clean(list: Vec<String>) -> Vec<String> {
    list.into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Sets the fields given, checking all of them: every problem at once.
async fn apply(
    db: &impl ConnectionTrait,
    active: &mut territory::ActiveModel,
    id: &str,
    input: TerritoryFields,
) -> ApiResult<()> {
    let mut errors = Vec::new();
    if let Some(name) = input.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(parent) = input.parent_id {
        if let Some(p) = &parent {
            // The parent must exist and must not lie under this territory.
            let mut at = Some(p.clone());
            let mut steps = 0;
            while let Some(current) = at {
                if current == id {
                    errors.push(FieldError::new(
                        "parent_id",
                        "cycle",
                        "A territory cannot lie under itself.",
                    ));
                    break;
                }
                match territory::Entity::find_by_id(&current)
                    .filter(territory::Column::DeletedAt.is_null())
                    .one(db)
                    .await?
                {
                    Some(t) => at = t.parent_id,
                    None => {
                        errors.push(FieldError::new(
                            "parent_id",
                            "unknown_territory",
                            "No such territory.",
                        ));
                        break;
                    }
                }
                steps += 1;
                if steps > 64 {
                    break;
                }
            }
        }
        active.parent_id = Set(parent);
    }
    if let Some(countries) = input.countries {
        let countries: Vec<String> = clean(countries).iter().map(|c| c.to_uppercase()).collect();
        if let Some(i) = countries
            .iter()
            .position(|c| c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()))
        {
            errors.push(FieldError::new(
                format!("countries.{i}"),
                "invalid_country",
                "A country is a two-letter ISO 3166-1 code, such as HR.",
            ));
        }
        active.countries = Set(Some(serde_json::json!(countries)));
    }
    if let Some(regions) = input.regions {
        active.regions = Set(Some(serde_json::json!(clean(regions))));
    }
    if let Some(codes) = input.postal_codes {
        let codes = clean(codes);
        for (i, c) in codes.iter().enumerate() {
            if let Err(e) = PostalCode::parse(c) {
                errors.push(FieldError::new(
                    format!("postal_codes.{i}"),
                    "invalid_postal_code",
                    e,
                ));
            }
        }
        active.postal_codes = Set(Some(serde_json::json!(codes)));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: TerritoryFields,
) -> ApiResult<Territory> {
    caller.require(Resource::Territories, Action::Create)?;
    if input
        .name
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .is_empty()
    {
        return Err(ApiError::invalid(
            "name",
            "required",
            "This field is required.",
        ));
    }
    let now = clock::now();
    let id = clock::new_id();
    let mut active = territory::ActiveModel {
        id: Set(id.clone()),
        parent_id: Set(None),
        name: Set(String::new()),
        countries: Set(Some(serde_json::json!([]))),
        regions: Set(Some(serde_json::json!([]))),
        postal_codes: Set(Some(serde_json::json!([]))),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    let txn = db.begin().await?;
    apply(&txn, &mut active, &id, input).await?;
    territory::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    let dto = Territory::from(find(&txn, &id).await?);
    history::record(
        &txn,
        caller.actor(),
        "territory",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    assignment::jobs::enqueue(&txn, caller).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: TerritoryFields,
) -> ApiResult<Territory> {
    caller.require(Resource::Territories, Action::Update)?;
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: territory::ActiveModel = model.into();
    if input.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::invalid(
            "name",
            "required",
            "This field is required.",
        ));
    }
    apply(&txn, &mut active, id, input).await?;
    versioned::save(&txn, active, id, version).await?;
    let dto = Territory::from(find(&txn, id).await?);
    history::record(
        &txn,
        caller.actor(),
        "territory",
        id,
        "update",
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    assignment::jobs::enqueue(&txn, caller).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(dto)
}

/// Refused while territories lie under it or rules name it.
pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    caller.require(Resource::Territories, Action::Delete)?;
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    if_match.check(model.version)?;
    let children = territory::Entity::find()
        .filter(territory::Column::ParentId.eq(id))
        .filter(territory::Column::DeletedAt.is_null())
        .count(&txn)
        .await?;
    if children > 0 {
        return Err(ApiError::conflict(
            "territory_has_children",
            "Move or delete the territories under it first.",
        ));
    }
    let rules = rule::Entity::find()
        .filter(rule::Column::TerritoryId.eq(id))
        .filter(rule::Column::DeletedAt.is_null())
        .count(&txn)
        .await?;
    if rules > 0 {
        return Err(ApiError::conflict(
            "territory_in_rules",
            "Assignment rules name this territory; change them first.",
        ));
    }
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: territory::ActiveModel = model.into();
    active.deleted_at = Set(Some(clock::now()));
    versioned::save(&txn, active, id, version).await?;
    history::record(
        &txn,
        caller.actor(),
        "territory",
        id,
        "delete",
        history::diff(&before, &serde_json::Value::Null),
    )
    .await?;
    assignment::jobs::enqueue(&txn, caller).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(())
}
