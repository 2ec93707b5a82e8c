//! The whitelist of fields a resource lets clients filter and sort on. Only these names ever reach
//! SQL, and each names a real column with a known type; the SPA reads them from
//! `GET /api/v1/meta/{resource}/fields` to build its filter builder.
use sea_orm::sea_query::{Alias, Expr, SimpleExpr};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy)]
pub enum Kind {
    String,
    Number,
    Boolean,
    Date,
    DateTime,
    Enum(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub column: &'static str,
    pub kind: Kind,
    pub filterable: bool,
    pub sortable: bool,
    /// Whether the column can hold NULL (then it is not offered for sorting: keyset needs total order).
    pub nullable: bool,
}

impl Field {
    pub const fn new(name: &'static str, kind: Kind) -> Self {
        Self {
            name,
            column: name,
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
}

pub struct ResourceFields {
    pub resource: &'static str,
    pub table: &'static str,
    pub fields: &'static [Field],
    /// Used when the client names no sort.
    pub default_sort: &'static str,
}

impl ResourceFields {
    pub fn get(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn expr(&self, field: &Field) -> SimpleExpr {
        Expr::col((Alias::new(self.table), Alias::new(field.column))).into()
    }

    pub fn id_expr(&self) -> SimpleExpr {
        Expr::col((Alias::new(self.table), Alias::new("id"))).into()
    }

    pub fn describe(&self) -> FieldsResponse {
        FieldsResponse {
            resource: self.resource.into(),
            fields: self
                .fields
                .iter()
                .map(|f| FieldInfo {
                    name: f.name.into(),
                    r#type: match f.kind {
                        Kind::String => FieldType::String,
                        Kind::Number => FieldType::Number,
                        Kind::Boolean => FieldType::Boolean,
                        Kind::Date => FieldType::Date,
                        Kind::DateTime => FieldType::Datetime,
                        Kind::Enum(_) => FieldType::Enum,
                    },
                    filterable: f.filterable,
                    sortable: f.sortable,
                    values: match f.kind {
                        Kind::Enum(values) => Some(values.iter().map(|v| v.to_string()).collect()),
                        _ => None,
                    },
                })
                .collect(),
        }
    }
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
}

#[derive(Serialize, ToSchema)]
pub struct FieldInfo {
    pub name: String,
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
