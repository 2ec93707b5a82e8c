//! Pieces of streamed multipart forms shared by uploads: short text fields, and the file spooled
//! to disk under a size limit.
use crate::error::{ApiError, ApiResult};
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

pub fn bad_form(detail: impl Into<String>) -> ApiError {
    ApiError::bad_request("invalid_multipart", detail)
}

/// A text field of at most `limit` bytes.
pub async fn text_field(field: &mut actix_multipart::Field, limit: usize) -> ApiResult<String> {
    let mut out = Vec::new();
    while let Some(chunk) = field.next().await {
        out.extend_from_slice(&chunk.map_err(|e| bad_form(e.to_string()))?);
        if out.len() > limit {
            return Err(bad_form(format!(
                "The form field `{}` holds at most {limit} bytes.",
                field.name().unwrap_or_default()
            )));
        }
    }
    String::from_utf8(out).map_err(|_| bad_form("Form fields must be UTF-8."))
}

/// Writes the field to `path`, refusing more than `limit` bytes (the partial file is removed);
/// `each` sees every chunk (to hash or sniff it). Returns the size.
pub async fn spool(
    field: &mut actix_multipart::Field,
    path: &std::path::Path,
    limit: u64,
    mut each: impl FnMut(&[u8]),
) -> ApiResult<u64> {
    let result = async {
        let mut file = tokio::fs::File::create(path)
            .await
            .map_err(|e| ApiError::Internal(e.into()))?;
        let mut size = 0u64;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| bad_form(e.to_string()))?;
            size += chunk.len() as u64;
            if size > limit {
                return Err(ApiError::PayloadTooLarge {
                    limit: limit as usize,
                });
            }
            each(&chunk);
            file.write_all(&chunk)
                .await
                .map_err(|e| ApiError::Internal(e.into()))?;
        }
        file.flush()
            .await
            .map_err(|e| ApiError::Internal(e.into()))?;
        Ok(size)
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(path).await;
    }
    result
}

/// The file name the client gave the part, or `fallback`.
pub fn file_name(field: &actix_multipart::Field, fallback: &str) -> String {
    field
        .content_disposition()
        .and_then(|cd| cd.get_filename())
        .unwrap_or(fallback)
        .to_owned()
}
