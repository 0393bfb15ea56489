#![allow(clippy::unwrap_used)]
//! Remedies and the concession ledger on both engines: authority limits, approval by a
//! role whose limit covers the amount (never the requester), refusal above every limit,
//! limits on the total of a case (and per customer and period), whole units, requests at
//! the same time, and the ledger with its patterns.

use accord_core::DomainError;
use accord_core::case::*;
use accord_core::remedy::{Decision, GrantStatus, NewGrant};
use accord_policy::ledger::Pattern;
use accord_store::cases::Created;
use accord_store::{Store, StoreError};
use accord_testkit::{Cast, db_test, now};

/// Service credit: agents up to 50 EUR, supervisors 500, admins 5000.
const POLICY: &str = include_str!("../../accord-policy/tests/valid-minimal.toml");

async fn setup(store: &Store, cast: &Cast) -> Case {
    setup_with(store, cast, POLICY).await
}

async fn setup_with(store: &Store, cast: &Cast, policy: &str) -> Case {
    let t = now();
    let (draft, findings) = store
        .create_policy_draft(&cast.supervisor, policy, "Credits.", t)
        .await
        .unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    store
        .publish_policy(&cast.supervisor, draft.number, t, &[], t)
        .await
        .unwrap();
    open_case(store, cast, cast.contact_a).await
}

