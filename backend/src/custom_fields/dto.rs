//! Bodies of the custom fields API.
use super::entity;
use crate::api::fields::Kind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

/// The records that can carry custom fields (tickets join when they land).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CustomEntity {
    Partners,
    Persons,
    Leads,
    Deals,
}

impl CustomEntity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Partners => "partners",
            Self::Persons => "persons",
            Self::Leads => "leads",
            Self::Deals => "deals",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CustomFieldType {
    Text,
    Number,
    Date,
    Boolean,
    Choice,
    MultiChoice,
}

impl CustomFieldType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Number => "number",
            Self::Date => "date",
            Self::Boolean => "boolean",
            Self::Choice => "choice",
            Self::MultiChoice => "multi_choice",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Text,
            Self::Number,
            Self::Date,
            Self::Boolean,
            Self::Choice,
            Self::MultiChoice,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }

    pub fn has_options(self) -> bool {
        matches!(self, Self::Choice | Self::MultiChoice)
    }

    /// How filters and sorts read a value of this type.
    pub fn kind(self, options: &[String]) -> Kind {
        match self {
            Self::Text => Kind::String,
            Self::Number => Kind::Number,
            Self::Date => Kind::Date,
            Self::Boolean => Kind::Boolean,
            Self::Choice => Kind::Choice(options.to_vec()),
            Self::MultiChoice => Kind::MultiChoice(options.to_vec()),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomField {
    pub id: String,
    pub entity: CustomEntity,
    /// The name of the value in a record's `custom_fields` and, as `custom.<key>`, in filters and sorts.
    #[schema(example = "annual_revenue")]
    pub key: String,
    #[schema(example = "Annual revenue")]
    pub label: String,
    pub field_type: CustomFieldType,
    /// The allowed values of a choice or multiple choice; empty otherwise.
    pub options: Vec<String>,
    /// A record cannot be created without a value, nor have it removed.
    pub required: bool,
    /// Shown as a column in lists.
    pub in_list: bool,
    /// Offered in filters and sorts, with an index behind it.
    pub filterable: bool,
    pub position: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl CustomField {
    /// `None` only for a row written by a newer version of the server.
    pub fn from_model(m: entity::Model) -> Option<Self> {
        let entity = match m.entity.as_str() {
            "partners" => CustomEntity::Partners,
            "persons" => CustomEntity::Persons,
            "leads" => CustomEntity::Leads,
            "deals" => CustomEntity::Deals,
            _ => return None,
        };
        Some(Self {
            field_type: CustomFieldType::parse(&m.field_type)?,
            options: m
                .options
                .and_then(|o| serde_json::from_value(o).ok())
                .unwrap_or_default(),
            entity,
            id: m.id,
            key: m.key,
            label: m.label,
            required: m.required,
            in_list: m.in_list,
            filterable: m.filterable,
            position: m.position,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        })
    }

    pub fn kind(&self) -> Kind {
        self.field_type.kind(&self.options)
    }
}

fn valid_key(key: &str) -> Result<(), ValidationError> {
    let mut chars = key.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_key")
            .with_message("Lowercase letters, digits and _, starting with a letter.".into()))
    }
}

pub(crate) fn valid_options(options: &[String]) -> Result<(), ValidationError> {
    for (i, o) in options.iter().enumerate() {
        let trimmed = o.trim();
        if trimmed.is_empty() || trimmed.chars().count() > 100 || trimmed != o {
            return Err(ValidationError::new("invalid_option")
                .with_message("Each option is 1 to 100 characters, without edge spaces.".into()));
        }
        if options[..i].contains(o) {
            return Err(ValidationError::new("duplicate_option")
                .with_message(format!("`{o}` is listed twice.").into()));
        }
    }
    Ok(())
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomField {
    pub entity: CustomEntity,
    #[validate(length(min = 1, max = 40), custom(function = "valid_key"))]
    #[schema(
        min_length = 1,
        max_length = 40,
        pattern = "^[a-z][a-z0-9_]*$",
        example = "annual_revenue"
    )]
    pub key: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "Annual revenue")]
    pub label: String,
    pub field_type: CustomFieldType,
    /// Required for choice and multiple choice, refused for other types.
    #[validate(length(max = 200), custom(function = "valid_options"))]
    #[schema(max_items = 200)]
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub in_list: bool,
    #[serde(default)]
    pub filterable: bool,
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub position: Option<i32>,
}

/// The key, entity and type never change: records and saved filters depend on them.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomField {
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub label: Option<String>,
    /// Values removed here stay on the records that hold them until those are edited.
    #[validate(length(min = 1, max = 200), custom(function = "valid_options"))]
    #[schema(max_items = 200)]
    pub options: Option<Vec<String>>,
    pub required: Option<bool>,
    pub in_list: Option<bool>,
    pub filterable: Option<bool>,
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub position: Option<i32>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CustomFieldQuery {
    /// Only the fields of this entity.
    pub entity: Option<CustomEntity>,
}
