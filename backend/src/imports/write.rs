//! One batch of rows written: each row read as the API reads a create body and checked as the API
//! checks it, matched against the database and the rows before it, then created (partners in
//! statements of many rows, with their owners, history entries and territory owners; persons and
//! leads through their services), updated through the service, or skipped. A row that fails is
//! reported and leaves nothing behind; a database failure fails the whole batch.
use super::dto::{ImportEntity, MatchOn, OnDuplicate, Options};
use super::rows::{self, describe};
use crate::api::IfMatch;
use crate::auth::Caller;
use crate::clock;
use crate::custom_fields::dto::CustomField;
use crate::error::{ApiError, ApiResult};
use crate::leads::dto::LeadFields;
use crate::partners::dto::{Owner, Partner, PartnerFields};
use crate::partners::entity::{owner, partner};
use crate::partners::service::{self as partners, Refs};
use crate::persons::dto::PersonFields;
use crate::{assignment, history, leads, persons};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue, ColumnTrait, Condition, DatabaseTransaction, EntityTrait, QueryFilter,
    QuerySelect, TryIntoModel,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Everything a batch needs to know about its import, read once per run.
pub struct Ctx {
    pub entity: ImportEntity,
    pub options: Options,
    /// The importer, with the import named as the request behind every history entry.
    pub caller: Caller,
    pub headers: usize,
    pub columns: Vec<(usize, String)>,
    pub custom: Vec<CustomField>,
    pub refs: Option<Refs>,
}

pub struct Row {
    /// The row's place in the file, the header being row 1 (as a spreadsheet numbers it).
    pub number: i64,
    pub cells: csv::StringRecord,
}

/// What a batch did.
#[derive(Default)]
pub struct Outcome {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    /// What undo needs: records updated, with their values before (created ones are `created`).
    pub before: Vec<(String, Value)>,
    pub skipped: i64,
    /// Rows matching an earlier row of a dry run, counted as the update they would be.
    pub updated_unseen: i64,
    pub failures: Vec<(i64, Vec<String>, String)>,
}

impl Outcome {
    fn fail(&mut self, row: &Row, message: String) {
        let cells = row.cells.iter().map(str::to_owned).collect();
        self.failures.push((row.number, cells, message));
    }
}

enum Fields {
    Partner(Box<PartnerFields>, Box<partner::ActiveModel>),
    Person(PersonFields),
    Lead(LeadFields),
}

/// Where a duplicate's original is.
enum Target {
    Existing(String),
    /// A row created earlier in this batch (its index among the creates).
    Pending(usize),
    /// A row of an earlier batch of a dry run (nothing was kept to update).
    Earlier,
}

fn text(v: &ActiveValue<Option<String>>) -> Option<String> {
    match v {
        ActiveValue::Set(v) | ActiveValue::Unchanged(v) => v.clone(),
        ActiveValue::NotSet => None,
    }
}

fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

fn person_key(first: &str, last: &str) -> String {
    format!("name:{} {}", lower(first), lower(last))
}

fn lead_key(first: &str, last: &str, city: Option<&str>) -> String {
    format!(
        "nc:{} {}|{}",
        lower(first),
        lower(last),
        lower(city.unwrap_or_default())
    )
}

fn partner_key(name_key: &str, city: Option<&str>) -> String {
    format!("nc:{name_key}|{}", lower(city.unwrap_or_default()))
}

fn email_keys(emails: &[String]) -> Vec<String> {
    emails
        .iter()
        .map(|e| format!("email:{}", lower(e)))
        .collect()
}

