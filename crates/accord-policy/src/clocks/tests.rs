use super::*;
use accord_core::clock::ClockState;
use jiff::civil::date;
use jiff::tz::TimeZone;
use proptest::prelude::*;

/// Email: first response 4h, update every 8h, resolution 40h, paused while waiting; an
/// office open Monday to Friday 9–17 in Madrid; a warning 1h before the first-response
/// breach and an escalation 2h after the resolution breach.
const POLICY: &str = r#"
[policy]
name = "Clocks"
owner = "owner@example.com"
review_by = "2030-01-31"
mission = "Help customers get back to work."
currency = "EUR"
languages = ["en"]
default_calendar = "office"

[[objectives]]
id = "answer-fast"
name = { en = "Answer fast" }
indicator = "first_response_time"
target = "4h"
mission_link = "A fast answer gets customers back to work."

[[calendars]]
id = "office"
time_zone = "Europe/Madrid"
[calendars.hours]
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]

[[procedures]]
id = "email"
channel = "email"
serves = ["answer-fast"]
first_response = "4h"
update_every = "8h"
resolution = "40h"
rationale = { basis = "study", text = "Fast answers keep trust.", long_term = "Customers stay." }
explanation = { en = "We answer email within four working hours." }

[[escalation]]
id = "warn"
level = 1
trigger = { on = "before_breach", clock = "first_response", by = "1h" }
actions = [{ do = "notify", role = "supervisor" }]
rationale = { basis = "business_practice", text = "A supervisor can help in time.", long_term = "Fewer breaches." }

[[escalation]]
id = "late"
level = 2
trigger = { on = "after_breach", clock = "resolution", by = "2h" }
actions = [{ do = "raise_priority", to = "high" }]
rationale = { basis = "business_practice", text = "Late cases need more attention.", long_term = "Fewer late cases." }
"#;

fn policy() -> Policy {
    crate::load(POLICY).expect("the test policy compiles")
}

fn at(day: i8, hour: i8, minute: i8) -> Timestamp {
    date(2026, 11, day)
        .at(hour, minute, 0, 0)
        .to_zoned(TimeZone::get("Europe/Madrid").expect("zone"))
        .expect("valid")
        .timestamp()
}

fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_hours(h)
}

#[test]
fn a_new_case_runs_first_response_and_resolution() {
    let policy = policy();
    let (procedure, cal) = (
        &policy.procedures[0],
        policy.calendar("office").expect("office"),
    );
    // Monday 23 November 2026, 15:00: four working hours end Tuesday 11:00.
    let clocks = CaseClocks::open(procedure, cal, CaseStatus::New, at(23, 15, 0));
    let first = clocks
        .first_response
        .as_ref()
        .expect("first response clock");
    assert_eq!(first.due_at(cal), Some(at(24, 11, 0)));
    assert_eq!(clocks.next_update, None);
    // 40 working hours = five working days: the following Monday 15:00.
    assert_eq!(
        clocks.resolution.as_ref().and_then(|c| c.due_at(cal)),
        Some(at(30, 15, 0))
    );
    let waiting = CaseClocks::open(procedure, cal, CaseStatus::WaitingOnCustomer, at(23, 15, 0));
    assert!(
        waiting
            .iter()
            .all(|c| c.state(cal, at(25, 9, 0)) == ClockState::Paused)
    );
}

