//! The business calendars of a published policy version as people read them (PRODUCT.md
//! C1): weekly hours, and the holidays, closures and special hours ahead.

use accord_calendar::{Calendar, DayKind};
use accord_core::access::{Action, Actor};
use jiff::Timestamp;
use serde::Serialize;

use crate::{Result, Store, StoreError};

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CalendarView {
    pub id: String,
    /// IANA time zone the hours are in.
    pub time_zone: String,
    /// Whether it is open at the moment asked about.
    pub open_now: bool,
    /// Monday first.
    pub week: Vec<WeekdayHours>,
    /// Dates ahead whose hours differ from the week's.
    pub ahead: Vec<DayView>,
    /// The procedures timed by this calendar.
    pub procedures: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct WeekdayHours {
    /// `monday` … `sunday`.
    pub weekday: String,
    /// Working periods, `09:00–14:00`; empty when closed.
    pub hours: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DayView {
    /// `YYYY-MM-DD`, local to the calendar.
    pub date: String,
    /// `monday` … `sunday`.
    pub weekday: String,
    /// `closed` or `special` (special hours replace the week's).
    pub kind: String,
    pub hours: Vec<String>,
    /// The public holiday that closes it, in the country's language.
    pub holiday: Option<String>,
}

fn hours(periods: &[accord_calendar::Period]) -> Vec<String> {
    periods.iter().map(ToString::to_string).collect()
}

fn view(id: &str, calendar: &Calendar, now: Timestamp, days: i32) -> CalendarView {
    let today = calendar.zone().to_datetime(now).date();
    CalendarView {
        id: id.to_owned(),
        time_zone: calendar.zone().iana_name().unwrap_or("UTC").to_owned(),
        open_now: calendar.is_open(now),
        week: calendar
            .week()
            .iter()
            .zip(WEEKDAYS)
            .map(|(periods, weekday)| WeekdayHours {
                weekday: weekday.to_owned(),
                hours: hours(periods),
            })
            .collect(),
        ahead: calendar
            .exceptions(today, days)
            .into_iter()
            .map(|day| DayView {
                date: day.date.to_string(),
                weekday: WEEKDAYS[day.date.weekday().to_monday_zero_offset() as usize].to_owned(),
                kind: match day.kind {
                    DayKind::Special => "special",
                    _ => "closed",
                }
                .to_owned(),
                hours: hours(day.periods),
                holiday: day.holiday.map(str::to_owned),
            })
            .collect(),
        procedures: Vec::new(),
    }
}

impl Store {
    /// The calendars of a published version (the one in force now when `None`), with the
    /// `days` ahead of `now` (at most two years).
    pub async fn policy_calendars(
        &self,
        actor: &Actor,
        version: Option<i64>,
        now: Timestamp,
        days: i32,
    ) -> Result<(i64, Vec<CalendarView>)> {
        actor.require(Action::ViewPolicy)?;
        let number = match version {
            Some(n) => n,
            None => self
                .governing_policy_version(None, now)
                .await?
                .ok_or(StoreError::not_found("policy version in force"))?,
        };
        let policy = self.compiled_policy(number).await?;
        let days = days.clamp(0, 731);
        let views = policy
            .calendars
            .iter()
            .map(|(id, calendar)| CalendarView {
                procedures: policy
                    .procedures
                    .iter()
                    .filter(|p| &p.calendar == id)
                    .map(|p| p.id.clone())
                    .collect(),
                ..view(id, calendar, now, days)
            })
            .collect();
        Ok((number, views))
    }
}
