//! The JSON filter tree (`{"and": [{"field": "email", "op": "contains", "value": "@firma.hr"}]}`),
//! checked against a resource's field whitelist and translated into a sea-query condition with bound
//! values. Depth and size are capped so a filter cannot become a denial of service.
use super::fields::{Field, FieldSet, Kind};
use crate::error::{ApiError, FieldError};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Condition, Expr, Func, LikeExpr, SimpleExpr, Value};
use sea_orm::DatabaseBackend;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const MAX_DEPTH: usize = 6;
const MAX_NODES: usize = 100;
const MAX_IN: usize = 500;

/// A node of the filter tree: a group (`and`, `or`), a negation (`not`) or a condition.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(untagged)]
pub enum FilterNode {
    And(AndNode),
    Or(OrNode),
    Not(NotNode),
    Condition(ConditionNode),
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AndNode {
    #[schema(no_recursion)]
    pub and: Vec<FilterNode>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OrNode {
    #[schema(no_recursion)]
    pub or: Vec<FilterNode>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NotNode {
    #[schema(no_recursion)]
    pub not: Box<FilterNode>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConditionNode {
    #[schema(max_length = 64)]
    pub field: String,
    pub op: FilterOp,
    /// A scalar, or an array for `in`, or a boolean for `is_null`.
    #[serde(default)]
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FilterOp {
    Eq,
    Ne,
    Lt,
    Lte,
    Gt,
    Gte,
    Contains,
    StartsWith,
    In,
    IsNull,
}

fn invalid(path: &str, code: &str, message: impl Into<String>) -> ApiError {
    ApiError::BadRequest {
        code: "invalid_filter",
        detail: "The filter is invalid.".into(),
        errors: vec![FieldError::new(path, code, message)],
    }
}

pub fn to_condition(node: &FilterNode, spec: &FieldSet) -> Result<Condition, ApiError> {
    let mut budget = MAX_NODES;
    build(node, spec, "filter", 0, &mut budget)
}

fn build(
    node: &FilterNode,
    spec: &FieldSet,
    path: &str,
    depth: usize,
    budget: &mut usize,
) -> Result<Condition, ApiError> {
    if depth > MAX_DEPTH {
        return Err(invalid(
            path,
            "too_deep",
            format!("Filters nest at most {MAX_DEPTH} levels."),
        ));
    }
    if *budget == 0 {
        return Err(invalid(
            path,
            "too_large",
            format!("A filter has at most {MAX_NODES} nodes."),
        ));
    }
    *budget -= 1;
    let group = |children: &[FilterNode], mut cond: Condition, key: &str, budget: &mut usize| {
        for (i, child) in children.iter().enumerate() {
            cond = cond.add(build(
                child,
                spec,
                &format!("{path}.{key}.{i}"),
                depth + 1,
                budget,
            )?);
        }
        Ok::<_, ApiError>(cond)
    };
    match node {
        FilterNode::And(n) => group(&n.and, Condition::all(), "and", budget),
        FilterNode::Or(n) => group(&n.or, Condition::any(), "or", budget),
        FilterNode::Not(n) => {
            Ok(build(&n.not, spec, &format!("{path}.not"), depth + 1, budget)?.not())
        }
        FilterNode::Condition(c) => leaf(c, spec, path),
    }
}

fn leaf(c: &ConditionNode, spec: &FieldSet, path: &str) -> Result<Condition, ApiError> {
    let field = spec.get(&c.field).filter(|f| f.filterable).ok_or_else(|| {
        invalid(
            &format!("{path}.field"),
            "unknown_field",
            format!("`{}` cannot be filtered on.", c.field),
        )
    })?;
    let col = spec.expr(field);
    let vpath = format!("{path}.value");
    if matches!(field.kind, Kind::MultiChoice(_)) && !matches!(c.op, FilterOp::IsNull) {
        return has_any(spec, field, c, path);
    }
    let expr: SimpleExpr = match c.op {
        FilterOp::IsNull => match c.value.as_bool() {
            Some(true) => Expr::expr(col).is_null(),
            Some(false) => Expr::expr(col).is_not_null(),
            None => {
                return Err(invalid(
                    &vpath,
                    "expected_boolean",
                    "is_null takes true or false.",
                ))
            }
        },
        FilterOp::In => {
            let items = c
                .value
                .as_array()
                .filter(|a| !a.is_empty() && a.len() <= MAX_IN)
                .ok_or_else(|| {
                    invalid(
                        &vpath,
                        "expected_array",
                        format!("in takes 1 to {MAX_IN} values."),
                    )
                })?;
            let values = items
                .iter()
                .map(|v| typed_value(field, v, &vpath))
                .collect::<Result<Vec<_>, _>>()?;
            Expr::expr(col).is_in(values)
        }
        FilterOp::Contains | FilterOp::StartsWith => {
            if !matches!(field.kind, Kind::String) {
                return Err(invalid(
                    &format!("{path}.op"),
                    "unsupported_op",
                    "Text matching works on text fields only.",
                ));
            }
            let text = c
                .value
                .as_str()
                .ok_or_else(|| invalid(&vpath, "expected_string", "Expected text."))?;
            let escaped = escape_like(&text.to_lowercase());
            let pattern = match c.op {
                FilterOp::Contains => format!("%{escaped}%"),
                _ => format!("{escaped}%"),
            };
            Expr::expr(Func::lower(col)).like(LikeExpr::new(pattern).escape('\\'))
        }
        op => {
            let value = typed_value(field, &c.value, &vpath)?;
            let e = Expr::expr(col);
            match op {
                FilterOp::Eq => e.eq(value),
                FilterOp::Ne => e.ne(value),
                FilterOp::Lt => e.lt(value),
                FilterOp::Lte => e.lte(value),
                FilterOp::Gt => e.gt(value),
                _ => e.gte(value),
            }
        }
    };
    Ok(Condition::all().add(expr))
}

/// A multiple-choice field holding `value` (`eq`) or any of `value` (`in`).
fn has_any(
    spec: &FieldSet,
    field: &Field,
    c: &ConditionNode,
    path: &str,
) -> Result<Condition, ApiError> {
    let vpath = format!("{path}.value");
    let wanted: Vec<&serde_json::Value> =
        match c.op {
            FilterOp::Eq => vec![&c.value],
            FilterOp::In => c
                .value
                .as_array()
                .filter(|a| !a.is_empty() && a.len() <= MAX_IN)
                .ok_or_else(|| {
                    invalid(
                        &vpath,
                        "expected_array",
                        format!("in takes 1 to {MAX_IN} values."),
                    )
                })?
                .iter()
                .collect(),
            _ => return Err(invalid(
                &format!("{path}.op"),
                "unsupported_op",
                "A multiple choice is filtered with eq (has the value), in (has any) or is_null.",
            )),
        };
    let list = spec.expr(field);
    let mut any = Condition::any();
    for v in wanted {
        let value = typed_value(field, v, &vpath)?;
        any = any.add(match spec.backend {
            // Each engine's own placeholder: `$n` here, `?` for SQLite.
            DatabaseBackend::Postgres => Expr::cust_with_exprs(
                "$1 @> jsonb_build_array($2::text)",
                [list.clone(), Expr::val(value).into()],
            ),
            _ => Expr::cust_with_exprs(
                "EXISTS (SELECT 1 FROM json_each(?) WHERE json_each.value = ?)",
                [list.clone(), Expr::val(value).into()],
            ),
        });
    }
    Ok(any)
}

/// Case-insensitive "contains `text`" over any of `exprs`; LIKE's wildcards in `text` are literal.
/// The quick `q` filter of small lists (users) uses it; big ones have a full-text index (`fts`).
pub fn contains_any(exprs: impl IntoIterator<Item = SimpleExpr>, text: &str) -> Condition {
    let pattern = format!("%{}%", escape_like(&text.to_lowercase()));
    exprs.into_iter().fold(Condition::any(), |any, e| {
        any.add(Expr::expr(Func::lower(e)).like(LikeExpr::new(pattern.clone()).escape('\\')))
    })
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A JSON value converted to the SQL type of the field, or a field error.
pub fn typed_value(field: &Field, v: &serde_json::Value, path: &str) -> Result<Value, ApiError> {
    let bad = |code: &str, msg: &str| invalid(path, code, msg.to_owned());
    Ok(match field.kind {
        Kind::String => Value::from(
            v.as_str()
                .ok_or_else(|| bad("expected_string", "Expected text."))?
                .to_owned(),
        ),
        Kind::Number => match (v.as_i64(), v.as_f64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(f)) => Value::from(f),
            _ => return Err(bad("expected_number", "Expected a number.")),
        },
        Kind::Boolean => Value::from(
            v.as_bool()
                .ok_or_else(|| bad("expected_boolean", "Expected true or false."))?,
        ),
        Kind::Date => {
            let s = v
                .as_str()
                .ok_or_else(|| bad("expected_date", "Expected a date (YYYY-MM-DD)."))?;
            let date = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| bad("expected_date", "Expected a date (YYYY-MM-DD)."))?;
            match field.key {
                // Custom dates are stored and compared as ISO text (see `fields::custom_sql`).
                Some(_) => Value::from(date.format("%Y-%m-%d").to_string()),
                None => Value::from(date),
            }
        }
        Kind::DateTime => {
            let s = v
                .as_str()
                .ok_or_else(|| bad("expected_datetime", "Expected an RFC 3339 timestamp."))?;
            let t = DateTime::parse_from_rfc3339(s)
                .map_err(|_| bad("expected_datetime", "Expected an RFC 3339 timestamp."))?
                .with_timezone(&Utc);
            Value::from(t)
        }
        Kind::Enum(_) | Kind::Choice(_) | Kind::MultiChoice(_) => {
            let values = field.kind.choices().unwrap_or_default();
            let s = v
                .as_str()
                .filter(|s| values.iter().any(|c| c == s))
                .ok_or_else(|| {
                    bad(
                        "invalid_choice",
                        &format!("Expected one of: {}.", values.join(", ")),
                    )
                })?;
            Value::from(s.to_owned())
        }
    })
}
