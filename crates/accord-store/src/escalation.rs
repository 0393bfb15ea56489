//! Running a level of the escalation chain on a case (PRODUCT.md C2): notify, reassign,
//! raise priority. Each change is recorded on the case with the level's rationale as the
//! reason, and the level itself as an `escalated` event, so the case shows why.

use accord_core::case::{CaseStatus, Change, Priority};
use accord_core::ids::{CaseId, TeamId, UserId};
use accord_core::people::Role;
use accord_policy::model::{Action, EscalationLevel, Occasion};
use jiff::Timestamp;

use crate::Result;
use crate::cases::insert_event;
use crate::codec::to_micros;
use crate::db::Conn;
use crate::notifications::{About, NotificationKind, notify};

struct CaseNow {
    priority: Priority,
    team: Option<TeamId>,
    assignee: Option<UserId>,
}

async fn case_now(c: &mut Conn<'_>, case: CaseId) -> Result<Option<CaseNow>> {
    let Some(mut r) = c
        .fetch_optional(
            "SELECT priority, team_id, assignee_id, status FROM cases WHERE id = $1",
            args![case.0],
        )
        .await?
    else {
        return Ok(None);
    };
    let status = crate::codec::parse(&r.text(3)?, "cases.status", CaseStatus::parse)?;
    if matches!(status, CaseStatus::Resolved | CaseStatus::Closed) {
        return Ok(None);
    }
    Ok(Some(CaseNow {
        priority: crate::codec::parse(&r.text(0)?, "cases.priority", Priority::parse)?,
        team: r.opt_uuid(1)?.map(TeamId),
        assignee: r.opt_uuid(2)?.map(UserId),
    }))
}

async fn team_named(c: &mut Conn<'_>, name: &str) -> Result<Option<TeamId>> {
    Ok(
        c.fetch_optional("SELECT id FROM teams WHERE name = $1", args![name])
            .await?
            .map(|mut r| r.uuid(0))
            .transpose()?
            .map(TeamId),
    )
}

/// Active staff of a role (in a team, if given), the least busy first.
async fn staff_of(c: &mut Conn<'_>, role: Role, team: Option<TeamId>) -> Result<Vec<UserId>> {
    let rows = c
        .fetch_all(
            "SELECT u.id FROM users u WHERE u.role = $1 AND u.active = $3 \
             AND ($2 IS NULL OR EXISTS (SELECT 1 FROM team_members m WHERE m.user_id = u.id AND m.team_id = $2)) \
             ORDER BY (SELECT COUNT(*) FROM cases x WHERE x.assignee_id = u.id AND x.status NOT IN ('resolved', 'closed')), u.email",
            args![role.as_str(), team.map(|t| t.0), true],
        )
        .await?;
    rows.into_iter()
        .map(|mut r| Ok(UserId(r.uuid(0)?)))
        .collect()
}

