//! The supervisors' escalations list (PRODUCT.md C2: why a case was escalated and to whom)
//! and each agent's standing against the standards (H2), which an agent sees for themself.

use accord_core::access::Action;
use accord_core::people::{Role, Tier};
use accord_i18n::{Arg, Tr};
use accord_policy::model::Trigger;
use accord_store::supervision::{EscalationRecord, StaffStanding};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use jiff::SignedDuration;
use serde::Deserialize;

use super::clocks::working_time;
use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;

/// The periods both views offer, in days.
pub const PERIODS: [i64; 4] = [1, 7, 30, 90];

#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    days: Option<i64>,
}

pub(super) fn period_choices(tr: Tr, chosen: i64) -> Vec<(i64, String, bool)> {
    PERIODS
        .iter()
        .map(|&d| {
            (
                d,
                tr.args("period-days", &[("days", Arg::Number(d))]),
                d == chosen,
            )
        })
        .collect()
}

fn chosen_period(q: &PeriodQuery, default: i64) -> i64 {
    q.days.filter(|d| PERIODS.contains(d)).unwrap_or(default)
}

/// What fired a level, in the reader's language.
pub fn describe_trigger(tr: Tr, trigger: &Trigger) -> String {
    match trigger {
        Trigger::BeforeBreach { clock, by } | Trigger::AfterBreach { clock, by } => {
            let key = if matches!(trigger, Trigger::BeforeBreach { .. }) {
                "escalation-trigger-before"
            } else {
                "escalation-trigger-after"
            };
            tr.args(
                key,
                &[
                    ("by", Arg::Text(&working_time(by.as_mins()))),
                    (
                        "clock",
                        Arg::Text(&tr.t(&format!("clock-{}", clock.kind()))),
                    ),
                ],
            )
        }
        Trigger::Frustration { at_least } => tr.t1(
            "escalation-trigger-frustration",
            "score",
            &format!("{at_least}"),
        ),
        Trigger::PublicPost => tr.t("escalation-trigger-public-post"),
        Trigger::AccountTier { tiers } => {
            let names: Vec<String> = tiers
                .iter()
                .map(|t: &Tier| tr.t(&format!("tier-{t}")))
                .collect();
            tr.t1("escalation-trigger-tier", "tiers", &names.join(", "))
        }
        Trigger::AsksForManager => tr.t("escalation-trigger-manager"),
    }
}

/// One recorded action (`notify:supervisor:Billing`, `raise_priority:high`, ...) in words.
pub fn describe_action(tr: Tr, action: &str) -> String {
    let mut parts = action.split(':');
    let verb = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let role_of = |s: &str| Role::parse(s).map(|r| tr.t(&format!("role-{r}")));
    match (verb, rest.as_slice()) {
        ("raise_priority", [to]) => tr.t1(
            "escalation-action-priority",
            "priority",
            &tr.t(&format!("priority-{to}")),
        ),
        ("notify", [role, team @ ..]) => {
            let role = role_of(role).unwrap_or_else(|| (*role).to_owned());
            match team.first() {
                Some(team) => tr.args(
                    "escalation-action-notify-team",
                    &[("role", Arg::Text(&role)), ("team", Arg::Text(team))],
                ),
                None => tr.t1("escalation-action-notify", "role", &role),
            }
        }
        // `reassign:<team>:<role>`, `reassign:<team>`, `reassign:<role>` or `reassign`.
        ("reassign", [team, role]) => tr.args(
            "escalation-action-reassign-team-role",
            &[
                ("team", Arg::Text(team)),
                (
                    "role",
                    Arg::Text(&role_of(role).unwrap_or_else(|| (*role).to_owned())),
                ),
            ],
        ),
        ("reassign", [one]) => match role_of(one) {
            Some(role) => tr.t1("escalation-action-reassign-role", "role", &role),
            None => tr.t1("escalation-action-reassign-team", "team", one),
        },
        ("reassign", []) => tr.t("escalation-action-reassign"),
        _ => action.to_owned(),
    }
}

pub struct EscalationRow {
    pub number: i64,
    pub subject: String,
    pub at: String,
    pub ago: String,
    pub level: String,
    pub trigger: String,
    pub actions: Vec<String>,
    pub reason: String,
    pub holder: String,
    pub priority_key: &'static str,
    pub priority: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "escalations.html")]
struct EscalationsPage {
    chrome: Chrome,
    periods: Vec<(i64, String, bool)>,
    rows: Vec<EscalationRow>,
}

fn escalation_row(tr: Tr, zone: &jiff::tz::TimeZone, e: EscalationRecord) -> EscalationRow {
    let now = crate::now();
    EscalationRow {
        number: e.case_number,
        subject: e.subject,
        at: tr.datetime(e.at, zone),
        ago: tr.relative(e.at, now),
        trigger: e
            .trigger
            .as_ref()
            .map(|t| describe_trigger(tr, t))
            .unwrap_or_default(),
        level: e.level,
        actions: e.actions.iter().map(|a| describe_action(tr, a)).collect(),
        reason: e.reason.unwrap_or_default(),
        holder: e
            .assignee_name
            .unwrap_or_else(|| tr.t("escalations-unassigned")),
        priority_key: e.priority.as_str(),
        priority: tr.t(&format!("priority-{}", e.priority)),
        status: tr.t(&format!("status-{}", e.status)),
    }
}

