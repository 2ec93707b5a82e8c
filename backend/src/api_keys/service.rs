//! API keys for integrations: bound to a user, carrying exactly that user's rights.
use super::dto::{ApiKey, ApiKeyListQuery, CreateApiKey, CreatedApiKey, FIELDS};
use super::entity;
use crate::access::{scope_condition, Action, Resource, ScopeColumn};
use crate::api::{fetch_page, Page};
use crate::auth::{secrets, Caller};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::{self, Change};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};

const OWNER: ScopeColumn = ScopeColumn {
    table: "api_keys",
    column: "user_id",
};

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &ApiKeyListQuery,
) -> ApiResult<Page<ApiKey>> {
    let scope = caller.require(Resource::ApiKeys, Action::Read)?;
    let mut select = entity::Entity::find().filter(scope_condition(scope, &caller.user_id, OWNER));
    if let Some(user_id) = &q.user_id {
        select = select.filter(entity::Column::UserId.eq(user_id.as_str()));
    }
    Ok(fetch_page(db, select, &FIELDS, &q.list_query(), None)
        .await?
        .map(ApiKey::from))
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateApiKey,
) -> ApiResult<CreatedApiKey> {
    caller.require(Resource::ApiKeys, Action::Create)?;
    if input.expires_at.is_some_and(|t| t <= clock::now()) {
        return Err(ApiError::invalid(
            "expires_at",
            "in_the_past",
            "The expiry must be in the future.",
        ));
    }
    let (secret, prefix) = secrets::new_api_key();
    let model = entity::Model {
        id: clock::new_id(),
        user_id: caller.user_id.clone(),
        name: input.name.trim().to_owned(),
        prefix,
        secret_hash: secrets::sha256_hex(&secret),
        created_at: clock::now(),
        created_by: Some(caller.user_id.clone()),
        last_used_at: None,
        expires_at: input.expires_at,
        revoked_at: None,
    };
    let txn = db.begin().await?;
    entity::Entity::insert(entity::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    let api_key = ApiKey::from(model);
    let snapshot = serde_json::to_value(&api_key).unwrap_or_default();
    history::record(
        &txn,
        caller.actor(),
        "api_key",
        &api_key.id,
        "create",
        history::created(&snapshot),
    )
    .await?;
    txn.commit().await?;
    Ok(CreatedApiKey { api_key, secret })
}

pub async fn revoke(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<ApiKey> {
    let read = caller.require(Resource::ApiKeys, Action::Read)?;
    let txn = db.begin().await?;
    let model = entity::Entity::find_by_id(id)
        .filter(scope_condition(read, &caller.user_id, OWNER))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let update = caller.require(Resource::ApiKeys, Action::Update)?;
    entity::Entity::find_by_id(id)
        .filter(scope_condition(update, &caller.user_id, OWNER))
        .one(&txn)
        .await?
        .ok_or(ApiError::Forbidden)?;
    if model.revoked_at.is_some() {
        return Ok(model.into());
    }
    let now = clock::now();
    let mut active: entity::ActiveModel = model.into();
    active.revoked_at = Set(Some(now));
    let model = sea_orm::ActiveModelTrait::update(active, &txn).await?;
    let change = vec![Change {
        field: "revoked_at".into(),
        old: serde_json::Value::Null,
        new: serde_json::to_value(now).unwrap_or_default(),
    }];
    history::record(&txn, caller.actor(), "api_key", id, "revoke", change).await?;
    txn.commit().await?;
    Ok(model.into())
}
