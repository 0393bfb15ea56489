use super::*;
use jiff::civil::{date, time};
use proptest::prelude::*;

fn office(zone: &str) -> Calendar {
    let day = vec![
        Period::new(time(9, 0, 0, 0), Some(time(13, 0, 0, 0))).expect("valid"),
        Period::new(time(14, 0, 0, 0), Some(time(18, 0, 0, 0))).expect("valid"),
    ];
    let week = [
        day.clone(),
        day.clone(),
        day.clone(),
        day.clone(),
        day,
        vec![],
        vec![],
    ];
    Calendar::weekly(TimeZone::get(zone).expect("zone"), week).expect("calendar")
}

fn at(zone: &str, y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
    date(y, m, d)
        .at(h, min, 0, 0)
        .to_zoned(TimeZone::get(zone).expect("zone"))
        .expect("valid")
        .timestamp()
}

#[test]
fn an_evening_message_is_due_the_next_working_morning() {
    let cal = office("Europe/Riga");
    // Friday 2026-11-20 17:30 + 1 working hour = Monday 9:30 (30 min on Friday, 30 on Monday).
    let due = cal
        .add(
            at("Europe/Riga", 2026, 11, 20, 17, 30),
            SignedDuration::from_hours(1),
        )
        .expect("reachable");
    assert_eq!(due, at("Europe/Riga", 2026, 11, 23, 9, 30));
}

#[test]
fn lunch_breaks_and_holidays_are_skipped() {
    let cal = office("Europe/Madrid").with_holidays(Country::Es, 2026..=2026);
    // Thursday 2 April 2026 12:00 + 3 h: 1 h before lunch, 2 h after -> 16:00 same day.
    assert_eq!(
        cal.add(
            at("Europe/Madrid", 2026, 4, 2, 12, 0),
            SignedDuration::from_hours(3)
        ),
        Some(at("Europe/Madrid", 2026, 4, 2, 16, 0))
    );
    // Thursday 17:00 + 2 h: 1 h on Thursday, Good Friday closed, weekend -> Monday 10:00.
    assert_eq!(
        cal.add(
            at("Europe/Madrid", 2026, 4, 2, 17, 0),
            SignedDuration::from_hours(2)
        ),
        Some(at("Europe/Madrid", 2026, 4, 6, 10, 0))
    );
}

#[test]
fn daylight_saving_days_have_their_real_length() {
    // Around the clock: the spring-forward day in Lisbon has 23 hours.
    let cal = Calendar::always(TimeZone::get("Europe/Lisbon").expect("zone"));
    let day = cal.between(
        at("Europe/Lisbon", 2026, 3, 29, 0, 0),
        at("Europe/Lisbon", 2026, 3, 30, 0, 0),
    );
    assert_eq!(day, SignedDuration::from_hours(23));
    // Office hours are unaffected by the change: still 8 working hours on the Monday after.
    let office = office("Europe/Lisbon");
    assert_eq!(
        office.between(
            at("Europe/Lisbon", 2026, 3, 30, 0, 0),
            at("Europe/Lisbon", 2026, 3, 31, 0, 0)
        ),
        SignedDuration::from_hours(8)
    );
}

#[test]
fn special_days_replace_the_week() {
    let short = vec![Period::new(time(9, 0, 0, 0), Some(time(12, 0, 0, 0))).expect("valid")];
    let cal = office("Europe/Riga")
        .with_special_day(date(2026, 12, 23), short)
        .expect("valid");
    assert_eq!(
        cal.between(
            at("Europe/Riga", 2026, 12, 23, 0, 0),
            at("Europe/Riga", 2026, 12, 24, 0, 0)
        ),
        SignedDuration::from_hours(3)
    );
    assert!(!cal.is_open(at("Europe/Riga", 2026, 12, 23, 14, 30)));
    assert!(cal.is_open(at("Europe/Riga", 2026, 12, 22, 14, 30)));
}

#[test]
fn invalid_calendars_are_refused() {
    assert!(Period::new(time(10, 0, 0, 0), Some(time(9, 0, 0, 0))).is_err());
    let overlapping = vec![
        Period::new(time(9, 0, 0, 0), Some(time(12, 0, 0, 0))).expect("valid"),
        Period::new(time(11, 0, 0, 0), Some(time(13, 0, 0, 0))).expect("valid"),
    ];
    let week = [overlapping, vec![], vec![], vec![], vec![], vec![], vec![]];
    assert!(matches!(
        Calendar::weekly(TimeZone::UTC, week),
        Err(CalendarError::OverlappingPeriods { .. })
    ));
    assert_eq!(
        Calendar::weekly(TimeZone::UTC, Default::default()).err(),
        Some(CalendarError::NeverOpen)
    );
}

const ZONES: [&str; 4] = [
    "Europe/Madrid",
    "Europe/Lisbon",
    "America/Sao_Paulo",
    "Europe/Riga",
];

