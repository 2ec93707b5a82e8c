//! Persons. A person under a partner is visible exactly when the partner is (for the caller's
//! `persons` scope); a person with no partner belongs to whoever created it.
use super::dto::{Person, PersonFields, PersonListQuery, FIELDS};
use super::entity;
use crate::access::{find_for, scope_condition, Action, Resource, Scope, ScopeColumn};
use crate::api::{versioned, FilterNode, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::branches::entity as branch;
use crate::clock;
use crate::custom_fields::service::{self as custom_fields, fetch_page};
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::partners::{entity::partner, scope::partner_visible, scope::visible as partner_scope};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

const CREATOR: ScopeColumn = ScopeColumn {
    table: "persons",
    column: "created_by",
};

pub fn visible(scope: Scope, caller: &Caller) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    Condition::any()
        .add(partner_visible(
            scope,
            &caller.user_id,
            "persons",
            "partner_id",
        ))
        .add(
            Condition::all()
                .add(entity::Column::PartnerId.is_null())
                .add(scope_condition(scope, &caller.user_id, CREATOR)),
        )
}

fn live(trashed: bool) -> Condition {
    crate::access::live(entity::Column::DeletedAt, trashed)
}

/// The records within `scope` that the list's typed filters and quick search leave (the list and
/// the export share it).
pub fn filtered(
    db: &impl ConnectionTrait,
    caller: &Caller,
    read: crate::access::Scope,
    q: &PersonListQuery,
    trashed: bool,
) -> sea_orm::Select<entity::Entity> {
    let mut select = entity::Entity::find()
        .filter(visible(read, caller))
        .filter(live(trashed));
    if let Some(p) = &q.partner_id {
        select = select.filter(entity::Column::PartnerId.eq(p.as_str()));
    }
    if let Some(c) = q.marketing_consent {
        select = select.filter(entity::Column::MarketingConsent.eq(c));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(crate::api::fts::matches_or_none(
            db.get_database_backend(),
            "persons",
            text,
        ));
    }
    select
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &PersonListQuery,
    filter: Option<&FilterNode>,
    page: &ListQuery,
) -> ApiResult<Page<Person>> {
    let read = caller.require(Resource::Persons, Action::Read)?;
    let select = filtered(db, caller, read, q, page.trashed == Some(true));
    let searched = q.q.as_deref().is_some_and(|t| !t.trim().is_empty());
    Ok(fetch_page(db, select, &FIELDS, page, filter, searched)
        .await?
        .map(Person::from))
}

/// 404 when the caller cannot read the person; 403 when they can but `action` does not reach it.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
    trashed: bool,
) -> ApiResult<entity::Model> {
    let by_id = entity::Entity::find_by_id(id).filter(live(trashed));
    find_for(db, caller, Resource::Persons, action, by_id, |scope| {
        visible(scope, caller)
    })
    .await
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Person> {
    Ok(find_visible(db, caller, Action::Read, id, false)
        .await?
        .into())
}

/// The partner and branch a person is linked to must exist and be visible to the caller.
async fn check_links(
    db: &impl ConnectionTrait,
    caller: &Caller,
    partner_id: Option<&str>,
    branch_id: Option<&str>,
) -> ApiResult<()> {
    if let Some(p) = partner_id {
        let scope = caller
            .require(Resource::Partners, Action::Read)
            .unwrap_or(Scope::Own);
        let found = partner::Entity::find_by_id(p)
            .filter(partner_scope(scope, &caller.user_id))
            .filter(partner::Column::DeletedAt.is_null())
            .one(db)
            .await?;
        if found.is_none() {
            return Err(ApiError::invalid(
                "partner_id",
                "unknown_partner",
                "No such partner.",
            ));
        }
    }
    if let Some(b) = branch_id {
        let found = branch::Entity::find_by_id(b)
            .filter(branch::Column::DeletedAt.is_null())
            .one(db)
            .await?
            .filter(|br| Some(br.partner_id.as_str()) == partner_id);
        if found.is_none() {
            return Err(ApiError::invalid(
                "branch_id",
                "unknown_branch",
                "Not a branch of the person's partner.",
            ));
        }
    }
    Ok(())
}

async fn apply(
    db: &impl ConnectionTrait,
    caller: &Caller,
    active: &mut entity::ActiveModel,
    current: Option<&entity::Model>,
    f: PersonFields,
) -> ApiResult<()> {
    let partner_id = match &f.partner_id {
        Some(p) => p.clone(),
        None => current.and_then(|c| c.partner_id.clone()),
    };
    let branch_id = match &f.branch_id {
        Some(b) => b.clone(),
        // Moving a person to another partner leaves the old partner's branch behind.
        None if f.partner_id.is_some() => None,
        None => current.and_then(|c| c.branch_id.clone()),
    };
    check_links(db, caller, partner_id.as_deref(), branch_id.as_deref()).await?;
    active.partner_id = Set(partner_id);
    active.branch_id = Set(branch_id);
    if let Some(consent) = f.marketing_consent {
        let Some(source) = f.consent_source.clone() else {
            return Err(ApiError::invalid(
                "consent_source",
                "required",
                "Say how consent was given or withdrawn.",
            ));
        };
        if current.is_none_or(|c| c.marketing_consent != consent) {
            active.consent_at = Set(Some(clock::now()));
        }
        active.marketing_consent = Set(consent);
        active.consent_source = Set(Some(source.trim().to_owned()));
    }
    if let Some(v) = f.first_name {
        active.first_name = Set(v.trim().to_owned());
    }
    if let Some(v) = f.last_name {
        active.last_name = Set(v.trim().to_owned());
    }
    if f.position.is_some() {
        active.position = Set(f
            .position
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()));
    }
    if let Some(v) = f.emails {
        let lower: Vec<String> = v.into_iter().map(|e| e.trim().to_lowercase()).collect();
        active.emails = Set(Some(serde_json::json!(lower)));
    }
    if let Some(v) = f.phones {
        active.phones = Set(Some(serde_json::json!(v)));
    }
    let current_values = current.map(|c| c.custom_fields.as_ref());
    if let Some(values) =
        custom_fields::values_to_store(db, "persons", current_values, f.custom_fields).await?
    {
        active.custom_fields = Set(Some(values));
    }
    Ok(())
}

