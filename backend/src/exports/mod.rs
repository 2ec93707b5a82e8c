//! Export of partners, persons and leads to CSV or Excel: the list's own filters within the scope
//! of the caller's `export` grant, custom fields as columns, streamed page by page in id order,
//! and recorded in history.
mod deals;
pub mod stream;

pub use deals::*;

use crate::access::{Action, Resource};
use crate::api::extract::parse_query;
use crate::auth::Caller;
use crate::custom_fields::service::definitions;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::{clock, history, leads, partners, persons};
use actix_web::{web, HttpRequest, HttpResponse};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use serde::Deserialize;
use stream::{Page, PAGE_ROWS};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    #[default]
    Csv,
    Xlsx,
}

/// Splits `format` off the query string; the rest, as the client wrote it, are the list's filters
/// (its paging and sort do not apply: an export is every row, in id order).
fn split_format(qs: &str) -> ApiResult<(ExportFormat, String)> {
    let pairs = web::Query::<Vec<(String, String)>>::from_query(qs)
        .map_err(|e| ApiError::bad_request("invalid_query", format!("Invalid query string: {e}")))?
        .into_inner();
    let format = match pairs.iter().rfind(|(k, _)| k == "format") {
        None => ExportFormat::Csv,
        Some((_, v)) => {
            serde_json::from_value(serde_json::Value::String(v.clone())).map_err(|_| {
                ApiError::bad_request(
                    "invalid_query",
                    format!("`format` is `csv` or `xlsx`, not `{v}`."),
                )
            })?
        }
    };
    let rest: Vec<&str> = qs
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            !["", "format", "limit", "cursor", "count", "sort"].contains(&key)
        })
        .collect();
    Ok((format, rest.join("&")))
}

fn list(v: &Option<serde_json::Value>) -> String {
    v.as_ref()
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn custom_cells(values: &Option<serde_json::Value>, keys: &[String]) -> Vec<String> {
    keys.iter()
        .map(|k| match values.as_ref().and_then(|v| v.get(k)) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect::<Vec<_>>()
                .join("; "),
            Some(other) => other.to_string(),
        })
        .collect()
}

/// Pages of `select` in id order, each model turned into cells by `cells`.
fn pager<E, C>(
    db: DatabaseConnection,
    select: Select<E>,
    id: E::Column,
    cells: C,
) -> impl FnMut(Option<String>) -> std::pin::Pin<Box<dyn std::future::Future<Output = ApiResult<Page>>>>
where
    E: EntityTrait,
    E::Model: Sync,
    C: Fn(&E::Model) -> (String, Vec<String>) + Clone + 'static,
{
    move |after: Option<String>| {
        let (db, cells) = (db.clone(), cells.clone());
        let mut select = select.clone().order_by_asc(id).limit(PAGE_ROWS);
        if let Some(after) = after {
            select = select.filter(id.gt(after));
        }
        Box::pin(async move {
            let models = select.all(&db).await?;
            let mut last = None;
            let rows = models
                .iter()
                .map(|m| {
                    let (id, row) = cells(m);
                    last = Some(id);
                    row
                })
                .collect();
            Ok((rows, last))
        })
    }
}

/// One history entry per export: what, in which format, with which filters.
async fn record(
    state: &AppState,
    caller: &Caller,
    resource: Resource,
    format: ExportFormat,
    filters: &str,
) -> ApiResult<()> {
    let change = |field: &str, new: serde_json::Value| history::Change {
        field: field.into(),
        old: serde_json::Value::Null,
        new,
    };
    history::record(
        &state.db.write,
        caller.actor(),
        "export",
        &clock::new_id(),
        "export",
        vec![
            change("entity", resource.as_str().into()),
            change("format", serde_json::json!(format)),
            change("filters", filters.into()),
        ],
    )
    .await?;
    Ok(())
}

