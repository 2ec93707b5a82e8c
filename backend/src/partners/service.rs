//! Partners: validation (tax ids, managed-list values), ownership, scope, history.
use super::dto::{
    DuplicateMatch, DuplicateQuery, Duplicates, Owner, Partner, PartnerFields, PartnerListQuery,
    SetOwners, FIELDS,
};
use super::entity::{owner, partner};
use super::{names, scope, tax_id};
use crate::access::{find_for, Action, Resource};
use crate::api::sql::json_array_has;
use crate::api::{versioned, FilterNode, IfMatch, ListQuery, Page};
use crate::assignment;
use crate::auth::Caller;
use crate::clock;
use crate::custom_fields::dto::CustomField;
use crate::custom_fields::service::{self as custom_fields, fetch_page};
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::lists::service::Known;
use crate::users::entity::user;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, TransactionTrait,
};
use std::collections::HashMap;

/// Full-text quick search on name, tax id, city, emails and phones (every word as a prefix), using
/// each engine's index; a tax id typed with its country prefix also matches.
fn quick_search(backend: sea_orm::DatabaseBackend, text: &str) -> Condition {
    let mut any = Condition::any();
    if let Some(words) = crate::api::fts::matches(backend, "partners", text) {
        any = any.add(words);
    }
    // Tax ids hold digits: only then is the typed text also tried as a tax-id prefix, as a range
    // the tax-id index serves (LIKE would scan: SQLite's LIKE ignores case, so no index helps it).
    let compact: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_uppercase();
    if compact.len() >= 4 && compact.chars().any(|c| c.is_ascii_digit()) {
        let mut prefixes = vec![compact.clone()];
        if compact.starts_with(|c: char| c.is_ascii_alphabetic()) {
            prefixes.extend(compact.get(2..).map(str::to_owned));
        }
        for p in prefixes {
            any = any.add(
                Condition::all()
                    .add(partner::Column::TaxId.gte(p.clone()))
                    .add(partner::Column::TaxId.lt(format!("{p}~"))),
            );
        }
    }
    if any.is_empty() {
        // Nothing searchable was typed: match nothing rather than everything.
        any = any.add(Expr::cust("1 = 0"));
    }
    any
}

pub async fn owners_of(
    db: &impl ConnectionTrait,
    ids: &[String],
) -> ApiResult<HashMap<String, Vec<Owner>>> {
    let rows = owner::Entity::find()
        .filter(owner::Column::PartnerId.is_in(ids.iter().cloned()))
        .all(db)
        .await?;
    let mut out: HashMap<String, Vec<Owner>> = HashMap::new();
    for r in rows {
        out.entry(r.partner_id).or_default().push(Owner {
            user_id: r.user_id,
            role: r.role,
            rule_id: r.rule_id,
        });
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| {
            role_rank(&a.role)
                .cmp(&role_rank(&b.role))
                .then(a.user_id.cmp(&b.user_id))
        });
    }
    Ok(out)
}

fn role_rank(role: &str) -> u8 {
    match role {
        "primary" => 0,
        "deputy" => 1,
        _ => 2,
    }
}

async fn to_dtos(
    db: &impl ConnectionTrait,
    models: Vec<partner::Model>,
) -> ApiResult<Vec<Partner>> {
    let ids: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let mut owners = owners_of(db, &ids).await?;
    Ok(models
        .into_iter()
        .map(|m| {
            let o = owners.remove(&m.id).unwrap_or_default();
            Partner::from_model(m, o)
        })
        .collect())
}

async fn to_dto(db: &impl ConnectionTrait, model: partner::Model) -> ApiResult<Partner> {
    to_dtos(db, vec![model])
        .await?
        .pop()
        .ok_or(ApiError::NotFound)
}

fn live(trashed: bool) -> Condition {
    crate::access::live(partner::Column::DeletedAt, trashed)
}

