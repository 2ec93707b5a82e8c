//! The contact log. An activity is visible with its partner, and to the user who had the contact
//! or logged it (and their team for `team` scope).
use super::dto::{Activity, ActivityFields, ActivityListQuery, FIELDS};
use super::entity;
use crate::access::{find_for, scope_condition, Action, Resource, Scope, ScopeColumn};
use crate::api::{fetch_page, versioned, IfMatch, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use crate::leads::entity as lead;
use crate::lists::service::check_item;
use crate::partners::{entity::partner, scope as partner_scope};
use crate::persons::entity as person;
use crate::users::entity::user;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, TransactionTrait,
};

pub fn visible(scope: Scope, user_id: &str) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    let leads = sea_orm::sea_query::Query::select()
        .column((lead::Entity, lead::Column::Id))
        .from(lead::Entity)
        .cond_where(crate::leads::service::visible(scope, user_id))
        .to_owned();
    Condition::any()
        .add(entity::Column::LeadId.in_subquery(leads))
        .add(partner_scope::partner_visible(
            scope,
            user_id,
            "activities",
            "partner_id",
        ))
        .add(scope_condition(
            scope,
            user_id,
            ScopeColumn {
                table: "activities",
                column: "user_id",
            },
        ))
        .add(scope_condition(
            scope,
            user_id,
            ScopeColumn {
                table: "activities",
                column: "created_by",
            },
        ))
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &ActivityListQuery,
) -> ApiResult<Page<Activity>> {
    let read = caller.require(Resource::Activities, Action::Read)?;
    let mut select = entity::Entity::find()
        .filter(visible(read, &caller.user_id))
        .filter(entity::Column::DeletedAt.is_null());
    if let Some(v) = &q.partner_id {
        select = select.filter(entity::Column::PartnerId.eq(v.as_str()));
    }
    if let Some(v) = &q.person_id {
        select = select.filter(entity::Column::PersonId.eq(v.as_str()));
    }
    if let Some(v) = &q.lead_id {
        select = select.filter(entity::Column::LeadId.eq(v.as_str()));
    }
    if let Some(v) = &q.deal_id {
        select = select.filter(entity::Column::DealId.eq(v.as_str()));
    }
    if let Some(v) = &q.user_id {
        select = select.filter(entity::Column::UserId.eq(v.as_str()));
    }
    if let Some(v) = &q.kind {
        select = select.filter(entity::Column::Kind.eq(v.as_str()));
    }
    if let Some(v) = q.from {
        select = select.filter(entity::Column::StartedAt.gte(v));
    }
    if let Some(v) = q.to {
        select = select.filter(entity::Column::StartedAt.lt(v));
    }
    Ok(fetch_page(db, select, &FIELDS, &q.list_query(), None)
        .await?
        .map(Activity::from))
}