fn respond<P, F>(format: ExportFormat, headers: Vec<String>, pager: P, name: &str) -> HttpResponse
where
    P: FnMut(Option<String>) -> F + 'static,
    F: std::future::Future<Output = ApiResult<Page>> + 'static,
{
    let day = clock::now().format("%Y-%m-%d");
    match format {
        ExportFormat::Csv => stream::csv(headers, pager, &format!("{name}-{day}.csv")),
        ExportFormat::Xlsx => stream::xlsx(headers, pager, &format!("{name}-{day}.xlsx")),
    }
}

/// A table already in memory (a report) as a CSV or Excel download.
pub fn table(
    format: ExportFormat,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    name: &str,
) -> HttpResponse {
    let mut rows = Some(rows);
    let pager = move |_after: Option<String>| {
        let page = rows.take().unwrap_or_default();
        async move { Ok((page, None)) }
    };
    respond(format, headers, pager, name)
}

/// The custom fields of `table`: their keys, and their labels as headers.
async fn custom_columns(
    db: &DatabaseConnection,
    table: &str,
) -> ApiResult<(Vec<String>, Vec<String>)> {
    let defs = definitions(db, table).await?;
    Ok((
        defs.iter().map(|d| d.key.clone()).collect(),
        defs.into_iter().map(|d| d.label).collect(),
    ))
}

fn headers(fixed: &[&str], custom: Vec<String>) -> Vec<String> {
    fixed.iter().map(|s| s.to_string()).chain(custom).collect()
}

#[utoipa::path(get, path = "/api/v1/partners/export", tag = "partners",
    params(crate::partners::dto::PartnerListQuery, ("format" = Option<ExportFormat>, Query, description = "`csv` (default) or `xlsx`")),
    responses((status = 200, description = "The partners the list's filters leave, within the scope of the caller's `partners:export` grant, streamed", content_type = "text/csv")))]
pub async fn export_partners(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    use partners::entity::partner;
    let scope = caller.require(Resource::Partners, Action::Export)?;
    let (format, filters) = split_format(req.query_string())?;
    let q: partners::dto::PartnerListQuery = parse_query(&filters)?;
    let select =
        partners::service::filtered(&state.db.read, &caller, scope, &q, q.trashed == Some(true))
            .await?;
    let (keys, labels) = custom_columns(&state.db.read, "partners").await?;
    let headers = headers(
        &[
            "id",
            "name",
            "kind",
            "is_customer",
            "is_supplier",
            "tax_id",
            "tax_country",
            "registration_number",
            "street",
            "city",
            "postal_code",
            "region",
            "country",
            "phones",
            "emails",
            "website",
            "group_id",
            "legal_form_id",
            "status",
            "tags",
            "notes",
            "primary_owner_id",
            "territory_id",
            "created_at",
            "updated_at",
        ],
        labels,
    );
    let cells = move |m: &partner::Model| {
        let mut row = vec![
            m.id.clone(),
            m.name.clone(),
            m.kind.clone(),
            m.is_customer.to_string(),
            m.is_supplier.to_string(),
            opt(&m.tax_id),
            opt(&m.tax_country),
            opt(&m.registration_number),
            opt(&m.street),
            opt(&m.city),
            opt(&m.postal_code),
            opt(&m.region),
            opt(&m.country),
            list(&m.phones),
            list(&m.emails),
            opt(&m.website),
            opt(&m.group_id),
            opt(&m.legal_form_id),
            m.status.clone(),
            list(&m.tags),
            opt(&m.notes),
            opt(&m.primary_owner_id),
            opt(&m.territory_id),
            m.created_at.to_rfc3339(),
            m.updated_at.to_rfc3339(),
        ];
        row.extend(custom_cells(&m.custom_fields, &keys));
        (m.id.clone(), row)
    };
    record(&state, &caller, Resource::Partners, format, &filters).await?;
    let pages = pager(state.db.read.clone(), select, partner::Column::Id, cells);
    Ok(respond(format, headers, pages, "partners"))
}

