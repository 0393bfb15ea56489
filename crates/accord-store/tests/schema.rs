#![allow(clippy::unwrap_used)]
//! The two migration sets must describe the same schema: same tables, same columns, same
//! nullability, same indexes. A change made to one engine only fails here.

use std::collections::BTreeSet;

use accord_testkit::TestDb;
use sqlx::Connection;

type Columns = BTreeSet<(String, String, bool)>;

async fn sqlite_schema(db: &TestDb) -> (Columns, BTreeSet<String>) {
    let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut columns = Columns::new();
    for (table,) in tables {
        let rows: Vec<(String, i64)> = sqlx::query_as(&format!(
            "SELECT name, \"notnull\" FROM pragma_table_info('{table}')"
        ))
        .fetch_all(&mut conn)
        .await
        .unwrap();
        for (name, not_null) in rows {
            columns.insert((table.clone(), name, not_null == 1));
        }
    }
    let indexes: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    (columns, indexes.into_iter().map(|(n,)| n).collect())
}

async fn postgres_schema(db: &TestDb) -> (Columns, BTreeSet<String>) {
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    // Primary keys are NOT NULL implicitly in PostgreSQL; SQLite reports them as nullable
    // unless declared, so compare primary-key columns as NOT NULL on both sides.
    let columns = rows
        .into_iter()
        .map(|(t, c, nullable)| (t, c, nullable == "NO"))
        .collect();
    let indexes: Vec<(String,)> = sqlx::query_as(
        "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    (columns, indexes.into_iter().map(|(n,)| n).collect())
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let sqlite = TestDb::sqlite().await;
    let postgres = TestDb::postgres().await;
    let (mut sqlite_columns, sqlite_indexes) = sqlite_schema(&sqlite).await;
    let (postgres_columns, postgres_indexes) = postgres_schema(&postgres).await;
    // Align SQLite's primary-key nullability with PostgreSQL's (see above).
    sqlite_columns = sqlite_columns
        .into_iter()
        .map(|(t, c, nn)| {
            let pk_in_pg = postgres_columns.contains(&(t.clone(), c.clone(), true));
            (t, c, nn || pk_in_pg)
        })
        .collect();
    let only_sqlite: Vec<_> = sqlite_columns.difference(&postgres_columns).collect();
    let only_postgres: Vec<_> = postgres_columns.difference(&sqlite_columns).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "columns differ:\n only in SQLite: {only_sqlite:?}\n only in PostgreSQL: {only_postgres:?}"
    );
    assert_eq!(sqlite_indexes, postgres_indexes, "indexes differ");
    assert!(sqlite_columns.len() > 50, "schema unexpectedly small");
}
