#![allow(clippy::unwrap_used)]
//! Escalations that do not wait for a clock — a customer asking for a manager, an account
//! whose tier changes — the notifications they leave for staff, and the reminder to review a
//! policy version, on both engines.

use accord_core::case::*;
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::people::{OrganizationInput, Tier};
use accord_store::Store;
use accord_store::cases::Created;
use accord_store::notifications::NotificationKind;
use accord_testkit::{Cast, db_test};
use jiff::{SignedDuration, Timestamp};

const EXAMPLE: &str = include_str!("../../../examples/policy.toml");

async fn open(store: &Store, cast: &Cast, body: &str, at: Timestamp) -> Case {
    let new = NewCase {
        body: Some(body.into()),
        language: Some(accord_core::language::Language::Pt),
        ..accord_testkit::email_case("Encomenda incompleta", cast.contact_a)
    };
    match store.create_case(&cast.agent, new, None, at).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

fn customer_writes(body: &str) -> NewEntry {
    NewEntry {
        kind: EntryKind::Inbound,
        body: body.into(),
        channel: None,
        department_id: None,
        answers_entry_id: None,
    }
}

async fn levels_run(store: &Store, cast: &Cast, case: &Case) -> Vec<String> {
    let history = store.list_events(&cast.agent, case.id).await.unwrap();
    history
        .into_iter()
        .filter_map(|e| match e.change {
            Change::Escalated { level, .. } => Some(level),
            _ => None,
        })
        .collect()
}

db_test!(async fn a_customer_asking_for_a_manager_gets_a_supervisor_once(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = Timestamp::now();
    cast.publish(store, EXAMPLE, t).await;
    let case = open(store, &cast, "Faltam duas peças na encomenda.", t).await;
    assert!(levels_run(store, &cast, &case).await.is_empty());

    let asks = customer_writes("Já é a terceira vez. Quero falar com o gerente!");
    store.add_entry(&cast.customer_a, case.id, &asks, t).await.unwrap();
    assert_eq!(levels_run(store, &cast, &case).await, ["asks-for-manager"]);
    let now = store.get_case(&cast.agent, case.id).await.unwrap();
    assert_eq!(now.assignee_id, Some(cast.supervisor.user_id));
    let notes = store.list_notifications(&cast.supervisor, true, 50).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].kind, NotificationKind::Assigned);
    assert_eq!(notes[0].case_number, Some(case.number));
    assert_eq!(notes[0].level.as_deref(), Some("asks-for-manager"));

    // Asking again (in Latvian this time) does not escalate twice.
    let again = customer_writes("Vēlos runāt ar jūsu vadītāju.");
    store.add_entry(&cast.customer_a, case.id, &again, t).await.unwrap();
    assert_eq!(levels_run(store, &cast, &case).await, ["asks-for-manager"]);
    assert_eq!(store.unread_notifications(&cast.supervisor).await.unwrap(), 1);

    // A first message that asks escalates as the case opens; the agent's own note does not.
    let opening = open(store, &cast, "Quiero hablar con el responsable, por favor.", t).await;
    assert_eq!(levels_run(store, &cast, &opening).await, ["asks-for-manager"]);
    let quiet = open(store, &cast, "Obrigado.", t).await;
    let note = NewEntry { kind: EntryKind::Note, ..customer_writes("Cliente quer falar com o gerente.") };
    store.add_entry(&cast.agent, quiet.id, &note, t).await.unwrap();
    assert!(levels_run(store, &cast, &quiet).await.is_empty());
});

db_test!(async fn an_account_raised_to_platinum_escalates_its_serious_open_cases(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = Timestamp::now();
    cast.publish(store, EXAMPLE, t).await;
    let serious = open(store, &cast, "A máquina parou.", t).await;
    let change = CasePatch { priority: Some(Priority::Urgent), ..Default::default() };
    store.update_case(&cast.agent, serious.id, &change, t).await.unwrap();
    let minor = open(store, &cast, "Uma pergunta sobre a fatura.", t).await;

    let tier = |tier| OrganizationInput { tier: Some(tier), ..Default::default() };
    store.update_organization(&cast.admin, cast.org_a, tier(Tier::Platinum), t).await.unwrap();
    assert_eq!(levels_run(store, &cast, &serious).await, ["platinum-account"]);
    assert!(levels_run(store, &cast, &minor).await.is_empty());
    let notes = store.list_notifications(&cast.supervisor, false, 50).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0].kind, notes[0].case_id), (NotificationKind::Escalation, Some(serious.id)));

    // Down to gold and back: the level has run on this case already.
    store.update_organization(&cast.admin, cast.org_a, tier(Tier::Gold), t).await.unwrap();
    store.update_organization(&cast.admin, cast.org_a, tier(Tier::Platinum), t).await.unwrap();
    assert_eq!(levels_run(store, &cast, &serious).await, ["platinum-account"]);
});

