//! Remedies on the case page, the approvals page and the concession ledger in the account
//! panel (PRODUCT.md B5, D5).

use accord_core::DomainError;
use accord_core::access::{Action, Actor};
use accord_core::case::Case;
use accord_core::ids::GrantId;
use accord_core::remedy::{Decision, GrantStatus, NewGrant};
use accord_i18n::{Arg, Tr};
use accord_policy::ledger::Pattern;
use accord_store::remedies::{Grant, OfferedRemedy};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::tz::TimeZone;
use serde::Deserialize;

use super::case::Choice;
use super::errors::form_message;
use super::{Chrome, PageError, PageUser, case_form, check_form, no_store, render};
use crate::AppState;

pub struct GrantRow {
    pub text: String,
    pub status_key: &'static str,
    pub status: String,
    pub who: String,
    pub reason: String,
    pub note: Option<String>,
    pub case_number: i64,
    pub id: String,
}

/// The remedies card of a case and the ledger of its account.
pub struct RemediesView {
    pub offered: Vec<Choice>,
    /// Per offered remedy, who decides up to what: the reader alone, then each approver.
    pub authority: Vec<(String, Vec<String>)>,
    pub grants: Vec<GrantRow>,
    pub ledger: Option<LedgerView>,
}

pub struct LedgerView {
    pub totals: String,
    pub flags: Vec<String>,
    pub recent: Vec<GrantRow>,
}

/// Who decides a remedy up to what, before the reader asks: "You alone: up to 50 EUR",
/// "Supervisor approves: up to 500 EUR", "Above 500 EUR: not possible under this policy".
fn authority_lines(tr: Tr, r: &OfferedRemedy) -> (String, Vec<String>) {
    let line = |key: &str, role: Option<&str>, limit: f64| {
        let role = role.map(|role| tr.t(&format!("role-{role}")));
        tr.args(
            key,
            &[
                ("role", Arg::Text(role.as_deref().unwrap_or_default())),
                ("limit", Arg::Text(&amount_text(limit))),
                ("unit", Arg::Text(&r.unit)),
            ],
        )
    };
    let mut lines = Vec::new();
    if let Some(own) = r.own_limit {
        lines.push(line("remedies-authority-own", None, own));
    }
    for a in &r.approvers {
        lines.push(line(
            "remedies-authority-approver",
            Some(a.role.as_str()),
            a.limit,
        ));
    }
    if let Some(highest) = r.highest_limit {
        lines.push(line("remedies-authority-beyond", None, highest));
    }
    // The limits are on totals: say what they already count.
    lines.push(tr.args(
        "remedies-authority-counted",
        &[
            ("amount", Arg::Text(&amount_text(r.on_case))),
            ("unit", Arg::Text(&r.unit)),
        ],
    ));
    if let (Some(days), Some(total)) = (r.per_customer_days, r.for_customer) {
        lines.push(tr.args(
            "remedies-authority-customer",
            &[
                ("days", Arg::Number(days)),
                ("amount", Arg::Text(&amount_text(total))),
                ("unit", Arg::Text(&r.unit)),
            ],
        ));
    }
    (r.name.clone(), lines)
}

/// Amounts as people write them: "12.50" or "12,50".
fn parse_amount(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok()
}

fn amount_text(amount: f64) -> String {
    if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount:.2}")
    }
}

pub fn grant_row(tr: Tr, zone: &TimeZone, g: &Grant) -> GrantRow {
    let status = match (g.status, g.approver_role) {
        (GrantStatus::Pending, Some(role)) => tr.t1(
            "remedy-status-pending",
            "role",
            &tr.t(&format!("role-{role}")),
        ),
        (status, _) => tr.t(&format!("remedy-status-{status}")),
    };
    GrantRow {
        text: tr.args(
            "remedies-row",
            &[
                ("remedy", Arg::Text(&g.remedy)),
                ("amount", Arg::Text(&amount_text(g.amount))),
                ("unit", Arg::Text(&g.unit)),
            ],
        ),
        status_key: g.status.as_str(),
        status,
        who: tr.args(
            "remedies-requested-by",
            &[
                ("name", Arg::Text(&g.requested_by_name)),
                ("at", Arg::Text(&tr.datetime(g.requested_at, zone))),
            ],
        ),
        reason: g.reason.clone(),
        note: g.decision_note.clone(),
        case_number: g.case_number,
        id: g.id.to_string(),
    }
}

fn pattern_text(tr: Tr, pattern: &Pattern) -> String {
    match pattern {
        Pattern::GrowingConcessions { unit, amounts } => {
            let amounts: Vec<String> = amounts.iter().map(|a| amount_text(*a)).collect();
            tr.args(
                "ledger-growing",
                &[
                    ("amounts", Arg::Text(&amounts.join(" → "))),
                    ("unit", Arg::Text(unit)),
                ],
            )
        }
        Pattern::RepeatedOnOneCase {
            unit,
            case_number,
            grants,
            total,
        } => tr.args(
            "ledger-repeated",
            &[
                ("number", Arg::Text(&case_number.to_string())),
                (
                    "count",
                    Arg::Number(i64::try_from(*grants).unwrap_or(i64::MAX)),
                ),
                ("total", Arg::Text(&amount_text(*total))),
                ("unit", Arg::Text(unit)),
            ],
        ),
        Pattern::LongRefusal { refusals } => tr.args(
            "ledger-refusals",
            &[("count", Arg::Number(*refusals as i64))],
        ),
    }
}

