//! The clocks of cases (PRODUCT.md C1) kept in `case_clocks`, moved by replies and status
//! changes, and looked at again by a durable timer at their next threshold (a warning, the
//! breach, an escalation after it).
//!
//! The rules live in [`accord_policy::clocks`]; this module loads, stores and schedules.

use std::collections::HashMap;
use std::sync::Arc;

use accord_core::access::{Action, Actor};
use accord_core::case::{Case, CaseStatus, Change, Priority};
use accord_core::clock::{Clock, ClockKind, ClockState};
use accord_core::ids::{CaseId, TeamId, UserId};
use accord_policy::Policy;
use accord_policy::clocks::{self as rules, CaseClocks, Threshold};
use accord_policy::model::{Occasion, Procedure};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::cases::insert_event;
use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::timers::{self, TimerJob};
use crate::{Result, Store, StoreError};

pub(crate) const CLOCK_COLUMNS: &str = "k.kind, k.procedure_id, k.calendar_id, k.target_us, k.started_at, k.counted_us, \
     k.running_since, k.paused_at, k.met_at, k.pausable, k.breached_at, k.checked_us";

/// A clock as stored, with what the timer recorded about it.
#[derive(Clone, Debug)]
struct Stored {
    clock: Clock,
    breached_at: Option<Timestamp>,
    checked: Option<SignedDuration>,
}

/// The clocks of one case and the procedure (of a policy version) they run under.
pub(crate) struct Governed {
    policy: Arc<Policy>,
    version: i64,
    procedure_id: String,
    calendar_id: String,
    clocks: Vec<Stored>,
}

impl Governed {
    fn procedure(&self) -> Result<&Procedure> {
        self.policy
            .procedures
            .iter()
            .find(|p| p.id == self.procedure_id)
            .ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "procedure {} not in version {}",
                    self.procedure_id, self.version
                ))
            })
    }

    fn calendar(&self) -> Result<&accord_calendar::Calendar> {
        self.policy.calendar(&self.calendar_id).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "calendar {} not in version {}",
                self.calendar_id, self.version
            ))
        })
    }

    fn set(&self) -> CaseClocks {
        let get = |kind| {
            self.clocks
                .iter()
                .find(|s| s.clock.kind == kind)
                .map(|s| s.clock.clone())
        };
        CaseClocks {
            first_response: get(ClockKind::FirstResponse),
            next_update: get(ClockKind::NextUpdate),
            resolution: get(ClockKind::Resolution),
        }
    }
}

