#![allow(clippy::unwrap_used)]
//! Clocks of cases and the durable timers that watch them, on both engines: clocks start
//! with the case under its procedure, replies and status changes move them, a timer records
//! the breach and runs the escalation chain exactly once, even with two nodes firing.

use accord_core::access::Actor;
use accord_core::case::*;
use accord_core::clock::{ClockKind, ClockState};
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::ids::ContactId;
use accord_store::Store;
use accord_store::cases::Created;
use accord_testkit::{Cast, db_test, riga};
use jiff::{SignedDuration, Timestamp};

/// Email answered within 2 working hours, an update every 4, resolution in 16, Monday to
/// Friday 9–17 in Riga; a warning 30 minutes before the first-response breach notifies the
/// supervisors, and the resolution breach raises the priority and moves the case to the team.
const POLICY: &str = include_str!("riga-email-policy.toml");

async fn publish(store: &Store, cast: &Cast, at: Timestamp) {
    let (draft, findings) = store
        .create_policy_draft(&cast.supervisor, POLICY, "Clocks.", at)
        .await
        .unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    store
        .publish_policy(&cast.supervisor, draft.number, at, &[], at)
        .await
        .unwrap();
}

async fn email_case(store: &Store, actor: &Actor, contact: ContactId, at: Timestamp) -> Case {
    let new = accord_core::case::NewCase {
        body: Some("Labdien, rēķins vēl nav atnācis.".into()),
        ..accord_testkit::email_case("Rēķins nav saņemts", contact)
    };
    match store.create_case(actor, new, None, at).await.unwrap() {
        Created::New(case) => case,
        Created::Replayed { .. } => panic!("not a retry"),
    }
}

fn reply(body: &str) -> NewEntry {
    NewEntry {
        kind: EntryKind::Outbound,
        body: body.into(),
        channel: None,
        department_id: None,
        answers_entry_id: None,
    }
}

fn status(to: CaseStatus) -> CasePatch {
    CasePatch {
        status: Some(to),
        ..Default::default()
    }
}

async fn events(store: &Store, actor: &Actor, case: &Case, kind: &str) -> usize {
    store
        .list_events(actor, case.id)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.change.kind() == kind)
        .count()
}

db_test!(async fn clocks_follow_replies_and_status_changes(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, riga(23, 8, 0)).await;
    // Monday 16:00: one working hour today, the second on Tuesday at 10:00.
    let case = email_case(store, agent, cast.contact_a, riga(23, 16, 0)).await;
    let clocks = store.case_clocks(agent, case.id, riga(23, 16, 30)).await.unwrap();
    let kinds: Vec<_> = clocks.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![ClockKind::FirstResponse, ClockKind::Resolution]);
    assert_eq!(clocks[0].due_at, Some(riga(24, 10, 0)));
    assert_eq!(clocks[0].state, ClockState::Running);
    assert_eq!((clocks[0].policy_version, clocks[0].procedure.as_str()), (1, "email"));

    // The reply on Tuesday 9:30 meets it and promises an update within 4 working hours.
    store.add_entry(agent, case.id, &reply("Sveiki! Pārbaudām."), riga(24, 9, 30)).await.unwrap();
    let clocks = store.case_clocks(agent, case.id, riga(24, 9, 31)).await.unwrap();
    assert_eq!(clocks[0].state, ClockState::Met);
    assert_eq!(clocks[0].met_in_time, Some(true));
    assert_eq!(clocks[1].kind, ClockKind::NextUpdate);
    assert_eq!(clocks[1].due_at, Some(riga(24, 13, 30)));

    // Waiting on the customer pauses; the answer resumes with the time left.
    store.update_case(agent, case.id, &status(CaseStatus::WaitingOnCustomer), riga(24, 10, 30)).await.unwrap();
    let clocks = store.case_clocks(agent, case.id, riga(25, 12, 0)).await.unwrap();
    assert!(clocks[1..].iter().all(|c| c.state == ClockState::Paused && c.due_at.is_none()));
    store.update_case(agent, case.id, &status(CaseStatus::Investigating), riga(26, 9, 0)).await.unwrap();
    let clocks = store.case_clocks(agent, case.id, riga(26, 9, 0)).await.unwrap();
    assert_eq!(clocks[1].due_at, Some(riga(26, 12, 0)), "3 of 4 hours left");

    // Resolving meets every clock.
    store.update_case(agent, case.id, &status(CaseStatus::Resolved), riga(26, 10, 0)).await.unwrap();
    let clocks = store.case_clocks(agent, case.id, riga(30, 10, 0)).await.unwrap();
    assert!(clocks.iter().all(|c| c.state == ClockState::Met), "{clocks:?}");
    // Customers do not see clocks.
    assert!(store.case_clocks(&cast.customer_a, case.id, riga(30, 10, 0)).await.is_err());
});

