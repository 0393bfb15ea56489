//! The review date of a policy version (PRODUCT.md B2): publishing a version schedules a
//! durable timer for the morning of its `review_by` date; when it fires, the owner named in
//! the policy is notified — or, when no active member of staff has that address, every
//! administrator, so the reminder never goes nowhere. A version already replaced by a newer
//! publication needs no review: the newer one carries its own date.

use accord_core::ids::UserId;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::audit::record;
use crate::db::Conn;
use crate::notifications::{About, NotificationKind, notify};
use crate::timers::TimerJob;
use crate::{Result, Store, StoreError};

/// Reminders go out at 08:00 UTC of the review date: the start of the working day in
/// Lisbon and Madrid, mid-morning in Riga, and before dawn in São Paulo.
const REMINDER_HOUR_UTC: i8 = 8;

/// Schedules the review reminder of a version being published (at once when its date has
/// already passed).
pub(crate) async fn schedule_review(
    c: &mut Conn<'_>,
    version: i64,
    review_by: Date,
    now: Timestamp,
) -> Result<()> {
    let at = review_by
        .at(REMINDER_HOUR_UTC, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?
        .timestamp()
        .max(now);
    crate::timers::schedule(c, &TimerJob::PolicyReview { version }, at, now).await
}

/// The review timer of a version fired.
pub(crate) async fn review_due(
    store: &Store,
    c: &mut Conn<'_>,
    version: i64,
    now: Timestamp,
) -> Result<()> {
    let newer = c
        .fetch_optional(
            "SELECT number FROM policy_versions WHERE status = 'published' AND number > $1 LIMIT 1",
            args![version],
        )
        .await?;
    if newer.is_some() {
        return Ok(());
    }
    let policy = store.compiled_policy(version).await?;
    let review_by = policy.review_by.to_string();
    let owner = c
        .fetch_all(
            "SELECT id FROM users WHERE LOWER(email) = LOWER($1) AND active = $2 AND role <> 'customer'",
            args![policy.owner.trim(), true],
        )
        .await?;
    let recipients = if owner.is_empty() {
        c.fetch_all(
            "SELECT id FROM users WHERE role = 'admin' AND active = $1",
            args![true],
        )
        .await?
    } else {
        owner
    };
    for mut row in recipients {
        let user = UserId(row.uuid(0)?);
        let about = About::Review {
            version,
            review_by: &review_by,
        };
        notify(
            store,
            c,
            user,
            None,
            NotificationKind::PolicyReview,
            about,
            now,
        )
        .await?;
    }
    let detail =
        serde_json::json!({"version": version, "owner": policy.owner, "review_by": review_by});
    record(
        c,
        None,
        now,
        "policy.review_due",
        "policy_version",
        Some(version.to_string()),
        detail,
    )
    .await
}
