//! Durable timers (PRODUCT.md C3): rows in `timers`, leased by the node that fires them.
//!
//! Exactly once: firing deletes the timer row — matching the key, the generation it was
//! leased at and the leasing node — in the same transaction as the timer's work. A node
//! that died mid-firing rolled back both; a node whose lease ran out finds the row gone or
//! leased by another and undoes its work. Scheduling a key again raises its generation, so
//! a firing of the old schedule cannot complete either.
//!
//! After downtime, due timers are leased and fired oldest first.

use accord_core::ids::CaseId;
use jiff::{SignedDuration, Timestamp};
use uuid::Uuid;

use crate::codec::{from_micros, to_micros};
use crate::db::{Conn, Engine};
use crate::{Result, Store, StoreError};

/// How long a node may take to fire what it leased before another node may take it over.
pub const LEASE: SignedDuration = SignedDuration::from_secs(10);
/// The longest a worker sleeps before looking for due timers again.
pub const POLL: SignedDuration = SignedDuration::from_millis(250);
/// Timers leased at once.
pub const BATCH: i64 = 100;

/// What a timer does when it fires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimerJob {
    /// Look at the clocks of a case: record breaches, run escalation levels, schedule the
    /// next check (one timer per case, at the earliest threshold of its clocks).
    Clocks { case: CaseId },
    /// A policy version takes effect or a grace period ends.
    PolicySwitch,
    /// A policy version reaches its review date: remind its owner (B2).
    PolicyReview { version: i64 },
    /// A resolved case's follow-up: send its survey (D6).
    FollowUp { case: CaseId },
    /// A milestone's due date: notify its owner when it is not reached (D3).
    MilestoneDue { milestone: Uuid, case: CaseId },
}

impl TimerJob {
    pub fn key(&self) -> String {
        match self {
            TimerJob::Clocks { case } => format!("clocks:{case}"),
            TimerJob::PolicySwitch => "policy:switch".to_owned(),
            TimerJob::PolicyReview { version } => format!("policy:review:{version}"),
            TimerJob::FollowUp { case } => format!("followup:{case}"),
            TimerJob::MilestoneDue { milestone, .. } => format!("milestone:{milestone}"),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            TimerJob::Clocks { .. } => "clocks",
            TimerJob::PolicySwitch => "policy_switch",
            TimerJob::PolicyReview { .. } => "policy_review",
            TimerJob::FollowUp { .. } => "follow_up",
            TimerJob::MilestoneDue { .. } => "milestone_due",
        }
    }

    fn case(&self) -> Option<Uuid> {
        match self {
            TimerJob::Clocks { case }
            | TimerJob::FollowUp { case }
            | TimerJob::MilestoneDue { case, .. } => Some(case.0),
            TimerJob::PolicySwitch | TimerJob::PolicyReview { .. } => None,
        }
    }

    fn parse(key: &str, case: Option<Uuid>) -> Option<TimerJob> {
        let mut parts = key.split(':');
        match (parts.next()?, parts.next(), parts.next()) {
            ("clocks", Some(_), None) => Some(TimerJob::Clocks {
                case: CaseId(case?),
            }),
            ("followup", Some(_), None) => Some(TimerJob::FollowUp {
                case: CaseId(case?),
            }),
            ("milestone", Some(milestone), None) => Some(TimerJob::MilestoneDue {
                milestone: milestone.parse().ok()?,
                case: CaseId(case?),
            }),
            ("policy", Some("switch"), None) => Some(TimerJob::PolicySwitch),
            ("policy", Some("review"), Some(version)) if parts.next().is_none() => {
                Some(TimerJob::PolicyReview {
                    version: version.parse().ok()?,
                })
            }
            _ => None,
        }
    }
}

/// A timer leased by this node.
#[derive(Clone, Debug)]
pub struct LeasedTimer {
    pub job: TimerJob,
    pub key: String,
    pub due_at: Timestamp,
    generation: i64,
}

/// Schedules (or moves) the timer of a job, inside the caller's transaction.
pub(crate) async fn schedule(
    c: &mut Conn<'_>,
    job: &TimerJob,
    due_at: Timestamp,
    now: Timestamp,
) -> Result<()> {
    schedule_many(c, vec![(job.clone(), due_at)], now).await
}

