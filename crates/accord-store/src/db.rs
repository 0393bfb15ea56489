//! Connections and the two engines. SQLite gets one writer connection (SQLite allows one
//! writer; queuing in the pool is cheaper than retrying `SQLITE_BUSY`) and a reader pool;
//! PostgreSQL gets one pool for both.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

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

#[derive(Clone)]
pub(crate) enum Pools {
    Sqlite {
        writer: SqlitePool,
        reader: SqlitePool,
    },
    Postgres(PgPool),
}

/// The storage handle shared by every request: cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pools: Pools,
    pub(crate) blobs: Arc<dyn object_store::ObjectStore>,
}

impl Store {
    /// Connects without changing the schema; see [`Store::migrate`].
    pub async fn connect(options: &StoreOptions) -> Result<Store> {
        let url = options.url.trim();
        let pools = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let connect = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(options.max_connections.max(2))
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(connect)
                .await?;
            Pools::Postgres(pool)
        } else if url.starts_with("sqlite:") {
            let connect = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // Survives a crash of the process; a power cut may lose the last commits
                // (the log is synced at checkpoints). Channels that must acknowledge
                // durability sync explicitly.
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .pragma("temp_store", "memory");
            let writer = SqlitePoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(connect.clone())
                .await?;
            let reader = SqlitePoolOptions::new()
                .max_connections(options.max_connections.max(2))
                .connect_with(connect.read_only(true))
                .await?;
            Pools::Sqlite { writer, reader }
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
            pools,
            blobs: Arc::new(blobs),
        })
    }

    /// Brings the schema up to date. Safe to run on every start and from several nodes
    /// (sqlx takes a lock on PostgreSQL).
    pub async fn migrate(&self) -> Result<()> {
        match &self.pools {
            Pools::Sqlite { writer, .. } => {
                sqlx::migrate!("./migrations/sqlite").run(writer).await?
            }
            Pools::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    pub fn engine(&self) -> Engine {
        match self.pools {
            Pools::Sqlite { .. } => Engine::Sqlite,
            Pools::Postgres(_) => Engine::Postgres,
        }
    }

    /// Whether the database answers: for readiness probes.
    pub async fn ping(&self) -> Result<()> {
        read_db!(self, |ex| {
            sqlx::query("SELECT 1").execute(ex).await?;
        });
        Ok(())
    }

    pub async fn close(&self) {
        match &self.pools {
            Pools::Sqlite { writer, reader } => {
                reader.close().await;
                writer.close().await;
            }
            Pools::Postgres(pool) => pool.close().await,
        }
    }
}