async fn open_case(store: &Store, cast: &Cast, contact: accord_core::ids::ContactId) -> Case {
    let new = accord_testkit::email_case("Entrega con dos semanas de retraso", contact);
    match store
        .create_case(&cast.agent, new, None, now())
        .await
        .unwrap()
    {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

/// The minimal policy with the agent's limit raised to 150 EUR (the issue's refunds), and
/// `extra` after the credit's limits.
fn policy_150(extra: &str) -> String {
    let limits = "limits = { agent = 50, supervisor = 500, admin = 5000 }";
    assert!(POLICY.contains(limits));
    POLICY.replace(
        limits,
        &format!("limits = {{ agent = 150, supervisor = 500, admin = 5000 }}\n{extra}"),
    )
}

/// Remedies in items and days beside the credit.
const MORE_REMEDIES: &str = r#"
[[remedies]]
id = "replacement"
kind = "replacement"
unit = "items"
name = { en = "A new one" }
limits = { agent = 2, supervisor = 10 }
rationale = { basis = "business_practice", text = "A broken part is replaced.", long_term = "Customers stay." }
explanation = { en = "We send you a new one." }

[[remedies]]
id = "more-time"
kind = "extended_deadline"
unit = "days"
name = { en = "More time to pay" }
limits = { agent = 14, supervisor = 30 }
rationale = { basis = "business_practice", text = "Time to pay after our mistake.", long_term = "Customers stay." }
explanation = { en = "You get more days to pay your invoice." }
"#;

fn field_codes(e: StoreError) -> Vec<(String, &'static str)> {
    match e {
        StoreError::Domain(DomainError::Invalid(errors)) => {
            errors.into_iter().map(|e| (e.field, e.code)).collect()
        }
        other => panic!("expected a validation error, got {other}"),
    }
}

fn credit(amount: f64) -> NewGrant {
    NewGrant {
        remedy: "credit".into(),
        amount,
        reason: "La entrega llegó dos semanas tarde.".into(),
    }
}

fn approve() -> Decision {
    Decision {
        approve: true,
        note: String::new(),
    }
}

fn refuse() -> Decision {
    Decision {
        approve: false,
        note: "Ya recibió un abono este mes.".into(),
    }
}

fn is_forbidden(e: StoreError) -> bool {
    matches!(e, StoreError::Domain(DomainError::Forbidden(_)))
}

db_test!(async fn a_remedy_above_the_agents_limit_waits_for_approval(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let case = setup(store, &cast).await;
    let offered = store.offered_remedies(&cast.agent, case.id, now()).await.unwrap();
    assert_eq!(offered.len(), 1);
    assert_eq!((offered[0].own_limit, offered[0].highest_limit), (Some(50.0), Some(5000.0)));

    // Within the limit: given at once, in the ledger.
    let small = store.grant_remedy(&cast.agent, case.id, &credit(40.0), now()).await.unwrap();
    assert_eq!(small.status, GrantStatus::Granted);
    // Above it: pending for a supervisor, not in the ledger.
    let big = store.grant_remedy(&cast.agent, case.id, &credit(200.0), now()).await.unwrap();
    assert_eq!((big.status, big.approver_role), (GrantStatus::Pending, Some(accord_core::people::Role::Supervisor)));
    let ledger = store.ledger(&cast.supervisor, cast.org_a, now()).await.unwrap();
    assert_eq!(ledger.given.iter().map(|g| g.amount).collect::<Vec<_>>(), vec![40.0]);
    // The agent cannot approve it, nor see it among their approvals.
    assert!(is_forbidden(store.decide_remedy(&cast.agent, big.id, &approve(), now()).await.unwrap_err()));
    assert!(store.pending_approvals(&cast.agent).await.unwrap().is_empty());
    // The supervisor sees it and approves it; now it is in the ledger, and only once decided.
    let waiting = store.pending_approvals(&cast.supervisor).await.unwrap();
    assert_eq!(waiting.iter().map(|g| g.id).collect::<Vec<_>>(), vec![big.id]);
    let approved = store.decide_remedy(&cast.supervisor, big.id, &approve(), now()).await.unwrap();
    assert_eq!(approved.status, GrantStatus::Approved);
    assert_eq!(approved.decided_by, Some(cast.supervisor.user_id));
    assert!(matches!(store.decide_remedy(&cast.admin, big.id, &refuse(), now()).await.unwrap_err(), StoreError::Domain(DomainError::Conflict(_))));
    let ledger = store.ledger(&cast.agent, cast.org_a, now()).await.unwrap();
    assert_eq!(ledger.given.iter().map(|g| g.amount).collect::<Vec<_>>(), vec![200.0, 40.0]);
    assert_eq!(ledger.totals, vec![("EUR".to_owned(), 240.0)]);
    // The case's history shows each step.
    let remedies: Vec<_> = store.list_events(&cast.agent, case.id).await.unwrap().into_iter()
        .filter_map(|e| match e.change { Change::Remedy { status, .. } => Some(status), _ => None }).collect();
    assert_eq!(remedies, vec![GrantStatus::Granted, GrantStatus::Pending, GrantStatus::Approved]);
});

db_test!(async fn nobody_approves_their_own_request_and_nothing_above_every_limit_is_stored(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let case = setup(store, &cast).await;
    // A supervisor's request above their own limit goes to an admin, not to themselves.
    let request = store.grant_remedy(&cast.supervisor, case.id, &credit(900.0), now()).await.unwrap();
    assert_eq!(request.approver_role, Some(accord_core::people::Role::Admin));
    assert!(is_forbidden(store.decide_remedy(&cast.supervisor, request.id, &approve(), now()).await.unwrap_err()));
    // A refusal must say why.
    let silent = Decision { approve: false, note: " ".into() };
    assert!(store.decide_remedy(&cast.admin, request.id, &silent, now()).await.is_err());
    assert_eq!(store.decide_remedy(&cast.admin, request.id, &refuse(), now()).await.unwrap().status, GrantStatus::Rejected);
    // Above every limit: refused with the limit, nothing stored.
    let err = store.grant_remedy(&cast.admin, case.id, &credit(5000.5), now()).await.unwrap_err();
    assert!(err.to_string().contains("5000"), "{err}");
    let unknown = store.grant_remedy(&cast.agent, case.id, &NewGrant { remedy: "cruise".into(), ..credit(1.0) }, now()).await.unwrap_err();
    assert!(unknown.to_string().contains("cruise"), "{unknown}");
    assert_eq!(store.case_grants(&cast.agent, case.id).await.unwrap().len(), 1);
    // Customers cannot grant or read the ledger.
    assert!(is_forbidden(store.grant_remedy(&cast.customer_a, case.id, &credit(1.0), now()).await.unwrap_err()));
    assert!(is_forbidden(store.ledger(&cast.customer_a, cast.org_a, now()).await.unwrap_err()));
});

db_test!(async fn the_ledger_flags_growing_concessions_and_long_refusals(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let case = setup(store, &cast).await;
    // Growing, each on a case of its own (on one case the limit counts their total).
    for amount in [10.0, 20.0, 45.0] {
        let other = open_case(store, &cast, cast.contact_a).await;
        let grant = store.grant_remedy(&cast.agent, other.id, &credit(amount), now()).await.unwrap();
        assert_eq!(grant.status, GrantStatus::Granted);
    }
    let ledger = store.ledger(&cast.supervisor, cast.org_a, now()).await.unwrap();
    assert_eq!(ledger.patterns, vec![Pattern::GrowingConcessions { unit: "EUR".into(), amounts: vec![10.0, 20.0, 45.0] }]);
    for amount in [100.0, 120.0, 150.0] {
        let request = store.grant_remedy(&cast.agent, case.id, &credit(amount), now()).await.unwrap();
        store.decide_remedy(&cast.supervisor, request.id, &refuse(), now()).await.unwrap();
    }
    let ledger = store.ledger(&cast.supervisor, cast.org_a, now()).await.unwrap();
    assert!(ledger.patterns.contains(&Pattern::LongRefusal { refusals: 3 }), "{:?}", ledger.patterns);
    assert_eq!(ledger.refused.len(), 3);
});

db_test!(async fn splitting_a_refund_into_parts_does_not_pass_the_limit(db) {
    // The issue: an agent with a 150 EUR limit made four 150 EUR refunds on one case, all
    // granted. The limit is on the total of the case: only the first is within it.
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let case = setup_with(store, &cast, &policy_150("")).await;
    let mut parts = Vec::new();
    for _ in 0..4 {
        parts.push(store.grant_remedy(&cast.agent, case.id, &credit(150.0), now()).await.unwrap());
    }
    let outcome: Vec<_> = parts.iter().map(|g| (g.status, g.approver_role)).collect();
    use accord_core::people::Role;
    assert_eq!(outcome, vec![
        (GrantStatus::Granted, None),
        // 300 and 450 in all: a supervisor's 500 covers them; 600 needs an admin.
        (GrantStatus::Pending, Some(Role::Supervisor)),
        (GrantStatus::Pending, Some(Role::Supervisor)),
        (GrantStatus::Pending, Some(Role::Admin)),
    ]);
    // The agent sees what the limits already count on the case.
    let offered = store.offered_remedies(&cast.agent, case.id, now()).await.unwrap();
    assert_eq!((offered[0].on_case, offered[0].per_customer_days, offered[0].for_customer), (600.0, None, None));
    // A supervisor may approve the parts whose running total their limit covers, not the
    // fourth; approving never takes the case's total above the approver's limit.
    let waiting: Vec<_> = store.pending_approvals(&cast.supervisor).await.unwrap().into_iter().map(|g| g.id).collect();
    assert_eq!(waiting, vec![parts[1].id, parts[2].id]);
    assert!(is_forbidden(store.decide_remedy(&cast.supervisor, parts[3].id, &approve(), now()).await.unwrap_err()));
    // Decided out of order, the totals still hold: the third counts the second before it.
    store.decide_remedy(&cast.supervisor, parts[2].id, &approve(), now()).await.unwrap();
    store.decide_remedy(&cast.supervisor, parts[1].id, &approve(), now()).await.unwrap();
    assert!(is_forbidden(store.decide_remedy(&cast.supervisor, parts[3].id, &approve(), now()).await.unwrap_err()));
    store.decide_remedy(&cast.admin, parts[3].id, &approve(), now()).await.unwrap();
    // Above every limit with what the case has: refused, with its own code, nothing stored.
    let err = store.grant_remedy(&cast.admin, case.id, &credit(4500.0), now()).await.unwrap_err();
    assert!(err.to_string().contains("at most 4400"), "{err}");
    assert_eq!(field_codes(err), vec![("amount".to_owned(), "case_total_above_every_limit")]);
    let last = store.grant_remedy(&cast.admin, case.id, &credit(4400.0), now()).await.unwrap();
    assert_eq!(last.status, GrantStatus::Granted);
    assert_eq!(store.case_grants(&cast.agent, case.id).await.unwrap().len(), 5);
    // Refusals count for nothing: a refused request leaves room for the next one.
    let another = open_case(store, &cast, cast.contact_a).await;
    let first = store.grant_remedy(&cast.agent, another.id, &credit(100.0), now()).await.unwrap();
    let second = store.grant_remedy(&cast.agent, another.id, &credit(100.0), now()).await.unwrap();
    assert_eq!((first.status, second.status), (GrantStatus::Granted, GrantStatus::Pending));
    store.decide_remedy(&cast.supervisor, second.id, &refuse(), now()).await.unwrap();
    let third = store.grant_remedy(&cast.agent, another.id, &credit(50.0), now()).await.unwrap();
    assert_eq!(third.status, GrantStatus::Granted);
    // Without a per-customer limit, another case of the same account starts at zero, and
    // every part is in the account's ledger, flagged as one concession given in parts.
    let ledger = store.ledger(&cast.supervisor, cast.org_a, now()).await.unwrap();
    assert_eq!(ledger.given.len(), 7);
    assert_eq!(ledger.totals, vec![("EUR".to_owned(), 600.0 + 4400.0 + 150.0)]);
    assert!(ledger.patterns.contains(&Pattern::RepeatedOnOneCase {
        unit: "EUR".into(), case_number: case.number, grants: 5, total: 5000.0
    }), "{:?}", ledger.patterns);
});

db_test!(async fn a_per_customer_limit_counts_every_case_of_the_customer_in_its_period(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let policy = policy_150("limits_per_customer = { within_days = 30 }");
    let first = setup_with(store, &cast, &policy).await;
    let day = jiff::SignedDuration::from_hours(24);
    // Forty days ago, on one case: outside the period of the customer's limit.
    let old = store.grant_remedy(&cast.agent, first.id, &credit(100.0), now() - day * 40).await.unwrap();
    assert_eq!(old.status, GrantStatus::Granted);
    // Today, on a second case: 100 in the period, within the agent's 150.
    let second = open_case(store, &cast, cast.contact_a).await;
    let today = store.grant_remedy(&cast.agent, second.id, &credit(100.0), now()).await.unwrap();
    assert_eq!(today.status, GrantStatus::Granted);
    // A third case of the same organization: 200 in the period, so a supervisor approves.
    let third = open_case(store, &cast, cast.contact_a).await;
    let over = store.grant_remedy(&cast.agent, third.id, &credit(100.0), now()).await.unwrap();
    assert_eq!((over.status, over.approver_role), (GrantStatus::Pending, Some(accord_core::people::Role::Supervisor)));
    let offered = store.offered_remedies(&cast.agent, third.id, now()).await.unwrap();
    assert_eq!((offered[0].on_case, offered[0].per_customer_days, offered[0].for_customer), (100.0, Some(30), Some(200.0)));
    // Another customer has a limit of their own.
    let elsewhere = open_case(store, &cast, cast.contact_b).await;
    let theirs = store.grant_remedy(&cast.agent, elsewhere.id, &credit(150.0), now()).await.unwrap();
    assert_eq!(theirs.status, GrantStatus::Granted);
    // The supervisor's 500 covers the customer's 200.
    assert_eq!(store.decide_remedy(&cast.supervisor, over.id, &approve(), now()).await.unwrap().status, GrantStatus::Approved);
    // Above every limit only with the customer's other cases: refused with its own code.
    let fourth = open_case(store, &cast, cast.contact_a).await;
    let err = store.grant_remedy(&cast.admin, fourth.id, &credit(4850.0), now()).await.unwrap_err();
    assert!(err.to_string().contains("in the last 30 days"), "{err}");
    assert_eq!(field_codes(err), vec![("amount".to_owned(), "customer_total_above_every_limit")]);
    assert_eq!(store.grant_remedy(&cast.admin, fourth.id, &credit(4800.0), now()).await.unwrap().status, GrantStatus::Granted);
    // Without `limits_per_customer`, only the case counts (the minimal policy's remedy).
    let v2 = POLICY.replace("Service credit", "Service credit, per case");
    cast.publish(store, &v2, now()).await;
    let again_case = open_case(store, &cast, cast.contact_a).await;
    let alone = store.grant_remedy(&cast.agent, again_case.id, &credit(50.0), now()).await.unwrap();
    assert_eq!(alone.status, GrantStatus::Granted);
});

db_test!(async fn remedies_take_whole_units(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let case = setup_with(store, &cast, &format!("{POLICY}\n{MORE_REMEDIES}")).await;
    let ask = |remedy: &str, amount: f64| NewGrant { remedy: remedy.into(), amount, reason: "Llegó roto.".into() };
    let codes = |remedy: &'static str, amounts: &'static [f64]| {
        let store = store.clone();
        let agent = cast.agent.clone();
        async move {
            let mut found = Vec::new();
            for &amount in amounts {
                let err = store.grant_remedy(&agent, case.id, &ask(remedy, amount), now()).await.unwrap_err();
                let codes = field_codes(err);
                assert_eq!(codes.len(), 1, "{remedy} {amount}: {codes:?}");
                assert_eq!(codes[0].0, "amount");
                found.push(codes[0].1);
            }
            found
        }
    };
    // Money in whole cents: 1e-300 EUR is not a cent; nor are 0.001 or 12.345.
    assert_eq!(codes("credit", &[1e-300, 0.001, 12.345, 0.005]).await, vec!["too_precise"; 4]);
    // Items and days are whole.
    assert_eq!(codes("replacement", &[0.5, 1.5, 1e-300]).await, vec!["not_whole"; 3]);
    assert_eq!(codes("more-time", &[0.001, 0.5, 7.25]).await, vec!["not_whole"; 3]);
    // Not a number, zero or negative, whatever the unit.
    for remedy in ["credit", "replacement", "more-time"] {
        assert_eq!(
            codes(remedy, &[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0, -3.0]).await,
            vec!["invalid_number", "invalid_number", "invalid_number", "not_positive", "not_positive", "not_positive"],
        );
    }
    // The error names the decimals the currency takes, and how to fix it.
    let err = store.grant_remedy(&cast.agent, case.id, &ask("credit", 1e-300), now()).await.unwrap_err();
    assert!(err.to_string().contains("at most 2 decimals"), "{err}");
    // Every problem at once: a missing reason and half an item.
    let half = NewGrant { reason: " ".into(), ..ask("replacement", 0.5) };
    let both = field_codes(store.grant_remedy(&cast.agent, case.id, &half, now()).await.unwrap_err());
    assert_eq!(both, vec![("reason".to_owned(), "required"), ("amount".to_owned(), "not_whole")]);
    // An unknown remedy with a bad amount reports the amount, not only the remedy.
    let unknown = field_codes(store.grant_remedy(&cast.agent, case.id, &ask("cruise", f64::NAN), now()).await.unwrap_err());
    assert_eq!(unknown, vec![("amount".to_owned(), "invalid_number")]);
    // Nothing was stored; whole amounts are.
    assert!(store.case_grants(&cast.agent, case.id).await.unwrap().is_empty());
    let cents = store.grant_remedy(&cast.agent, case.id, &ask("credit", 19.99), now()).await.unwrap();
    let items = store.grant_remedy(&cast.agent, case.id, &ask("replacement", 2.0), now()).await.unwrap();
    let days = store.grant_remedy(&cast.agent, case.id, &ask("more-time", 14.0), now()).await.unwrap();
    assert_eq!((cents.amount, items.amount, days.amount), (19.99, 2.0, 14.0));
    assert!([&cents, &items, &days].iter().all(|g| g.status == GrantStatus::Granted));
    // Sums are in cents: 19.99 + 30.01 is exactly the agent's 50.
    let rest = store.grant_remedy(&cast.agent, case.id, &ask("credit", 30.01), now()).await.unwrap();
    assert_eq!(rest.status, GrantStatus::Granted);
    let one_cent = store.grant_remedy(&cast.agent, case.id, &ask("credit", 0.01), now()).await.unwrap();
    assert_eq!(one_cent.status, GrantStatus::Pending);
});

db_test!(async fn requests_at_the_same_time_are_counted_one_after_the_other(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let policy = policy_150("limits_per_customer = { within_days = 30 }");
    let case = setup_with(store, &cast, &policy).await;
    // Eight agents' requests of 150 on one case at once: exactly one is within the limit.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (store, agent) = (store.clone(), cast.agent.clone());
        tasks.push(tokio::spawn(async move {
            store.grant_remedy(&agent, case.id, &credit(150.0), now()).await.unwrap().status
        }));
    }
    let mut granted = 0;
    for task in tasks {
        if task.await.unwrap() == GrantStatus::Granted {
            granted += 1;
        }
    }
    assert_eq!(granted, 1);
    // Eight at once on eight cases of one customer of organization B: the per-customer
    // limit counts them together, so again exactly one is granted.
    let mut cases = Vec::new();
    for _ in 0..8 {
        cases.push(open_case(store, &cast, cast.contact_b).await.id);
    }
    let mut tasks = Vec::new();
    for id in cases {
        let (store, agent) = (store.clone(), cast.agent.clone());
        tasks.push(tokio::spawn(async move {
            store.grant_remedy(&agent, id, &credit(150.0), now()).await.unwrap().status
        }));
    }
    let mut granted = 0;
    for task in tasks {
        if task.await.unwrap() == GrantStatus::Granted {
            granted += 1;
        }
    }
    assert_eq!(granted, 1);
    let ledger = store.ledger(&cast.supervisor, cast.org_b, now()).await.unwrap();
    assert_eq!(ledger.totals, vec![("EUR".to_owned(), 150.0)]);
});