fn micros(d: SignedDuration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

/// A clock row as read: the clock and the procedure and calendar it runs under.
type ClockRow = (Stored, String, String);

/// Reads a clock row selected with [`CLOCK_COLUMNS`] starting at column `at`.
fn clock_from_row(r: &mut crate::value::Row, at: usize) -> Result<ClockRow> {
    let kind = crate::codec::parse(&r.text(at)?, "case_clocks.kind", ClockKind::parse)?;
    let stored = Stored {
        clock: Clock {
            kind,
            target: SignedDuration::from_micros(r.i64(at + 3)?),
            started_at: from_micros(r.i64(at + 4)?)?,
            counted: SignedDuration::from_micros(r.i64(at + 5)?),
            running_since: r.opt_i64(at + 6)?.map(from_micros).transpose()?,
            paused_at: r.opt_i64(at + 7)?.map(from_micros).transpose()?,
            met_at: r.opt_i64(at + 8)?.map(from_micros).transpose()?,
            pausable: r.bool(at + 9)?,
        },
        breached_at: r.opt_i64(at + 10)?.map(from_micros).transpose()?,
        checked: r.opt_i64(at + 11)?.map(SignedDuration::from_micros),
    };
    Ok((stored, r.text(at + 1)?, r.text(at + 2)?))
}

/// Adds a loaded clock to the clocks of its case, which runs under `version`.
async fn collect(
    store: &Store,
    governed: &mut Option<Governed>,
    version: i64,
    row: ClockRow,
) -> Result<()> {
    let (stored, procedure_id, calendar_id) = row;
    match governed {
        Some(g) => g.clocks.push(stored),
        None => {
            *governed = Some(Governed {
                policy: store.compiled_policy(version).await?,
                version,
                procedure_id,
                calendar_id,
                clocks: vec![stored],
            });
        }
    }
    Ok(())
}

async fn load(store: &Store, c: &mut Conn<'_>, case: CaseId) -> Result<Option<Governed>> {
    let rows = c
        .fetch_all(
            &format!("SELECT c.policy_version, {CLOCK_COLUMNS} FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.case_id = $1"),
            args![case.0],
        )
        .await?;
    let mut governed = None;
    for mut r in rows {
        let version = r.opt_i64(0)?.ok_or_else(|| {
            StoreError::Corrupt(format!("case {} has clocks but no policy version", case.0))
        })?;
        collect(store, &mut governed, version, clock_from_row(&mut r, 1)?).await?;
    }
    Ok(governed)
}

/// When the timer of a case with these clocks must next look at them: the earliest next
/// threshold of any of its clocks.
fn next_check<'a>(
    g: &Governed,
    clocks: impl Iterator<Item = &'a Stored>,
) -> Result<Option<Timestamp>> {
    let calendar = g.calendar()?;
    let mut next: Option<Timestamp> = None;
    for stored in clocks {
        let clock = &stored.clock;
        let thresholds = rules::thresholds(&g.policy, clock.kind, clock.target);
        if let Some(at) = rules::next_check(clock, calendar, &thresholds, stored.checked) {
            next = Some(next.map_or(at, |n| n.min(at)));
        }
    }
    Ok(next)
}

/// Clock rows and timer changes to write together: one statement per kind of write, however
/// many clocks (re-evaluating every open case after a publication writes them all at once).
#[derive(Default)]
pub(crate) struct Writes {
    clocks: Vec<Vec<crate::value::Value>>,
    schedule: Vec<(TimerJob, Timestamp)>,
    cancel: Vec<TimerJob>,
}

impl Writes {
    /// Adds a clock row.
    fn clock(&mut self, case: CaseId, g: &Governed, stored: &Stored) -> Result<()> {
        use crate::value::ToValue;
        let calendar = g.calendar()?;
        let clock = &stored.clock;
        let due = clock.due_at(calendar);
        self.clocks.push(vec![
            case.0.to_value(),
            clock.kind.as_str().to_value(),
            g.procedure_id.to_value(),
            g.calendar_id.to_value(),
            micros(clock.target).to_value(),
            to_micros(clock.started_at).to_value(),
            micros(clock.counted).to_value(),
            clock.running_since.map(to_micros).to_value(),
            clock.paused_at.map(to_micros).to_value(),
            clock.met_at.map(to_micros).to_value(),
            clock.pausable.to_value(),
            due.map(to_micros).to_value(),
            stored.breached_at.map(to_micros).to_value(),
            stored.checked.map(micros).to_value(),
        ]);
        Ok(())
    }

    /// Sets the case's timer at the next threshold of any of its clocks (or removes it).
    fn timer<'a>(
        &mut self,
        case: CaseId,
        g: &Governed,
        clocks: impl Iterator<Item = &'a Stored>,
    ) -> Result<()> {
        let next = next_check(g, clocks)?;
        self.timer_at(case, next);
        Ok(())
    }

    fn timer_at(&mut self, case: CaseId, next: Option<Timestamp>) {
        let job = TimerJob::Clocks { case };
        match next {
            Some(at) => self.schedule.push((job, at)),
            None => self.cancel.push(job),
        }
    }

    pub(crate) async fn flush(self, c: &mut Conn<'_>, now: Timestamp) -> Result<()> {
        c.execute_many(
            "INSERT INTO case_clocks (case_id, kind, procedure_id, calendar_id, target_us, started_at, counted_us, \
             running_since, paused_at, met_at, pausable, due_at, breached_at, checked_us)",
            "ON CONFLICT (case_id, kind) DO UPDATE SET procedure_id = excluded.procedure_id, \
             calendar_id = excluded.calendar_id, target_us = excluded.target_us, started_at = excluded.started_at, \
             counted_us = excluded.counted_us, running_since = excluded.running_since, paused_at = excluded.paused_at, \
             met_at = excluded.met_at, pausable = excluded.pausable, due_at = excluded.due_at, \
             breached_at = excluded.breached_at, checked_us = excluded.checked_us",
            14,
            self.clocks,
        )
        .await?;
        timers::schedule_many(c, self.schedule, now).await?;
        timers::cancel_many(c, self.cancel).await
    }
}

