//! Leads and their conversion into a partner and a person, in one transaction.
use super::dto::{Conversion, ConvertLead, Lead, LeadFields, LeadListQuery, FIELDS};
use super::entity;
use crate::access::{find_for, scope_condition, Action, Resource, Scope, ScopeColumn};
use crate::activities::entity as activity;
use crate::api::{versioned, FilterNode, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::clock;
use crate::custom_fields::service::{self as custom_fields, fetch_page};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history::{self, Change};
use crate::lists::service::check_item;
use crate::partners::{dto::PartnerFields, entity::partner, service as partners};
use crate::persons::{dto::PersonFields, entity as person, service as persons};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

/// A lead is its owner's (and whoever created it).
pub fn visible(scope: Scope, user_id: &str) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    Condition::any()
        .add(scope_condition(
            scope,
            user_id,
            ScopeColumn {
                table: "leads",
                column: "owner_id",
            },
        ))
        .add(scope_condition(
            scope,
            user_id,
            ScopeColumn {
                table: "leads",
                column: "created_by",
            },
        ))
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
    q: &LeadListQuery,
    trashed: bool,
) -> sea_orm::Select<entity::Entity> {
    let mut select = entity::Entity::find()
        .filter(visible(read, &caller.user_id))
        .filter(live(trashed));
    if let Some(v) = &q.status {
        select = select.filter(entity::Column::Status.eq(v.as_str()));
    }
    if let Some(v) = &q.source_id {
        select = select.filter(entity::Column::SourceId.eq(v.as_str()));
    }
    if let Some(v) = &q.owner_id {
        select = select.filter(entity::Column::OwnerId.eq(v.as_str()));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(crate::api::fts::matches_or_none(
            db.get_database_backend(),
            "leads",
            text,
        ));
    }
    select
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &LeadListQuery,
    filter: Option<&FilterNode>,
    page: &ListQuery,
) -> ApiResult<Page<Lead>> {
    let read = caller.require(Resource::Leads, Action::Read)?;
    let select = filtered(db, caller, read, q, page.trashed == Some(true));
    let searched = q.q.as_deref().is_some_and(|t| !t.trim().is_empty());
    Ok(fetch_page(db, select, &FIELDS, page, filter, searched)
        .await?
        .map(Lead::from))
}

