//! Measures deadline computations per second (`Calendar::add`) on one core:
//! `cargo run --release -p accord-calendar --example deadlines`.
//! Figures go to docs/PERFORMANCE.md; this is a benchmark, not a test.

use std::hint::black_box;
use std::time::Instant;

use accord_calendar::{Calendar, Country, Period};
use jiff::civil::time;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

fn main() {
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
    let zone = TimeZone::get("Europe/Madrid").expect("zone");
    let calendar = Calendar::weekly(zone, week)
        .expect("calendar")
        .with_holidays(Country::Es, 2024..=2030);
    let base = Timestamp::from_second(1_767_225_600).expect("valid"); // 2026-01-01
    for (label, target) in [
        ("4 working hours", SignedDuration::from_hours(4)),
        ("3 working days", SignedDuration::from_hours(24)),
    ] {
        let n = 200_000u32;
        let started = Instant::now();
        for i in 0..n {
            let start = base + SignedDuration::from_mins(i64::from(i % 100_000) * 7);
            black_box(calendar.add(black_box(start), target));
        }
        let elapsed = started.elapsed();
        println!(
            "{label}: {:.0} deadlines/s ({:.2} µs each)",
            f64::from(n) / elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1e6 / f64::from(n)
        );
    }
}
