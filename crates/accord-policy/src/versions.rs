//! Which published version governs a customer at an instant (PRODUCT.md B2).
//!
//! A version governs from its effective date. A grace period keeps chosen customers on the
//! version before it until a later date, so they have time to adapt; a customer in grace
//! for several consecutive versions stays on the last one they are not in grace for.

use std::collections::BTreeMap;

use jiff::Timestamp;

/// A published version as the rule needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published<Id, Org: Ord> {
    pub id: Id,
    pub effective_at: Timestamp,
    /// Customers kept on the previous version, until when.
    pub grace: BTreeMap<Org, Timestamp>,
}

/// The version governing `organization` at `now`, given every published version (in any
/// order). `None` before the first version takes effect.
pub fn governing<'a, Id, Org: Ord>(
    versions: &'a [Published<Id, Org>],
    organization: Option<&Org>,
    now: Timestamp,
) -> Option<&'a Id> {
    let mut in_force: Vec<&Published<Id, Org>> =
        versions.iter().filter(|v| v.effective_at <= now).collect();
    in_force.sort_by_key(|v| v.effective_at);
    in_force
        .into_iter()
        .rev()
        .find(|v| {
            let in_grace = organization
                .and_then(|org| v.grace.get(org))
                .is_some_and(|until| now < *until);
            !in_grace
        })
        .map(|v| &v.id)
}

/// The next instant after `now` at which the governing version of some customer changes,
/// so a timer can switch open cases then.
pub fn next_change<Id, Org: Ord>(
    versions: &[Published<Id, Org>],
    now: Timestamp,
) -> Option<Timestamp> {
    versions
        .iter()
        .flat_map(|v| std::iter::once(v.effective_at).chain(v.grace.values().copied()))
        .filter(|t| *t > now)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;
    use proptest::prelude::*;

    fn at(hours: i64) -> Timestamp {
        Timestamp::UNIX_EPOCH + SignedDuration::from_hours(hours)
    }

    fn version(
        id: u32,
        effective: i64,
        grace: &[(&'static str, i64)],
    ) -> Published<u32, &'static str> {
        Published {
            id,
            effective_at: at(effective),
            grace: grace.iter().map(|(o, h)| (*o, at(*h))).collect(),
        }
    }

    #[test]
    fn a_future_version_waits_for_its_date_and_grace_customers_for_theirs() {
        let versions = vec![version(1, 0, &[]), version(2, 100, &[("olmo", 300)])];
        assert_eq!(governing(&versions, Some(&"riga"), at(-1)), None);
        assert_eq!(governing(&versions, Some(&"riga"), at(50)), Some(&1));
        assert_eq!(governing(&versions, Some(&"riga"), at(100)), Some(&2));
        assert_eq!(governing(&versions, Some(&"olmo"), at(100)), Some(&1));
        assert_eq!(governing(&versions, Some(&"olmo"), at(299)), Some(&1));
        assert_eq!(governing(&versions, Some(&"olmo"), at(300)), Some(&2));
        assert_eq!(governing(&versions, None, at(100)), Some(&2));
        assert_eq!(next_change(&versions, at(50)), Some(at(100)));
        assert_eq!(next_change(&versions, at(100)), Some(at(300)));
        assert_eq!(next_change(&versions, at(300)), None);
    }

    #[test]
    fn grace_over_consecutive_versions_keeps_the_last_one_not_in_grace() {
        let versions = vec![
            version(1, 0, &[]),
            version(2, 10, &[("olmo", 100)]),
            version(3, 20, &[("olmo", 50)]),
        ];
        assert_eq!(governing(&versions, Some(&"olmo"), at(30)), Some(&1));
        assert_eq!(governing(&versions, Some(&"olmo"), at(60)), Some(&3));
    }

    proptest! {
        /// Whoever the customer, the governing version is in force, and no later version in
        /// force leaves them out of grace.
        #[test]
        fn the_governing_version_is_the_latest_in_force_outside_grace(
            specs in prop::collection::vec((0i64..100, prop::option::of(0i64..200)), 1..6),
            now in 0i64..200,
        ) {
            let versions: Vec<_> = specs
                .iter()
                .enumerate()
                .map(|(i, (effective, grace))| {
                    let g: Vec<(&'static str, i64)> = grace.iter().map(|g| ("olmo", *g)).collect();
                    version(i as u32, *effective, &g)
                })
                .collect();
            let chosen = governing(&versions, Some(&"olmo"), at(now));
            let outside_grace = |v: &Published<u32, &str>| v.grace.get("olmo").is_none_or(|u| at(now) >= *u);
            match chosen {
                None => prop_assert!(versions.iter().filter(|v| v.effective_at <= at(now)).all(|v| !outside_grace(v))),
                Some(id) => {
                    let v = versions.iter().find(|v| v.id == *id).expect("exists");
                    prop_assert!(v.effective_at <= at(now));
                    prop_assert!(outside_grace(v));
                    prop_assert!(versions.iter().all(|w| !(w.effective_at > v.effective_at && w.effective_at <= at(now) && outside_grace(w))));
                }
            }
            // Customers without grace simply get the latest version in force.
            let latest = versions.iter().filter(|v| v.effective_at <= at(now)).max_by_key(|v| v.effective_at).map(|v| v.effective_at);
            let plain = governing(&versions, Some(&"riga"), at(now)).map(|id| versions.iter().find(|v| v.id == *id).map(|v| v.effective_at));
            prop_assert_eq!(plain.flatten(), latest);
        }
    }
}