pub async fn find_visible(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
    trashed: bool,
) -> ApiResult<entity::Model> {
    let by_id = entity::Entity::find_by_id(id).filter(live(trashed));
    find_for(db, caller, Resource::Leads, action, by_id, |scope| {
        visible(scope, &caller.user_id)
    })
    .await
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Lead> {
    Ok(find_visible(db, caller, Action::Read, id, false)
        .await?
        .into())
}

async fn apply(
    db: &impl ConnectionTrait,
    active: &mut entity::ActiveModel,
    current: Option<&entity::Model>,
    f: LeadFields,
) -> ApiResult<()> {
    let current_values = current.map(|c| c.custom_fields.as_ref());
    if let Some(values) =
        custom_fields::values_to_store(db, "leads", current_values, f.custom_fields).await?
    {
        active.custom_fields = Set(Some(values));
    }
    if let Some(s) = &f.source_id {
        check_item(db, "lead_sources", "source_id", s).await?;
        active.source_id = Set(Some(s.clone()));
    }
    let text = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(v) = f.first_name {
        active.first_name = Set(v.trim().to_owned());
    }
    if let Some(v) = f.last_name {
        active.last_name = Set(v.trim().to_owned());
    }
    if f.company_name.is_some() {
        active.company_name = Set(text(f.company_name));
    }
    if f.email.is_some() {
        active.email = Set(text(f.email).map(|e| e.to_lowercase()));
    }
    if f.phone.is_some() {
        active.phone = Set(text(f.phone));
    }
    if f.city.is_some() {
        active.city = Set(text(f.city));
    }
    if f.country.is_some() {
        active.country = Set(f.country);
    }
    if let Some(v) = f.status {
        active.status = Set(v);
    }
    if f.notes.is_some() {
        active.notes = Set(f.notes);
    }
    Ok(())
}

fn snapshot(l: &Lead) -> serde_json::Value {
    serde_json::to_value(l).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: LeadFields,
) -> ApiResult<Lead> {
    caller.require(Resource::Leads, Action::Create)?;
    let mut missing = Vec::new();
    for (field, value) in [
        ("first_name", &input.first_name),
        ("last_name", &input.last_name),
    ] {
        if value
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .is_empty()
        {
            missing.push(FieldError::new(
                field,
                "required",
                "This field is required.",
            ));
        }
    }
    if !missing.is_empty() {
        return Err(ApiError::Validation(missing));
    }
    let now = clock::now();
    let id = clock::new_id();
    let mut active = entity::ActiveModel {
        id: Set(id.clone()),
        first_name: Set(String::new()),
        last_name: Set(String::new()),
        company_name: Set(None),
        email: Set(None),
        phone: Set(None),
        city: Set(None),
        country: Set(None),
        source_id: Set(None),
        status: Set("new".into()),
        notes: Set(None),
        owner_id: Set(Some(caller.user_id.clone())),
        converted_at: Set(None),
        partner_id: Set(None),
        person_id: Set(None),
        custom_fields: Set(Some(serde_json::json!({}))),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    let txn = db.begin().await?;
    apply(&txn, &mut active, None, input).await?;
    entity::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    let dto = Lead::from(
        entity::Entity::find_by_id(&id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        &txn,
        caller.actor(),
        "lead",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

fn not_converted(model: &entity::Model) -> ApiResult<()> {
    if model.status == "converted" {
        return Err(ApiError::conflict(
            "lead_converted",
            "The lead was converted; work on its partner and person.",
        ));
    }
    Ok(())
}

async fn save(
    txn: &sea_orm::DatabaseTransaction,
    caller: &Caller,
    model: entity::Model,
    action: &str,
    active: entity::ActiveModel,
) -> ApiResult<Lead> {
    let before = snapshot(&model.clone().into());
    versioned::save(txn, active, &model.id, model.version).await?;
    let dto = Lead::from(
        entity::Entity::find_by_id(&model.id)
            .one(txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        txn,
        caller.actor(),
        "lead",
        &model.id,
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
    input: LeadFields,
) -> ApiResult<Lead> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Update, id, false).await?;
    if_match.check(model.version)?;
    not_converted(&model)?;
    let mut active: entity::ActiveModel = model.clone().into();
    apply(&txn, &mut active, Some(&model), input).await?;
    let dto = save(&txn, caller, model, "update", active).await?;
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
    let mut active: entity::ActiveModel = model.clone().into();
    active.deleted_at = Set(Some(clock::now()));
    save(&txn, caller, model, "delete", active).await?;
    txn.commit().await?;
    Ok(())
}

/// Creates (or links) the partner and the person, moves the lead's activities to them, and marks
/// the lead converted, all in one transaction: a failure anywhere leaves the lead as it was.
pub async fn convert(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    input: ConvertLead,
) -> ApiResult<Conversion> {
    let txn = db.begin().await?;
    let lead = find_visible(&txn, caller, Action::Update, id, false).await?;
    not_converted(&lead)?;
    let partner_id = match &input.partner_id {
        Some(pid) => {
            partners::find_visible(&txn, caller, Action::Read, pid, false)
                .await
                .map_err(|_| {
                    ApiError::invalid("partner_id", "unknown_partner", "No such partner.")
                })?
                .id
        }
        None => {
            let company = lead.company_name.clone();
            let fields = PartnerFields {
                kind: Some(
                    if company.is_some() {
                        "company"
                    } else {
                        "individual"
                    }
                    .into(),
                ),
                name: Some(
                    company.unwrap_or_else(|| format!("{} {}", lead.first_name, lead.last_name)),
                ),
                city: lead.city.clone(),
                country: lead.country.clone().map(Some),
                emails: lead.email.clone().map(|e| vec![e]),
                phones: lead.phone.clone().map(|p| vec![p]),
                status: Some("prospect".into()),
                ..Default::default()
            };
            let created = partners::create(&txn, caller, fields).await?;
            partner::Entity::update_many()
                .col_expr(partner::Column::LeadId, Expr::value(id))
                .filter(partner::Column::Id.eq(created.id.as_str()))
                .exec(&txn)
                .await?;
            created.id
        }
    };
    let person_id = match &input.person_id {
        Some(pid) => {
            persons::get(&txn, caller, pid)
                .await
                .map_err(|_| ApiError::invalid("person_id", "unknown_person", "No such person."))?;
            pid.clone()
        }
        None => {
            let fields = PersonFields {
                first_name: Some(lead.first_name.clone()),
                last_name: Some(lead.last_name.clone()),
                partner_id: Some(Some(partner_id.clone())),
                emails: lead.email.clone().map(|e| vec![e]),
                phones: lead.phone.clone().map(|p| vec![p]),
                ..Default::default()
            };
            persons::create(&txn, caller, fields).await?.id
        }
    };
    // The person works at the partner from now on, if they did not already belong somewhere.
    person::Entity::update_many()
        .col_expr(person::Column::PartnerId, Expr::value(partner_id.as_str()))
        .filter(person::Column::Id.eq(person_id.as_str()))
        .filter(person::Column::PartnerId.is_null())
        .exec(&txn)
        .await?;
    let moved = activity::Entity::update_many()
        .col_expr(
            activity::Column::PartnerId,
            Expr::value(partner_id.as_str()),
        )
        .col_expr(activity::Column::PersonId, Expr::value(person_id.as_str()))
        .filter(activity::Column::LeadId.eq(id))
        .exec(&txn)
        .await?
        .rows_affected;
    crate::attachments::service::move_all(&txn, ("lead", id), ("partner", &partner_id)).await?;
    let mut active: entity::ActiveModel = lead.clone().into();
    active.status = Set("converted".into());
    active.converted_at = Set(Some(clock::now()));
    active.partner_id = Set(Some(partner_id.clone()));
    active.person_id = Set(Some(person_id.clone()));
    let dto = save(&txn, caller, lead, "convert", active).await?;
    let link = vec![Change {
        field: "lead_id".into(),
        old: serde_json::Value::Null,
        new: id.into(),
    }];
    history::record(
        &txn,
        caller.actor(),
        "partner",
        &partner_id,
        "converted_from_lead",
        link,
    )
    .await?;
    txn.commit().await?;
    Ok(Conversion {
        lead: dto,
        partner_id,
        person_id,
        moved_activities: moved,
    })
}