db_test!(async fn timers_record_breaches_and_escalate_once(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, riga(23, 8, 0)).await;
    let case = email_case(store, agent, cast.contact_a, riga(23, 9, 0)).await;
    let soon = store.breaching_soon(&cast.supervisor, SignedDuration::from_hours(3), riga(23, 9, 0), 50).await.unwrap();
    assert_eq!(soon.len(), 1);
    assert_eq!((soon[0].case_number, soon[0].kind, soon[0].breached), (case.number, ClockKind::FirstResponse, false));
    let after_it = Some((soon[0].due_at, soon[0].case_id, soon[0].kind));
    assert!(store.breaching_soon_page(&cast.supervisor, SignedDuration::from_hours(3), riga(23, 9, 0), 50, after_it).await.unwrap().is_empty(), "nothing after the last");
    assert!(store.breaching_soon(agent, SignedDuration::from_hours(3), riga(23, 9, 0), 50).await.is_err());

    // 10:29: nothing due yet. 10:30: the warning notifies the supervisor.
    assert_eq!(store.run_due_timers("node-a", || riga(23, 10, 29)).await.unwrap(), 0);
    assert_eq!(store.run_due_timers("node-a", || riga(23, 10, 30)).await.unwrap(), 1);
    assert_eq!(events(store, agent, &case, "escalated").await, 1);
    assert_eq!(events(store, agent, &case, "clock_breached").await, 0);
    // 11:00: the first response is breached; running again changes nothing.
    store.run_due_timers("node-a", || riga(23, 11, 0)).await.unwrap();
    store.run_due_timers("node-a", || riga(23, 11, 5)).await.unwrap();
    assert_eq!(events(store, agent, &case, "clock_breached").await, 1);
    let clocks = store.case_clocks(agent, case.id, riga(23, 11, 5)).await.unwrap();
    assert_eq!(clocks[0].state, ClockState::Breached);
    assert_eq!(clocks[0].breached_at, Some(riga(23, 11, 0)));

    // After downtime: two days later, the resolution breach and its escalation both run.
    store.run_due_timers("node-b", || riga(26, 12, 0)).await.unwrap();
    let history = store.list_events(agent, case.id).await.unwrap();
    let escalated: Vec<_> = history.iter().filter_map(|e| match &e.change {
        Change::Escalated { level, actions } => Some((level.clone(), actions.clone(), e.reason.clone())),
        _ => None,
    }).collect();
    assert_eq!(escalated.len(), 2);
    assert_eq!(escalated[1].0, "late");
    assert_eq!(escalated[1].1, vec!["raise_priority:high".to_owned(), "reassign:Atbalsts".to_owned()]);
    assert_eq!(escalated[1].2.as_deref(), Some("Late cases need more attention."));
    let now = store.get_case(agent, case.id).await.unwrap();
    assert_eq!((now.priority, now.team_id), (Priority::High, Some(cast.team)));
    // Nothing left to watch on the case; only the policy's review reminder (2030) waits.
    assert_eq!(store.pending_timers().await.unwrap(), 1);
});