/// Stores the clocks that changed from `before` to `after` (a clock that started anew —
/// a new next-update promise, a reopened resolution — starts with nothing checked).
async fn store_changes(
    c: &mut Conn<'_>,
    case: CaseId,
    g: &Governed,
    after: &CaseClocks,
    now: Timestamp,
) -> Result<()> {
    let mut writes = Writes::default();
    let mut all = Vec::new();
    for clock in after.iter() {
        let old = g.clocks.iter().find(|s| s.clock.kind == clock.kind);
        if let Some(same) = old.filter(|s| s.clock == *clock) {
            all.push(same.clone());
            continue;
        }
        let fresh = old.is_none_or(|s| s.clock.started_at != clock.started_at);
        let stored = Stored {
            clock: clock.clone(),
            breached_at: if fresh {
                None
            } else {
                old.and_then(|s| s.breached_at)
            },
            checked: if fresh {
                None
            } else {
                old.and_then(|s| s.checked)
            },
        };
        writes.clock(case, g, &stored)?;
        all.push(stored);
    }
    writes.timer(case, g, all.iter())?;
    writes.flush(c, now).await
}

/// A case was opened: start its clocks under the procedure of its governing version and run
/// the escalation levels that fire on opening (account tier, public post, a first message
/// asking for a manager). The policy and the case's facts are loaded once for both.
pub(crate) async fn open_case(
    store: &Store,
    c: &mut Conn<'_>,
    case: &Case,
    first_message: Option<&str>,
    now: Timestamp,
) -> Result<Opened> {
    let Some(version) = case.policy_version else {
        return Ok(Opened::default());
    };
    let mut opened = Opened::default();
    let policy = store.compiled_policy(version).await?;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let facts = crate::facts::load_facts(c, case.id, today).await?;
    if let Some(procedure) = policy.procedure_for(&facts) {
        let g = Governed {
            version,
            procedure_id: procedure.id.clone(),
            calendar_id: procedure.calendar.clone(),
            clocks: Vec::new(),
            policy: policy.clone(),
        };
        let clocks = CaseClocks::open(procedure, g.calendar()?, case.status, now);
        store_changes(c, case.id, &g, &clocks, now).await?;
        opened.auto_acknowledge = procedure.auto_acknowledge;
    }
    for level in policy.levels_on(&facts, Occasion::Opened { first_message }) {
        crate::escalation::run_level(store, c, case.id, level, now).await?;
    }
    Ok(opened)
}

/// What the policy says to do about a case that just opened.
#[derive(Default)]
pub(crate) struct Opened {
    /// Its procedure acknowledges new cases automatically (A4).
    pub auto_acknowledge: bool,
}

/// What a public reply sent at `now` would promise: when the next update is due under the
/// case's procedure (`None` when the procedure sets no update cadence), the calendar's time
/// zone to state it in, and the procedure's plain-language explanation. `None` for a case
/// without clocks.
pub(crate) async fn promise_of_reply(
    store: &Store,
    c: &mut Conn<'_>,
    case: &Case,
    now: Timestamp,
) -> Result<Option<Promise>> {
    let Some(g) = load(store, c, case.id).await? else {
        return Ok(None);
    };
    let (procedure, calendar) = (g.procedure()?, g.calendar()?);
    let next = g.set().on_reply(procedure, calendar, case.status, now);
    Ok(Some(Promise {
        next_update: next.next_update.and_then(|clock| clock.due_at(calendar)),
        zone: calendar.zone().clone(),
        explanation: procedure.explanation.text.clone(),
    }))
}

