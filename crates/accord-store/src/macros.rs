//! Macros that write a statement body once and expand it for each engine.

/// Runs `$body` once with `$ex` bound to the active engine's read pool; with a second
/// name, that name is bound to the engine's sea-query builder for dynamic statements.
macro_rules! read_db {
    ($store:expr, |$ex:ident| $body:expr) => {
        match &$store.pools {
            $crate::db::Pools::Sqlite { reader, .. } => {
                let $ex = reader;
                $body
            }
            $crate::db::Pools::Postgres(pool) => {
                let $ex = pool;
                $body
            }
        }
    };
    ($store:expr, |$ex:ident, $qb:ident| $body:expr) => {
        match &$store.pools {
            $crate::db::Pools::Sqlite { reader, .. } => {
                let $ex = reader;
                let $qb = sea_query::SqliteQueryBuilder;
                $body
            }
            $crate::db::Pools::Postgres(pool) => {
                let $ex = pool;
                let $qb = sea_query::PostgresQueryBuilder;
                $body
            }
        }
    };
}

/// Runs `$body` inside a write transaction bound to `$tx`, committing when the body
/// finishes and rolling back when it returns early with `?`. On SQLite the transaction
/// starts with `BEGIN IMMEDIATE`, so another process's writer makes it wait, not fail.
macro_rules! write_tx {
    ($store:expr, |$tx:ident| $body:expr) => {
        match &$store.pools {
            $crate::db::Pools::Sqlite { writer, .. } => {
                #[allow(unused_mut)]
                let mut $tx = writer.begin_with("BEGIN IMMEDIATE").await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
            $crate::db::Pools::Postgres(pool) => {
                #[allow(unused_mut)]
                let mut $tx = pool.begin().await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
        }
    };
}
