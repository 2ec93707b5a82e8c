//! HTTP handlers of imports: the streamed upload, reading, the error file, undo and resume,
//! mapping suggestions and saved templates.
use super::dto::{
    Import, ImportEntity, ImportField, ImportForm, ImportListQuery, ImportTemplate, Mapping,
    MappingSuggestion, MatchOn, NewImportTemplate, OnDuplicate, SuggestForm, TemplateListQuery,
};
use super::file;
use super::service::{self, NewImport};
use crate::api::extract::Query;
use crate::api::multipart::{bad_form, file_name, spool, text_field};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::exports::stream;
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::{web, HttpResponse};
use futures_util::StreamExt;

/// A mapping of a couple of hundred columns fits easily.
const MAPPING_BYTES: usize = 64 * 1024;

fn choice<T: serde::de::DeserializeOwned>(field: &str, value: &str) -> ApiResult<T> {
    serde_json::from_value(serde_json::Value::String(value.trim().to_owned())).map_err(|_| {
        ApiError::invalid(
            field,
            "invalid_choice",
            &format!("`{value}` is not a choice of `{field}`."),
        )
    })
}

fn yes(field: &str, value: &str) -> ApiResult<bool> {
    match value.trim() {
        "true" | "1" | "on" => Ok(true),
        "false" | "0" | "off" | "" => Ok(false),
        _ => Err(ApiError::invalid(
            field,
            "invalid_type",
            "Send true or false.",
        )),
    }
}

#[utoipa::path(post, path = "/api/v1/imports", tag = "imports",
    request_body(content = ImportForm, content_type = "multipart/form-data"),
    responses((status = 202, description = "Stored and queued; follow it at `/api/v1/imports/{id}`", body = Import),
        (status = 413, description = "Larger than CRM_MAX_IMPORT_BYTES", body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn start_import(
    state: web::Data<AppState>,
    caller: Caller,
    mut form: Multipart,
) -> ApiResult<HttpResponse> {
    let (mut entity, mut mapping, mut dry_run, mut on_duplicate, mut match_on) =
        (None, None, false, OnDuplicate::Skip, None);
    let (mut encoding, mut delimiter) = (None, None);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| bad_form(e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let entity =
                entity.ok_or_else(|| bad_form("Send `entity` (and the options) before `file`."))?;
            // Checked before the upload is stored, not after.
            caller.require(
                crate::imports::dto::ImportEntity::resource(entity),
                crate::access::Action::Import,
            )?;
            let dir = state.settings.data_dir.join("imports");
            tokio::fs::create_dir_all(&dir)
                .await
                .map_err(|e| ApiError::Internal(e.into()))?;
            let id = crate::clock::new_id();
            let path = dir.join(format!("{id}.csv"));
            let file_name = file_name(&field, "import.csv");
            spool(&mut field, &path, state.settings.max_import_bytes, |_| {}).await?;
            let new = NewImport {
                id,
                entity,
                mapping,
                dry_run,
                on_duplicate,
                match_on,
                encoding,
                delimiter,
                file_name,
                path: path.clone(),
            };
            let started = service::start(&state.db.write, &caller, new).await;
            if started.is_err() {
                let _ = tokio::fs::remove_file(&path).await;
            }
            return Ok(HttpResponse::Accepted().json(started?));
        }
        let limit = if name == "mapping" {
            MAPPING_BYTES
        } else {
            100
        };
        let value = text_field(&mut field, limit).await?;
        match name.as_str() {
            "entity" => entity = Some(choice::<ImportEntity>("entity", &value)?),
            "mapping" if !value.trim().is_empty() => {
                mapping = Some(serde_json::from_str::<Mapping>(&value).map_err(|e| {
                    ApiError::invalid(
                        "mapping",
                        "invalid_json",
                        &format!("A JSON object of column -> field: {e}."),
                    )
                })?)
            }
            "mapping" => {}
            "dry_run" => dry_run = yes("dry_run", &value)?,
            "on_duplicate" => on_duplicate = choice("on_duplicate", &value)?,
            "match_on" if !value.trim().is_empty() => {
                match_on = Some(choice::<MatchOn>("match_on", &value)?)
            }
            "match_on" => {}
            "encoding" if !value.trim().is_empty() => {
                encoding = Some(file::named_encoding(&value)?)
            }
            "encoding" => {}
            "delimiter" if !value.is_empty() => delimiter = Some(file::named_delimiter(&value)?),
            "delimiter" => {}
            other => return Err(bad_form(format!("Unknown form field `{other}`."))),
        }
    }
    Err(ApiError::invalid("file", "required", "Attach a file."))
}

#[utoipa::path(post, path = "/api/v1/imports/suggest-mapping", tag = "imports",
    request_body(content = SuggestForm, content_type = "multipart/form-data"),
    responses((status = 200, description = "What the file's beginning looks like and the mapping its headers suggest", body = MappingSuggestion)))]
