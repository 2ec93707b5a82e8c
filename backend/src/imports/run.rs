//! The `import.run` job: the stored file read in a blocking thread and handed over in batches;
//! each batch, its records (for undo), its failed rows and the import's counts and position commit
//! in one transaction, so a crash or a failed batch leaves nothing half done and the next attempt
//! goes on after the last committed row. A dry run rolls every batch back and keeps only the
//! counts, errors and preview.
use super::dto::{ImportEntity, Options};
use super::entity::{failure, import, record};
use super::file;
use super::write::{self, Batch, Ctx, Outcome, Row};
use super::{mapping, status};
use crate::access::load_grants;
use crate::assignment::decide::Table;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::jobs::entity as job;
use crate::jobs::queue;
use crate::jobs::worker::{JobFailure, JobResult};
use crate::partners::service::Refs;
use crate::state::AppState;
use crate::{clock, custom_fields};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};
use std::collections::HashSet;

pub const RUN_JOB: &str = "import.run";

/// Rows shown as they will be stored.
const PREVIEW_ROWS: usize = 10;

pub fn import_id(job: &job::Model) -> Result<String, JobFailure> {
    job.payload
        .as_ref()
        .and_then(|p| p.get("import_id"))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .ok_or_else(|| JobFailure::Dead("the job names no import".into()))
}

pub async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<import::Model> {
    import::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub fn options(m: &import::Model) -> ApiResult<Options> {
    m.options()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("import {} has no options", m.id)))
}

/// What every batch of the import needs: the importer's rights as of now, the mapping resolved
/// against the headers, the definitions and list items rows are checked against.
async fn context(db: &impl ConnectionTrait, m: &import::Model) -> ApiResult<Ctx> {
    let entity = ImportEntity::parse(&m.entity).ok_or(ApiError::NotFound)?;
    let user_id = m.created_by.clone().ok_or(ApiError::NotFound)?;
    let caller = Caller {
        grants: load_grants(db, &user_id).await?,
        user_id,
        session_id: None,
        api_key_id: None,
        request_id: Some(format!("import:{}", m.id)),
    };
    let headers = m.headers();
    let custom = custom_fields::service::definitions(db, entity.as_str()).await?;
    let columns = mapping::resolve(entity, &custom, &headers, &m.mapping())?;
    let refs = match entity {
        ImportEntity::Partners => Some(Refs::load(db).await?),
        _ => None,
    };
    let territories = crate::assignment::read::load_tree(db).await?;
    let rules = crate::assignment::read::load_rules(db).await?;
    Ok(Ctx {
        entity,
        options: options(m)?,
        caller,
        headers: headers.len(),
        columns,
        custom,
        refs,
        territories,
        rules,
    })
}

/// Counts the data rows of the file (a pass of the CSV reader, no decoding of fields).
fn count_rows(
    path: &str,
    encoding: &'static encoding_rs::Encoding,
    delimiter: u8,
) -> std::io::Result<i64> {
    let mut reader = file::records(std::fs::File::open(path)?, encoding, delimiter);
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader
        .read_byte_record(&mut record)
        .map_err(std::io::Error::other)?
    {
        n += 1;
    }
    Ok(n)
}

/// Where the reader starts and how much it hands over at once.
struct Reading {
    path: String,
    encoding: &'static encoding_rs::Encoding,
    delimiter: u8,
    /// Data rows already committed (a resumed import).
    skip: i64,
    size: usize,
}

/// Reads the rows after `skip` in batches of `size`, checks and prepares each batch and sends it;
/// stops when the receiver does. Runs in its own thread, so a batch is prepared while the one
/// before it is written.
fn read_batches(
    reading: Reading,
    ctx: std::sync::Arc<Ctx>,
    tx: tokio::sync::mpsc::Sender<Batch>,
) -> std::io::Result<()> {
    let file = std::fs::File::open(&reading.path)?;
    let mut reader = file::records(file, reading.encoding, reading.delimiter);
    let table = Table::new(
        &ctx.territories,
        ctx.rules.clone(),
        clock::now().date_naive(),
    );
    let size = reading.size;
    let mut index: i64 = 0;
    let mut rows = Vec::with_capacity(size);
    let mut record = csv::StringRecord::new();
    let send = |rows: Vec<Row>| {
        tx.blocking_send(write::prepare_batch(&ctx, &table, rows))
            .is_ok()
    };
    loop {
        let more = match reader.read_record(&mut record) {
            Ok(more) => more,
            // A row the CSV reader cannot make sense of: kept as a row that fails.
            Err(e) => {
                record = csv::StringRecord::from(vec![format!("unreadable row: {e}")]);
                true
            }
        };
        if !more {
            break;
        }
        index += 1;
        if index <= reading.skip {
            continue;
        }
        rows.push(Row {
            number: index + 1,
            cells: record.clone(),
        });
        if rows.len() == size && !send(std::mem::replace(&mut rows, Vec::with_capacity(size))) {
            return Ok(());
        }
    }
    if !rows.is_empty() {
        send(rows);
    }
    Ok(())
}

