//! Request and response bodies of the users API. Writes reject unknown fields; server-managed fields
//! (id, version, status, timestamps) are never read from a body.
use super::entity::user;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub const LOCALES: &[&str] = &["en", "hr", "pl", "ro"];
pub const STATUSES: &[&str] = &["active", "disabled"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    #[schema(example = "active")]
    pub status: UserStatus,
    pub locale: Locale,
    /// Keys of the user's roles.
    pub roles: Vec<String>,
    /// Price of an hour of the user's time in minor units (cents) of `rate_currency`; prices contacts.
    pub hourly_rate: Option<i64>,
    pub rate_currency: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub version: i32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    Active,
    Disabled,
}

impl UserStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Disabled => "disabled",
        }
    }
}

/// The interface languages.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    En,
    Hr,
    Pl,
    Ro,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Hr => "hr",
            Self::Pl => "pl",
            Self::Ro => "ro",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "hr" => Self::Hr,
            "pl" => Self::Pl,
            "ro" => Self::Ro,
            _ => Self::En,
        }
    }
}

impl User {
    pub fn from_model(m: user::Model, roles: Vec<String>) -> Self {
        Self {
            status: if m.status == "disabled" {
                UserStatus::Disabled
            } else {
                UserStatus::Active
            },
            locale: Locale::parse(&m.locale),
            hourly_rate: m.hourly_rate,
            rate_currency: m.rate_currency,
            id: m.id,
            email: m.email,
            name: m.name,
            roles,
            created_at: m.created_at,
            updated_at: m.updated_at,
            deleted_at: m.deleted_at,
            version: m.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254, example = "ana.horvat@example.hr")]
    pub email: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Ana Horvat")]
    pub name: String,
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256, format = "password")]
    pub password: String,
    /// Role keys, e.g. `["sales_rep"]`.
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub roles: Vec<String>,
    pub locale: Option<Locale>,
    #[validate(range(min = 0, max = 100_000_000))]
    #[schema(minimum = 0, maximum = 100_000_000, example = 4500)]
    pub hourly_rate: Option<i64>,
    #[validate(custom(function = "valid_currency"))]
    #[schema(min_length = 3, max_length = 3, example = "EUR")]
    pub rate_currency: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254)]
    pub email: Option<String>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub roles: Option<Vec<String>>,
    pub locale: Option<Locale>,
    #[validate(range(min = 0, max = 100_000_000))]
    #[schema(minimum = 0, maximum = 100_000_000, example = 4500)]
    pub hourly_rate: Option<i64>,
    #[validate(custom(function = "valid_currency"))]
    #[schema(min_length = 3, max_length = 3, example = "EUR")]
    pub rate_currency: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ResetPassword {
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256, format = "password")]
    pub password: String,
}

/// Typed filters of `GET /api/v1/users`.
#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct UserListQuery {
    /// Matches name or email (case-insensitive, contains).
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    pub status: Option<UserStatus>,
    /// A role key.
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub role: Option<String>,
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

pub static FIELDS: ResourceFields = ResourceFields {
    resource: "users",
    table: "users",
    default_sort: "name",
    fields: &[
        Field::new("email", Kind::String).sortable(),
        Field::new("name", Kind::String).sortable(),
        Field::new("status", Kind::Enum(STATUSES)),
        Field::new("locale", Kind::Enum(LOCALES)),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("updated_at", Kind::DateTime).sortable(),
    ],
};

impl UserListQuery {
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

/// ISO 4217: three upper-case letters.
pub fn valid_currency(code: &str) -> Result<(), validator::ValidationError> {
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("currency")
            .with_message("Use an ISO 4217 code such as EUR.".into()))
    }
}
