//! Announcements for the whole company: published for a period, pinned or not; each user marks
//! them read and their authors see who has.
use super::dto::{Announcement, AnnouncementQuery, CreateAnnouncement, Reader, UpdateAnnouncement};
use super::entity::{announcement, read};
use crate::access::{Action, Resource};
use crate::api::{versioned, IfMatch};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::users::entity::user;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::HashMap;

fn current(now: chrono::DateTime<chrono::Utc>) -> Condition {
    Condition::all()
        .add(announcement::Column::ValidFrom.lte(now))
        .add(
            Condition::any()
                .add(announcement::Column::ValidUntil.is_null())
                .add(announcement::Column::ValidUntil.gt(now)),
        )
}

async fn with_reads(
    db: &impl ConnectionTrait,
    caller: &Caller,
    rows: Vec<announcement::Model>,
) -> ApiResult<Vec<Announcement>> {
    let ids: Vec<String> = rows.iter().map(|a| a.id.clone()).collect();
    let counts: HashMap<String, i64> = read::Entity::find()
        .select_only()
        .column(read::Column::AnnouncementId)
        .expr(Func::count(Expr::col(read::Column::UserId)))
        .filter(read::Column::AnnouncementId.is_in(ids.clone()))
        .group_by(read::Column::AnnouncementId)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mine: HashMap<String, chrono::DateTime<chrono::Utc>> = read::Entity::find()
        .filter(read::Column::AnnouncementId.is_in(ids))
        .filter(read::Column::UserId.eq(caller.user_id.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.announcement_id, r.read_at))
        .collect();
    Ok(rows
        .into_iter()
        .map(|a| {
            let (read_at, count) = (
                mine.get(&a.id).copied(),
                counts.get(&a.id).copied().unwrap_or(0),
            );
            Announcement::new(a, read_at, count as u64)
        })
        .collect())
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &AnnouncementQuery,
) -> ApiResult<Vec<Announcement>> {
    caller.require(Resource::Announcements, Action::Read)?;
    let mut select = announcement::Entity::find().filter(announcement::Column::DeletedAt.is_null());
    if q.all == Some(true) {
        caller.require(Resource::Announcements, Action::Update)?;
    } else {
        select = select.filter(current(clock::now()));
    }
    let rows = select
        .order_by_desc(announcement::Column::Pinned)
        .order_by_desc(announcement::Column::ValidFrom)
        .limit(200)
        .all(db)
        .await?;
    with_reads(db, caller, rows).await
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<announcement::Model> {
    announcement::Entity::find_by_id(id)
        .filter(announcement::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn one(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Announcement> {
    let rows = with_reads(db, caller, vec![find(db, id).await?]).await?;
    rows.into_iter().next().ok_or(ApiError::NotFound)
}

fn check_period(
    from: chrono::DateTime<chrono::Utc>,
    until: Option<chrono::DateTime<chrono::Utc>>,
) -> ApiResult<()> {
    match until {
        Some(u) if u <= from => Err(ApiError::invalid(
            "valid_until",
            "before_start",
            "It must end after it starts.",
        )),
        _ => Ok(()),
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateAnnouncement,
) -> ApiResult<Announcement> {
    caller.require(Resource::Announcements, Action::Create)?;
    let now = clock::now();
    let valid_from = input.valid_from.unwrap_or(now);
    check_period(valid_from, input.valid_until)?;
    let txn = db.begin().await?;
    let model = announcement::Model {
        id: clock::new_id(),
        title: input.title.trim().to_owned(),
        body: input.body,
        pinned: input.pinned,
        valid_from,
        valid_until: input.valid_until,
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    announcement::Entity::insert(announcement::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    history::record(
        &txn,
        caller.actor(),
        "announcement",
        &model.id,
        "create",
        history::created(&serde_json::json!({"title": model.title})),
    )
    .await?;
    let dto = one(&txn, caller, &model.id).await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: UpdateAnnouncement,
) -> ApiResult<Announcement> {
    caller.require(Resource::Announcements, Action::Update)?;
    let txn = db.begin().await?;
    let current = find(&txn, id).await?;
    if_match.check(current.version)?;
    let from = input.valid_from.unwrap_or(current.valid_from);
    let until = input.valid_until.unwrap_or(current.valid_until);
    check_period(from, until)?;
    let mut active: announcement::ActiveModel = current.clone().into();
    active.valid_from = Set(from);
    active.valid_until = Set(until);
    if let Some(v) = input.title {
        active.title = Set(v.trim().to_owned());
    }
    if let Some(v) = input.body {
        active.body = Set(v);
    }
    if let Some(v) = input.pinned {
        active.pinned = Set(v);
    }
    versioned::save(&txn, active, id, current.version).await?;
    let dto = one(&txn, caller, id).await?;
    history::record(
        &txn,
        caller.actor(),
        "announcement",
        id,
        "update",
        history::diff(
            &serde_json::to_value(Announcement::new(current, None, 0)).unwrap_or_default(),
            &serde_json::to_value(&dto).unwrap_or_default(),
        ),
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
    caller.require(Resource::Announcements, Action::Delete)?;
    let txn = db.begin().await?;
    let current = find(&txn, id).await?;
    if_match.check(current.version)?;
    let mut active: announcement::ActiveModel = current.clone().into();
    active.deleted_at = Set(Some(clock::now()));
    versioned::save(&txn, active, id, current.version).await?;
    history::record(&txn, caller.actor(), "announcement", id, "delete", vec![]).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn mark_read(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Announcement> {
    caller.require(Resource::Announcements, Action::Read)?;
    let txn = db.begin().await?;
    find(&txn, id).await?;
    let seen = read::Entity::find_by_id((id.to_owned(), caller.user_id.clone()))
        .one(&txn)
        .await?;
    if seen.is_none() {
        read::Entity::insert(read::ActiveModel {
            announcement_id: Set(id.to_owned()),
            user_id: Set(caller.user_id.clone()),
            read_at: Set(clock::now()),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    let dto = one(&txn, caller, id).await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn readers(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Vec<Reader>> {
    caller.require(Resource::Announcements, Action::Update)?;
    find(db, id).await?;
    let rows = read::Entity::find()
        .filter(read::Column::AnnouncementId.eq(id))
        .order_by_asc(read::Column::ReadAt)
        .all(db)
        .await?;
    let names: HashMap<String, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id.clone())))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Reader {
            name: names.get(&r.user_id).cloned().unwrap_or_default(),
            user_id: r.user_id,
            read_at: r.read_at,
        })
        .collect())
}