/// When a resolved case is followed up, and how (D6).
pub(crate) struct FollowUpPlan {
    /// Its procedure's `follow_up.after` of business time after resolution.
    pub due: Timestamp,
    pub survey: String,
    /// The policy version that defines the survey.
    pub version: i64,
    /// The procedure calendar's zone, in which the customer is told dates.
    pub zone: jiff::tz::TimeZone,
}

/// The follow-up of a case resolved at `resolved`; `None` when its procedure has none (or
/// the case runs under no procedure).
pub(crate) async fn follow_up_of(
    store: &Store,
    c: &mut Conn<'_>,
    case: CaseId,
    resolved: Timestamp,
) -> Result<Option<FollowUpPlan>> {
    let Some(g) = load(store, c, case).await? else {
        return Ok(None);
    };
    let Some(follow_up) = g.procedure()?.follow_up.clone() else {
        return Ok(None);
    };
    let calendar = g.calendar()?;
    let due = calendar
        .add(resolved, follow_up.after)
        .or_else(|| resolved.checked_add(follow_up.after).ok())
        .unwrap_or(resolved);
    Ok(Some(FollowUpPlan {
        due,
        survey: follow_up.survey,
        version: g.version,
        zone: calendar.zone().clone(),
    }))
}

/// See [`promise_of_reply`].
pub(crate) struct Promise {
    pub next_update: Option<Timestamp>,
    pub zone: jiff::tz::TimeZone,
    /// The procedure's plain-language explanation, by language code.
    pub explanation: std::collections::BTreeMap<String, String>,
}

/// A public reply was sent: the first response is met, the promise kept, a new one made.
pub(crate) async fn after_reply(
    store: &Store,
    c: &mut Conn<'_>,
    case: &Case,
    now: Timestamp,
) -> Result<()> {
    let Some(g) = load(store, c, case.id).await? else {
        return Ok(());
    };
    let next = g
        .set()
        .on_reply(g.procedure()?, g.calendar()?, case.status, now);
    store_changes(c, case.id, &g, &next, now).await
}

pub(crate) async fn after_status(
    store: &Store,
    c: &mut Conn<'_>,
    case: CaseId,
    from: CaseStatus,
    to: CaseStatus,
    now: Timestamp,
) -> Result<()> {
    let Some(g) = load(store, c, case).await? else {
        return Ok(());
    };
    let next = g
        .set()
        .on_status(g.procedure()?, g.calendar()?, from, to, now);
    store_changes(c, case, &g, &next, now).await
}

/// A case that moves to another policy version.
pub(crate) struct Move {
    pub case: CaseId,
    pub status: CaseStatus,
    /// The version it was under (whose calendar its clocks have counted in).
    pub from: Option<i64>,
    pub to: i64,
    /// The position of the procedure governing it under `to` (`None`: no procedure does).
    pub procedure: Option<usize>,
}

/// The clocks of the cases that move, as they are, and the versions involved: what
/// [`plan_moves`] needs, collected while the open cases are read.
pub(crate) struct MovingClocks {
    policies: HashMap<i64, Arc<Policy>>,
    /// In the order of the moves; `None` for a case without clocks.
    current: Vec<Option<Governed>>,
}

impl MovingClocks {
    /// Loads the published versions (compiled once, cached by the store).
    pub(crate) async fn new(store: &Store, versions: Vec<i64>) -> Result<Self> {
        let mut policies = HashMap::new();
        for version in versions {
            policies.insert(version, store.compiled_policy(version).await?);
        }
        Ok(MovingClocks {
            policies,
            current: Vec::new(),
        })
    }

    /// A compiled published version.
    pub(crate) fn policy(&self, version: i64) -> Result<&Policy> {
        self.policies
            .get(&version)
            .map(|p| &**p)
            .ok_or_else(|| StoreError::Corrupt(format!("version {version} is not published")))
    }