/// Runs a level's actions on an open case (a resolved one needs no escalation).
pub(crate) async fn run_level(
    store: &crate::Store,
    c: &mut Conn<'_>,
    case: CaseId,
    level: &EscalationLevel,
    now: Timestamp,
) -> Result<()> {
    let Some(mut current) = case_now(c, case).await? else {
        return Ok(());
    };
    let reason = Some(level.rationale.text.as_str());
    let mut done = Vec::new();
    for action in &level.actions {
        match action {
            Action::RaisePriority { to } => {
                if current.priority < *to {
                    let change = Change::Priority {
                        from: current.priority,
                        to: *to,
                    };
                    c.execute(
                        "UPDATE cases SET priority = $1, updated_at = $2 WHERE id = $3",
                        args![to.as_str(), to_micros(now), case.0],
                    )
                    .await?;
                    insert_event(c, case, &change, None, reason, now).await?;
                    current.priority = *to;
                }
                done.push(format!("raise_priority:{to}"));
            }
            Action::Reassign { team, role } => {
                let mut target_team = current.team;
                if let Some(name) = team
                    && let Some(found) = team_named(c, name).await?
                {
                    target_team = Some(found);
                }
                if target_team != current.team {
                    c.execute(
                        "UPDATE cases SET team_id = $1, updated_at = $2 WHERE id = $3",
                        args![target_team.map(|t| t.0), to_micros(now), case.0],
                    )
                    .await?;
                    insert_event(
                        c,
                        case,
                        &Change::Team {
                            from: current.team,
                            to: target_team,
                        },
                        None,
                        reason,
                        now,
                    )
                    .await?;
                    current.team = target_team;
                }
                if let Some(role) = role {
                    let candidates = staff_of(c, *role, target_team).await?;
                    let candidates = if candidates.is_empty() {
                        staff_of(c, *role, None).await?
                    } else {
                        candidates
                    };
                    if let Some(person) = candidates.first().copied()
                        && Some(person) != current.assignee
                    {
                        c.execute(
                            "UPDATE cases SET assignee_id = $1, updated_at = $2 WHERE id = $3",
                            args![person.0, to_micros(now), case.0],
                        )
                        .await?;
                        insert_event(
                            c,
                            case,
                            &Change::Assignee {
                                from: current.assignee,
                                to: Some(person),
                            },
                            None,
                            reason,
                            now,
                        )
                        .await?;
                        notify(
                            store,
                            c,
                            person,
                            Some(case),
                            NotificationKind::Assigned,
                            About::Level(&level.id),
                            now,
                        )
                        .await?;
                        current.assignee = Some(person);
                    }
                }
                done.push(match (team, role) {
                    (Some(t), Some(r)) => format!("reassign:{t}:{r}"),
                    (Some(t), None) => format!("reassign:{t}"),
                    (None, Some(r)) => format!("reassign:{r}"),
                    (None, None) => "reassign".to_owned(),
                });
            }
            Action::Notify { role, team } => {
                // The named team, else the case's own; a team without anyone of the role
                // leaves the notice to everyone with it, so it never goes nowhere.
                let team_id = match team {
                    Some(name) => team_named(c, name).await?,
                    None => current.team,
                };
                // An agent-level notice goes to the case's assignee when it has one.
                let recipients = match (role, current.assignee) {
                    (Role::Agent, Some(assignee)) => vec![assignee],
                    _ => match staff_of(c, *role, team_id).await? {
                        none if none.is_empty() && team_id.is_some() => {
                            staff_of(c, *role, None).await?
                        }
                        some => some,
                    },
                };
                for user in recipients {
                    notify(
                        store,
                        c,
                        user,
                        Some(case),
                        NotificationKind::Escalation,
                        About::Level(&level.id),
                        now,
                    )
                    .await?;
                }
                done.push(match team {
                    Some(t) => format!("notify:{role}:{t}"),
                    None => format!("notify:{role}"),
                });
            }
        }
    }
    insert_event(
        c,
        case,
        &Change::Escalated {
            level: level.id.clone(),
            actions: done,
        },
        None,
        reason,
        now,
    )
    .await
}

/// Runs the levels an occasion fires on an open case (PRODUCT.md C2) — a customer asking for
/// a manager, an account's tier changing — except those already run on it: a customer who
/// asks three times is escalated once.
pub(crate) async fn run_levels_once(
    store: &crate::Store,
    c: &mut Conn<'_>,
    case: CaseId,
    version: Option<i64>,
    occasion: Occasion<'_>,
    now: Timestamp,
) -> Result<()> {
    let Some(version) = version else {
        return Ok(());
    };
    let policy = store.compiled_policy(version).await?;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let facts = crate::facts::load_facts(c, case, today).await?;
    let mut fired = policy.levels_on(&facts, occasion).peekable();
    if fired.peek().is_none() {
        return Ok(());
    }
    let done = levels_run(c, case).await?;
    for level in fired {
        if !done.contains(&level.id) {
            run_level(store, c, case, level, now).await?;
        }
    }
    Ok(())
}

/// The escalation levels already run on a case.
async fn levels_run(c: &mut Conn<'_>, case: CaseId) -> Result<Vec<String>> {
    let rows = c
        .fetch_all(
            "SELECT data FROM case_events WHERE case_id = $1 AND kind = $2",
            args![case.0, "escalated"],
        )
        .await?;
    let mut levels = Vec::new();
    for mut row in rows {
        let data: serde_json::Value = row.json(0)?;
        if let Some(level) = data.get("level").and_then(|l| l.as_str()) {
            levels.push(level.to_owned());
        }
    }
    Ok(levels)
}
