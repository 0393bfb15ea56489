//! Connections to the two engines behind one small interface, [`Conn`].
//!
//! SQLite is driven through rusqlite on the calling thread: a statement costs microseconds,
//! whereas handing each statement to a driver thread (as sqlx-sqlite does) costs more than
//! the statement. There is one writer connection behind an async mutex (SQLite has one
//! writer; waiting for the mutex is cheaper than retrying `SQLITE_BUSY`) and a pool of
//! read-only connections in WAL mode. PostgreSQL is driven through sqlx.
//!
//! Statements are written once, with `$1` placeholders, which both engines accept.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::OpenFlags;
use rusqlite::types::ValueRef;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::{Column, Postgres, Row as _, TypeInfo};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::value::{Row, Value, from_sea};
use crate::{Result, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// `sqlite://path/to/file.db` or `postgres://user@host/db`.
    pub url: String,
    /// Where attachments are kept (a local directory, through `object_store`).
    pub attachments_dir: PathBuf,
    /// Maximum connections of the PostgreSQL pool or the SQLite reader pool.
    pub max_connections: u32,
}

pub(crate) struct Lite {
    url: String,
    path: PathBuf,
    writer: tokio::sync::Mutex<rusqlite::Connection>,
    readers: Mutex<Vec<rusqlite::Connection>>,
    reader_slots: Semaphore,
}

pub(crate) enum Backend {
    Sqlite(Lite),
    Postgres(PgPool),
}

/// The storage handle shared by every request: cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) backend: Arc<Backend>,
    pub(crate) blobs: Arc<dyn object_store::ObjectStore>,
}

fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

fn open_sqlite(path: &Path, read_only: bool) -> Result<rusqlite::Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = rusqlite::Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // Survives a crash of the process; a power cut may lose the last commits (the log
        // is synced at checkpoints). Channels that must acknowledge durability sync explicitly.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}

impl Store {
    /// Connects without changing the schema; see [`Store::migrate`].
    pub async fn connect(options: &StoreOptions) -> Result<Store> {
        let url = options.url.trim();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let connect = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections.max(2))
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(connect)
                .await?;
            Backend::Postgres(pool)
        } else if let Some(path) = sqlite_path(url) {
            let writer = open_sqlite(&path, false)?;
            Backend::Sqlite(Lite {
                url: url.to_owned(),
                path,
                writer: tokio::sync::Mutex::new(writer),
                readers: Mutex::new(Vec::new()),
                reader_slots: Semaphore::new(options.max_connections.max(2) as usize),
            })
        } else {
            return Err(StoreError::Config(format!(
                "ACCORD_DATABASE_URL must start with sqlite: or postgres:// (got {:?}); \
                 Accord does not guess, so a typo cannot create a new empty database",
                url.split('@').next_back().unwrap_or_default()
            )));
        };
        std::fs::create_dir_all(&options.attachments_dir).map_err(|e| {
            StoreError::Config(format!(
                "cannot create attachments directory {}: {e}",
                options.attachments_dir.display()
            ))
        })?;
        let blobs =
            object_store::local::LocalFileSystem::new_with_prefix(&options.attachments_dir)?;
        Ok(Store {
            backend: Arc::new(backend),
            blobs: Arc::new(blobs),
        })
    }

    /// Brings the schema up to date. Safe to run on every start and from several nodes
    /// (sqlx takes a lock on PostgreSQL).
    pub async fn migrate(&self) -> Result<()> {
        match &*self.backend {
            Backend::Sqlite(lite) => {
                // sqlx's migrator keeps its bookkeeping table; a short-lived pool runs it.
                let options = sqlx::sqlite::SqliteConnectOptions::from_str(&lite.url)?
                    .create_if_missing(true)
                    .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true);
                let pool = sqlx::sqlite::SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options)
                    .await?;
                let result = sqlx::migrate!("./migrations/sqlite").run(&pool).await;
                pool.close().await;
                result?;
            }
            Backend::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    pub fn engine(&self) -> Engine {
        match &*self.backend {
            Backend::Sqlite(_) => Engine::Sqlite,
            Backend::Postgres(_) => Engine::Postgres,
        }
    }

    /// Whether the database answers: for readiness probes.
    pub async fn ping(&self) -> Result<()> {
        self.read().await?.fetch_one("SELECT 1", &[]).await?;
        Ok(())
    }

    pub async fn close(&self) {
        match &*self.backend {
            Backend::Sqlite(lite) => {
                if let Ok(mut readers) = lite.readers.lock() {
                    readers.clear();
                }
            }
            Backend::Postgres(pool) => pool.close().await,
        }
    }

    /// A connection for reading.
    pub(crate) async fn read(&self) -> Result<Conn<'_>> {
        match &*self.backend {
            Backend::Sqlite(lite) => {
                let permit = lite
                    .reader_slots
                    .acquire()
                    .await
                    .map_err(|e| StoreError::Config(e.to_string()))?;
                let pooled = lite
                    .readers
                    .lock()
                    .map_err(|_| StoreError::Config("reader pool poisoned".into()))?
                    .pop();
                let conn = match pooled {
                    Some(conn) => conn,
                    None => open_sqlite(&lite.path, true)?,
                };
                Ok(Conn::LiteRead(LiteReader {
                    conn: Some(conn),
                    lite,
                    _permit: permit,
                }))
            }
            Backend::Postgres(pool) => Ok(Conn::PgPool(pool)),
        }
    }

    /// A write transaction; it rolls back when dropped without [`Conn::commit`]. On SQLite
    /// it starts with `BEGIN IMMEDIATE`, so another process's writer makes it wait, not fail.
    pub(crate) async fn write(&self) -> Result<Conn<'_>> {
        match &*self.backend {
            Backend::Sqlite(lite) => {
                let guard = lite.writer.lock().await;
                guard.execute_batch("BEGIN IMMEDIATE")?;
                Ok(Conn::LiteWrite(LiteWriter { guard, open: true }))
            }
            Backend::Postgres(pool) => Ok(Conn::PgTx(pool.begin().await?)),
        }
    }
}

