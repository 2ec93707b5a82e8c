//! Dated exchange rates into the company currency, and the conversion every deal amount, board
//! and report goes through.
use super::dto::{ConvertQuery, ExchangeRate, ExchangeRateQuery, RateConversion, SetExchangeRate};
use super::entity;
use crate::access::{Action, Resource};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use chrono::NaiveDate;
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::HashMap;

/// Every rate, by currency and day: the table holds a row per currency per working day, small
/// enough to read once per report and convert aggregated sums in memory.
pub struct Rates {
    company: String,
    by_currency: HashMap<String, Vec<(NaiveDate, f64)>>,
}

impl Rates {
    pub async fn load(db: &impl ConnectionTrait, company: &str) -> ApiResult<Self> {
        let mut by_currency: HashMap<String, Vec<(NaiveDate, f64)>> = HashMap::new();
        for r in entity::Entity::find()
            .filter(entity::Column::DeletedAt.is_null())
            .order_by_asc(entity::Column::RateDate)
            .all(db)
            .await?
        {
            by_currency
                .entry(r.currency)
                .or_default()
                .push((r.rate_date, r.rate));
        }
        Ok(Self {
            company: company.to_owned(),
            by_currency,
        })
    }

    pub fn company(&self) -> &str {
        &self.company
    }

    /// The rate of the latest day on or before `on` (or the earliest known, for a day before any
    /// rate); none for a currency without rates. The company currency converts at 1.
    pub fn rate(&self, currency: &str, on: NaiveDate) -> Option<(f64, Option<NaiveDate>)> {
        if currency == self.company {
            return Some((1.0, None));
        }
        let days = self.by_currency.get(currency)?;
        let at = days.partition_point(|(d, _)| *d <= on);
        let (day, rate) = days.get(at.saturating_sub(1))?;
        Some((*rate, Some(*day)))
    }

    /// `amount` minor units of `currency` in minor units of the company currency.
    pub fn convert(&self, amount: i64, currency: &str, on: NaiveDate) -> Option<i64> {
        self.rate(currency, on)
            .map(|(rate, _)| (amount as f64 * rate).round() as i64)
    }
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &ExchangeRateQuery,
) -> ApiResult<Vec<ExchangeRate>> {
    caller.require(Resource::ExchangeRates, Action::Read)?;
    let mut select = entity::Entity::find().filter(entity::Column::DeletedAt.is_null());
    if let Some(c) = &q.currency {
        select = select.filter(entity::Column::Currency.eq(c.to_uppercase()));
    }
    Ok(select
        .order_by_desc(entity::Column::RateDate)
        .order_by_asc(entity::Column::Currency)
        .all(db)
        .await?
        .into_iter()
        .map(ExchangeRate::from)
        .collect())
}

/// Sets the rate of a currency for a day (replacing that day's rate).
pub async fn set(
    db: &impl TransactionTrait,
    caller: &Caller,
    company: &str,
    input: SetExchangeRate,
) -> ApiResult<ExchangeRate> {
    caller.require(Resource::ExchangeRates, Action::Create)?;
    if input.currency == company {
        return Err(ApiError::invalid(
            "currency",
            "company_currency",
            "The company currency always converts at 1.",
        ));
    }
    let txn = db.begin().await?;
    let existing = entity::Entity::find()
        .filter(entity::Column::Currency.eq(input.currency.as_str()))
        .filter(entity::Column::RateDate.eq(input.rate_date))
        .one(&txn)
        .await?;
    let now = clock::now();
    let (model, action, before) = match existing {
        Some(old) => {
            let before = serde_json::json!({"rate": old.rate, "deleted_at": old.deleted_at});
            let mut active: entity::ActiveModel = old.clone().into();
            active.rate = Set(input.rate);
            active.deleted_at = Set(None);
            active.updated_at = Set(now);
            active.version = Set(old.version + 1);
            entity::Entity::update(active).exec(&txn).await?;
            let model = entity::Entity::find_by_id(&old.id)
                .one(&txn)
                .await?
                .ok_or(ApiError::NotFound)?;
            (model, "update", before)
        }
        None => {
            let model = entity::Model {
                id: clock::new_id(),
                currency: input.currency.clone(),
                rate_date: input.rate_date,
                rate: input.rate,
                created_at: now,
                updated_at: now,
                created_by: Some(caller.user_id.clone()),
                version: 1,
                deleted_at: None,
            };
            entity::Entity::insert(entity::ActiveModel::from(model.clone()))
                .exec_without_returning(&txn)
                .await?;
            (model, "create", serde_json::json!({}))
        }
    };
    let after = serde_json::json!({"currency": model.currency, "rate_date": model.rate_date, "rate": model.rate, "deleted_at": null});
    history::record(
        &txn,
        caller.actor(),
        "exchange_rate",
        &model.id,
        action,
        history::diff(&before, &after),
    )
    .await?;
    txn.commit().await?;
    Ok(model.into())
}

pub async fn delete(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<()> {
    caller.require(Resource::ExchangeRates, Action::Delete)?;
    let txn = db.begin().await?;
    let model = entity::Entity::find_by_id(id)
        .filter(entity::Column::DeletedAt.is_null())
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut active: entity::ActiveModel = model.clone().into();
    active.deleted_at = Set(Some(clock::now()));
    active.version = Set(model.version + 1);
    entity::Entity::update(active).exec(&txn).await?;
    history::record(
        &txn,
        caller.actor(),
        "exchange_rate",
        id,
        "delete",
        history::deleted(clock::now()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn convert(
    db: &impl ConnectionTrait,
    caller: &Caller,
    company: &str,
    q: &ConvertQuery,
) -> ApiResult<RateConversion> {
    caller.require(Resource::ExchangeRates, Action::Read)?;
    let rates = Rates::load(db, company).await?;
    let on = q.on.unwrap_or_else(|| clock::now().date_naive());
    let (rate, rate_date) = rates.rate(&q.currency, on).ok_or_else(|| {
        ApiError::invalid(
            "currency",
            "no_exchange_rate",
            "No exchange rate is known for this currency.",
        )
    })?;
    Ok(RateConversion {
        amount: q.amount,
        currency: q.currency.clone(),
        company_amount: (q.amount as f64 * rate).round() as i64,
        company_currency: company.to_owned(),
        rate,
        rate_date,
    })
}
