//! The whitelist of fields a resource lets clients filter and sort on. Only these names ever reach
//! SQL, and each names a real column (or a key of the `custom_fields` JSON column) with a known type;
//! the SPA reads them from `GET /api/v1/meta/{resource}/fields` to build its filter builder.
use sea_orm::sea_query::{Alias, Expr, SimpleExpr};
use sea_orm::DatabaseBackend;
use serde::Serialize;
use std::borrow::Cow;
use utoipa::ToSchema;

/// The name prefix of custom fields in filters and sorts: `custom.<key>`.
pub const CUSTOM_PREFIX: &str = "custom.";

#[derive(Debug, Clone)]
pub enum Kind {
    String,
    Number,
    Boolean,
    Date,
    DateTime,
    Enum(&'static [&'static str]),
    /// One value out of an administrator's list (custom single choice).
    Choice(Vec<String>),
    /// Any number of values out of an administrator's list, stored as a JSON array.
    MultiChoice(Vec<String>),
}

impl Kind {
    /// The allowed values of a choice, whoever defined them.
    pub fn choices(&self) -> Option<Vec<String>> {
        match self {
            Kind::Enum(values) => Some(values.iter().map(|v| v.to_string()).collect()),
            Kind::Choice(values) | Kind::MultiChoice(values) => Some(values.clone()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: Cow<'static, str>,
    pub column: &'static str,
    /// For a custom field: its key inside the `custom_fields` column.
    pub key: Option<String>,
    /// For a custom field: the administrator's label.
    pub label: Option<String>,
    pub kind: Kind,
    pub filterable: bool,
    pub sortable: bool,
    /// Whether the value can be NULL. Built-in nullable columns are not offered for sorting; custom
    /// fields are, and sort with NULLs last (first when descending) on both engines.
    pub nullable: bool,
}

impl Field {
    pub const fn new(name: &'static str, kind: Kind) -> Self {
        Self {
            name: Cow::Borrowed(name),
            column: name,
            key: None,
            label: None,
            kind,
            filterable: true,
            sortable: false,
            nullable: false,
        }
    }
    pub const fn sortable(mut self) -> Self {
        self.sortable = true;
        self
    }
    pub const fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// A custom field, addressed as `custom.<key>`.
    pub fn custom(key: &str, label: &str, kind: Kind, filterable: bool) -> Self {
        let sortable = filterable && !matches!(kind, Kind::MultiChoice(_));
        Self {
            name: Cow::Owned(format!("{CUSTOM_PREFIX}{key}")),
            column: "custom_fields",
            key: Some(key.to_owned()),
            label: Some(label.to_owned()),
            kind,
            filterable,
            sortable,
            nullable: true,
        }
    }

    /// The field's value in a record serialized as JSON (for cursors).
    pub fn value_in(&self, record: &serde_json::Value) -> serde_json::Value {
        let column = record.get(self.column);
        match &self.key {
            Some(key) => column.and_then(|c| c.get(key)),
            None => column,
        }
        .cloned()
        .unwrap_or_default()
    }
}

pub struct ResourceFields {
    pub resource: &'static str,
    pub table: &'static str,
    pub fields: &'static [Field],
    /// Used when the client names no sort.
    pub default_sort: &'static str,
}

/// What one request may filter and sort on: a resource's built-in fields plus the custom fields
/// administrators defined for it, with the engine that decides how a JSON key is read.
pub struct FieldSet<'a> {
    pub spec: &'a ResourceFields,
    pub custom: Vec<Field>,
    pub backend: DatabaseBackend,
    /// The rows are already narrowed to a few full-text hits: sort the hits rather than walk a sort
    /// index. PostgreSQL cannot estimate a prefix match well and, with a LIMIT, may otherwise scan
    /// the name index past most of a million rows looking for them.
    pub sort_hits: bool,
}

impl<'a> FieldSet<'a> {
    pub fn fixed(spec: &'a ResourceFields, backend: DatabaseBackend) -> Self {
        Self {
            spec,
            custom: Vec::new(),
            backend,
            sort_hits: false,
        }
    }

    /// The expression a list sorts (and pages) `field` by.
    pub fn sort_expr(&self, field: &Field) -> SimpleExpr {
        let expr = self.expr(field);
        let text = matches!(field.kind, Kind::String) && field.key.is_none();
        if self.sort_hits && text && self.backend == DatabaseBackend::Postgres {
            // Same order and collation, but no index serves it.
            Expr::cust_with_expr("($1 || '')", expr)
        } else {
            expr
        }
    }

    pub fn get(&self, name: &str) -> Option<&Field> {
        self.spec
            .fields
            .iter()
            .chain(&self.custom)
            .find(|f| f.name == name)
    }

    pub fn expr(&self, field: &Field) -> SimpleExpr {
        match &field.key {
            Some(key) => custom_expr(self.backend, self.spec.table, key, &field.kind),
            None => Expr::col((Alias::new(self.spec.table), Alias::new(field.column))).into(),
        }
    }

    pub fn id_expr(&self) -> SimpleExpr {
        Expr::col((Alias::new(self.spec.table), Alias::new("id"))).into()
    }

    pub fn describe(&self) -> FieldsResponse {
        FieldsResponse {
            resource: self.spec.resource.into(),
            fields: self
                .spec
                .fields
                .iter()
                .chain(&self.custom)
                .map(|f| FieldInfo {
                    name: f.name.to_string(),
                    label: f.label.clone(),
                    r#type: match f.kind {
                        Kind::String => FieldType::String,
                        Kind::Number => FieldType::Number,
                        Kind::Boolean => FieldType::Boolean,
                        Kind::Date => FieldType::Date,
                        Kind::DateTime => FieldType::Datetime,
                        Kind::Enum(_) | Kind::Choice(_) => FieldType::Enum,
                        Kind::MultiChoice(_) => FieldType::MultiEnum,
                    },
                    filterable: f.filterable,
                    sortable: f.sortable,
                    values: f.kind.choices(),
                })
                .collect(),
        }
    }
}

/// The SQL that reads custom field `key` of `table` as a comparable value. The same text is what
/// the expression index of a filterable field is built on (see `custom_fields::indexes`), so the
/// planner can use it. `key` is checked to be `[a-z][a-z0-9_]*` before it is ever defined.
pub fn custom_sql(backend: DatabaseBackend, table: &str, key: &str, kind: &Kind) -> String {
    match backend {
        DatabaseBackend::Postgres => {
            let text = format!("(\"{table}\".\"custom_fields\" ->> '{key}')");
            match kind {
                Kind::Number => format!("({text}::numeric)"),
                Kind::Boolean => format!("({text}::boolean)"),
                // A date stays ISO text, which sorts as the date does: the cast to `date` is not
                // immutable (it reads DateStyle), so no index could be built on it.
                Kind::MultiChoice(_) => format!("(\"{table}\".\"custom_fields\" -> '{key}')"),
                _ => text,
            }
        }
        _ => format!("json_extract(\"{table}\".\"custom_fields\", '$.{key}')"),
    }
}

fn custom_expr(backend: DatabaseBackend, table: &str, key: &str, kind: &Kind) -> SimpleExpr {
    Expr::cust(custom_sql(backend, table, key, kind))
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    String,
    Number,
    Boolean,
    Date,
    Datetime,
    Enum,
    /// A list of values out of `values` (custom multiple choice).
    MultiEnum,
}

#[derive(Serialize, ToSchema)]
pub struct FieldInfo {
    /// `custom.<key>` for custom fields.
    pub name: String,
    /// The administrator's label of a custom field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub r#type: FieldType,
    pub filterable: bool,
    pub sortable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldsResponse {
    pub resource: String,
    pub fields: Vec<FieldInfo>,
}
