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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::OpenFlags;
use rusqlite::types::ValueRef;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::{Column, Postgres, Row as _, TypeInfo};
use tokio::sync::{Semaphore, SemaphorePermit, watch};

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
    writer: tokio::sync::Mutex<Writer>,
    /// Writers queued for the writer connection; see [`Store::write`].
    queued: AtomicUsize,
    /// The latest finished batch.
    finished: watch::Sender<u64>,
    /// Recent batches whose COMMIT failed, with the reason (failures are rare; a few kept).
    failed: Mutex<std::collections::VecDeque<(u64, String)>>,
    readers: Mutex<Vec<rusqlite::Connection>>,
    reader_slots: Semaphore,
    /// Wakes the checkpointer after a commit; see [`spawn_checkpointer`].
    checkpoint: std::sync::mpsc::SyncSender<()>,
}

/// The writer connection and the batch (group commit) it has open.
pub(crate) struct Writer {
    conn: rusqlite::Connection,
    batch: u64,
    open: bool,
    /// Writers in the open batch; a batch is closed at [`BATCH_MAX`] even if more wait.
    writers: usize,
    /// A writer of the open batch acknowledges durability to a peer (an SMTP 250): the
    /// batch's COMMIT syncs the log to disk, not only to the operating system.
    durable: bool,
}

/// The most writers one batch takes, bounding how long the first of them waits.
const BATCH_MAX: usize = 256;

pub(crate) enum Backend {
    /// Boxed: the SQLite state is larger than a pool handle (one per process, so no cost).
    Sqlite(Box<Lite>),
    Postgres(PgPool),
}

/// The storage handle shared by every request: cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) backend: Arc<Backend>,
    pub(crate) blobs: Arc<dyn object_store::ObjectStore>,
    pub(crate) policies: Arc<crate::policies::PolicyCache>,
    pub(crate) mail: Arc<crate::mail::MailState>,
    pub(crate) signing: Arc<crate::signing::KeyCache>,
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
        // A publication may rewrite the clocks of every open case in one transaction: with
        // SQLite's default 2 MB cache its dirty pages spill to the log mid-transaction.
        // Pages are allocated on use, so an idle server does not pay for this.
        conn.pragma_update(None, "cache_size", "-65536")?;
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
            let conn = open_sqlite(&path, false)?;
            // The checkpointer copies the log into the database file; the writer only appends.
            conn.pragma_update(None, "wal_autocheckpoint", "0")?;
            let checkpoint = spawn_checkpointer(&path)?;
            Backend::Sqlite(Box::new(Lite {
                url: url.to_owned(),
                path,
                writer: tokio::sync::Mutex::new(Writer {
                    conn,
                    batch: 0,
                    open: false,
                    writers: 0,
                    durable: false,
                }),
                queued: AtomicUsize::new(0),
                finished: watch::Sender::new(0),
                failed: Mutex::new(std::collections::VecDeque::new()),
                readers: Mutex::new(Vec::new()),
                reader_slots: Semaphore::new(options.max_connections.max(2) as usize),
                checkpoint,
            }))
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
            policies: Arc::default(),
            mail: Arc::default(),
            signing: Arc::default(),
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
        // The link-signing key exists from here on, so signing never needs the writer.
        self.link_key().await?;
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

    /// A write transaction; it rolls back when dropped without [`Conn::commit`].
    ///
    /// On SQLite, writers that queue up while one runs share one database transaction
    /// (group commit): each runs inside its own SAVEPOINT, so its failure undoes only its
    /// own work, and the last writer of the batch commits for all. Every writer's
    /// `commit` returns only after that COMMIT, so nothing is acknowledged before it is
    /// stored, and the pages a batch touches are written once instead of once per writer.
    pub(crate) async fn write(&self) -> Result<Conn<'_>> {
        match &*self.backend {
            Backend::Sqlite(lite) => {
                let queued = Queued::new(self, lite);
                let mut guard = lite.writer.lock().await;
                queued.arrived();
                if !guard.open {
                    guard.conn.execute_batch("BEGIN IMMEDIATE")?;
                    guard.open = true;
                    guard.batch += 1;
                    guard.writers = 0;
                }
                if let Err(e) = guard.conn.execute_batch("SAVEPOINT accord_write") {
                    // Never leave a batch open that nobody will finish.
                    finish_batch(lite, &mut guard)?;
                    return Err(e.into());
                }
                guard.writers += 1;
                Ok(Conn::LiteWrite(LiteWriter {
                    guard: Some(guard),
                    lite,
                    open: true,
                    alone: false,
                }))
            }
            Backend::Postgres(pool) => Ok(Conn::PgTx(pool.begin().await?)),
        }
    }

    /// A write transaction shared with no other writer, for work that touches a large part
    /// of the database (a publication re-evaluating every open case). On SQLite it needs no
    /// savepoint, whose journal would copy every page the work touches; the batch open
    /// when it starts is committed first. On PostgreSQL it is [`Store::write`].
    pub(crate) async fn write_alone(&self) -> Result<Conn<'_>> {
        match &*self.backend {
            Backend::Sqlite(lite) => {
                let mut guard = lite.writer.lock().await;
                commit_batch(lite, &mut guard)?;
                guard.conn.execute_batch("BEGIN IMMEDIATE")?;
                guard.open = true;
                guard.batch += 1;
                guard.writers = 1;
                Ok(Conn::LiteWrite(LiteWriter {
                    guard: Some(guard),
                    lite,
                    open: true,
                    alone: true,
                }))
            }
            Backend::Postgres(_) => self.write().await,
        }
    }
}

