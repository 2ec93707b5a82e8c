//! Bodies of the product catalogue and price list API.
use super::entity::{price_list, product};
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::currencies::dto::valid_currency;
use crate::partners::dto::one_of;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

pub const KINDS: &[&str] = &["product", "service"];

fn valid_kind(v: &str) -> Result<(), ValidationError> {
    one_of(v, KINDS)
}

/// A price of a product in one price list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct Price {
    #[schema(max_length = 36)]
    pub price_list_id: String,
    /// In minor units of the price list's currency.
    #[validate(range(min = 0))]
    #[schema(minimum = 0, example = 125000)]
    pub amount: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Product {
    pub id: String,
    #[schema(example = "SRV-INST")]
    pub code: String,
    #[schema(example = "Installation")]
    pub name: String,
    /// product or service.
    pub kind: String,
    #[schema(example = "h")]
    pub unit: String,
    /// VAT in basis points: 2500 is 25 %.
    #[schema(example = 2500)]
    pub vat_rate_bp: i32,
    pub description: Option<String>,
    pub active: bool,
    /// Its prices, one per price list that lists it (filled on the single product).
    pub prices: Vec<Price>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<product::Model> for Product {
    fn from(m: product::Model) -> Self {
        Self {
            id: m.id,
            code: m.code,
            name: m.name,
            kind: m.kind,
            unit: m.unit,
            vat_rate_bp: m.vat_rate_bp,
            description: m.description,
            active: m.active,
            prices: Vec::new(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

/// Body of create (code and name required) and of update.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ProductFields {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[validate(custom(function = "valid_kind"))]
    pub kind: Option<String>,
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub unit: Option<String>,
    #[validate(range(min = 0, max = 10000))]
    #[schema(minimum = 0, maximum = 10000)]
    pub vat_rate_bp: Option<i32>,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub description: Option<String>,
    pub active: Option<bool>,
    /// Replaces the product's prices: one per price list.
    #[validate(nested)]
    pub prices: Option<Vec<Price>>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProductListQuery {
    /// Matches code or name (case-insensitive, contains).
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    pub active: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
    #[param(max_length = 256)]
    #[validate(length(max = 256))]
    pub sort: Option<String>,
}

impl ProductListQuery {
    pub fn list_query(&self) -> crate::api::ListQuery {
        crate::api::ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            count: self.count,
            sort: self.sort.clone(),
            trashed: None,
        }
    }
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "products",
    table: "products",
    default_sort: "name",
    fields: &[
        Field::new("code", Kind::String).sortable(),
        Field::new("name", Kind::String).sortable(),
        Field::new("kind", Kind::Enum(KINDS)),
        Field::new("active", Kind::Boolean),
    ],
};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PriceList {
    pub id: String,
    #[schema(example = "Veleprodaja 2027")]
    pub name: String,
    #[schema(example = "EUR")]
    pub currency: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<price_list::Model> for PriceList {
    fn from(m: price_list::Model) -> Self {
        Self {
            id: m.id,
            name: m.name,
            currency: m.currency,
            active: m.active,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

/// Body of create (name and currency required) and of update.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PriceListFields {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[validate(custom(function = "valid_currency"))]
    #[schema(min_length = 3, max_length = 3)]
    pub currency: Option<String>,
    pub active: Option<bool>,
}
