//! The service policy in the interface (PRODUCT.md B2, B3, H2): the versions, a version with
//! its briefing and acknowledgements, and the draft editor with the check on every save.

use accord_core::access::Action;
use accord_i18n::{Arg, Tr};
use accord_policy::Severity;
use accord_store::StoreError;
use accord_store::policies::{PolicyVersion, VersionStatus};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::DateTime;
use serde::Deserialize;

use super::errors::form_message;
use super::{Chrome, PageError, PageUser, check_form, no_store, render};
use crate::AppState;

pub struct VersionRow {
    pub number: i64,
    pub name: String,
    pub status: String,
    pub effective: String,
    pub in_force: bool,
}

#[derive(serde::Serialize)]
pub struct FindingLine {
    pub error: bool,
    pub place: String,
    pub message: String,
}

pub struct AckRow {
    pub name: String,
    pub at: Option<String>,
}

#[derive(Template)]
#[template(path = "policy_list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<VersionRow>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "policy_version.html")]
struct VersionPage {
    chrome: Chrome,
    /// The customer-facing texts' form (drafts, for policy managers).
    texts: Vec<super::policy_texts::TextRow>,
    /// The rules' settings form (drafts, for policy managers).
    settings: Vec<super::policy_settings::RuleSettings>,
    number: i64,
    name: String,
    status: String,
    is_draft: bool,
    can_manage: bool,
    effective: String,
    briefing: String,
    source: String,
    grace: Vec<String>,
    findings: Vec<FindingLine>,
    checked: bool,
    problems: Vec<String>,
    notice: Option<String>,
    my_ack: Option<String>,
    acks: Vec<AckRow>,
    ack_summary: String,
    effective_input: String,
    changes: super::policy_changes::Changes,
    /// Organizations that may be given a grace period: (id, name).
    organizations: Vec<(String, String)>,
    /// Empty grace rows offered in the publish form.
    grace_slots: Vec<usize>,
}

fn status_label(tr: &Tr, status: VersionStatus) -> String {
    match status {
        VersionStatus::Draft => tr.t("policy-status-draft"),
        VersionStatus::Published => tr.t("policy-status-published"),
    }
}

pub(super) fn finding_lines(tr: &Tr, findings: &[accord_policy::Finding]) -> Vec<FindingLine> {
    findings
        .iter()
        .map(|f| FindingLine {
            error: f.severity == Severity::Error,
            place: if f.line == 0 {
                String::new()
            } else {
                tr.args(
                    "policy-place",
                    &[
                        ("line", Arg::Number(f.line as i64)),
                        ("column", Arg::Number(f.column as i64)),
                    ],
                )
            },
            message: tr.policy_finding(f.code, &f.args),
        })
        .collect()
}

pub async fn list(State(state): State<AppState>, user: PageUser) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let versions = state
        .store
        .list_policy_versions(&actor)
        .await
        .map_err(PageError::store(tr))?;
    let in_force = state
        .store
        .governing_policy_version(None, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    let zone = &state.config.time_zone;
    let rows = versions
        .iter()
        .map(|v| VersionRow {
            number: v.number,
            name: v.name.clone(),
            status: status_label(&tr, v.status),
            effective: v
                .effective_at
                .map(|t| tr.datetime(t, zone))
                .unwrap_or_default(),
            in_force: Some(v.number) == in_force,
        })
        .collect();
    Ok(no_store(render(&ListPage {
        can_manage: actor.can(Action::ManagePolicy),
        chrome: user.chrome,
        rows,
    })))
}

struct Shown {
    findings: Vec<accord_policy::Finding>,
    checked: bool,
    problems: Vec<String>,
    notice: Option<String>,
    /// The text typed in the editor, kept when a save fails.
    draft: Option<(String, String)>,
    /// The version to show the changes against (default: see `Store::policy_diff`).
    against: Option<i64>,
}