/// Counts a writer waiting for the writer connection, so the batch stays open for it. A
/// writer that gives up waiting (its request was cancelled) must not leave a batch open
/// that nobody will commit, so it hands the closing to a task of its own.
struct Queued<'a> {
    store: &'a Store,
    lite: &'a Lite,
    waiting: bool,
}

impl<'a> Queued<'a> {
    fn new(store: &'a Store, lite: &'a Lite) -> Self {
        lite.queued.fetch_add(1, Ordering::SeqCst);
        Queued {
            store,
            lite,
            waiting: true,
        }
    }

    fn arrived(mut self) {
        self.lite.queued.fetch_sub(1, Ordering::SeqCst);
        self.waiting = false;
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        if self.waiting {
            self.lite.queued.fetch_sub(1, Ordering::SeqCst);
            let store = self.store.clone();
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move {
                    if let Backend::Sqlite(lite) = &*store.backend {
                        let mut guard = lite.writer.lock().await;
                        let _ = finish_batch(lite, &mut guard);
                    }
                });
            }
        }
    }
}

/// Commits the open batch if no other writer is queued to continue it. Returns the
/// batch to wait for when it stays open.
fn finish_batch(lite: &Lite, writer: &mut Writer) -> Result<Option<u64>> {
    if !writer.open {
        return Ok(None);
    }
    if lite.queued.load(Ordering::SeqCst) > 0 && writer.writers < BATCH_MAX {
        return Ok(Some(writer.batch));
    }
    commit_batch(lite, writer)?;
    Ok(None)
}

/// Commits the open batch, if any, whoever waits.
fn commit_batch(lite: &Lite, writer: &mut Writer) -> Result<()> {
    if !writer.open {
        return Ok(());
    }
    writer.open = false;
    let durable = std::mem::take(&mut writer.durable);
    let mut outcome = writer.conn.execute_batch("COMMIT");
    if durable && outcome.is_ok() {
        // What synchronous=FULL would do at this COMMIT (the setting cannot change inside
        // the batch's transaction): sync the log, which now holds the commit.
        let mut wal = lite.path.clone().into_os_string();
        wal.push("-wal");
        if let Err(e) = std::fs::File::open(&wal).and_then(|f| f.sync_data()) {
            outcome = Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
                Some(format!("syncing the write-ahead log: {e}")),
            ));
        }
    }
    if let Err(e) = &outcome {
        let _ = writer.conn.execute_batch("ROLLBACK");
        record_failure(lite, writer.batch, e.to_string());
    }
    lite.finished.send_replace(writer.batch);
    outcome?;
    // Full means a wake-up is already pending.
    let _ = lite.checkpoint.try_send(());
    Ok(())
}

/// Starts the thread that copies the write-ahead log into the database file after commits
/// (SQLite's automatic checkpoint would do it inside the COMMIT that crosses 1,000 pages, so
/// a large transaction — a publication re-evaluating every open case — would also pay for
/// copying everything). At most a few checkpoints a second; PASSIVE never waits for
/// readers or the writer, and what it cannot copy now it copies after a later commit. The
/// thread ends when the store is dropped.
fn spawn_checkpointer(path: &Path) -> Result<std::sync::mpsc::SyncSender<()>> {
    const SETTLE: Duration = Duration::from_millis(200);
    let conn = open_sqlite(path, false)?;
    let (wake, woken) = std::sync::mpsc::sync_channel::<()>(1);
    std::thread::Builder::new()
        .name("accord-checkpoint".into())
        .spawn(move || {
            while woken.recv().is_ok() {
                std::thread::sleep(SETTLE);
                // The commits made while settling are in this checkpoint.
                while woken.try_recv().is_ok() {}
                if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    tracing::warn!(error = %e, "SQLite checkpoint failed; the next commit retries");
                }
            }
        })
        .map_err(|e| StoreError::Config(format!("cannot start the checkpoint thread: {e}")))?;
    Ok(wake)
}

