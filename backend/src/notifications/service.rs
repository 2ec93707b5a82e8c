//! Notifications: written in the transaction of what caused them (an alarm, a message), shown in
//! the bell and, if the user asked for it, also sent by email through the outbox.
use super::dto::{Notification, NotificationPage, NotificationQuery, Preference, KINDS};
use super::entity::{notification, preference};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::mail::outbox::{self, NewEmail};
use crate::users::entity::user;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use serde::{Deserialize, Serialize};

/// What to tell a user.
pub struct Note {
    pub kind: &'static str,
    pub title: String,
    pub body: Option<String>,
    pub link: Option<(String, String)>,
}

async fn preference_of(
    db: &impl ConnectionTrait,
    user_id: &str,
    kind: &str,
) -> ApiResult<Preference> {
    let stored = preference::Entity::find_by_id((user_id.to_owned(), kind.to_owned()))
        .one(db)
        .await?;
    Ok(match stored {
        Some(p) => Preference {
            kind: p.kind,
            in_app: p.in_app,
            email: p.email,
        },
        None => default_preference(kind),
    })
}

/// In the bell always; by email only what cannot wait: an overdue or escalated deadline.
fn default_preference(kind: &str) -> Preference {
    Preference {
        kind: kind.to_owned(),
        in_app: true,
        email: matches!(kind, "deadline_overdue" | "deadline_escalated"),
    }
}

/// Notifies `user_id` as their preferences say, inside the caller's transaction. Returns whether a
/// notification went to the bell (then ping the hub after commit).
pub async fn notify(
    db: &impl ConnectionTrait,
    mail_from: &str,
    user_id: &str,
    note: Note,
) -> ApiResult<bool> {
    let pref = preference_of(db, user_id, note.kind).await?;
    if pref.email {
        if let Some(u) = user::Entity::find_by_id(user_id).one(db).await? {
            let text = note.body.clone().unwrap_or_else(|| note.title.clone());
            let mail = NewEmail {
                to: vec![u.email],
                subject: note.title.clone(),
                text,
                channel: "email",
                related: note.link.clone(),
                ..Default::default()
            };
            outbox::queue(db, mail_from, None, mail).await?;
        }
    }
    if pref.in_app {
        let (link_type, link_id) = note.link.unzip();
        notification::Entity::insert(notification::ActiveModel {
            id: Set(clock::new_id()),
            user_id: Set(user_id.to_owned()),
            kind: Set(note.kind.to_owned()),
            title: Set(note.title),
            body: Set(note.body),
            link_type: Set(link_type),
            link_id: Set(link_id),
            read_at: Set(None),
            created_at: Set(clock::now()),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(pref.in_app)
}

#[derive(Serialize, Deserialize)]
struct Cursor {
    read: bool,
    at: DateTime<Utc>,
    id: String,
}

fn unread() -> Condition {
    Condition::all().add(notification::Column::ReadAt.is_null())
}

fn read() -> Condition {
    Condition::all().add(notification::Column::ReadAt.is_not_null())
}

/// Rows after the cursor row in (unread first, newest first) order.
fn after(c: &Cursor) -> Condition {
    let older = Condition::any()
        .add(notification::Column::CreatedAt.lt(c.at))
        .add(
            Condition::all()
                .add(notification::Column::CreatedAt.eq(c.at))
                .add(notification::Column::Id.lt(c.id.as_str())),
        );
    if c.read {
        read().add(older)
    } else {
        Condition::any().add(unread().add(older)).add(read())
    }
}

pub async fn unread_count(db: &impl ConnectionTrait, user_id: &str) -> ApiResult<u64> {
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(unread())
        .count(db)
        .await?)
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &NotificationQuery,
) -> ApiResult<NotificationPage> {
    let limit = q.limit.unwrap_or(50);
    let mut select = notification::Entity::find()
        .filter(notification::Column::UserId.eq(caller.user_id.as_str()));
    if q.unread == Some(true) {
        select = select.filter(unread());
    }
    if let Some(raw) = q.cursor.as_deref().filter(|c| !c.is_empty()) {
        let cursor: Cursor = URL_SAFE_NO_PAD
            .decode(raw)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or_else(|| ApiError::bad_request("invalid_cursor", "The cursor is invalid."))?;
        select = select.filter(after(&cursor));
    }
    let mut rows = select
        .order_by(
            Expr::col(notification::Column::ReadAt).is_not_null(),
            Order::Asc,
        )
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let next_cursor = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| {
            let c = Cursor {
                read: r.read_at.is_some(),
                at: r.created_at,
                id: r.id.clone(),
            };
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&c).unwrap_or_default())
        })
    } else {
        None
    };
    Ok(NotificationPage {
        items: rows.into_iter().map(Notification::from).collect(),
        unread_count: unread_count(db, &caller.user_id).await?,
        next_cursor,
    })
}

pub async fn mark_read(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Notification> {
    let found = notification::Entity::find_by_id(id)
        .filter(notification::Column::UserId.eq(caller.user_id.as_str()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    if found.read_at.is_some() {
        return Ok(found.into());
    }
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(clock::now()))
        .filter(notification::Column::Id.eq(id))
        .exec(db)
        .await?;
    let updated = notification::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(updated.into())
}

pub async fn mark_all_read(db: &impl ConnectionTrait, caller: &Caller) -> ApiResult<u64> {
    Ok(notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(clock::now()))
        .filter(notification::Column::UserId.eq(caller.user_id.as_str()))
        .filter(unread())
        .exec(db)
        .await?
        .rows_affected)
}

pub async fn preferences(db: &impl ConnectionTrait, caller: &Caller) -> ApiResult<Vec<Preference>> {
    let mut out = Vec::new();
    for kind in KINDS {
        out.push(preference_of(db, &caller.user_id, kind).await?);
    }
    Ok(out)
}

pub async fn set_preferences(
    db: &impl TransactionTrait,
    caller: &Caller,
    prefs: Vec<Preference>,
) -> ApiResult<Vec<Preference>> {
    if let Some((i, p)) = prefs
        .iter()
        .enumerate()
        .find(|(_, p)| !KINDS.contains(&p.kind.as_str()))
    {
        return Err(ApiError::invalid(
            &format!("{i}.kind"),
            "unknown_kind",
            &format!("`{}` is not a kind of notification.", p.kind),
        ));
    }
    let txn = db.begin().await?;
    for p in prefs {
        preference::Entity::delete_by_id((caller.user_id.clone(), p.kind.clone()))
            .exec(&txn)
            .await?;
        preference::Entity::insert(preference::ActiveModel {
            user_id: Set(caller.user_id.clone()),
            kind: Set(p.kind),
            in_app: Set(p.in_app),
            email: Set(p.email),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    let out = preferences(&txn, caller).await?;
    txn.commit().await?;
    Ok(out)
}
