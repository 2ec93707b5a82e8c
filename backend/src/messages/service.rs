//! Internal messages between users: sent to people or teams, kept in threads, each recipient with
//! their own read state. Every recipient gets a `message` notification.
use super::dto::{Mailbox, MailboxQuery, Message, SendMessage};
use super::entity::{message, recipient};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::notifications::service::{notify, Note};
use crate::users::entity::user;
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};

/// Members and managers of the given live teams.
async fn team_people(db: &impl ConnectionTrait, team_ids: &[String]) -> ApiResult<Vec<String>> {
    if team_ids.is_empty() {
        return Ok(vec![]);
    }
    let backend = db.get_database_backend();
    let members = Query::select()
        .column(Alias::new("user_id"))
        .from(Alias::new("team_members"))
        .and_where(Expr::col(Alias::new("team_id")).is_in(team_ids.iter().cloned()))
        .to_owned();
    let managers = Query::select()
        .expr_as(Expr::col(Alias::new("manager_id")), Alias::new("user_id"))
        .from(Alias::new("teams"))
        .and_where(Expr::col(Alias::new("id")).is_in(team_ids.iter().cloned()))
        .and_where(Expr::col(Alias::new("manager_id")).is_not_null())
        .and_where(Expr::col(Alias::new("deleted_at")).is_null())
        .to_owned();
    let mut out = Vec::new();
    for stmt in [members, managers] {
        for row in db.query_all(backend.build(&stmt)).await? {
            if let Ok(id) = row.try_get::<String>("", "user_id") {
                out.push(id);
            }
        }
    }
    Ok(out)
}

/// Everyone who sent or received a message of `thread_id`.
async fn participants(db: &impl ConnectionTrait, thread_id: &str) -> ApiResult<Vec<String>> {
    let messages = message::Entity::find()
        .filter(message::Column::ThreadId.eq(thread_id))
        .all(db)
        .await?;
    let ids: Vec<String> = messages.iter().map(|m| m.id.clone()).collect();
    let mut people: Vec<String> = messages.into_iter().map(|m| m.sender_id).collect();
    people.extend(
        recipient::Entity::find()
            .filter(recipient::Column::MessageId.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.user_id),
    );
    Ok(people)
}

/// Whether the caller sent or received a message of `thread_id`.
async fn takes_part(db: &impl ConnectionTrait, user_id: &str, thread_id: &str) -> ApiResult<bool> {
    let received = Query::select()
        .column(Alias::new("message_id"))
        .from(Alias::new("message_recipients"))
        .and_where(Expr::col(Alias::new("user_id")).eq(user_id))
        .to_owned();
    Ok(message::Entity::find()
        .filter(message::Column::ThreadId.eq(thread_id))
        .filter(
            Condition::any()
                .add(message::Column::SenderId.eq(user_id))
                .add(message::Column::Id.in_subquery(received)),
        )
        .count(db)
        .await?
        > 0)
}