pub async fn escalations(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(Action::Supervise) {
        return Err(PageError::Forbidden(tr));
    }
    let days = chosen_period(&q, 7);
    let since = crate::now() - SignedDuration::from_hours(24 * days);
    let zone = &state.config.time_zone;
    let rows = state
        .store
        .recent_escalations(&actor, since, 200)
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|e| escalation_row(tr, zone, e))
        .collect();
    Ok(no_store(render(&EscalationsPage {
        chrome: user.chrome,
        periods: period_choices(tr, days),
        rows,
    })))
}

pub struct StandingCell {
    /// "92 %" or "—" when no clock ended.
    pub percent: String,
    /// "11 met in time, 1 missed, 3 running".
    pub detail: String,
    /// below | meets: whether most ended clocks were met (for the badge colour).
    pub class: &'static str,
}

pub struct StandingRow {
    pub name: String,
    pub role: String,
    pub open_cases: String,
    pub cells: Vec<StandingCell>,
    pub acknowledged: String,
    pub acknowledged_class: &'static str,
}

#[derive(Template)]
#[template(path = "standing.html")]
struct StandingPage {
    chrome: Chrome,
    periods: Vec<(i64, String, bool)>,
    headers: Vec<String>,
    rows: Vec<StandingRow>,
    everyone: bool,
    /// When it was counted (at most a minute ago).
    counted: String,
}

/// At or above this share, a standard counts as kept for the badge.
const KEPT_PERCENT: i64 = 90;

fn standing_row(tr: Tr, s: StaffStanding) -> StandingRow {
    let cells = s
        .clocks
        .iter()
        .map(|k| {
            let percent = k.on_time_percent();
            StandingCell {
                percent: percent
                    .map(|p| tr.args("standing-percent", &[("percent", Arg::Number(p))]))
                    .unwrap_or_else(|| tr.t("standing-none")),
                detail: tr.args(
                    "standing-detail",
                    &[
                        ("met", Arg::Number(k.on_time)),
                        ("missed", Arg::Number(k.missed)),
                        ("running", Arg::Number(k.running)),
                    ],
                ),
                class: match percent {
                    Some(p) if p >= KEPT_PERCENT => "meets",
                    Some(_) => "below",
                    None => "none",
                },
            }
        })
        .collect();
    let (acknowledged, acknowledged_class) = match s.acknowledged_policy {
        Some(true) => (tr.t("standing-acknowledged-yes"), "meets"),
        Some(false) => (tr.t("standing-acknowledged-no"), "below"),
        None => (tr.t("standing-none"), "none"),
    };
    StandingRow {
        name: s.name,
        role: tr.t(&format!("role-{}", s.role)),
        open_cases: tr.count("standing-open-cases", s.open_cases),
        cells,
        acknowledged,
        acknowledged_class,
    }
}

pub async fn standing(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(Action::ViewInternalEntries) {
        return Err(PageError::Forbidden(tr));
    }
    let days = chosen_period(&q, 30);
    let (counted, rows) = state
        .standing
        .get(&state.store, &actor, days, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    let rows = rows.into_iter().map(|s| standing_row(tr, s)).collect();
    let counted = tr.t1(
        "standing-counted",
        "when",
        &tr.datetime(counted, &state.config.time_zone),
    );
    let headers = ["first_response", "next_update", "resolution"]
        .iter()
        .map(|k| tr.t(&format!("clock-{k}")))
        .collect();
    Ok(no_store(render(&StandingPage {
        everyone: actor.can(Action::Supervise),
        chrome: user.chrome,
        periods: period_choices(tr, days),
        headers,
        rows,
        counted,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_core::language::Language;

    #[test]
    fn recorded_actions_read_as_sentences_in_each_language() {
        let en = Tr::new(Language::En);
        assert_eq!(
            describe_action(en, "notify:supervisor:Billing"),
            "Notified: Supervisor (team Billing)"
        );
        assert_eq!(
            describe_action(en, "raise_priority:urgent"),
            "Priority raised to Urgent"
        );
        assert_eq!(
            describe_action(en, "reassign:supervisor"),
            "Reassigned to a Supervisor"
        );
        assert_eq!(
            describe_action(en, "reassign:Key accounts"),
            "Reassigned to team Key accounts"
        );
        let lv = Tr::new(Language::Lv);
        assert_eq!(
            describe_action(lv, "raise_priority:high"),
            "Prioritāte paaugstināta līdz: Augsta"
        );
        let es = Tr::new(Language::Es);
        assert_eq!(
            describe_action(es, "reassign:Cuentas clave:supervisor"),
            "Reasignado al equipo Cuentas clave (Supervisor)"
        );
    }

    #[test]
    fn triggers_name_the_clock_and_the_working_time() {
        let pt = Tr::new(Language::Pt);
        let trigger = Trigger::BeforeBreach {
            clock: accord_policy::model::ClockName::FirstResponse,
            by: SignedDuration::from_mins(90),
        };
        let text = describe_trigger(pt, &trigger);
        assert!(text.contains("1 h 30 min"), "{text}");
        assert!(text.contains(&pt.t("clock-first_response")), "{text}");
    }
}