    /// Adds the clock read with [`CLOCK_COLUMNS`] from column `at` of `row` to the case of
    /// move `index`, which runs under `from` (a clock of a case without a version is not
    /// re-evaluated: the case starts its clocks anew).
    pub(crate) fn add_clock(
        &mut self,
        index: usize,
        from: Option<i64>,
        row: &mut crate::value::Row,
        at: usize,
    ) -> Result<()> {
        if self.current.len() <= index {
            self.current.resize_with(index + 1, || None);
        }
        let Some(from) = from else {
            return Ok(());
        };
        let slot = &mut self.current[index];
        let policy = self
            .policies
            .get(&from)
            .ok_or_else(|| StoreError::Corrupt(format!("version {from} is not published")))?;
        let (stored, procedure_id, calendar_id) = clock_from_row(row, at)?;
        match slot {
            Some(g) => g.clocks.push(stored),
            None => {
                *slot = Some(Governed {
                    policy: policy.clone(),
                    version: from,
                    procedure_id,
                    calendar_id,
                    clocks: vec![stored],
                })
            }
        }
        Ok(())
    }
}

/// Re-evaluates the clocks of cases that move to another version (PRODUCT.md B2): each
/// keeps the working time counted so far and takes the target, calendar and pausing rule
/// of the procedure that governs it under the new version. A case without clocks (opened
/// before any version, or under no procedure) starts them now. Only the clocks and timers
/// that change are written: a publication usually changes a few targets. Pure computation
/// (no I/O), so it can run while the moves themselves are being written.
/// Plans the moves `chunk` at a time and sends each chunk's writes to `out` (so memory
/// stays bounded however many cases move); stops at the first error, which it sends.
pub(crate) fn plan_moves(
    moves: &[Move],
    mut loaded: MovingClocks,
    now: Timestamp,
    chunk: usize,
    out: &tokio::sync::mpsc::Sender<Result<Writes>>,
) {
    loaded.current.resize_with(moves.len(), || None);
    let mut same_calendars: HashMap<(usize, usize), bool> = HashMap::new();
    for (moves, current) in moves.chunks(chunk).zip(loaded.current.chunks(chunk)) {
        let planned = plan_chunk(moves, current, &loaded.policies, &mut same_calendars, now);
        let failed = planned.is_err();
        // The receiver gone means the switch failed on its side; nothing more to plan.
        if out.blocking_send(planned).is_err() || failed {
            return;
        }
    }
}

fn plan_chunk(
    moves: &[Move],
    current: &[Option<Governed>],
    policies: &HashMap<i64, Arc<Policy>>,
    same_calendars: &mut HashMap<(usize, usize), bool>,
    now: Timestamp,
) -> Result<Writes> {
    let mut writes = Writes::default();
    for (m, old) in moves.iter().zip(current) {
        let policy = policies
            .get(&m.to)
            .ok_or_else(|| StoreError::Corrupt(format!("version {} not loaded", m.to)))?;
        let Some(procedure) = m.procedure.and_then(|i| policy.procedures.get(i)) else {
            continue;
        };
        let next = Governed {
            policy: policy.clone(),
            version: m.to,
            procedure_id: procedure.id.clone(),
            calendar_id: procedure.calendar.clone(),
            clocks: Vec::new(),
        };
        let calendar = next.calendar()?;
        let Some(old) = old else {
            let clocks = CaseClocks::open(procedure, calendar, m.status, now);
            let fresh: Vec<Stored> = clocks
                .iter()
                .map(|clock| Stored {
                    clock: clock.clone(),
                    breached_at: None,
                    checked: None,
                })
                .collect();
            for stored in &fresh {
                writes.clock(m.case, &next, stored)?;
            }
            writes.timer(m.case, &next, fresh.iter())?;
            continue;
        };
        let old_calendar = old.calendar()?;
        // Calendars of two versions are compared once per pair, not once per case.
        let key = (
            old_calendar as *const _ as usize,
            calendar as *const _ as usize,
        );
        let other_calendar = *same_calendars
            .entry(key)
            .or_insert_with(|| old_calendar == calendar);
        let other_calendar = (!other_calendar).then_some(old_calendar);
        let same_place =
            old.procedure_id == next.procedure_id && old.calendar_id == next.calendar_id;
        let mut changed = false;
        let moved: Vec<Stored> = old
            .clocks
            .iter()
            .map(|s| Stored {
                clock: rules::retarget(&s.clock, other_calendar, procedure, now),
                breached_at: s.breached_at,
                checked: s.checked,
            })
            .collect();
        for (before, after) in old.clocks.iter().zip(&moved) {
            if !same_place || before.clock != after.clock {
                writes.clock(m.case, &next, after)?;
                changed = true;
            }
        }
        // Unchanged clocks can still meet other thresholds (the escalation chain changed).
        let timer = next_check(&next, moved.iter())?;
        if changed || timer != next_check(old, old.clocks.iter())? {
            writes.timer_at(m.case, timer);
        }
    }
    Ok(writes)
}