db_test!(async fn two_nodes_fire_each_timer_exactly_once(db) {
    let cast = Cast::create(&db.store).await;
    publish(&db.store, &cast, riga(23, 8, 0)).await;
    let mut cases = Vec::new();
    for i in 0..40 {
        cases.push(email_case(&db.store, &cast.agent, cast.contact_a, riga(23, 9, 0) + SignedDuration::from_secs(i)).await);
    }
    // Both nodes look at the same due timers at the same time, many times over.
    let other = db.another_node().await;
    let late = || riga(23, 12, 0);
    let (a, b) = tokio::join!(
        async { let mut n = 0; for _ in 0..3 { n += db.store.run_due_timers("node-a", late).await.unwrap(); } n },
        async { let mut n = 0; for _ in 0..3 { n += other.run_due_timers("node-b", late).await.unwrap(); } n },
    );
    // Each case: the warning, then the breach (one timer firing handles both thresholds
    // when it is late, so count the effects, not the firings).
    assert!(a + b >= 40, "fired {a} + {b}");
    for case in &cases {
        assert_eq!(events(&db.store, &cast.agent, case, "escalated").await, 1, "case {}", case.number);
        assert_eq!(events(&db.store, &cast.agent, case, "clock_breached").await, 1, "case {}", case.number);
    }
    other.close().await;
});

db_test!(async fn a_node_whose_lease_ran_out_cannot_fire_again(db) {
    use accord_store::timers::{Fired, LEASE};
    let cast = Cast::create(&db.store).await;
    publish(&db.store, &cast, riga(23, 8, 0)).await;
    let first = email_case(&db.store, &cast.agent, cast.contact_a, riga(23, 9, 0)).await;
    let second = email_case(&db.store, &cast.agent, cast.contact_a, riga(23, 9, 1)).await;
    let other = db.another_node().await;
    let t = riga(23, 10, 45);
    // Node A leases both warnings, then stalls past its lease; node B takes them over.
    let by_a = db.store.lease_due_timers("node-a", t, 100).await.unwrap();
    assert_eq!(by_a.len(), 2);
    assert!(other.lease_due_timers("node-b", t, 100).await.unwrap().is_empty(), "still leased");
    let by_b = other.lease_due_timers("node-b", t + LEASE, 100).await.unwrap();
    assert_eq!(by_a.iter().map(|x| &x.key).collect::<Vec<_>>(), by_b.iter().map(|x| &x.key).collect::<Vec<_>>());
    // B fires the first; A wakes up and tries both; B fires the second.
    assert_eq!(other.fire_timer(&by_b[0], "node-b", t + LEASE).await.unwrap(), Fired::Done);
    assert_eq!(db.store.fire_timer(&by_a[0], "node-a", t + LEASE).await.unwrap(), Fired::Stale);
    assert_eq!(db.store.fire_timer(&by_a[1], "node-a", t + LEASE).await.unwrap(), Fired::Stale);
    assert_eq!(other.fire_timer(&by_b[1], "node-b", t + LEASE).await.unwrap(), Fired::Done);
    for case in [&first, &second] {
        assert_eq!(events(&db.store, &cast.agent, case, "escalated").await, 1);
    }
    // A reply moves the clock on: the timer leased before it can no longer fire.
    let third = email_case(&db.store, &cast.agent, cast.contact_a, riga(23, 9, 2)).await;
    let leased = db.store.lease_due_timers("node-a", t, 100).await.unwrap();
    assert_eq!(leased.len(), 1);
    db.store.add_entry(&cast.agent, third.id, &reply("Paldies, skatāmies."), t).await.unwrap();
    assert_eq!(db.store.fire_timer(&leased[0], "node-a", t).await.unwrap(), Fired::Stale);
    assert_eq!(events(&db.store, &cast.agent, &third, "escalated").await, 0);
    other.close().await;
});

