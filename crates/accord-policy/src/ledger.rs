//! Patterns in an account's concession ledger (PRODUCT.md B5) that a supervisor should see:
//! concessions that keep growing (a customer learning that pressure pays, or an agent
//! buying peace), one case given the same kind of concession again and again (one
//! concession given in parts, each under a limit) and a long run of refusals (a customer
//! who may be about to leave).
//!
//! Pure: the store passes the account's decided remedies, oldest first.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

/// Grants in a row, each larger than the one before, that make a growing pattern.
pub const GROWING_RUN: usize = 3;
/// Grants in one unit on one case that make a repeated-concession pattern.
pub const REPEAT_RUN: usize = 3;
/// Refusals in a row, with no grant between them, that make a refusal pattern.
pub const REFUSAL_RUN: usize = 3;
/// How far back the ledger is read for patterns.
pub const WINDOW: SignedDuration = SignedDuration::from_hours(24 * 365);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Granted,
    Refused,
}

/// One decided remedy of an account.
#[derive(Clone, Debug, PartialEq)]
pub struct Decided {
    /// The number of the case it was given or refused on.
    pub case_number: i64,
    pub unit: String,
    pub amount: f64,
    pub decision: Decision,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "pattern")]
pub enum Pattern {
    /// The last grants in this unit each exceeded the one before.
    GrowingConcessions { unit: String, amounts: Vec<f64> },
    /// One case was given this unit several times: together they are one larger
    /// concession.
    RepeatedOnOneCase {
        unit: String,
        case_number: i64,
        grants: usize,
        total: f64,
    },
    /// The last decisions were all refusals.
    LongRefusal { refusals: usize },
}

/// The patterns in an account's decisions as of `now` (`decided` oldest first).
pub fn patterns(decided: &[Decided], now: Timestamp) -> Vec<Pattern> {
    let recent: Vec<&Decided> = decided
        .iter()
        .filter(|d| now.duration_since(d.at) <= WINDOW)
        .collect();
    let mut found = Vec::new();
    let mut units: Vec<&str> = recent.iter().map(|d| d.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    for unit in units {
        let grants: Vec<f64> = recent
            .iter()
            .filter(|d| d.unit == unit && d.decision == Decision::Granted)
            .map(|d| d.amount)
            .collect();
        if grants.len() >= GROWING_RUN {
            let run = &grants[grants.len() - GROWING_RUN..];
            if run.windows(2).all(|pair| pair[1] > pair[0]) {
                found.push(Pattern::GrowingConcessions {
                    unit: unit.to_owned(),
                    amounts: run.to_vec(),
                });
            }
        }
    }
    let mut cases: Vec<(i64, &str)> = recent
        .iter()
        .filter(|d| d.decision == Decision::Granted)
        .map(|d| (d.case_number, d.unit.as_str()))
        .collect();
    cases.sort_unstable();
    cases.dedup();
    for (case_number, unit) in cases {
        let amounts: Vec<f64> = recent
            .iter()
            .filter(|d| {
                d.case_number == case_number && d.unit == unit && d.decision == Decision::Granted
            })
            .map(|d| d.amount)
            .collect();
        if amounts.len() >= REPEAT_RUN {
            found.push(Pattern::RepeatedOnOneCase {
                unit: unit.to_owned(),
                case_number,
                grants: amounts.len(),
                total: amounts.iter().sum(),
            });
        }
    }
    let refusals = recent
        .iter()
        .rev()
        .take_while(|d| d.decision == Decision::Refused)
        .count();
    if refusals >= REFUSAL_RUN {
        found.push(Pattern::LongRefusal { refusals });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + day * 86_400).expect("valid")
    }

    fn granted(unit: &str, amount: f64, day: i64) -> Decided {
        Decided {
            // One case per day, unless a test says otherwise.
            case_number: day,
            unit: unit.into(),
            amount,
            decision: Decision::Granted,
            at: at(day),
        }
    }

    fn refused(day: i64) -> Decided {
        Decided {
            case_number: day,
            unit: "EUR".into(),
            amount: 100.0,
            decision: Decision::Refused,
            at: at(day),
        }
    }

    #[test]
    fn three_growing_grants_in_one_unit_are_flagged() {
        let ledger = [
            granted("EUR", 20.0, 1),
            granted("days", 30.0, 2),
            granted("EUR", 40.0, 3),
            granted("EUR", 80.0, 4),
        ];
        assert_eq!(
            patterns(&ledger, at(5)),
            vec![Pattern::GrowingConcessions {
                unit: "EUR".into(),
                amounts: vec![20.0, 40.0, 80.0]
            }]
        );
        // Equal or smaller breaks the run; other units do not count.
        let flat = [
            granted("EUR", 20.0, 1),
            granted("EUR", 40.0, 3),
            granted("EUR", 40.0, 4),
        ];
        assert!(patterns(&flat, at(5)).is_empty());
        let mixed = [
            granted("EUR", 20.0, 1),
            granted("days", 40.0, 3),
            granted("EUR", 60.0, 4),
        ];
        assert!(patterns(&mixed, at(5)).is_empty());
        // A year later the old grants no longer count.
        assert!(patterns(&ledger, at(367)).is_empty());
    }

    #[test]
    fn a_concession_split_into_parts_on_one_case_is_flagged() {
        let on_case = |amount: f64, day: i64| Decided {
            case_number: 1042,
            ..granted("EUR", amount, day)
        };
        // Four equal refunds on one case: never growing, but one 600 EUR concession.
        let split = [
            on_case(150.0, 1),
            on_case(150.0, 1),
            on_case(150.0, 2),
            on_case(150.0, 2),
        ];
        assert_eq!(
            patterns(&split, at(3)),
            vec![Pattern::RepeatedOnOneCase {
                unit: "EUR".into(),
                case_number: 1042,
                grants: 4,
                total: 600.0
            }]
        );
        // Two on one case, or the same amounts on different cases, are not a split.
        assert!(patterns(&split[..2], at(3)).is_empty());
        let apart = [
            granted("EUR", 150.0, 1),
            granted("EUR", 150.0, 2),
            granted("EUR", 150.0, 3),
        ];
        assert!(patterns(&apart, at(4)).is_empty());
        // Refusals on the case do not count as grants.
        let mut refused_too = split[..2].to_vec();
        refused_too.push(Decided {
            case_number: 1042,
            ..refused(2)
        });
        assert!(patterns(&refused_too, at(3)).is_empty());
    }

    #[test]
    fn a_run_of_refusals_is_flagged_until_a_grant_ends_it() {
        let mut ledger = vec![granted("EUR", 10.0, 1), refused(2), refused(3)];
        assert!(patterns(&ledger, at(4)).is_empty());
        ledger.push(refused(4));
        assert_eq!(
            patterns(&ledger, at(5)),
            vec![Pattern::LongRefusal { refusals: 3 }]
        );
        ledger.push(granted("EUR", 5.0, 6));
        assert!(patterns(&ledger, at(7)).is_empty());
    }
}