async fn version_page(
    state: &AppState,
    user: PageUser,
    number: i64,
    shown: Shown,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let version: PolicyVersion = state
        .store
        .get_policy_version(&actor, number)
        .await
        .map_err(PageError::store(tr))?;
    let zone = &state.config.time_zone;
    let can_manage = actor.can(Action::ManagePolicy);
    let mut acks = Vec::new();
    let mut my_ack = None;
    let mut ack_summary = String::new();
    if version.status == VersionStatus::Published {
        let all = state
            .store
            .policy_acknowledgements(&actor, number)
            .await
            .map_err(PageError::store(tr))?;
        my_ack = all
            .iter()
            .find(|a| a.user_id == actor.user_id)
            .and_then(|a| a.acknowledged_at)
            .map(|t| tr.datetime(t, zone));
        let done = all.iter().filter(|a| a.acknowledged_at.is_some()).count();
        ack_summary = tr.args(
            "policy-ack-count",
            &[
                ("done", Arg::Number(done as i64)),
                ("total", Arg::Number(all.len() as i64)),
            ],
        );
        if can_manage {
            acks = all
                .into_iter()
                .map(|a| AckRow {
                    name: a.name,
                    at: a.acknowledged_at.map(|t| tr.datetime(t, zone)),
                })
                .collect();
        }
    }
    let orgs: Vec<_> = version.grace.iter().map(|g| g.organization_id).collect();
    let names = state
        .store
        .names(&[], &orgs, &[], &[])
        .await
        .map_err(PageError::store(tr))?;
    let grace = version
        .grace
        .iter()
        .map(|g| {
            let org = names
                .organizations
                .get(&g.organization_id)
                .cloned()
                .unwrap_or_default();
            tr.args(
                "policy-grace-row",
                &[
                    ("organization", Arg::Text(&org)),
                    ("date", Arg::Text(&tr.datetime(g.until, zone))),
                ],
            )
        })
        .collect();
    let (source, briefing) = shown
        .draft
        .unwrap_or((version.source.clone(), version.briefing.clone()));
    // Drafts are checked on display too, so the findings stay next to the text.
    let (findings, checked) = if shown.checked || version.status == VersionStatus::Published {
        (shown.findings, shown.checked)
    } else {
        (
            accord_policy::check_policy(&source, Some(crate::now().to_zoned(zone.clone()).date()))
                .findings,
            true,
        )
    };
    let changes =
        super::policy_changes::changes(&state.store, tr, &actor, number, shown.against).await?;
    let organizations = if can_manage && version.status == VersionStatus::Draft {
        organization_choices(state, &actor, tr).await?
    } else {
        Vec::new()
    };
    let (texts, settings) = if can_manage && version.status == VersionStatus::Draft {
        (
            super::policy_texts::rows(tr, &source),
            super::policy_settings::rule_rows(tr, &source, &findings),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let page = VersionPage {
        texts,
        settings,
        changes,
        organizations,
        grace_slots: (0..GRACE_SLOTS).collect(),
        number,
        name: version.name.clone(),
        status: status_label(&tr, version.status),
        is_draft: version.status == VersionStatus::Draft,
        can_manage,
        effective: version
            .effective_at
            .map(|t| tr.datetime(t, zone))
            .unwrap_or_default(),
        briefing,
        source,
        grace,
        findings: finding_lines(&tr, &findings),
        checked,
        problems: shown.problems,
        notice: shown.notice,
        my_ack,
        acks,
        ack_summary,
        effective_input: crate::now()
            .to_zoned(zone.clone())
            .datetime()
            .strftime("%Y-%m-%dT%H:%M")
            .to_string(),
        chrome: user.chrome,
    };
    Ok(no_store(render(&page)))
}

/// Grace periods the publish form offers at once (more through the API).
const GRACE_SLOTS: usize = 3;

#[derive(Deserialize)]
pub struct Notice {
    saved: Option<String>,
    against: Option<i64>,
}

pub async fn show(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<Notice>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let notice = q.saved.as_deref().map(|what| match what {
        "published" => tr.t("policy-published-notice"),
        "acknowledged" => tr.t("policy-acknowledged-notice"),
        _ => tr.t("policy-saved"),
    });
    version_page(
        &state,
        user,
        number,
        Shown {
            findings: vec![],
            checked: false,
            problems: vec![],
            notice,
            draft: None,
            against: q.against,
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct DraftForm {
    #[serde(rename = "_csrf")]
    csrf: String,
    source: String,
    #[serde(default)]
    briefing: String,
}

/// A new draft, from the version in force (or the example) so nobody starts from nothing.
pub async fn create(
    State(state): State<AppState>,
    user: PageUser,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<DraftForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let (version, _) = state
        .store
        .create_policy_draft(&actor, &form.source, &form.briefing, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    Ok(Redirect::to(&format!("/policy/{}", version.number)).into_response())
}

pub async fn save(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<DraftForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    save_source(&state, user, number, form.source, form.briefing).await
}

/// Saves a draft's source and briefing; shows the draft with its findings, or what to fix.
pub(super) async fn save_source(
    state: &AppState,
    user: PageUser,
    number: i64,
    source: String,
    briefing: String,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    match state
        .store
        .update_policy_draft(&actor, number, &source, &briefing, crate::now())
        .await
    {
        Ok((_, findings)) => {
            let notice = Some(tr.t("policy-saved"));
            version_page(
                state,
                user,
                number,
                Shown {
                    findings,
                    checked: true,
                    problems: vec![],
                    notice,
                    draft: None,
                    against: None,
                },
            )
            .await
        }
        Err(e) => failure(state, user, number, e, Some((source, briefing))).await,
    }
}

/// The draft page with problems to fix above it (nothing saved), keeping the typed `draft`
/// (source, briefing) when there is one.
pub(super) async fn show_with_problems(
    state: &AppState,
    user: PageUser,
    number: i64,
    problems: Vec<String>,
    draft: Option<(String, String)>,
) -> Result<Response, PageError> {
    version_page(
        state,
        user,
        number,
        Shown {
            findings: vec![],
            checked: false,
            problems,
            notice: None,
            draft,
            against: None,
        },
    )
    .await
}

async fn failure(
    state: &AppState,
    user: PageUser,
    number: i64,
    e: StoreError,
    draft: Option<(String, String)>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    match form_message(tr, &e) {
        Some(problems) => show_with_problems(state, user, number, problems, draft).await,
        None => Err(PageError::store(tr)(e)),
    }
}

/// The values of a form field that may repeat, in order, trimmed.
fn form_values<'a>(
    fields: &'a [(String, String)],
    name: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    fields
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.trim())
}

/// The publish form: `_csrf`, `effective_at` and, repeated per grace row,
/// `grace_organization` and `grace_until` (rows left empty are skipped). Times are
/// `YYYY-MM-DDTHH:MM` in the installation's time zone (HTML datetime-local fields).
pub async fn publish(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let field = |name: &'static str| form_values(&fields, name);
    check_form(
        &user,
        &method,
        &headers,
        field("_csrf").next().unwrap_or(""),
    )?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let zone = state.config.time_zone.clone();
    let at = |text: &str| {
        text.parse::<DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(zone.clone()).ok())
            .map(|z| z.timestamp())
    };
    let mut problems = Vec::new();
    let effective = at(field("effective_at").next().unwrap_or(""));
    if effective.is_none() {
        problems.push(tr.t("policy-effective-invalid"));
    }
    let mut grace = Vec::new();
    for (row, (organization, until)) in field("grace_organization")
        .zip(field("grace_until"))
        .enumerate()
    {
        let row = (row + 1) as i64;
        match (organization.is_empty(), until.is_empty()) {
            (true, true) => {}
            (false, false) => match (organization.parse(), at(until)) {
                (Ok(id), Some(until)) => grace.push(accord_store::policies::Grace {
                    organization_id: accord_core::ids::OrganizationId(id),
                    until,
                }),
                _ => problems.push(tr.args("policy-grace-invalid", &[("row", Arg::Number(row))])),
            },
            _ => problems.push(tr.args("policy-grace-incomplete", &[("row", Arg::Number(row))])),
        }
    }
    let Some(effective) = effective.filter(|_| problems.is_empty()) else {
        return version_page(
            &state,
            user,
            number,
            Shown {
                findings: vec![],
                checked: false,
                problems,
                notice: None,
                draft: None,
                against: None,
            },
        )
        .await;
    };
    match state
        .store
        .publish_policy(&actor, number, effective, &grace, crate::now())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/policy/{number}?saved=published")).into_response()),
        Err(e) => failure(&state, user, number, e, None).await,
    }
}

pub async fn acknowledge(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    state
        .store
        .acknowledge_policy(&actor, number, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    Ok(Redirect::to(&format!("/policy/{number}?saved=acknowledged")).into_response())
}

/// The form for a new draft, prefilled with the version in force.
pub async fn new_form(
    State(state): State<AppState>,
    user: PageUser,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    actor
        .require(Action::ManagePolicy)
        .map_err(|e| PageError::store(tr)(e.into()))?;
    let in_force = state
        .store
        .governing_policy_version(None, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    let source = match in_force {
        Some(n) => {
            state
                .store
                .get_policy_version(&actor, n)
                .await
                .map_err(PageError::store(tr))?
                .source
        }
        None => String::new(),
    };
    Ok(no_store(render(&NewPage {
        chrome: user.chrome,
        source,
    })))
}

#[derive(Template)]
#[template(path = "policy_new.html")]
struct NewPage {
    chrome: Chrome,
    source: String,
}

/// The organizations a form offers (id, name): the first 500 by name.
pub(super) async fn organization_choices(
    state: &AppState,
    actor: &accord_core::access::Actor,
    tr: accord_i18n::Tr,
) -> Result<Vec<(String, String)>, PageError> {
    Ok(state
        .store
        .list_organizations(actor, 500, 0)
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|o| (o.id.to_string(), o.name))
        .collect())
}