#[test]
fn a_reply_meets_the_first_response_and_promises_the_next_update() {
    let policy = policy();
    let (procedure, cal) = (
        &policy.procedures[0],
        policy.calendar("office").expect("office"),
    );
    let clocks = CaseClocks::open(procedure, cal, CaseStatus::New, at(23, 9, 0));
    let replied = clocks.on_reply(procedure, cal, CaseStatus::Acknowledged, at(23, 10, 0));
    assert_eq!(
        replied.first_response.as_ref().and_then(Clock::met_in_time),
        Some(true)
    );
    let promise = replied.next_update.as_ref().expect("a next-update promise");
    assert_eq!(promise.due_at(cal), Some(at(24, 10, 0)));
    // The second reply keeps the promise and makes a new one; the first response stays met
    // at its first time.
    let again = replied.on_reply(procedure, cal, CaseStatus::Investigating, at(24, 9, 30));
    assert_eq!(
        again.first_response.as_ref().and_then(|c| c.met_at),
        Some(at(23, 10, 0))
    );
    assert_eq!(
        again.next_update.as_ref().map(|c| c.started_at),
        Some(at(24, 9, 30))
    );
    // A reply that resolves the case promises nothing more.
    let last = again.on_reply(procedure, cal, CaseStatus::Resolved, at(24, 12, 0));
    assert!(
        last.next_update
            .as_ref()
            .is_some_and(|c| c.met_at == Some(at(24, 12, 0)))
    );
}

#[test]
fn waiting_on_the_customer_pauses_and_reopening_restarts_resolution() {
    let policy = policy();
    let (procedure, cal) = (
        &policy.procedures[0],
        policy.calendar("office").expect("office"),
    );
    let clocks = CaseClocks::open(procedure, cal, CaseStatus::New, at(23, 9, 0));
    let waiting = clocks.on_status(
        procedure,
        cal,
        CaseStatus::New,
        CaseStatus::WaitingOnCustomer,
        at(23, 11, 0),
    );
    assert_eq!(
        waiting.resolution.as_ref().and_then(|c| c.due_at(cal)),
        None
    );
    let back = waiting.on_status(
        procedure,
        cal,
        CaseStatus::WaitingOnCustomer,
        CaseStatus::Investigating,
        at(25, 9, 0),
    );
    // Two working hours were used before the pause: two left from Wednesday 9:00.
    assert_eq!(
        back.first_response.as_ref().and_then(|c| c.due_at(cal)),
        Some(at(25, 11, 0))
    );
    let resolved = back.on_status(
        procedure,
        cal,
        CaseStatus::Investigating,
        CaseStatus::Resolved,
        at(25, 10, 0),
    );
    assert!(resolved.iter().all(|c| c.met_at == Some(at(25, 10, 0))));
    let reopened = resolved.on_status(
        procedure,
        cal,
        CaseStatus::Resolved,
        CaseStatus::Reopened,
        at(26, 9, 0),
    );
    assert_eq!(
        reopened.resolution.as_ref().map(|c| c.started_at),
        Some(at(26, 9, 0))
    );
    assert_eq!(reopened.first_response, resolved.first_response);
}

#[test]
fn thresholds_are_ordered_and_checked_one_after_another() {
    let policy = policy();
    let cal = policy.calendar("office").expect("office");
    let list = thresholds(&policy, ClockKind::FirstResponse, hours(4));
    let points: Vec<_> = list
        .iter()
        .map(|t| (t.at, t.level.map(|l| l.id.as_str())))
        .collect();
    assert_eq!(points, vec![(hours(3), Some("warn")), (hours(4), None)]);
    let resolution = thresholds(&policy, ClockKind::Resolution, hours(40));
    assert_eq!(resolution.last().map(|t| t.at), Some(hours(42)));
    let clock = Clock::start(ClockKind::FirstResponse, hours(4), at(23, 9, 0), true);
    assert_eq!(next_check(&clock, cal, &list, None), Some(at(23, 12, 0)));
    let (due, elapsed) = reached(&clock, cal, &list, None, at(23, 12, 30));
    assert_eq!(due.len(), 1);
    assert_eq!(elapsed, SignedDuration::from_mins(210));
    assert_eq!(
        next_check(&clock, cal, &list, Some(elapsed)),
        Some(at(23, 13, 0))
    );
    // Long after: both at once, in order.
    let (due, _) = reached(&clock, cal, &list, None, at(24, 9, 0));
    assert_eq!(due.len(), 2);
    assert!(due[0].level.is_some() && due[1].level.is_none());
    assert_eq!(
        next_check(&clock.meet(cal, at(23, 10, 0)), cal, &list, None),
        None
    );
}

