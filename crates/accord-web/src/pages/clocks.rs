//! Clocks on the case page and the supervisors' "breaching soon" view (PRODUCT.md C1, C2).

use accord_core::access::Action;
use accord_core::clock::ClockState;
use accord_i18n::{Arg, Tr};
use accord_store::clocks::ClockView;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use jiff::tz::TimeZone;
use serde::Deserialize;

use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;

/// One clock as the case page shows it.
pub struct ClockRow {
    pub label: String,
    pub state_key: &'static str,
    pub state: String,
    pub detail: String,
    pub target: String,
}

/// Working time as "4 h 30 min" (the units read the same in the four languages).
pub fn working_time(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

pub fn clock_rows(tr: Tr, zone: &TimeZone, clocks: &[ClockView]) -> Vec<ClockRow> {
    clocks
        .iter()
        .map(|c| {
            let at =
                |t: Option<jiff::Timestamp>| t.map(|t| tr.datetime(t, zone)).unwrap_or_default();
            // Time left is working time (the calendar's hours), as the targets are.
            let left = tr.t1(
                "clock-left",
                "left",
                &working_time((c.target_minutes - c.elapsed_minutes).max(0)),
            );
            let detail = match c.state {
                ClockState::Running => {
                    format!("{} · {left}", tr.t1("clock-due", "due", &at(c.due_at)))
                }
                ClockState::Paused => {
                    format!("{} · {left}", tr.t1("clock-paused", "at", &at(c.paused_at)))
                }
                ClockState::Met if c.met_in_time == Some(true) => {
                    tr.t1("clock-met-in-time", "at", &at(c.met_at))
                }
                ClockState::Met => tr.t1("clock-met-late", "at", &at(c.met_at)),
                ClockState::Breached => {
                    tr.t1("clock-overdue", "due", &at(c.breached_at.or(c.due_at)))
                }
            };
            ClockRow {
                label: tr.t(&format!("clock-{}", c.kind)),
                state_key: c.state.as_str(),
                state: tr.t(&format!("clock-state-{}", c.state)),
                detail,
                target: tr.args(
                    "clock-target",
                    &[
                        ("target", Arg::Text(&working_time(c.target_minutes))),
                        ("elapsed", Arg::Text(&working_time(c.elapsed_minutes))),
                    ],
                ),
            }
        })
        .collect()
}

pub struct AlertRow {
    pub number: i64,
    pub subject: String,
    pub clock: String,
    pub due: String,
    pub overdue: bool,
    pub priority_key: &'static str,
    pub priority: String,
}

#[derive(Template)]
#[template(path = "breaching.html")]
struct BreachingPage {
    chrome: Chrome,
    windows: Vec<(i64, String, bool)>,
    alerts: Vec<AlertRow>,
}

#[derive(Deserialize, Default)]
pub struct BreachingQuery {
    hours: Option<i64>,
}

const WINDOWS: [i64; 5] = [1, 4, 8, 24, 72];

pub async fn breaching(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<BreachingQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(Action::Supervise) {
        return Err(PageError::Forbidden(tr));
    }
    let hours = q.hours.filter(|h| WINDOWS.contains(h)).unwrap_or(4);
    let zone = &state.config.time_zone;
    let alerts = state
        .store
        .breaching_soon(
            &actor,
            jiff::SignedDuration::from_hours(hours),
            crate::now(),
            200,
        )
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|a| AlertRow {
            number: a.case_number,
            subject: a.subject,
            clock: tr.t(&format!("clock-{}", a.kind)),
            due: tr.datetime(a.due_at, zone),
            overdue: a.breached,
            priority_key: a.priority.as_str(),
            priority: tr.t(&format!("priority-{}", a.priority)),
        })
        .collect();
    let windows = WINDOWS
        .iter()
        .map(|&h| {
            (
                h,
                tr.args("breaching-hours", &[("hours", Arg::Number(h))]),
                h == hours,
            )
        })
        .collect();
    Ok(no_store(render(&BreachingPage {
        chrome: user.chrome,

        windows,
        alerts,
    })))
}
