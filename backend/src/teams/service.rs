//! Teams: a manager and members. A team's members are what the `team` scope reaches.
use super::dto::{CreateTeam, Team, UpdateTeam, FIELDS};
use super::entity::{team, team_member};
use crate::access::{Action, Resource, Scope};
use crate::api::{fetch_page, versioned, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::users::entity::user;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::HashMap;

/// `own` and `team` both reach the teams the caller belongs to or manages.
fn visible(scope: Scope, caller: &Caller) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    let mine = Query::select()
        .column(team_member::Column::TeamId)
        .from(team_member::Entity)
        .and_where(Expr::col(team_member::Column::UserId).eq(caller.user_id.as_str()))
        .to_owned();
    Condition::any()
        .add(team::Column::Id.in_subquery(mine))
        .add(team::Column::ManagerId.eq(caller.user_id.as_str()))
}

async fn members_of(
    db: &impl ConnectionTrait,
    ids: &[String],
) -> ApiResult<HashMap<String, Vec<String>>> {
    let rows = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(ids.iter().cloned()))
        .order_by_asc(team_member::Column::UserId)
        .all(db)
        .await?;
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for r in rows {
        out.entry(r.team_id).or_default().push(r.user_id);
    }
    Ok(out)
}

async fn to_dtos(db: &impl ConnectionTrait, models: Vec<team::Model>) -> ApiResult<Vec<Team>> {
    let ids: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let mut members = members_of(db, &ids).await?;
    Ok(models
        .into_iter()
        .map(|m| Team {
            member_ids: members.remove(&m.id).unwrap_or_default(),
            id: m.id,
            name: m.name,
            manager_id: m.manager_id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            deleted_at: m.deleted_at,
            version: m.version,
        })
        .collect())
}

async fn to_dto(db: &impl ConnectionTrait, model: team::Model) -> ApiResult<Team> {
    to_dtos(db, vec![model])
        .await?
        .pop()
        .ok_or(ApiError::NotFound)
}

fn live(trashed: bool) -> Condition {
    crate::access::live(team::Column::DeletedAt, trashed)
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    page: &ListQuery,
) -> ApiResult<Page<Team>> {
    let scope = caller.require(Resource::Teams, Action::Read)?;
    let select = team::Entity::find()
        .filter(visible(scope, caller))
        .filter(live(page.trashed == Some(true)));
    let page = fetch_page(db, select, &FIELDS, page, None).await?;
    let items = to_dtos(db, page.items).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
        total: page.total,
    })
}

/// 404 when the caller cannot see the team; 403 when they see it but `action` is not granted to all.
async fn find(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
    action: Action,
    trashed: bool,
) -> ApiResult<team::Model> {
    let read = caller.require(Resource::Teams, Action::Read)?;
    let model = team::Entity::find_by_id(id)
        .filter(visible(read, caller))
        .filter(live(trashed))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    if action != Action::Read && caller.require(Resource::Teams, action)? != Scope::All {
        return Err(ApiError::Forbidden);
    }
    Ok(model)
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Team> {
    to_dto(db, find(db, caller, id, Action::Read, false).await?).await
}

async fn check_users(db: &impl ConnectionTrait, field: &str, ids: &[String]) -> ApiResult<()> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    let found = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.clone()))
        .filter(user::Column::DeletedAt.is_null())
        .count(db)
        .await?;
    if found as usize != ids.len() {
        return Err(ApiError::invalid(
            field,
            "unknown_user",
            "Names a user that does not exist.",
        ));
    }
    Ok(())
}

async fn set_members(
    db: &impl ConnectionTrait,
    team_id: &str,
    mut ids: Vec<String>,
) -> ApiResult<()> {
    ids.sort();
    ids.dedup();
    team_member::Entity::delete_many()
        .filter(team_member::Column::TeamId.eq(team_id))
        .exec(db)
        .await?;
    if !ids.is_empty() {
        team_member::Entity::insert_many(ids.into_iter().map(|user_id| team_member::ActiveModel {
            team_id: Set(team_id.to_owned()),
            user_id: Set(user_id),
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

fn snapshot(t: &Team) -> serde_json::Value {
    serde_json::to_value(t).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateTeam,
) -> ApiResult<Team> {
    if caller.require(Resource::Teams, Action::Create)? != Scope::All {
        return Err(ApiError::Forbidden);
    }
    let txn = db.begin().await?;
    if let Some(m) = &input.manager_id {
        check_users(&txn, "manager_id", std::slice::from_ref(m)).await?;
    }
    check_users(&txn, "member_ids", &input.member_ids).await?;
    let now = clock::now();
    let id = clock::new_id();
    team::Entity::insert(team::ActiveModel {
        id: Set(id.clone()),
        name: Set(input.name.trim().to_owned()),
        manager_id: Set(input.manager_id),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    set_members(&txn, &id, input.member_ids).await?;
    let model = team::Entity::find_by_id(&id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let dto = to_dto(&txn, model).await?;
    history::record(
        &txn,
        caller.actor(),
        "team",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

/// Saves `active` only if the row still has `version`; writes the history entry.
async fn save(
    txn: &sea_orm::DatabaseTransaction,
    caller: &Caller,
    id: &str,
    before: serde_json::Value,
    active: team::ActiveModel,
    version: i32,
    action: &str,
) -> ApiResult<Team> {
    versioned::save(txn, active, id, version).await?;
    let model = team::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let dto = to_dto(txn, model).await?;
    history::record(
        txn,
        caller.actor(),
        "team",
        id,
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
    input: UpdateTeam,
) -> ApiResult<Team> {
    let txn = db.begin().await?;
    let model = find(&txn, caller, id, Action::Update, false).await?;
    if_match.check(model.version)?;
    let before = snapshot(&to_dto(&txn, model.clone()).await?);
    let version = model.version;
    let mut active: team::ActiveModel = model.into();
    if let Some(name) = input.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(manager) = input.manager_id {
        if let Some(m) = &manager {
            check_users(&txn, "manager_id", std::slice::from_ref(m)).await?;
        }
        active.manager_id = Set(manager);
    }
    if let Some(members) = input.member_ids {
        check_users(&txn, "member_ids", &members).await?;
        set_members(&txn, id, members).await?;
    }
    let dto = save(&txn, caller, id, before, active, version, "update").await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    let txn = db.begin().await?;
    let model = find(&txn, caller, id, Action::Delete, false).await?;
    if_match.check(model.version)?;
    let before = snapshot(&to_dto(&txn, model.clone()).await?);
    let version = model.version;
    let mut active: team::ActiveModel = model.into();
    active.deleted_at = Set(Some(clock::now()));
    save(&txn, caller, id, before, active, version, "delete").await?;
    txn.commit().await?;
    Ok(())
}

pub async fn restore(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<Team> {
    let txn = db.begin().await?;
    let model = find(&txn, caller, id, Action::Delete, true).await?;
    let before = snapshot(&to_dto(&txn, model.clone()).await?);
    let version = model.version;
    let mut active: team::ActiveModel = model.into();
    active.deleted_at = Set(None);
    let dto = save(&txn, caller, id, before, active, version, "restore").await?;
    txn.commit().await?;
    Ok(dto)
}
