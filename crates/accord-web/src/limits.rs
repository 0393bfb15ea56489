//! Rate limits on what strangers can repeat: signing in (the sign-in form, portal sign-ups
//! and sign-in links share it) and customers opening cases in the portal. The counters are
//! in the database (`Store::hit_rate_limits`), so a limit holds in total across every node
//! on one database; docs/configuration.md lists the limits.
//!
//! Each node also keeps an in-memory limiter with the same quotas in front of the database.
//! Every hit it lets through is still counted and checked in the database, so it can never
//! loosen the shared limit (it may refuse a little sooner, as a burst of the whole limit
//! refills one hit at a time); it spares the database the writes of a flood.

use std::net::SocketAddr;
use std::num::NonZeroU32;

use accord_store::rate_limits::{RateLimit, limit_key};
use accord_store::{Store, StoreError};
use governor::{DefaultKeyedRateLimiter, Quota};
use jiff::SignedDuration;

/// Sign-in attempts for one account (email address): guessing one password.
pub const SIGN_IN_PER_ACCOUNT: RateLimit = RateLimit {
    max: 10,
    window: SignedDuration::from_secs(60),
};

/// Sign-in attempts from one client address: an office behind one address signs in
/// together at nine, while a guesser across many accounts is still slowed down.
pub const SIGN_IN_PER_ADDRESS: RateLimit = RateLimit {
    max: 120,
    window: SignedDuration::from_secs(60),
};

/// New cases one customer account may open through the portal.
pub const PORTAL_CASES_PER_ACCOUNT: RateLimit = RateLimit {
    max: 10,
    window: SignedDuration::from_secs(3600),
};

/// The client's address, for rate limits and the audit log.
pub(crate) fn client_of(extensions: &axum::http::Extensions) -> String {
    extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "local".into())
}

/// The node's in-memory limiter for a limit: the same number of hits per window.
fn local(limit: RateLimit) -> DefaultKeyedRateLimiter<String> {
    let max = u32::try_from(limit.max)
        .ok()
        .and_then(NonZeroU32::new)
        .unwrap_or(NonZeroU32::MIN);
    let period = limit.window.unsigned_abs() / max.get();
    let quota = Quota::with_period(period)
        .unwrap_or_else(|| Quota::per_second(max))
        .allow_burst(max);
    DefaultKeyedRateLimiter::keyed(quota)
}

/// Sign-in attempts (password form, portal sign-up, sign-in links), per account and per
/// client address.
pub struct LoginLimiter {
    store: Store,
    per_account: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<String>,
}

impl LoginLimiter {
    pub fn new(store: Store) -> Self {
        LoginLimiter {
            store,
            per_account: local(SIGN_IN_PER_ACCOUNT),
            per_address: local(SIGN_IN_PER_ADDRESS),
        }
    }

    /// Whether another attempt from this address for this account is allowed now, on any
    /// node; an allowed attempt is counted.
    pub async fn allow(&self, address: &str, account: &str) -> Result<bool, StoreError> {
        let account = account.trim().to_lowercase();
        if self.per_address.check_key(&address.to_owned()).is_err()
            || self.per_account.check_key(&account).is_err()
        {
            return Ok(false);
        }
        let address = limit_key("sign-in:address", address);
        let account = limit_key("sign-in:account", &account);
        self.store
            .hit_rate_limits(
                &[
                    (&address, SIGN_IN_PER_ADDRESS),
                    (&account, SIGN_IN_PER_ACCOUNT),
                ],
                crate::now(),
            )
            .await
    }
}

/// New cases one customer account opens through the portal.
pub struct NewCaseLimiter {
    store: Store,
    per_account: DefaultKeyedRateLimiter<String>,
}

impl NewCaseLimiter {
    pub fn new(store: Store) -> Self {
        NewCaseLimiter {
            store,
            per_account: local(PORTAL_CASES_PER_ACCOUNT),
        }
    }

    /// Whether this account may open another case now, on any node; an allowed case is
    /// counted.
    pub async fn allow(&self, account: &str) -> Result<bool, StoreError> {
        if self.per_account.check_key(&account.to_owned()).is_err() {
            return Ok(false);
        }
        let key = limit_key("portal-case:account", account);
        self.store
            .hit_rate_limits(&[(&key, PORTAL_CASES_PER_ACCOUNT)], crate::now())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_limiter_allows_the_whole_limit_at_once() {
        let limiter = local(SIGN_IN_PER_ACCOUNT);
        let key = "someone".to_owned();
        for _ in 0..SIGN_IN_PER_ACCOUNT.max {
            assert!(limiter.check_key(&key).is_ok());
        }
        assert!(limiter.check_key(&key).is_err());
    }
}
