//! Imports as the API sees them: started (the import row and its job in one transaction), read,
//! listed, undone, resumed; their error file; saved mappings; the suggestion of a mapping.
use super::dto::{
    Import, ImportEntity, ImportField, ImportListQuery, ImportTemplate, Mapping, MappingSuggestion,
    MatchOn, NewImportTemplate, OnDuplicate, Options,
};
use super::entity::{failure, import, template};
use super::{file, mapping, run, status, undo};
use crate::access::{Action, Scope};
use crate::auth::Caller;
use crate::clock;
use crate::custom_fields::service::definitions;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::jobs::queue;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

/// What the upload handler learned before the file was stored.
pub struct NewImport {
    pub id: String,
    pub entity: ImportEntity,
    pub mapping: Option<Mapping>,
    pub dry_run: bool,
    pub on_duplicate: OnDuplicate,
    pub match_on: Option<MatchOn>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub delimiter: Option<u8>,
    pub file_name: String,
    pub path: std::path::PathBuf,
}

/// The match a create in `entity` is checked for unless told otherwise; tax ids only identify
/// partners.
fn match_on(entity: ImportEntity, asked: Option<MatchOn>) -> ApiResult<MatchOn> {
    match (entity, asked) {
        (ImportEntity::Partners, None) => Ok(MatchOn::TaxId),
        (_, None) => Ok(MatchOn::Email),
        (ImportEntity::Partners, Some(m)) | (_, Some(m @ (MatchOn::Email | MatchOn::NameCity))) => {
            Ok(m)
        }
        (_, Some(MatchOn::TaxId)) => Err(ApiError::invalid(
            "match_on",
            "invalid_choice",
            "Only partners have tax ids: match on `email` or `name_city`.",
        )),
    }
}

