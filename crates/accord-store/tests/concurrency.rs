#![allow(clippy::unwrap_used)]
//! Concurrent writers: on SQLite they share group-committed transactions, each in its own
//! savepoint. A failing writer must undo only its own work; every acknowledged write must
//! be stored; nothing is acknowledged before it is committed.

use accord_core::DomainError;
use accord_core::people::{NewTeam, TeamKind};
use accord_store::StoreError;
use accord_testkit::{Cast, db_test, now};

db_test!(async fn failing_writers_undo_only_their_own_work(db) {
    let cast = Cast::create(&db.store).await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let store = db.store.clone();
        // Every fourth writer repeats a name and fails on the unique constraint.
        let name = if i % 4 == 3 { "Atbalsts".to_owned() } else { format!("Komanda {i}") };
        tasks.push(tokio::spawn(async move {
            store.create_team(None, NewTeam { name, kind: TeamKind::Team, description: None }, now()).await
        }));
    }
    let mut created = 0;
    let mut refused = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => created += 1,
            Err(StoreError::Domain(DomainError::Conflict(_))) => refused += 1,
            Err(other) => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, refused), (30, 10));
    let teams = db.store.list_teams(&cast.admin).await.unwrap();
    // The cast's team and department, plus the 30 new ones.
    assert_eq!(teams.len(), 32);
    // Each acknowledged creation wrote its audit row in the same transaction.
    let log = db.store.audit_log(&cast.admin, 1000).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "team.create").count(), 32);
});

db_test!(async fn acknowledged_writes_are_visible_to_readers_at_once(db) {
    let cast = Cast::create(&db.store).await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let store = db.store.clone();
        let admin = cast.admin.clone();
        tasks.push(tokio::spawn(async move {
            let team = store.create_team(None, NewTeam { name: format!("Equipa {i}"), kind: TeamKind::Team, description: None }, now()).await.unwrap();
            // Read-after-write through another (reader) connection.
            store.get_team(&admin, team.id).await.unwrap().name
        }));
    }
    for (i, task) in tasks.into_iter().enumerate() {
        assert_eq!(task.await.unwrap(), format!("Equipa {i}"));
    }
});
