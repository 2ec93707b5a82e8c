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
/// Bookkeeping fields that change on every write: the entry itself says when and by whom.
const SKIPPED: [&str; 3] = ["updated_at", "version", "created_at"];

pub fn diff(old: &Value, new: &Value) -> Vec<Change> {
    let empty = Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !SKIPPED.contains(&k.as_str()))
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

/// A soft delete: `deleted_at` set at `at`.
pub fn deleted(at: chrono::DateTime<chrono::Utc>) -> Vec<Change> {
    vec![Change {
        field: "deleted_at".into(),
        old: Value::Null,
        new: serde_json::json!(at),
    }]
}

/// Every field of a new record as a change from null.
pub fn created(new: &Value) -> Vec<Change> {
    diff(&Value::Null, new)
}

/// `created` of a snapshot that is not needed afterwards: its values move into the changes (an
/// import makes a million of these).
pub fn created_from(new: Value) -> Vec<Change> {
    let Value::Object(fields) = new else {
        return Vec::new();
    };
    fields
        .into_iter()
        .filter(|(k, v)| !v.is_null() && !SKIPPED.contains(&k.as_str()))
        .map(|(field, new)| Change {
            field,
            old: Value::Null,
            new,
        })
        .collect()
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

/// One entry per record, written in statements of many rows (a reassignment, an import). The
/// changes are serialised straight to JSON text, once: a million entries built as JSON values
/// cost a gigabyte of short-lived allocations.
pub async fn record_many(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    entity_type: &str,
    action: &str,
    entries: impl IntoIterator<Item = (String, Vec<Change>)>,
) -> Result<(), DbErr> {
    let mut serialised = Vec::new();
    for (id, changes) in entries {
        serialised.push((id, changes_json(&changes)?));
    }
    record_many_json(db, actor, entity_type, action, serialised).await
}

/// The changes of an entry as the JSON text `record_many_json` takes.
pub fn changes_json(changes: &[Change]) -> Result<String, DbErr> {
    serde_json::to_string(changes).map_err(|e| DbErr::Custom(e.to_string()))
}

/// `record_many` of changes already serialised (by `changes_json`, perhaps in another thread).
pub async fn record_many_json(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    entity_type: &str,
    action: &str,
    entries: Vec<(String, String)>,
) -> Result<(), DbErr> {
    const ROWS: usize = 1000;
    let backend = db.get_database_backend();
    let postgres = backend == sea_orm::DatabaseBackend::Postgres;
    let at = clock::now();
    let mut entries = entries;
    while !entries.is_empty() {
        let rest = entries.split_off(entries.len().min(ROWS));
        let mut binds = crate::api::sql::Binds::new(backend);
        // What every entry shares is bound once on PostgreSQL, whose placeholders are numbered,
        // and referenced by every row: a third of the parameters to send and convert. SQLite's are
        // anonymous: values are pushed in the order the columns are listed.
        let shared = |binds: &mut crate::api::sql::Binds| {
            [
                binds.push(at),
                binds.push(actor.user_id.map(str::to_owned)),
                binds.push(actor.api_key_id.map(str::to_owned)),
                binds.push(entity_type),
                binds.push(action),
                binds.push(actor.request_id.map(str::to_owned)),
            ]
            .join(", ")
        };
        let once = postgres.then(|| shared(&mut binds));
        let mut rows = Vec::with_capacity(ROWS);
        for (entity_id, changes) in std::mem::replace(&mut entries, rest) {
            let id = binds.push(clock::new_id());
            let common = match &once {
                Some(bound) => bound.clone(),
                None => shared(&mut binds),
            };
            let entity_id = binds.push(entity_id);
            let changes = binds.push(changes);
            // PostgreSQL reads the text as json (m0018); SQLite keeps JSON as text.
            let changes = match postgres {
                true => format!("CAST({changes} AS json)"),
                false => changes,
            };
            rows.push(format!("({id}, {common}, {entity_id}, {changes})"));
        }
        let sql = format!(
            "INSERT INTO history (id, at, actor_id, api_key_id, entity_type, action, request_id, \
             entity_id, changes) VALUES {}",
            rows.join(", ")
        );
        db.execute(binds.statement(sql)).await?;
    }
    Ok(())
}
