//! Bodies of the deal type (pipeline) API.
use super::entity::{deal_type, stage};
use crate::partners::dto::one_of;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

pub const KINDS: &[&str] = &["sale", "supply"];
pub const OUTCOMES: &[&str] = &["open", "won", "lost"];

pub fn valid_kind(v: &str) -> Result<(), ValidationError> {
    one_of(v, KINDS)
}

fn valid_outcome(v: &str) -> Result<(), ValidationError> {
    one_of(v, OUTCOMES)
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Stage {
    pub id: String,
    #[schema(example = "Ponuda poslana")]
    pub name: String,
    /// 0 for the first stage.
    pub position: i32,
    /// Days a deal may stay before it is overdue; none: no deadline.
    pub planned_days: Option<i32>,
    /// Chance of winning, 0 to 100, that weighs the forecast.
    pub probability: i32,
    /// open, won or lost.
    pub outcome: String,
}

impl From<stage::Model> for Stage {
    fn from(m: stage::Model) -> Self {
        Self {
            id: m.id,
            name: m.name,
            position: m.position,
            planned_days: m.planned_days,
            probability: m.probability,
            outcome: m.outcome,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DealType {
    pub id: String,
    /// sale or supply.
    pub kind: String,
    #[schema(example = "Projektna prodaja")]
    pub name: String,
    /// Deals may jump over stages.
    pub allow_skip: bool,
    /// Deals may go back to an earlier stage.
    pub allow_back: bool,
    pub position: i32,
    pub active: bool,
    /// In order.
    pub stages: Vec<Stage>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl DealType {
    pub fn new(m: deal_type::Model, stages: Vec<stage::Model>) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            name: m.name,
            allow_skip: m.allow_skip,
            allow_back: m.allow_back,
            position: m.position,
            active: m.active,
            stages: stages.into_iter().map(Stage::from).collect(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

/// One stage of a type, in the order given. With `id` it is an existing stage kept (and renamed
/// or re-weighted); without, a new one.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct StageInput {
    #[schema(max_length = 36)]
    pub id: Option<String>,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[validate(range(min = 1, max = 3650))]
    #[schema(minimum = 1, maximum = 3650)]
    pub planned_days: Option<i32>,
    #[validate(range(min = 0, max = 100))]
    #[schema(minimum = 0, maximum = 100)]
    pub probability: i32,
    #[validate(custom(function = "valid_outcome"))]
    pub outcome: String,
}

/// Body of create (kind, name and stages required) and of update (`stages` replaces the list;
/// a stage that deals are in cannot be removed; the kind is fixed once created).
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DealTypeFields {
    #[validate(custom(function = "valid_kind"))]
    pub kind: Option<String>,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    pub allow_skip: Option<bool>,
    pub allow_back: Option<bool>,
    pub position: Option<i32>,
    pub active: Option<bool>,
    #[validate(nested, length(min = 2, max = 30))]
    pub stages: Option<Vec<StageInput>>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DealTypeQuery {
    #[param(max_length = 10)]
    #[validate(custom(function = "valid_kind"))]
    pub kind: Option<String>,
    pub active: Option<bool>,
}