fn record_failure(lite: &Lite, batch: u64, reason: String) {
    if let Ok(mut failed) = lite.failed.lock() {
        if failed.len() >= 64 {
            failed.pop_front();
        }
        failed.push_back((batch, reason));
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
    guard: Option<tokio::sync::MutexGuard<'a, Writer>>,
    lite: &'a Lite,
    open: bool,
    /// A transaction of its own ([`Store::write_alone`]): no savepoint, no batch to share.
    alone: bool,
}

impl LiteWriter<'_> {
    fn conn(&self) -> Option<&rusqlite::Connection> {
        self.guard.as_ref().map(|g| &g.conn)
    }

    /// Ends this writer's savepoint, keeping (`keep`) or undoing its work, then commits the
    /// batch or leaves it to the next writer. Returns the batch to wait for, if any.
    fn end(&mut self, keep: bool) -> Result<Option<u64>> {
        let Some(guard) = self.guard.as_mut() else {
            return Ok(None);
        };
        self.open = false;
        if self.alone {
            if !keep {
                guard.open = false;
                let undone = guard.conn.execute_batch("ROLLBACK");
                self.lite.finished.send_replace(guard.batch);
                undone?;
                return Ok(None);
            }
            commit_batch(self.lite, guard)?;
            return Ok(None);
        }
        let released = if keep {
            guard.conn.execute_batch("RELEASE accord_write")
        } else {
            guard
                .conn
                .execute_batch("ROLLBACK TO accord_write; RELEASE accord_write")
        };
        if let Err(e) = released {
            // The batch is in an unknown state: give it up for everyone.
            let _ = guard.conn.execute_batch("ROLLBACK");
            guard.open = false;
            record_failure(self.lite, guard.batch, e.to_string());
            self.lite.finished.send_replace(guard.batch);
            return Err(e.into());
        }
        finish_batch(self.lite, guard)
    }
}

