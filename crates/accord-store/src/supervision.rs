//! What supervisors watch beside the clocks (PRODUCT.md C2, H2): the escalations that ran,
//! with their reasons and where the case went, and each member of staff's standing against
//! the standards — how many of their clocks were met within target.

use accord_core::access::{Action, Actor};
use accord_core::case::{CaseStatus, Change, Priority};
use accord_core::clock::ClockKind;
use accord_core::ids::{CaseId, EventId, UserId};
use accord_core::people::Role;
use accord_policy::model::Trigger;
use jiff::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use crate::codec::{from_micros, parse, to_micros};
use crate::{Result, Store};

/// One level of the escalation chain that ran on a case.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct EscalationRecord {
    /// The `escalated` event recorded in the case's history.
    pub event_id: EventId,
    pub case_id: CaseId,
    pub case_number: i64,
    pub subject: String,
    pub priority: Priority,
    pub status: CaseStatus,
    /// The level's id in the policy.
    pub level: String,
    /// What fired it, from the version that governs the case (absent if that version no
    /// longer has the level).
    #[schema(value_type = Option<Object>)]
    pub trigger: Option<Trigger>,
    /// What it did: `notify:<role>[:<team>]`, `reassign[:<team>][:<role>]`,
    /// `raise_priority:<priority>`.
    pub actions: Vec<String>,
    /// The level's rationale: why the policy escalates here.
    pub reason: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    /// Who has the case now.
    pub assignee_id: Option<UserId>,
    pub assignee_name: Option<String>,
}

/// One clock kind's record for one member of staff over a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct ClockRecord {
    pub kind: ClockKind,
    /// Met within the target.
    pub on_time: i64,
    /// Breached, whether met later or still running.
    pub missed: i64,
    /// Still running within the target.
    pub running: i64,
}

impl ClockRecord {
    /// The share met within target, in whole percent, once any clock has ended.
    pub fn on_time_percent(&self) -> Option<i64> {
        let ended = self.on_time + self.missed;
        (ended > 0).then(|| (self.on_time * 100 + ended / 2) / ended)
    }
}

/// A member of staff against the standards: their clocks over the period, the open cases
/// they hold, and whether they acknowledged the policy version in force (H2).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StaffStanding {
    pub user_id: UserId,
    pub name: String,
    pub role: Role,
    pub open_cases: i64,
    /// First response, next update, resolution — in that order, always all three.
    pub clocks: Vec<ClockRecord>,
    /// `None` when no version is in force.
    pub acknowledged_policy: Option<bool>,
}

const STANDING_KINDS: [ClockKind; 3] = [
    ClockKind::FirstResponse,
    ClockKind::NextUpdate,
    ClockKind::Resolution,
];

impl Store {
    /// The escalations that ran since `since`, newest first (supervisors).
    pub async fn recent_escalations(
        &self,
        actor: &Actor,
        since: Timestamp,
        limit: i64,
    ) -> Result<Vec<EscalationRecord>> {
        self.escalations_page(actor, since, limit, None).await
    }

