//! Bodies of the territories API.
use super::entity::territory;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Territory {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    /// ISO 3166-1 alpha-2 codes; empty: any country.
    pub countries: Vec<String>,
    /// Region names (case-insensitive); empty: any region.
    pub regions: Vec<String>,
    /// Prefixes (`21`) or inclusive ranges of codes of one length (`10000-10999`, or
    /// `00-001..00-999`); empty: any postal code.
    pub postal_codes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

fn strings(v: Option<serde_json::Value>) -> Vec<String> {
    v.and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

impl From<territory::Model> for Territory {
    fn from(m: territory::Model) -> Self {
        Self {
            id: m.id,
            parent_id: m.parent_id,
            name: m.name,
            countries: strings(m.countries),
            regions: strings(m.regions),
            postal_codes: strings(m.postal_codes),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

/// Create and update: on update, fields left out stay as they are (`parent_id: null` makes a root).
#[derive(Debug, Clone, Deserialize, ToSchema, Validate, Default)]
pub struct TerritoryFields {
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>)]
    pub parent_id: Option<Option<String>>,
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    pub countries: Option<Vec<String>>,
    pub regions: Option<Vec<String>>,
    pub postal_codes: Option<Vec<String>>,
}
