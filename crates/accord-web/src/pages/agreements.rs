//! Resolution agreements in the interface (PRODUCT.md D2, D3): the page an emailed link
//! opens — signed, expiring, and clear about it when it is not (never a 500) — where the
//! customer accepts or asks to discuss; and the agreement as the case page and the portal
//! show it.

use accord_core::agreement::Reply;
use accord_core::language::Language;
use accord_i18n::{Arg, Tr};
use accord_store::agreements::{AgreementView, Answerer};
use accord_store::signing::LinkError;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use jiff::tz::TimeZone;
use serde::Deserialize;
use uuid::Uuid;

use super::form_field as field;
use super::login::{anonymous_chrome, check_anonymous_form, fresh_form_token};
use super::{Chrome, PageError, no_store, render};
use crate::AppState;

pub struct MilestoneLine {
    pub id: String,
    pub line: String,
    pub reached: bool,
    /// Past its due date and not reached.
    pub overdue: bool,
    pub state: String,
}

/// An agreement as people read it, in the reader's language.
pub struct AgreementShown {
    pub id: String,
    pub intro: String,
    pub status_key: &'static str,
    pub status: String,
    pub problem: String,
    pub outcome: String,
    pub indicators: Vec<String>,
    pub deadline: String,
    pub milestones: Vec<MilestoneLine>,
    pub contract_changes: Vec<String>,
    /// Proposed or being discussed: the customer may still answer it.
    pub open: bool,
}

pub fn shown(tr: Tr, zone: &TimeZone, a: &AgreementView) -> AgreementShown {
    AgreementShown {
        id: a.id.to_string(),
        intro: tr.args(
            "agreement-text-intro",
            &[
                ("number", Arg::Text(&a.case_number.to_string())),
                ("version", Arg::Text(&a.version.to_string())),
            ],
        ),
        status_key: a.status.as_str(),
        status: tr.t(&format!("agreement-status-{}", a.status)),
        problem: a.problem.clone(),
        outcome: a.outcome.clone(),
        indicators: a.indicators.clone(),
        deadline: tr.t1("agreement-deadline", "when", &tr.datetime(a.deadline, zone)),
        milestones: a
            .milestones
            .iter()
            .map(|m| {
                let when = tr.datetime(m.due_at, zone);
                let by = match &m.third_party {
                    Some(third) => format!("{when}; {third}"),
                    None => when,
                };
                MilestoneLine {
                    id: m.id.to_string(),
                    line: format!("{} ({by}) — {}", m.title, m.owner_name),
                    reached: m.reached_at.is_some(),
                    overdue: m.reached_at.is_none() && m.overdue_at.is_some(),
                    state: match (m.reached_at, m.overdue_at) {
                        (Some(at), _) => tr.t1(
                            "agreement-milestone-reached",
                            "when",
                            &tr.datetime(at, zone),
                        ),
                        (None, Some(_)) => tr.t("agreement-milestone-overdue"),
                        (None, None) => String::new(),
                    },
                }
            })
            .collect(),
        contract_changes: a.contract_changes.clone(),
        open: matches!(
            a.status,
            accord_core::agreement::AgreementStatus::Proposed
                | accord_core::agreement::AgreementStatus::Discussing
        ),
    }
}