pub(crate) struct LiteReader<'a> {
    conn: Option<rusqlite::Connection>,
    lite: &'a Lite,
    _permit: SemaphorePermit<'a>,
}

impl Drop for LiteReader<'_> {
    fn drop(&mut self) {
        if let (Some(conn), Ok(mut pool)) = (self.conn.take(), self.lite.readers.lock()) {
            pool.push(conn);
        }
    }
}

pub(crate) struct LiteWriter<'a> {
    guard: tokio::sync::MutexGuard<'a, rusqlite::Connection>,
    open: bool,
}

impl Drop for LiteWriter<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.guard.execute_batch("ROLLBACK");
        }
    }
}

/// A connection (or transaction) on either engine.
pub(crate) enum Conn<'a> {
    LiteRead(LiteReader<'a>),
    LiteWrite(LiteWriter<'a>),
    PgPool(&'a PgPool),
    PgTx(sqlx::Transaction<'static, Postgres>),
}

impl Conn<'_> {
    fn lite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Conn::LiteRead(r) => r.conn.as_ref(),
            Conn::LiteWrite(w) => Some(&w.guard),
            _ => None,
        }
    }

    pub fn engine(&self) -> Engine {
        match self {
            Conn::LiteRead(_) | Conn::LiteWrite(_) => Engine::Sqlite,
            Conn::PgPool(_) | Conn::PgTx(_) => Engine::Postgres,
        }
    }

    /// Runs a statement, returning the number of rows it changed.
    pub async fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64> {
        if let Some(conn) = self.lite() {
            return lite_execute(conn, sql, args);
        }
        let query = pg_query(sql, args);
        let done = match self {
            Conn::PgPool(pool) => query.execute(*pool).await?,
            Conn::PgTx(tx) => query.execute(&mut **tx).await?,
            _ => unreachable_engine()?,
        };
        Ok(done.rows_affected())
    }

    pub async fn fetch_all(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
        if let Some(conn) = self.lite() {
            return lite_query(conn, sql, args);
        }
        let query = pg_query(sql, args);
        let rows = match self {
            Conn::PgPool(pool) => query.fetch_all(*pool).await?,
            Conn::PgTx(tx) => query.fetch_all(&mut **tx).await?,
            _ => unreachable_engine()?,
        };
        rows.iter().map(pg_row).collect()
    }

    pub async fn fetch_optional(&mut self, sql: &str, args: &[Value]) -> Result<Option<Row>> {
        // Statements here select at most a handful of rows; reading them all keeps one path.
        Ok(self.fetch_all(sql, args).await?.into_iter().next())
    }

    pub async fn fetch_one(&mut self, sql: &str, args: &[Value]) -> Result<Row> {
        self.fetch_optional(sql, args)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("no row returned by: {sql}")))
    }

    /// Runs a statement built with sea-query, in this engine's dialect.
    pub async fn fetch_all_built(
        &mut self,
        statement: &sea_query::SelectStatement,
    ) -> Result<Vec<Row>> {
        let (sql, values) = match self.engine() {
            Engine::Sqlite => statement.build(sea_query::SqliteQueryBuilder),
            Engine::Postgres => statement.build(sea_query::PostgresQueryBuilder),
        };
        let values = from_sea(values);
        self.fetch_all(&sql, &values).await
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Conn::LiteWrite(mut w) => {
                w.guard.execute_batch("COMMIT")?;
                w.open = false;
            }
            Conn::PgTx(tx) => tx.commit().await?,
            Conn::LiteRead(_) | Conn::PgPool(_) => {}
        }
        Ok(())
    }
}

