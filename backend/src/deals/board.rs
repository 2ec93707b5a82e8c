//! A pipeline's kanban board: a column per stage with its count, value sums in the company
//! currency and overdue count (one grouped query), and its first cards.
use super::dto::{Board, BoardColumn, BoardQuery, DealListQuery};
use super::entity::deal;
use super::service::{filtered, to_dtos};
use super::Env;
use crate::access::Action;
use crate::auth::Caller;
use crate::currencies::service::Rates;
use crate::error::ApiResult;
use crate::pipelines::dto::DealType;
use crate::pipelines::service as pipelines;
use crate::reports::deals::bigint_sum;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;

/// Won and lost columns show what closed recently, not every deal ever closed.
const CLOSED_DAYS: i64 = 30;

type Sums = (String, String, i64, Option<i64>, Option<i64>);

/// The deals a board shows: the caller's open deals of the pipeline (narrowed by owner and
/// search), and those it closed recently.
pub async fn base(
    db: &impl ConnectionTrait,
    caller: &Caller,
    deal_type: &DealType,
    q: &BoardQuery,
    now: DateTime<Utc>,
) -> ApiResult<Select<deal::Entity>> {
    let list = DealListQuery {
        kind: Some(deal_type.kind.clone()),
        type_id: Some(deal_type.id.clone()),
        owner_id: q.owner_id.clone(),
        q: q.q.clone(),
        ..Default::default()
    };
    let shown = Condition::any().add(deal::Column::Status.eq("open")).add(
        Condition::all()
            .add(deal::Column::Status.is_in(["won", "lost"]))
            .add(deal::Column::StageEnteredAt.gte(now - Duration::days(CLOSED_DAYS))),
    );
    Ok(filtered(db, caller, Action::Read, &list, false, now)
        .await?
        .filter(shown))
}

/// Per stage and currency: count, value (realised for won deals) and overdue count.
pub fn sums(base: &Select<deal::Entity>, now: DateTime<Utc>) -> Select<deal::Entity> {
    base.clone()
        .select_only()
        .column(deal::Column::StageId)
        .column(deal::Column::Currency)
        .expr(Expr::cust("COUNT(*)"))
        .expr(bigint_sum(
            Expr::case(
                deal::Column::Status.eq("won"),
                Expr::col((deal::Entity, deal::Column::RealisedAmount)),
            )
            .finally(Expr::col((deal::Entity, deal::Column::ExpectedAmount))),
        ))
        .expr(bigint_sum(
            Expr::case(
                Condition::all()
                    .add(deal::Column::Status.eq("open"))
                    .add(deal::Column::StageDueAt.lte(now)),
                1,
            )
            .finally(0),
        ))
        .group_by(deal::Column::StageId)
        .group_by(deal::Column::Currency)
}

/// The first cards of a column: longest in the stage first.
pub fn cards(base: &Select<deal::Entity>, stage_id: &str, limit: u64) -> Select<deal::Entity> {
    base.clone()
        .filter(deal::Column::StageId.eq(stage_id))
        .order_by_asc(deal::Column::StageEnteredAt)
        .order_by_asc(deal::Column::Id)
        .limit(limit)
}

pub async fn board(
    db: &impl ConnectionTrait,
    env: Env<'_>,
    caller: &Caller,
    q: &BoardQuery,
) -> ApiResult<Board> {
    let deal_type = pipelines::load(db, &q.type_id).await?;
    let now = env.now;
    let base = base(db, caller, &deal_type, q, now).await?;
    let sums: Vec<Sums> = sums(&base, now).into_tuple().all(db).await?;
    let rates = Rates::load(db, env.company).await?;
    let today = now.date_naive();
    let mut per_stage: HashMap<String, (u64, i64, u64)> = HashMap::new();
    for (stage_id, currency, count, amount, overdue) in sums {
        let e = per_stage.entry(stage_id).or_default();
        e.0 += count as u64;
        e.1 += amount
            .and_then(|a| rates.convert(a, &currency, today))
            .unwrap_or(0);
        e.2 += overdue.unwrap_or(0) as u64;
    }
    let limit = q.cards.unwrap_or(50);
    let mut columns = Vec::with_capacity(deal_type.stages.len());
    for stage in &deal_type.stages {
        let (count, amount, overdue) = per_stage.remove(&stage.id).unwrap_or_default();
        let deals = if count == 0 {
            Vec::new()
        } else {
            let found = cards(&base, &stage.id, limit).all(db).await?;
            to_dtos(db, found, &rates, now).await?
        };
        columns.push(BoardColumn {
            stage: stage.clone(),
            count,
            amount,
            weighted_amount: (amount as f64 * stage.probability as f64 / 100.0).round() as i64,
            overdue,
            deals,
        });
    }
    Ok(Board {
        deal_type,
        company_currency: env.company.to_owned(),
        columns,
    })
}
