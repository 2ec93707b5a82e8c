//! Bodies of the imports API.
use super::entity::{import, template};
use crate::access::Resource;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// What an import creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportEntity {
    Partners,
    Persons,
    Leads,
}

impl ImportEntity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Partners => "partners",
            Self::Persons => "persons",
            Self::Leads => "leads",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Partners, Self::Persons, Self::Leads]
            .into_iter()
            .find(|e| e.as_str() == s)
    }

    pub fn resource(self) -> Resource {
        match self {
            Self::Partners => Resource::Partners,
            Self::Persons => Resource::Persons,
            Self::Leads => Resource::Leads,
        }
    }

    /// The history entity type of one record.
    pub fn record_type(self) -> &'static str {
        match self {
            Self::Partners => "partner",
            Self::Persons => "person",
            Self::Leads => "lead",
        }
    }
}

/// What happens to a row that matches an existing record (or an earlier row of the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    #[default]
    Skip,
    Update,
    Create,
}

/// How a row is matched: tax id (partners), any email, or name and city (for persons the full
/// name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchOn {
    TaxId,
    Email,
    NameCity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub struct Options {
    pub dry_run: bool,
    pub on_duplicate: OnDuplicate,
    pub match_on: MatchOn,
}

/// Column header -> field name (`custom_fields.<key>` for a custom field). Columns left out are
/// not imported.
pub type Mapping = BTreeMap<String, String>;

#[derive(Debug, Serialize, ToSchema)]
pub struct Import {
    pub id: String,
    pub entity: ImportEntity,
    /// `queued`, `running`, `done`, `failed` (resume it), `undoing` or `undone`.
    #[schema(example = "running")]
    pub status: String,
    pub file_name: String,
    /// The encoding the file was read in: `utf-8`, `windows-1250`, `iso-8859-2`, `windows-1252`.
    pub encoding: String,
    pub delimiter: String,
    pub dry_run: bool,
    pub on_duplicate: OnDuplicate,
    pub match_on: MatchOn,
    pub headers: Vec<String>,
    pub mapping: Mapping,
    /// Data rows in the file (known once the import started).
    pub rows_total: i64,
    /// Data rows read and committed so far.
    pub rows_done: i64,
    pub created: i64,
    pub updated: i64,
    /// Duplicates left alone (`on_duplicate = skip`).
    pub skipped: i64,
    pub failed: i64,
    /// The first rows as they are (or, in a dry run, would be) stored.
    #[schema(value_type = Vec<Object>)]
    pub preview: serde_json::Value,
    /// Why the import stopped, when it did.
    pub error: Option<String>,
    /// The background job doing the work (progress at `/api/v1/admin/jobs/{id}`).
    pub job_id: Option<String>,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub undone_at: Option<DateTime<Utc>>,
}

fn options_of(m: &import::Model) -> Options {
    m.options().unwrap_or(Options {
        dry_run: false,
        on_duplicate: OnDuplicate::Skip,
        match_on: MatchOn::TaxId,
    })
}

impl Import {
    pub fn from_model(m: import::Model) -> Self {
        let options = options_of(&m);
        Self {
            entity: ImportEntity::parse(&m.entity).unwrap_or(ImportEntity::Partners),
            headers: m.headers(),
            mapping: m.mapping(),
            preview: m.preview.unwrap_or_else(|| serde_json::json!([])),
            dry_run: options.dry_run,
            on_duplicate: options.on_duplicate,
            match_on: options.match_on,
            id: m.id,
            status: m.status,
            file_name: m.file_name,
            encoding: m.encoding,
            delimiter: m.delimiter,
            rows_total: m.rows_total,
            rows_done: m.rows_done,
            created: m.created,
            updated: m.updated,
            skipped: m.skipped,
            failed: m.failed,
            error: m.error,
            job_id: m.job_id,
            created_by: m.created_by,
            created_at: m.created_at,
            finished_at: m.finished_at,
            undone_at: m.undone_at,
        }
    }
}

/// The multipart form of `POST /api/v1/imports` (documentation only; the handler streams it).
/// Send the other fields before `file`.
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct ImportForm {
    pub entity: ImportEntity,
    /// JSON object: column header -> field name. Left out: the suggested mapping.
    pub mapping: Option<String>,
    /// Validate and report without writing anything (default false).
    pub dry_run: Option<bool>,
    pub on_duplicate: Option<OnDuplicate>,
    /// Default: `tax_id` for partners, `email` for persons and leads.
    pub match_on: Option<MatchOn>,
    /// Left out: detected.
    #[schema(example = "windows-1250")]
    pub encoding: Option<String>,
    /// `,`, `;` or `tab`; left out: detected.
    pub delimiter: Option<String>,
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

/// The multipart form of `POST /api/v1/imports/suggest-mapping`: the entity and the file's first
/// lines (64 KiB are plenty).
#[allow(dead_code)]
#[derive(ToSchema)]
pub struct SuggestForm {
    pub entity: ImportEntity,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

/// A field a column can be mapped to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportField {
    /// `name`, `emails`, `custom_fields.region_code`, ...
    pub name: String,
    pub label: String,
    pub required: bool,
    /// Holds several values, separated by `,` `;` or `|` in one cell.
    pub multiple: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MappingSuggestion {
    pub encoding: String,
    pub delimiter: String,
    pub headers: Vec<String>,
    /// Header -> field for every header recognised (English, Croatian, Polish, Romanian).
    pub mapping: Mapping,
    /// Every field columns can be mapped to, custom fields included.
    pub fields: Vec<ImportField>,
    /// The first rows, decoded, as the file holds them.
    pub sample: Vec<Vec<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportListQuery {
    pub entity: Option<ImportEntity>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportTemplate {
    pub id: String,
    pub name: String,
    pub entity: ImportEntity,
    pub mapping: Mapping,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl ImportTemplate {
    pub fn from_model(m: template::Model) -> Self {
        Self {
            entity: ImportEntity::parse(&m.entity).unwrap_or(ImportEntity::Partners),
            mapping: m
                .mapping
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            id: m.id,
            name: m.name,
            created_by: m.created_by,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewImportTemplate {
    #[validate(length(min = 1, max = 100))]
    #[schema(
        min_length = 1,
        max_length = 100,
        example = "Partners from the old ERP"
    )]
    pub name: String,
    pub entity: ImportEntity,
    #[validate(length(min = 1, max = 200))]
    pub mapping: Mapping,
}

#[derive(Debug, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TemplateListQuery {
    pub entity: Option<ImportEntity>,
}
