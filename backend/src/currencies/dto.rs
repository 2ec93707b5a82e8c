//! Bodies of the exchange-rate API.
use super::entity;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

/// A three-letter ISO 4217 code in capitals.
pub fn valid_currency(v: &str) -> Result<(), ValidationError> {
    if v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_currency")
            .with_message("Use a three-letter ISO 4217 code such as EUR.".into()))
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExchangeRate {
    pub id: String,
    #[schema(example = "PLN")]
    pub currency: String,
    pub rate_date: NaiveDate,
    /// Units of the company currency for one unit of `currency`.
    #[schema(example = 0.2341)]
    pub rate: f64,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl From<entity::Model> for ExchangeRate {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            currency: m.currency,
            rate_date: m.rate_date,
            rate: m.rate,
            created_at: m.created_at,
            version: m.version,
        }
    }
}

/// `POST /api/v1/exchange-rates`: a rate for one day; posting the same currency and day again
/// replaces its rate.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SetExchangeRate {
    #[validate(custom(function = "valid_currency"))]
    #[schema(example = "PLN", min_length = 3, max_length = 3)]
    pub currency: String,
    pub rate_date: NaiveDate,
    #[validate(range(exclusive_min = 0.0, max = 1000000.0))]
    #[schema(example = 0.2341, exclusive_minimum = 0.0)]
    pub rate: f64,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRateQuery {
    #[param(max_length = 3)]
    #[validate(length(max = 3))]
    pub currency: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ConvertQuery {
    /// In minor units of `currency`.
    pub amount: i64,
    #[validate(custom(function = "valid_currency"))]
    #[param(min_length = 3, max_length = 3)]
    pub currency: String,
    /// The day whose rate applies (the latest rate on or before it); today when left out.
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RateConversion {
    pub amount: i64,
    pub currency: String,
    /// In minor units of the company currency.
    pub company_amount: i64,
    pub company_currency: String,
    pub rate: f64,
    /// The day of the rate used; none when `currency` is the company currency.
    pub rate_date: Option<NaiveDate>,
}
