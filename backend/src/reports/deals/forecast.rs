//! Forecast against realised, by month (and owner, type or source): open deals by expected close
//! month, their sum and their sum weighted by the probability of the stage they are in; won
//! deals by close month with their realised sum. Sums are grouped by currency in the database
//! and converted to the company currency at each month's rate (its last day, or today).
use super::{scoped, DealGroupBy, DealReportQuery};
use crate::api::sql::bigint_sum;
use crate::auth::Caller;
use crate::currencies::service::Rates;
use crate::deals::entity::deal;
use crate::deals::Env;
use crate::error::{ApiError, ApiResult};
use crate::pipelines::entity::{deal_type, stage};
use crate::users::entity::user;
use chrono::{Datelike, NaiveDate};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QuerySelect, Select,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use utoipa::ToSchema;

#[derive(Debug, Default, Clone, Serialize, ToSchema)]
pub struct ForecastRow {
    /// `YYYY-MM`; null for open deals without an expected close date.
    pub month: Option<String>,
    /// The owner, type or source id when grouped by one (null: none set).
    pub key: Option<String>,
    pub label: Option<String>,
    pub open_count: i64,
    /// Expected amounts of the open deals, in minor units of the company currency.
    pub pipeline_amount: i64,
    /// The same weighted by the probability of each deal's stage.
    pub weighted_amount: i64,
    pub won_count: i64,
    pub realised_amount: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ForecastReport {
    pub company_currency: String,
    pub group_by: Option<DealGroupBy>,
    /// By month (open deals without a date last), then key.
    pub rows: Vec<ForecastRow>,
    pub totals: ForecastRow,
    /// Currencies with amounts but no exchange rate: those amounts are left out.
    pub missing_rates: Vec<String>,
}

/// What the sums are grouped by in time, selected as `YYYY-MM[-DD]` text, and its GROUP BY
/// expression. Without a second dimension the date itself: few enough groups, and SQLite
/// groups them in the order of `ix_deals_forecast` without sorting; the months are summed up
/// here. With one, the month, so the groups stay few.
fn period(
    backend: DatabaseBackend,
    column: deal::Column,
    group_by: Option<DealGroupBy>,
) -> (SimpleExpr, SimpleExpr) {
    let name = sea_orm::IdenStatic::as_str(&column);
    let postgres = backend == DatabaseBackend::Postgres;
    let expr = match (group_by, postgres) {
        (Some(_), true) => Expr::cust(format!("to_char(deals.{name}, 'YYYY-MM')")),
        (Some(_), false) => Expr::cust(format!("substr(deals.{name}, 1, 7)")),
        (None, true) => Expr::cust(format!("CAST(deals.{name} AS TEXT)")),
        (None, false) => Expr::col((deal::Entity, column)).into(),
    };
    let group = match group_by {
        Some(_) => expr.clone(),
        None => Expr::col((deal::Entity, column)).into(),
    };
    (expr, group)
}

fn key_of(group_by: Option<DealGroupBy>) -> SimpleExpr {
    match group_by {
        Some(DealGroupBy::Owner) => Expr::col((deal::Entity, deal::Column::OwnerId)).into(),
        Some(DealGroupBy::Type) => Expr::col((deal::Entity, deal::Column::TypeId)).into(),
        Some(DealGroupBy::Source) => Expr::col((deal::Entity, deal::Column::SourceId)).into(),
        None => Expr::cust("NULL"),
    }
}

/// Groups by the second dimension too, when there is one (PostgreSQL refuses to group by a
/// constant).
fn grouped(
    select: sea_orm::Select<deal::Entity>,
    group_by: Option<DealGroupBy>,
    key: SimpleExpr,
) -> sea_orm::Select<deal::Entity> {
    match group_by {
        Some(_) => select.group_by(key),
        None => select,
    }
}

/// The day whose rate converts a month's sums: its last day, or today for this and later months.
fn rate_day(month: Option<&str>, today: NaiveDate) -> NaiveDate {
    month
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .and_then(|first| {
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
            };
            next.and_then(|n| n.pred_opt())
        })
        .map_or(today, |last| last.min(today))
}

type OpenSums = (
    Option<String>,
    Option<String>,
    String,
    String,
    i64,
    Option<i64>,
);
type WonSums = (Option<String>, Option<String>, String, i64, Option<i64>);

async fn labels(
    db: &impl ConnectionTrait,
    group_by: Option<DealGroupBy>,
    keys: Vec<String>,
) -> ApiResult<HashMap<String, String>> {
    Ok(match group_by {
        None => HashMap::new(),
        Some(DealGroupBy::Owner) => user::Entity::find()
            .filter(user::Column::Id.is_in(keys))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect(),
        Some(DealGroupBy::Type) => deal_type::Entity::find()
            .filter(deal_type::Column::Id.is_in(keys))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect(),
        Some(DealGroupBy::Source) => crate::lists::entity::Entity::find()
            .filter(crate::lists::entity::Column::Id.is_in(keys))
            .all(db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.name))
            .collect(),
    })
}

