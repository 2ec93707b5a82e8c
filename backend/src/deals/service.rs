//! Deals: the list and its filters, create, update, delete and stage moves, each in one
//! transaction with its history entry.
use super::dto::{Deal, DealFields, DealListQuery, MoveDeal, StageMove, FIELDS};
use super::entity::{deal, stage_move};
use super::{lines, moves, scope, Env};
use crate::access::{find_for, Action};
use crate::api::filter::contains_any;
use crate::api::sql::json_array_has;
use crate::api::{versioned, FilterNode, IfMatch, ListQuery, Page};
use crate::auth::Caller;
use crate::branches::entity as branch;
use crate::clock;
use crate::currencies::service::Rates;
use crate::custom_fields::service::{self as custom_fields, fetch_page};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use crate::lists::service::check_item;
use crate::partners::entity::partner;
use crate::pipelines::{dto::DealType, service as pipelines};
use crate::users::entity::user;
use crate::users::service as users;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use std::collections::HashMap;

fn live(trashed: bool) -> Condition {
    crate::access::live(deal::Column::DeletedAt, trashed)
}

/// The deals within the reach of the caller's `reach` grants that the list's typed filters and
/// quick search leave (the list, the export and the reports share it).
pub async fn filtered(
    db: &impl ConnectionTrait,
    caller: &Caller,
    reach: Action,
    q: &DealListQuery,
    trashed: bool,
    now: DateTime<Utc>,
) -> ApiResult<sea_orm::Select<deal::Entity>> {
    Ok(narrowed(db, q, trashed, now)
        .await?
        .filter(scope::reachable(db, caller, reach, q.kind.as_deref()).await?))
}

/// The deals the list's typed filters and quick search leave, whoever asks: callers add the scope.
pub async fn narrowed(
    db: &impl ConnectionTrait,
    q: &DealListQuery,
    trashed: bool,
    now: DateTime<Utc>,
) -> ApiResult<sea_orm::Select<deal::Entity>> {
    let mut select = deal::Entity::find().filter(live(trashed));
    let eq = |select: sea_orm::Select<deal::Entity>, col: deal::Column, v: &Option<String>| match v
    {
        Some(v) => select.filter(col.eq(v.as_str())),
        None => select,
    };
    select = eq(select, deal::Column::TypeId, &q.type_id);
    select = eq(select, deal::Column::StageId, &q.stage_id);
    select = eq(select, deal::Column::Status, &q.status);
    select = eq(select, deal::Column::Priority, &q.priority);
    select = eq(select, deal::Column::SourceId, &q.source_id);
    select = eq(select, deal::Column::OwnerId, &q.owner_id);
    select = eq(select, deal::Column::PartnerId, &q.partner_id);
    select = eq(select, deal::Column::CampaignId, &q.campaign_id);
    if let Some(t) = &q.territory_id {
        let tree = crate::assignment::read::load_tree(db).await?;
        let partners = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("partners"))
            .and_where(Expr::col(Alias::new("territory_id")).is_in(tree.within(t)))
            .to_owned();
        select = select.filter(deal::Column::PartnerId.in_subquery(partners));
    }
    if let Some(overdue) = q.overdue {
        let late = Condition::all()
            .add(deal::Column::Status.eq("open"))
            .add(deal::Column::StageDueAt.lte(now));
        select = select.filter(if overdue { late } else { late.not() });
    }
    if let Some(d) = q.close_from {
        select = select.filter(deal::Column::ExpectedCloseOn.gte(d));
    }
    if let Some(d) = q.close_to {
        select = select.filter(deal::Column::ExpectedCloseOn.lte(d));
    }
    if let Some(v) = q.value_min {
        select = select.filter(deal::Column::ExpectedAmount.gte(v));
    }
    if let Some(v) = q.value_max {
        select = select.filter(deal::Column::ExpectedAmount.lte(v));
    }
    if let Some(tag) = &q.tag {
        select = select.filter(json_array_has("deals.tags", tag));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(contains_any(
            [Expr::col((Alias::new("deals"), Alias::new("title"))).into()],
            text,
        ));
    }
    Ok(select)
}

