//! The clocks of one case under its procedure (PRODUCT.md C1, A4, C2): which clocks run,
//! how replies and status changes move them, and the working-time thresholds (escalation
//! warnings, breach, escalation after breach) at which the case must be looked at again.
//!
//! Pure: the store keeps the clocks and schedules a durable timer at [`next_check`].

use accord_calendar::Calendar;
use accord_core::case::CaseStatus;
use accord_core::clock::{Clock, ClockKind};
use jiff::{SignedDuration, Timestamp};

use crate::model::{ClockName, EscalationLevel, Policy, Procedure, Trigger};

/// The three clocks a procedure sets for a case.
pub const KINDS: [ClockKind; 3] = [
    ClockKind::FirstResponse,
    ClockKind::NextUpdate,
    ClockKind::Resolution,
];

impl ClockName {
    pub fn kind(self) -> ClockKind {
        match self {
            ClockName::FirstResponse => ClockKind::FirstResponse,
            ClockName::NextUpdate => ClockKind::NextUpdate,
            ClockName::Resolution => ClockKind::Resolution,
        }
    }
}

/// The target a procedure sets for a kind of clock (`None`: the procedure sets no such clock).
pub fn target(procedure: &Procedure, kind: ClockKind) -> Option<SignedDuration> {
    match kind {
        ClockKind::FirstResponse => Some(procedure.first_response),
        ClockKind::NextUpdate => procedure.update_every,
        ClockKind::Resolution => Some(procedure.resolution),
        ClockKind::Milestone => None,
    }
}

/// The clocks of a case, at most one of each kind (a new next-update promise replaces the
/// kept one; the store records each ending in the case history).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseClocks {
    pub first_response: Option<Clock>,
    pub next_update: Option<Clock>,
    pub resolution: Option<Clock>,
}

impl CaseClocks {
    /// The clocks of a new case: first response and resolution start now.
    pub fn open(
        procedure: &Procedure,
        calendar: &Calendar,
        status: CaseStatus,
        now: Timestamp,
    ) -> CaseClocks {
        let start = |kind| {
            target(procedure, kind)
                .map(|t| Clock::start(kind, t, now, procedure.pause_when_waiting))
        };
        let clocks = CaseClocks {
            first_response: start(ClockKind::FirstResponse),
            next_update: None,
            resolution: start(ClockKind::Resolution),
        };
        if status == CaseStatus::WaitingOnCustomer {
            clocks.map(|c| c.pause(calendar, now))
        } else {
            clocks
        }
    }

