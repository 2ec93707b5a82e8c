//! Bodies of the partners API.
use super::entity::partner;
use crate::api::fields::{Field, Kind, ResourceFields};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

pub const KINDS: &[&str] = &["company", "individual"];
pub const STATUSES: &[&str] = &["prospect", "active", "inactive"];
pub const OWNER_ROLES: &[&str] = &["primary", "deputy", "shared"];

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct Owner {
    pub user_id: String,
    /// `primary`, `deputy` or `shared`.
    #[schema(example = "primary")]
    pub role: String,
    /// The assignment rule that made this owner; none when set by hand.
    #[serde(default)]
    pub rule_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Partner {
    pub id: String,
    #[schema(example = "company")]
    pub kind: String,
    pub is_customer: bool,
    pub is_supplier: bool,
    pub name: String,
    pub legal_form_id: Option<String>,
    /// Normalized: no country prefix, spaces or dashes.
    pub tax_id: Option<String>,
    /// ISO 3166-1 alpha-2 country of the tax id.
    pub tax_country: Option<String>,
    pub registration_number: Option<String>,
    pub street: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub website: Option<String>,
    pub group_id: Option<String>,
    #[schema(example = "active")]
    pub status: String,
    /// Tag codes from the `tags` list.
    pub tags: Vec<String>,
    pub notes: Option<String>,
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub custom_fields: serde_json::Value,
    pub primary_owner_id: Option<String>,
    pub owners: Vec<Owner>,
    /// The territory the address lies in (derived; see `/api/v1/territories`).
    pub territory_id: Option<String>,
    /// Owners set by hand that automatic assignment leaves alone.
    pub owners_locked: bool,
    /// The lead this partner was converted from (its history stays under that lead's id).
    pub lead_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub version: i32,
}

fn strings(v: &Option<serde_json::Value>) -> Vec<String> {
    v.as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

impl Partner {
    pub fn from_model(m: partner::Model, owners: Vec<Owner>) -> Self {
        Self {
            phones: strings(&m.phones),
            emails: strings(&m.emails),
            tags: strings(&m.tags),
            custom_fields: m.custom_fields.unwrap_or_else(|| serde_json::json!({})),
            id: m.id,
            kind: m.kind,
            is_customer: m.is_customer,
            is_supplier: m.is_supplier,
            name: m.name,
            legal_form_id: m.legal_form_id,
            tax_id: m.tax_id,
            tax_country: m.tax_country,
            registration_number: m.registration_number,
            street: m.street,
            city: m.city,
            postal_code: m.postal_code,
            region: m.region,
            country: m.country,
            website: m.website,
            group_id: m.group_id,
            status: m.status,
            notes: m.notes,
            primary_owner_id: m.primary_owner_id,
            owners,
            territory_id: m.territory_id,
            owners_locked: m.owners_locked,
            lead_id: m.lead_id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            deleted_at: m.deleted_at,
            version: m.version,
        }
    }
}

pub fn valid_emails(emails: &[String]) -> Result<(), ValidationError> {
    use validator::ValidateEmail;
    if emails.iter().all(|e| e.validate_email() && e.len() <= 254) {
        Ok(())
    } else {
        Err(ValidationError::new("email")
            .with_message("Every email must be a valid address.".into()))
    }
}

pub fn valid_phones(phones: &[String]) -> Result<(), ValidationError> {
    let ok = phones.iter().all(|p| {
        (3..=40).contains(&p.len())
            && p.chars()
                .all(|c| c.is_ascii_digit() || " +-()/.".contains(c))
    });
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("phone")
            .with_message("Phones hold digits, spaces and + - ( ) / . only.".into()))
    }
}

pub fn valid_country(country: &str) -> Result<(), ValidationError> {
    if country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(ValidationError::new("country")
            .with_message("Use the ISO 3166-1 two-letter code, e.g. HR.".into()))
    }
}

pub fn one_of(value: &str, allowed: &[&str]) -> Result<(), ValidationError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_choice")
            .with_message(format!("One of: {}.", allowed.join(", ")).into()))
    }
}

fn valid_kind(v: &str) -> Result<(), ValidationError> {
    one_of(v, KINDS)
}

fn valid_status(v: &str) -> Result<(), ValidationError> {
    one_of(v, STATUSES)
}

/// The fields a client may write: the body of create (where `name` is required; the creator
/// becomes the primary owner) and of update. Owners change through `PUT .../owners`. `null`
/// clears the list links, the country and the tax id.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PartnerFields {
    #[validate(custom(function = "valid_kind"))]
    #[schema(example = "company")]
    pub kind: Option<String>,
    pub is_customer: Option<bool>,
    pub is_supplier: Option<bool>,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300, example = "Kraš d.d.")]
    pub name: Option<String>,
    #[schema(value_type = Option<String>, max_length = 36)]
    #[serde(default, deserialize_with = "crate::api::double_option")]
    pub legal_form_id: Option<Option<String>>,
    #[validate(length(min = 1, max = 40))]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 40, example = "HR 69435151530")]
    #[serde(default, deserialize_with = "crate::api::double_option")]
    pub tax_id: Option<Option<String>>,
    #[validate(custom(function = "valid_country"))]
    #[schema(value_type = Option<String>, min_length = 2, max_length = 2, example = "HR")]
    #[serde(default, deserialize_with = "crate::api::double_option")]
    pub tax_country: Option<Option<String>>,
    #[validate(length(max = 60))]
    #[schema(max_length = 60)]
    pub registration_number: Option<String>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub street: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub city: Option<String>,
    #[validate(length(max = 20))]
    #[schema(max_length = 20)]
    pub postal_code: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub region: Option<String>,
    #[validate(custom(function = "valid_country"))]
    #[schema(value_type = Option<String>, min_length = 2, max_length = 2)]
    #[serde(default, deserialize_with = "crate::api::double_option")]
    pub country: Option<Option<String>>,
    #[validate(length(max = 10), custom(function = "valid_phones"))]
    #[schema(max_items = 10)]
    pub phones: Option<Vec<String>>,
    #[validate(length(max = 10), custom(function = "valid_emails"))]
    #[schema(max_items = 10)]
    pub emails: Option<Vec<String>>,
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub website: Option<String>,
    #[schema(value_type = Option<String>, max_length = 36)]
    #[serde(default, deserialize_with = "crate::api::double_option")]
    pub group_id: Option<Option<String>>,
    #[validate(custom(function = "valid_status"))]
    #[schema(example = "active")]
    pub status: Option<String>,
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    pub tags: Option<Vec<String>>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// Values of the custom fields defined for partners: keys to set, `null` removes a value, keys
    /// left out keep theirs.
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `PUT /api/v1/partners/{id}/owners`: the whole ownership at once.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SetOwners {
    #[schema(max_length = 36)]
    pub primary_id: Option<String>,
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    #[serde(default)]
    pub deputy_ids: Vec<String>,
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    #[serde(default)]
    pub shared_ids: Vec<String>,
    /// Locks these owners against automatic reassignment (`false` unlocks; left out: unchanged).
    pub locked: Option<bool>,
}

