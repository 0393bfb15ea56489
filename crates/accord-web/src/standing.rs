//! Each agent's standing against the standards (H2) is a report over every clock of the
//! period — at 100,000 cases, a few hundred milliseconds of counting. It is counted at most
//! once a minute per period and reader's reach, and the page says as of when.

use std::collections::HashMap;
use std::sync::Mutex;

use accord_core::access::{Action, Actor};
use accord_core::ids::UserId;
use accord_store::supervision::StaffStanding;
use accord_store::{Store, StoreError};
use jiff::{SignedDuration, Timestamp};

/// How long a counted standing is shown before it is counted again.
pub const FRESH_FOR: SignedDuration = SignedDuration::from_secs(60);

/// A period in days, and whose standing (`None`: everyone's).
type Reach = (i64, Option<UserId>);
/// When it was counted, and what.
type Counted = (Timestamp, Vec<StaffStanding>);

/// Counted standings by reach.
#[derive(Default)]
pub struct StandingCache(Mutex<HashMap<Reach, Counted>>);

impl StandingCache {
    /// The standing over the last `days` days as `actor` may see it, and when it was counted.
    pub async fn get(
        &self,
        store: &Store,
        actor: &Actor,
        days: i64,
        now: Timestamp,
    ) -> Result<(Timestamp, Vec<StaffStanding>), StoreError> {
        actor.require(Action::ViewInternalEntries)?;
        let whose = (!actor.can(Action::Supervise)).then_some(actor.user_id);
        let key = (days, whose);
        if let Ok(cache) = self.0.lock()
            && let Some((at, rows)) = cache.get(&key)
            && now.duration_since(*at) < FRESH_FOR
        {
            return Ok((*at, rows.clone()));
        }
        let since = now - SignedDuration::from_hours(24 * days);
        let rows = store.staff_standing(actor, since, now).await?;
        if let Ok(mut cache) = self.0.lock() {
            cache.retain(|_, (at, _)| now.duration_since(*at) < FRESH_FOR);
            cache.insert(key, (now, rows.clone()));
        }
        Ok((now, rows))
    }
}
