//! Service clocks (PRODUCT.md C1): first response, next-update promise, resolution and
//! milestones, measured in the business time of a calendar. A clock runs, may pause while
//! the case waits on the customer (if the policy says so), and ends met; it is breached when
//! its working time reaches the target, whether or not it is met later.
//!
//! Pure: every operation takes "now" and the calendar, and returns the next clock.

use accord_calendar::Calendar;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::case::string_enum;

string_enum!(
    ClockKind {
        FirstResponse = "first_response",
        NextUpdate = "next_update",
        Resolution = "resolution",
        Milestone = "milestone",
    }
);

string_enum!(
    ClockState {
        Running = "running",
        Paused = "paused",
        Met = "met",
        Breached = "breached",
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub kind: ClockKind,
    /// Working time allowed.
    pub target: SignedDuration,
    pub started_at: Timestamp,
    /// Working time counted in earlier running spans.
    pub counted: SignedDuration,
    /// Start of the current running span; `None` while paused or met.
    pub running_since: Option<Timestamp>,
    pub paused_at: Option<Timestamp>,
    pub met_at: Option<Timestamp>,
    /// Whether waiting on the customer pauses this clock.
    pub pausable: bool,
}

impl Clock {
    pub fn start(kind: ClockKind, target: SignedDuration, now: Timestamp, pausable: bool) -> Clock {
        Clock {
            kind,
            target,
            started_at: now,
            counted: SignedDuration::ZERO,
            running_since: Some(now),
            paused_at: None,
            met_at: None,
            pausable,
        }
    }

    /// Working time counted up to `now`.
    pub fn elapsed(&self, calendar: &Calendar, now: Timestamp) -> SignedDuration {
        match self.running_since {
            Some(since) if now > since => self.counted + calendar.between(since, now),
            _ => self.counted,
        }
    }

    /// When the target is reached if the clock keeps running; `None` while paused or met. A
    /// clock whose earlier spans already used up the target is overdue since it resumed.
    pub fn due_at(&self, calendar: &Calendar) -> Option<Timestamp> {
        let since = self.running_since?;
        calendar.add(since, self.target - self.counted)
    }

    /// Whether its working time has reached the target by `now` (met or not).
    pub fn breached(&self, calendar: &Calendar, now: Timestamp) -> bool {
        self.elapsed(calendar, now) >= self.target
    }

    pub fn state(&self, calendar: &Calendar, now: Timestamp) -> ClockState {
        if self.met_at.is_some() {
            ClockState::Met
        } else if self.breached(calendar, now) {
            ClockState::Breached
        } else if self.running_since.is_none() {
            ClockState::Paused
        } else {
            ClockState::Running
        }
    }

    /// Pauses a running, pausable clock. A met clock is never moved: waiting on the customer
    /// after the first response does not change that the response was on time.
    pub fn pause(&self, calendar: &Calendar, now: Timestamp) -> Clock {
        let mut next = self.clone();
        if let (Some(since), true, None) = (self.running_since, self.pausable, self.met_at) {
            next.counted = self.counted
                + if now > since {
                    calendar.between(since, now)
                } else {
                    SignedDuration::ZERO
                };
            next.running_since = None;
            next.paused_at = Some(now);
        }
        next
    }

    pub fn resume(&self, now: Timestamp) -> Clock {
        let mut next = self.clone();
        if self.running_since.is_none() && self.met_at.is_none() {
            next.running_since = Some(now);
            next.paused_at = None;
        }
        next
    }

    /// Stops the clock as met; meeting it twice keeps the first time.
    pub fn meet(&self, calendar: &Calendar, now: Timestamp) -> Clock {
        let mut next = self.clone();
        if self.met_at.is_none() {
            next.counted = self.elapsed(calendar, now);
            next.running_since = None;
            next.paused_at = None;
            next.met_at = Some(now);
        }
        next
    }

    /// Whether it was met within its target.
    pub fn met_in_time(&self) -> Option<bool> {
        self.met_at.map(|_| self.counted <= self.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_calendar::Period;
    use jiff::civil::{date, time};
    use jiff::tz::TimeZone;
    use proptest::prelude::*;

    fn office() -> Calendar {
        let day = vec![Period::new(time(9, 0, 0, 0), Some(time(17, 0, 0, 0))).expect("valid")];
        let week = [
            day.clone(),
            day.clone(),
            day.clone(),
            day.clone(),
            day,
            vec![],
            vec![],
        ];
        Calendar::weekly(TimeZone::get("Europe/Madrid").expect("zone"), week).expect("calendar")
    }

    fn at(d: i8, h: i8, m: i8) -> Timestamp {
        date(2026, 11, d)
            .at(h, m, 0, 0)
            .to_zoned(TimeZone::get("Europe/Madrid").expect("zone"))
            .expect("valid")
            .timestamp()
    }

    #[test]
    fn waiting_on_the_customer_pauses_and_moves_the_deadline() {
        let cal = office();
        // Monday 23 Nov 10:00, resolution in 8 working hours: due Tuesday 10:00.
        let clock = Clock::start(
            ClockKind::Resolution,
            SignedDuration::from_hours(8),
            at(23, 10, 0),
            true,
        );
        assert_eq!(clock.due_at(&cal), Some(at(24, 10, 0)));
        // Paused Monday 12:00 (2 h counted), resumed Wednesday 9:00: 6 h left -> 15:00.
        let paused = clock.pause(&cal, at(23, 12, 0));
        assert_eq!(paused.state(&cal, at(24, 12, 0)), ClockState::Paused);
        assert_eq!(paused.due_at(&cal), None);
        let resumed = paused.resume(at(25, 9, 0));
        assert_eq!(resumed.due_at(&cal), Some(at(25, 15, 0)));
        assert_eq!(resumed.state(&cal, at(25, 14, 59)), ClockState::Running);
        assert_eq!(resumed.state(&cal, at(25, 15, 0)), ClockState::Breached);
    }

    #[test]
    fn a_met_clock_is_not_moved_by_pausing() {
        let cal = office();
        let clock = Clock::start(
            ClockKind::FirstResponse,
            SignedDuration::from_hours(1),
            at(23, 10, 0),
            true,
        );
        let met = clock.meet(&cal, at(23, 10, 30));
        assert_eq!(met.met_in_time(), Some(true));
        assert_eq!(met.pause(&cal, at(23, 11, 0)), met);
        assert_eq!(met.resume(at(23, 12, 0)), met);
        assert_eq!(met.meet(&cal, at(23, 16, 0)).met_at, Some(at(23, 10, 30)));
        assert_eq!(met.state(&cal, at(30, 10, 0)), ClockState::Met);
    }

    #[test]
    fn unpausable_clocks_keep_running() {
        let cal = office();
        let clock = Clock::start(
            ClockKind::NextUpdate,
            SignedDuration::from_hours(4),
            at(23, 9, 0),
            false,
        );
        let same = clock.pause(&cal, at(23, 10, 0));
        assert_eq!(same, clock);
        let late = clock.meet(&cal, at(23, 14, 0));
        assert_eq!(late.met_in_time(), Some(false));
        assert!(late.breached(&cal, at(23, 14, 0)));
        assert_eq!(late.state(&cal, at(23, 14, 0)), ClockState::Met);
    }

    #[derive(Clone, Debug)]
    enum Step {
        Pause(i64),
        Resume(i64),
    }

    proptest! {
        /// Whatever the pauses, the counted time is the working time of the running spans,
        /// never decreases, and never exceeds the wall-clock time.
        #[test]
        fn counted_time_is_the_working_time_of_running_spans(steps in prop::collection::vec(prop_oneof![(1i64..3000).prop_map(Step::Pause), (1i64..3000).prop_map(Step::Resume)], 0..20)) {
            let cal = office();
            let start = at(23, 8, 0);
            let mut clock = Clock::start(ClockKind::Resolution, SignedDuration::from_hours(40), start, true);
            let mut now = start;
            let mut expected = SignedDuration::ZERO;
            let mut running_since = Some(start);
            let mut last = SignedDuration::ZERO;
            for step in steps {
                let (minutes, pause) = match step { Step::Pause(m) => (m, true), Step::Resume(m) => (m, false) };
                now = now.checked_add(SignedDuration::from_mins(minutes)).expect("in range");
                if pause {
                    if let Some(since) = running_since.take() { expected += cal.between(since, now); }
                    clock = clock.pause(&cal, now);
                } else {
                    if running_since.is_none() { running_since = Some(now); }
                    clock = clock.resume(now);
                }
                let elapsed = clock.elapsed(&cal, now);
                prop_assert!(elapsed >= last);
                prop_assert!(elapsed <= now.duration_since(start));
                last = elapsed;
            }
            let total = expected + running_since.map(|s| cal.between(s, now)).unwrap_or(SignedDuration::ZERO);
            prop_assert_eq!(clock.elapsed(&cal, now), total);
            if let Some(due) = clock.due_at(&cal) {
                if clock.counted < clock.target {
                    prop_assert_eq!(clock.elapsed(&cal, due), clock.target);
                } else {
                    // Already past its target before this span: overdue from the span's start.
                    prop_assert_eq!(Some(due), clock.running_since);
                }
            }
        }
    }
}
