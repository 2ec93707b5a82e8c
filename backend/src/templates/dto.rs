//! Bodies of the templates and mailings API.
use super::entity::{mailing, template};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

pub const LANGUAGES: &[&str] = &["en", "hr", "pl", "ro"];
pub const PURPOSES: &[&str] = &["transactional", "marketing"];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EmailTemplate {
    pub id: String,
    /// Shared by the language versions of one template.
    #[schema(example = "spring_offer")]
    pub key: String,
    /// en, hr, pl or ro.
    pub language: String,
    pub name: String,
    /// transactional, or marketing: sent only to persons who consented, with an unsubscribe link.
    pub purpose: String,
    pub subject: String,
    pub html: Option<String>,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<template::Model> for EmailTemplate {
    fn from(m: template::Model) -> Self {
        Self {
            id: m.id,
            key: m.key,
            language: m.language,
            name: m.name,
            purpose: m.purpose,
            subject: m.subject,
            html: m.html,
            text: m.body_text,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

fn valid_language(v: &str) -> Result<(), ValidationError> {
    crate::partners::dto::one_of(v, LANGUAGES)
}

fn valid_purpose(v: &str) -> Result<(), ValidationError> {
    crate::partners::dto::one_of(v, PURPOSES)
}

fn valid_key(key: &str) -> Result<(), ValidationError> {
    if key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_key")
            .with_message("Lowercase letters, digits, - and _.".into()))
    }
}

/// Placeholders: `person` (first_name, last_name, email, position), `partner` (name, city,
/// country), `sender` (name, email) and, in marketing templates, `unsubscribe_url`.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateTemplate {
    #[validate(length(min = 1, max = 64), custom(function = "valid_key"))]
    #[schema(min_length = 1, max_length = 64, example = "spring_offer")]
    pub key: String,
    #[validate(custom(function = "valid_language"))]
    #[schema(example = "hr")]
    pub language: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(custom(function = "valid_purpose"))]
    #[schema(example = "marketing")]
    pub purpose: String,
    #[validate(length(min = 1, max = 300))]
    #[schema(
        min_length = 1,
        max_length = 300,
        example = "Proljetna ponuda za {{ partner.name }}"
    )]
    pub subject: String,
    #[validate(length(max = 200000))]
    #[schema(max_length = 200000)]
    pub html: Option<String>,
    #[validate(length(min = 1, max = 100000))]
    #[schema(
        min_length = 1,
        max_length = 100000,
        example = "Poštovani {{ person.first_name }}, ..."
    )]
    pub text: String,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateTemplate {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[validate(custom(function = "valid_purpose"))]
    pub purpose: Option<String>,
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub subject: Option<String>,
    /// `null` removes the HTML part.
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<String>, max_length = 200000)]
    pub html: Option<Option<String>>,
    #[validate(length(min = 1, max = 100000))]
    #[schema(min_length = 1, max_length = 100000)]
    pub text: Option<String>,
}

/// Whom to render a preview for; with neither, placeholders show sample values.
#[derive(Debug, Default, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    #[schema(max_length = 36)]
    pub person_id: Option<String>,
    #[schema(max_length = 36)]
    pub partner_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TemplateQuery {
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub key: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Mailing {
    pub id: String,
    pub template_key: String,
    /// queued, running or done.
    pub status: String,
    /// Persons asked for.
    pub total: i64,
    /// Emails put in the outbox so far.
    pub queued_count: i64,
    /// Persons left out: no consent to marketing, no email address, or no longer there.
    pub skipped_count: i64,
    pub job_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<String>,
}

impl From<mailing::Model> for Mailing {
    fn from(m: mailing::Model) -> Self {
        Self {
            total: m
                .person_ids
                .as_ref()
                .and_then(|v| v.as_array())
                .map_or(0, |a| a.len() as i64),
            id: m.id,
            template_key: m.template_key,
            status: m.status,
            queued_count: m.queued_count,
            skipped_count: m.skipped_count,
            job_id: m.job_id,
            created_at: m.created_at,
            created_by: m.created_by,
        }
    }
}

/// `POST /api/v1/mailings`: one personalised email per person, in each person's language where the
/// template has it.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateMailing {
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub template_key: String,
    #[validate(length(min = 1, max = 100000))]
    #[schema(min_items = 1, max_items = 100000)]
    pub person_ids: Vec<String>,
}