/// Deals as the API shows them: their expected amounts in the company currency, and the names
/// of their partners and owners (one query each for a whole page or column).
pub async fn to_dtos(
    db: &impl ConnectionTrait,
    models: Vec<deal::Model>,
    rates: &Rates,
    now: DateTime<Utc>,
) -> ApiResult<Vec<Deal>> {
    let today = now.date_naive();
    let ids = |f: fn(&deal::Model) -> &String| {
        let mut v: Vec<String> = models.iter().map(|m| f(m).clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let partners: HashMap<String, String> = partner::Entity::find()
        .filter(partner::Column::Id.is_in(ids(|m| &m.partner_id)))
        .select_only()
        .column(partner::Column::Id)
        .column(partner::Column::Name)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let owners: HashMap<String, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids(|m| &m.owner_id)))
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(models
        .into_iter()
        .map(|m| {
            let company = m
                .expected_amount
                .and_then(|a| rates.convert(a, &m.currency, today));
            let partner_name = partners.get(&m.partner_id).cloned();
            let owner_name = owners.get(&m.owner_id).cloned();
            let mut dto = Deal::new(m, now);
            dto.expected_amount_company = company;
            dto.partner_name = partner_name;
            dto.owner_name = owner_name;
            dto
        })
        .collect())
}

pub async fn list(
    db: &impl ConnectionTrait,
    env: Env<'_>,
    caller: &Caller,
    q: &DealListQuery,
    filter: Option<&FilterNode>,
    page: &ListQuery,
) -> ApiResult<Page<Deal>> {
    let trashed = page.trashed == Some(true);
    let select = filtered(db, caller, Action::Read, q, trashed, env.now).await?;
    let found = fetch_page(db, select, &FIELDS, page, filter, false).await?;
    let rates = Rates::load(db, env.company).await?;
    Ok(Page {
        items: to_dtos(db, found.items, &rates, env.now).await?,
        next_cursor: found.next_cursor,
        total: found.total,
    })
}

/// A deal the caller may `action` (404 when they may not see it, whatever its kind).
pub async fn find_visible(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
    trashed: bool,
) -> ApiResult<deal::Model> {
    let kind: Option<String> = deal::Entity::find_by_id(id)
        .filter(live(trashed))
        .select_only()
        .column(deal::Column::Kind)
        .into_tuple()
        .one(db)
        .await?;
    let resource = scope::resource(&kind.ok_or(ApiError::NotFound)?);
    if caller.grants.scope(resource, Action::Read).is_none() {
        return Err(ApiError::NotFound);
    }
    let by_id = deal::Entity::find_by_id(id).filter(live(trashed));
    find_for(db, caller, resource, action, by_id, |s| {
        scope::visible(s, &caller.user_id)
    })
    .await
}

/// The whole deal: lines, their total and the converted amount.
/// `rates` are read once by the caller: a write shows the deal before and after.
async fn full(
    db: &impl ConnectionTrait,
    rates: &Rates,
    now: DateTime<Utc>,
    model: deal::Model,
) -> ApiResult<Deal> {
    let id = model.id.clone();
    let mut dto = to_dtos(db, vec![model], rates, now)
        .await?
        .pop()
        .ok_or(ApiError::NotFound)?;
    dto.lines = lines::of(db, &id).await?;
    dto.lines_total = Some(dto.lines.iter().map(|l| l.net_amount).sum());
    Ok(dto)
}

pub async fn get(
    db: &impl ConnectionTrait,
    env: Env<'_>,
    caller: &Caller,
    id: &str,
) -> ApiResult<Deal> {
    let model = find_visible(db, caller, Action::Read, id, false).await?;
    let rates = Rates::load(db, env.company).await?;
    full(db, &rates, env.now, model).await
}

fn snapshot(d: &Deal) -> serde_json::Value {
    let mut v = serde_json::to_value(d).unwrap_or_default();
    // Derived values are not history.
    if let Some(o) = v.as_object_mut() {
        for k in [
            "overdue",
            "expected_amount_company",
            "partner_name",
            "owner_name",
            "updated_at",
            "version",
        ] {
            o.remove(k);
        }
    }
    v
}