/// The timer of a case's clocks fired: for each clock, handle every threshold reached
/// (record the breach, run the escalation levels whose condition matches the case now),
/// then set the timer at the next threshold of any clock.
pub(crate) async fn check_clocks(
    store: &Store,
    c: &mut Conn<'_>,
    case: CaseId,
    now: Timestamp,
) -> Result<()> {
    let Some(g) = load(store, c, case).await? else {
        return Ok(());
    };
    let calendar = g.calendar()?;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let mut writes = Writes::default();
    let mut all = Vec::with_capacity(g.clocks.len());
    // Read when the first escalation level is reached, then kept for the others.
    let mut facts = None;
    for stored in &g.clocks {
        let kind = stored.clock.kind;
        let thresholds = rules::thresholds(&g.policy, kind, stored.clock.target);
        let (reached, elapsed) =
            rules::reached(&stored.clock, calendar, &thresholds, stored.checked, now);
        let mut next = stored.clone();
        if reached.is_empty() {
            all.push(next);
            continue;
        }
        next.checked = Some(elapsed);
        for Threshold { level, .. } in reached {
            match level {
                None if next.breached_at.is_none() && stored.clock.met_at.is_none() => {
                    next.breached_at = Some(now);
                    insert_event(
                        c,
                        case,
                        &Change::ClockBreached { clock: kind },
                        None,
                        None,
                        now,
                    )
                    .await?;
                }
                None => {}
                Some(level) => {
                    if facts.is_none() {
                        facts = Some(crate::facts::load_facts(c, case, today).await?);
                    }
                    if facts.as_ref().is_some_and(|f| level.when.matches(f)) {
                        crate::escalation::run_level(store, c, case, level, now).await?;
                    }
                }
            }
        }
        writes.clock(case, &g, &next)?;
        all.push(next);
    }
    writes.timer(case, &g, all.iter())?;
    writes.flush(c, now).await
}

/// A clock as shown on a case.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ClockView {
    pub kind: ClockKind,
    pub state: ClockState,
    /// Working time allowed, in minutes.
    pub target_minutes: i64,
    /// Working time counted so far, in minutes.
    pub elapsed_minutes: i64,
    #[schema(value_type = String, format = DateTime)]
    pub started_at: Timestamp,
    /// When the target is reached if the clock keeps running.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub due_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub paused_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub met_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub breached_at: Option<Timestamp>,
    /// Met within the target (`None` until met).
    pub met_in_time: Option<bool>,
    pub policy_version: i64,
    pub procedure: String,
    pub calendar: String,
}

fn view(g: &Governed, stored: &Stored, now: Timestamp) -> Result<ClockView> {
    let calendar = g.calendar()?;
    let clock = &stored.clock;
    Ok(ClockView {
        kind: clock.kind,
        state: clock.state(calendar, now),
        target_minutes: clock.target.as_secs() / 60,
        elapsed_minutes: clock.elapsed(calendar, now).as_secs() / 60,
        started_at: clock.started_at,
        due_at: clock.due_at(calendar),
        paused_at: clock.paused_at,
        met_at: clock.met_at,
        breached_at: stored.breached_at,
        met_in_time: clock.met_in_time(),
        policy_version: g.version,
        procedure: g.procedure_id.clone(),
        calendar: g.calendar_id.clone(),
    })
}

