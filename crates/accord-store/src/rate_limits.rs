//! Rate limits counted in the database, so a limit holds across every node on one database
//! (PRODUCT.md J6, J4): the sign-in form, portal sign-ups and sign-in links, new portal cases.
//!
//! A key's hits are counted per fixed window (`rate_limits`: key, window start → hits). A
//! hit is allowed when the sliding-window estimate — the previous window's hits weighted by
//! how much of it still lies within one window of now, plus this window's hits — is below
//! the limit; it is then counted. Allowing and counting are one conditional upsert, so
//! concurrent hits on any number of nodes never count past the limit (PostgreSQL re-checks
//! the condition on the locked row; SQLite has one writer). Refused hits are not counted.
//! Rows are deleted once no window can read them any more.

use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};

use crate::codec::to_micros;
use crate::{Result, Store, StoreError};

/// At most `max` hits of one key within any `window` (as estimated from two fixed windows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub max: i64,
    pub window: SignedDuration,
}

/// The key of a limit for `kind` (`sign-in:account`) and a value that identifies who is
/// limited (an address, an account): hashed, so the table keeps no personal data and keys
/// have one length whatever was typed into a form.
pub fn limit_key(kind: &str, value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{kind}:{hex}")
}

/// Counts one hit and answers whether it is allowed; see the module's documentation. The
/// previous window's hits are weighted by `remaining` (µs of it still within one window of
/// now) out of `window` (µs); all in integers.
const HIT: &str = "INSERT INTO rate_limits (key, window_start, hits, expires_at) \
     SELECT $1, $2, 1, $3 \
     WHERE COALESCE((SELECT p.hits FROM rate_limits p WHERE p.key = $1 AND p.window_start = $4), 0) * $5 < $6 * $7 \
     ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 \
     WHERE COALESCE((SELECT p.hits FROM rate_limits p WHERE p.key = $1 AND p.window_start = $4), 0) * $5 \
         + rate_limits.hits * $7 < $6 * $7 \
     RETURNING hits";

impl Store {
    /// Counts a hit on each key against its limit, in order, in one transaction, stopping
    /// at the first key over its limit: `false` then (the hits counted on the keys before
    /// it stay counted). Holds across every node on the database.
    pub async fn hit_rate_limits(
        &self,
        hits: &[(&str, RateLimit)],
        now: Timestamp,
    ) -> Result<bool> {
        let now_us = to_micros(now);
        let mut tx = self.write().await?;
        let mut allowed = true;
        let mut sweep = false;
        for (key, limit) in hits {
            let window = limit.window.as_micros();
            let window = i64::try_from(window)
                .ok()
                .filter(|w| *w > 0)
                .ok_or_else(|| {
                    StoreError::Config(format!("rate limit window {:?}", limit.window))
                })?;
            let start = now_us - now_us.rem_euclid(window);
            let remaining = window - (now_us - start);
            let row = tx
                .fetch_optional(
                    HIT,
                    args![
                        *key,
                        start,
                        start.saturating_add(window.saturating_mul(2)),
                        start - window,
                        remaining,
                        limit.max,
                        window
                    ],
                )
                .await?;
            match row {
                Some(mut r) => sweep |= r.i64(0)? == 1,
                None => {
                    allowed = false;
                    break;
                }
            }
        }
        // A key's first hit in a window opened a row: the moment to drop the rows no window
        // reads any more (an index range, usually empty).
        if sweep {
            tx.execute(
                "DELETE FROM rate_limits WHERE expires_at < $1",
                args![now_us],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(allowed)
    }
}