fn snapshot(p: &Person) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}

/// The body's field errors for a create: its validation limits plus the names it must carry.
pub fn check_new(input: &PersonFields) -> ApiResult<()> {
    let mut errors = match validator::Validate::validate(input).map_err(ApiError::from) {
        Err(ApiError::Validation(errors)) => errors,
        _ => vec![],
    };
    for (field, value) in [
        ("first_name", &input.first_name),
        ("last_name", &input.last_name),
    ] {
        if value
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .is_empty()
            && !errors.iter().any(|e| e.field == field)
        {
            errors.push(crate::error::FieldError::new(
                field,
                "required",
                "This field is required.",
            ));
        }
    }
    errors.sort_by(|a, b| a.field.cmp(&b.field));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: PersonFields,
) -> ApiResult<Person> {
    caller.require(Resource::Persons, Action::Create)?;
    check_new(&input)?;
    let now = clock::now();
    let id = clock::new_id();
    let mut active = entity::ActiveModel {
        id: Set(id.clone()),
        first_name: Set(String::new()),
        last_name: Set(String::new()),
        partner_id: Set(None),
        branch_id: Set(None),
        position: Set(None),
        emails: Set(Some(serde_json::json!([]))),
        phones: Set(Some(serde_json::json!([]))),
        marketing_consent: Set(false),
        consent_at: Set(None),
        consent_source: Set(None),
        custom_fields: Set(Some(serde_json::json!({}))),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    let txn = db.begin().await?;
    apply(&txn, caller, &mut active, None, input).await?;
    entity::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    let dto = Person::from(
        entity::Entity::find_by_id(&id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        &txn,
        caller.actor(),
        "person",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

async fn save(
    txn: &sea_orm::DatabaseTransaction,
    caller: &Caller,
    model: entity::Model,
    action: &str,
    change: impl AsyncFnOnce(&mut entity::ActiveModel, &entity::Model) -> ApiResult<()>,
) -> ApiResult<Person> {
    let before = snapshot(&model.clone().into());
    let (id, version) = (model.id.clone(), model.version);
    let mut active: entity::ActiveModel = model.clone().into();
    change(&mut active, &model).await?;
    versioned::save(txn, active, &id, version).await?;
    let dto = Person::from(
        entity::Entity::find_by_id(&id)
            .one(txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        txn,
        caller.actor(),
        "person",
        &id,
        action,
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: PersonFields,
) -> ApiResult<Person> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Update, id, false).await?;
    if_match.check(model.version)?;
    let dto = save(&txn, caller, model, "update", async |active, current| {
        apply(&txn, caller, active, Some(current), input).await
    })
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
    save(&txn, caller, model, "delete", async |active, _| {
        active.deleted_at = Set(Some(clock::now()));
        Ok(())
    })
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn restore(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<Person> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Delete, id, true).await?;
    let dto = save(&txn, caller, model, "restore", async |active, _| {
        active.deleted_at = Set(None);
        Ok(())
    })
    .await?;
    txn.commit().await?;
    Ok(dto)
}
