//! Deadlines (registered by tasks now; deal stages, campaign phases and tickets later) and the
//! absences that route their alarms to a stand-in.
use super::dto::{Absence, AbsenceQuery, CreateAbsence, CreateDeadline, Deadline, DeadlineQuery};
use super::entity::{absence, deadline};
use crate::access::{scope_condition, Action, Resource, ScopeColumn};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::users::entity::user;
use crate::users::service as users;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

/// A deadline to register.
pub struct NewDeadline<'a> {
    pub source_type: &'a str,
    pub source_id: &'a str,
    pub title: &'a str,
    pub due_at: DateTime<Utc>,
    pub user_id: &'a str,
    pub partner_id: Option<&'a str>,
}

/// Registers a deadline for a record, replacing the record's open one (a deal entering its next
/// stage gets a new deadline; the old one stops alarming). In the caller's transaction.
pub async fn register(
    db: &impl ConnectionTrait,
    new: NewDeadline<'_>,
    created_by: Option<&str>,
) -> ApiResult<deadline::Model> {
    clear(db, new.source_type, new.source_id).await?;
    let now = clock::now();
    let model = deadline::Model {
        id: clock::new_id(),
        source_type: new.source_type.to_owned(),
        source_id: new.source_id.to_owned(),
        title: new.title.to_owned(),
        due_at: new.due_at,
        user_id: new.user_id.to_owned(),
        partner_id: new.partner_id.map(str::to_owned),
        warned_at: None,
        overdue_at: None,
        escalated_at: None,
        cleared_at: None,
        created_at: now,
        updated_at: now,
        created_by: created_by.map(str::to_owned),
        version: 1,
        deleted_at: None,
    };
    deadline::Entity::insert(deadline::ActiveModel::from(model.clone()))
        .exec_without_returning(db)
        .await?;
    Ok(model)
}

/// Stops the open deadline of a record from alarming (work done, record closed).
pub async fn clear(db: &impl ConnectionTrait, source_type: &str, source_id: &str) -> ApiResult<()> {
    deadline::Entity::update_many()
        .col_expr(deadline::Column::ClearedAt, Expr::value(clock::now()))
        .filter(deadline::Column::SourceType.eq(source_type))
        .filter(deadline::Column::SourceId.eq(source_id))
        .filter(deadline::Column::ClearedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Someone else's deadlines and absences need a grant over users.
fn for_user<'a>(
    caller: &'a Caller,
    user_id: Option<&'a str>,
    action: Action,
) -> ApiResult<&'a str> {
    match user_id {
        Some(u) if u != caller.user_id => {
            caller.require(Resource::Users, action)?;
            Ok(u)
        }
        _ => Ok(&caller.user_id),
    }
}

pub async fn create_deadline(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateDeadline,
) -> ApiResult<Deadline> {
    let user_id = for_user(caller, input.user_id.as_deref(), Action::Update)?.to_owned();
    let txn = db.begin().await?;
    users::check_user(&txn, "user_id", &user_id).await?;
    if let Some(p) = &input.partner_id {
        crate::partners::service::find_visible(&txn, caller, Action::Read, p, false)
            .await
            .map_err(|_| ApiError::invalid("partner_id", "unknown_partner", "No such partner."))?;
    }
    let id = clock::new_id();
    let model = register(
        &txn,
        NewDeadline {
            source_type: "task",
            source_id: &id,
            title: input.title.trim(),
            due_at: input.due_at,
            user_id: &user_id,
            partner_id: input.partner_id.as_deref(),
        },
        Some(&caller.user_id),
    )
    .await?;
    txn.commit().await?;
    Ok(model.into())
}

pub async fn list_deadlines(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &DeadlineQuery,
) -> ApiResult<Vec<Deadline>> {
    let user_id = for_user(caller, q.user_id.as_deref(), Action::Read)?;
    let mut select = deadline::Entity::find().filter(deadline::Column::UserId.eq(user_id));
    if q.cleared != Some(true) {
        select = select.filter(deadline::Column::ClearedAt.is_null());
    }
    Ok(select
        .order_by_asc(deadline::Column::DueAt)
        .all(db)
        .await?
        .into_iter()
        .map(Deadline::from)
        .collect())
}

pub async fn clear_deadline(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Deadline> {
    let found = deadline::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    for_user(caller, Some(&found.user_id), Action::Update).map_err(|_| ApiError::NotFound)?;
    clear(db, &found.source_type, &found.source_id).await?;
    let cleared = deadline::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(cleared.into())
}

const ABSENT: ScopeColumn = ScopeColumn {
    table: "absences",
    column: "user_id",
};

pub async fn list_absences(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &AbsenceQuery,
) -> ApiResult<Vec<Absence>> {
    let scope = caller.require(Resource::Absences, Action::Read)?;
    let mut select = absence::Entity::find()
        .filter(scope_condition(scope, &caller.user_id, ABSENT))
        .filter(absence::Column::DeletedAt.is_null());
    if let Some(u) = &q.user_id {
        select = select.filter(absence::Column::UserId.eq(u.as_str()));
    }
    Ok(select
        .order_by_desc(absence::Column::StartsOn)
        .all(db)
        .await?
        .into_iter()
        .map(Absence::from)
        .collect())
}

pub async fn create_absence(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateAbsence,
) -> ApiResult<Absence> {
    let scope = caller.require(Resource::Absences, Action::Create)?;
    let user_id = input
        .user_id
        .clone()
        .unwrap_or_else(|| caller.user_id.clone());
    if input.ends_on < input.starts_on {
        return Err(ApiError::invalid(
            "ends_on",
            "before_start",
            "The absence ends before it starts.",
        ));
    }
    if input.deputy_id.as_deref() == Some(user_id.as_str()) {
        return Err(ApiError::invalid(
            "deputy_id",
            "same_user",
            "Nobody stands in for themself.",
        ));
    }
    let txn = db.begin().await?;
    users::check_user(&txn, "user_id", &user_id).await?;
    if let Some(d) = &input.deputy_id {
        users::check_user(&txn, "deputy_id", d).await?;
    }
    // The absent user must be within the caller's scope (themself, their team, anyone).
    let in_scope = user::Entity::find_by_id(user_id.as_str())
        .filter(scope_condition(
            scope,
            &caller.user_id,
            ScopeColumn {
                table: "users",
                column: "id",
            },
        ))
        .one(&txn)
        .await?;
    if in_scope.is_none() {
        return Err(ApiError::Forbidden);
    }
    let now = clock::now();
    let model = absence::Model {
        id: clock::new_id(),
        user_id,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        deputy_id: input.deputy_id,
        note: input.note,
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    absence::Entity::insert(absence::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    crate::history::record(
        &txn,
        caller.actor(),
        "absence",
        &model.id,
        "create",
        crate::history::created(
            &serde_json::to_value(Absence::from(model.clone())).unwrap_or_default(),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(model.into())
}

pub async fn delete_absence(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<()> {
    let by_id = absence::Entity::find_by_id(id).filter(absence::Column::DeletedAt.is_null());
    crate::access::find_for(
        db,
        caller,
        Resource::Absences,
        Action::Delete,
        by_id,
        |scope| scope_condition(scope, &caller.user_id, ABSENT),
    )
    .await?;
    absence::Entity::update_many()
        .col_expr(absence::Column::DeletedAt, Expr::value(clock::now()))
        .filter(absence::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
