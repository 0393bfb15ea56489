//! Benchmark of follow-ups and surveys (issue 6; figures go to docs/PERFORMANCE.md; this is a
//! benchmark, not a test):
//!
//! `cargo run --release -p accord-store --example survey_bench -- [CONTACTS] [postgres]`:
//! CONTACTS contacts (default 10,000) each with a resolved email case under the example
//! policy; time firing every follow-up (each sends a survey email, throttle checked), answering
//! every survey through its signed link from 16 clients at once, and reading the results.
//! `postgres` runs on the server named by `ACCORD_TEST_POSTGRES_URL` instead of SQLite.

use std::time::Instant;

/// The allocator of the `accord` server, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use accord_core::case::{CasePatch, CaseStatus};
use accord_core::people::{ContactInput, Identity, IdentityKind};
use accord_store::cases::Created;
use accord_store::survey_results::ResultsBy;
use accord_store::surveys::{LINK_PURPOSE, SurveyAnswer, SurveyAnswerer};
use accord_testkit::{Cast, TestDb};
use jiff::{SignedDuration, Timestamp};

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");
const CLIENTS: usize = 16;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let db = if args.iter().any(|a| a == "postgres") {
        TestDb::postgres().await
    } else {
        TestDb::sqlite().await
    };
    let store = db.store.clone();
    let cast = Cast::create(&store).await;
    let t0 = Timestamp::now() - SignedDuration::from_hours(24 * 20);
    let (draft, _) = store
        .create_policy_draft(&cast.admin, EXAMPLE, "Benchmark.", t0)
        .await
        .expect("draft");
    store
        .publish_policy(&cast.admin, draft.number, t0, &[], t0)
        .await
        .expect("publish");

    let started = Instant::now();
    let mut cases = Vec::with_capacity(count);
    let resolved = CasePatch {
        status: Some(CaseStatus::Resolved),
        ..CasePatch::default()
    };
    for i in 0..count {
        let input = ContactInput {
            name: Some(format!("Cliente {i}")),
            organization_id: None,
            preferred_language: None,
            identities: Some(vec![Identity {
                kind: IdentityKind::Email,
                value: format!("cliente{i}@bench.example"),
            }]),
        };
        let contact = store
            .create_contact(None, input, t0)
            .await
            .expect("contact");
        let new = accord_testkit::email_case(&format!("Pedido {i}"), contact.id);
        let case = match store
            .create_case(&cast.agent, new, None, t0)
            .await
            .expect("case")
        {
            Created::New(case) => case,
            Created::Replayed { .. } => unreachable!("no idempotency key"),
        };
        let at = t0 + SignedDuration::from_hours(1);
        store
            .update_case(&cast.agent, case.id, &resolved, at)
            .await
            .expect("resolve");
        cases.push(case.id);
    }
    eprintln!(
        "{count} contacts with a resolved case in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let later = t0 + SignedDuration::from_hours(24 * 5);
    let fired = store
        .run_due_timers("bench", || later)
        .await
        .expect("timers");
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "fired {fired} timers (follow-ups with their survey emails, and clock checks) in {elapsed:.2} s: {:.0} per second",
        fired as f64 / elapsed
    );

    let mut requests = Vec::with_capacity(count);
    for case in &cases {
        for survey in store
            .case_surveys(&cast.admin, *case)
            .await
            .expect("surveys")
        {
            let expires = Timestamp::now() + SignedDuration::from_hours(1);
            let token = store
                .sign_link(LINK_PURPOSE, &survey.id.to_string(), expires)
                .await
                .expect("sign");
            requests.push((survey.id, token));
        }
    }
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for lane in 0..CLIENTS {
        let store = store.clone();
        let mine: Vec<_> = requests
            .iter()
            .skip(lane)
            .step_by(CLIENTS)
            .cloned()
            .collect();
        tasks.spawn(async move {
            for (n, (id, token)) in mine.into_iter().enumerate() {
                let answer = SurveyAnswer {
                    scores: [("csat".to_owned(), 1 + (n % 5) as i64)].into(),
                    comment: (n % 3 == 0).then(|| "Tudo resolvido, obrigado.".to_owned()),
                };
                store
                    .answer_survey(id, SurveyAnswerer::Link(&token), &answer, Timestamp::now())
                    .await
                    .expect("answer")
                    .expect("a valid link");
            }
        });
    }
    tasks.join_all().await;
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "answered {} surveys from {CLIENTS} clients in {elapsed:.2} s: {:.0} per second (negative ones reopen their case)",
        requests.len(),
        requests.len() as f64 / elapsed
    );

    for by in [ResultsBy::Agent, ResultsBy::Week] {
        let started = Instant::now();
        let rounds = 10;
        let mut answers = 0;
        for _ in 0..rounds {
            let results = store
                .survey_results(&cast.supervisor, "satisfaction", by, 90, Timestamp::now())
                .await
                .expect("results");
            answers = results.total.answers;
        }
        println!(
            "results by {} over {answers} answers: {:.1} ms",
            by.as_str(),
            started.elapsed().as_secs_f64() * 1000.0 / rounds as f64
        );
    }
}