/// What the case page shows of remedies; `None` for readers who may not grant them.
pub async fn remedies_view(
    state: &AppState,
    tr: Tr,
    actor: &Actor,
    case: &Case,
) -> Result<Option<RemediesView>, PageError> {
    if !actor.can(Action::GrantRemedies) {
        return Ok(None);
    }
    let zone = &state.config.time_zone;
    let err = || PageError::store(tr);
    let remedies = state
        .store
        .offered_remedies(actor, case.id, crate::now())
        .await
        .map_err(err())?;
    let authority = remedies.iter().map(|r| authority_lines(tr, r)).collect();
    let offered = remedies
        .into_iter()
        .map(|r| Choice {
            label: match r.own_limit {
                Some(limit) => tr.args(
                    "remedies-limit",
                    &[
                        ("name", Arg::Text(&r.name)),
                        ("limit", Arg::Text(&amount_text(limit))),
                        ("unit", Arg::Text(&r.unit)),
                    ],
                ),
                None => tr.t1("remedies-no-limit", "name", &r.name),
            },
            value: r.id,
            selected: false,
        })
        .collect();
    let grants = state
        .store
        .case_grants(actor, case.id)
        .await
        .map_err(err())?
        .iter()
        .map(|g| grant_row(tr, zone, g))
        .collect();
    let ledger = match case.organization_id {
        Some(org) => {
            let ledger = state
                .store
                .ledger(actor, org, crate::now())
                .await
                .map_err(err())?;
            let totals: Vec<String> = ledger
                .totals
                .iter()
                .map(|(unit, sum)| format!("{} {unit}", amount_text(*sum)))
                .collect();
            Some(LedgerView {
                totals: if totals.is_empty() {
                    tr.t("ledger-empty")
                } else {
                    tr.t1("ledger-total", "amounts", &totals.join(", "))
                },
                flags: ledger
                    .patterns
                    .iter()
                    .map(|p| pattern_text(tr, p))
                    .collect(),
                recent: ledger
                    .given
                    .iter()
                    .take(5)
                    .map(|g| grant_row(tr, zone, g))
                    .collect(),
            })
        }
        None => None,
    };
    Ok(Some(RemediesView {
        offered,
        authority,
        grants,
        ledger,
    }))
}

#[derive(Deserialize)]
pub struct RemedyForm {
    remedy: String,
    amount: String,
    reason: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

pub async fn grant(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<RemedyForm>,
) -> Result<Response, PageError> {
    let (actor, case) = case_form(&state, &user, number, &method, &headers, &form.csrf).await?;
    let outcome = match parse_amount(&form.amount) {
        Some(amount) => {
            let new = NewGrant {
                remedy: form.remedy,
                amount,
                reason: form.reason.clone(),
            };
            state
                .store
                .grant_remedy(&actor, case.id, &new, crate::now())
                .await
        }
        None => Err(DomainError::invalid(
            "amount",
            "invalid_number",
            "give a number in the remedy's unit, such as 25 or 12,50",
        )
        .into()),
    };
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{number}?saved=3#remedies")).into_response()),
        Err(e) => {
            super::case::form_failure(&state, user, number, e, form.reason, String::new()).await
        }
    }
}

#[derive(Template)]
#[template(path = "approvals.html")]
struct ApprovalsPage {
    chrome: Chrome,
    rows: Vec<GrantRow>,
    notice: Option<String>,
    problems: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct ApprovalsQuery {
    done: Option<u8>,
}

async fn render_approvals(
    state: &AppState,
    user: PageUser,
    notice: Option<String>,
    problems: Vec<String>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(Action::GrantRemedies) {
        return Err(PageError::Forbidden(tr));
    }
    let zone = &state.config.time_zone;
    let rows = state
        .store
        .pending_approvals(&actor)
        .await
        .map_err(PageError::store(tr))?
        .iter()
        .map(|g| grant_row(tr, zone, g))
        .collect();
    Ok(no_store(render(&ApprovalsPage {
        chrome: user.chrome,
        rows,
        notice,
        problems,
    })))
}

pub async fn approvals(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<ApprovalsQuery>,
) -> Result<Response, PageError> {
    let notice = q.done.map(|_| user.chrome.tr.t("approvals-done"));
    render_approvals(&state, user, notice, Vec::new()).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    note: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

pub async fn decide(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<DecisionForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let id = id
        .parse::<uuid::Uuid>()
        .map(GrantId)
        .map_err(|_| PageError::NotFound(tr))?;
    let decision = Decision {
        approve: form.decision == "approve",
        note: form.note,
    };
    let actor = user.session.principal.actor();
    match state
        .store
        .decide_remedy(&actor, id, &decision, crate::now())
        .await
    {
        Ok(_) => Ok(Redirect::to("/approvals?done=1").into_response()),
        Err(e) => match form_message(tr, &e) {
            Some(problems) => {
                let mut response = render_approvals(&state, user, None, problems).await?;
                *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
                Ok(response)
            }
            None => Err(PageError::store(tr)(e)),
        },
    }
}
