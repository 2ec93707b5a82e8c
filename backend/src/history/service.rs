//! Reading history, scoped: `own` sees what the caller did and what was done to their own account,
//! `team` what their team-mates did, `all` everything. Entries are never changed through the API.
use super::dto::{HistoryEntry, HistoryQuery, FIELDS};
use super::entity;
use crate::access::{team_condition, Action, Resource, Scope};
use crate::api::{fetch_page, Page};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::users::entity::user;
use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

fn visible(scope: Scope, caller: &Caller) -> Condition {
    let me = caller.user_id.as_str();
    let about_me = Condition::all()
        .add(entity::Column::EntityType.eq("user"))
        .add(entity::Column::EntityId.eq(me));
    match scope {
        Scope::All => Condition::all(),
        Scope::Own => Condition::any()
            .add(entity::Column::ActorId.eq(me))
            .add(about_me),
        Scope::Team => Condition::any()
            .add(team_condition(
                Expr::col((Alias::new("history"), Alias::new("actor_id"))).into(),
                me,
            ))
            .add(about_me),
    }
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &HistoryQuery,
) -> ApiResult<Page<HistoryEntry>> {
    let scope = caller.require(Resource::History, Action::Read)?;
    let mut select = entity::Entity::find().filter(visible(scope, caller));
    if let Some(v) = &q.entity_type {
        select = select.filter(entity::Column::EntityType.eq(v.as_str()));
    }
    if let Some(v) = &q.entity_id {
        select = select.filter(entity::Column::EntityId.eq(v.as_str()));
    }
    if let Some(v) = &q.actor_id {
        select = select.filter(entity::Column::ActorId.eq(v.as_str()));
    }
    if let Some(v) = &q.action {
        select = select.filter(entity::Column::Action.eq(v.as_str()));
    }
    if let Some(v) = q.from {
        select = select.filter(entity::Column::At.gte(v));
    }
    if let Some(v) = q.to {
        select = select.filter(entity::Column::At.lt(v));
    }
    let page = fetch_page(db, select, &FIELDS, &q.list_query(), None).await?;
    let mut actor_ids: Vec<String> = page
        .items
        .iter()
        .filter_map(|e| e.actor_id.clone())
        .collect();
    actor_ids.sort();
    actor_ids.dedup();
    let names: HashMap<String, String> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .filter(user::Column::Id.is_in(actor_ids))
        .into_tuple::<(String, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(page.map(|e| HistoryEntry {
        actor_name: e.actor_id.as_ref().and_then(|id| names.get(id).cloned()),
        changes: e
            .changes
            .and_then(|c| serde_json::from_value(c).ok())
            .unwrap_or_default(),
        id: e.id,
        at: e.at,
        actor_id: e.actor_id,
        api_key_id: e.api_key_id,
        entity_type: e.entity_type,
        entity_id: e.entity_id,
        action: e.action,
        request_id: e.request_id,
    }))
}
