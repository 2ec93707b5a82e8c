//! A pipeline's kanban board: a column per stage with its count, value sums in the company
//! currency and overdue count, and its first cards. The deals in scope are read as disjoint
//! branches (owned, created, of the caller's partners), each through its own covering index, so a
//! column's sums never touch the table and its cards stop at the first few in index order.
use super::dto::{Board, BoardColumn, BoardQuery, DealListQuery};
use super::entity::deal;
use super::service::{narrowed, to_dtos};
use super::{scope, Env};
use crate::access::Action;
use crate::api::sql::bigint_sum;
use crate::auth::Caller;
use crate::currencies::service::Rates;
use crate::error::ApiResult;
use crate::pipelines::dto::{DealType, Stage};
use crate::pipelines::service as pipelines;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, Select};

/// Won and lost columns show what closed recently, not every deal ever closed.
const CLOSED_DAYS: i64 = 30;

type Sums = (String, i64, Option<i64>, Option<i64>);

/// The deals in scope of the pipeline (narrowed by owner and search), one select per disjoint
/// branch of the caller's scope.
pub async fn base(
    db: &impl ConnectionTrait,
    caller: &Caller,
    deal_type: &DealType,
    q: &BoardQuery,
    now: DateTime<Utc>,
) -> ApiResult<Vec<Select<deal::Entity>>> {
    let list = DealListQuery {
        type_id: Some(deal_type.id.clone()),
        owner_id: q.owner_id.clone(),
        q: q.q.clone(),
        ..Default::default()
    };
    let narrowed = narrowed(db, &list, false, now).await?;
    let branches = scope::branches(db, caller, Action::Read, &deal_type.kind).await?;
    Ok(branches
        .into_iter()
        .map(|branch| narrowed.clone().filter(branch))
        .collect())
}

/// The deals of one column in each branch: open ones in an open stage; those closed in the last
/// days in a won or lost stage. One status and one stage per column, so the owner, creator and
/// partner indexes (owner/creator/partner, type, status, stage, entered) find exactly its rows.
pub fn column(
    base: &[Select<deal::Entity>],
    stage: &Stage,
    now: DateTime<Utc>,
) -> Vec<Select<deal::Entity>> {
    base.iter()
        .map(|branch| {
            let column = branch
                .clone()
                .filter(deal::Column::Status.eq(stage.outcome.as_str()))
                .filter(deal::Column::StageId.eq(stage.id.as_str()));
            if stage.outcome == "open" {
                column
            } else {
                column.filter(deal::Column::StageEnteredAt.gte(now - Duration::days(CLOSED_DAYS)))
            }
        })
        .collect()
}

/// A column's count, value (realised for won deals) and overdue count, per currency.
pub fn sums(column: &Select<deal::Entity>, now: DateTime<Utc>) -> Select<deal::Entity> {
    column
        .clone()
        .select_only()
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
            Expr::case(deal::Column::StageDueAt.lte(now), 1).finally(0),
        ))
        .group_by(deal::Column::Currency)
}

/// A column's first cards: longest in the stage first.
pub fn cards(column: &Select<deal::Entity>, limit: u64) -> Select<deal::Entity> {
    column
        .clone()
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
    let rates = Rates::load(db, env.company).await?;
    let today = now.date_naive();
    let limit = q.cards.unwrap_or(50);
    let mut columns = Vec::with_capacity(deal_type.stages.len());
    let mut shown = Vec::new();
    for stage in &deal_type.stages {
        let (mut count, mut amount, mut overdue) = (0u64, 0i64, 0u64);
        let mut first = Vec::new();
        for branch in column(&base, stage, now) {
            let sums: Vec<Sums> = sums(&branch, now).into_tuple().all(db).await?;
            let mut in_branch = 0;
            for (currency, n, value, late) in sums {
                in_branch += n as u64;
                amount += value
                    .and_then(|a| rates.convert(a, &currency, today))
                    .unwrap_or(0);
                overdue += late.unwrap_or(0) as u64;
            }
            if in_branch > 0 {
                first.extend(cards(&branch, limit).all(db).await?);
            }
            count += in_branch;
        }
        // Each branch's first cards, merged in the order `cards` reads them.
        first.sort_by(|a, b| (a.stage_entered_at, &a.id).cmp(&(b.stage_entered_at, &b.id)));
        first.truncate(limit as usize);
        shown.extend(first);
        columns.push(BoardColumn {
            stage: stage.clone(),
            count,
            amount,
            weighted_amount: (amount as f64 * stage.probability as f64 / 100.0).round() as i64,
            overdue,
            deals: Vec::new(),
        });
    }
    // The cards of every column as the API shows deals, their names read once for the board.
    for deal in to_dtos(db, shown, &rates, now).await? {
        if let Some(c) = columns.iter_mut().find(|c| c.stage.id == deal.stage_id) {
            c.deals.push(deal);
        }
    }
    Ok(Board {
        deal_type,
        company_currency: env.company.to_owned(),
        columns,
    })
}
