//! Patterns in an account's concession ledger (PRODUCT.md B5) that a supervisor should see:
//! concessions that keep growing (a customer learning that pressure pays, or an agent
//! buying peace) and a long run of refusals (a customer who may be about to leave).
//!
//! Pure: the store passes the account's decided remedies, oldest first.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

/// Grants in a row, each larger than the one before, that make a growing pattern.
pub const GROWING_RUN: usize = 3;
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
            unit: unit.into(),
            amount,
            decision: Decision::Granted,
            at: at(day),
        }
    }

    fn refused(day: i64) -> Decided {
        Decided {
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
