//! Roles and their grants. Built-in roles can have their grants edited but cannot be deleted;
//! a role still held by users cannot be deleted either.
use super::dto::{CreateRole, GrantInput, Permissions, ResourceActions, Role, UpdateRole, FIELDS};
use super::entity::{role, role_grant};
use crate::access::{catalog, Action, Resource, Scope, CATALOG};
use crate::api::{fetch_page, versioned, IfMatch, ListQuery, Page};
use crate::auth::{principals, Caller};
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use crate::users::entity::user_role;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use std::collections::HashMap;

pub fn permissions() -> Permissions {
    Permissions {
        resources: CATALOG
            .iter()
            .map(|(r, actions)| ResourceActions {
                resource: r.as_str().into(),
                actions: actions.iter().map(|a| a.as_str().into()).collect(),
            })
            .collect(),
        scopes: vec![Scope::Own, Scope::Team, Scope::All],
    }
}

fn check_grants(grants: &[GrantInput]) -> ApiResult<Vec<GrantInput>> {
    let mut errors = Vec::new();
    for (i, g) in grants.iter().enumerate() {
        if catalog(&g.resource, &g.action).is_none() {
            errors.push(FieldError::new(
                format!("grants.{i}"),
                "unknown_permission",
                format!(
                    "`{}` x `{}` is not a grantable permission.",
                    g.resource, g.action
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut out = grants.to_vec();
    out.sort();
    out.dedup_by(|a, b| a.resource == b.resource && a.action == b.action);
    Ok(out)
}

async fn grants_of(
    db: &impl ConnectionTrait,
    role_ids: &[String],
) -> ApiResult<HashMap<String, Vec<GrantInput>>> {
    let rows = role_grant::Entity::find()
        .filter(role_grant::Column::RoleId.is_in(role_ids.iter().cloned()))
        .order_by_asc(role_grant::Column::Resource)
        .order_by_asc(role_grant::Column::Action)
        .all(db)
        .await?;
    let mut out: HashMap<String, Vec<GrantInput>> = HashMap::new();
    for g in rows {
        let Some(scope) = Scope::parse(&g.scope) else {
            continue;
        };
        out.entry(g.role_id).or_default().push(GrantInput {
            resource: g.resource,
            action: g.action,
            scope,
        });
    }
    Ok(out)
}

async fn to_dtos(db: &impl ConnectionTrait, models: Vec<role::Model>) -> ApiResult<Vec<Role>> {
    let ids: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let mut grants = grants_of(db, &ids).await?;
    Ok(models
        .into_iter()
        .map(|m| Role {
            grants: grants.remove(&m.id).unwrap_or_default(),
            id: m.id,
            key: m.key,
            name: m.name,
            description: m.description,
            built_in: m.built_in,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        })
        .collect())
}

async fn to_dto(db: &impl ConnectionTrait, model: role::Model) -> ApiResult<Role> {
    to_dtos(db, vec![model])
        .await?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// Roles are configuration, not anyone's records: any read grant shows them all.
fn require(caller: &Caller, action: Action) -> ApiResult<()> {
    caller.require(Resource::Roles, action).map(|_| ())
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    page: &ListQuery,
) -> ApiResult<Page<Role>> {
    require(caller, Action::Read)?;
    let select = role::Entity::find().filter(role::Column::DeletedAt.is_null());
    let page = fetch_page(db, select, &FIELDS, page, None).await?;
    let items = to_dtos(db, page.items).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
        total: page.total,
    })
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<role::Model> {
    role::Entity::find_by_id(id)
        .filter(role::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Role> {
    require(caller, Action::Read)?;
    to_dto(db, find(db, id).await?).await
}

async fn replace_grants(
    db: &impl ConnectionTrait,
    role_id: &str,
    grants: Vec<GrantInput>,
) -> ApiResult<()> {
    role_grant::Entity::delete_many()
        .filter(role_grant::Column::RoleId.eq(role_id))
        .exec(db)
        .await?;
    if !grants.is_empty() {
        role_grant::Entity::insert_many(grants.into_iter().map(|g| role_grant::ActiveModel {
            role_id: Set(role_id.to_owned()),
            resource: Set(g.resource),
            action: Set(g.action),
            scope: Set(g.scope.as_str().into()),
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

fn snapshot(r: &Role) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateRole,
) -> ApiResult<Role> {
    require(caller, Action::Create)?;
    let grants = check_grants(&input.grants)?;
    let txn = db.begin().await?;
    if role::Entity::find()
        .filter(role::Column::Key.eq(&input.key))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(ApiError::field_conflict(
            "key_taken",
            "key",
            "Another role has this key.",
        ));
    }
    let now = clock::now();
    let id = clock::new_id();
    role::Entity::insert(role::ActiveModel {
        id: Set(id.clone()),
        key: Set(input.key),
        name: Set(input.name.trim().to_owned()),
        description: Set(input.description.unwrap_or_default()),
        built_in: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    replace_grants(&txn, &id, grants).await?;
    let dto = to_dto(&txn, find(&txn, &id).await?).await?;
    history::record(
        &txn,
        caller.actor(),
        "role",
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
    input: UpdateRole,
) -> ApiResult<Role> {
    require(caller, Action::Update)?;
    let grants = input.grants.as_deref().map(check_grants).transpose()?;
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&to_dto(&txn, model.clone()).await?);
    let version = model.version;
    let mut active: role::ActiveModel = model.into();
    if let Some(name) = input.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(description) = input.description {
        active.description = Set(description);
    }
    if let Some(grants) = grants {
        replace_grants(&txn, id, grants).await?;
    }
    versioned::save(&txn, active, id, version).await?;
    let dto = to_dto(&txn, find(&txn, id).await?).await?;
    history::record(
        &txn,
        caller.actor(),
        "role",
        id,
        "update",
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    principals::commit_revoking(txn).await?;
    Ok(dto)
}

pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    require(caller, Action::Delete)?;
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    if_match.check(model.version)?;
    if model.built_in {
        return Err(ApiError::conflict(
            "built_in_role",
            "Built-in roles cannot be deleted.",
        ));
    }
    if user_role::Entity::find()
        .filter(user_role::Column::RoleId.eq(id))
        .count(&txn)
        .await?
        > 0
    {
        return Err(ApiError::conflict(
            "role_in_use",
            "Users still hold this role.",
        ));
    }
    let before = snapshot(&to_dto(&txn, model).await?);
    role::Entity::delete_by_id(id).exec(&txn).await?;
    history::record(
        &txn,
        caller.actor(),
        "role",
        id,
        "delete",
        history::diff(&before, &serde_json::Value::Null),
    )
    .await?;
    principals::commit_revoking(txn).await?;
    Ok(())
}
