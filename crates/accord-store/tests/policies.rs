#![allow(clippy::unwrap_used)]
//! Service policy versions on both engines: drafts, publication with an effective date and
//! grace periods, which version governs each case, acknowledgements.

use accord_core::DomainError;
use accord_core::access::Actor;
use accord_core::case::*;
use accord_core::ids::{CaseId, ContactId};
use accord_store::cases::Created;
use accord_store::policies::{Grace, VersionStatus};
use accord_store::{Store, StoreError};
use accord_testkit::{Cast, db_test, now};
use jiff::{SignedDuration, Timestamp};

const POLICY: &str = include_str!("../../accord-policy/tests/valid-minimal.toml");

fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_hours(h)
}

async fn case_at(store: &Store, actor: &Actor, contact: ContactId, at: Timestamp) -> Case {
    let new = accord_testkit::email_case("Pedido atrasado", contact);
    match store.create_case(actor, new, None, at).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

async fn version_of(store: &Store, actor: &Actor, case: CaseId) -> Option<i64> {
    store.get_case(actor, case).await.unwrap().policy_version
}

async fn publish(
    store: &Store,
    actor: &Actor,
    source: &str,
    effective: Timestamp,
    grace: &[Grace],
    at: Timestamp,
) -> i64 {
    let (draft, findings) = store
        .create_policy_draft(actor, source, "Faster email for gold accounts.", at)
        .await
        .unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(draft.status, VersionStatus::Draft);
    let published = store
        .publish_policy(actor, draft.number, effective, grace, at)
        .await
        .unwrap();
    assert_eq!(published.status, VersionStatus::Published);
    published.number
}

db_test!(async fn a_future_version_waits_for_its_date_and_grace_customers_for_theirs(db) {
    let cast = Cast::create(&db.store).await;
    let t0 = now();
    let v1 = publish(&db.store, &cast.supervisor, POLICY, t0, &[], t0).await;
    let a = case_at(&db.store, &cast.agent, cast.contact_a, t0 + hours(1)).await;
    let b = case_at(&db.store, &cast.agent, cast.contact_b, t0 + hours(1)).await;
    assert_eq!((a.policy_version, b.policy_version), (Some(v1), Some(v1)));

    // Version 2 takes effect in a day; organization B keeps version 1 for ten days.
    let v2_text = POLICY.replace("Minimal policy", "Minimal policy, second edition");
    let grace = [Grace { organization_id: cast.org_b, until: t0 + hours(240) }];
    let v2 = publish(&db.store, &cast.admin, &v2_text, t0 + hours(24), &grace, t0 + hours(2)).await;
    assert_eq!(version_of(&db.store, &cast.agent, a.id).await, Some(v1), "not in force yet");
    let new_case = case_at(&db.store, &cast.agent, cast.contact_a, t0 + hours(3)).await;
    assert_eq!(new_case.policy_version, Some(v1));

    // The durable timer moves nothing before the date; at the date, open cases move,
    // except the grace customer's.
    db.store.run_due_timers("node", || t0 + hours(23)).await.unwrap();
    assert_eq!(version_of(&db.store, &cast.agent, a.id).await, Some(v1), "not in force yet");
    db.store.run_due_timers("node", || t0 + hours(24)).await.unwrap();
    assert_eq!(version_of(&db.store, &cast.agent, a.id).await, Some(v2));
    assert_eq!(version_of(&db.store, &cast.agent, b.id).await, Some(v1));
    assert_eq!(case_at(&db.store, &cast.agent, cast.contact_b, t0 + hours(25)).await.policy_version, Some(v1));
    assert_eq!(case_at(&db.store, &cast.agent, cast.contact_a, t0 + hours(25)).await.policy_version, Some(v2));
    // Running it again changes nothing.
    assert_eq!(db.store.switch_policy_versions(t0 + hours(30)).await.unwrap(), 0);

    // The grace period ends: the timer was set for it.
    db.store.run_due_timers("node", || t0 + hours(239)).await.unwrap();
    assert_eq!(version_of(&db.store, &cast.agent, b.id).await, Some(v1));
    db.store.run_due_timers("node", || t0 + hours(240)).await.unwrap();
    assert_eq!(version_of(&db.store, &cast.agent, b.id).await, Some(v2));

    // Each move is on the case's record.
    let events = db.store.list_events(&cast.agent, a.id).await.unwrap();
    assert!(events.iter().any(|e| e.change == Change::PolicyVersion { from: Some(v1), to: v2 }));
});

db_test!(async fn published_versions_are_immutable_and_need_a_clean_check(db) {
    let cast = Cast::create(&db.store).await;
    let t0 = now();
    // A draft with errors is kept, with its findings, but cannot be published.
    let broken = POLICY.replace("first_response = \"4h\"", "first_response = \"4 hours\"");
    let (draft, findings) = db.store.create_policy_draft(&cast.supervisor, &broken, "", t0).await.unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, "invalid-value");
    match db.store.publish_policy(&cast.supervisor, draft.number, t0, &[], t0).await {
        Err(StoreError::Domain(DomainError::Invalid(errors))) => assert_eq!(errors[0].code, "policy_has_errors"),
        other => panic!("published a policy with errors: {other:?}"),
    }
    let (fixed, findings) = db.store.update_policy_draft(&cast.supervisor, draft.number, POLICY, "Fixed the standard.", t0).await.unwrap();
    assert!(findings.is_empty());
    assert_eq!(fixed.name, "Minimal policy");
    // Not in the past.
    assert!(db.store.publish_policy(&cast.supervisor, draft.number, t0 - hours(2), &[], t0).await.is_err());
    db.store.publish_policy(&cast.supervisor, draft.number, t0, &[], t0).await.unwrap();
    match db.store.update_policy_draft(&cast.supervisor, draft.number, &broken, "", t0).await {
        Err(StoreError::Domain(DomainError::Conflict(_))) => {}
        other => panic!("edited a published version: {other:?}"),
    }
    assert_eq!(db.store.get_policy_version(&cast.agent, draft.number).await.unwrap().source, POLICY);
    // A draft typed in a browser (CRLF line ends) is the same text: nothing shows as changed.
    let (typed, _) = db.store.create_policy_draft(&cast.supervisor, &POLICY.replace('\n', "\r\n"), "", t0).await.unwrap();
    assert_eq!(db.store.get_policy_version(&cast.agent, typed.number).await.unwrap().source, POLICY);
    let diff = db.store.policy_diff(&cast.agent, typed.number, Some(draft.number)).await.unwrap();
    assert!(diff.hunks.is_empty(), "{:?}", diff.hunks);
    // Agents and customers cannot draft; customers cannot read.
    assert!(db.store.create_policy_draft(&cast.agent, POLICY, "", t0).await.is_err());
    assert!(db.store.list_policy_versions(&cast.customer_a).await.is_err());
    // The compiled policy runs: the email procedure governs email cases.
    let policy = db.store.compiled_policy(draft.number).await.unwrap();
    let facts = accord_policy::condition::Facts { channel: Some(Channel::Email), ..Default::default() };
    assert_eq!(policy.procedure_for(&facts).map(|p| p.id.as_str()), Some("email"));
});

