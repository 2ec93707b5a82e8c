//! Keyset pagination. A page is `{items, next_cursor, total?}`; the cursor is opaque (base64url of the
//! sort spec, the last row's sort values and its id), so deep pages cost the same as the first and no
//! COUNT(*) runs unless `count=true` asks for it.
use super::fields::{Field, FieldSet, ResourceFields};
use super::filter::{self, typed_value, FilterNode};
use crate::error::ApiError;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use sea_orm::sea_query::{Condition, Expr, NullOrdering, Order, SimpleExpr};
use sea_orm::{
    ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;

/// Common list parameters.
#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    /// Also return `total` (costs a COUNT).
    pub count: Option<bool>,
    /// Comma-separated fields, `-` for descending: `name,-created_at`.
    #[param(max_length = 256)]
    #[validate(length(max = 256))]
    pub sort: Option<String>,
    /// List the trash (soft-deleted records) instead.
    pub trashed: Option<bool>,
}

/// The body of `POST /api/v1/<resource>/search`.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SearchBody {
    pub filter: Option<FilterNode>,
    #[schema(max_length = 256)]
    #[validate(length(max = 256))]
    pub sort: Option<String>,
    #[schema(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    #[schema(max_length = 2048)]
    #[validate(length(max = 2048))]
    pub cursor: Option<String>,
    pub count: Option<bool>,
    pub trashed: Option<bool>,
}

impl SearchBody {
    pub fn list_query(&self) -> ListQuery {
        ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            count: self.count,
            sort: self.sort.clone(),
            trashed: self.trashed,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Only when `count=true` was asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
            total: self.total,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Cursor {
    s: String,
    v: Vec<serde_json::Value>,
    id: String,
}

fn bad_sort(detail: String) -> ApiError {
    ApiError::bad_request("invalid_sort", detail)
}

pub fn parse_sort<'a>(
    spec: &'a FieldSet,
    sort: Option<&str>,
) -> Result<Vec<(&'a Field, Order)>, ApiError> {
    let raw = sort
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(spec.spec.default_sort);
    let mut keys = Vec::new();
    for part in raw.split(',').map(str::trim) {
        let (name, order) = match part.strip_prefix('-') {
            Some(n) => (n, Order::Desc),
            None => (part, Order::Asc),
        };
        let field = spec
            .get(name)
            .filter(|f| f.sortable)
            .ok_or_else(|| bad_sort(format!("Cannot sort by `{name}`.")))?;
        if keys
            .iter()
            .any(|(f, _): &(&Field, Order)| f.name == field.name)
        {
            return Err(bad_sort(format!("`{name}` appears twice in sort.")));
        }
        keys.push((field, order));
    }
    if keys.len() > 4 {
        return Err(bad_sort("Sort by at most 4 fields.".into()));
    }
    Ok(keys)
}

/// Rows strictly after the cursor row in the (sort keys, id) order. A NULL sorts after every value
/// ascending and before every value descending, as `order_by_with_nulls` asks of both engines.
fn after(
    keys: &[(&Field, Order)],
    values: &[Option<sea_orm::Value>],
    id: &str,
    spec: &FieldSet,
) -> Condition {
    let mut cols: Vec<(SimpleExpr, Order, Option<sea_orm::Value>)> = keys
        .iter()
        .zip(values)
        .map(|((f, o), v)| (spec.sort_expr(f), o.clone(), v.clone()))
        .collect();
    cols.push((spec.id_expr(), Order::Asc, Some(id.to_owned().into())));
    let mut any = Condition::any();
    for k in 0..cols.len() {
        let mut all = Condition::all();
        for (expr, _, v) in &cols[..k] {
            let e = Expr::expr(expr.clone());
            all = all.add(match v {
                Some(v) => e.eq(v.clone()),
                None => e.is_null(),
            });
        }
        let (expr, order, v) = &cols[k];
        let e = Expr::expr(expr.clone());
        all = all.add(match (order, v) {
            (Order::Desc, Some(v)) => Condition::all().add(e.lt(v.clone())),
            (Order::Desc, None) => Condition::all().add(e.is_not_null()),
            (_, Some(v)) => Condition::any()
                .add(Expr::expr(expr.clone()).gt(v.clone()))
                .add(e.is_null()),
            // Nothing sorts after NULL ascending: only ties on the following keys remain.
            (_, None) => Condition::all().add(Expr::cust("1 = 0")),
        });
        any = any.add(all);
    }
    any
}

/// Runs `select` (already narrowed by scope and typed filters) as one keyset page.
pub async fn fetch_page<E>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    spec: &ResourceFields,
    query: &ListQuery,
    filter: Option<&FilterNode>,
) -> Result<Page<E::Model>, ApiError>
where
    E: EntityTrait,
    E::Model: Serialize + FromQueryResult + Sync + Send,
{
    let fields = FieldSet::fixed(spec, db.get_database_backend());
    fetch_page_in(db, select, &fields, query, filter).await
}