db_test!(async fn each_person_reads_and_clears_only_their_own_notifications(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = Timestamp::now();
    cast.publish(store, EXAMPLE, t).await;
    for body in ["Quero falar com o gerente.", "Quero falar com o supervisor."] {
        open(store, &cast, body, t).await;
    }
    let mine = store.list_notifications(&cast.supervisor, true, 50).await.unwrap();
    assert_eq!(mine.len(), 2);
    assert!(mine[0].created_at >= mine[1].created_at, "newest first");
    assert!(store.list_notifications(&cast.agent, false, 50).await.unwrap().is_empty());
    assert!(store.list_notifications(&cast.customer_a, false, 50).await.unwrap().is_empty());

    // Someone else's notification cannot be marked read.
    let err = store.mark_notification_read(&cast.agent, mine[0].id, t).await.unwrap_err();
    assert!(err.to_string().contains("not found"), "{err}");
    store.mark_notification_read(&cast.supervisor, mine[0].id, t).await.unwrap();
    assert_eq!(store.unread_notifications(&cast.supervisor).await.unwrap(), 1);
    let all = store.list_notifications(&cast.supervisor, false, 50).await.unwrap();
    assert_eq!(all.len(), 2);
    // Page by page (the API's cursor), newest first: the same two.
    let first = store.notifications_page(&cast.supervisor, false, 1, None).await.unwrap();
    let after = |n: &accord_store::notifications::Notification| Some((n.created_at, n.id));
    let second = store.notifications_page(&cast.supervisor, false, 1, after(&first[0])).await.unwrap();
    assert_eq!((first[0].id, second[0].id), (all[0].id, all[1].id));
    assert!(store.notifications_page(&cast.supervisor, false, 1, after(&second[0])).await.unwrap().is_empty());
    assert_eq!(all.iter().filter(|n| n.read_at.is_some()).count(), 1);
    assert_eq!(store.mark_all_notifications_read(&cast.supervisor, t).await.unwrap(), 1);
    assert_eq!(store.unread_notifications(&cast.supervisor).await.unwrap(), 0);
});

db_test!(async fn the_owner_is_reminded_when_a_version_reaches_its_review_date(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = Timestamp::now();
    let today = t.to_zoned(jiff::tz::TimeZone::UTC).date();
    let review = today.checked_add(jiff::Span::new().days(30)).unwrap();
    let owned = EXAMPLE
        .replace("owner = \"maria.santos@olmo.example\"", "owner = \"Sofia@Accord.test\"")
        .replace("review_by = \"2027-05-31\"", &format!("review_by = \"{review}\""));
    cast.publish(store, &owned, t).await;
    assert_eq!(store.run_due_timers("node", || t).await.unwrap(), 0);

    // At 08:00 UTC on the review date the owner (matched without regard to case) is told.
    let due = review.at(8, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    assert_eq!(store.run_due_timers("node", || due - SignedDuration::from_secs(1)).await.unwrap(), 0);
    assert_eq!(store.run_due_timers("node", || due).await.unwrap(), 1);
    let notes = store.list_notifications(&cast.supervisor, true, 50).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].kind, NotificationKind::PolicyReview);
    assert_eq!((notes[0].policy_version, notes[0].review_by.clone()), (Some(1), Some(review.to_string())));
    assert!(store.list_notifications(&cast.admin, true, 50).await.unwrap().is_empty());

    // An owner who is not a member of staff: the administrators are told instead.
    let past = EXAMPLE.replace("review_by = \"2027-05-31\"", "review_by = \"2026-01-31\"");
    let later = t + SignedDuration::from_hours(1);
    cast.publish(store, &past, later).await;
    assert_eq!(store.run_due_timers("node", || later).await.unwrap(), 1);
    let admins = store.list_notifications(&cast.admin, true, 50).await.unwrap();
    assert_eq!(admins.len(), 1);
    assert_eq!(admins[0].policy_version, Some(2));
    // A version replaced before its reminder fires is not reviewed: the newer one will be.
    cast.publish(store, &past, later).await;
    cast.publish(store, EXAMPLE, later).await;
    store.run_due_timers("node", || later).await.unwrap();
    assert_eq!(store.unread_notifications(&cast.admin).await.unwrap(), 1);
});