/// The row read and checked, with the keys it is matched on.
fn prepare(ctx: &Ctx, row: &Row) -> Result<(Fields, Vec<String>), String> {
    if row.cells.len() > ctx.headers {
        return Err(format!(
            "The row has {} cells; the header names {} columns.",
            row.cells.len(),
            ctx.headers
        ));
    }
    let body = rows::body(ctx.entity, &ctx.custom, &ctx.columns, &row.cells)?;
    let on = ctx.options.match_on;
    match ctx.entity {
        ImportEntity::Partners => {
            let mut f: PartnerFields = rows::parse(body)?;
            // A file's tax ids are those of its partners' country unless it says otherwise.
            if matches!(f.tax_id, Some(Some(_))) && f.tax_country.is_none() {
                f.tax_country = f.country.clone();
            }
            partners::check_new(&f).map_err(|e| describe(&e))?;
            let refs = ctx.refs.as_ref().ok_or("partner references not loaded")?;
            let mut active = partners::blank(&clock::new_id(), &ctx.caller.user_id, clock::now());
            partners::apply_checked(refs, &mut active, None, f.clone())
                .map_err(|e| describe(&e))?;
            let keys = match on {
                MatchOn::TaxId => match (text(&active.tax_country), text(&active.tax_id)) {
                    (Some(c), Some(t)) => vec![format!("tax:{c}:{t}")],
                    _ => vec![],
                },
                MatchOn::Email => email_keys(f.emails.as_deref().unwrap_or_default()),
                MatchOn::NameCity => {
                    let name_key = match &active.name_key {
                        ActiveValue::Set(k) | ActiveValue::Unchanged(k) => k.clone(),
                        ActiveValue::NotSet => String::new(),
                    };
                    vec![partner_key(&name_key, text(&active.city).as_deref())]
                }
            };
            Ok((Fields::Partner(Box::new(f), Box::new(active)), keys))
        }
        ImportEntity::Persons => {
            let f: PersonFields = rows::parse(body)?;
            persons::service::check_new(&f).map_err(|e| describe(&e))?;
            let keys = match on {
                MatchOn::Email => email_keys(f.emails.as_deref().unwrap_or_default()),
                _ => vec![person_key(
                    f.first_name.as_deref().unwrap_or_default(),
                    f.last_name.as_deref().unwrap_or_default(),
                )],
            };
            Ok((Fields::Person(f), keys))
        }
        ImportEntity::Leads => {
            let f: LeadFields = rows::parse(body)?;
            let keys = match on {
                MatchOn::Email => f
                    .email
                    .iter()
                    .map(|e| format!("email:{}", lower(e)))
                    .collect(),
                _ => vec![lead_key(
                    f.first_name.as_deref().unwrap_or_default(),
                    f.last_name.as_deref().unwrap_or_default(),
                    f.city.as_deref(),
                )],
            };
            Ok((Fields::Lead(f), keys))
        }
    }
}

/// `CAST(column AS TEXT) LIKE '%"email"%'` for each email: a JSON array holding it.
fn any_email_in(column: &str, emails: &[&str]) -> Condition {
    emails.iter().fold(Condition::any(), |any, e| {
        let escaped = e
            .replace('!', "!!")
            .replace('%', "!%")
            .replace('_', "!_")
            .replace('"', "");
        any.add(
            Expr::expr(Expr::cust(format!("CAST({column} AS TEXT)")))
                .like(sea_orm::sea_query::LikeExpr::new(format!("%\"{escaped}\"%")).escape('!')),
        )
    })
}