db_test!(async fn a_public_post_escalates_when_the_case_opens(db) {
    let cast = Cast::create(&db.store).await;
    let store = &db.store;
    let t = riga(23, 8, 0);
    let example = include_str!("../../../examples/policy.toml");
    let (draft, _) = store.create_policy_draft(&cast.supervisor, example, "Example.", t).await.unwrap();
    store.publish_policy(&cast.supervisor, draft.number, t, &[], t).await.unwrap();
    let new = NewCase { channel: Some(Channel::Social), ..accord_testkit::email_case("¡Llevo tres semanas sin respuesta!", cast.contact_a) };
    let Created::New(case) = store.create_case(&cast.agent, new, None, riga(23, 9, 0)).await.unwrap() else { panic!("not a retry") };
    let now = store.get_case(&cast.agent, case.id).await.unwrap();
    assert_eq!(now.priority, Priority::Urgent);
    let history = store.list_events(&cast.agent, case.id).await.unwrap();
    assert!(history.iter().any(|e| matches!(&e.change, Change::Escalated { level, .. } if level == "public-post")), "{history:?}");
    // An email case of the same customer does not.
    let quiet = email_case(store, &cast.agent, cast.contact_a, riga(23, 9, 5)).await;
    assert_eq!(events(store, &cast.agent, &quiet, "escalated").await, 0);
});

async fn publish_text(store: &Store, cast: &Cast, text: &str, effective: Timestamp, at: Timestamp) {
    let (draft, findings) = store
        .create_policy_draft(&cast.supervisor, text, "Faster answers.", at)
        .await
        .unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    store
        .publish_policy(&cast.supervisor, draft.number, effective, &[], at)
        .await
        .unwrap();
}

db_test!(async fn a_new_version_retargets_open_clocks_keeping_the_time_worked(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, riga(23, 8, 0)).await;
    let case = email_case(store, agent, cast.contact_a, riga(23, 9, 0)).await;

    // Version 2 (from 9:20): first response in 1 hour instead of 2, same calendar.
    let faster = POLICY.replace("first_response = \"2h\"", "first_response = \"1h\"");
    publish_text(store, &cast, &faster, riga(23, 9, 20), riga(23, 9, 10)).await;
    store.run_due_timers("node", || riga(23, 9, 20)).await.unwrap();
    let clocks = store.case_clocks(agent, case.id, riga(23, 9, 21)).await.unwrap();
    assert_eq!((clocks[0].target_minutes, clocks[0].due_at), (60, Some(riga(23, 10, 0))));
    assert_eq!(clocks[0].elapsed_minutes, 21);
    assert_eq!((clocks[1].target_minutes, clocks[1].due_at), (16 * 60, Some(riga(24, 17, 0))));
    assert!(clocks.iter().all(|c| c.policy_version == 2), "{clocks:?}");

    // Version 3 (from 9:45) closes Monday from 9:50 to 12:00: the 45 minutes worked under
    // the old hours stay; the 15 left run 9:45–9:50 and 12:00–12:10.
    let lunch = faster.replace(
        "mon = [\"09:00-17:00\"]",
        "mon = [\"09:00-09:50\", \"12:00-17:00\"]",
    );
    publish_text(store, &cast, &lunch, riga(23, 9, 45), riga(23, 9, 40)).await;
    // The warning (30 minutes before the breach) fell due at 9:30 under version 2.
    store.run_due_timers("node", || riga(23, 9, 45)).await.unwrap();
    assert_eq!(events(store, agent, &case, "escalated").await, 1);
    let clocks = store.case_clocks(agent, case.id, riga(23, 9, 46)).await.unwrap();
    assert_eq!(clocks[0].due_at, Some(riga(23, 12, 10)));
    assert_eq!(clocks[0].policy_version, 3);

    // The breach follows the new due time, once.
    store.run_due_timers("node", || riga(23, 12, 9)).await.unwrap();
    assert_eq!(events(store, agent, &case, "clock_breached").await, 0);
    store.run_due_timers("node", || riga(23, 12, 10)).await.unwrap();
    store.run_due_timers("node", || riga(23, 12, 30)).await.unwrap();
    assert_eq!(events(store, agent, &case, "clock_breached").await, 1);
    assert_eq!(events(store, agent, &case, "policy_version").await, 2);
});