/// Schedules many timers in as few statements as possible (their keys must differ).
pub(crate) async fn schedule_many(
    c: &mut Conn<'_>,
    jobs: Vec<(TimerJob, Timestamp)>,
    now: Timestamp,
) -> Result<()> {
    use crate::value::ToValue;
    let rows = jobs
        .iter()
        .map(|(job, due_at)| {
            vec![
                job.key().to_value(),
                job.kind().to_value(),
                job.case().to_value(),
                to_micros(*due_at).to_value(),
                1_i64.to_value(),
                0_i64.to_value(),
                to_micros(now).to_value(),
            ]
        })
        .collect();
    c.execute_many(
        "INSERT INTO timers (key, kind, case_id, due_at, generation, attempts, created_at)",
        "ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, generation = timers.generation + 1, \
         lease_owner = NULL, lease_until = NULL, attempts = 0, last_error = NULL",
        7,
        rows,
    )
    .await?;
    Ok(())
}

pub(crate) async fn cancel_many(c: &mut Conn<'_>, jobs: Vec<TimerJob>) -> Result<()> {
    use crate::value::ToValue;
    let keys = jobs.iter().map(|job| vec![job.key().to_value()]).collect();
    c.execute_many(
        "DELETE FROM timers WHERE key IN (SELECT column1 FROM (",
        ") AS doomed)",
        1,
        keys,
    )
    .await?;
    Ok(())
}

pub(crate) async fn cancel(c: &mut Conn<'_>, job: &TimerJob) -> Result<()> {
    c.execute("DELETE FROM timers WHERE key = $1", args![job.key()])
        .await?;
    Ok(())
}

/// What became of a leased timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fired {
    /// Its work is done and stored.
    Done,
    /// Another node fired it, or it was moved since it was leased: nothing was done.
    Stale,
}

impl Store {
    /// Leases up to `limit` due timers for `owner`, oldest first.
    pub async fn lease_due_timers(
        &self,
        owner: &str,
        now: Timestamp,
        limit: i64,
    ) -> Result<Vec<LeasedTimer>> {
        let mut tx = self.write().await?;
        // PostgreSQL: nodes lease at the same time, each skipping rows another has locked.
        // SQLite has one writer at a time, so the plain subquery is already exclusive.
        let lock = match tx.engine() {
            Engine::Postgres => " FOR UPDATE SKIP LOCKED",
            Engine::Sqlite => "",
        };
        let sql = format!(
            "UPDATE timers SET lease_owner = $1, lease_until = $2, attempts = attempts + 1 \
             WHERE key IN (SELECT key FROM timers WHERE due_at <= $3 AND (lease_until IS NULL OR lease_until <= $3) \
             ORDER BY due_at LIMIT $4{lock}) \
             RETURNING key, case_id, due_at, generation"
        );
        let lease_until = now
            .checked_add(LEASE)
            .map_err(|e| StoreError::Config(e.to_string()))?;
        let rows = tx
            .fetch_all(
                &sql,
                args![owner, to_micros(lease_until), to_micros(now), limit],
            )
            .await?;
        tx.commit().await?;
        let mut leased = Vec::with_capacity(rows.len());
        for mut r in rows {
            let key = r.text(0)?;
            let job = TimerJob::parse(&key, r.opt_uuid(1)?)
                .ok_or_else(|| StoreError::Corrupt(format!("timer key {key:?}")))?;
            leased.push(LeasedTimer {
                job,
                key,
                due_at: from_micros(r.i64(2)?)?,
                generation: r.i64(3)?,
            });
        }
        leased.sort_by_key(|t| t.due_at);
        Ok(leased)
    }