/// Checks and copies the fields every deal may change.
async fn apply(
    db: &impl ConnectionTrait,
    caller: &Caller,
    active: &mut deal::ActiveModel,
    current: Option<&deal::Model>,
    partner_id: &str,
    f: DealFields,
) -> ApiResult<()> {
    if let Some(values) = custom_fields::values_to_store(
        db,
        "deals",
        current.map(|c| c.custom_fields.as_ref()),
        f.custom_fields,
    )
    .await?
    {
        active.custom_fields = Set(Some(values));
    }
    if let Some(v) = f.title {
        active.title = Set(v.trim().to_owned());
    }
    if let Some(branch_id) = &f.branch_id {
        if let Some(b) = branch_id {
            branch::Entity::find_by_id(b)
                .filter(branch::Column::PartnerId.eq(partner_id))
                .filter(branch::Column::DeletedAt.is_null())
                .one(db)
                .await?
                .ok_or_else(|| {
                    ApiError::invalid(
                        "branch_id",
                        "unknown_branch",
                        "No such branch of the partner.",
                    )
                })?;
        }
        active.branch_id = Set(branch_id.clone());
    }
    if let Some(ids) = f.person_ids {
        let mut errors = Vec::new();
        for (i, p) in ids.iter().enumerate() {
            if crate::persons::service::find_visible(db, caller, Action::Read, p, false)
                .await
                .is_err()
            {
                errors.push(FieldError::new(
                    format!("person_ids[{i}]"),
                    "unknown_person",
                    "No such person.",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        active.person_ids = Set(Some(serde_json::json!(ids)));
    }
    if let Some(v) = f.campaign_id {
        active.campaign_id = Set(v);
    }
    if let Some(v) = f.source_id {
        if let Some(s) = &v {
            check_item(db, "deal_sources", "source_id", s).await?;
        }
        active.source_id = Set(v);
    }
    if let Some(v) = f.priority {
        active.priority = Set(v);
    }
    if let Some(v) = f.expected_amount {
        active.expected_amount = Set(v);
    }
    if let Some(v) = f.currency {
        active.currency = Set(v);
    }
    if let Some(v) = f.expected_close_on {
        active.expected_close_on = Set(v);
    }
    if f.description.is_some() {
        active.description = Set(f.description);
    }
    if let Some(tags) = f.tags {
        let mut tags: Vec<String> = tags
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        tags.sort();
        tags.dedup();
        active.tags = Set(Some(serde_json::json!(tags)));
    }
    Ok(())
}

/// A live, active type, or 422 on `type_id`.
async fn usable_type(db: &impl ConnectionTrait, id: &str) -> ApiResult<DealType> {
    match pipelines::load(db, id).await {
        Ok(t) if t.active => Ok(t),
        _ => Err(ApiError::invalid(
            "type_id",
            "unknown_type",
            "No such active deal type.",
        )),
    }
}

pub async fn create(
    db: &impl TransactionTrait,
    env: Env<'_>,
    caller: &Caller,
    mut input: DealFields,
) -> ApiResult<Deal> {
    ApiError::required(&[
        ("type_id", input.type_id.is_none()),
        ("title", input.title.is_none()),
        ("partner_id", input.partner_id.is_none()),
    ])?;
    if input.status.is_some() {
        return Err(ApiError::invalid(
            "status",
            "not_on_create",
            "A new deal is open; its status follows its stage.",
        ));
    }
    let txn = db.begin().await?;
    let deal_type = usable_type(&txn, input.type_id.as_deref().unwrap_or_default()).await?;
    let resource = scope::resource(&deal_type.kind);
    caller.require(resource, Action::Create)?;
    let stage = match &input.stage_id {
        Some(s) => deal_type
            .stages
            .iter()
            .find(|st| &st.id == s && st.outcome == "open")
            .ok_or_else(|| {
                ApiError::invalid(
                    "stage_id",
                    "unknown_stage",
                    "No such open stage in the deal type.",
                )
            })?,
        None => deal_type.stages.first().ok_or_else(|| {
            ApiError::invalid("type_id", "unknown_type", "The deal type has no stages.")
        })?,
    };
    let partner_id = input.partner_id.take().unwrap_or_default();
    let partner: partner::Model =
        crate::partners::service::find_visible(&txn, caller, Action::Read, &partner_id, false)
            .await
            .map_err(|_| ApiError::invalid("partner_id", "unknown_partner", "No such partner."))?;
    let owner_id = match input.owner_id.take() {
        Some(o) => {
            if o != caller.user_id {
                caller.require(resource, Action::Assign)?;
            }
            users::check_user(&txn, "owner_id", &o).await?;
            o
        }
        None if deal_type.kind == "sale" => partner
            .primary_owner_id
            .clone()
            .unwrap_or_else(|| caller.user_id.clone()),
        None => caller.user_id.clone(),
    };
    let now = env.now;
    let id = clock::new_id();
    let currency = input
        .currency
        .clone()
        .unwrap_or_else(|| env.company.to_owned());
    let line_inputs = input.lines.take();
    let mut active = deal::ActiveModel {
        id: Set(id.clone()),
        kind: Set(deal_type.kind.clone()),
        type_id: Set(deal_type.id.clone()),
        stage_id: Set(stage.id.clone()),
        title: Set(String::new()),
        partner_id: Set(partner.id.clone()),
        branch_id: Set(None),
        person_ids: Set(Some(serde_json::json!([]))),
        owner_id: Set(owner_id),
        campaign_id: Set(None),
        source_id: Set(None),
        priority: Set("normal".into()),
        status: Set("open".into()),
        close_reason: Set(None),
        expected_amount: Set(None),
        currency: Set(currency.clone()),
        expected_close_on: Set(None),
        realised_amount: Set(None),
        realised_on: Set(None),
        stage_entered_at: Set(now),
        stage_due_at: Set(moves::due_at(stage, now)),
        description: Set(None),
        tags: Set(Some(serde_json::json!([]))),
        custom_fields: Set(Some(serde_json::json!({}))),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    apply(&txn, caller, &mut active, None, &partner.id, input).await?;
    deal::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    if let Some(inputs) = line_inputs {
        let resolved = lines::resolve(&txn, &id, &currency, &inputs).await?;
        lines::replace(&txn, &id, resolved).await?;
    }
    let model = deal::Entity::find_by_id(&id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    moves::record_entry(&txn, &model, None, Some(&caller.user_id)).await?;
    moves::sync_deadline(&txn, &model, &stage.name, Some(&caller.user_id)).await?;
    let rates = Rates::load(&txn, env.company).await?;
    let dto = full(&txn, &rates, env.now, model).await?;
    history::record(
        &txn,
        caller.actor(),
        "deal",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    env: Env<'_>,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    mut input: DealFields,
) -> ApiResult<Deal> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Update, id, false).await?;
    if_match.check(model.version)?;
    for (field, changed) in [
        (
            "type_id",
            input.type_id.as_ref().is_some_and(|t| *t != model.type_id),
        ),
        (
            "stage_id",
            input
                .stage_id
                .as_ref()
                .is_some_and(|s| *s != model.stage_id),
        ),
        (
            "partner_id",
            input
                .partner_id
                .as_ref()
                .is_some_and(|p| *p != model.partner_id),
        ),
    ] {
        if changed {
            return Err(ApiError::invalid(
                field,
                "not_changeable",
                if field == "stage_id" {
                    "Move the deal with POST /deals/{id}/move."
                } else {
                    "Fixed once the deal is created."
                },
            ));
        }
    }
    let rates = Rates::load(&txn, env.company).await?;
    let before = full(&txn, &rates, env.now, model.clone()).await?;
    let mut active: deal::ActiveModel = model.clone().into();
    let mut owner_changed = false;
    if let Some(o) = input.owner_id.take().filter(|o| *o != model.owner_id) {
        caller.require(scope::resource(&model.kind), Action::Assign)?;
        users::check_user(&txn, "owner_id", &o).await?;
        active.owner_id = Set(o);
        owner_changed = true;
    }
    match input.status.take().as_deref() {
        Some("cancelled") if model.status != "cancelled" => {
            if model.status != "open" {
                return Err(ApiError::conflict(
                    "deal_closed",
                    "Only an open deal can be cancelled.",
                ));
            }
            let Some(reason) = input.close_reason.take() else {
                return Err(ApiError::invalid(
                    "close_reason",
                    "required",
                    "A cancelled deal needs the reason.",
                ));
            };
            active.status = Set("cancelled".into());
            active.close_reason = Set(Some(reason));
        }
        Some("open") if model.status == "cancelled" => {
            // Reopened, the deal starts its stage afresh: a new due time, not an alarm at once.
            let deal_type = pipelines::load(&txn, &model.type_id).await?;
            let stage = deal_type.stages.iter().find(|s| s.id == model.stage_id);
            active.status = Set("open".into());
            active.close_reason = Set(None);
            active.stage_entered_at = Set(env.now);
            active.stage_due_at = Set(stage.and_then(|s| moves::due_at(s, env.now)));
        }
        _ => {}
    }
    if let Some(reason) = input.close_reason.take() {
        active.close_reason = Set(Some(reason));
    }
    let currency = input.currency.clone().unwrap_or(model.currency.clone());
    let line_inputs = input.lines.take();
    apply(
        &txn,
        caller,
        &mut active,
        Some(&model),
        &model.partner_id,
        input,
    )
    .await?;
    versioned::save(&txn, active, id, model.version).await?;
    if let Some(inputs) = line_inputs {
        let resolved = lines::resolve(&txn, id, &currency, &inputs).await?;
        lines::replace(&txn, id, resolved).await?;
    }
    let after = deal::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    if owner_changed || after.status != model.status || after.title != model.title {
        let deal_type = pipelines::load(&txn, &after.type_id).await?;
        let stage_name = deal_type
            .stages
            .iter()
            .find(|s| s.id == after.stage_id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        moves::sync_deadline(&txn, &after, &stage_name, Some(&caller.user_id)).await?;
    }
    let dto = full(&txn, &rates, env.now, after).await?;
    history::record(
        &txn,
        caller.actor(),
        "deal",
        id,
        "update",
        history::diff(&snapshot(&before), &snapshot(&dto)),
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
    let active = deal::ActiveModel {
        deleted_at: Set(Some(clock::now())),
        ..Default::default()
    };
    versioned::save(&txn, active, id, model.version).await?;
    crate::alarms::service::clear(&txn, moves::DEADLINE, id).await?;
    history::record(
        &txn,
        caller.actor(),
        "deal",
        id,
        "delete",
        history::deleted(clock::now()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a deal the caller may update into another stage of its type.
pub async fn move_stage(
    db: &impl TransactionTrait,
    env: Env<'_>,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: MoveDeal,
) -> ApiResult<Deal> {
    let txn = db.begin().await?;
    let model = find_visible(&txn, caller, Action::Update, id, false).await?;
    if_match.check(model.version)?;
    let deal_type = pipelines::load(&txn, &model.type_id).await?;
    let rates = Rates::load(&txn, env.company).await?;
    let before = full(&txn, &rates, env.now, model.clone()).await?;
    let moved = moves::apply(&txn, &caller.user_id, env.now, &deal_type, model, &input).await?;
    let dto = full(&txn, &rates, env.now, moved).await?;
    if dto.version != before.version {
        history::record(
            &txn,
            caller.actor(),
            "deal",
            id,
            "move",
            history::diff(&snapshot(&before), &snapshot(&dto)),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(dto)
}

pub async fn stage_history(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Vec<StageMove>> {
    find_visible(db, caller, Action::Read, id, false).await?;
    Ok(stage_move::Entity::find()
        .filter(stage_move::Column::DealId.eq(id))
        .order_by_asc(stage_move::Column::MovedAt)
        .order_by_asc(stage_move::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(StageMove::from)
        .collect())
}
