//! Streamed downloads: rows fetched page by page and written as CSV (UTF-8 with a BOM, so
//! spreadsheets read the accents) or as an Excel file built row by row on disk, every text cell
//! neutralised against formula injection.
use crate::error::ApiResult;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::web::Bytes;
use actix_web::HttpResponse;
use std::future::Future;
use tokio::sync::mpsc;

/// Rows after a cursor (none: from the start), and the cursor after them (none: the last page).
pub type Page = (Vec<Vec<String>>, Option<String>);

/// Rows a page holds: enough to keep round trips few, little enough to keep memory flat.
pub const PAGE_ROWS: u64 = 2000;

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return
/// first) gets a leading apostrophe, which shows it as the text it is. Phone numbers and signed
/// numbers (digits and `+-()/. ` only) cannot call or refer to anything and stay as they are.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let numeric = cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()/.".contains(c));
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !numeric => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn attachment(file_name: &str) -> ContentDisposition {
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(file_name.to_owned())],
    }
}

/// The response streams what the producer sends; an error after the first byte can only cut the
/// download short (the log says why).
fn respond(
    content_type: &str,
    file_name: &str,
    rx: mpsc::Receiver<Result<Bytes, std::io::Error>>,
) -> HttpResponse {
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(attachment(file_name))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(body)
}

fn encode(rows: &[Vec<String>]) -> std::io::Result<Bytes> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 128));
    for row in rows {
        w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
    }
    w.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// Walks the pages, handing each to `sink`; stops early when the client went away.
async fn walk<P, F>(
    mut pager: P,
    mut sink: impl AsyncFnMut(Vec<Vec<String>>) -> bool,
) -> ApiResult<()>
where
    P: FnMut(Option<String>) -> F,
    F: Future<Output = ApiResult<Page>>,
{
    let mut cursor = None;
    loop {
        let (rows, next) = pager(cursor).await?;
        if rows.is_empty() || !sink(rows).await {
            return Ok(());
        }
        match next {
            Some(n) => cursor = Some(n),
            None => return Ok(()),
        }
    }
}

pub fn csv<P, F>(headers: Vec<String>, pager: P, file_name: &str) -> HttpResponse
where
    P: FnMut(Option<String>) -> F + 'static,
    F: Future<Output = ApiResult<Page>> + 'static,
{
    let (tx, rx) = mpsc::channel(4);
    actix_web::rt::spawn(async move {
        let mut head = b"\xEF\xBB\xBF".to_vec();
        let sent = match encode(&[headers]) {
            Ok(h) => {
                head.extend_from_slice(&h);
                tx.send(Ok(Bytes::from(head))).await.is_ok()
            }
            Err(e) => {
                let _ = tx.send(Err(e)).await;
                false
            }
        };
        if !sent {
            return;
        }
        let result = walk(pager, async |rows| match encode(&rows) {
            Ok(bytes) => tx.send(Ok(bytes)).await.is_ok(),
            Err(e) => {
                let _ = tx.send(Err(e)).await;
                false
            }
        })
        .await;
        if let Err(e) = result {
            tracing::error!(error = ?e, "export stopped");
            let _ = tx
                .send(Err(std::io::Error::other("the export stopped")))
                .await;
        }
    });
    respond("text/csv; charset=utf-8", file_name, rx)
}

/// Writes the rows it receives into a worksheet kept on disk, then the workbook into a temporary
/// file: memory stays flat whatever the number of rows.
fn build_xlsx(
    headers: Vec<String>,
    mut rows: mpsc::Receiver<Vec<Vec<String>>>,
) -> anyhow::Result<tempfile::NamedTempFile> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, neutralise(h).as_ref(), &bold)?;
    }
    let mut r: u32 = 0;
    while let Some(page) = rows.blocking_recv() {
        for row in page {
            r += 1;
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r, c as u16, neutralise(cell).as_ref())?;
                }
            }
        }
    }
    let file = tempfile::NamedTempFile::new()?;
    workbook.save(file.path())?;
    Ok(file)
}

pub fn xlsx<P, F>(headers: Vec<String>, pager: P, file_name: &str) -> HttpResponse
where
    P: FnMut(Option<String>) -> F + 'static,
    F: Future<Output = ApiResult<Page>> + 'static,
{
    let (tx, rx) = mpsc::channel(4);
    actix_web::rt::spawn(async move {
        let result: anyhow::Result<()> = async {
            let (rows_tx, rows_rx) = mpsc::channel(2);
            let writer = tokio::task::spawn_blocking(move || build_xlsx(headers, rows_rx));
            walk(pager, async |rows| rows_tx.send(rows).await.is_ok())
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            drop(rows_tx);
            let file = writer.await??;
            let mut f = tokio::fs::File::open(file.path()).await?;
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = tokio::io::AsyncReadExt::read(&mut f, &mut buf).await?;
                if n == 0
                    || tx
                        .send(Ok(Bytes::copy_from_slice(&buf[..n])))
                        .await
                        .is_err()
                {
                    return Ok(());
                }
            }
        }
        .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "export stopped");
            let _ = tx
                .send(Err(std::io::Error::other("the export stopped")))
                .await;
        }
    });
    respond(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        file_name,
        rx,
    )
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_become_text() {
        for bad in [
            "=1+1",
            "+A1",
            "-2+SUM(A1)",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in ["Kraš d.d.", "+385 1 4567 890", "-42.5", "a=b"] {
            assert_eq!(neutralise(fine), fine);
        }
    }
}
