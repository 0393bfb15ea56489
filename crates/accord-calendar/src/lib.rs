//! Business calendars: when a team works, in its time zone, and how much working time lies
//! between two instants. Service-level clocks (first response, promises, resolution) are
//! measured in this time, so an evening email does not breach an 8-hour target overnight.
//!
//! Pure: no I/O, no clock reading. Time zones come from jiff's bundled database, so daylight
//! saving changes are handled by civil-time arithmetic, never by adding 24 hours.

pub mod holidays;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

pub use holidays::{Country, Holiday};

/// A working period within one day, in local civil time; `end` may be midnight of the next
/// day, written as `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Time,
    /// `None` means until midnight (the end of the day).
    pub end: Option<Time>,
}

impl Period {
    pub fn new(start: Time, end: Option<Time>) -> Result<Period, CalendarError> {
        if end.is_some_and(|e| e <= start) {
            return Err(CalendarError::EmptyPeriod {
                start,
                end: end.unwrap_or(Time::MAX),
            });
        }
        Ok(Period { start, end })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    EmptyPeriod {
        start: Time,
        end: Time,
    },
    OverlappingPeriods {
        weekday: Option<Weekday>,
        date: Option<Date>,
    },
    NeverOpen,
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalendarError::EmptyPeriod { start, end } => {
                write!(
                    f,
                    "a working period must end after it starts ({start} to {end})"
                )
            }
            CalendarError::OverlappingPeriods {
                weekday: Some(w), ..
            } => write!(f, "working periods overlap on {w:?}"),
            CalendarError::OverlappingPeriods { date: Some(d), .. } => {
                write!(f, "working periods overlap on {d}")
            }
            CalendarError::OverlappingPeriods { .. } => write!(f, "working periods overlap"),
            CalendarError::NeverOpen => {
                write!(f, "the calendar has no working hours in any week day")
            }
        }
    }
}

impl std::error::Error for CalendarError {}

/// When a team works. Equal calendars count the same working time between any two instants.
#[derive(Clone, Debug, PartialEq)]
pub struct Calendar {
    zone: TimeZone,
    /// Monday first.
    week: [Vec<Period>; 7],
    /// Days off (public holidays, closures).
    closed: BTreeSet<Date>,
    /// Days with special hours, replacing the week's hours (an empty list is a closed day).
    special: BTreeMap<Date, Vec<Period>>,
    /// Names of the public holidays among the closed days, to show people why.
    holiday_names: BTreeMap<Date, &'static str>,
}

/// Why a date has the hours it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayKind {
    /// The week's hours for that weekday.
    Regular,
    /// Special hours for that date, replacing the week's.
    Special,
    /// Closed: a public holiday or a closure.
    Closed,
}

/// One date of a calendar, as people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day<'a> {
    pub date: Date,
    pub kind: DayKind,
    pub periods: &'a [Period],
    /// The public holiday that closes it, in the country's language.
    pub holiday: Option<&'static str>,
}

impl std::fmt::Display for Period {
    /// `09:00–14:00`, or `20:00–24:00` for a period that runs to midnight.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let start = self.start.strftime("%H:%M");
        match self.end {
            Some(end) => write!(f, "{start}–{}", end.strftime("%H:%M")),
            None => write!(f, "{start}–24:00"),
        }
    }
}

/// How far `add` searches for working time before giving up (a calendar closed for longer
/// than this is treated as never reaching the deadline).
const SEARCH_DAYS: i32 = 3 * 366;

fn sorted_disjoint(periods: &mut [Period]) -> bool {
    periods.sort_by_key(|p| p.start);
    periods
        .windows(2)
        .all(|w| w[0].end.is_some_and(|e| e <= w[1].start))
}

impl Calendar {
    /// A calendar open around the clock every day.
    pub fn always(zone: TimeZone) -> Calendar {
        let all = vec![Period {
            start: Time::midnight(),
            end: None,
        }];
        Calendar {
            zone,
            week: std::array::from_fn(|_| all.clone()),
            closed: BTreeSet::new(),
            special: BTreeMap::new(),
            holiday_names: BTreeMap::new(),
        }
    }

    /// A calendar with the given periods per weekday (Monday first).
    pub fn weekly(zone: TimeZone, mut week: [Vec<Period>; 7]) -> Result<Calendar, CalendarError> {
        for (i, day) in week.iter_mut().enumerate() {
            if !sorted_disjoint(day) {
                return Err(CalendarError::OverlappingPeriods {
                    weekday: Some(weekday(i)),
                    date: None,
                });
            }
        }
        if week.iter().all(Vec::is_empty) {
            return Err(CalendarError::NeverOpen);
        }
        Ok(Calendar {
            zone,
            week,
            closed: BTreeSet::new(),
            special: BTreeMap::new(),
            holiday_names: BTreeMap::new(),
        })
    }

    /// Closes the calendar on these dates.
    pub fn with_closed_days(mut self, days: impl IntoIterator<Item = Date>) -> Calendar {
        self.closed.extend(days);
        self
    }