fn unreachable_engine<T>() -> Result<T> {
    Err(StoreError::Config(
        "connection of an unexpected engine".into(),
    ))
}

/// Binds `$N` parameters by their number (and `?` by position), like sqlx does, so one
/// statement text serves both engines.
fn lite_bind(statement: &mut rusqlite::CachedStatement<'_>, args: &[Value]) -> Result<()> {
    for index in 1..=statement.parameter_count() {
        let position = match statement.parameter_name(index) {
            Some(name) => name
                .trim_start_matches(['$', '?', ':', '@'])
                .parse::<usize>()
                .map_err(|_| StoreError::Corrupt(format!("parameter {name} is not numbered")))?,
            None => index,
        };
        let value = args
            .get(position.wrapping_sub(1))
            .ok_or_else(|| StoreError::Corrupt(format!("no value for parameter {position}")))?;
        match value {
            Value::Null
            | Value::Uuid(None)
            | Value::Int(None)
            | Value::Float(None)
            | Value::Text(None)
            | Value::Bool(None)
            | Value::Bytes(None)
            | Value::Json(None) => statement.raw_bind_parameter(index, rusqlite::types::Null)?,
            Value::Uuid(Some(u)) => statement.raw_bind_parameter(index, u.as_bytes().as_slice())?,
            Value::Int(Some(n)) => statement.raw_bind_parameter(index, n)?,
            Value::Float(Some(f)) => statement.raw_bind_parameter(index, f)?,
            Value::Text(Some(s)) => statement.raw_bind_parameter(index, s.as_str())?,
            Value::Bool(Some(b)) => statement.raw_bind_parameter(index, i64::from(*b))?,
            Value::Bytes(Some(b)) => statement.raw_bind_parameter(index, b.as_slice())?,
            Value::Json(Some(j)) => statement.raw_bind_parameter(index, j.to_string())?,
        }
    }
    Ok(())
}

fn lite_execute(conn: &rusqlite::Connection, sql: &str, args: &[Value]) -> Result<u64> {
    let mut statement = conn.prepare_cached(sql)?;
    lite_bind(&mut statement, args)?;
    if statement.readonly() || sql.contains("RETURNING") {
        let mut rows = statement.raw_query();
        while rows.next()?.is_some() {}
        return Ok(conn.changes());
    }
    Ok(statement.raw_execute()? as u64)
}

fn lite_query(conn: &rusqlite::Connection, sql: &str, args: &[Value]) -> Result<Vec<Row>> {
    let mut statement = conn.prepare_cached(sql)?;
    lite_bind(&mut statement, args)?;
    let columns = statement.column_count();
    let mut rows = statement.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(columns);
        for i in 0..columns {
            values.push(match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::Int(Some(n)),
                ValueRef::Real(f) => Value::Float(Some(f)),
                ValueRef::Text(t) => Value::Text(Some(String::from_utf8_lossy(t).into_owned())),
                ValueRef::Blob(b) => Value::Bytes(Some(b.to_vec())),
            });
        }
        out.push(Row(values));
    }
    Ok(out)
}

fn pg_query<'q>(
    sql: &'q str,
    args: &'q [Value],
) -> sqlx::query::Query<'q, Postgres, sqlx::postgres::PgArguments> {
    let mut query = sqlx::query(sql);
    for value in args {
        query = match value {
            Value::Null => query.bind(None::<String>),
            Value::Uuid(u) => query.bind(*u),
            Value::Int(n) => query.bind(*n),
            Value::Float(f) => query.bind(*f),
            Value::Text(s) => query.bind(s.as_deref()),
            Value::Bool(b) => query.bind(*b),
            Value::Bytes(b) => query.bind(b.as_deref()),
            Value::Json(j) => query.bind(j.clone().map(sqlx::types::Json)),
        };
    }
    query
}

fn pg_row(row: &PgRow) -> Result<Row> {
    let mut values = Vec::with_capacity(row.columns().len());
    for column in row.columns() {
        let i = column.ordinal();
        values.push(match column.type_info().name() {
            "UUID" => Value::Uuid(row.try_get(i)?),
            "INT8" => Value::Int(row.try_get(i)?),
            "INT4" => Value::Int(row.try_get::<Option<i32>, _>(i)?.map(i64::from)),
            "INT2" => Value::Int(row.try_get::<Option<i16>, _>(i)?.map(i64::from)),
            "FLOAT8" => Value::Float(row.try_get(i)?),
            "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => Value::Text(row.try_get(i)?),
            "BOOL" => Value::Bool(row.try_get(i)?),
            "BYTEA" => Value::Bytes(row.try_get(i)?),
            "JSONB" | "JSON" => Value::Json(row.try_get(i)?),
            other => {
                return Err(StoreError::Corrupt(format!(
                    "column {} has unsupported type {other}",
                    column.name()
                )));
            }
        });
    }
    Ok(Row(values))
}