#[utoipa::path(get, path = "/api/v1/persons/export", tag = "persons",
    params(crate::persons::dto::PersonListQuery, ("format" = Option<ExportFormat>, Query, description = "`csv` (default) or `xlsx`")),
    responses((status = 200, description = "The persons the list's filters leave, within the scope of the caller's `persons:export` grant, streamed", content_type = "text/csv")))]
pub async fn export_persons(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    use persons::entity as person;
    let scope = caller.require(Resource::Persons, Action::Export)?;
    let (format, filters) = split_format(req.query_string())?;
    let q: persons::dto::PersonListQuery = parse_query(&filters)?;
    let select =
        persons::service::filtered(&state.db.read, &caller, scope, &q, q.trashed == Some(true));
    let (keys, labels) = custom_columns(&state.db.read, "persons").await?;
    let headers = headers(
        &[
            "id",
            "first_name",
            "last_name",
            "partner_id",
            "branch_id",
            "position",
            "emails",
            "phones",
            "marketing_consent",
            "consent_at",
            "consent_source",
            "created_at",
            "updated_at",
        ],
        labels,
    );
    let cells = move |m: &person::Model| {
        let mut row = vec![
            m.id.clone(),
            m.first_name.clone(),
            m.last_name.clone(),
            opt(&m.partner_id),
            opt(&m.branch_id),
            opt(&m.position),
            list(&m.emails),
            list(&m.phones),
            m.marketing_consent.to_string(),
            m.consent_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            opt(&m.consent_source),
            m.created_at.to_rfc3339(),
            m.updated_at.to_rfc3339(),
        ];
        row.extend(custom_cells(&m.custom_fields, &keys));
        (m.id.clone(), row)
    };
    record(&state, &caller, Resource::Persons, format, &filters).await?;
    let pages = pager(state.db.read.clone(), select, person::Column::Id, cells);
    Ok(respond(format, headers, pages, "persons"))
}

#[utoipa::path(get, path = "/api/v1/leads/export", tag = "leads",
    params(crate::leads::dto::LeadListQuery, ("format" = Option<ExportFormat>, Query, description = "`csv` (default) or `xlsx`")),
    responses((status = 200, description = "The leads the list's filters leave, within the scope of the caller's `leads:export` grant, streamed", content_type = "text/csv")))]
pub async fn export_leads(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    use leads::entity as lead;
    let scope = caller.require(Resource::Leads, Action::Export)?;
    let (format, filters) = split_format(req.query_string())?;
    let q: leads::dto::LeadListQuery = parse_query(&filters)?;
    let select =
        leads::service::filtered(&state.db.read, &caller, scope, &q, q.trashed == Some(true));
    let (keys, labels) = custom_columns(&state.db.read, "leads").await?;
    let headers = headers(
        &[
            "id",
            "first_name",
            "last_name",
            "company_name",
            "email",
            "phone",
            "city",
            "country",
            "source_id",
            "status",
            "notes",
            "owner_id",
            "created_at",
            "updated_at",
        ],
        labels,
    );
    let cells = move |m: &lead::Model| {
        let mut row = vec![
            m.id.clone(),
            m.first_name.clone(),
            m.last_name.clone(),
            opt(&m.company_name),
            opt(&m.email),
            opt(&m.phone),
            opt(&m.city),
            opt(&m.country),
            opt(&m.source_id),
            m.status.clone(),
            opt(&m.notes),
            opt(&m.owner_id),
            m.created_at.to_rfc3339(),
            m.updated_at.to_rfc3339(),
        ];
        row.extend(custom_cells(&m.custom_fields, &keys));
        (m.id.clone(), row)
    };
    record(&state, &caller, Resource::Leads, format, &filters).await?;
    let pages = pager(state.db.read.clone(), select, lead::Column::Id, cells);
    Ok(respond(format, headers, pages, "leads"))
}