pub async fn suggest_mapping(
    state: web::Data<AppState>,
    caller: Caller,
    mut form: Multipart,
) -> ApiResult<HttpResponse> {
    let (mut entity, mut encoding, mut delimiter) = (None, None, None);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| bad_form(e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let entity = entity.ok_or_else(|| bad_form("Send `entity` before `file`."))?;
            let mut head = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|e| bad_form(e.to_string()))?;
                let room = file::HEAD_BYTES.saturating_sub(head.len());
                head.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            let suggestion =
                service::suggest(&state.db.read, &caller, entity, &head, encoding, delimiter)
                    .await?;
            return Ok(HttpResponse::Ok().json(suggestion));
        }
        let value = text_field(&mut field, 100).await?;
        match name.as_str() {
            "entity" => entity = Some(choice::<ImportEntity>("entity", &value)?),
            "encoding" if !value.trim().is_empty() => {
                encoding = Some(file::named_encoding(&value)?)
            }
            "delimiter" if !value.is_empty() => delimiter = Some(file::named_delimiter(&value)?),
            "encoding" | "delimiter" => {}
            other => return Err(bad_form(format!("Unknown form field `{other}`."))),
        }
    }
    Err(ApiError::invalid(
        "file",
        "required",
        "Attach the file's first lines.",
    ))
}

#[utoipa::path(get, path = "/api/v1/imports", tag = "imports", params(ImportListQuery),
    responses((status = 200, description = "The caller's imports (everyone's for those who import for all), newest first", body = Vec<Import>)))]
pub async fn list_imports(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ImportListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(get, path = "/api/v1/imports/fields", tag = "imports", params(TemplateListQuery),
    responses((status = 200, description = "The fields columns can be mapped to", body = Vec<ImportField>)))]
pub async fn import_fields(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<TemplateListQuery>,
) -> ApiResult<HttpResponse> {
    let entity = q.entity.unwrap_or(ImportEntity::Partners);
    caller.require(entity.resource(), crate::access::Action::Import)?;
    Ok(HttpResponse::Ok().json(service::fields(&state.db.read, entity).await?))
}

#[utoipa::path(get, path = "/api/v1/imports/{id}", tag = "imports", params(("id" = String, Path)),
    responses((status = 200, description = "Status, counts and position", body = Import)))]
pub async fn get_import(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::get(&state.db.read, &caller, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/imports/{id}/errors", tag = "imports", params(("id" = String, Path)),
    responses((status = 200, description = "The failed rows as CSV: the file's columns, then `row` (the header is row 1) and `error`", content_type = "text/csv")))]
pub async fn import_errors(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let headers = service::error_headers(&state.db.read, &caller, &id).await?;
    let db = state.db.read.clone();
    let rows = move |after: Option<String>| {
        let (db, id) = (db.clone(), id.clone());
        async move {
            let after = after.and_then(|a| a.parse().ok()).unwrap_or(0);
            let page = service::error_rows(&db, &id, after, 2000).await?;
            let last = page.last().map(|(n, _)| n.to_string());
            Ok((page.into_iter().map(|(_, cells)| cells).collect(), last))
        }
    };
    Ok(stream::csv(headers, rows, "import-errors.csv"))
}

#[utoipa::path(post, path = "/api/v1/imports/{id}/undo", tag = "imports", params(("id" = String, Path)),
    responses((status = 202, description = "Undoing: created records are deleted, updated ones restored", body = Import),
        (status = 409, description = "Not a finished import that wrote records", body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn undo_import(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Accepted().json(service::undo(&state.db.write, &caller, &id).await?))
}

#[utoipa::path(post, path = "/api/v1/imports/{id}/resume", tag = "imports", params(("id" = String, Path)),
    responses((status = 202, description = "Queued again; it goes on after the last committed row", body = Import),
        (status = 409, description = "The import has not failed", body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn resume_import(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Accepted().json(service::resume(&state.db.write, &caller, &id).await?))
}

#[utoipa::path(get, path = "/api/v1/imports/templates", tag = "imports", params(TemplateListQuery),
    responses((status = 200, description = "Saved mappings", body = Vec<ImportTemplate>)))]
pub async fn list_import_templates(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<TemplateListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list_templates(&state.db.read, &caller, q.entity).await?))
}

#[utoipa::path(post, path = "/api/v1/imports/templates", tag = "imports", request_body = NewImportTemplate,
    responses((status = 201, description = "Saved", body = ImportTemplate)))]
pub async fn create_import_template(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewImportTemplate>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created()
        .json(service::create_template(&state.db.write, &caller, body.into_inner()).await?))
}

#[utoipa::path(delete, path = "/api/v1/imports/templates/{id}", tag = "imports", params(("id" = String, Path)),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_import_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    service::delete_template(&state.db.write, &caller, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}
