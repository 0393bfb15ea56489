#![allow(clippy::unwrap_used)]
//! Remedies and the concession ledger on both engines: authority limits, approval by a
//! role whose limit covers the amount (never the requester), refusal above every limit,
//! and the ledger with its patterns.

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
    let t = now();
    let (draft, _) = store
        .create_policy_draft(&cast.supervisor, POLICY, "Credits.", t)
        .await
        .unwrap();
    store
        .publish_policy(&cast.supervisor, draft.number, t, &[], t)
        .await
        .unwrap();
    let new = accord_testkit::email_case("Entrega con dos semanas de retraso", cast.contact_a);
    match store
        .create_case(&cast.agent, new, None, now())
        .await
        .unwrap()
    {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
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
    for amount in [10.0, 20.0, 45.0] {
        store.grant_remedy(&cast.agent, case.id, &credit(amount), now()).await.unwrap();
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