#[derive(Template)]
#[template(path = "agreement_link.html")]
struct LinkPage {
    chrome: Chrome,
    agreement: Option<AgreementShown>,
    token: String,
    can_answer: bool,
    problems: Vec<String>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct LinkQuery {
    t: Option<String>,
}

/// Why a link does not open anything, said plainly.
fn refused(chrome: Chrome, jar: CookieJar, error: LinkError) -> Response {
    let (status, key) = match error {
        LinkError::Invalid => (StatusCode::BAD_REQUEST, "agreement-link-invalid"),
        LinkError::Expired => (StatusCode::GONE, "agreement-link-expired"),
    };
    let page = LinkPage {
        problems: vec![chrome.tr.t(key)],
        chrome,
        agreement: None,
        token: String::new(),
        can_answer: false,
        notice: None,
    };
    no_store((status, jar, render(&page)).into_response())
}

/// The customer reads the agreement's dates in the zone its email gave them in.
async fn customer_zone(
    state: &AppState,
    agreement: &AgreementView,
    tr: Tr,
) -> Result<TimeZone, PageError> {
    state
        .store
        .agreement_time_zone(agreement.id, crate::now())
        .await
        .map_err(PageError::store(tr))
}

fn agreement_id(text: &str) -> Result<Uuid, LinkError> {
    text.parse().map_err(|_| LinkError::Invalid)
}

/// The page an agreement's emailed link opens, in the language it was written in.
pub async fn open(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    Path(id): Path<String>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let (jar, csrf) = fresh_form_token(&state, jar).await;
    chrome.csrf = csrf;
    let token = q.t.unwrap_or_default();
    let found = match agreement_id(&id) {
        Ok(id) => state
            .store
            .agreement_by_link(id, &token, crate::now())
            .await
            .map_err(PageError::store(chrome.tr))?,
        Err(e) => Err(e),
    };
    let agreement = match found {
        Ok(a) => a,
        Err(e) => return Ok(refused(chrome, jar, e)),
    };
    chrome.tr = Tr::new(Language::from_tag(&agreement.language).unwrap_or(chrome.tr.language));
    let zone = customer_zone(&state, &agreement, chrome.tr).await?;
    let shown = shown(chrome.tr, &zone, &agreement);
    let page = LinkPage {
        can_answer: shown.open,
        agreement: Some(shown),
        token,
        problems: Vec::new(),
        notice: None,
        chrome,
    };
    Ok(no_store((jar, render(&page)).into_response()))
}

#[derive(Deserialize)]
pub struct AnswerForm {
    t: String,
    answer: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

/// The customer's answer from the link's page. Clicking twice records it once.
pub async fn answer(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let tr = chrome.tr;
    chrome.csrf = check_anonymous_form(&state, &parts, &jar, &form.csrf, tr).await?;
    let found = match agreement_id(&id) {
        Ok(id) => state
            .store
            .agreement_by_link(id, &form.t, crate::now())
            .await
            .map_err(PageError::store(tr))?,
        Err(e) => Err(e),
    };
    let agreement = match found {
        Ok(a) => a,
        Err(e) => return Ok(refused(chrome, jar, e)),
    };
    chrome.tr = Tr::new(Language::from_tag(&agreement.language).unwrap_or(tr.language));
    let tr = chrome.tr;
    let reply = match form.answer.as_str() {
        "accept" => Reply::Accept,
        _ => Reply::Discuss,
    };
    let (status, problems, notice, agreement) = match state
        .store
        .answer_agreement(Answerer::Link, agreement.id, reply, crate::now())
        .await
    {
        Ok(now) => {
            let key = match reply {
                Reply::Accept => "agreement-accepted-thanks",
                Reply::Discuss => "agreement-discuss-thanks",
            };
            (StatusCode::OK, Vec::new(), Some(tr.t(key)), now)
        }
        Err(accord_store::StoreError::Domain(accord_core::DomainError::Conflict(_))) => (
            StatusCode::CONFLICT,
            vec![tr.t("agreement-answer-conflict")],
            None,
            agreement,
        ),
        Err(e) => return Err(PageError::store(tr)(e)),
    };
    let zone = customer_zone(&state, &agreement, tr).await?;
    let shown = shown(tr, &zone, &agreement);
    let page = LinkPage {
        can_answer: false,
        agreement: Some(shown),
        token: String::new(),
        problems,
        notice,
        chrome,
    };
    Ok(no_store((status, jar, render(&page)).into_response()))
}

/// The resolution card of a case page: what the agent understood, the agreement's versions,
/// and the forms that move them (D1–D3).
pub struct ResolutionView {
    pub staff: bool,
    pub agreements: Vec<AgreementShown>,
    /// The newest version, when the customer may still answer it (customers only).
    pub answerable: Option<String>,
    pub understanding: UnderstandingForm,
    pub owners: Vec<super::case::Choice>,
    pub can_propose: bool,
    /// A sensible deadline to start from (three days on), for `datetime-local`.
    pub default_deadline: String,
    /// The follow-up surveys sent about the case and what the customer answered (staff).
    pub feedback: Vec<FeedbackLine>,
}

/// A survey sent about a case: "Sent 3 Dec" and, once answered, the score and comment.
pub struct FeedbackLine {
    pub sent: String,
    pub answer: Option<String>,
    pub comment: Option<String>,
    pub negative: bool,
}

#[derive(Default)]
pub struct UnderstandingForm {
    pub problem: String,
    pub note: String,
    pub natures: Vec<super::case::Choice>,
    pub parties: Vec<super::case::Choice>,
    pub recorded: Option<String>,
}

fn choices(tr: Tr, prefix: &str, values: &[&str], chosen: &str) -> Vec<super::case::Choice> {
    values
        .iter()
        .map(|v| super::case::Choice {
            value: (*v).to_owned(),
            label: tr.t(&format!("{prefix}{v}")),
            selected: *v == chosen,
        })
        .collect()
}

/// `datetime-local` text for an instant in a zone.
pub fn local_input(at: jiff::Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .datetime()
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

pub async fn resolution_view(
    state: &AppState,
    tr: Tr,
    actor: &accord_core::access::Actor,
    case: &accord_core::case::Case,
    staff: bool,
) -> Result<ResolutionView, PageError> {
    let zone = &state.config.time_zone;
    let err = || PageError::store(tr);
    let versions = state
        .store
        .case_agreements(actor, case.id)
        .await
        .map_err(err())?;
    let agreements: Vec<AgreementShown> = versions.iter().map(|a| shown(tr, zone, a)).collect();
    let answerable = (!staff)
        .then(|| agreements.first().filter(|a| a.open).map(|a| a.id.clone()))
        .flatten();
    let mut understanding = UnderstandingForm::default();
    let mut owners = Vec::new();
    let mut feedback = Vec::new();
    if staff {
        feedback = state
            .store
            .case_surveys(actor, case.id)
            .await
            .map_err(err())?
            .into_iter()
            .map(|s| {
                let high = s.kind.scale().1;
                FeedbackLine {
                    sent: tr.t1("feedback-sent", "when", &tr.datetime(s.sent_at, zone)),
                    answer: s.score.zip(s.answered_at).map(|(score, at)| {
                        tr.args(
                            "feedback-answered",
                            &[
                                ("score", Arg::Text(&format!("{score}/{high}"))),
                                ("when", Arg::Text(&tr.datetime(at, zone))),
                            ],
                        )
                    }),
                    comment: s.comment,
                    negative: s.negative.unwrap_or(false),
                }
            })
            .collect();
        let recorded = state
            .store
            .case_understanding(actor, case.id)
            .await
            .map_err(err())?;
        let (nature, party) = recorded
            .as_ref()
            .map(|u| (u.nature.as_str(), u.responsible.as_str()))
            .unwrap_or(("technical", "company"));
        understanding = UnderstandingForm {
            problem: recorded
                .as_ref()
                .map(|u| u.problem.clone())
                .unwrap_or_default(),
            note: recorded
                .as_ref()
                .map(|u| u.note.clone())
                .unwrap_or_default(),
            natures: choices(tr, "nature-", &["technical", "personal", "both"], nature),
            parties: choices(tr, "party-", &["company", "customer", "third_party"], party),
            recorded: recorded.map(|u| {
                tr.args(
                    "understanding-recorded",
                    &[
                        (
                            "name",
                            Arg::Text(u.recorded_by.as_deref().unwrap_or_default()),
                        ),
                        ("when", Arg::Text(&tr.datetime(u.recorded_at, zone))),
                    ],
                )
            }),
        };
        owners = state
            .store
            .list_staff(actor)
            .await
            .map_err(err())?
            .into_iter()
            .map(|p| super::case::Choice {
                selected: p.id == actor.user_id,
                value: p.id.to_string(),
                label: p.name,
            })
            .collect();
    }
    Ok(ResolutionView {
        staff,
        agreements,
        answerable,
        understanding,
        owners,
        can_propose: staff && case.status.is_open(),
        default_deadline: local_input(crate::now() + jiff::SignedDuration::from_hours(72), zone),
        feedback,
    })
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// Where every form of the resolution card returns: the case, with a notice (post/redirect/
/// get), or the page again with what to fix.
async fn back_to_case<T>(
    state: &AppState,
    user: super::PageUser,
    number: i64,
    outcome: Result<T, accord_store::StoreError>,
    saved: u8,
) -> Result<Response, PageError> {
    match outcome {
        Ok(_) => Ok(axum::response::Redirect::to(&format!(
            "/cases/{number}?saved={saved}#resolution"
        ))
        .into_response()),
        Err(e) => {
            super::case::form_failure(state, user, number, e, String::new(), String::new()).await
        }
    }
}

/// Milestone rows the proposal form offers (more through the API).
pub const MILESTONE_ROWS: usize = 3;

/// Records what the agent understood (D1).
pub async fn understand(
    State(state): State<AppState>,
    user: super::PageUser,
    Path(number): Path<i64>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (actor, case) = super::case_form(
        &state,
        &user,
        number,
        &method,
        &headers,
        field(&fields, "_csrf"),
    )
    .await?;
    let parsed = (
        accord_core::agreement::Nature::parse(field(&fields, "nature")),
        accord_core::people::Party::parse(field(&fields, "responsible")),
    );
    let outcome = match parsed {
        (Some(nature), Some(responsible)) => {
            let understanding = accord_core::agreement::Understanding {
                problem: field(&fields, "problem").to_owned(),
                nature,
                responsible,
                note: field(&fields, "note").to_owned(),
            };
            state
                .store
                .record_understanding(&actor, case.id, &understanding, crate::now())
                .await
        }
        _ => Err(
            accord_core::DomainError::invalid("nature", "invalid", "choose from the list").into(),
        ),
    };
    back_to_case(&state, user, number, outcome, 9).await
}

/// Proposes an agreement (or an amendment) from the case page (D2).
pub async fn propose(
    State(state): State<AppState>,
    user: super::PageUser,
    Path(number): Path<i64>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (actor, case) = super::case_form(
        &state,
        &user,
        number,
        &method,
        &headers,
        field(&fields, "_csrf"),
    )
    .await?;
    let zone = state.config.time_zone.clone();
    let at = |text: &str| {
        text.parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(zone.clone()).ok())
            .map(|z| z.timestamp())
    };
    let mut milestones = Vec::new();
    let mut unreadable = None;
    for row in 0..MILESTONE_ROWS {
        let title = field(&fields, &format!("milestone_title_{row}")).trim();
        if title.is_empty() {
            continue;
        }
        let owner = field(&fields, &format!("milestone_owner_{row}"))
            .parse()
            .ok();
        let due = at(field(&fields, &format!("milestone_due_{row}")));
        match (owner, due) {
            (Some(owner), Some(due_at)) => {
                milestones.push(accord_core::agreement::MilestoneDraft {
                    title: title.to_owned(),
                    owner_id: accord_core::ids::UserId(owner),
                    due_at,
                    third_party: Some(field(&fields, &format!("milestone_third_{row}")).to_owned()),
                })
            }
            _ => unreadable = Some(format!("milestones/{row}/due_at")),
        }
    }
    let deadline = at(field(&fields, "deadline"));
    let outcome = match (deadline, unreadable) {
        (Some(deadline), None) => {
            let draft = accord_core::agreement::AgreementDraft {
                problem: field(&fields, "problem").to_owned(),
                outcome: field(&fields, "outcome").to_owned(),
                indicators: lines(field(&fields, "indicators")),
                deadline,
                milestones,
                contract_changes: lines(field(&fields, "contract_changes")),
            };
            state
                .store
                .propose_agreement(
                    &actor,
                    case.id,
                    draft,
                    &state.store.public_url(),
                    crate::now(),
                )
                .await
                .map(|_| ())
        }
        (None, _) => {
            Err(accord_core::DomainError::invalid("deadline", "invalid", "a date and time").into())
        }
        (_, Some(place)) => {
            Err(accord_core::DomainError::invalid(place, "invalid", "a date and time").into())
        }
    };
    back_to_case(&state, user, number, outcome, 8).await
}

/// A customer's answer from the portal's case page.
pub async fn answer_in_portal(
    State(state): State<AppState>,
    user: super::PageUser,
    Path((number, id)): Path<(i64, Uuid)>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (actor, _case) = super::case_form(
        &state,
        &user,
        number,
        &method,
        &headers,
        field(&fields, "_csrf"),
    )
    .await?;
    let reply = match field(&fields, "answer") {
        "accept" => Reply::Accept,
        _ => Reply::Discuss,
    };
    let answerer = if actor.role == accord_core::people::Role::Customer {
        Answerer::Portal(&actor)
    } else {
        Answerer::Staff(&actor)
    };
    let outcome = state
        .store
        .answer_agreement(answerer, id, reply, crate::now())
        .await;
    back_to_case(&state, user, number, outcome, 11).await
}

/// A milestone reached, from the case page (D3).
pub async fn reached(
    State(state): State<AppState>,
    user: super::PageUser,
    Path((number, id)): Path<(i64, Uuid)>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (actor, _case) = super::case_form(
        &state,
        &user,
        number,
        &method,
        &headers,
        field(&fields, "_csrf"),
    )
    .await?;
    let outcome = state
        .store
        .reach_milestone(&actor, id, field(&fields, "note"), crate::now())
        .await;
    back_to_case(&state, user, number, outcome, 10).await
}

/// Resolves the case with its explanation, from the case page (D4).
pub async fn resolve(
    State(state): State<AppState>,
    user: super::PageUser,
    Path(number): Path<i64>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (actor, case) = super::case_form(
        &state,
        &user,
        number,
        &method,
        &headers,
        field(&fields, "_csrf"),
    )
    .await?;
    let input = accord_store::resolution::ResolutionInput {
        cause: field(&fields, "cause").to_owned(),
        fix: field(&fields, "fix").to_owned(),
        prevention: field(&fields, "prevention").to_owned(),
        apology: field(&fields, "apology").to_owned(),
        thanks: field(&fields, "thanks").to_owned(),
    };
    let outcome = state
        .store
        .resolve_with_explanation(&actor, case.id, &input, crate::now())
        .await;
    back_to_case(&state, user, number, outcome, 12).await
}

pub struct ReviewRow {
    pub id: String,
    pub number: i64,
    pub organization: String,
    pub change: String,
    pub listed: String,
    pub done: Option<String>,
}

#[derive(Template)]
#[template(path = "contract_reviews.html")]
struct ReviewsPage {
    chrome: Chrome,
    rows: Vec<ReviewRow>,
}

/// The contract changes accepted agreements listed, for supervisors to carry into the
/// contracts (D2): the ones still to do first, then the last ones done.
pub async fn reviews(
    State(state): State<AppState>,
    user: super::PageUser,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(accord_core::access::Action::Supervise) {
        return Err(PageError::Forbidden(tr));
    }
    let zone = &state.config.time_zone;
    let rows = state
        .store
        .contract_reviews(&actor, false)
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|r| ReviewRow {
            id: r.id.to_string(),
            number: r.case_number,
            organization: r.organization.unwrap_or_default(),
            change: r.change,
            listed: tr.t1("reviews-listed", "when", &tr.datetime(r.created_at, zone)),
            done: r.reviewed_at.map(|at| {
                tr.args(
                    "reviews-done-by",
                    &[
                        (
                            "name",
                            Arg::Text(r.reviewed_by.as_deref().unwrap_or_default()),
                        ),
                        ("when", Arg::Text(&tr.datetime(at, zone))),
                    ],
                )
            }),
        })
        .collect();
    Ok(no_store(render(&ReviewsPage {
        chrome: user.chrome,
        rows,
    })))
}

/// A contract change carried into the contract.
pub async fn review_done(
    State(state): State<AppState>,
    user: super::PageUser,
    Path(id): Path<Uuid>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    super::check_form(&user, &method, &headers, field(&fields, "_csrf"))?;
    let actor = user.session.principal.actor();
    state
        .store
        .complete_contract_review(&actor, id, crate::now())
        .await
        .map_err(PageError::store(user.chrome.tr))?;
    Ok(axum::response::Redirect::to("/contract-reviews").into_response())
}