/// Live records matching any of `keys`: key -> id.
async fn lookup(
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
            for chunk in emails.chunks(50) {
                let rows: Vec<(String, Option<Value>)> = partner::Entity::find()
                    .select_only()
                    .columns([partner::Column::Id, partner::Column::Emails])
                    .filter(partner::Column::DeletedAt.is_null())
                    .filter(any_email_in("partners.emails", chunk))
                    .into_tuple()
                    .all(txn)
                    .await?;
                for (id, list) in rows {
                    let list: Vec<String> = list
                        .and_then(|v| serde_json::from_value(v).ok())
                        .unwrap_or_default();
                    for key in email_keys(&list) {
                        keep(key, &id);
                    }
                }
            }
        }
        (ImportEntity::Persons, MatchOn::Email) => {
            use crate::persons::entity as person;
            for chunk in emails.chunks(50) {
                let rows: Vec<(String, Option<Value>)> = person::Entity::find()
                    .select_only()
                    .columns([person::Column::Id, person::Column::Emails])
                    .filter(person::Column::DeletedAt.is_null())
                    .filter(any_email_in("persons.emails", chunk))
                    .into_tuple()
                    .all(txn)
                    .await?;
                for (id, list) in rows {
                    let list: Vec<String> = list
                        .and_then(|v| serde_json::from_value(v).ok())
                        .unwrap_or_default();
                    for key in email_keys(&list) {
                        keep(key, &id);
                    }
                }
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

/// Writes one batch inside `txn`. `seen` holds the keys of earlier batches of a dry run (whose
/// rows were rolled back, so the database cannot tell).
pub async fn batch(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    rows: &[Row],
    seen: &mut HashSet<String>,
) -> ApiResult<Outcome> {
    let mut out = Outcome::default();
    let mut prepared = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        match prepare(ctx, row) {
            Ok((fields, keys)) => prepared.push((i, fields, keys)),
            Err(message) => out.fail(row, message),
        }
    }
    let matching = ctx.options.on_duplicate != OnDuplicate::Create;
    let existing = if matching {
        let keys: HashSet<&str> = prepared
            .iter()
            .flat_map(|(_, _, k)| k.iter().map(String::as_str))
            .collect();
        lookup(txn, ctx, &keys).await?
    } else {
        HashMap::new()
    };
    let mut creates = Vec::new();
    let mut updates = Vec::new();
    let mut pending: HashMap<String, usize> = HashMap::new();
    for (i, fields, keys) in prepared {
        if matching {
            let target = keys.iter().find_map(|k| {
                existing
                    .get(k)
                    .map(|id| Target::Existing(id.clone()))
                    .or_else(|| pending.get(k).map(|n| Target::Pending(*n)))
                    .or_else(|| seen.contains(k).then_some(Target::Earlier))
            });
            if let Some(target) = target {
                match ctx.options.on_duplicate {
                    OnDuplicate::Update => updates.push((i, target, fields)),
                    _ => out.skipped += 1,
                }
                continue;
            }
        }
        for k in keys {
            if ctx.options.dry_run {
                seen.insert(k.clone());
            }
            pending.insert(k, creates.len());
        }
        creates.push((i, fields));
    }
    let created = create(txn, ctx, rows, creates, &mut out).await?;
    for (i, target, fields) in updates {
        let (id, made_here) = match target {
            Target::Existing(id) => (id, false),
            Target::Pending(n) => match created.get(n).cloned().flatten() {
                Some(id) => (id, true),
                None => {
                    out.fail(&rows[i], "It repeats an earlier row that failed.".into());
                    continue;
                }
            },
            Target::Earlier => {
                out.updated_unseen += 1;
                continue;
            }
        };
        update(txn, ctx, &rows[i], id, made_here, fields, &mut out).await?;
    }
    Ok(out)
}

/// A row's own mistake fails the row; anything else (the database) fails the batch.
fn row_error(e: ApiError) -> ApiResult<String> {
    match e {
        ApiError::Internal(_) => Err(e),
        other => Ok(describe(&other)),
    }
}

/// Creates the rows; the id of each create in order, none where the row failed.
async fn create(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    rows: &[Row],
    creates: Vec<(usize, Fields)>,
    out: &mut Outcome,
) -> ApiResult<Vec<Option<String>>> {
    if ctx.entity == ImportEntity::Partners {
        return create_partners(txn, ctx, creates, out).await;
    }
    let mut ids = Vec::with_capacity(creates.len());
    for (i, fields) in creates {
        let made = match fields {
            Fields::Person(f) => persons::service::create(txn, &ctx.caller, f)
                .await
                .map(|p| p.id),
            Fields::Lead(f) => leads::service::create(txn, &ctx.caller, f)
                .await
                .map(|l| l.id),
            Fields::Partner(..) => Err(ApiError::NotFound),
        };
        match made {
            Ok(id) => {
                out.created.push(id.clone());
                ids.push(Some(id));
            }
            Err(e) => {
                out.fail(&rows[i], row_error(e)?);
                ids.push(None);
            }
        }
    }
    Ok(ids)
}

/// Partners in statements of many rows: the rows, their primary owner (the importer), one history
/// entry each, then the territory and owners the assignment table gives them.
async fn create_partners(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    creates: Vec<(usize, Fields)>,
    out: &mut Outcome,
) -> ApiResult<Vec<Option<String>>> {
    let user = ctx.caller.user_id.clone();
    let mut actives = Vec::with_capacity(creates.len());
    let mut entries = Vec::with_capacity(creates.len());
    let mut owners = Vec::with_capacity(creates.len());
    for (_, fields) in creates {
        let Fields::Partner(_, active) = fields else {
            continue;
        };
        let model = active
            .as_ref()
            .clone()
            .try_into_model()
            .map_err(ApiError::from)?;
        let primary = Owner {
            user_id: user.clone(),
            role: "primary".into(),
            rule_id: None,
        };
        let dto = Partner::from_model(model, vec![primary]);
        let snapshot = serde_json::to_value(&dto).unwrap_or_default();
        entries.push((dto.id.clone(), history::created(&snapshot)));
        owners.push(owner::ActiveModel {
            partner_id: ActiveValue::Set(dto.id.clone()),
            user_id: ActiveValue::Set(user.clone()),
            role: ActiveValue::Set("primary".into()),
            rule_id: ActiveValue::Set(None),
        });
        out.created.push(dto.id);
        actives.push(*active);
    }
    // Bound parameters per statement stay under both engines' limits.
    for chunk in actives.chunks(400) {
        partner::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    for chunk in owners.chunks(2000) {
        owner::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    let actor = ctx.caller.actor();
    history::record_many(txn, actor, "partner", "import", entries).await?;
    assignment::follow::partners(txn, actor, &out.created).await?;
    Ok(out.created.iter().cloned().map(Some).collect())
}

/// Updates the matched record through its service (which checks scope, writes history and
/// follows territory rules), remembering it as it was for undo unless this import made it.
async fn update(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    row: &Row,
    id: String,
    made_here: bool,
    fields: Fields,
    out: &mut Outcome,
) -> ApiResult<()> {
    let (before, version) = match snapshot(txn, ctx.entity, &id).await {
        Ok(found) => found,
        Err(e) => {
            out.fail(row, row_error(e)?);
            return Ok(());
        }
    };
    let done = match fields {
        Fields::Partner(f, _) => partners::update(txn, &ctx.caller, &id, IfMatch(version), *f)
            .await
            .map(|_| ()),
        Fields::Person(f) => persons::service::update(txn, &ctx.caller, &id, IfMatch(version), f)
            .await
            .map(|_| ()),
        Fields::Lead(f) => leads::service::update(txn, &ctx.caller, &id, IfMatch(version), f)
            .await
            .map(|_| ()),
    };
    match done {
        Ok(()) => {
            if !made_here && !out.before.iter().any(|(b, _)| *b == id) {
                out.before.push((id.clone(), before));
            }
            out.updated.push(id);
        }
        Err(e) => out.fail(row, row_error(e)?),
    }
    Ok(())
}

/// The stored row of a record (every column, as undo writes it back) and its version.
pub async fn snapshot(
    txn: &DatabaseTransaction,
    entity: ImportEntity,
    id: &str,
) -> ApiResult<(Value, i32)> {
    let found = match entity {
        ImportEntity::Partners => partner::Entity::find_by_id(id)
            .one(txn)
            .await?
            .map(|m| (serde_json::to_value(&m), m.version)),
        ImportEntity::Persons => crate::persons::entity::Entity::find_by_id(id)
            .one(txn)
            .await?
            .map(|m| (serde_json::to_value(&m), m.version)),
        ImportEntity::Leads => crate::leads::entity::Entity::find_by_id(id)
            .one(txn)
            .await?
            .map(|m| (serde_json::to_value(&m), m.version)),
    };
    let (value, version) = found.ok_or(ApiError::NotFound)?;
    Ok((value.map_err(|e| ApiError::Internal(e.into()))?, version))
}
