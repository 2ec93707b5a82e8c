//! How deals go through the stages of one type: for each stage, how many deals entered it, how
//! many of those moved on to a later stage, how many were won in the end, and how long deals
//! stayed in it on average. Read from the stage history of the deals the caller may see.
use super::{scoped, DealReportQuery};
use crate::api::sql::bigint;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::pipelines::service as pipelines;
use sea_orm::sea_query::{Alias, Expr, Func, JoinType, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QuerySelect, QueryTrait};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct StageRow {
    pub stage_id: String,
    pub name: String,
    pub outcome: String,
    /// Deals that entered the stage (created in it or moved into it).
    pub entered: i64,
    /// Of those, deals that later moved to a stage further on.
    pub advanced: i64,
    /// advanced / entered, 0 to 1; null when none entered.
    pub conversion_rate: Option<f64>,
    /// Of those, deals won in the end.
    pub won: i64,
    /// How many times deals left the stage, and their average stay in seconds.
    pub exits: i64,
    pub average_seconds: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageReport {
    pub type_id: String,
    pub rows: Vec<StageRow>,
}

fn col(table: &str, column: &str) -> Expr {
    Expr::col((Alias::new(table), Alias::new(column)))
}

/// `(stage id, count[, sum])` rows of a statement, by stage.
async fn counts(
    db: &impl ConnectionTrait,
    stmt: &SelectStatement,
    with_sum: bool,
) -> ApiResult<HashMap<String, (i64, i64)>> {
    let rows = db.query_all(db.get_database_backend().build(stmt)).await?;
    let mut out = HashMap::new();
    for r in rows {
        let stage: String = r.try_get_by_index(0)?;
        let n: i64 = r.try_get_by_index(1)?;
        let sum: Option<i64> = if with_sum {
            r.try_get_by_index(2)?
        } else {
            None
        };
        out.insert(stage, (n, sum.unwrap_or(0)));
    }
    Ok(out)
}

pub async fn report(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &DealReportQuery,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<StageReport> {
    let Some(type_id) = q.type_id.clone() else {
        return Err(ApiError::invalid(
            "type_id",
            "required",
            "The stage report is about one deal type.",
        ));
    };
    let deal_type = pipelines::load(db, &type_id).await?;
    let mut deals = scoped(db, caller, q, now).await?;
    if let Some(from) = q.from {
        deals = deals.filter(crate::deals::entity::deal::Column::CreatedAt.gte(from));
    }
    if let Some(to) = q.to {
        let end = to.succ_opt().unwrap_or(to);
        deals = deals.filter(crate::deals::entity::deal::Column::CreatedAt.lt(end));
    }
    let ids = deals
        .select_only()
        .column(crate::deals::entity::deal::Column::Id)
        .into_query();
    let history = Alias::new("deal_stage_history");
    let of_deals = col("deal_stage_history", "deal_id").in_subquery(ids);

    let entered = Query::select()
        .expr(col("deal_stage_history", "to_stage_id"))
        .expr(bigint(Func::count_distinct(col(
            "deal_stage_history",
            "deal_id",
        ))))
        .from(history.clone())
        .and_where(of_deals.clone())
        .group_by_col((history.clone(), Alias::new("to_stage_id")))
        .to_owned();
    let advanced = Query::select()
        .expr(col("deal_stage_history", "from_stage_id"))
        .expr(bigint(Func::count_distinct(col(
            "deal_stage_history",
            "deal_id",
        ))))
        .from(history.clone())
        .join_as(
            JoinType::InnerJoin,
            Alias::new("deal_stages"),
            Alias::new("f"),
            col("f", "id").equals((history.clone(), Alias::new("from_stage_id"))),
        )
        .join_as(
            JoinType::InnerJoin,
            Alias::new("deal_stages"),
            Alias::new("t"),
            col("t", "id").equals((history.clone(), Alias::new("to_stage_id"))),
        )
        .and_where(of_deals.clone())
        .and_where(col("t", "position").gt(col("f", "position")))
        .group_by_col((history.clone(), Alias::new("from_stage_id")))
        .to_owned();
    let won = Query::select()
        .expr(col("deal_stage_history", "to_stage_id"))
        .expr(bigint(Func::count_distinct(col(
            "deal_stage_history",
            "deal_id",
        ))))
        .from(history.clone())
        .join(
            JoinType::InnerJoin,
            Alias::new("deals"),
            col("deals", "id").equals((history.clone(), Alias::new("deal_id"))),
        )
        .and_where(of_deals.clone())
        .and_where(col("deals", "status").eq("won"))
        .group_by_col((history.clone(), Alias::new("to_stage_id")))
        .to_owned();
    let stays = Query::select()
        .expr(col("deal_stage_history", "from_stage_id"))
        .expr(bigint(Func::count(col("deal_stage_history", "id"))))
        .expr(bigint(Func::sum(col(
            "deal_stage_history",
            "seconds_in_from",
        ))))
        .from(history.clone())
        .and_where(of_deals)
        .and_where(col("deal_stage_history", "from_stage_id").is_not_null())
        .group_by_col((history, Alias::new("from_stage_id")))
        .to_owned();
    let (entered, advanced, won, stays) = (
        counts(db, &entered, false).await?,
        counts(db, &advanced, false).await?,
        counts(db, &won, false).await?,
        counts(db, &stays, true).await?,
    );
    let n = |m: &HashMap<String, (i64, i64)>, id: &str| m.get(id).copied().unwrap_or((0, 0));
    let rows = deal_type
        .stages
        .into_iter()
        .map(|s| {
            let (e, _) = n(&entered, &s.id);
            let (a, _) = n(&advanced, &s.id);
            let (w, _) = n(&won, &s.id);
            let (exits, seconds) = n(&stays, &s.id);
            StageRow {
                conversion_rate: (e > 0).then(|| a as f64 / e as f64),
                average_seconds: (exits > 0).then(|| seconds as f64 / exits as f64),
                stage_id: s.id,
                name: s.name,
                outcome: s.outcome,
                entered: e,
                advanced: a,
                won: w,
                exits,
            }
        })
        .collect();
    Ok(StageReport { type_id, rows })
}

pub fn table(r: &StageReport) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = [
        "stage",
        "outcome",
        "entered",
        "advanced",
        "conversion_rate",
        "won",
        "exits",
        "average_days",
    ]
    .map(String::from)
    .to_vec();
    let rows = r
        .rows
        .iter()
        .map(|row| {
            vec![
                row.name.clone(),
                row.outcome.clone(),
                row.entered.to_string(),
                row.advanced.to_string(),
                row.conversion_rate
                    .map(|c| format!("{c:.4}"))
                    .unwrap_or_default(),
                row.won.to_string(),
                row.exits.to_string(),
                row.average_seconds
                    .map(|s| format!("{:.2}", s / 86_400.0))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    (headers, rows)
}