db_test!(async fn supervisors_see_escalations_with_reasons_and_each_agents_standing(db) {
    let cast = Cast::create(&db.store).await;
    let (store, agent) = (&db.store, &cast.agent);
    publish(store, &cast, riga(23, 8, 0)).await;
    let cast = &cast;
    let mine = |at| async move {
        let case = email_case(store, &cast.supervisor, cast.contact_a, at).await;
        let take = CasePatch { assignee_id: Some(Some(cast.agent.user_id)), ..Default::default() };
        store.update_case(&cast.supervisor, case.id, &take, at).await.unwrap();
        case
    };
    // Answered in time (9:30 for a 9:00 case), answered late (after its 11:00 breach), and
    // one still running: two ended first responses, one of them in time.
    let in_time = mine(riga(23, 9, 0)).await;
    let late = mine(riga(23, 9, 0)).await;
    store.add_entry(agent, in_time.id, &reply("Sveiki! Pārbaudām."), riga(23, 9, 30)).await.unwrap();
    store.run_due_timers("node", || riga(23, 10, 30)).await.unwrap();
    store.run_due_timers("node", || riga(23, 11, 0)).await.unwrap();
    store.add_entry(agent, late.id, &reply("Atvainojiet par kavēšanos."), riga(23, 12, 0)).await.unwrap();
    mine(riga(23, 13, 0)).await;

    // The 10:30 warning ran on the late case (the other was answered by then), with its reason.
    let since = riga(23, 0, 0);
    let escalations = store.recent_escalations(&cast.supervisor, since, 50).await.unwrap();
    assert_eq!(escalations.len(), 1, "{escalations:?}");
    let warn = &escalations[0];
    assert_eq!((warn.case_number, warn.level.as_str()), (late.number, "warn"));
    assert_eq!(warn.actions, ["notify:supervisor"]);
    assert_eq!(warn.reason.as_deref(), Some("A supervisor can help in time."));
    assert!(matches!(warn.trigger, Some(accord_policy::model::Trigger::BeforeBreach { .. })), "{:?}", warn.trigger);
    assert_eq!(warn.at, riga(23, 10, 30));
    assert!(store.escalations_page(&cast.supervisor, since, 50, Some((warn.at, warn.event_id))).await.unwrap().is_empty(), "nothing after the last");
    assert_eq!(warn.assignee_id, Some(agent.user_id));
    assert!(store.recent_escalations(&cast.supervisor, riga(23, 10, 31), 50).await.unwrap().is_empty());
    assert!(store.recent_escalations(agent, since, 50).await.is_err(), "agents do not supervise");

    let standing = store.staff_standing(&cast.supervisor, since, riga(23, 14, 0)).await.unwrap();
    let row = standing.iter().find(|s| s.user_id == agent.user_id).unwrap();
    assert_eq!(row.open_cases, 3);
    let first = &row.clocks[0];
    assert_eq!((first.kind, first.on_time, first.missed, first.running), (ClockKind::FirstResponse, 1, 1, 1));
    assert_eq!(first.on_time_percent(), Some(50));
    assert_eq!((row.clocks[1].kind, row.clocks[1].running), (ClockKind::NextUpdate, 2));
    assert_eq!(row.acknowledged_policy, Some(false));
    // The supervisor holds nothing; a later period counts none of these clocks.
    let boss = standing.iter().find(|s| s.user_id == cast.supervisor.user_id).unwrap();
    assert_eq!((boss.open_cases, boss.clocks[0].on_time + boss.clocks[0].missed), (0, 0));
    let later = store.staff_standing(&cast.supervisor, riga(24, 0, 0), riga(24, 1, 0)).await.unwrap();
    assert_eq!(later.iter().find(|s| s.user_id == agent.user_id).unwrap().clocks[0].missed, 0);

    // An agent sees their own standing only; acknowledging the version shows.
    store.acknowledge_policy(agent, 1, riga(23, 14, 0)).await.unwrap();
    let own = store.staff_standing(agent, since, riga(23, 14, 0)).await.unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!((own[0].user_id, own[0].acknowledged_policy), (agent.user_id, Some(true)));
    assert!(store.staff_standing(&cast.customer_a, since, riga(23, 14, 0)).await.is_err());
});