    pub fn get(&self, kind: ClockKind) -> Option<&Clock> {
        match kind {
            ClockKind::FirstResponse => self.first_response.as_ref(),
            ClockKind::NextUpdate => self.next_update.as_ref(),
            ClockKind::Resolution => self.resolution.as_ref(),
            ClockKind::Milestone => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Clock> {
        [&self.first_response, &self.next_update, &self.resolution]
            .into_iter()
            .flatten()
    }

    fn map(&self, f: impl Fn(&Clock) -> Clock) -> CaseClocks {
        CaseClocks {
            first_response: self.first_response.as_ref().map(&f),
            next_update: self.next_update.as_ref().map(&f),
            resolution: self.resolution.as_ref().map(&f),
        }
    }

    /// A public reply to the customer: it is the first response, it keeps the pending
    /// next-update promise, and (while the case is unresolved) it makes the next one.
    pub fn on_reply(
        &self,
        procedure: &Procedure,
        calendar: &Calendar,
        status: CaseStatus,
        now: Timestamp,
    ) -> CaseClocks {
        let meet = |c: &Option<Clock>| c.as_ref().map(|c| c.meet(calendar, now));
        let unresolved = !matches!(status, CaseStatus::Resolved | CaseStatus::Closed);
        let next_update = match procedure.update_every {
            Some(every) if unresolved => {
                let clock = Clock::start(
                    ClockKind::NextUpdate,
                    every,
                    now,
                    procedure.pause_when_waiting,
                );
                Some(if status == CaseStatus::WaitingOnCustomer {
                    clock.pause(calendar, now)
                } else {
                    clock
                })
            }
            _ => meet(&self.next_update),
        };
        CaseClocks {
            first_response: meet(&self.first_response),
            next_update,
            resolution: self.resolution.clone(),
        }
    }

    /// A change of status: waiting on the customer pauses the pausable clocks and leaving
    /// that state resumes them; resolving meets every clock; reopening starts a new
    /// resolution clock (the first response stays as it was).
    pub fn on_status(
        &self,
        procedure: &Procedure,
        calendar: &Calendar,
        from: CaseStatus,
        to: CaseStatus,
        now: Timestamp,
    ) -> CaseClocks {
        match to {
            CaseStatus::Resolved | CaseStatus::Closed => self.map(|c| c.meet(calendar, now)),
            CaseStatus::WaitingOnCustomer => self.map(|c| c.pause(calendar, now)),
            CaseStatus::Reopened => CaseClocks {
                first_response: self.first_response.clone(),
                next_update: None,
                resolution: target(procedure, ClockKind::Resolution).map(|t| {
                    Clock::start(ClockKind::Resolution, t, now, procedure.pause_when_waiting)
                }),
            },
            _ if from == CaseStatus::WaitingOnCustomer => self.map(|c| c.resume(now)),
            _ => self.clone(),
        }
    }
}

/// Moves a clock to another version's procedure: the working time counted so far stays,
/// the target and pausing rule become the new procedure's. `other_calendar` is the calendar
/// the clock counted in when the new procedure counts in a different one: the running span
/// is then closed under it (what was worked stays worked). Under an equal calendar nothing
/// needs closing, so a clock whose target and pausing rule stay is returned unchanged. A
/// clock the new procedure does not set keeps its old target.
pub fn retarget(
    clock: &Clock,
    other_calendar: Option<&Calendar>,
    procedure: &Procedure,
    now: Timestamp,
) -> Clock {
    let mut next = clock.clone();
    if let Some(t) = target(procedure, clock.kind) {
        next.target = t;
    }
    next.pausable = procedure.pause_when_waiting;
    if let Some(old) = other_calendar
        && clock.met_at.is_none()
        && let Some(since) = clock.running_since
    {
        next.counted = clock.elapsed(old, now);
        next.running_since = Some(now.max(since));
    }
    next
}

/// A point in a clock's working time at which something happens.
#[derive(Clone, Copy, Debug)]
pub struct Threshold<'a> {
    /// Working time since the clock started.
    pub at: SignedDuration,
    /// The escalation level that fires there; `None` for the breach itself.
    pub level: Option<&'a EscalationLevel>,
}

/// The thresholds of a clock with this target, in working-time order (the breach before an
/// escalation at the same point). Levels whose condition does not match the case are
/// included: the condition is evaluated when the threshold is reached, on the case as it is
/// then.
pub fn thresholds(policy: &Policy, kind: ClockKind, target: SignedDuration) -> Vec<Threshold<'_>> {
    let mut out = vec![Threshold {
        at: target,
        level: None,
    }];
    for level in &policy.escalation {
        let at = match level.trigger {
            Trigger::BeforeBreach { clock, by } if clock.kind() == kind => target - by,
            Trigger::AfterBreach { clock, by } if clock.kind() == kind => target + by,
            _ => continue,
        };
        out.push(Threshold {
            at: at.max(SignedDuration::ZERO),
            level: Some(level),
        });
    }
    out.sort_by_key(|t| (t.at, t.level.map(|l| l.level)));
    out
}

/// When the running clock next reaches a threshold beyond `checked` (the working time up to
/// which thresholds were already handled). `None` while paused or met, or when none is left.
pub fn next_check(
    clock: &Clock,
    calendar: &Calendar,
    thresholds: &[Threshold<'_>],
    checked: Option<SignedDuration>,
) -> Option<Timestamp> {
    let since = clock.running_since?;
    if clock.met_at.is_some() {
        return None;
    }
    let next = thresholds
        .iter()
        .find(|t| checked.is_none_or(|c| t.at > c))?;
    calendar.add(since, next.at - clock.counted)
}

/// The thresholds reached by `now` that were not handled yet, in order.
pub fn reached<'t, 'p>(
    clock: &Clock,
    calendar: &Calendar,
    thresholds: &'t [Threshold<'p>],
    checked: Option<SignedDuration>,
    now: Timestamp,
) -> (&'t [Threshold<'p>], SignedDuration) {
    let elapsed = clock.elapsed(calendar, now);
    let start = thresholds
        .iter()
        .position(|t| checked.is_none_or(|c| t.at > c))
        .unwrap_or(thresholds.len());
    let end = thresholds
        .iter()
        .position(|t| t.at > elapsed)
        .unwrap_or(thresholds.len())
        .max(start);
    (&thresholds[start..end], elapsed)
}

#[cfg(test)]
mod tests;