db_test!(async fn staff_acknowledge_each_published_version_once(db) {
    let cast = Cast::create(&db.store).await;
    // Whole seconds: instants are stored to the microsecond.
    let t0 = Timestamp::from_second(now().as_second()).unwrap();
    let v1 = publish(&db.store, &cast.admin, POLICY, t0, &[], t0).await;
    let before = db.store.policy_acknowledgements(&cast.supervisor, v1).await.unwrap();
    assert_eq!(before.len(), 3, "admin, supervisor and agent; customers are not staff");
    assert!(before.iter().all(|a| a.acknowledged_at.is_none()));
    db.store.acknowledge_policy(&cast.agent, v1, t0 + hours(1)).await.unwrap();
    db.store.acknowledge_policy(&cast.agent, v1, t0 + hours(2)).await.unwrap();
    let after = db.store.policy_acknowledgements(&cast.supervisor, v1).await.unwrap();
    let agent = after.iter().find(|a| a.user_id == cast.agent.user_id).unwrap();
    assert_eq!(agent.acknowledged_at, Some(t0 + hours(1)));
    assert_eq!(after.iter().filter(|a| a.acknowledged_at.is_none()).count(), 2);
    assert!(db.store.acknowledge_policy(&cast.customer_a, v1, t0).await.is_err());
});
