//! Branches live under a partner: whoever may read the partner reads them; changing them is
//! changing the partner (`partners:update` over it).
use super::dto::{Branch, BranchFields, FIELDS};
use super::entity;
use crate::access::Action;
use crate::api::{fetch_page, versioned, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::partners::service::find_visible;
use crate::territories::tree::Address;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};

fn clean(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn apply(active: &mut entity::ActiveModel, f: BranchFields) {
    if let Some(v) = f.name {
        active.name = Set(v.trim().to_owned());
    }
    if f.street.is_some() {
        active.street = Set(clean(f.street));
    }
    if f.city.is_some() {
        active.city = Set(clean(f.city));
    }
    if f.postal_code.is_some() {
        active.postal_code = Set(clean(f.postal_code));
    }
    if f.region.is_some() {
        active.region = Set(clean(f.region));
    }
    if f.country.is_some() {
        active.country = Set(f.country);
    }
    if let Some(v) = f.phones {
        active.phones = Set(Some(serde_json::json!(v)));
    }
    if let Some(v) = f.emails {
        let lower: Vec<String> = v.into_iter().map(|e| e.trim().to_lowercase()).collect();
        active.emails = Set(Some(serde_json::json!(lower)));
    }
}

/// The territory the branch's address lies in, like a partner's.
async fn locate(db: &impl ConnectionTrait, active: &mut entity::ActiveModel) -> ApiResult<()> {
    let value = |v: &sea_orm::ActiveValue<Option<String>>| {
        v.clone()
            .into_value()
            .and_then(|v| v.unwrap::<Option<String>>())
    };
    let (country, region, postal_code) = (
        value(&active.country),
        value(&active.region),
        value(&active.postal_code),
    );
    let territory = crate::assignment::follow::territory_of(
        db,
        Address {
            country: country.as_deref(),
            region: region.as_deref(),
            postal_code: postal_code.as_deref(),
        },
    )
    .await?;
    active.territory_id = Set(territory);
    Ok(())
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    partner_id: &str,
    page: &ListQuery,
) -> ApiResult<Page<Branch>> {
    find_visible(db, caller, Action::Read, partner_id, false).await?;
    let select = entity::Entity::find()
        .filter(entity::Column::PartnerId.eq(partner_id))
        .filter(entity::Column::DeletedAt.is_null());
    Ok(fetch_page(db, select, &FIELDS, page, None)
        .await?
        .map(Branch::from))
}

async fn find(db: &impl ConnectionTrait, partner_id: &str, id: &str) -> ApiResult<entity::Model> {
    entity::Entity::find_by_id(id)
        .filter(entity::Column::PartnerId.eq(partner_id))
        .filter(entity::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

fn snapshot(b: &Branch) -> serde_json::Value {
    serde_json::to_value(b).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    partner_id: &str,
    input: BranchFields,
) -> ApiResult<Branch> {
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
    let txn = db.begin().await?;
    find_visible(&txn, caller, Action::Update, partner_id, false).await?;
    let now = clock::now();
    let id = clock::new_id();
    let mut active = entity::ActiveModel {
        id: Set(id.clone()),
        partner_id: Set(partner_id.to_owned()),
        name: Set(String::new()),
        street: Set(None),
        city: Set(None),
        postal_code: Set(None),
        region: Set(None),
        country: Set(None),
        phones: Set(Some(serde_json::json!([]))),
        emails: Set(Some(serde_json::json!([]))),
        territory_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    apply(&mut active, input);
    locate(&txn, &mut active).await?;
    entity::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    let dto = Branch::from(find(&txn, partner_id, &id).await?);
    history::record(
        &txn,
        caller.actor(),
        "branch",
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
    partner_id: &str,
    id: &str,
    if_match: IfMatch,
    input: BranchFields,
) -> ApiResult<Branch> {
    let txn = db.begin().await?;
    find_visible(&txn, caller, Action::Update, partner_id, false).await?;
    let model = find(&txn, partner_id, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    apply(&mut active, input);
    locate(&txn, &mut active).await?;
    versioned::save(&txn, active, id, version).await?;
    let dto = Branch::from(find(&txn, partner_id, id).await?);
    history::record(
        &txn,
        caller.actor(),
        "branch",
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
    partner_id: &str,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    let txn = db.begin().await?;
    find_visible(&txn, caller, Action::Update, partner_id, false).await?;
    let model = find(&txn, partner_id, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    active.deleted_at = Set(Some(clock::now()));
    versioned::save(&txn, active, id, version).await?;
    history::record(
        &txn,
        caller.actor(),
        "branch",
        id,
        "delete",
        history::diff(&before, &serde_json::Value::Null),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
