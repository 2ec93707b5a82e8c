//! How rows find their duplicates: the keys a row is matched on (tax id, emails, name and city),
//! and the live records holding any of a batch's keys, in a few queries per batch.
use super::dto::{ImportEntity, MatchOn};
use super::write::Ctx;
use crate::api::sql::json_array_has;
use crate::error::ApiResult;
use crate::partners::entity::partner;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue, ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, DatabaseTransaction,
    EntityTrait, QueryFilter, QuerySelect,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub fn text(v: &ActiveValue<Option<String>>) -> Option<String> {
    match v {
        ActiveValue::Set(v) | ActiveValue::Unchanged(v) => v.clone(),
        ActiveValue::NotSet => None,
    }
}

pub fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

pub fn person_key(first: &str, last: &str) -> String {
    format!("name:{} {}", lower(first), lower(last))
}

pub fn lead_key(first: &str, last: &str, city: Option<&str>) -> String {
    format!(
        "nc:{} {}|{}",
        lower(first),
        lower(last),
        lower(city.unwrap_or_default())
    )
}

pub fn partner_key(name_key: &str, city: Option<&str>) -> String {
    format!("nc:{name_key}|{}", lower(city.unwrap_or_default()))
}

pub fn email_keys(emails: &[String]) -> Vec<String> {
    emails
        .iter()
        .map(|e| format!("email:{}", lower(e)))
        .collect()
}

/// `CAST(column AS TEXT) LIKE '%"email"%'` for each email: a JSON array holding it.
fn any_email_in(column: &str, emails: &[&str]) -> Condition {
    emails.iter().fold(Condition::any(), |any, e| {
        any.add(json_array_has(column, e))
    })
}

/// (id, email key) of the records `select` (id and emails columns) finds holding any of `emails`.
async fn holding_emails<E: EntityTrait>(
    txn: &DatabaseTransaction,
    select: sea_orm::Select<E>,
    column: &str,
    emails: &[&str],
) -> ApiResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for chunk in emails.chunks(50) {
        let rows: Vec<(String, Option<Value>)> = select
            .clone()
            .filter(any_email_in(column, chunk))
            .into_tuple()
            .all(txn)
            .await?;
        for (id, list) in rows {
            let list: Vec<String> = list
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default();
            out.extend(email_keys(&list).into_iter().map(|key| (id.clone(), key)));
        }
    }
    Ok(out)
}

/// Live records matching any of `keys`: key -> id.
///
/// On PostgreSQL the probes are made to use the indexes. A table the import itself is filling has
/// no statistics yet, and without them the planner prices a thousand index probes above a scan of
/// the whole table: at 100,000 partners that scan took 60 ms per thousand keys against 1 ms for the
/// probes, and it grows with the table, for every batch.
pub async fn lookup(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    keys: &HashSet<&str>,
) -> ApiResult<HashMap<String, String>> {
    let postgres = txn.get_database_backend() == DatabaseBackend::Postgres;
    if postgres {
        txn.execute_unprepared("SET LOCAL enable_seqscan TO off")
            .await?;
    }
    let found = probe(txn, ctx, keys).await?;
    if postgres {
        txn.execute_unprepared("SET LOCAL enable_seqscan TO on")
            .await?;
    }
    Ok(found)
}

