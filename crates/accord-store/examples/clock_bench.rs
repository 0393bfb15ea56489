//! Benchmarks of issue 3 acceptance 7 on SQLite (figures go to docs/PERFORMANCE.md; this is
//! a benchmark, not a test):
//!
//! - `cargo run --release -p accord-store --example clock_bench -- reevaluate [CASES]`:
//!   open CASES cases (default 100,000) under the example policy, publish a version with
//!   other email targets, and time moving every open case to it with its clocks re-evaluated.
//! - `cargo run --release -p accord-store --example clock_bench -- timer-lag [CASES]`:
//!   with CASES cases' timers pending (two each), let 10,000 warnings fall due over 30
//!   seconds while the timer worker runs, and report how late each fired.

use std::time::Instant;

/// The allocator of the `accord` server, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use accord_core::access::Actor;
use accord_core::case::Case;
use accord_core::ids::ContactId;
use accord_store::Store;
use accord_store::cases::Created;
use accord_testkit::{Cast, TestDb};
use jiff::{SignedDuration, Timestamp};

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");
const ALWAYS_OPEN: &str = include_str!("../../accord-policy/tests/always-open.toml");

async fn publish(store: &Store, actor: &Actor, source: &str, effective: Timestamp, at: Timestamp) {
    let (draft, _) = store
        .create_policy_draft(actor, source, "Benchmark.", at)
        .await
        .expect("draft");
    store
        .publish_policy(actor, draft.number, effective, &[], at)
        .await
        .expect("publish");
}

/// Opens cases concurrently (as many clients would), the i-th at `opened(i)`.
async fn open_cases(
    store: &Store,
    cast: &Cast,
    count: usize,
    opened: impl Fn(usize) -> Timestamp,
) -> Vec<Case> {
    const CLIENTS: usize = 32;
    let started = Instant::now();
    let mut cases = Vec::with_capacity(count);
    for chunk in (0..count).collect::<Vec<_>>().chunks(CLIENTS * 50) {
        let mut tasks = tokio::task::JoinSet::new();
        for lane in 0..CLIENTS {
            let (store, agent, contact) = (store.clone(), cast.agent.clone(), cast.contact_a);
            let mine: Vec<(usize, Timestamp)> = chunk
                .iter()
                .skip(lane)
                .step_by(CLIENTS)
                .map(|&i| (i, opened(i)))
                .collect();
            tasks.spawn(async move {
                let mut made = Vec::new();
                for (i, at) in mine {
                    made.push((i, new_case(&store, &agent, contact, i, at).await));
                }
                made
            });
        }
        let mut batch: Vec<(usize, Case)> = tasks.join_all().await.into_iter().flatten().collect();
        batch.sort_by_key(|(i, _)| *i);
        cases.extend(batch.into_iter().map(|(_, c)| c));
    }
    eprintln!(
        "opened {count} cases in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    cases
}

async fn new_case(
    store: &Store,
    agent: &Actor,
    contact: ContactId,
    i: usize,
    at: Timestamp,
) -> Case {
    let new = accord_testkit::email_case(&format!("Pedido {i} sin entregar"), contact);
    match store.create_case(agent, new, None, at).await.expect("case") {
        Created::New(case) => case,
        Created::Replayed { .. } => unreachable!("no idempotency key"),
    }
}

async fn reevaluate(count: usize) {
    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    let now = Timestamp::now();
    let t0 = now - SignedDuration::from_hours(24);
    publish(&db.store, &cast.admin, EXAMPLE, t0, t0).await;
    open_cases(&db.store, &cast, count, |i| {
        t0 + SignedDuration::from_millis(i as i64)
    })
    .await;
    // Version 2 answers email faster; it takes effect in an hour.
    let faster = EXAMPLE.replace("first_response = \"4h\"", "first_response = \"3h\"");
    let effective = now + SignedDuration::from_hours(1);
    publish(&db.store, &cast.admin, &faster, effective, now).await;
    // As on a server between bursts: the log of the bulk load copied into the database.
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let started = Instant::now();
    let moved = db
        .store
        .switch_policy_versions(effective)
        .await
        .expect("switch");
    let elapsed = started.elapsed();
    println!(
        "re-evaluated {moved} open cases in {:.2} s ({:.1} µs per case)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / moved.max(1) as f64
    );
}

async fn timer_lag(count: usize) {
    const WINDOW_CASES: usize = 10_000;
    let db = TestDb::sqlite().await;
    let cast = Cast::create(&db.store).await;
    // In force since an hour ago: the measured cases are opened (backdated) 30 minutes ago.
    let since = Timestamp::now() - SignedDuration::from_hours(1);
    publish(&db.store, &cast.admin, ALWAYS_OPEN, since, since).await;
    // The background: cases whose timers fall due in 30 minutes or later.
    open_cases(&db.store, &cast, count, |_| Timestamp::now()).await;
    // The measured ones: warnings (30 minutes after opening) due one every 3 ms over 30 s,
    // starting 20 s from now.
    let first_due = Timestamp::now() + SignedDuration::from_secs(20);
    let due = |i: usize| first_due + SignedDuration::from_millis(3 * i as i64);
    let cases = open_cases(&db.store, &cast, WINDOW_CASES, |i| {
        due(i) - SignedDuration::from_mins(30)
    })
    .await;
    let pending = db.store.pending_timers().await.expect("count");
    let lead = first_due.duration_since(Timestamp::now());
    println!(
        "{pending} timers pending; the first measured one is due in {:.1} s",
        lead.as_secs_f64()
    );
    let worker = db.store.clone();
    let running = tokio::spawn(async move { worker.work_timers("bench").await });
    let last_due = due(WINDOW_CASES - 1);
    let wait = last_due.duration_since(Timestamp::now()) + SignedDuration::from_secs(3);
    tokio::time::sleep(wait.unsigned_abs()).await;
    running.abort();
    let mut lags = Vec::with_capacity(WINDOW_CASES);
    let mut missing = 0;
    for (i, case) in cases.iter().enumerate() {
        let events = db
            .store
            .list_events(&cast.agent, case.id)
            .await
            .expect("events");
        match events.iter().find(|e| e.change.kind() == "escalated") {
            Some(e) => lags.push(e.at.duration_since(due(i)).as_secs_f64() * 1000.0),
            None => missing += 1,
        }
    }
    if lags.is_empty() {
        println!("no measured timer fired");
        return;
    }
    lags.sort_by(f64::total_cmp);
    let pct = |p: f64| lags[((lags.len() as f64 * p) as usize).min(lags.len() - 1)];
    println!(
        "fired {} of {WINDOW_CASES} (missing {missing}); lag ms: p50 {:.1}, p90 {:.1}, p99 {:.1}, max {:.1}",
        lags.len(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        lags.last().copied().unwrap_or(f64::NAN)
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let count = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    match mode.as_str() {
        "reevaluate" => reevaluate(count).await,
        "timer-lag" => timer_lag(count).await,
        _ => eprintln!("usage: clock_bench reevaluate|timer-lag [CASES]"),
    }
}