fn calendars() -> impl Strategy<Value = Calendar> {
    (0usize..4, 0usize..3).prop_map(|(z, kind)| {
        let zone = ZONES[z];
        match kind {
            0 => Calendar::always(TimeZone::get(zone).expect("zone")),
            1 => office(zone).with_holidays(Country::Es, 2024..=2028),
            // A night shift crossing midnight as two periods, closed on Sundays.
            _ => {
                let night = vec![
                    Period::new(time(0, 0, 0, 0), Some(time(2, 30, 0, 0))).expect("valid"),
                    Period::new(time(22, 0, 0, 0), None).expect("valid"),
                ];
                let week = [
                    night.clone(),
                    night.clone(),
                    night.clone(),
                    night.clone(),
                    night.clone(),
                    night,
                    vec![],
                ];
                Calendar::weekly(TimeZone::get(zone).expect("zone"), week)
                    .expect("calendar")
                    .with_holidays(Country::Lv, 2024..=2028)
            }
        }
    })
}

fn instants() -> impl Strategy<Value = Timestamp> {
    // 2024-01-01 .. 2028-01-01, covering several DST changes in each zone.
    (1_704_067_200i64..1_830_297_600).prop_map(|s| Timestamp::from_second(s).expect("valid"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Adding working time then measuring it gives the same duration back.
    #[test]
    fn add_then_between_round_trips(cal in calendars(), start in instants(), minutes in 1i64..(60 * 24 * 20)) {
        let d = SignedDuration::from_mins(minutes);
        let due = cal.add(start, d).expect("reachable");
        prop_assert!(due > start);
        prop_assert_eq!(cal.between(start, due), d);
    }

    /// Adding in two steps equals adding once.
    #[test]
    fn add_is_associative(cal in calendars(), start in instants(), a in 1i64..5000, b in 1i64..5000) {
        let once = cal.add(start, SignedDuration::from_mins(a + b));
        let twice = cal.add(start, SignedDuration::from_mins(a)).and_then(|t| cal.add(t, SignedDuration::from_mins(b)));
        prop_assert_eq!(once, twice);
    }

    /// Longer durations never end earlier, and working time is never more than wall time.
    #[test]
    fn add_is_monotonic_and_bounded(cal in calendars(), start in instants(), a in 0i64..5000, extra in 0i64..5000) {
        let first = cal.add(start, SignedDuration::from_mins(a)).expect("reachable");
        let second = cal.add(start, SignedDuration::from_mins(a + extra)).expect("reachable");
        prop_assert!(first <= second);
        prop_assert!(cal.between(start, second) <= second.duration_since(start));
    }

    /// Measuring is additive over any split point.
    #[test]
    fn between_is_additive(cal in calendars(), a in instants(), b in instants(), c in instants()) {
        let mut v = [a, b, c];
        v.sort();
        prop_assert_eq!(cal.between(v[0], v[2]), cal.between(v[0], v[1]) + cal.between(v[1], v[2]));
    }
}

#[test]
fn a_calendar_lists_its_holidays_closures_and_special_days_with_their_hours() {
    let cal = office("Europe/Madrid")
        .with_holidays(Country::Es, 2026..=2026)
        .with_closed_days([date(2026, 12, 24)])
        .with_special_day(
            date(2026, 12, 31),
            vec![Period::new(time(9, 0, 0, 0), Some(time(14, 0, 0, 0))).expect("valid")],
        )
        .expect("calendar");
    let ahead = cal.exceptions(date(2026, 12, 20), 14);
    let seen: Vec<_> = ahead
        .iter()
        .map(|d| (d.date, d.kind, d.holiday, d.periods.len()))
        .collect();
    assert_eq!(
        seen,
        [
            (date(2026, 12, 24), DayKind::Closed, None, 0),
            (
                date(2026, 12, 25),
                DayKind::Closed,
                Some("Natividad del Señor"),
                0
            ),
            (date(2026, 12, 31), DayKind::Special, None, 1),
        ]
    );
    // A weekend is regular (the week has no hours then), not an exception.
    assert_eq!(cal.day(date(2026, 12, 26)).kind, DayKind::Regular);
    assert!(cal.day(date(2026, 12, 26)).periods.is_empty());
    assert_eq!(
        cal.day(date(2026, 12, 31)).periods[0].to_string(),
        "09:00–14:00"
    );
    assert_eq!(cal.week()[0].len(), 2);
    let late = Period::new(time(20, 0, 0, 0), None).expect("valid");
    assert_eq!(late.to_string(), "20:00–24:00");
    assert!(cal.exceptions(date(2026, 12, 20), 0).is_empty());
    // Constitution Day 2026 is a Sunday: a holiday, but the office is closed anyway.
    assert_eq!(
        cal.day(date(2026, 12, 6)).holiday,
        Some("Día de la Constitución Española")
    );
    assert!(cal.exceptions(date(2026, 12, 6), 1).is_empty());
}