impl Drop for LiteWriter<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.end(false);
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
            Conn::LiteWrite(w) => w.conn(),
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

    /// Runs `head VALUES (…), (…) tail` for many rows of `width` values, as few statements
    /// as the engines' parameter limits allow: one statement per row is what makes bulk
    /// work slow on SQLite (each opens and releases a statement journal).
    pub async fn execute_many(
        &mut self,
        head: &str,
        tail: &str,
        width: usize,
        rows: Vec<Vec<Value>>,
    ) -> Result<u64> {
        // PostgreSQL takes at most 65,535 parameters; SQLite 32,766.
        let per_statement = (30_000 / width.max(1)).max(1);
        let sqlite = self.engine() == Engine::Sqlite;
        let mut changed = 0;
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let mut sql =
                String::with_capacity(head.len() + tail.len() + per_statement * width * 6);
            sql.push_str(head);
            sql.push_str(" VALUES ");
            let mut args = Vec::with_capacity(per_statement * width);
            for (n, row) in rows.by_ref().take(per_statement).enumerate() {
                if row.len() != width {
                    return Err(StoreError::Corrupt(format!(
                        "a row of {} values for {width} columns",
                        row.len()
                    )));
                }
                sql.push_str(if n == 0 { "(" } else { ", (" });
                for i in 0..width {
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    // SQLite: anonymous `?` (a `$N` name costs a scan of the names
                    // before it when the statement is prepared); PostgreSQL: `$N`.
                    if sqlite {
                        sql.push('?');
                    } else {
                        sql.push('$');
                        sql.push_str(&(args.len() + i + 1).to_string());
                    }
                }
                sql.push(')');
                args.extend(row);
            }
            sql.push(' ');
            sql.push_str(tail);
            changed += match self.lite() {
                // Anonymous parameters: bind by position.
                Some(conn) => lite_execute_positional(conn, &sql, &args)?,
                None => self.execute(&sql, &args).await?,
            };
        }
        Ok(changed)
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

    /// Hands each row to `each` as it is read, without collecting them: for queries over a
    /// large part of a table.
    pub async fn for_each_row(
        &mut self,
        sql: &str,
        args: &[Value],
        mut each: impl FnMut(Row) -> Result<()> + Send,
    ) -> Result<()> {
        use futures::TryStreamExt;
        if let Some(conn) = self.lite() {
            return lite_each(conn, sql, args, each);
        }
        let query = pg_query(sql, args);
        let mut rows = match self {
            Conn::PgPool(pool) => query.fetch(*pool),
            Conn::PgTx(tx) => query.fetch(&mut **tx),
            _ => return unreachable_engine(),
        };
        while let Some(row) = rows.try_next().await? {
            each(pg_row(&row)?)?;
        }
        Ok(())
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

    /// The engine's plan for a query, one line per step, inside a transaction (rolled back):
    /// SQLite's `EXPLAIN QUERY PLAN`, or PostgreSQL's `EXPLAIN` with sequential scans discouraged — on small test tables its
    /// planner would scan anyway, so this shows whether an index *can* serve the query.
    pub async fn explain_built(
        &mut self,
        statement: &sea_query::SelectStatement,
    ) -> Result<String> {
        let (sql, values) = match self.engine() {
            Engine::Sqlite => statement.build(sea_query::SqliteQueryBuilder),
            Engine::Postgres => statement.build(sea_query::PostgresQueryBuilder),
        };
        let values = from_sea(values);
        let lines = match self.engine() {
            Engine::Sqlite => {
                let rows = self
                    .fetch_all(&format!("EXPLAIN QUERY PLAN {sql}"), &values)
                    .await?;
                rows.into_iter()
                    .map(|mut r| r.text(3))
                    .collect::<Result<Vec<_>>>()?
            }
            Engine::Postgres => {
                // SET LOCAL: this connection must be a transaction, so the setting and the
                // EXPLAIN meet on one server connection and the setting ends with it.
                self.execute("SET LOCAL enable_seqscan = off", &[]).await?;
                let rows = self.fetch_all(&format!("EXPLAIN {sql}"), &values).await?;
                rows.into_iter()
                    .map(|mut r| r.text(0))
                    .collect::<Result<Vec<_>>>()?
            }
        };
        Ok(lines.join("\n"))
    }

    /// Makes this transaction's commit survive a power cut, not only a crash of the process
    /// (PostgreSQL's commits always do).
    pub fn durable(&mut self) {
        if let Conn::LiteWrite(w) = self
            && let Some(guard) = w.guard.as_mut()
        {
            guard.durable = true;
        }
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Conn::LiteWrite(mut w) => {
                let lite = w.lite;
                let wait_for = w.end(true)?;
                // Let the next writer of the batch in before waiting for its COMMIT.
                drop(w.guard.take());
                if let Some(batch) = wait_for {
                    let mut finished = lite.finished.subscribe();
                    finished
                        .wait_for(|done| *done >= batch)
                        .await
                        .map_err(|e| StoreError::Config(format!("group commit: {e}")))?;
                    let failure =
                        lite.failed.lock().ok().and_then(|f| {
                            f.iter().find(|(b, _)| *b == batch).map(|(_, r)| r.clone())
                        });
                    if let Some(reason) = failure {
                        return Err(StoreError::Config(format!(
                            "the database did not commit: {reason}"
                        )));
                    }
                }
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
        lite_bind_one(statement, index, value)?;
    }
    Ok(())
}

fn lite_bind_one(
    statement: &mut rusqlite::CachedStatement<'_>,
    index: usize,
    value: &Value,
) -> Result<()> {
    {
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

fn lite_execute_positional(conn: &rusqlite::Connection, sql: &str, args: &[Value]) -> Result<u64> {
    let mut statement = conn.prepare_cached(sql)?;
    if statement.parameter_count() != args.len() {
        return Err(StoreError::Corrupt(format!(
            "{} values for {} parameters",
            args.len(),
            statement.parameter_count()
        )));
    }
    for (i, value) in args.iter().enumerate() {
        lite_bind_one(&mut statement, i + 1, value)?;
    }
    Ok(statement.raw_execute()? as u64)
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
    let mut out = Vec::new();
    lite_each(conn, sql, args, |row| {
        out.push(row);
        Ok(())
    })?;
    Ok(out)
}

fn lite_each(
    conn: &rusqlite::Connection,
    sql: &str,
    args: &[Value],
    mut each: impl FnMut(Row) -> Result<()>,
) -> Result<()> {
    let mut statement = conn.prepare_cached(sql)?;
    lite_bind(&mut statement, args)?;
    let columns = statement.column_count();
    let mut rows = statement.raw_query();
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
        each(Row(values))?;
    }
    Ok(())
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
