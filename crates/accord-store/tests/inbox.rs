#![allow(clippy::unwrap_used)]
//! The inbox's lists on both engines: sorted by the soonest running clock (kept in
//! `cases.next_due_at` by triggers on the clocks), "breaching soon" and "awaiting approval"
//! views, cursor paging in due order, and every view's query served by an index.

use accord_core::case::*;
use accord_core::entry::{EntryKind, NewEntry};
use accord_store::Store;
use accord_store::cases::{CaseFilter, CaseSort, Created, NO_CLOCK_DUE};
use accord_testkit::{Cast, db_test, riga};
use jiff::Timestamp;

const POLICY: &str = include_str!("riga-email-policy.toml");

async fn case_at(store: &Store, cast: &Cast, subject: &str, at: Timestamp) -> Case {
    let new = NewCase {
        body: Some("Labdien, rēķins vēl nav atnācis.".into()),
        ..accord_testkit::email_case(subject, cast.contact_a)
    };
    match store.create_case(&cast.agent, new, None, at).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

fn numbers(cases: &[Case]) -> Vec<i64> {
    cases.iter().map(|c| c.number).collect()
}

db_test!(async fn cases_sort_by_their_soonest_clock_and_page_in_that_order(db) {
    let cast = Cast::create(&db.store).await;
    let (draft, _) = db.store.create_policy_draft(&cast.supervisor, POLICY, "Clocks.", riga(2, 9, 0)).await.unwrap();
    db.store.publish_policy(&cast.supervisor, draft.number, riga(2, 9, 0), &[], riga(2, 9, 0)).await.unwrap();
    // Waiting on the customer pauses its clocks: no clock runs, so it sorts last.
    let unclocked = case_at(&db.store, &cast, "Gaidām klientu", riga(2, 9, 30)).await;
    let waiting = CasePatch { status: Some(CaseStatus::WaitingOnCustomer), ..Default::default() };
    db.store.update_case(&cast.agent, unclocked.id, &waiting, riga(2, 9, 35)).await.unwrap();
    let late = case_at(&db.store, &cast, "Vēlāk", riga(2, 11, 0)).await;
    let early = case_at(&db.store, &cast, "Agrāk", riga(2, 10, 0)).await;
    let middle = case_at(&db.store, &cast, "Pa vidu", riga(2, 10, 30)).await;

    let due = CaseFilter { sort: CaseSort::Due, limit: 10, ..CaseFilter::default() };
    let listed = db.store.list_cases(&cast.agent, &due).await.unwrap();
    assert_eq!(numbers(&listed), vec![early.number, middle.number, late.number, unclocked.number]);

    // The first response is due two working hours after arrival; the column follows it.
    let ids: Vec<_> = listed.iter().map(|c| c.id).collect();
    let times = db.store.next_due_times(&cast.agent, &ids).await.unwrap();
    assert_eq!(times[&early.id], riga(2, 12, 0).as_microsecond());
    assert_eq!(times[&unclocked.id], NO_CLOCK_DUE);

    // Answering the earliest moves its soonest clock to the next update, four hours on.
    let reply = NewEntry { kind: EntryKind::Outbound, body: "Labdien! Pārbaudām.".into(), channel: None, department_id: None, answers_entry_id: None };
    db.store.add_entry(&cast.agent, early.id, &reply, riga(2, 10, 15)).await.unwrap();
    let listed = db.store.list_cases(&cast.agent, &due).await.unwrap();
    assert_eq!(numbers(&listed), vec![middle.number, late.number, early.number, unclocked.number]);

    // Paging in due order visits each case once.
    let mut seen = Vec::new();
    let mut page = CaseFilter { limit: 1, ..due.clone() };
    loop {
        let cases = db.store.list_cases(&cast.agent, &page).await.unwrap();
        let Some(last) = cases.last() else { break };
        let times = db.store.next_due_times(&cast.agent, &[last.id]).await.unwrap();
        page.due_after = Some((times[&last.id], last.id));
        seen.extend(numbers(&cases));
    }
    assert_eq!(seen, numbers(&listed));

    // Breaching soon: clocks due by 13:00 — the first responses of the two unanswered.
    let soon = CaseFilter { due_by: Some(riga(2, 13, 0)), ..due.clone() };
    let listed = db.store.list_cases(&cast.agent, &soon).await.unwrap();
    assert_eq!(numbers(&listed), vec![middle.number, late.number]);

    // Back to work: the paused clocks run again, and the case takes its place in the order.
    let resume = CasePatch { status: Some(CaseStatus::Investigating), ..Default::default() };
    db.store.update_case(&cast.agent, unclocked.id, &resume, riga(2, 10, 45)).await.unwrap();
    let times = db.store.next_due_times(&cast.agent, &[unclocked.id]).await.unwrap();
    assert_ne!(times[&unclocked.id], NO_CLOCK_DUE, "the clocks run again");
});

db_test!(async fn every_inbox_view_is_served_by_an_index(db) {
    let cast = Cast::create(&db.store).await;
    let agent = cast.agent.user_id;
    let open = |f: CaseFilter| CaseFilter { open_only: true, limit: 50, ..f };
    let views = [
        ("mine", open(CaseFilter { assignee: Some(Some(agent)), ..CaseFilter::default() })),
        ("team", open(CaseFilter { teams_of: Some(agent), ..CaseFilter::default() })),
        ("unassigned", open(CaseFilter { assignee: Some(None), ..CaseFilter::default() })),
        ("breaching soon", open(CaseFilter { due_by: Some(riga(2, 12, 0)), sort: CaseSort::Due, ..CaseFilter::default() })),
        ("waiting on customer", CaseFilter { statuses: vec![CaseStatus::WaitingOnCustomer], limit: 50, ..CaseFilter::default() }),
        ("awaiting approval", open(CaseFilter { awaiting_approval: true, ..CaseFilter::default() })),
        ("open", open(CaseFilter::default())),
        ("open, soonest due first", open(CaseFilter { sort: CaseSort::Due, ..CaseFilter::default() })),
        ("all", CaseFilter { limit: 50, ..CaseFilter::default() }),
        ("customer's organization", CaseFilter { limit: 50, ..CaseFilter::default() }),
    ];
    for (i, (name, filter)) in views.iter().enumerate() {
        let actor = if i == views.len() - 1 { &cast.customer_a } else { &cast.supervisor };
        let plan = db.store.explain_list_cases(actor, filter).await.unwrap();
        let full_scan = plan.lines().any(|l| {
            let l = l.trim_start_matches([' ', '-', '>']);
            l == "SCAN cases" || l.starts_with("Seq Scan on cases")
        });
        assert!(!full_scan, "{name}: the cases table is read in full:\n{plan}");
        assert!(plan.contains("INDEX") || plan.contains("Index"), "{name}: no index in\n{plan}");
    }
});
