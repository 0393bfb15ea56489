//! Surveys in the interface (PRODUCT.md E1, D6): the page a survey's emailed link opens —
//! one click in the email chooses the score and, with JavaScript, sends it at once (a
//! button does without; mail scanners that only fetch the link send nothing) — the
//! customer's own surveys in the portal, and the results page of supervisors, from which
//! a survey is also sent to an organization's contacts.

use accord_core::access::Action;
use accord_core::ids::OrganizationId;
use accord_core::language::Language;
use accord_i18n::{Arg, Tr};
use accord_store::signing::LinkError;
use accord_store::survey_results::{ResultsBy, SendSurvey};
use accord_store::surveys::{SurveyAnswer, SurveyAnswerer, SurveyRequestView};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use uuid::Uuid;

use super::form_field as field;
use super::login::{anonymous_chrome, check_anonymous_form, fresh_form_token};
use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;

pub struct ScoreChoice {
    pub value: i64,
    /// The end's meaning beside the lowest and highest score.
    pub label: String,
    pub checked: bool,
}

pub struct QuestionShown {
    pub id: String,
    pub text: String,
    pub choices: Vec<ScoreChoice>,
}

#[derive(Template)]
#[template(path = "survey.html")]
struct SurveyPage {
    chrome: Chrome,
    id: String,
    title: String,
    case_line: Option<String>,
    questions: Vec<QuestionShown>,
    token: String,
    comment: String,
    can_answer: bool,
    /// Send on opening: the one question was answered by the email's link.
    send_now: bool,
    anonymous: bool,
    problems: Vec<String>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct LinkQuery {
    t: Option<String>,
    score: Option<i64>,
}

fn questions(view: &SurveyRequestView, chosen: &[(String, i64)]) -> Vec<QuestionShown> {
    view.questions
        .iter()
        .map(|q| {
            let picked = chosen.iter().find(|(id, _)| id == &q.id).map(|(_, s)| *s);
            QuestionShown {
                id: q.id.clone(),
                text: q.text.clone(),
                choices: (view.low..=view.high)
                    .map(|value| ScoreChoice {
                        value,
                        label: if value == view.low {
                            view.low_label.clone()
                        } else if value == view.high {
                            view.high_label.clone()
                        } else {
                            String::new()
                        },
                        checked: picked == Some(value),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn page(chrome: Chrome, view: &SurveyRequestView, chosen: &[(String, i64)]) -> SurveyPage {
    let tr = chrome.tr;
    let open = view.answered_at.is_none();
    SurveyPage {
        id: view.id.to_string(),
        title: view.title.clone(),
        case_line: view
            .case_number
            .map(|n| tr.t1("survey-page-case", "number", &n.to_string())),
        questions: questions(view, chosen),
        token: String::new(),
        comment: String::new(),
        can_answer: open,
        send_now: false,
        anonymous: view.anonymous,
        problems: Vec::new(),
        notice: (!open).then(|| tr.t("survey-already-answered")),
        chrome,
    }
}

/// Why a link does not open anything, said plainly (never a 500).
fn refused(chrome: Chrome, jar: CookieJar, error: LinkError) -> Response {
    let (status, key) = match error {
        LinkError::Invalid => (StatusCode::BAD_REQUEST, "survey-link-invalid"),
        LinkError::Expired => (StatusCode::GONE, "survey-link-expired"),
    };
    let page = SurveyPage {
        problems: vec![chrome.tr.t(key)],
        title: chrome.tr.t("survey-page-title"),
        chrome,
        id: String::new(),
        case_line: None,
        questions: Vec::new(),
        token: String::new(),
        comment: String::new(),
        can_answer: false,
        send_now: false,
        anonymous: false,
        notice: None,
    };
    no_store((status, jar, render(&page)).into_response())
}

fn in_its_language(chrome: &mut Chrome, view: &SurveyRequestView) {
    chrome.tr = Tr::new(Language::from_tag(&view.language).unwrap_or(chrome.tr.language));
}

/// The page a survey's emailed link opens, in the language it was sent in; `score` is the
/// one the customer clicked in the email.
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
    let found = match id.parse::<Uuid>() {
        Ok(id) => state
            .store
            .survey_by_link(id, &token, crate::now())
            .await
            .map_err(PageError::store(chrome.tr))?,
        Err(_) => Err(LinkError::Invalid),
    };
    let view = match found {
        Ok(view) => view,
        Err(e) => return Ok(refused(chrome, jar, e)),
    };
    in_its_language(&mut chrome, &view);
    let headline = view.questions.first().map(|q| q.id.clone());
    let chosen: Vec<(String, i64)> = match (headline, q.score) {
        (Some(id), Some(score)) if (view.low..=view.high).contains(&score) => vec![(id, score)],
        _ => Vec::new(),
    };
    let mut shown = page(chrome, &view, &chosen);
    shown.send_now = shown.can_answer && !chosen.is_empty() && view.questions.len() == 1;
    shown.token = token;
    Ok(no_store((jar, render(&shown)).into_response()))
}

/// The scores and comment of a survey form: `q_<question id>` fields.
fn answer_of(fields: &[(String, String)]) -> (SurveyAnswer, Vec<(String, i64)>) {
    let mut answer = SurveyAnswer::default();
    let mut chosen = Vec::new();
    for (name, value) in fields {
        if let Some(question) = name.strip_prefix("q_")
            && let Ok(score) = value.trim().parse::<i64>()
        {
            answer.scores.insert(question.to_owned(), score);
            chosen.push((question.to_owned(), score));
        } else if name == "comment" {
            answer.comment = Some(value.clone());
        }
    }
    (answer, chosen)
}

/// The answer from the link's page. Sending twice records it once.
pub async fn answer(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let tr = chrome.tr;
    chrome.csrf = check_anonymous_form(&state, &parts, &jar, field(&fields, "_csrf"), tr).await?;
    let token = field(&fields, "t").to_owned();
    let Ok(id) = id.parse::<Uuid>() else {
        return Ok(refused(chrome, jar, LinkError::Invalid));
    };
    let view = match state
        .store
        .survey_by_link(id, &token, crate::now())
        .await
        .map_err(PageError::store(tr))?
    {
        Ok(view) => view,
        Err(e) => return Ok(refused(chrome, jar, e)),
    };
    in_its_language(&mut chrome, &view);
    let tr = chrome.tr;
    let (answer, chosen) = answer_of(&fields);
    let outcome = state
        .store
        .answer_survey(id, SurveyAnswerer::Link(&token), &answer, crate::now())
        .await;
    let (status, notice, problems) = match outcome {
        Ok(Ok(done)) if done.already_answered => {
            (StatusCode::OK, tr.t("survey-already-answered"), Vec::new())
        }
        Ok(Ok(done)) if done.reopened => {
            (StatusCode::OK, tr.t("survey-thanks-reopened"), Vec::new())
        }
        Ok(Ok(_)) => (StatusCode::OK, tr.t("survey-thanks"), Vec::new()),
        Ok(Err(e)) => return Ok(refused(chrome, jar, e)),
        Err(accord_store::StoreError::Domain(accord_core::DomainError::Invalid(errors))) => {
            let problems = errors.iter().map(|e| tr.field_error(e)).collect();
            let mut shown = page(chrome, &view, &chosen);
            shown.problems = problems;
            shown.token = token;
            shown.comment = answer.comment.unwrap_or_default();
            return Ok(no_store(
                (StatusCode::UNPROCESSABLE_ENTITY, jar, render(&shown)).into_response(),
            ));
        }
        Err(e) => return Err(PageError::store(tr)(e)),
    };
    let mut shown = page(chrome, &view, &chosen);
    shown.can_answer = false;
    shown.questions.clear();
    shown.notice = Some(notice);
    shown.problems = problems;
    Ok(no_store((status, jar, render(&shown)).into_response()))
}

pub struct MySurveyRow {
    pub title: String,
    pub case_line: Option<String>,
    pub sent: String,
    pub link: Option<String>,
    pub answered: Option<String>,
}

#[derive(Template)]
#[template(path = "my_surveys.html")]
struct MySurveysPage {
    chrome: Chrome,
    rows: Vec<MySurveyRow>,
}

/// A customer's surveys: the open ones link to their page.
pub async fn mine(State(state): State<AppState>, user: PageUser) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let zone = &state.config.time_zone;
    let now = crate::now();
    let mut rows = Vec::new();
    for view in state
        .store
        .my_surveys(&actor)
        .await
        .map_err(PageError::store(tr))?
    {
        let open = view.answered_at.is_none() && now < view.expires_at;
        let link = if open {
            let token = state
                .store
                .my_survey_link(&actor, view.id)
                .await
                .map_err(PageError::store(tr))?;
            Some(format!("/surveys/{}?t={token}", view.id))
        } else {
            None
        };
        rows.push(MySurveyRow {
            title: view.title,
            case_line: view
                .case_number
                .map(|n| tr.t1("survey-page-case", "number", &n.to_string())),
            sent: tr.datetime(view.sent_at, zone),
            link,
            answered: view.answered_at.map(|at| tr.datetime(at, zone)),
        });
    }
    Ok(no_store(render(&MySurveysPage {
        chrome: user.chrome,
        rows,
    })))
}

#[derive(Deserialize, Default)]
pub struct ResultsQuery {
    survey: Option<String>,
    by: Option<ResultsBy>,
    days: Option<i64>,
    sent: Option<i64>,
    throttled: Option<i64>,
}

pub struct GroupRow {
    pub label: String,
    pub answers: i64,
    pub average: String,
    pub score: String,
    pub negative: i64,
}

#[derive(Template)]
#[template(path = "survey_results.html")]
struct ResultsPage {
    chrome: Chrome,
    surveys: Vec<(String, String, bool)>,
    groupings: Vec<(&'static str, String, bool)>,
    periods: Vec<(i64, String, bool)>,
    survey: String,
    by_label: String,
    total: Option<GroupRow>,
    sent: i64,
    rows: Vec<GroupRow>,
    questions: Vec<(String, String, i64)>,
    comments: Vec<(String, String, Option<i64>)>,
    organizations: Vec<(String, String)>,
    notice: Option<String>,
}

fn group_row(tr: Tr, by: ResultsBy, g: &accord_store::survey_results::ResultGroup) -> GroupRow {
    let label = match (&g.label, by) {
        (None, _) => tr.t("survey-results-unrecorded"),
        (Some(channel), ResultsBy::Channel) => tr.t(&format!("channel-{channel}")),
        (Some(label), _) => label.clone(),
    };
    GroupRow {
        label,
        answers: g.answers,
        average: format!("{:.1}", g.average),
        score: format!("{:.0}", g.score),
        negative: g.negative,
    }
}

/// A survey's results for supervisors, by case, agent, team, channel, policy version or
/// week, with the form that sends it to an organization.
pub async fn results(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<ResultsQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(Action::Supervise) {
        return Err(PageError::Forbidden(tr));
    }
    let err = PageError::store(tr);
    let now = crate::now();
    let policy = match state
        .store
        .governing_policy_version(None, now)
        .await
        .map_err(PageError::store(tr))?
    {
        Some(version) => Some(state.store.compiled_policy(version).await.map_err(err)?),
        None => None,
    };
    let all: Vec<(String, String)> = policy
        .iter()
        .flat_map(|p| p.surveys.iter())
        .map(|s| {
            let name = accord_policy::document::in_language(&s.name, tr.language.code());
            (s.id.clone(), name)
        })
        .collect();
    let chosen = q
        .survey
        .filter(|id| all.iter().any(|(s, _)| s == id))
        .or_else(|| all.first().map(|(id, _)| id.clone()))
        .unwrap_or_default();
    let by = q.by.unwrap_or_default();
    let days = q
        .days
        .filter(|d| super::supervision::PERIODS.contains(d))
        .unwrap_or(30);
    let results = if chosen.is_empty() {
        None
    } else {
        Some(
            state
                .store
                .survey_results(&actor, &chosen, by, days, now)
                .await
                .map_err(PageError::store(tr))?,
        )
    };
    let organizations = super::policy::organization_choices(&state, &actor, tr).await?;
    let notice = q.sent.map(|sent| {
        tr.args(
            "survey-send-done",
            &[
                ("count", Arg::Number(sent)),
                ("throttled", Arg::Number(q.throttled.unwrap_or_default())),
            ],
        )
    });
    let page = ResultsPage {
        surveys: all
            .iter()
            .map(|(id, name)| (id.clone(), name.clone(), *id == chosen))
            .collect(),
        groupings: ResultsBy::ALL
            .iter()
            .map(|b| {
                (
                    b.as_str(),
                    tr.t(&format!("survey-by-{}", b.as_str())),
                    *b == by,
                )
            })
            .collect(),
        periods: super::supervision::period_choices(tr, days),
        by_label: tr.t(&format!("survey-by-{}", by.as_str())),
        total: results.as_ref().map(|r| group_row(tr, by, &r.total)),
        sent: results.as_ref().map(|r| r.sent).unwrap_or_default(),
        rows: results
            .as_ref()
            .map(|r| r.groups.iter().map(|g| group_row(tr, by, g)).collect())
            .unwrap_or_default(),
        questions: results
            .as_ref()
            .map(|r| {
                r.questions
                    .iter()
                    .map(|qr| (qr.id.clone(), format!("{:.1}", qr.average), qr.answers))
                    .collect()
            })
            .unwrap_or_default(),
        comments: results
            .map(|r| {
                r.comments
                    .into_iter()
                    .map(|c| (c.comment, c.score.to_string(), c.case_number))
                    .collect()
            })
            .unwrap_or_default(),
        survey: chosen,
        organizations,
        notice,
        chrome: user.chrome,
    };
    Ok(no_store(render(&page)))
}

/// Sends a survey to an organization's contacts (or everyone's), then shows the results
/// page with how many were sent.
pub async fn send(
    State(state): State<AppState>,
    user: PageUser,
    Path(survey): Path<String>,
    method: axum::http::Method,
    headers: axum::http::HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    super::check_form(&user, &method, &headers, field(&fields, "_csrf"))?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let organization_id = match field(&fields, "organization_id") {
        "" => None,
        id => Some(OrganizationId(
            id.parse().map_err(|_| PageError::NotFound(tr))?,
        )),
    };
    let report = state
        .store
        .send_survey(
            &actor,
            &survey,
            &SendSurvey { organization_id },
            crate::now(),
        )
        .await
        .map_err(PageError::store(tr))?;
    Ok(Redirect::to(&format!(
        "/survey-results?survey={}&sent={}&throttled={}",
        super::urlencode(&survey),
        report.sent,
        report.throttled
    ))
    .into_response())
}