/// The partners within `scope` that the list's typed filters and quick search leave (the list and
/// the export share it).
pub async fn filtered(
    db: &impl ConnectionTrait,
    caller: &Caller,
    scope: crate::access::Scope,
    q: &PartnerListQuery,
    trashed: bool,
) -> ApiResult<sea_orm::Select<partner::Entity>> {
    let mut select = partner::Entity::find()
        .filter(scope::visible(scope, &caller.user_id))
        .filter(live(trashed));
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(quick_search(db.get_database_backend(), text));
    }
    if let Some(v) = &q.group_id {
        select = select.filter(partner::Column::GroupId.eq(v.as_str()));
    }
    if let Some(v) = &q.owner_id {
        select = select.filter(partner::Column::PrimaryOwnerId.eq(v.as_str()));
    }
    if q.unassigned == Some(true) {
        select = select.filter(partner::Column::PrimaryOwnerId.is_null());
    }
    if q.mine == Some(true) {
        select = select.filter(scope::owned_by_user(&caller.user_id));
    }
    if let Some(t) = &q.territory_id {
        let tree = assignment::read::load_tree(db).await?;
        let within = tree.within(t);
        select = select.filter(partner::Column::TerritoryId.is_in(within));
    }
    if let Some(v) = &q.status {
        select = select.filter(partner::Column::Status.eq(v.as_str()));
    }
    if let Some(v) = &q.kind {
        select = select.filter(partner::Column::Kind.eq(v.as_str()));
    }
    if let Some(v) = q.is_customer {
        select = select.filter(partner::Column::IsCustomer.eq(v));
    }
    if let Some(v) = q.is_supplier {
        select = select.filter(partner::Column::IsSupplier.eq(v));
    }
    if let Some(v) = &q.country {
        select = select.filter(partner::Column::Country.eq(v.to_uppercase()));
    }
    if let Some(v) = &q.tag {
        select = select.filter(json_array_has("partners.tags", v));
    }
    Ok(select)
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &PartnerListQuery,
    filter: Option<&FilterNode>,
    page: &ListQuery,
) -> ApiResult<Page<Partner>> {
    let read = caller.require(Resource::Partners, Action::Read)?;
    let select = filtered(db, caller, read, q, page.trashed == Some(true)).await?;
    let searched = q.q.as_deref().is_some_and(|t| !t.trim().is_empty());
    let page = fetch_page(db, select, &FIELDS, page, filter, searched).await?;
    let items = to_dtos(db, page.items).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
        total: page.total,
    })
}

/// The partner if the caller may read it (404 otherwise) and holds `action` over it (403 otherwise).
pub async fn find_visible(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
    trashed: bool,
) -> ApiResult<partner::Model> {
    let by_id = partner::Entity::find_by_id(id).filter(live(trashed));
    find_for(db, caller, Resource::Partners, action, by_id, |scope| {
        scope::visible(scope, &caller.user_id)
    })
    .await
}