    /// A page of the escalations that ran since `since`, newest first (supervisors): at
    /// most `limit`, those before `before` (the `at` and `event_id` of the last one of the
    /// previous page) when given.
    pub async fn escalations_page(
        &self,
        actor: &Actor,
        since: Timestamp,
        limit: i64,
        before: Option<(Timestamp, EventId)>,
    ) -> Result<Vec<EscalationRecord>> {
        actor.require(Action::Supervise)?;
        let (at, id) = before.unwrap_or((Timestamp::MAX, EventId(uuid::Uuid::max())));
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT c.id, c.number, c.subject, c.priority, c.status, e.data, e.reason, e.at, \
                        c.assignee_id, u.name, c.policy_version, e.id \
                 FROM case_events e JOIN cases c ON c.id = e.case_id \
                 LEFT JOIN users u ON u.id = c.assignee_id \
                 WHERE e.kind = $1 AND e.at >= $2 AND ($3 OR (e.at, e.id) < ($4, $5)) \
                 ORDER BY e.at DESC, e.id DESC LIMIT $6",
                args![
                    "escalated",
                    to_micros(since),
                    before.is_none(),
                    to_micros(at),
                    id.0,
                    limit
                ],
            )
            .await?;
        let mut records = Vec::with_capacity(rows.len());
        for mut r in rows {
            let Change::Escalated { level, actions } = r.json::<Change>(5)? else {
                continue;
            };
            let trigger = match r.opt_i64(10)? {
                Some(version) => self
                    .compiled_policy(version)
                    .await?
                    .escalation
                    .iter()
                    .find(|l| l.id == level)
                    .map(|l| l.trigger.clone()),
                None => None,
            };
            records.push(EscalationRecord {
                event_id: EventId(r.uuid(11)?),
                case_id: CaseId(r.uuid(0)?),
                case_number: r.i64(1)?,
                subject: r.text(2)?,
                priority: parse(&r.text(3)?, "cases.priority", Priority::parse)?,
                status: parse(&r.text(4)?, "cases.status", CaseStatus::parse)?,
                level,
                trigger,
                actions,
                reason: r.opt_text(6)?,
                at: from_micros(r.i64(7)?)?,
                assignee_id: r.opt_uuid(8)?.map(UserId),
                assignee_name: r.opt_text(9)?,
            });
        }
        Ok(records)
    }

    /// Each active agent and supervisor against the standards, for the clocks started since
    /// `since` on the cases they hold. A supervisor sees everyone; an agent sees themself.
    pub async fn staff_standing(
        &self,
        actor: &Actor,
        since: Timestamp,
        now: Timestamp,
    ) -> Result<Vec<StaffStanding>> {
        actor.require(Action::ViewInternalEntries)?;
        let only = (!actor.can(Action::Supervise)).then_some(actor.user_id.0);
        let in_force = self.governing_policy_version(None, now).await?;
        let mut c = self.read().await?;
        let people = c
            .fetch_all(
                "SELECT u.id, u.name, u.role, \
                        (SELECT COUNT(*) FROM cases x WHERE x.assignee_id = u.id AND x.status NOT IN ('resolved', 'closed')), \
                        EXISTS (SELECT 1 FROM policy_acknowledgements a JOIN policy_versions v ON v.id = a.version_id \
                                WHERE a.user_id = u.id AND v.number = $2) \
                 FROM users u WHERE u.active = $1 AND u.role IN ('agent', 'supervisor') \
                 AND ($3 IS NULL OR u.id = $3) ORDER BY u.name",
                args![true, in_force.unwrap_or(-1), only],
            )
            .await?;
        let mut standing = Vec::with_capacity(people.len());
        for mut r in people {
            standing.push(StaffStanding {
                user_id: UserId(r.uuid(0)?),
                name: r.text(1)?,
                role: parse(&r.text(2)?, "users.role", Role::parse)?,
                open_cases: r.i64(3)?,
                clocks: STANDING_KINDS
                    .iter()
                    .map(|&kind| ClockRecord {
                        kind,
                        on_time: 0,
                        missed: 0,
                        running: 0,
                    })
                    .collect(),
                acknowledged_policy: in_force.map(|_| r.bool(4)).transpose()?,
            });
        }
        // One pass over the period's clocks, counted per holder and kind by the database.
        let counts = c
            .fetch_all(
                "SELECT c.assignee_id, k.kind, \
                        SUM(CASE WHEN k.met_at IS NOT NULL AND k.counted_us <= k.target_us THEN 1 ELSE 0 END), \
                        SUM(CASE WHEN k.breached_at IS NOT NULL OR (k.met_at IS NOT NULL AND k.counted_us > k.target_us) THEN 1 ELSE 0 END), \
                        SUM(CASE WHEN k.met_at IS NULL AND k.breached_at IS NULL THEN 1 ELSE 0 END) \
                 FROM case_clocks k JOIN cases c ON c.id = k.case_id \
                 WHERE k.started_at >= $1 AND c.assignee_id IS NOT NULL AND ($2 IS NULL OR c.assignee_id = $2) \
                 GROUP BY c.assignee_id, k.kind",
                args![to_micros(since), only],
            )
            .await?;
        for mut r in counts {
            let holder = UserId(r.uuid(0)?);
            let kind = parse(&r.text(1)?, "case_clocks.kind", ClockKind::parse)?;
            let record = standing
                .iter_mut()
                .filter(|s| s.user_id == holder)
                .flat_map(|s| s.clocks.iter_mut())
                .find(|k| k.kind == kind);
            if let Some(record) = record {
                record.on_time = r.i64(2)?;
                record.missed = r.i64(3)?;
                record.running = r.i64(4)?;
            }
        }
        Ok(standing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_on_time_counts_only_ended_clocks_and_rounds() {
        let record = |on_time, missed, running| ClockRecord {
            kind: ClockKind::FirstResponse,
            on_time,
            missed,
            running,
        };
        assert_eq!(record(0, 0, 5).on_time_percent(), None);
        assert_eq!(record(3, 0, 9).on_time_percent(), Some(100));
        assert_eq!(record(2, 1, 0).on_time_percent(), Some(67));
        assert_eq!(record(1, 2, 0).on_time_percent(), Some(33));
        assert_eq!(record(0, 4, 1).on_time_percent(), Some(0));
    }
}
