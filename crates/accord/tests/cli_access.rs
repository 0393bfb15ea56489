#![allow(clippy::unwrap_used)]
//! The operator's CLI cuts off access (issue 16, item 16): `accord user deactivate|reactivate`,
//! `accord token create --expires|list|revoke`, on both engines, with the running store
//! seeing each change at once.

use std::process::{Command, Output};

use accord_store::auth::TokenCheck;
use accord_testkit::{Cast, TestDb, db_test, now};

fn accord(db: &TestDb, dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .current_dir(dir)
        .env("ACCORD_DATABASE_URL", &db.url)
        .env("ACCORD_DATA_DIR", dir)
        .env("ACCORD_TIME_ZONE", "UTC")
        .env("ACCORD_LOG", "warn")
        .output()
        .expect("run accord")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

db_test!(async fn the_cli_deactivates_users_and_issues_lists_and_revokes_tokens(db) {
    let cast = Cast::create(&db.store).await;
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();

    // A token that works until the end of 31 January 2099 (UTC, the configured zone).
    let token = stdout(&accord(&db, dir, &["token", "create", "--user", "janis@accord.test", "--name", "ci", "--expires", "2099-01-31"])).trim().to_owned();
    assert!(matches!(db.store.check_token(&token, now()).await.unwrap(), TokenCheck::Valid(_)));
    let ends = "2099-02-01T00:00:00Z".parse().unwrap();
    assert_eq!(db.store.check_token(&token, ends).await.unwrap(), TokenCheck::Expired);
    let refused = accord(&db, dir, &["token", "create", "--user", "janis@accord.test", "--expires", "next week"]);
    assert!(!refused.status.success());

    // Listed without its secret; revoked by id.
    let list = stdout(&accord(&db, dir, &["token", "list", "--user", "janis@accord.test"]));
    let line = list.lines().find(|l| l.contains("\tci\t")).unwrap();
    assert!(line.contains("expires 2099-02-01T00:00:00Z") && !list.contains(&token), "{list}");
    let id = line.split('\t').next().unwrap();
    let revoked = stdout(&accord(&db, dir, &["token", "revoke", id]));
    assert!(revoked.contains("Revoked token"));
    assert_eq!(db.store.check_token(&token, now()).await.unwrap(), TokenCheck::Revoked);
    assert!(stdout(&accord(&db, dir, &["token", "list", "--user", "janis@accord.test"])).contains("revoked"));

    // Deactivation: the running store refuses the user's tokens and sessions at once.
    let other = db.store.create_token(None, cast.agent.user_id, "other", now()).await.unwrap();
    let (session, _) = db.store.create_session(cast.agent.user_id, jiff::SignedDuration::from_hours(1), now()).await.unwrap();
    stdout(&accord(&db, dir, &["user", "deactivate", "--email", "janis@accord.test"]));
    assert_eq!(db.store.check_token(&other, now()).await.unwrap(), TokenCheck::UserInactive);
    assert!(db.store.session(&session, now()).await.unwrap().is_none());
    stdout(&accord(&db, dir, &["user", "reactivate", "--email", "JANIS@accord.test"]));
    assert!(matches!(db.store.check_token(&other, now()).await.unwrap(), TokenCheck::Valid(_)));
    let log = db.store.audit_log(&cast.admin, 10).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"user.deactivate") && actions.contains(&"user.reactivate") && actions.contains(&"token.revoke"), "{actions:?}");
});
