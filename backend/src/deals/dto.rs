//! Bodies of the deals API.
use super::entity::{deal, line, stage_move};
use crate::api::fields::{Field, Kind, ResourceFields};
use crate::currencies::dto::valid_currency;
use crate::partners::dto::one_of;
use crate::pipelines::dto::valid_kind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

pub const KINDS: &[&str] = &["sale", "supply"];
pub const STATUSES: &[&str] = &["open", "won", "lost", "cancelled"];
pub const PRIORITIES: &[&str] = &["low", "normal", "high", "urgent"];

fn valid_priority(v: &str) -> Result<(), ValidationError> {
    one_of(v, PRIORITIES)
}

/// Statuses a client may set by hand: cancel a deal, or reopen a cancelled one. Won and lost
/// come from moving into a won or lost stage.
fn valid_manual_status(v: &str) -> Result<(), ValidationError> {
    one_of(v, &["open", "cancelled"])
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DealLine {
    pub id: String,
    pub product_id: Option<String>,
    pub description: String,
    pub quantity: f64,
    pub unit: Option<String>,
    /// In minor units of the deal's currency.
    pub unit_price: i64,
    /// Basis points: 1000 is 10 %.
    pub discount_bp: i32,
    pub vat_rate_bp: i32,
    /// quantity x unit price less the discount, before VAT, in minor units.
    pub net_amount: i64,
}

/// quantity x unit price less the discount, rounded to the minor unit.
pub fn net_amount(quantity: f64, unit_price: i64, discount_bp: i32) -> i64 {
    (quantity * unit_price as f64 * (10_000 - discount_bp) as f64 / 10_000.0).round() as i64
}

impl From<line::Model> for DealLine {
    fn from(m: line::Model) -> Self {
        Self {
            net_amount: net_amount(m.quantity, m.unit_price, m.discount_bp),
            id: m.id,
            product_id: m.product_id,
            description: m.description,
            quantity: m.quantity,
            unit: m.unit,
            unit_price: m.unit_price,
            discount_bp: m.discount_bp,
            vat_rate_bp: m.vat_rate_bp,
        }
    }
}

/// A line of a deal. With a `product_id` and no price, the price comes from `price_list_id`
/// (the product's price there, which must be in the deal's currency); description, unit and VAT
/// default to the product's.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct LineInput {
    #[schema(max_length = 36)]
    pub product_id: Option<String>,
    #[schema(max_length = 36)]
    pub price_list_id: Option<String>,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub description: Option<String>,
    #[validate(range(exclusive_min = 0.0, max = 1000000000.0))]
    #[schema(exclusive_minimum = 0.0, example = 2.0)]
    pub quantity: f64,
    #[validate(length(max = 20))]
    #[schema(max_length = 20)]
    pub unit: Option<String>,
    #[validate(range(min = 0))]
    #[schema(minimum = 0)]
    pub unit_price: Option<i64>,
    #[validate(range(min = 0, max = 10000))]
    #[schema(minimum = 0, maximum = 10000)]
    pub discount_bp: Option<i32>,
    #[validate(range(min = 0, max = 10000))]
    #[schema(minimum = 0, maximum = 10000)]
    pub vat_rate_bp: Option<i32>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Deal {
    pub id: String,
    /// sale or supply.
    pub kind: String,
    pub type_id: String,
    pub stage_id: String,
    #[schema(example = "Oprema za skladište")]
    pub title: String,
    pub partner_id: String,
    pub partner_name: Option<String>,
    pub branch_id: Option<String>,
    pub person_ids: Vec<String>,
    pub owner_id: String,
    pub owner_name: Option<String>,
    pub campaign_id: Option<String>,
    /// From the `deal_sources` list.
    pub source_id: Option<String>,
    /// low, normal, high or urgent.
    pub priority: String,
    /// open, won, lost or cancelled.
    pub status: String,
    /// Why it was lost or cancelled.
    pub close_reason: Option<String>,
    /// In minor units of `currency`.
    pub expected_amount: Option<i64>,
    #[schema(example = "EUR")]
    pub currency: String,
    pub expected_close_on: Option<NaiveDate>,
    pub realised_amount: Option<i64>,
    pub realised_on: Option<NaiveDate>,
    /// The expected amount in the company currency at today's rate (none without a rate).
    pub expected_amount_company: Option<i64>,
    pub stage_entered_at: DateTime<Utc>,
    /// When the deal overstays its stage; none when the stage has no planned duration.
    pub stage_due_at: Option<DateTime<Utc>>,
    /// Open and past its stage's due time.
    pub overdue: bool,
    pub description: Option<String>,
    pub tags: Vec<String>,
    /// Values of the custom fields defined for deals, by key.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub custom_fields: serde_json::Value,
    /// Filled on the single deal.
    pub lines: Vec<DealLine>,
    /// Sum of the lines' net amounts (filled on the single deal).
    pub lines_total: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub created_by: Option<String>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub version: i32,
}

fn strings(v: Option<serde_json::Value>) -> Vec<String> {
    v.and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

impl Deal {
    pub fn new(m: deal::Model, now: DateTime<Utc>) -> Self {
        Self {
            overdue: m.status == "open" && m.stage_due_at.is_some_and(|d| d <= now),
            id: m.id,
            kind: m.kind,
            type_id: m.type_id,
            stage_id: m.stage_id,
            title: m.title,
            partner_id: m.partner_id,
            partner_name: None,
            branch_id: m.branch_id,
            person_ids: strings(m.person_ids),
            owner_id: m.owner_id,
            owner_name: None,
            campaign_id: m.campaign_id,
            source_id: m.source_id,
            priority: m.priority,
            status: m.status,
            close_reason: m.close_reason,
            expected_amount: m.expected_amount,
            currency: m.currency,
            expected_close_on: m.expected_close_on,
            realised_amount: m.realised_amount,
            realised_on: m.realised_on,
            expected_amount_company: None,
            stage_entered_at: m.stage_entered_at,
            stage_due_at: m.stage_due_at,
            description: m.description,
            tags: strings(m.tags),
            custom_fields: m.custom_fields.unwrap_or_else(|| serde_json::json!({})),
            lines: Vec::new(),
            lines_total: None,
            created_at: m.created_at,
            updated_at: m.updated_at,
            created_by: m.created_by,
            deleted_at: m.deleted_at,
            version: m.version,
        }
    }
}

/// Body of create (type, title and partner required; the stage defaults to the type's first, the
/// owner to the partner's primary owner for a sale and to the caller for a supply) and of update
/// (the type and stage change only by moving; the owner only with the `assign` grant).
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DealFields {
    #[schema(max_length = 36)]
    pub type_id: Option<String>,
    /// On create only: a stage of the type other than the first.
    #[schema(max_length = 36)]
    pub stage_id: Option<String>,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub title: Option<String>,
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 36)]
    pub branch_id: Option<Option<String>>,
    #[validate(length(max = 50))]
    pub person_ids: Option<Vec<String>>,
    #[schema(max_length = 36)]
    pub owner_id: Option<String>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 36)]
    pub campaign_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 36)]
    pub source_id: Option<Option<String>>,
    #[validate(custom(function = "valid_priority"))]
    pub priority: Option<String>,
    /// `cancelled` (with `close_reason`) cancels an open deal; `open` reopens a cancelled one.
    #[validate(custom(function = "valid_manual_status"))]
    pub status: Option<String>,
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub close_reason: Option<String>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[validate(range(min = 0))]
    #[schema(value_type = Option<i64>, minimum = 0)]
    pub expected_amount: Option<Option<i64>>,
    #[validate(custom(function = "valid_currency"))]
    #[schema(min_length = 3, max_length = 3)]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_close_on: Option<Option<NaiveDate>>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    #[validate(length(max = 30))]
    pub tags: Option<Vec<String>>,
    /// Values of the custom fields defined for deals: keys to set, `null` removes a value, keys
    /// left out keep theirs.
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
    /// Replaces the deal's lines.
    #[validate(nested, length(max = 500))]
    pub lines: Option<Vec<LineInput>>,
}