/// A running clock near or past its target, for the supervisors' "breaching soon" view.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ClockAlert {
    pub case_id: CaseId,
    pub case_number: i64,
    pub subject: String,
    pub priority: Priority,
    pub status: CaseStatus,
    pub team_id: Option<TeamId>,
    pub assignee_id: Option<UserId>,
    pub kind: ClockKind,
    #[schema(value_type = String, format = DateTime)]
    pub due_at: Timestamp,
    /// Already past its target.
    pub breached: bool,
}

impl Store {
    /// The clocks of a case (staff), in the order first response, next update, resolution.
    pub async fn case_clocks(
        &self,
        actor: &Actor,
        case: CaseId,
        now: Timestamp,
    ) -> Result<Vec<ClockView>> {
        actor.require(Action::ViewInternalEntries)?;
        let mut c = self.read().await?;
        crate::cases::load_case_scoped(&mut c, actor, case).await?;
        let Some(g) = load(self, &mut c, case).await? else {
            return Ok(Vec::new());
        };
        let mut views = Vec::new();
        for kind in rules::KINDS {
            if let Some(stored) = g.clocks.iter().find(|s| s.clock.kind == kind) {
                views.push(view(&g, stored, now)?);
            }
        }
        Ok(views)
    }

    /// Running clocks of open cases due before `now + within` (breached ones included),
    /// soonest first.
    pub async fn breaching_soon(
        &self,
        actor: &Actor,
        within: SignedDuration,
        now: Timestamp,
        limit: i64,
    ) -> Result<Vec<ClockAlert>> {
        self.breaching_soon_page(actor, within, now, limit, None)
            .await
    }

    /// A page of [`Store::breaching_soon`]: at most `limit` clocks, those after `after` (the
    /// `due_at`, `case_id` and `kind` of the last one of the previous page) when given.
    pub async fn breaching_soon_page(
        &self,
        actor: &Actor,
        within: SignedDuration,
        now: Timestamp,
        limit: i64,
        after: Option<(Timestamp, CaseId, ClockKind)>,
    ) -> Result<Vec<ClockAlert>> {
        actor.require(Action::Supervise)?;
        let horizon = now
            .checked_add(within)
            .map_err(|e| StoreError::Config(e.to_string()))?;
        let (due, case, kind) = match after {
            Some((due, case, kind)) => (to_micros(due), case.0, kind.as_str()),
            None => (i64::MIN, uuid::Uuid::nil(), ""),
        };
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT c.id, c.number, c.subject, c.priority, c.status, c.team_id, c.assignee_id, k.kind, k.due_at \
                 FROM case_clocks k JOIN cases c ON c.id = k.case_id \
                 WHERE k.due_at IS NOT NULL AND k.due_at <= $1 \
                 AND ($2 OR (k.due_at, k.case_id, k.kind) > ($3, $4, $5)) \
                 ORDER BY k.due_at, k.case_id, k.kind LIMIT $6",
                args![to_micros(horizon), after.is_none(), due, case, kind, limit],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                let due_at = from_micros(r.i64(8)?)?;
                Ok(ClockAlert {
                    case_id: CaseId(r.uuid(0)?),
                    case_number: r.i64(1)?,
                    subject: r.text(2)?,
                    priority: crate::codec::parse(&r.text(3)?, "cases.priority", Priority::parse)?,
                    status: crate::codec::parse(&r.text(4)?, "cases.status", CaseStatus::parse)?,
                    team_id: r.opt_uuid(5)?.map(TeamId),
                    assignee_id: r.opt_uuid(6)?.map(UserId),
                    kind: crate::codec::parse(&r.text(7)?, "case_clocks.kind", ClockKind::parse)?,
                    due_at,
                    breached: due_at <= now,
                })
            })
            .collect()
    }
}