    /// Closes the calendar on a country's national holidays for the given years.
    pub fn with_holidays(
        mut self,
        country: Country,
        years: std::ops::RangeInclusive<i16>,
    ) -> Calendar {
        for holiday in years.flat_map(|y| holidays::national(country, y)) {
            self.closed.insert(holiday.date);
            self.holiday_names
                .entry(holiday.date)
                .or_insert(holiday.name);
        }
        self
    }

    /// Special hours on one date (replacing the week's; empty = closed).
    pub fn with_special_day(
        mut self,
        date: Date,
        mut periods: Vec<Period>,
    ) -> Result<Calendar, CalendarError> {
        if !sorted_disjoint(&mut periods) {
            return Err(CalendarError::OverlappingPeriods {
                weekday: None,
                date: Some(date),
            });
        }
        self.special.insert(date, periods);
        Ok(self)
    }

    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The week's working periods, Monday first.
    pub fn week(&self) -> &[Vec<Period>; 7] {
        &self.week
    }

    /// The hours of one local date and why.
    pub fn day(&self, date: Date) -> Day<'_> {
        let (kind, periods): (DayKind, &[Period]) = if let Some(special) = self.special.get(&date) {
            (DayKind::Special, special)
        } else if self.closed.contains(&date) {
            (DayKind::Closed, &[])
        } else {
            (
                DayKind::Regular,
                &self.week[date.weekday().to_monday_zero_offset() as usize],
            )
        };
        Day {
            date,
            kind,
            periods,
            holiday: (kind == DayKind::Closed)
                .then(|| self.holiday_names.get(&date).copied())
                .flatten(),
        }
    }

    /// The dates from `from` on, for `days` days, whose hours differ from the week's:
    /// holidays, closures and special hours — what people need to know ahead. (A holiday on
    /// a day the calendar is closed anyway changes nothing, so it is left out.)
    pub fn exceptions(&self, from: Date, days: i32) -> Vec<Day<'_>> {
        from.series(jiff::Span::new().days(1))
            .take(days.max(0) as usize)
            .map(|date| self.day(date))
            .filter(|day| {
                let usual = &self.week[day.date.weekday().to_monday_zero_offset() as usize];
                day.kind != DayKind::Regular && day.periods != usual.as_slice()
            })
            .collect()
    }

    /// The working periods of a date, as instants (daylight saving handled by the zone).
    /// The working intervals of a local date, in order. Lazy and allocation-free: deadline
    /// computation walks day by day and is on every clock's path.
    fn intervals(&self, date: Date) -> impl Iterator<Item = (Timestamp, Timestamp)> + '_ {
        self.day(date).periods.iter().filter_map(move |p| {
            let start = self.zone.to_timestamp(date.to_datetime(p.start)).ok()?;
            let end = match p.end {
                Some(end) => self.zone.to_timestamp(date.to_datetime(end)).ok()?,
                None => self
                    .zone
                    .to_timestamp(
                        date.tomorrow()
                            .ok()?
                            .to_datetime(jiff::civil::Time::midnight()),
                    )
                    .ok()?,
            };
            (end > start).then_some((start, end))
        })
    }

    fn local_date(&self, t: Timestamp) -> Date {
        self.zone.to_datetime(t).date()
    }

    /// Whether the calendar is open at this instant.
    pub fn is_open(&self, t: Timestamp) -> bool {
        let date = self.local_date(t);
        self.intervals(date).any(|(s, e)| s <= t && t < e)
    }

    /// The instant at which `duration` of working time has passed since `start`. A zero or
    /// negative duration returns `start`. `None` if the calendar never accumulates it within
    /// three years.
    pub fn add(&self, start: Timestamp, duration: SignedDuration) -> Option<Timestamp> {
        if duration <= SignedDuration::ZERO {
            return Some(start);
        }
        let mut remaining = duration;
        let mut date = self.local_date(start).yesterday().ok()?;
        for _ in 0..SEARCH_DAYS {
            for (s, e) in self.intervals(date) {
                if e <= start {
                    continue;
                }
                let from = s.max(start);
                let available = e.duration_since(from);
                if available >= remaining {
                    return from.checked_add(remaining).ok();
                }
                remaining -= available;
            }
            date = date.tomorrow().ok()?;
        }
        None
    }

    /// The working time between two instants (negative if `to` is before `from`).
    pub fn between(&self, from: Timestamp, to: Timestamp) -> SignedDuration {
        if to < from {
            return -self.between(to, from);
        }
        let mut total = SignedDuration::ZERO;
        let Ok(mut date) = self.local_date(from).yesterday() else {
            return total;
        };
        let Ok(last) = self.local_date(to).tomorrow() else {
            return total;
        };
        while date <= last {
            for (s, e) in self.intervals(date) {
                let (a, b) = (s.max(from), e.min(to));
                if b > a {
                    total += b.duration_since(a);
                }
            }
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        total
    }
}

fn weekday(index: usize) -> Weekday {
    Weekday::from_monday_zero_offset(i8::try_from(index % 7).unwrap_or(0))
        .unwrap_or(Weekday::Monday)
}

#[cfg(test)]
mod tests;