/// `fetch_page` over a field set that may hold custom fields.
pub async fn fetch_page_in<E>(
    db: &impl ConnectionTrait,
    mut select: Select<E>,
    spec: &FieldSet<'_>,
    query: &ListQuery,
    filter: Option<&FilterNode>,
) -> Result<Page<E::Model>, ApiError>
where
    E: EntityTrait,
    E::Model: Serialize + FromQueryResult + Sync + Send,
{
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_limit",
            format!("limit must be 1 to {MAX_LIMIT}."),
        ));
    }
    if let Some(node) = filter {
        select = select.filter(filter::to_condition(node, spec)?);
    }
    let keys = parse_sort(spec, query.sort.as_deref())?;
    let sort_key: String = keys
        .iter()
        .map(|(f, o)| {
            format!(
                "{}{}",
                if matches!(o, Order::Desc) { "-" } else { "" },
                f.name
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let total = match query.count {
        Some(true) => Some(select.clone().count(db).await?),
        _ => None,
    };
    // An empty `cursor=` is the first page, as clients that always send the parameter expect.
    if let Some(raw) = query.cursor.as_ref().filter(|c| !c.is_empty()) {
        let bad = || {
            ApiError::bad_request(
                "invalid_cursor",
                "The cursor is invalid or belongs to another sort.",
            )
        };
        let cursor: Cursor = URL_SAFE_NO_PAD
            .decode(raw)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .filter(|c: &Cursor| c.s == sort_key && c.v.len() == keys.len())
            .ok_or_else(bad)?;
        let values = keys
            .iter()
            .zip(&cursor.v)
            .map(|((f, _), v)| match v {
                serde_json::Value::Null if f.nullable => Ok(None),
                v => typed_value(f, v, "cursor").map(Some).map_err(|_| bad()),
            })
            .collect::<Result<Vec<_>, _>>()?;
        select = select.filter(after(&keys, &values, &cursor.id, spec));
    }
    for (f, o) in &keys {
        select = if f.nullable {
            let nulls = match o {
                Order::Desc => NullOrdering::First,
                _ => NullOrdering::Last,
            };
            select.order_by_with_nulls(spec.sort_expr(f), o.clone(), nulls)
        } else {
            select.order_by(spec.sort_expr(f), o.clone())
        };
    }
    select = select.order_by(spec.id_expr(), Order::Asc);
    let mut rows = select.limit(limit + 1).all(db).await?;
    let next_cursor = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last()
            .map(|last| encode_cursor(&sort_key, &keys, last))
            .transpose()?
    } else {
        None
    };
    Ok(Page {
        items: rows,
        next_cursor,
        total,
    })
}

fn encode_cursor(
    sort_key: &str,
    keys: &[(&Field, Order)],
    row: &impl Serialize,
) -> Result<String, ApiError> {
    let json = serde_json::to_value(row).map_err(|e| ApiError::Internal(e.into()))?;
    let v = keys.iter().map(|(f, _)| f.value_in(&json)).collect();
    let id = json
        .get("id")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned();
    let bytes = serde_json::to_vec(&Cursor {
        s: sort_key.to_owned(),
        v,
        id,
    })
    .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}
