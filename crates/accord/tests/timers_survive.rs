#![allow(clippy::unwrap_used)]
//! Durable timers across real server processes (PRODUCT.md C3, issue 3 acceptance 5):
//! `accord serve` is killed with SIGKILL while timers are due and pending, restarted, and
//! every timer fires once; two `accord serve` processes on one database fire each timer
//! exactly once between them.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use accord_core::case::*;
use accord_store::Store;
use accord_store::cases::Created;
use accord_testkit::{Cast, TestDb, db_test};
use jiff::{SignedDuration, Timestamp};

/// Around the clock, first response within an hour, a warning to supervisors 30 minutes
/// before it is breached.
const POLICY: &str = include_str!("../../accord-policy/tests/always-open.toml");

/// Cases whose warning is already due when the server starts.
const DUE: usize = 400;
/// Cases whose warning falls due a few seconds after it starts.
const LATER: usize = 100;

/// Publishes the policy and opens the cases, backdated so their warnings are due now or
/// within seconds. Returns them with the instant the last warnings fall due.
async fn seed(store: &Store, cast: &Cast) -> (Vec<Case>, Timestamp) {
    let now = Timestamp::now();
    let before = now - SignedDuration::from_hours(2);
    let (draft, findings) = store
        .create_policy_draft(&cast.supervisor, POLICY, "Timers.", before)
        .await
        .unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    store
        .publish_policy(&cast.supervisor, draft.number, before, &[], before)
        .await
        .unwrap();
    let later = now + SignedDuration::from_secs(4);
    let mut cases = Vec::new();
    for i in 0..DUE + LATER {
        // The warning comes 30 minutes after the case opens.
        let warning = if i < DUE {
            now - SignedDuration::from_secs(600 + i as i64)
        } else {
            later
        };
        let new = accord_testkit::email_case(&format!("Pasūtījums {i} kavējas"), cast.contact_a);
        let opened = warning - SignedDuration::from_mins(30);
        match store
            .create_case(&cast.agent, new, None, opened)
            .await
            .unwrap()
        {
            Created::New(case) => cases.push(case),
            Created::Replayed { .. } => panic!("not a retry"),
        }
    }
    (cases, later)
}

struct Server(Child);

impl Server {
    fn start(db: &TestDb, data: &std::path::Path) -> Server {
        let child = Command::new(env!("CARGO_BIN_EXE_accord"))
            .arg("serve")
            .env("ACCORD_DATABASE_URL", &db.url)
            .env("ACCORD_DATA_DIR", data)
            .env("ACCORD_LISTEN", "127.0.0.1:0")
            .env("ACCORD_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start accord serve");
        Server(child)
    }

    /// SIGKILL: no shutdown, no cleanup, whatever it was doing.
    fn kill(mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Warnings fired so far, per case (one `escalated` event each when all is well).
async fn warnings(store: &Store, cast: &Cast, cases: &[Case]) -> Vec<usize> {
    let mut counts = Vec::with_capacity(cases.len());
    for case in cases {
        let events = store.list_events(&cast.agent, case.id).await.unwrap();
        counts.push(
            events
                .iter()
                .filter(|e| e.change.kind() == "escalated")
                .count(),
        );
    }
    counts
}

async fn wait_for_all(store: &Store, cast: &Cast, cases: &[Case], until: Timestamp) -> Vec<usize> {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let counts = warnings(store, cast, cases).await;
        let done = counts.iter().all(|&n| n >= 1) && Timestamp::now() > until;
        if done || Instant::now() > deadline {
            // Give a duplicate, if there were going to be one, time to appear.
            tokio::time::sleep(Duration::from_millis(500)).await;
            return warnings(store, cast, cases).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn not_once(counts: &[usize]) -> Vec<(usize, usize)> {
    counts
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, n)| *n != 1)
        .collect()
}

db_test!(async fn timers_fire_once_after_the_server_is_killed(db) {
    let cast = Cast::create(&db.store).await;
    let (cases, later) = seed(&db.store, &cast).await;
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(&db, data.path());
    // Kill it as soon as it has started firing.
    let deadline = Instant::now() + Duration::from_secs(60);
    while warnings(&db.store, &cast, &cases[..10]).await.iter().all(|&n| n == 0)
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill();
    let fired_before = warnings(&db.store, &cast, &cases)
        .await
        .iter()
        .filter(|&&n| n > 0)
        .count();
    assert!(fired_before > 0, "the server fired nothing before it was killed");
    assert!(db.store.pending_timers().await.unwrap() > 0, "timers were pending when it died");

    let _restarted = Server::start(&db, data.path());
    let wrong = not_once(&wait_for_all(&db.store, &cast, &cases, later).await);
    assert!(
        wrong.is_empty(),
        "{} of {} cases did not get exactly one warning (fired before the kill: {fired_before}): {wrong:?}",
        wrong.len(),
        cases.len()
    );
});

db_test!(async fn two_servers_on_one_database_fire_each_timer_exactly_once(db) {
    let cast = Cast::create(&db.store).await;
    let (cases, later) = seed(&db.store, &cast).await;
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let _first = Server::start(&db, a.path());
    let _second = Server::start(&db, b.path());
    let wrong = not_once(&wait_for_all(&db.store, &cast, &cases, later).await);
    assert!(
        wrong.is_empty(),
        "{} of {} cases did not get exactly one warning: {wrong:?}",
        wrong.len(),
        cases.len()
    );
});
