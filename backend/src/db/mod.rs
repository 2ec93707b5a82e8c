//! Connections. PostgreSQL gets one pool. SQLite gets a read pool and a write pool of exactly one
//! connection: SQLite allows one writer, so queueing writers in the pool (instead of in SQLite's lock)
//! means concurrent requests never see "database is locked".
use crate::settings::Settings;
use anyhow::Context;
use migration::MigratorTrait;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, SqlxPostgresConnector,
    SqlxSqliteConnector,
};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

mod sqlite_lower;
pub mod unnest;

#[derive(Clone)]
pub struct Db {
    pub read: DatabaseConnection,
    pub write: DatabaseConnection,
}

impl Db {
    pub async fn connect(settings: &Settings) -> anyhow::Result<Self> {
        let url = settings.database_url();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(settings.db_max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect(&url)
                .await
                .context("connecting to PostgreSQL")?;
            let conn = SqlxPostgresConnector::from_sqlx_postgres_pool(pool);
            return Ok(Self {
                read: conn.clone(),
                write: conn,
            });
        }
        if !url.starts_with("sqlite:") {
            anyhow::bail!("CRM_DATABASE_URL must start with sqlite: or postgres://");
        }
        if url.starts_with("sqlite://") && !url.contains(":memory:") {
            let path = url.trim_start_matches("sqlite://");
            let path = path.split('?').next().unwrap_or(path);
            if let Some(dir) = std::path::Path::new(path).parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
        }
        let options = SqliteConnectOptions::from_str(&url)
            .context("parsing the SQLite URL")?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let write = SqlitePoolOptions::new()
            .after_connect(|conn, _| Box::pin(sqlite_lower::register(conn)))
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await
            .context("opening the SQLite database")?;
        // Lists and boards read thousands of rows spread over the file: a larger page cache keeps
        // them in process instead of copying them from the OS on every query. Negative: KiB.
        let cache = format!("-{}", u64::from(settings.sqlite_cache_mib) * 1024);
        let read = SqlitePoolOptions::new()
            .after_connect(|conn, _| Box::pin(sqlite_lower::register(conn)))
            .max_connections(settings.db_max_connections.max(2))
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.pragma("cache_size", cache))
            .await
            .context("opening the SQLite database for reading")?;
        Ok(Self {
            read: SqlxSqliteConnector::from_sqlx_sqlite_pool(read),
            write: SqlxSqliteConnector::from_sqlx_sqlite_pool(write),
        })
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.write.get_database_backend()
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        migration::Migrator::up(&self.write, None)
            .await
            .context("running migrations")
    }
}

/// Inserts `rows`, all with the same columns set, moving them rather than copying: imports write
/// millions. On SQLite in statements of `size` rows (bound parameters stay under its limit); on
/// PostgreSQL as arrays unnested by the server ([`unnest`]).
pub async fn insert_chunked<A>(
    db: &impl sea_orm::ConnectionTrait,
    rows: Vec<A>,
    size: usize,
) -> Result<(), sea_orm::DbErr>
where
    A: sea_orm::ActiveModelTrait,
    <A::Entity as sea_orm::EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
{
    insert_rows(db, rows, size, &[]).await
}

/// `insert_chunked` that skips a row whose `unique` columns match a row already there (none:
/// every row is new).
pub async fn insert_rows<A>(
    db: &impl sea_orm::ConnectionTrait,
    mut rows: Vec<A>,
    size: usize,
    unique: &[&str],
) -> Result<(), sea_orm::DbErr>
where
    A: sea_orm::ActiveModelTrait,
    <A::Entity as sea_orm::EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
{
    use sea_orm::sea_query::{Alias, OnConflict};
    use sea_orm::{EntityName, EntityTrait, IdenStatic, Iterable};
    if db.get_database_backend() == DatabaseBackend::Postgres {
        let Some(first) = rows.first() else {
            return Ok(());
        };
        let columns: Vec<_> = <A::Entity as EntityTrait>::Column::iter()
            // A row made from a model (`ActiveModel::from`) holds its values as unchanged.
            .filter(|c| !matches!(first.get(*c), sea_orm::ActiveValue::NotSet))
            .collect();
        let names: Vec<&str> = columns.iter().map(|c| c.as_str()).collect();
        let table = A::Entity::default().table_name().to_owned();
        let values = rows.into_iter().map(|row| {
            columns
                .iter()
                .map(|c| {
                    row.get(*c)
                        .into_value()
                        .unwrap_or(sea_orm::Value::String(None))
                })
                .collect()
        });
        let tail = match unique {
            [] => String::new(),
            columns => format!("ON CONFLICT ({}) DO NOTHING", columns.join(", ")),
        };
        return unnest::insert(db, &table, &names, values, &tail).await;
    }
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(size));
        let insert = A::Entity::insert_many(std::mem::replace(&mut rows, rest));
        if unique.is_empty() {
            insert.exec_without_returning(db).await?;
        } else {
            insert
                .on_conflict(
                    OnConflict::columns(unique.iter().map(|c| Alias::new(*c)))
                        .do_nothing()
                        .to_owned(),
                )
                .do_nothing()
                .exec_without_returning(db)
                .await?;
        }
    }
    Ok(())
}
