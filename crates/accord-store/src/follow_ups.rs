//! The timers of a complaint after the agreement: each milestone's due date (D3), and the
//! follow-up after resolution (D6).
//!
//! Resolving a case whose procedure has a `follow_up` schedules its timer; reopening the
//! case cancels it. When it fires on a case still resolved or closed, the survey goes to
//! the case's contact — unless they were asked another survey within the policy's gap,
//! which the case's history then says.

use accord_core::access::Scope;
use accord_core::case::{CaseStatus, Change};
use accord_core::ids::{CaseId, UserId};
use jiff::Timestamp;
use uuid::Uuid;

use crate::cases::{insert_event, load_case};
use crate::db::Conn;
use crate::notifications::{About, NotificationKind, notify};
use crate::surveys::{Recipient, Sending};
use crate::timers::{self, TimerJob};
use crate::{Result, Store, StoreError};

/// A case changed status: resolving schedules its follow-up, reopening cancels it.
pub(crate) async fn after_status(
    store: &Store,
    c: &mut Conn<'_>,
    case: CaseId,
    to: CaseStatus,
    now: Timestamp,
) -> Result<()> {
    let job = TimerJob::FollowUp { case };
    match to {
        CaseStatus::Resolved => {
            if let Some(plan) = crate::clocks::follow_up_of(store, c, case, now).await? {
                timers::schedule(c, &job, plan.due, now).await?;
            }
            Ok(())
        }
        CaseStatus::Closed => Ok(()),
        _ => timers::cancel(c, &job).await,
    }
}

/// The follow-up timer of a case fired.
pub(crate) async fn follow_up_due(
    store: &Store,
    c: &mut Conn<'_>,
    case_id: CaseId,
    now: Timestamp,
) -> Result<()> {
    let case = load_case(c, Scope::All, case_id).await?;
    if case.status.is_open() {
        return Ok(());
    }
    let Some(plan) = crate::clocks::follow_up_of(store, c, case_id, now).await? else {
        return Ok(());
    };
    let (survey_id, version) = (plan.survey, plan.version);
    let policy = store.compiled_policy(version).await?;
    let survey = policy
        .surveys
        .iter()
        .find(|s| s.id == survey_id)
        .ok_or_else(|| {
            StoreError::Corrupt(format!("survey {survey_id} not in version {version}"))
        })?;
    let to = Recipient {
        contact: case.contact_id,
        case: Some(&case),
        language: case.language,
        zone: plan.zone,
        sent_by: None,
    };
    let sent = crate::surveys::send(store, c, version, survey, policy.survey_gap, to, now).await?;
    let change = match sent {
        Sending::Sent(_) => Change::FollowUp {
            survey: survey_id,
            sent: true,
        },
        Sending::Throttled => Change::FollowUp {
            survey: survey_id,
            sent: false,
        },
        // Nobody to write to: nothing to say on the case either.
        Sending::NoAddress => return Ok(()),
    };
    insert_event(c, case_id, &change, None, None, now).await
}

/// A milestone's due date came: its owner hears when it is not reached and its agreement
/// is still the one in force (not superseded by an amendment).
pub(crate) async fn milestone_due(
    store: &Store,
    c: &mut Conn<'_>,
    milestone: Uuid,
    now: Timestamp,
) -> Result<()> {
    let Some(mut row) = c
        .fetch_optional(
            "SELECT m.case_id, m.title, m.owner_id, m.reached_at, a.status \
             FROM milestones m JOIN agreements a ON a.id = m.agreement_id WHERE m.id = $1",
            args![milestone],
        )
        .await?
    else {
        return Ok(());
    };
    let (case, title, owner) = (CaseId(row.uuid(0)?), row.text(1)?, UserId(row.uuid(2)?));
    let reached = row.opt_i64(3)?.is_some();
    if reached || row.text(4)? == "superseded" {
        return Ok(());
    }
    c.execute(
        "UPDATE milestones SET overdue_at = $1 WHERE id = $2",
        args![crate::codec::to_micros(now), milestone],
    )
    .await?;
    let kind = NotificationKind::MilestoneOverdue;
    notify(store, c, owner, Some(case), kind, About::Level(&title), now).await?;
    insert_event(
        c,
        case,
        &Change::MilestoneOverdue { title },
        None,
        None,
        now,
    )
    .await
}
