//! The deal list as CSV or Excel: the list's filters, within the reach of the caller's `export`
//! grants (sale and supply deals each under their own), custom fields as columns.
use super::ExportFormat;
use super::{custom_cells, custom_columns, headers, opt, pager, record, respond, split_format};
use crate::access::{Action, Resource};
use crate::api::extract::parse_query;
use crate::auth::Caller;
use crate::deals::{dto::DealListQuery, entity::deal, service::filtered, Env};
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};

fn number(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

#[utoipa::path(get, path = "/api/v1/deals/export", tag = "deals",
    params(DealListQuery, ("format" = Option<ExportFormat>, Query, description = "`csv` (default) or `xlsx`")),
    responses((status = 200, description = "The deals the list's filters leave, within the reach of the caller's `deals:export` and `supply_deals:export` grants, streamed; amounts in minor units", content_type = "text/csv")))]
pub async fn export_deals(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (format, filters) = split_format(req.query_string())?;
    let q: DealListQuery = parse_query(&filters)?;
    let env = Env::of(&state);
    let trashed = q.trashed == Some(true);
    let select = filtered(
        &state.db.read,
        &caller,
        Action::Export,
        &q,
        trashed,
        env.now,
    )
    .await?;
    let (keys, labels) = custom_columns(&state.db.read, "deals").await?;
    let headers = headers(
        &[
            "id",
            "kind",
            "type_id",
            "stage_id",
            "title",
            "partner_id",
            "owner_id",
            "source_id",
            "priority",
            "status",
            "close_reason",
            "expected_amount",
            "currency",
            "expected_close_on",
            "realised_amount",
            "realised_on",
            "stage_due_at",
            "tags",
            "created_at",
            "updated_at",
        ],
        labels,
    );
    let cells = move |m: &deal::Model| {
        let mut row = vec![
            m.id.clone(),
            m.kind.clone(),
            m.type_id.clone(),
            m.stage_id.clone(),
            m.title.clone(),
            m.partner_id.clone(),
            m.owner_id.clone(),
            opt(&m.source_id),
            m.priority.clone(),
            m.status.clone(),
            opt(&m.close_reason),
            number(m.expected_amount),
            m.currency.clone(),
            m.expected_close_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            number(m.realised_amount),
            m.realised_on.map(|d| d.to_string()).unwrap_or_default(),
            m.stage_due_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
            super::list(&m.tags),
            m.created_at.to_rfc3339(),
            m.updated_at.to_rfc3339(),
        ];
        row.extend(custom_cells(&m.custom_fields, &keys));
        (m.id.clone(), row)
    };
    record(&state, &caller, Resource::Deals, format, &filters).await?;
    let pages = pager(state.db.read.clone(), select, deal::Column::Id, cells);
    Ok(respond(format, headers, pages, "deals"))
}
