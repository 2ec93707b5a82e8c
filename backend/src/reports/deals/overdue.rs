//! The overdue list: open deals past their stage's due time, most overdue first, with their
//! partner, owner and stage by name.
use super::{scoped, DealReportQuery};
use crate::auth::Caller;
use crate::deals::entity::deal;
use crate::error::ApiResult;
use crate::partners::entity::partner;
use crate::pipelines::entity::stage;
use crate::users::entity::user;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The list stops here; the deal list with `overdue=true` pages through the rest.
const MAX_ROWS: u64 = 1000;

#[derive(Debug, Serialize, ToSchema)]
pub struct OverdueRow {
    pub deal_id: String,
    pub title: String,
    pub partner_id: String,
    pub partner_name: String,
    pub owner_id: String,
    pub owner_name: String,
    pub stage_id: String,
    pub stage_name: String,
    pub due_at: DateTime<Utc>,
    pub days_overdue: i64,
    pub expected_amount: Option<i64>,
    pub currency: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverdueReport {
    pub rows: Vec<OverdueRow>,
}

async fn names<E: EntityTrait>(
    db: &impl ConnectionTrait,
    id: impl ColumnTrait,
    ids: Vec<String>,
    name: impl Fn(E::Model) -> (String, String),
) -> ApiResult<HashMap<String, String>> {
    Ok(E::find()
        .filter(id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(name)
        .collect())
}

pub async fn report(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &DealReportQuery,
    now: DateTime<Utc>,
) -> ApiResult<OverdueReport> {
    let late = scoped(db, caller, q, now)
        .await?
        .filter(deal::Column::Status.eq("open"))
        .filter(deal::Column::StageDueAt.lte(now))
        .order_by_asc(deal::Column::StageDueAt)
        .order_by_asc(deal::Column::Id)
        .limit(MAX_ROWS)
        .all(db)
        .await?;
    let ids = |f: fn(&deal::Model) -> &String| late.iter().map(|d| f(d).clone()).collect();
    let partners = names::<partner::Entity>(db, partner::Column::Id, ids(|d| &d.partner_id), |p| {
        (p.id, p.name)
    })
    .await?;
    let owners = names::<user::Entity>(db, user::Column::Id, ids(|d| &d.owner_id), |u| {
        (u.id, u.name)
    })
    .await?;
    let stages = names::<stage::Entity>(db, stage::Column::Id, ids(|d| &d.stage_id), |s| {
        (s.id, s.name)
    })
    .await?;
    let name = |m: &HashMap<String, String>, id: &str| m.get(id).cloned().unwrap_or_default();
    let rows = late
        .into_iter()
        .filter_map(|d| {
            let due_at = d.stage_due_at?;
            Some(OverdueRow {
                partner_name: name(&partners, &d.partner_id),
                owner_name: name(&owners, &d.owner_id),
                stage_name: name(&stages, &d.stage_id),
                days_overdue: (now - due_at).num_days(),
                deal_id: d.id,
                title: d.title,
                partner_id: d.partner_id,
                owner_id: d.owner_id,
                stage_id: d.stage_id,
                due_at,
                expected_amount: d.expected_amount,
                currency: d.currency,
            })
        })
        .collect();
    Ok(OverdueReport { rows })
}

pub fn table(r: &OverdueReport) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = [
        "deal_id",
        "title",
        "partner",
        "owner",
        "stage",
        "due_at",
        "days_overdue",
        "expected_amount",
        "currency",
    ]
    .map(String::from)
    .to_vec();
    let rows = r
        .rows
        .iter()
        .map(|row| {
            vec![
                row.deal_id.clone(),
                row.title.clone(),
                row.partner_name.clone(),
                row.owner_name.clone(),
                row.stage_name.clone(),
                row.due_at.to_rfc3339(),
                row.days_overdue.to_string(),
                row.expected_amount.map(super::money).unwrap_or_default(),
                row.currency.clone(),
            ]
        })
        .collect();
    (headers, rows)
}
