//! One batch of rows written: each row read as the API reads a create body and checked as the API
//! checks it, matched against the database and the rows before it, then created (partners in
//! statements of many rows, with their owners, history entries and territory owners; persons and
//! leads through their services), updated through the service, or skipped. A row that fails is
//! reported and leaves nothing behind; a database failure fails the whole batch.
use super::dto::{ImportEntity, MatchOn, OnDuplicate, Options};
use super::matching::{email_keys, lead_key, lookup, lower, partner_key, person_key, text};
use super::rows::{self, describe};
use super::stored::snapshot;
use crate::api::IfMatch;
use crate::assignment::decide::{Rule, Table, PRIMARY};
use crate::assignment::read::Subject;
use crate::auth::Caller;
use crate::clock;
use crate::custom_fields::dto::CustomField;
use crate::db::insert_chunked;
use crate::error::{ApiError, ApiResult};
use crate::leads::dto::LeadFields;
use crate::partners::dto::{Owner, Partner, PartnerFields};
use crate::partners::entity::{owner, partner};
use crate::partners::service::{self as partners, Refs};
use crate::persons::dto::PersonFields;
use crate::territories::tree::Tree;
use crate::{assignment, history, leads, persons};
use sea_orm::{ActiveValue, DatabaseTransaction, TryIntoModel};
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
    /// The territories and assignment rules new partners are placed by.
    pub territories: Tree,
    pub rules: Vec<Rule>,
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
    Partner(Box<NewPartner>),
    Person(PersonFields),
    Lead(LeadFields),
}

/// A partner row ready to be written: the fields (for an update), and for a create the row, its
/// owner rows and its history entry.
struct NewPartner {
    fields: PartnerFields,
    active: partner::ActiveModel,
    owners: Vec<owner::ActiveModel>,
    /// The history entry's changes, as JSON text.
    history: String,
}

/// A batch read and checked (in the reader's thread, while the previous batch is written).
pub struct Batch {
    pub rows: Vec<Row>,
    /// Rows that passed the checks: their index, what to write, the keys they are matched on.
    ready: Vec<(usize, Fields, Vec<String>)>,
    /// Rows that did not: their index and why.
    refused: Vec<(usize, String)>,
}

/// Where a duplicate's original is.
enum Target {
    Existing(String),
    /// A row created earlier in this batch (its index among the creates).
    Pending(usize),
    /// A row of an earlier batch of a dry run (nothing was kept to update).
    Earlier,
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
            // A file's tax ids are those of its partners' country unless it says otherwise, or of
            // the country their VAT prefix names (`HR69435151530`).
            if let (Some(Some(tax)), None) = (&f.tax_id, &f.tax_country) {
                let prefix = tax
                    .get(..2)
                    .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()));
                f.tax_country = match (&f.country, prefix) {
                    (Some(Some(c)), _) => Some(Some(c.clone())),
                    (_, Some(p)) => Some(Some(p.to_uppercase())),
                    _ => None,
                };
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
            let partner = NewPartner {
                fields: f,
                active,
                owners: Vec::new(),
                history: String::new(),
            };
            Ok((Fields::Partner(Box::new(partner)), keys))
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

/// Reads and checks a batch of rows, and places its new partners (territory, owners from the
/// assignment table, history entry) so that writing them is only writing.
pub fn prepare_batch(ctx: &Ctx, table: &Table, rows: Vec<Row>) -> Batch {
    let mut ready = Vec::with_capacity(rows.len());
    let mut refused = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match prepare(ctx, row) {
            Ok((fields, keys)) => ready.push((i, fields, keys)),
            Err(message) => refused.push((i, message)),
        }
    }
    if ctx.entity == ImportEntity::Partners {
        place_partners(ctx, table, &mut ready);
    }
    Batch {
        rows,
        ready,
        refused,
    }
}

fn id_of(v: &ActiveValue<String>) -> String {
    match v {
        ActiveValue::Set(id) | ActiveValue::Unchanged(id) => id.clone(),
        ActiveValue::NotSet => String::new(),
    }
}

