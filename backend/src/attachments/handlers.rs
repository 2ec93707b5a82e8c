//! Attachment upload (streamed to a spool file with a size limit, hashed, content sniffed),
//! listing, safe download and deletion.
use super::dto::{Attachment, AttachmentListQuery, UploadForm};
use super::service::{self, Upload};
use crate::api::extract::Query;
use crate::api::multipart::{bad_form, file_name, spool, text_field};
use crate::api::IfMatch;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use actix_files::NamedFile;
use actix_multipart::Multipart;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

const SNIFF_BYTES: usize = 8192;

/// What the bytes are, by their signature; text that is valid UTF-8 is plain text.
fn sniff(head: &[u8]) -> &'static str {
    match infer::get(head) {
        Some(kind) => kind.mime_type(),
        None if std::str::from_utf8(head).is_ok() => "text/plain",
        None => "application/octet-stream",
    }
}

#[utoipa::path(post, path = "/api/v1/attachments", tag = "attachments",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, description = "Stored", body = Attachment),
        (status = 413, description = "Larger than CRM_MAX_UPLOAD_BYTES", body = crate::error::Problem, content_type = "application/problem+json")))]
pub async fn upload_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    mut form: Multipart,
) -> ApiResult<HttpResponse> {
    let (mut entity_type, mut entity_id) = (None, None);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| bad_form(e.to_string()))?;
        match field.name().unwrap_or_default() {
            "entity_type" => entity_type = Some(text_field(&mut field, 100).await?),
            "entity_id" => entity_id = Some(text_field(&mut field, 100).await?),
            "file" => {
                let (Some(entity_type), Some(entity_id)) =
                    (entity_type.as_deref(), entity_id.as_deref())
                else {
                    return Err(bad_form("Send entity_type and entity_id before file."));
                };
                let file_name = file_name(&field, "file");
                let spool_dir = state.store.spool_dir();
                tokio::fs::create_dir_all(&spool_dir)
                    .await
                    .map_err(|e| ApiError::Internal(e.into()))?;
                let spooled = spool_dir.join(crate::clock::new_id());
                let (mut hasher, mut head) = (Sha256::new(), Vec::new());
                let size = spool(
                    &mut field,
                    &spooled,
                    state.settings.max_upload_bytes,
                    |chunk| {
                        if head.len() < SNIFF_BYTES {
                            head.extend_from_slice(
                                &chunk[..chunk.len().min(SNIFF_BYTES - head.len())],
                            );
                        }
                        hasher.update(chunk);
                    },
                )
                .await?;
                let (size, sha256, content_type) = (
                    size as i64,
                    crate::auth::jwt::hex(&hasher.finalize()),
                    sniff(&head),
                );
                let upload = Upload {
                    entity_type,
                    entity_id,
                    file_name: &file_name,
                    content_type,
                    size_bytes: size,
                    sha256,
                    spooled: &spooled,
                };
                let created =
                    service::create(&state.db.write, state.store.as_ref(), &caller, upload).await;
                let _ = tokio::fs::remove_file(&spooled).await;
                return Ok(HttpResponse::Created().json(created?));
            }
            other => return Err(bad_form(format!("Unknown form field `{other}`."))),
        }
    }
    Err(ApiError::invalid("file", "required", "Attach a file."))
}

#[utoipa::path(get, path = "/api/v1/attachments", tag = "attachments", params(AttachmentListQuery),
    responses((status = 200, description = "The record's attachments, newest first", body = Vec<Attachment>)))]
pub async fn list_attachments(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<AttachmentListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(service::list(&state.db.read, &caller, &q.entity_type, &q.entity_id).await?))
}

#[utoipa::path(get, path = "/api/v1/attachments/{id}/content", tag = "attachments", params(("id" = String, Path)),
    responses((status = 200, description = "The file, always as a download (`Content-Disposition: attachment`, `nosniff`)", content_type = "application/octet-stream")))]
pub async fn download_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let model = service::find_readable(&state.db.read, &caller, &id).await?;
    let path = state
        .store
        .path(&model.storage_key)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let file = NamedFile::open_async(path)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mime = model.content_type.parse().unwrap_or(mime_guess_octet());
    let mut res = file
        .set_content_type(mime)
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::FilenameExt(header::ExtendedValue {
                charset: header::Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: model.file_name.into_bytes(),
            })],
        })
        .into_response(&req);
    res.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    Ok(res)
}

fn mime_guess_octet() -> actix_web::mime::Mime {
    actix_web::mime::APPLICATION_OCTET_STREAM
}

#[utoipa::path(delete, path = "/api/v1/attachments/{id}", tag = "attachments",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash")))]
pub async fn delete_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    service::delete(&state.db.write, &caller, &id, if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}