    /// Fires a leased timer: its work and its deletion commit together, or neither does.
    pub async fn fire_timer(
        &self,
        timer: &LeasedTimer,
        owner: &str,
        now: Timestamp,
    ) -> Result<Fired> {
        // A policy switch may re-evaluate every open case: too large to share a batch.
        let mut tx = match timer.job {
            TimerJob::PolicySwitch => self.write_alone().await?,
            _ => self.write().await?,
        };
        let deleted = tx
            .execute(
                "DELETE FROM timers WHERE key = $1 AND generation = $2 AND lease_owner = $3",
                args![timer.key, timer.generation, owner],
            )
            .await?;
        if deleted == 0 {
            return Ok(Fired::Stale);
        }
        let outcome = match &timer.job {
            TimerJob::Clocks { case } => {
                crate::clocks::check_clocks(self, &mut tx, *case, now).await
            }
            TimerJob::PolicySwitch => crate::policies::switch_due(self, &mut tx, now).await,
            TimerJob::PolicyReview { version } => {
                crate::review::review_due(self, &mut tx, *version, now).await
            }
            TimerJob::FollowUp { case } => {
                crate::follow_ups::follow_up_due(self, &mut tx, *case, now).await
            }
            TimerJob::MilestoneDue { milestone, .. } => {
                crate::follow_ups::milestone_due(self, &mut tx, *milestone, now).await
            }
        };
        match outcome {
            Ok(()) => {
                tx.commit().await?;
                Ok(Fired::Done)
            }
            Err(e) => {
                drop(tx);
                self.timer_failed(timer, owner, now, &e.to_string()).await?;
                Err(e)
            }
        }
    }

    /// Keeps a timer whose work failed, to be retried when its lease (now a back-off that
    /// grows with the attempts) runs out.
    async fn timer_failed(
        &self,
        timer: &LeasedTimer,
        owner: &str,
        now: Timestamp,
        reason: &str,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let row = tx
            .fetch_optional(
                "SELECT attempts FROM timers WHERE key = $1 AND generation = $2 AND lease_owner = $3",
                args![timer.key, timer.generation, owner],
            )
            .await?;
        if let Some(mut row) = row {
            let attempts = row.i64(0)?.clamp(1, 12);
            let backoff = SignedDuration::from_secs(5 << (attempts - 1));
            let retry = now.checked_add(backoff).unwrap_or(now);
            let reason: String = reason.chars().take(1000).collect();
            tx.execute(
                "UPDATE timers SET lease_until = $1, last_error = $2 WHERE key = $3",
                args![to_micros(retry), reason, timer.key],
            )
            .await?;
        }
        tx.commit().await
    }

    /// Leases and fires every due timer, batch after batch. Returns how many fired here.
    pub async fn run_due_timers(&self, owner: &str, now: impl Fn() -> Timestamp) -> Result<usize> {
        let mut fired = 0;
        loop {
            let batch = self.lease_due_timers(owner, now(), BATCH).await?;
            let full = batch.len() as i64 == BATCH;
            for timer in &batch {
                match self.fire_timer(timer, owner, now()).await {
                    Ok(Fired::Done) => fired += 1,
                    Ok(Fired::Stale) => {}
                    // Kept for a retry after a back-off; the other timers still fire.
                    Err(e) => tracing::warn!(timer = %timer.key, error = %e, "timer failed"),
                }
            }
            if !full {
                return Ok(fired);
            }
        }
    }

    /// When the next unleased timer is due, to sleep until then. (Leased ones come back
    /// when their lease runs out; the worker never sleeps longer than its poll interval.)
    pub async fn next_timer_due(&self) -> Result<Option<Timestamp>> {
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT due_at FROM timers WHERE lease_until IS NULL ORDER BY due_at LIMIT 1",
                &[],
            )
            .await?;
        row.map(|mut r| from_micros(r.i64(0)?)).transpose()
    }

    /// Fires timers as they fall due, until the process ends: what the server runs. Never
    /// sleeps longer than [`POLL`], so timers scheduled by other nodes fire in time too.
    pub async fn work_timers(&self, node: &str) {
        loop {
            if let Err(e) = self.run_due_timers(node, Timestamp::now).await {
                tracing::warn!(error = %e, "could not fire due timers");
            }
            let wait = match self.next_timer_due().await {
                Ok(Some(at)) => at
                    .duration_since(Timestamp::now())
                    .clamp(SignedDuration::from_millis(5), POLL),
                _ => POLL,
            };
            tokio::time::sleep(wait.unsigned_abs()).await;
        }
    }

    /// Timers waiting to fire.
    pub async fn pending_timers(&self) -> Result<i64> {
        self.read()
            .await?
            .fetch_one("SELECT COUNT(*) FROM timers", &[])
            .await?
            .i64(0)
    }
}
