//! The calendars page (PRODUCT.md C1): for the policy version in force (or one chosen), each
//! business calendar's time zone, weekly hours, whether it is open now, and the holidays,
//! closures and special hours of the next 90 days — what "4 working hours" means this week.

use accord_store::calendars::CalendarView;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;

const DAYS_AHEAD: i32 = 90;

pub struct DayLine {
    pub label: String,
    pub hours: String,
}

pub struct CalendarCard {
    pub id: String,
    /// "Time zone: Europe/Madrid".
    pub zone: String,
    pub open_now: bool,
    /// "Times the procedures: …", when any do.
    pub procedures: Option<String>,
    pub week: Vec<DayLine>,
    pub ahead: Vec<DayLine>,
}

#[derive(Template)]
#[template(path = "calendars.html")]
struct CalendarsPage {
    chrome: Chrome,
    version: i64,
    intro: String,
    version_label: String,
    cards: Vec<CalendarCard>,
}

#[derive(Deserialize, Default)]
pub struct CalendarsQuery {
    version: Option<i64>,
}

fn card(tr: accord_i18n::Tr, c: CalendarView) -> CalendarCard {
    let hours = |hours: &[String]| {
        if hours.is_empty() {
            tr.t("calendar-closed")
        } else {
            hours.join(", ")
        }
    };
    CalendarCard {
        week: c
            .week
            .iter()
            .map(|d| DayLine {
                label: tr.t(&format!("weekday-{}", d.weekday)),
                hours: hours(&d.hours),
            })
            .collect(),
        ahead: c
            .ahead
            .iter()
            .map(|d| DayLine {
                label: format!("{} ({})", d.date, tr.t(&format!("weekday-{}", d.weekday))),
                hours: match (&d.holiday, d.kind.as_str()) {
                    (Some(name), _) => tr.t1("calendar-holiday", "name", name),
                    (None, "special") => tr.t1("calendar-special", "value", &hours(&d.hours)),
                    _ => tr.t("calendar-closure"),
                },
            })
            .collect(),
        id: c.id,
        zone: tr.t1("calendar-zone", "zone", &c.time_zone),
        open_now: c.open_now,
        procedures: (!c.procedures.is_empty())
            .then(|| tr.t1("calendar-procedures", "value", &c.procedures.join(", "))),
    }
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<CalendarsQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let (version, calendars) = state
        .store
        .policy_calendars(&actor, q.version, crate::now(), DAYS_AHEAD)
        .await
        .map_err(PageError::store(tr))?;
    Ok(no_store(render(&CalendarsPage {
        chrome: user.chrome,
        version,
        intro: tr.t("calendars-intro"),
        version_label: tr.t1("notification-version", "number", &version.to_string()),
        cards: calendars.into_iter().map(|c| card(tr, c)).collect(),
    })))
}