pub async fn find_visible(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
) -> ApiResult<entity::Model> {
    let by_id = entity::Entity::find_by_id(id).filter(entity::Column::DeletedAt.is_null());
    find_for(db, caller, Resource::Activities, action, by_id, |scope| {
        visible(scope, &caller.user_id)
    })
    .await
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Activity> {
    Ok(find_visible(db, caller, Action::Read, id).await?.into())
}

/// Links must point at live records the caller can see; a person's partner is filled in when the
/// activity names only the person.
async fn apply(
    db: &impl ConnectionTrait,
    caller: &Caller,
    active: &mut entity::ActiveModel,
    f: ActivityFields,
) -> ApiResult<()> {
    if let Some(t) = &f.type_id {
        check_item(db, "activity_types", "type_id", t).await?;
    }
    let partner_read = caller
        .require(Resource::Partners, Action::Read)
        .unwrap_or(Scope::Own);
    if let Some(p) = &f.partner_id {
        let found = partner::Entity::find_by_id(p.as_str())
            .filter(partner_scope::visible(partner_read, &caller.user_id))
            .filter(partner::Column::DeletedAt.is_null())
            .one(db)
            .await?;
        if found.is_none() {
            return Err(ApiError::invalid(
                "partner_id",
                "unknown_partner",
                "No such partner.",
            ));
        }
        active.partner_id = Set(Some(p.clone()));
    }
    if let Some(p) = &f.person_id {
        let found = person::Entity::find_by_id(p.as_str())
            .filter(person::Column::DeletedAt.is_null())
            .one(db)
            .await?;
        let Some(found) = found else {
            return Err(ApiError::invalid(
                "person_id",
                "unknown_person",
                "No such person.",
            ));
        };
        if f.partner_id.is_none() && found.partner_id.is_some() {
            active.partner_id = Set(found.partner_id);
        }
        active.person_id = Set(Some(p.clone()));
    }
    if let Some(d) = &f.deal_id {
        let found = crate::deals::service::find_visible(db, caller, Action::Read, d, false)
            .await
            .map_err(|_| ApiError::invalid("deal_id", "unknown_deal", "No such deal."))?;
        if f.partner_id.is_none() {
            active.partner_id = Set(Some(found.partner_id));
        }
        active.deal_id = Set(Some(d.clone()));
    }
    if let Some(l) = &f.lead_id {
        let scope = caller
            .require(Resource::Leads, Action::Read)
            .unwrap_or(Scope::Own);
        let found = lead::Entity::find_by_id(l.as_str())
            .filter(crate::leads::service::visible(scope, &caller.user_id))
            .filter(lead::Column::DeletedAt.is_null())
            .one(db)
            .await?;
        if found.is_none() {
            return Err(ApiError::invalid(
                "lead_id",
                "unknown_lead",
                "No such lead.",
            ));
        }
        active.lead_id = Set(Some(l.clone()));
    }
    if let Some(u) = &f.user_id {
        let found = user::Entity::find_by_id(u.as_str())
            .filter(user::Column::DeletedAt.is_null())
            .count(db)
            .await?;
        if found == 0 {
            return Err(ApiError::invalid(
                "user_id",
                "unknown_user",
                "No such user.",
            ));
        }
        active.user_id = Set(u.clone());
    }
    if let Some(ids) = f.participant_ids {
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        let found = person::Entity::find()
            .filter(person::Column::Id.is_in(unique.clone()))
            .count(db)
            .await?;
        if found as usize != unique.len() {
            return Err(ApiError::invalid(
                "participant_ids",
                "unknown_person",
                "Names a person that does not exist.",
            ));
        }
        active.participant_ids = Set(Some(serde_json::json!(unique)));
    }
    if let Some(v) = f.kind {
        active.kind = Set(v);
    }
    if f.type_id.is_some() {
        active.type_id = Set(f.type_id);
    }
    if let Some(v) = f.started_at {
        active.started_at = Set(v);
    }
    if let Some(v) = f.duration_minutes {
        active.duration_minutes = Set(v);
    }
    if let Some(v) = f.subject {
        active.subject = Set(v.trim().to_owned());
    }
    if f.description.is_some() {
        active.description = Set(f.description);
    }
    Ok(())
}

fn snapshot(a: &Activity) -> serde_json::Value {
    serde_json::to_value(a).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: ActivityFields,
) -> ApiResult<Activity> {
    caller.require(Resource::Activities, Action::Create)?;
    let mut missing = Vec::new();
    if input.kind.is_none() {
        missing.push(FieldError::new(
            "kind",
            "required",
            "This field is required.",
        ));
    }
    if input
        .subject
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .is_empty()
    {
        missing.push(FieldError::new(
            "subject",
            "required",
            "This field is required.",
        ));
    }
    if input.partner_id.is_none()
        && input.person_id.is_none()
        && input.lead_id.is_none()
        && input.deal_id.is_none()
    {
        missing.push(FieldError::new(
            "partner_id",
            "required",
            "Link the activity to a partner, a person or a lead.",
        ));
    }
    if !missing.is_empty() {
        return Err(ApiError::Validation(missing));
    }
    let now = clock::now();
    let id = clock::new_id();
    let mut active = entity::ActiveModel {
        id: Set(id.clone()),
        kind: Set(String::new()),
        type_id: Set(None),
        started_at: Set(now),
        duration_minutes: Set(0),
        user_id: Set(caller.user_id.clone()),
        subject: Set(String::new()),
        description: Set(None),
        participant_ids: Set(Some(serde_json::json!([]))),
        partner_id: Set(None),
        person_id: Set(None),
        lead_id: Set(None),
        deal_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    let txn = db.begin().await?;
    apply(&txn, caller, &mut active, input).await?;
    entity::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    let dto = Activity::from(
        entity::Entity::find_by_id(&id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        &txn,
        caller.actor(),
        "activity",
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
    input: ActivityFields,
) -> ApiResult<Activity> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Update, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    apply(&txn, caller, &mut active, input).await?;
    versioned::save(&txn, active, id, version).await?;
    let dto = Activity::from(
        entity::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        &txn,
        caller.actor(),
        "activity",
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
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Delete, id).await?;
    if_match.check(model.version)?;
    let before = snapshot(&model.clone().into());
    let version = model.version;
    let mut active: entity::ActiveModel = model.into();
    active.deleted_at = Set(Some(clock::now()));
    versioned::save(&txn, active, id, version).await?;
    history::record(
        &txn,
        caller.actor(),
        "activity",
        id,
        "delete",
        history::diff(&before, &serde_json::Value::Null),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