pub async fn send(
    db: &impl TransactionTrait,
    mail_from: &str,
    caller: &Caller,
    input: SendMessage,
) -> ApiResult<(Message, Vec<String>)> {
    let txn = db.begin().await?;
    let (thread_id, subject) = match &input.reply_to {
        Some(parent_id) => {
            let parent = message::Entity::find_by_id(parent_id.as_str())
                .one(&txn)
                .await?
                .ok_or_else(|| {
                    ApiError::invalid("reply_to", "unknown_message", "No such message.")
                })?;
            if !takes_part(&txn, &caller.user_id, &parent.thread_id).await? {
                return Err(ApiError::invalid(
                    "reply_to",
                    "unknown_message",
                    "No such message.",
                ));
            }
            let subject = input.subject.clone().unwrap_or_else(|| {
                if parent.subject.starts_with("Re: ") {
                    parent.subject.clone()
                } else {
                    format!("Re: {}", parent.subject)
                }
            });
            (parent.thread_id, subject)
        }
        None => {
            let subject = input.subject.clone().ok_or_else(|| {
                ApiError::invalid("subject", "required", "This field is required.")
            })?;
            (String::new(), subject)
        }
    };
    let mut to: BTreeSet<String> = input.to_user_ids.iter().cloned().collect();
    to.extend(team_people(&txn, &input.to_team_ids).await?);
    if to.is_empty() && input.reply_to.is_some() {
        // A reply naming nobody goes to everyone in the thread.
        to.extend(participants(&txn, &thread_id).await?);
    }
    to.remove(&caller.user_id);
    let live: Vec<String> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(to.iter().cloned()))
        .filter(user::Column::DeletedAt.is_null())
        .into_tuple::<String>()
        .all(&txn)
        .await?;
    if let Some(unknown) = input
        .to_user_ids
        .iter()
        .find(|u| **u != caller.user_id && !live.contains(u))
    {
        return Err(ApiError::invalid(
            "to_user_ids",
            "unknown_user",
            &format!("No such user: {unknown}."),
        ));
    }
    if live.is_empty() {
        return Err(ApiError::invalid(
            "to_user_ids",
            "required",
            "Name at least one other user or team.",
        ));
    }
    let id = clock::new_id();
    let thread_id = if thread_id.is_empty() {
        id.clone()
    } else {
        thread_id
    };
    let now = clock::now();
    let model = message::Model {
        id: id.clone(),
        thread_id,
        sender_id: caller.user_id.clone(),
        subject: subject.trim().to_owned(),
        body: input.body,
        created_at: now,
    };
    message::Entity::insert(message::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    for u in &live {
        recipient::Entity::insert(recipient::ActiveModel {
            message_id: Set(id.clone()),
            user_id: Set(u.clone()),
            read_at: Set(None),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    let sender_name = user::Entity::find_by_id(caller.user_id.as_str())
        .one(&txn)
        .await?
        .map(|u| u.name);
    let mut pinged = Vec::new();
    for u in &live {
        let note = Note {
            kind: "message",
            title: format!(
                "{}: {}",
                sender_name.clone().unwrap_or_default(),
                model.subject
            ),
            body: Some(model.body.chars().take(200).collect()),
            link: Some(("message".into(), model.thread_id.clone())),
        };
        if notify(&txn, mail_from, u, note).await? {
            pinged.push(u.clone());
        }
    }
    txn.commit().await?;
    Ok((
        Message {
            id,
            thread_id: model.thread_id,
            sender_id: model.sender_id,
            sender_name,
            subject: model.subject,
            body: model.body,
            recipient_ids: live,
            read_at: None,
            created_at: now,
        },
        pinged,
    ))
}

/// DTOs for `models`, with recipients, sender names and the caller's read state.
async fn to_dtos(
    db: &impl ConnectionTrait,
    caller: &Caller,
    models: Vec<message::Model>,
) -> ApiResult<Vec<Message>> {
    let ids: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let rows = recipient::Entity::find()
        .filter(recipient::Column::MessageId.is_in(ids))
        .all(db)
        .await?;
    let mut recipients: HashMap<String, Vec<recipient::Model>> = HashMap::new();
    for r in rows {
        recipients.entry(r.message_id.clone()).or_default().push(r);
    }
    let senders: Vec<String> = models.iter().map(|m| m.sender_id.clone()).collect();
    let names: HashMap<String, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(senders))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(models
        .into_iter()
        .map(|m| {
            let rs = recipients.remove(&m.id).unwrap_or_default();
            Message {
                read_at: rs
                    .iter()
                    .find(|r| r.user_id == caller.user_id)
                    .and_then(|r| r.read_at),
                recipient_ids: rs.into_iter().map(|r| r.user_id).collect(),
                sender_name: names.get(&m.sender_id).cloned(),
                id: m.id,
                thread_id: m.thread_id,
                sender_id: m.sender_id,
                subject: m.subject,
                body: m.body,
                created_at: m.created_at,
            }
        })
        .collect())
}

fn received_by(user_id: &str, unread_only: bool) -> sea_orm::sea_query::SelectStatement {
    let mut q = Query::select()
        .column(Alias::new("message_id"))
        .from(Alias::new("message_recipients"))
        .and_where(Expr::col(Alias::new("user_id")).eq(user_id))
        .to_owned();
    if unread_only {
        q.and_where(Expr::col(Alias::new("read_at")).is_null());
    }
    q
}

pub async fn mailbox(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &MailboxQuery,
) -> ApiResult<Mailbox> {
    let limit = q.limit.unwrap_or(50);
    let mut select = message::Entity::find();
    select = match q.r#box.as_deref() {
        Some("sent") => select.filter(message::Column::SenderId.eq(caller.user_id.as_str())),
        None | Some("inbox") => select.filter(
            message::Column::Id.in_subquery(received_by(&caller.user_id, q.unread == Some(true))),
        ),
        Some(_) => {
            return Err(ApiError::bad_request(
                "invalid_box",
                "box is inbox or sent.",
            ))
        }
    };
    if let Some(before) = q.before {
        select = select.filter(message::Column::CreatedAt.lt(before));
    }
    let mut rows = select
        .order_by_desc(message::Column::CreatedAt)
        .limit(limit + 1)
        .all(db)
        .await?;
    let next_before = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|m| m.created_at)
    } else {
        None
    };
    let unread_count = recipient::Entity::find()
        .filter(recipient::Column::UserId.eq(caller.user_id.as_str()))
        .filter(recipient::Column::ReadAt.is_null())
        .count(db)
        .await?;
    Ok(Mailbox {
        items: to_dtos(db, caller, rows).await?,
        unread_count,
        next_before,
    })
}

/// A whole thread, oldest first; the caller's unread messages in it become read.
pub async fn thread(
    db: &impl ConnectionTrait,
    caller: &Caller,
    thread_id: &str,
) -> ApiResult<Vec<Message>> {
    if !takes_part(db, &caller.user_id, thread_id).await? {
        return Err(ApiError::NotFound);
    }
    let received = received_by(&caller.user_id, false);
    let rows = message::Entity::find()
        .filter(message::Column::ThreadId.eq(thread_id))
        .filter(
            Condition::any()
                .add(message::Column::SenderId.eq(caller.user_id.as_str()))
                .add(message::Column::Id.in_subquery(received)),
        )
        .order_by_asc(message::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<String> = rows.iter().map(|m| m.id.clone()).collect();
    recipient::Entity::update_many()
        .col_expr(recipient::Column::ReadAt, Expr::value(clock::now()))
        .filter(recipient::Column::UserId.eq(caller.user_id.as_str()))
        .filter(recipient::Column::MessageId.is_in(ids))
        .filter(recipient::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    to_dtos(db, caller, rows).await
}