async fn probe(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    keys: &HashSet<&str>,
) -> ApiResult<HashMap<String, String>> {
    let mut found = HashMap::new();
    let mut keep = |key: String, id: &str| {
        if keys.contains(key.as_str()) {
            found.entry(key).or_insert_with(|| id.to_owned());
        }
    };
    let emails: Vec<&str> = keys
        .iter()
        .filter_map(|k| k.strip_prefix("email:"))
        .collect();
    match (ctx.entity, ctx.options.match_on) {
        (ImportEntity::Partners, MatchOn::TaxId) => {
            let ids: Vec<&str> = keys
                .iter()
                .filter_map(|k| k.splitn(3, ':').nth(2))
                .collect();
            for chunk in ids.chunks(1000) {
                let rows: Vec<(String, Option<String>, Option<String>)> = partner::Entity::find()
                    .select_only()
                    .columns([
                        partner::Column::Id,
                        partner::Column::TaxCountry,
                        partner::Column::TaxId,
                    ])
                    .filter(partner::Column::DeletedAt.is_null())
                    .filter(partner::Column::TaxId.is_in(chunk.iter().copied()))
                    .into_tuple()
                    .all(txn)
                    .await?;
                for (id, country, tax) in rows {
                    if let (Some(c), Some(t)) = (country, tax) {
                        keep(format!("tax:{c}:{t}"), &id);
                    }
                }
            }
        }
        (ImportEntity::Partners, MatchOn::NameCity) => {
            let names: Vec<&str> = keys
                .iter()
                .filter_map(|k| k.strip_prefix("nc:").and_then(|k| k.split('|').next()))
                .collect();
            for chunk in names.chunks(1000) {
                let rows: Vec<(String, String, Option<String>)> = partner::Entity::find()
                    .select_only()
                    .columns([
                        partner::Column::Id,
                        partner::Column::NameKey,
                        partner::Column::City,
                    ])
                    .filter(partner::Column::DeletedAt.is_null())
                    .filter(partner::Column::NameKey.is_in(chunk.iter().copied()))
                    .into_tuple()
                    .all(txn)
                    .await?;
                for (id, name_key, city) in rows {
                    keep(partner_key(&name_key, city.as_deref()), &id);
                }
            }
        }
        (ImportEntity::Partners, MatchOn::Email) => {
            use partner::{Column, Entity};
            let select = Entity::find()
                .select_only()
                .columns([Column::Id, Column::Emails]);
            let select = select.filter(Column::DeletedAt.is_null());
            for (id, key) in holding_emails(txn, select, "partners.emails", &emails).await? {
                keep(key, &id);
            }
        }
        (ImportEntity::Persons, MatchOn::Email) => {
            use crate::persons::entity::{Column, Entity};
            let select = Entity::find()
                .select_only()
                .columns([Column::Id, Column::Emails]);
            let select = select.filter(Column::DeletedAt.is_null());
            for (id, key) in holding_emails(txn, select, "persons.emails", &emails).await? {
                keep(key, &id);
            }
        }
        (ImportEntity::Persons, _) => {
            use crate::persons::entity as person;
            let last: HashSet<String> = keys
                .iter()
                .filter_map(|k| k.strip_prefix("name:"))
                .filter_map(|n| n.rsplit(' ').next().map(str::to_owned))
                .collect();
            let rows: Vec<(String, String, String)> = person::Entity::find()
                .select_only()
                .columns([
                    person::Column::Id,
                    person::Column::FirstName,
                    person::Column::LastName,
                ])
                .filter(person::Column::DeletedAt.is_null())
                .filter(Expr::expr(Expr::cust("LOWER(last_name)")).is_in(last))
                .into_tuple()
                .all(txn)
                .await?;
            for (id, first, last) in rows {
                keep(person_key(&first, &last), &id);
            }
        }
        (ImportEntity::Leads, MatchOn::Email) => {
            use crate::leads::entity as lead;
            let rows: Vec<(String, Option<String>)> = lead::Entity::find()
                .select_only()
                .columns([lead::Column::Id, lead::Column::Email])
                .filter(lead::Column::DeletedAt.is_null())
                .filter(lead::Column::Email.is_in(emails.iter().copied()))
                .into_tuple()
                .all(txn)
                .await?;
            for (id, email) in rows {
                if let Some(e) = email {
                    keep(format!("email:{}", lower(&e)), &id);
                }
            }
        }
        (ImportEntity::Leads, _) => {
            use crate::leads::entity as lead;
            let last: HashSet<String> = keys
                .iter()
                .filter_map(|k| k.strip_prefix("nc:").and_then(|k| k.split('|').next()))
                .filter_map(|n| n.rsplit(' ').next().map(str::to_owned))
                .collect();
            let rows: Vec<(String, String, String, Option<String>)> = lead::Entity::find()
                .select_only()
                .columns([
                    lead::Column::Id,
                    lead::Column::FirstName,
                    lead::Column::LastName,
                    lead::Column::City,
                ])
                .filter(lead::Column::DeletedAt.is_null())
                .filter(Expr::expr(Expr::cust("LOWER(last_name)")).is_in(last))
                .into_tuple()
                .all(txn)
                .await?;
            for (id, first, last, city) in rows {
                keep(lead_key(&first, &last, city.as_deref()), &id);
            }
        }
    }
    Ok(found)
}