/// The DTO of a partner already read (for sibling modules working inside a transaction).
pub async fn get_in(db: &impl ConnectionTrait, model: partner::Model) -> ApiResult<Partner> {
    to_dto(db, model).await
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Partner> {
    to_dto(db, find_visible(db, caller, Action::Read, id, false).await?).await
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn lowercase_all(list: Vec<String>) -> Vec<String> {
    list.into_iter().map(|e| e.trim().to_lowercase()).collect()
}

/// What partner fields are checked against: the managed lists they name and the custom field
/// definitions. A request reads them for its one partner; an import once for all its rows.
pub struct Refs {
    pub known: Known,
    pub custom_fields: Vec<CustomField>,
}

impl Refs {
    pub async fn load(db: &impl ConnectionTrait) -> ApiResult<Self> {
        Ok(Self {
            known: Known::load(db, &["legal_forms", "partner_groups", "tags"]).await?,
            custom_fields: custom_fields::definitions(db, "partners").await?,
        })
    }
}

/// Checks the written fields against the managed lists, the tax id rules and the custom fields,
/// then applies them to `active`.
async fn apply(
    db: &impl ConnectionTrait,
    active: &mut partner::ActiveModel,
    current: Option<&partner::Model>,
    f: PartnerFields,
) -> ApiResult<()> {
    apply_checked(&Refs::load(db).await?, active, current, f)
}

/// `apply` with the references already read: the same checks, no query.
pub fn apply_checked(
    refs: &Refs,
    active: &mut partner::ActiveModel,
    current: Option<&partner::Model>,
    f: PartnerFields,
) -> ApiResult<()> {
    if let Some(Some(id)) = &f.legal_form_id {
        refs.known.check_item("legal_forms", "legal_form_id", id)?;
    }
    if let Some(Some(id)) = &f.group_id {
        refs.known.check_item("partner_groups", "group_id", id)?;
    }
    if let Some(tags) = &f.tags {
        refs.known.check_codes("tags", "tags", tags)?;
    }
    if f.custom_fields.is_some() || current.is_none() {
        let empty = serde_json::Value::Null;
        let current_values = current.map(|c| c.custom_fields.as_ref().unwrap_or(&empty));
        let values = custom_fields::merge(&refs.custom_fields, current_values, f.custom_fields)?;
        active.custom_fields = Set(Some(values));
    }
    if f.tax_id.is_some() || f.tax_country.is_some() {
        let tax = f
            .tax_id
            .clone()
            .unwrap_or_else(|| current.and_then(|c| c.tax_id.clone()));
        let country = f
            .tax_country
            .clone()
            .unwrap_or_else(|| current.and_then(|c| c.tax_country.clone()));
        match (tax, country) {
            (Some(raw), Some(country)) => {
                let normalized = tax_id::normalize(&country, &raw)
                    .map_err(|e| ApiError::invalid("tax_id", e.code, &e.message))?;
                active.tax_id = Set(Some(normalized));
                active.tax_country = Set(Some(country));
            }
            (Some(_), None) => {
                return Err(ApiError::invalid(
                    "tax_country",
                    "required",
                    "Say which country issued the tax id.",
                ))
            }
            (None, country) => {
                active.tax_id = Set(None);
                active.tax_country = Set(country);
            }
        }
    }
    if let Some(v) = f.name {
        active.name_key = Set(names::name_key(&v));
        active.name = Set(v.trim().to_owned());
    }
    if let Some(v) = f.kind {
        active.kind = Set(v);
    }
    if let Some(v) = f.is_customer {
        active.is_customer = Set(v);
    }
    if let Some(v) = f.is_supplier {
        active.is_supplier = Set(v);
    }
    if let Some(v) = f.legal_form_id {
        active.legal_form_id = Set(v);
    }
    if f.registration_number.is_some() {
        active.registration_number = Set(clean(f.registration_number));
    }
    if f.street.is_some() {
        active.street = Set(clean(f.street));
    }
    if f.city.is_some() {
        active.city = Set(clean(f.city));
    }
    if f.postal_code.is_some() {
        active.postal_code = Set(clean(f.postal_code));
    }
    if f.region.is_some() {
        active.region = Set(clean(f.region));
    }
    if let Some(v) = f.country {
        active.country = Set(v);
    }
    if let Some(v) = f.phones {
        active.phones = Set(Some(serde_json::json!(v)));
    }
    if let Some(v) = f.emails {
        active.emails = Set(Some(serde_json::json!(lowercase_all(v))));
    }
    if f.website.is_some() {
        active.website = Set(clean(f.website));
    }
    if let Some(v) = f.group_id {
        active.group_id = Set(v);
    }
    if let Some(v) = f.status {
        active.status = Set(v);
    }
    if let Some(v) = f.tags {
        active.tags = Set(Some(serde_json::json!(v)));
    }
    if f.notes.is_some() {
        active.notes = Set(f.notes);
    }
    Ok(())
}

fn snapshot(p: &Partner) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}

/// What a create needs beyond an update: a name.
pub fn check_new(input: &PartnerFields) -> ApiResult<()> {
    if input
        .name
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .is_empty()
    {
        return Err(ApiError::invalid(
            "name",
            "required",
            "This field is required.",
        ));
    }
    Ok(())
}

/// A new partner before its fields are applied: the defaults of a create, `owner` its creator and
/// primary owner.
pub fn blank(id: &str, owner: &str, now: chrono::DateTime<chrono::Utc>) -> partner::ActiveModel {
    partner::ActiveModel {
        id: Set(id.to_owned()),
        kind: Set("company".into()),
        is_customer: Set(true),
        is_supplier: Set(false),
        name: Set(String::new()),
        name_key: Set(String::new()),
        legal_form_id: Set(None),
        tax_id: Set(None),
        tax_country: Set(None),
        registration_number: Set(None),
        street: Set(None),
        city: Set(None),
        postal_code: Set(None),
        region: Set(None),
        country: Set(None),
        phones: Set(Some(serde_json::json!([]))),
        emails: Set(Some(serde_json::json!([]))),
        website: Set(None),
        group_id: Set(None),
        status: Set("active".into()),
        tags: Set(Some(serde_json::json!([]))),
        notes: Set(None),
        custom_fields: Set(Some(serde_json::json!({}))),
        primary_owner_id: Set(Some(owner.to_owned())),
        territory_id: Set(None),
        owners_locked: Set(false),
        lead_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(owner.to_owned())),
        version: Set(1),
        deleted_at: Set(None),
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: PartnerFields,
) -> ApiResult<Partner> {
    caller.require(Resource::Partners, Action::Create)?;
    check_new(&input)?;
    let now = clock::now();
    let id = clock::new_id();
    let mut active = blank(&id, &caller.user_id, now);
    let txn = db.begin().await?;
    apply(&txn, &mut active, None, input).await?;
    partner::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    owner::Entity::insert(owner::ActiveModel {
        partner_id: Set(id.clone()),
        user_id: Set(caller.user_id.clone()),
        role: Set("primary".into()),
        rule_id: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    let model = partner::Entity::find_by_id(&id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let dto = to_dto(&txn, model).await?;
    history::record(
        &txn,
        caller.actor(),
        "partner",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    // The territory and owners the assignment table gives it, recorded as their own entry.
    assignment::follow::partners(&txn, caller.actor(), std::slice::from_ref(&id)).await?;
    let dto = to_dto(&txn, find_model(&txn, &id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

async fn find_model(db: &impl ConnectionTrait, id: &str) -> ApiResult<partner::Model> {
    partner::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn save(
    txn: &sea_orm::DatabaseTransaction,
    caller: &Caller,
    id: &str,
    model: partner::Model,
    action: &str,
    change: impl AsyncFnOnce(&mut partner::ActiveModel, &partner::Model) -> ApiResult<()>,
) -> ApiResult<Partner> {
    let before = snapshot(&to_dto(txn, model.clone()).await?);
    let version = model.version;
    let mut active: partner::ActiveModel = model.clone().into();
    change(&mut active, &model).await?;
    versioned::save(txn, active, id, version).await?;
    let after = find_model(txn, id).await?;
    let moved = assignment::follow::matters(&model, &after);
    let dto = to_dto(txn, after).await?;
    history::record(
        txn,
        caller.actor(),
        "partner",
        id,
        action,
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    if !moved {
        return Ok(dto);
    }
    // A new address or group can mean a new territory and new owners.
    assignment::follow::partners(txn, caller.actor(), &[id.to_owned()]).await?;
    to_dto(txn, find_model(txn, id).await?).await
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: PartnerFields,
) -> ApiResult<Partner> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Update, id, false).await?;
    if_match.check(model.version)?;
    let dto = save(
        &txn,
        caller,
        id,
        model,
        "update",
        async |active, current| apply(&txn, active, Some(current), input).await,
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
    let model = find_visible(&txn, caller, Action::Delete, id, false).await?;
    if_match.check(model.version)?;
    save(&txn, caller, id, model, "delete", async |active, _| {
        active.deleted_at = Set(Some(clock::now()));
        Ok(())
    })
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn restore(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<Partner> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Delete, id, true).await?;
    let dto = save(&txn, caller, id, model, "restore", async |active, _| {
        active.deleted_at = Set(None);
        Ok(())
    })
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub(super) async fn check_active_users(
    db: &impl ConnectionTrait,
    field: &str,
    ids: &[String],
) -> ApiResult<()> {
    let mut unique = ids.to_vec();
    unique.sort();
    unique.dedup();
    let found = user::Entity::find()
        .filter(user::Column::Id.is_in(unique.clone()))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::Status.eq("active"))
        .count(db)
        .await?;
    if found as usize != unique.len() {
        return Err(ApiError::invalid(
            field,
            "unknown_user",
            "Names a user that does not exist or is disabled.",
        ));
    }
    Ok(())
}

pub async fn set_owners(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    input: SetOwners,
) -> ApiResult<Partner> {
    let mut rows: Vec<(String, &str)> = Vec::new();
    if let Some(p) = &input.primary_id {
        rows.push((p.clone(), "primary"));
    }
    for (ids, role) in [(&input.deputy_ids, "deputy"), (&input.shared_ids, "shared")] {
        for u in ids {
            if rows.iter().any(|(r, _)| r == u) {
                return Err(ApiError::invalid(
                    "deputy_ids",
                    "duplicate_owner",
                    "A user holds one ownership role per partner.",
                ));
            }
            rows.push((u.clone(), role));
        }
    }
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Assign, id, false).await?;
    let all: Vec<String> = rows.iter().map(|(u, _)| u.clone()).collect();
    check_active_users(&txn, "primary_id", &all).await?;
    let primary = input.primary_id.clone();
    let locked = input.locked;
    let dto = save(&txn, caller, id, model, "assign", async |active, _| {
        owner::Entity::delete_many()
            .filter(owner::Column::PartnerId.eq(id))
            .exec(&txn)
            .await?;
        if !rows.is_empty() {
            owner::Entity::insert_many(rows.into_iter().map(|(user_id, role)| {
                owner::ActiveModel {
                    partner_id: Set(id.to_owned()),
                    user_id: Set(user_id),
                    role: Set(role.to_owned()),
                    rule_id: Set(None),
                }
            }))
            .exec_without_returning(&txn)
            .await?;
        }
        active.primary_owner_id = Set(primary);
        if let Some(locked) = locked {
            active.owners_locked = Set(locked);
        }
        Ok(())
    })
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn duplicates(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: DuplicateQuery,
) -> ApiResult<Duplicates> {
    let read = caller.require(Resource::Partners, Action::Read)?;
    let mut any = Condition::any();
    let mut reasons_of: Vec<(&str, Condition)> = Vec::new();
    if let (Some(raw), Some(country)) = (&q.tax_id, &q.tax_country) {
        if let Ok(tax) = tax_id::normalize(country, raw) {
            reasons_of.push((
                "tax_id",
                Condition::all().add(partner::Column::TaxId.eq(tax)),
            ));
        }
    }
    for email in lowercase_all(q.emails.clone()) {
        reasons_of.push((
            "email",
            Condition::all().add(json_array_has("partners.emails", &email)),
        ));
    }
    if let Some(name) = q
        .name
        .as_deref()
        .map(names::name_key)
        .filter(|k| !k.is_empty())
    {
        let mut c = Condition::all().add(partner::Column::NameKey.eq(name));
        if let Some(city) = q.city.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            c = c.add(
                Expr::expr(Func::lower(Expr::col(partner::Column::City))).eq(city.to_lowercase()),
            );
        }
        reasons_of.push(("name_city", c));
    }
    if reasons_of.is_empty() {
        return Ok(Duplicates {
            matches: vec![],
            hidden_matches: 0,
        });
    }
    for (_, c) in &reasons_of {
        any = any.add(c.clone());
    }
    let base = partner::Entity::find()
        .filter(partner::Column::DeletedAt.is_null())
        .filter(any);
    let total = base.clone().count(db).await?;
    let in_scope = base.filter(scope::visible(read, &caller.user_id));
    let visible_total = in_scope.clone().count(db).await?;
    let visible = in_scope.limit(20).all(db).await?;
    let mut matches = Vec::new();
    for (reason, cond) in &reasons_of {
        let ids: Vec<String> = partner::Entity::find()
            .select_only()
            .column(partner::Column::Id)
            .filter(partner::Column::Id.is_in(visible.iter().map(|p| p.id.clone())))
            .filter(cond.clone())
            .into_tuple()
            .all(db)
            .await?;
        for id in ids {
            match matches
                .iter_mut()
                .find(|(pid, _): &&mut (String, Vec<String>)| *pid == id)
            {
                Some((_, r)) => r.push((*reason).to_owned()),
                None => matches.push((id, vec![(*reason).to_owned()])),
            }
        }
    }
    let dtos = to_dtos(db, visible).await?;
    Ok(Duplicates {
        matches: dtos
            .into_iter()
            .map(|p| {
                let mut reasons = matches
                    .iter()
                    .find(|(id, _)| *id == p.id)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default();
                reasons.dedup();
                DuplicateMatch {
                    partner: p,
                    reasons,
                }
            })
            .collect(),
        hidden_matches: total.saturating_sub(visible_total),
    })
}