#[test]
fn retargeting_keeps_the_counted_time() {
    let policy = policy();
    let cal = policy.calendar("office").expect("office");
    let mut faster = policy.procedures[0].clone();
    faster.first_response = hours(2);
    let clock = Clock::start(ClockKind::FirstResponse, hours(4), at(23, 9, 0), true);
    let moved = retarget(&clock, None, &faster, at(23, 10, 0));
    assert_eq!(moved.target, hours(2));
    assert_eq!(moved.elapsed(cal, at(23, 10, 0)), hours(1));
    assert_eq!(moved.due_at(cal), Some(at(23, 11, 0)));
    // Same calendar, same target: nothing to rewrite.
    let same = retarget(&moved, None, &faster, at(23, 10, 30));
    assert_eq!(same, moved);
}

#[test]
fn retargeting_to_another_calendar_keeps_what_was_worked_under_the_old_one() {
    let policy = policy();
    let office = policy.calendar("office").expect("office");
    let always = accord_calendar::Calendar::always(jiff::tz::TimeZone::UTC);
    let procedure = &policy.procedures[0];
    // Started Monday 09:00 office time; moved at 10:00 to a 24/7 calendar.
    let clock = Clock::start(ClockKind::FirstResponse, hours(4), at(23, 9, 0), true);
    let moved = retarget(&clock, Some(office), procedure, at(23, 10, 0));
    assert_eq!(moved.counted, hours(1));
    assert_eq!(moved.running_since, Some(at(23, 10, 0)));
    // The rest (3 h of the procedure's target) runs around the clock from 10:00.
    let left = procedure.first_response - hours(1);
    assert_eq!(moved.due_at(&always), Some(at(23, 10, 0) + left));
}

#[derive(Clone, Debug)]
enum Step {
    Reply,
    Status(usize),
    Wait(i64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Reply),
        (0usize..8).prop_map(Step::Status),
        (1i64..6000).prop_map(Step::Wait),
    ]
}

proptest! {
    /// Whatever happens to a case: a met first response never changes, nothing runs while
    /// the case waits on the customer, every clock is met once the case is resolved, and a
    /// running clock's next check is never before it started or after its breach.
    #[test]
    fn clock_invariants_hold_over_any_case_history(steps in prop::collection::vec(step(), 0..40)) {
        let policy = policy();
        let (procedure, cal) = (&policy.procedures[0], policy.calendar("office").expect("office"));
        let mut now = at(23, 8, 0);
        let mut status = CaseStatus::New;
        let mut clocks = CaseClocks::open(procedure, cal, status, now);
        let mut first_met: Option<Timestamp> = None;
        for step in steps {
            match step {
                Step::Wait(minutes) => now = now.checked_add(SignedDuration::from_mins(minutes)).expect("in range"),
                Step::Reply => clocks = clocks.on_reply(procedure, cal, status, now),
                Step::Status(pick) => {
                    let allowed = status.allowed_next();
                    let to = allowed[pick % allowed.len()];
                    clocks = clocks.on_status(procedure, cal, status, to, now);
                    status = to;
                }
            }
            let first = clocks.first_response.as_ref().expect("always there");
            if let Some(met) = first_met {
                prop_assert_eq!(first.met_at, Some(met));
            }
            first_met = first.met_at;
            if status == CaseStatus::WaitingOnCustomer {
                prop_assert!(clocks.iter().all(|c| c.running_since.is_none()));
            }
            if matches!(status, CaseStatus::Resolved | CaseStatus::Closed) {
                prop_assert!(clocks.iter().all(|c| c.met_at.is_some()));
            }
            for clock in clocks.iter() {
                let list = thresholds(&policy, clock.kind, clock.target);
                if let (Some(check), Some(since)) = (next_check(clock, cal, &list, None), clock.running_since) {
                    prop_assert!(check >= since);
                    prop_assert!(Some(check) <= clock.due_at(cal));
                }
            }
        }
    }
}