/// The two grouped statements: open deals by expected close month (and key), currency and
/// stage; won deals by close month (and key) and currency.
pub fn queries(
    base: Select<deal::Entity>,
    backend: DatabaseBackend,
    q: &DealReportQuery,
) -> (Select<deal::Entity>, Select<deal::Entity>) {
    let within = |column: deal::Column| {
        let mut c = sea_orm::Condition::all();
        if let Some(from) = q.from {
            c = c.add(column.gte(from));
        }
        if let Some(to) = q.to {
            c = c.add(column.lte(to));
        }
        c
    };
    let (month, by_month) = period(backend, deal::Column::ExpectedCloseOn, q.group_by);
    let key = key_of(q.group_by);
    let open = grouped(
        base.clone()
            .filter(deal::Column::Status.eq("open"))
            .filter(within(deal::Column::ExpectedCloseOn))
            .select_only()
            .expr(month)
            .expr(key.clone())
            .column(deal::Column::Currency)
            .column(deal::Column::StageId)
            .expr(Expr::cust("COUNT(*)"))
            .expr(bigint_sum(Expr::col((
                deal::Entity,
                deal::Column::ExpectedAmount,
            ))))
            .group_by(by_month)
            .group_by(deal::Column::Currency)
            .group_by(deal::Column::StageId),
        q.group_by,
        key.clone(),
    );
    let (month, by_month) = period(backend, deal::Column::RealisedOn, q.group_by);
    let won = grouped(
        base.filter(deal::Column::Status.eq("won"))
            .filter(within(deal::Column::RealisedOn))
            .select_only()
            .expr(month)
            .expr(key.clone())
            .column(deal::Column::Currency)
            .expr(Expr::cust("COUNT(*)"))
            .expr(bigint_sum(Expr::col((
                deal::Entity,
                deal::Column::RealisedAmount,
            ))))
            .group_by(by_month)
            .group_by(deal::Column::Currency),
        q.group_by,
        key,
    );
    (open, won)
}

pub async fn report(
    db: &impl ConnectionTrait,
    env: Env<'_>,
    caller: &Caller,
    q: &DealReportQuery,
) -> ApiResult<ForecastReport> {
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if to < from {
            return Err(ApiError::invalid(
                "to",
                "before_from",
                "`to` is before `from`.",
            ));
        }
    }
    let base = scoped(db, caller, q, env.now).await?;
    let (open, won) = queries(base, db.get_database_backend(), q);
    let open: Vec<OpenSums> = open.into_tuple().all(db).await?;
    let won: Vec<WonSums> = won.into_tuple().all(db).await?;

    let stage_ids: BTreeSet<String> = open.iter().map(|r| r.3.clone()).collect();
    let probability: HashMap<String, i32> = stage::Entity::find()
        .filter(stage::Column::Id.is_in(stage_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.probability))
        .collect();
    let rates = Rates::load(db, env.company).await?;
    let today = env.now.date_naive();
    let mut missing = BTreeSet::new();
    let mut convert = |amount: Option<i64>, currency: &str, month: Option<&str>| {
        let amount = amount.unwrap_or(0);
        rates
            .convert(amount, currency, rate_day(month, today))
            .unwrap_or_else(|| {
                if amount != 0 {
                    missing.insert(currency.to_owned());
                }
                0
            })
    };
    // Months in order, open deals without a date after them.
    let mut rows: BTreeMap<(bool, Option<String>, Option<String>), ForecastRow> = BTreeMap::new();
    let month_of = |period: Option<String>| period.map(|p| p.chars().take(7).collect::<String>());
    for (period, key, currency, stage_id, count, amount) in open {
        let month = month_of(period);
        let converted = convert(amount, &currency, month.as_deref());
        let p = probability.get(&stage_id).copied().unwrap_or(0);
        let row = rows
            .entry((month.is_none(), month.clone(), key.clone()))
            .or_default();
        row.open_count += count;
        row.pipeline_amount += converted;
        row.weighted_amount += (converted as f64 * f64::from(p) / 100.0).round() as i64;
    }
    for (period, key, currency, count, amount) in won {
        let month = month_of(period);
        let converted = convert(amount, &currency, month.as_deref());
        let row = rows
            .entry((month.is_none(), month.clone(), key.clone()))
            .or_default();
        row.won_count += count;
        row.realised_amount += converted;
    }
    let keys = rows.keys().filter_map(|(_, _, k)| k.clone()).collect();
    let names = labels(db, q.group_by, keys).await?;
    let mut totals = ForecastRow::default();
    let rows: Vec<ForecastRow> = rows
        .into_iter()
        .map(|((_, month, key), mut row)| {
            totals.open_count += row.open_count;
            totals.pipeline_amount += row.pipeline_amount;
            totals.weighted_amount += row.weighted_amount;
            totals.won_count += row.won_count;
            totals.realised_amount += row.realised_amount;
            row.label = key.as_ref().and_then(|k| names.get(k).cloned());
            row.month = month;
            row.key = key;
            row
        })
        .collect();
    Ok(ForecastReport {
        company_currency: env.company.to_owned(),
        group_by: q.group_by,
        rows,
        totals,
        missing_rates: missing.into_iter().collect(),
    })
}

/// The report as a table for a download.
pub fn table(r: &ForecastReport) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = [
        "month",
        "key",
        "label",
        "open_count",
        "pipeline_amount",
        "weighted_amount",
        "won_count",
        "realised_amount",
        "currency",
    ]
    .map(String::from)
    .to_vec();
    let rows = r
        .rows
        .iter()
        .map(|row| {
            vec![
                row.month.clone().unwrap_or_default(),
                row.key.clone().unwrap_or_default(),
                row.label.clone().unwrap_or_default(),
                row.open_count.to_string(),
                super::money(row.pipeline_amount),
                super::money(row.weighted_amount),
                row.won_count.to_string(),
                super::money(row.realised_amount),
                r.company_currency.clone(),
            ]
        })
        .collect();
    (headers, rows)
}