/// Each new partner's territory, owners and history entry, as the assignment table decides them
/// (the importer as primary owner where no rule names one).
fn place_partners(ctx: &Ctx, table: &Table, ready: &mut [(usize, Fields, Vec<String>)]) {
    let partners: Vec<&mut NewPartner> = ready
        .iter_mut()
        .filter_map(|(_, fields, _)| match fields {
            Fields::Partner(p) => Some(p.as_mut()),
            _ => None,
        })
        .collect();
    let subjects = partners
        .iter()
        .map(|p| Subject {
            id: id_of(&p.active.id),
            country: text(&p.active.country),
            region: text(&p.active.region),
            postal_code: text(&p.active.postal_code),
            group_id: text(&p.active.group_id),
            territory_id: None,
            owners_locked: false,
            owners: Vec::new(),
        })
        .collect();
    let placed = assignment::follow::place(&ctx.territories, table, &ctx.caller.user_id, subjects);
    for (p, (territory, decided)) in partners.into_iter().zip(placed) {
        p.active.territory_id = ActiveValue::Set(territory);
        p.active.primary_owner_id = ActiveValue::Set(
            decided
                .iter()
                .find(|o| o.role == PRIMARY)
                .map(|o| o.user_id.clone()),
        );
        let id = id_of(&p.active.id);
        let listed = decided
            .iter()
            .map(|o| Owner {
                user_id: o.user_id.clone(),
                role: o.role.clone(),
                rule_id: o.rule_id.clone(),
            })
            .collect();
        if let Ok(model) = p.active.clone().try_into_model() {
            let dto = Partner::from_model(model, listed);
            let changes = history::created_from(serde_json::to_value(&dto).unwrap_or_default());
            p.history = history::changes_json(&changes).unwrap_or_default();
        }
        p.owners = decided
            .into_iter()
            .map(|o| owner::ActiveModel {
                partner_id: ActiveValue::Set(id.clone()),
                user_id: ActiveValue::Set(o.user_id),
                role: ActiveValue::Set(o.role),
                rule_id: ActiveValue::Set(o.rule_id),
            })
            .collect();
    }
}

/// Writes one batch inside `txn`. `seen` holds the keys of earlier batches of a dry run (whose
/// rows were rolled back, so the database cannot tell).
pub async fn batch(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    batch: Batch,
    seen: &mut HashSet<String>,
) -> ApiResult<Outcome> {
    let Batch {
        rows,
        ready: prepared,
        refused,
    } = batch;
    let rows = &rows[..];
    let mut out = Outcome::default();
    for (i, message) in refused {
        out.fail(&rows[i], message);
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

/// Partners in statements of many rows: the rows with the territory and owners the assignment
/// table gives them (the importer as primary owner where no rule names one) and one history entry
/// each.
async fn create_partners(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    creates: Vec<(usize, Fields)>,
    out: &mut Outcome,
) -> ApiResult<Vec<Option<String>>> {
    let mut actives = Vec::with_capacity(creates.len());
    let mut owners = Vec::with_capacity(creates.len());
    let mut entries = Vec::with_capacity(creates.len());
    for (_, fields) in creates {
        let Fields::Partner(p) = fields else {
            continue;
        };
        let NewPartner {
            active,
            owners: own,
            history: changes,
            ..
        } = *p;
        let id = id_of(&active.id);
        out.created.push(id.clone());
        entries.push((id, changes));
        owners.extend(own);
        actives.push(active);
    }
    // Bound parameters per statement stay under both engines' limits.
    insert_chunked(txn, actives, 400).await?;
    insert_chunked(txn, owners, 2000).await?;
    history::record_many_json(txn, ctx.caller.actor(), "partner", "import", entries).await?;
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
        Fields::Partner(p) => partners::update(txn, &ctx.caller, &id, IfMatch(version), p.fields)
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
