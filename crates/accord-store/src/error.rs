use accord_core::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value that does not decode: a bug or a manual edit, never user input.
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("configuration: {0}")]
    Config(String),
    #[error("attachment storage: {0}")]
    Blob(#[from] object_store::Error),
}

impl StoreError {
    pub fn not_found(what: &'static str) -> Self {
        StoreError::Domain(DomainError::NotFound(what))
    }

    /// Whether the database refused a duplicate key.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(e)) => e.is_unique_violation(),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            }
            _ => false,
        }
    }
}