pub async fn run(state: &AppState, job: &job::Model) -> JobResult {
    let id = import_id(job)?;
    let db = &state.db.write;
    let m = find(db, &id).await?;
    if m.status != status::QUEUED && m.status != status::RUNNING {
        return Ok(None);
    }
    match go(state, job, m).await {
        Ok(()) => Ok(Some(serde_json::json!({ "import_id": id }))),
        Err(e) => {
            let last = job.attempts >= job.max_attempts;
            let message = format!("{e}");
            let mut change = import::ActiveModel {
                id: Set(id.clone()),
                error: Set(Some(message.clone())),
                updated_at: Set(clock::now()),
                ..Default::default()
            };
            if last {
                change.status = Set(status::FAILED.into());
            }
            import::Entity::update(change)
                .exec(db)
                .await
                .map_err(ApiError::from)?;
            Err(if last {
                JobFailure::Dead(message)
            } else {
                JobFailure::Retry(message)
            })
        }
    }
}

async fn go(state: &AppState, job: &job::Model, m: import::Model) -> ApiResult<()> {
    let db = &state.db.write;
    let ctx = std::sync::Arc::new(context(db, &m).await?);
    let encoding = file::named_encoding(&m.encoding)?;
    let delimiter = file::named_delimiter(&m.delimiter)?;
    let mut total = m.rows_total;
    if total == 0 {
        let path = m.file_path.clone();
        total = tokio::task::spawn_blocking(move || count_rows(&path, encoding, delimiter))
            .await
            .map_err(|e| ApiError::Internal(e.into()))?
            .map_err(|e| ApiError::Internal(e.into()))?;
    }
    import::Entity::update(import::ActiveModel {
        id: Set(m.id.clone()),
        status: Set(status::RUNNING.into()),
        rows_total: Set(total),
        updated_at: Set(clock::now()),
        ..Default::default()
    })
    .exec(db)
    .await?;

    // One batch prepared ahead: memory holds at most three.
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let reading = Reading {
        path: m.file_path.clone(),
        encoding,
        delimiter,
        skip: m.rows_done,
        size: state.settings.import_batch_rows.max(1),
    };
    let shared = ctx.clone();
    let reader = tokio::task::spawn_blocking(move || read_batches(reading, shared, tx));
    let mut done = m.rows_done;
    let mut seen = HashSet::new();
    let mut shown: Vec<serde_json::Value> = m
        .preview
        .as_ref()
        .and_then(|p| p.as_array().cloned())
        .unwrap_or_default();
    while let Some(batch) = rx.recv().await {
        let read = batch.rows.len() as i64;
        let txn = db.begin().await?;
        let outcome = write::batch(&txn, &ctx, batch, &mut seen).await?;
        let room = PREVIEW_ROWS.saturating_sub(shown.len());
        let preview = match room > 0 && !(outcome.created.is_empty() && outcome.updated.is_empty())
        {
            true => {
                shown.extend(preview(&txn, ctx.entity, &outcome, room).await?);
                Some(serde_json::Value::Array(shown.clone()))
            }
            false => None,
        };
        let txn = if ctx.options.dry_run {
            txn.rollback().await?;
            db.begin().await?
        } else {
            txn
        };
        done += read;
        keep(&txn, &m.id, &outcome, done, preview, ctx.options.dry_run).await?;
        let lease =
            state.clock.now() + chrono::Duration::seconds(state.settings.job_lease_secs as i64);
        queue::progress(&txn, &job.id, done, total.max(done), lease).await?;
        txn.commit().await?;
    }
    reader
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(|e| ApiError::Internal(e.into()))?;
    import::Entity::update(import::ActiveModel {
        id: Set(m.id.clone()),
        status: Set(status::DONE.into()),
        error: Set(None),
        finished_at: Set(Some(state.clock.now())),
        updated_at: Set(clock::now()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    // The rows are in the database (or, for a dry run, in the report): the file has served.
    let _ = tokio::fs::remove_file(&m.file_path).await;
    Ok(())
}

/// The first `room` records of the batch as stored.
async fn preview(
    txn: &sea_orm::DatabaseTransaction,
    entity: ImportEntity,
    outcome: &Outcome,
    room: usize,
) -> ApiResult<Vec<serde_json::Value>> {
    let ids: Vec<&String> = outcome
        .created
        .iter()
        .chain(&outcome.updated)
        .take(room)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let value = match entity {
            ImportEntity::Partners => {
                let model = crate::partners::entity::partner::Entity::find_by_id(id.as_str())
                    .one(txn)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                serde_json::to_value(crate::partners::service::get_in(txn, model).await?)
            }
            ImportEntity::Persons => serde_json::to_value(crate::persons::dto::Person::from(
                crate::persons::entity::Entity::find_by_id(id.as_str())
                    .one(txn)
                    .await?
                    .ok_or(ApiError::NotFound)?,
            )),
            ImportEntity::Leads => serde_json::to_value(crate::leads::dto::Lead::from(
                crate::leads::entity::Entity::find_by_id(id.as_str())
                    .one(txn)
                    .await?
                    .ok_or(ApiError::NotFound)?,
            )),
        };
        out.push(value.map_err(|e| ApiError::Internal(e.into()))?);
    }
    Ok(out)
}

/// The batch's records, failed rows, counts and position, in the batch's transaction.
async fn keep(
    txn: &sea_orm::DatabaseTransaction,
    id: &str,
    outcome: &Outcome,
    done: i64,
    preview: Option<serde_json::Value>,
    dry_run: bool,
) -> ApiResult<()> {
    let mut records: Vec<record::ActiveModel> = Vec::new();
    if !dry_run {
        for created in &outcome.created {
            records.push(record::ActiveModel {
                import_id: Set(id.to_owned()),
                entity_id: Set(created.clone()),
                action: Set("created".into()),
                before: Set(None),
            });
        }
        for (updated, before) in &outcome.before {
            records.push(record::ActiveModel {
                import_id: Set(id.to_owned()),
                entity_id: Set(updated.clone()),
                action: Set("updated".into()),
                before: Set(Some(before.clone())),
            });
        }
    }
    // A record an earlier batch already holds keeps its first state.
    crate::db::insert_rows(txn, records, 1000, &["import_id", "entity_id"]).await?;
    let failures: Vec<failure::ActiveModel> = outcome
        .failures
        .iter()
        .map(|(row, cells, message)| failure::ActiveModel {
            import_id: Set(id.to_owned()),
            row_number: Set(*row),
            cells: Set(Some(serde_json::json!(cells))),
            message: Set(message.clone()),
        })
        .collect();
    for chunk in failures.chunks(1000) {
        failure::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    let add = |column: import::Column, n: i64| Expr::col(column).add(n);
    let mut update = import::Entity::update_many()
        .col_expr(import::Column::RowsDone, Expr::value(done))
        .col_expr(
            import::Column::Created,
            add(import::Column::Created, outcome.created.len() as i64),
        )
        .col_expr(
            import::Column::Updated,
            add(
                import::Column::Updated,
                outcome.updated.len() as i64 + outcome.updated_unseen,
            ),
        )
        .col_expr(
            import::Column::Skipped,
            add(import::Column::Skipped, outcome.skipped),
        )
        .col_expr(
            import::Column::Failed,
            add(import::Column::Failed, outcome.failures.len() as i64),
        )
        .col_expr(import::Column::Error, Expr::value(Option::<String>::None))
        .col_expr(import::Column::UpdatedAt, Expr::value(clock::now()));
    if let Some(p) = preview {
        update = update.col_expr(import::Column::Preview, Expr::value(p));
    }
    update.filter(import::Column::Id.eq(id)).exec(txn).await?;
    Ok(())
}