/// What to look for before creating a partner.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DuplicateQuery {
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub name: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub city: Option<String>,
    #[validate(length(max = 40))]
    #[schema(max_length = 40)]
    pub tax_id: Option<String>,
    #[validate(custom(function = "valid_country"))]
    #[schema(min_length = 2, max_length = 2)]
    pub tax_country: Option<String>,
    #[validate(length(max = 10), custom(function = "valid_emails"))]
    #[serde(default)]
    #[schema(max_items = 10)]
    pub emails: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicateMatch {
    pub partner: Partner,
    /// Why it looks like the same partner: `tax_id`, `email`, `name_city`.
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Duplicates {
    /// Likely duplicates the caller may see.
    pub matches: Vec<DuplicateMatch>,
    /// Likely duplicates outside the caller's scope (not shown; ask a manager).
    pub hidden_matches: u64,
}

/// Typed filters of `GET /api/v1/partners`.
#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PartnerListQuery {
    /// Matches name, tax id or city (case-insensitive, contains).
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub group_id: Option<String>,
    /// Partners where this user is the primary owner.
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub owner_id: Option<String>,
    /// Only partners with no primary owner.
    pub unassigned: Option<bool>,
    /// Only partners the caller owns: as primary, deputy or shared owner ("my partners").
    pub mine: Option<bool>,
    /// Only partners in this territory or one under it.
    #[param(max_length = 36)]
    #[validate(length(max = 36))]
    pub territory_id: Option<String>,
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub status: Option<String>,
    #[param(max_length = 20)]
    #[validate(length(max = 20))]
    pub kind: Option<String>,
    pub is_customer: Option<bool>,
    pub is_supplier: Option<bool>,
    #[param(max_length = 2)]
    #[validate(length(max = 2))]
    pub country: Option<String>,
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
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

impl PartnerListQuery {
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
    resource: "partners",
    table: "partners",
    default_sort: "name",
    fields: &[
        Field::new("name", Kind::String).sortable(),
        Field::new("kind", Kind::Enum(KINDS)),
        Field::new("is_customer", Kind::Boolean),
        Field::new("is_supplier", Kind::Boolean),
        Field::new("tax_id", Kind::String).nullable(),
        Field::new("tax_country", Kind::String).nullable(),
        Field::new("registration_number", Kind::String).nullable(),
        Field::new("city", Kind::String).nullable(),
        Field::new("postal_code", Kind::String).nullable(),
        Field::new("region", Kind::String).nullable(),
        Field::new("country", Kind::String).nullable(),
        Field::new("group_id", Kind::String).nullable(),
        Field::new("legal_form_id", Kind::String).nullable(),
        Field::new("status", Kind::Enum(STATUSES)),
        Field::new("primary_owner_id", Kind::String).nullable(),
        Field::new("created_at", Kind::DateTime).sortable(),
        Field::new("updated_at", Kind::DateTime).sortable(),
    ],
};

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct MergePartner {
    /// The duplicate that disappears into this partner.
    #[validate(length(min = 1, max = 36))]
    #[schema(min_length = 1, max_length = 36)]
    pub duplicate_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MergeResult {
    /// The partner that stays, with the duplicate's owners as shared owners.
    pub partner: Partner,
    pub moved_branches: u64,
    pub moved_persons: u64,
    pub moved_activities: u64,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BulkAction {
    AddTags,
    RemoveTags,
    SetGroup,
    /// Makes `owner_id` the primary owner (set by hand; `lock` keeps it from automatic
    /// reassignment). Needs `partners:assign`.
    SetOwner,
    Delete,
}

/// `POST /api/v1/partners/bulk`: one action on many partners, all or nothing.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct BulkPartners {
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_items = 1, max_items = 1000)]
    pub ids: Vec<String>,
    pub action: BulkAction,
    /// Tag codes, for `add_tags` and `remove_tags`.
    #[validate(length(max = 50))]
    #[schema(max_items = 50)]
    #[serde(default)]
    pub tags: Vec<String>,
    /// For `set_group`; null clears it.
    #[schema(max_length = 36)]
    pub group_id: Option<String>,
    /// For `set_owner`: the new primary owner.
    #[schema(max_length = 36)]
    pub owner_id: Option<String>,
    /// For `set_owner`: lock (or unlock) the owners against automatic reassignment.
    pub lock: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResult {
    pub changed: u64,
}