/// `POST /api/v1/deals/{id}/move`: into another stage of the deal's type. A won stage needs the
/// realised value; a lost stage needs the reason.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct MoveDeal {
    #[schema(max_length = 36)]
    pub stage_id: String,
    #[validate(range(min = 0))]
    #[schema(minimum = 0)]
    pub realised_amount: Option<i64>,
    /// Defaults to today.
    pub realised_on: Option<NaiveDate>,
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub close_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StageMove {
    pub id: String,
    /// None: the deal was created in `to_stage_id`.
    pub from_stage_id: Option<String>,
    pub to_stage_id: String,
    pub user_id: Option<String>,
    pub moved_at: DateTime<Utc>,
    /// How long the deal stayed in `from_stage_id`.
    pub seconds_in_from: Option<i64>,
}

impl From<stage_move::Model> for StageMove {
    fn from(m: stage_move::Model) -> Self {
        Self {
            id: m.id,
            from_stage_id: m.from_stage_id,
            to_stage_id: m.to_stage_id,
            user_id: m.user_id,
            moved_at: m.moved_at,
            seconds_in_from: m.seconds_in_from,
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DealListQuery {
    /// Matches the title (case-insensitive, contains).
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    #[validate(custom(function = "valid_kind"))]
    pub kind: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub type_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub stage_id: Option<String>,
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub status: Option<String>,
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub priority: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub source_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub owner_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub partner_id: Option<String>,
    /// Deals of partners in this territory (or one below it).
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub territory_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub campaign_id: Option<String>,
    /// Only open deals past their stage's due time.
    pub overdue: Option<bool>,
    /// Expected close on or after this day.
    pub close_from: Option<NaiveDate>,
    /// Expected close on or before this day.
    pub close_to: Option<NaiveDate>,
    /// Expected amount at least this (minor units, in the deal's currency).
    pub value_min: Option<i64>,
    pub value_max: Option<i64>,
    #[param(max_length = 100)]
    #[validate(length(max = 100))]
    pub tag: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
    #[param(max_length = 256)]
    #[validate(length(max = 256))]
    pub sort: Option<String>,
    pub trashed: Option<bool>,
}

impl DealListQuery {
    pub fn list_query(&self) -> crate::api::ListQuery {
        crate::api::ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            count: self.count,
            sort: self.sort.clone(),
            trashed: self.trashed,
        }
    }
}

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "deals",
    table: "deals",
    default_sort: "-created_at",
    fields: &[
        Field::new("title", Kind::String).sortable(),
        Field::new("kind", Kind::Enum(KINDS)),
        Field::new("type_id", Kind::String),
        Field::new("stage_id", Kind::String),
        Field::new("status", Kind::Enum(STATUSES)),
        Field::new("priority", Kind::Enum(PRIORITIES)),
        Field::new("partner_id", Kind::String),
        Field::new("owner_id", Kind::String),
        Field::new("source_id", Kind::String).nullable(),
        Field::new("campaign_id", Kind::String).nullable(),
        Field::new("currency", Kind::String),
        Field::new("expected_amount", Kind::Number).nullable(),
        Field::new("expected_close_on", Kind::Date).nullable(),
        Field::new("realised_amount", Kind::Number).nullable(),
        Field::new("realised_on", Kind::Date).nullable(),
        Field::new("stage_due_at", Kind::DateTime).nullable(),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("updated_at", Kind::DateTime).sortable(),
    ],
};

/// `GET /api/v1/deals/board`: one pipeline's board.
#[derive(Debug, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BoardQuery {
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub type_id: String,
    /// Only this owner's deals.
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub owner_id: Option<String>,
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    /// Cards per column (default 50); the rest through the list with `stage_id`.
    #[param(minimum = 1, maximum = 200)]
    #[validate(range(min = 1, max = 200))]
    pub cards: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BoardColumn {
    pub stage: crate::pipelines::dto::Stage,
    /// Deals in the stage (open ones for open stages; for won and lost stages, those closed in
    /// the last 30 days).
    pub count: u64,
    /// Sum of the expected amounts (realised for won stages) in the company currency.
    pub amount: i64,
    /// Sum weighted by the stage's probability.
    pub weighted_amount: i64,
    pub overdue: u64,
    /// The first deals, most overdue then closest to closing first.
    pub deals: Vec<Deal>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Board {
    pub deal_type: crate::pipelines::dto::DealType,
    pub company_currency: String,
    pub columns: Vec<BoardColumn>,
}

/// `POST /api/v1/deals/bulk`: the same change to many deals, all or none.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct BulkDeals {
    #[validate(length(min = 1, max = 1000))]
    pub ids: Vec<String>,
    /// New owner (needs the `assign` grant).
    #[schema(max_length = 36)]
    pub owner_id: Option<String>,
    /// Open stage to move them into (under each type's rules).
    #[schema(max_length = 36)]
    pub stage_id: Option<String>,
}

/// `POST /api/v1/deals/{id}/emails`: an email from the deal, rendered from a template for the
/// person (or sent to the given addresses), queued in the outbox and shown on the deal's timeline.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DealEmail {
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub template_key: String,
    /// A person of the deal: the template is rendered for them and the mail goes to their
    /// first email address.
    #[schema(max_length = 36)]
    pub person_id: Option<String>,
    /// Extra or explicit recipients.
    #[validate(length(max = 20))]
    pub to: Option<Vec<String>>,
    /// Defaults to the partner's country's language.
    #[validate(length(min = 2, max = 5))]
    pub language: Option<String>,
}

/// One entry of a deal's timeline, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// activity, email, attachment or stage.
    pub kind: String,
    pub at: DateTime<Utc>,
    pub id: String,
    #[schema(example = "Poziv: dogovor o terminu")]
    pub title: String,
    pub detail: Option<String>,
    pub user_id: Option<String>,
    /// For stage moves.
    pub from_stage_id: Option<String>,
    pub to_stage_id: Option<String>,
    /// For emails: queued, sending, sent or failed.
    pub status: Option<String>,
}
