//! Deal reports: forecast against realised, conversion and time per stage, the overdue list.
//! Each reads only the deals the caller may see, answers JSON for the SPA's charts, and with
//! `format=csv|xlsx` the same table as a download.
pub mod forecast;
pub mod overdue;
pub mod stages;

use crate::auth::Caller;
use crate::deals::dto::DealListQuery;
use crate::deals::entity::deal;
use crate::error::ApiResult;
use crate::exports::ExportFormat;
use crate::pipelines::dto::valid_kind;
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DealGroupBy {
    Owner,
    Type,
    Source,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DealReportQuery {
    /// sale (default) or supply.
    #[validate(custom(function = "valid_kind"))]
    pub kind: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub type_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub owner_id: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub source_id: Option<String>,
    /// First day of the period (expected close for the forecast, close for realised, creation for
    /// the stage reports).
    pub from: Option<NaiveDate>,
    /// Last day of the period.
    pub to: Option<NaiveDate>,
    /// A second dimension beside the month (forecast only).
    pub group_by: Option<DealGroupBy>,
    /// A download of the table instead of JSON.
    pub format: Option<ExportFormat>,
}

impl DealReportQuery {
    pub fn kind(&self) -> &str {
        self.kind.as_deref().unwrap_or("sale")
    }
}

/// The deals of the report's kind the caller may see, narrowed by its filters.
pub async fn scoped(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &DealReportQuery,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<sea_orm::Select<deal::Entity>> {
    caller.require(
        crate::access::Resource::Reports,
        crate::access::Action::Read,
    )?;
    let list = DealListQuery {
        kind: Some(q.kind().to_owned()),
        type_id: q.type_id.clone(),
        owner_id: q.owner_id.clone(),
        source_id: q.source_id.clone(),
        ..Default::default()
    };
    let read = crate::access::Action::Read;
    crate::deals::service::filtered(db, caller, read, &list, false, now).await
}

/// Minor units as a decimal amount for spreadsheets (`123456` -> `1234.56`).
pub fn money(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}