/// Starts an import of the stored file: reads its header, settles the mapping (given, or
/// suggested), and enqueues the job in the same transaction as the import.
pub async fn start(
    db: &impl TransactionTrait,
    caller: &Caller,
    new: NewImport,
) -> ApiResult<Import> {
    caller.require(new.entity.resource(), Action::Import)?;
    let match_on = match_on(new.entity, new.match_on)?;
    let (encoding, delimiter) = file::sniff(&new.path, new.encoding, new.delimiter)?;
    let file = std::fs::File::open(&new.path).map_err(|e| ApiError::Internal(e.into()))?;
    let headers = file::headers(&mut file::records(file, encoding, delimiter))?;
    let txn = db.begin().await?;
    let custom = definitions(&txn, new.entity.as_str()).await?;
    let mapping = match new.mapping {
        Some(m) => m,
        None => mapping::suggest(new.entity, &custom, &headers),
    };
    mapping::resolve(new.entity, &custom, &headers, &mapping)?;
    let options = Options {
        dry_run: new.dry_run,
        on_duplicate: new.on_duplicate,
        match_on,
    };
    let job_id = queue::enqueue(
        &txn,
        run::RUN_JOB,
        serde_json::json!({ "import_id": new.id }),
        clock::now(),
        Some(&caller.user_id),
    )
    .await?;
    let now = clock::now();
    import::Entity::insert(import::ActiveModel {
        id: Set(new.id.clone()),
        entity: Set(new.entity.as_str().into()),
        status: Set(status::QUEUED.into()),
        file_name: Set(new.file_name),
        file_path: Set(new.path.to_string_lossy().into_owned()),
        encoding: Set(file::encoding_name(encoding)),
        delimiter: Set(file::delimiter_name(delimiter)),
        options: Set(Some(serde_json::json!(options))),
        mapping: Set(Some(serde_json::json!(mapping))),
        headers: Set(Some(serde_json::json!(headers))),
        rows_total: Set(0),
        rows_done: Set(0),
        created: Set(0),
        updated: Set(0),
        skipped: Set(0),
        failed: Set(0),
        preview: Set(Some(serde_json::json!([]))),
        error: Set(None),
        job_id: Set(Some(job_id)),
        finished_at: Set(None),
        undone_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    let model = run::find(&txn, &new.id).await?;
    txn.commit().await?;
    queue::wake();
    Ok(Import::from_model(model))
}

/// The import if the caller may see it: its starter, or whoever imports that entity for all.
async fn visible(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<import::Model> {
    let m = run::find(db, id).await?;
    let entity = ImportEntity::parse(&m.entity).ok_or(ApiError::NotFound)?;
    let scope = caller
        .require(entity.resource(), Action::Import)
        .map_err(|_| ApiError::NotFound)?;
    if scope == Scope::All || m.created_by.as_deref() == Some(caller.user_id.as_str()) {
        Ok(m)
    } else {
        Err(ApiError::NotFound)
    }
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Import> {
    Ok(Import::from_model(visible(db, caller, id).await?))
}

/// The caller's imports (everyone's for those who import for all), newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &ImportListQuery,
) -> ApiResult<Vec<Import>> {
    let mut select = import::Entity::find();
    if let Some(e) = q.entity {
        select = select.filter(import::Column::Entity.eq(e.as_str()));
    }
    let all: Vec<&str> = [
        ImportEntity::Partners,
        ImportEntity::Persons,
        ImportEntity::Leads,
    ]
    .into_iter()
    .filter(|e| matches!(caller.require(e.resource(), Action::Import), Ok(Scope::All)))
    .map(ImportEntity::as_str)
    .collect();
    select = select.filter(
        sea_orm::Condition::any()
            .add(import::Column::CreatedBy.eq(caller.user_id.as_str()))
            .add(import::Column::Entity.is_in(all)),
    );
    Ok(select
        .order_by_desc(import::Column::CreatedAt)
        .order_by_desc(import::Column::Id)
        .limit(q.limit.unwrap_or(50).clamp(1, 200))
        .all(db)
        .await?
        .into_iter()
        .map(Import::from_model)
        .collect())
}

/// The headers of the error file: the file's own, then the row number and the error.
pub async fn error_headers(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Vec<String>> {
    let m = visible(db, caller, id).await?;
    let mut headers = m.headers();
    headers.extend(["row".to_owned(), "error".to_owned()]);
    Ok(headers)
}

/// A page of failed rows after row `after`, as CSV cells (the original cells, row, error).
pub async fn error_rows(
    db: &impl ConnectionTrait,
    id: &str,
    after: i64,
    limit: u64,
) -> ApiResult<Vec<(i64, Vec<String>)>> {
    Ok(failure::Entity::find()
        .filter(failure::Column::ImportId.eq(id))
        .filter(failure::Column::RowNumber.gt(after))
        .order_by_asc(failure::Column::RowNumber)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|f| {
            let mut cells: Vec<String> = f
                .cells
                .and_then(|c| serde_json::from_value(c).ok())
                .unwrap_or_default();
            cells.extend([f.row_number.to_string(), f.message]);
            (f.row_number, cells)
        })
        .collect())
}

/// Starts undoing a finished import; its job and the status change commit together.
pub async fn undo(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<Import> {
    let txn = db.begin().await?;
    let m = visible(&txn, caller, id).await?;
    let options = run::options(&m)?;
    if m.status != status::DONE || options.dry_run {
        return Err(ApiError::conflict(
            "import_not_undoable",
            "Only a finished import that wrote records can be undone.",
        ));
    }
    let dto = transition(&txn, caller, &m, status::UNDOING, undo::UNDO_JOB).await?;
    txn.commit().await?;
    queue::wake();
    Ok(dto)
}

/// Starts a failed import again from where it stopped.
pub async fn resume(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<Import> {
    let txn = db.begin().await?;
    let m = visible(&txn, caller, id).await?;
    if m.status != status::FAILED {
        return Err(ApiError::conflict(
            "import_not_failed",
            "Only an import that failed can be resumed.",
        ));
    }
    let dto = transition(&txn, caller, &m, status::QUEUED, run::RUN_JOB).await?;
    txn.commit().await?;
    queue::wake();
    Ok(dto)
}

async fn transition(
    txn: &sea_orm::DatabaseTransaction,
    caller: &Caller,
    m: &import::Model,
    to: &str,
    job_kind: &str,
) -> ApiResult<Import> {
    let job_id = queue::enqueue(
        txn,
        job_kind,
        serde_json::json!({ "import_id": m.id }),
        clock::now(),
        Some(&caller.user_id),
    )
    .await?;
    import::Entity::update(import::ActiveModel {
        id: Set(m.id.clone()),
        status: Set(to.into()),
        job_id: Set(Some(job_id)),
        error: Set(None),
        updated_at: Set(clock::now()),
        ..Default::default()
    })
    .exec(txn)
    .await?;
    history::record(
        txn,
        caller.actor(),
        "import",
        &m.id,
        to,
        vec![history::Change {
            field: "status".into(),
            old: m.status.clone().into(),
            new: to.into(),
        }],
    )
    .await?;
    let model = run::find(txn, &m.id).await?;
    Ok(Import::from_model(model))
}

/// Encoding, delimiter, headers, the suggested mapping and the first rows of a file's beginning.
pub async fn suggest(
    db: &impl ConnectionTrait,
    caller: &Caller,
    entity: ImportEntity,
    head: &[u8],
    encoding: Option<&'static encoding_rs::Encoding>,
    delimiter: Option<u8>,
) -> ApiResult<MappingSuggestion> {
    caller.require(entity.resource(), Action::Import)?;
    let (encoding, delimiter) = file::sniff_bytes(head, encoding, delimiter);
    let mut reader = file::records(head, encoding, delimiter);
    let headers = file::headers(&mut reader)?;
    // The last line of a cut-off beginning may be cut too: show only whole rows before it.
    let sample: Vec<Vec<String>> = reader
        .records()
        .map_while(Result::ok)
        .take(5)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect();
    let custom = definitions(db, entity.as_str()).await?;
    Ok(MappingSuggestion {
        encoding: file::encoding_name(encoding),
        delimiter: file::delimiter_name(delimiter),
        mapping: mapping::suggest(entity, &custom, &headers),
        fields: mapping::fields(entity, &custom),
        headers,
        sample,
    })
}

pub async fn fields(
    db: &impl ConnectionTrait,
    entity: ImportEntity,
) -> ApiResult<Vec<ImportField>> {
    Ok(mapping::fields(
        entity,
        &definitions(db, entity.as_str()).await?,
    ))
}

pub async fn list_templates(
    db: &impl ConnectionTrait,
    caller: &Caller,
    entity: Option<ImportEntity>,
) -> ApiResult<Vec<ImportTemplate>> {
    let mut select = template::Entity::find().filter(template::Column::DeletedAt.is_null());
    if let Some(e) = entity {
        caller.require(e.resource(), Action::Import)?;
        select = select.filter(template::Column::Entity.eq(e.as_str()));
    }
    Ok(select
        .order_by_asc(template::Column::Entity)
        .order_by_asc(template::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(ImportTemplate::from_model)
        .filter(|t| caller.require(t.entity.resource(), Action::Import).is_ok())
        .collect())
}

pub async fn create_template(
    db: &impl TransactionTrait,
    caller: &Caller,
    body: NewImportTemplate,
) -> ApiResult<ImportTemplate> {
    caller.require(body.entity.resource(), Action::Import)?;
    let txn = db.begin().await?;
    let custom = definitions(&txn, body.entity.as_str()).await?;
    let names: Vec<String> = mapping::fields(body.entity, &custom)
        .into_iter()
        .map(|f| f.name)
        .collect();
    if let Some((header, field)) = body.mapping.iter().find(|(_, f)| !names.contains(f)) {
        return Err(ApiError::invalid(
            &format!("mapping.{header}"),
            "unknown_field",
            &format!("`{field}` is not a field of {}.", body.entity.as_str()),
        ));
    }
    let taken = template::Entity::find()
        .filter(template::Column::Entity.eq(body.entity.as_str()))
        .filter(template::Column::Name.eq(body.name.trim()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(ApiError::conflict(
            "template_name_taken",
            "A template of this name exists; pick another name or delete it first.",
        ));
    }
    let now = clock::now();
    let id = clock::new_id();
    template::Entity::insert(template::ActiveModel {
        id: Set(id.clone()),
        name: Set(body.name.trim().to_owned()),
        entity: Set(body.entity.as_str().into()),
        mapping: Set(Some(serde_json::json!(body.mapping))),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    let model = template::Entity::find_by_id(&id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let dto = ImportTemplate::from_model(model);
    history::record(
        &txn,
        caller.actor(),
        "import_template",
        &id,
        "create",
        history::created(&serde_json::to_value(&dto).unwrap_or_default()),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn delete_template(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<()> {
    let txn = db.begin().await?;
    let model = template::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let entity = ImportEntity::parse(&model.entity).ok_or(ApiError::NotFound)?;
    caller.require(entity.resource(), Action::Import)?;
    template::Entity::delete_by_id(id).exec(&txn).await?;
    history::record(
        &txn,
        caller.actor(),
        "import_template",
        id,
        "delete",
        vec![],
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
