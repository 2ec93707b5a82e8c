//! The audit writer every mutation calls inside its own transaction, so a change and its history
//! entry commit or roll back together.
use super::entity;
use crate::clock;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// Who did it: a user (possibly through an API key) or the system (`user_id` none).
#[derive(Clone, Copy, Default)]
pub struct Actor<'a> {
    pub user_id: Option<&'a str>,
    pub api_key_id: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

impl Actor<'_> {
    pub const SYSTEM: Actor<'static> = Actor {
        user_id: None,
        api_key_id: None,
        request_id: None,
    };
}

#[derive(Debug, Clone, Serialize, serde::Deserialize, ToSchema, PartialEq)]
pub struct Change {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// Field-by-field differences between two JSON snapshots of a record. Bookkeeping fields that change
/// on every write are left out: the entry itself says when and by whom.
pub fn diff(old: &Value, new: &Value) -> Vec<Change> {
    const SKIP: [&str; 3] = ["updated_at", "version", "created_at"];
    let empty = Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !SKIP.contains(&k.as_str()))
        .filter_map(|k| {
            let (o, n) = (
                old.get(k).unwrap_or(&Value::Null),
                new.get(k).unwrap_or(&Value::Null),
            );
            (o != n).then(|| Change {
                field: k.clone(),
                old: o.clone(),
                new: n.clone(),
            })
        })
        .collect()
}

/// Every field of a new record as a change from null.
pub fn created(new: &Value) -> Vec<Change> {
    diff(&Value::Null, new)
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    entity_type: &str,
    entity_id: &str,
    action: &str,
    changes: Vec<Change>,
) -> Result<(), DbErr> {
    let changes = serde_json::to_value(changes).map_err(|e| DbErr::Custom(e.to_string()))?;
    entity::Entity::insert(entity::ActiveModel {
        id: Set(clock::new_id()),
        at: Set(clock::now()),
        actor_id: Set(actor.user_id.map(str::to_owned)),
        api_key_id: Set(actor.api_key_id.map(str::to_owned)),
        entity_type: Set(entity_type.to_owned()),
        entity_id: Set(entity_id.to_owned()),
        action: Set(action.to_owned()),
        changes: Set(Some(changes)),
        request_id: Set(actor.request_id.map(str::to_owned)),
    })
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// One entry per record, written in statements of many rows (a reassignment, an import).
pub async fn record_many(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    entity_type: &str,
    action: &str,
    entries: impl IntoIterator<Item = (String, Vec<Change>)>,
) -> Result<(), DbErr> {
    let at = clock::now();
    let mut rows = Vec::new();
    for (entity_id, changes) in entries {
        // Moved, not serialised: a reassignment writes a million of these.
        let changes = Value::Array(
            changes
                .into_iter()
                .map(|c| serde_json::json!({"field": c.field, "old": c.old, "new": c.new}))
                .collect(),
        );
        rows.push(entity::ActiveModel {
            id: Set(clock::new_id()),
            at: Set(at),
            actor_id: Set(actor.user_id.map(str::to_owned)),
            api_key_id: Set(actor.api_key_id.map(str::to_owned)),
            entity_type: Set(entity_type.to_owned()),
            entity_id: Set(entity_id),
            action: Set(action.to_owned()),
            changes: Set(Some(changes)),
            request_id: Set(actor.request_id.map(str::to_owned)),
        });
    }
    for chunk in rows.chunks(1000) {
        entity::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}
