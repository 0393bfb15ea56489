//! One case on one screen: the conversation, the reply/note/consult forms, the case's
//! details, and the customer's account (A3) beside it.

use accord_core::access::Action;
use accord_core::case::{Case, CasePatch, CaseStatus, Change, Priority};
use accord_core::entry::{EntryKind, NewEntry};
use accord_core::ids::{AttachmentId, EntryId, TeamId, UserId};
use accord_core::people::TeamKind;
use accord_i18n::{Arg, Tr};
use accord_store::StoreError;
use accord_store::cases::CaseFilter;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::errors::form_message;
use super::inbox::Row;
use super::{Chrome, PageError, PageUser, case_form, no_store, render};
use crate::AppState;

pub struct EntryView {
    pub id: String,
    pub kind: &'static str,
    pub heading: String,
    pub body: String,
    pub at: String,
    pub channel: String,
    pub internal: bool,
    pub open_question: bool,
    /// The email of a reply: its state (for the style) and what to say about it.
    pub delivery: Option<(&'static str, String)>,
    /// A received email with formatting: where to see it as sent.
    pub original: Option<String>,
    /// What Accord noticed or changed while reading a received email (staff only).
    pub reading_notes: Vec<String>,
}

pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct Promise {
    pub kind: String,
    pub text: String,
}

pub struct AccountView {
    pub contact_name: String,
    pub identities: Vec<String>,
    pub preferred_language: String,
    pub organization: Option<String>,
    pub facts: Vec<Fact>,
    pub promises: Vec<Promise>,
    pub responsibilities: Vec<Promise>,
    pub open_cases: String,
    pub other_cases: Vec<Row>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct HistoryItem {
    pub text: String,
    pub by: String,
    pub at: String,
    pub reason: Option<String>,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    chrome: Chrome,
    number: i64,
    title: String,
    subject: String,
    status_key: &'static str,
    status: String,
    priority_key: &'static str,
    priority: String,
    facts: Vec<Fact>,
    tags: Vec<String>,
    entries: Vec<EntryView>,
    can_reply: bool,
    can_internal: bool,
    can_update: bool,
    status_choices: Vec<Choice>,
    priority_choices: Vec<Choice>,
    team_choices: Vec<Choice>,
    assignee_choices: Vec<Choice>,
    departments: Vec<Choice>,
    account: Option<AccountView>,
    links: Vec<(i64, String, String)>,
    attachments: Vec<(String, String, String)>,
    history: Vec<HistoryItem>,
    clocks: Vec<super::clocks::ClockRow>,
    remedies: Option<super::remedies::RemediesView>,
    acknowledgement: Option<String>,
    problems: Vec<String>,
    notice: Option<String>,
    draft: String,
    draft_kind: String,
    /// Whether the reply box's text is shown as the customer will read it.
    preview: bool,
    guidance: Option<super::guidance::GuidanceView>,
    /// Understanding, agreement and milestones (D1–D3).
    resolution: super::agreements::ResolutionView,
    /// The case's language, for the `lang` of the reply box.
    language_code: &'static str,
}

/// What the reply and note boxes hold when the page is drawn again: the text a failed or
/// previewed form sent, or a template or policy text asked for by the URL.
#[derive(Default)]
pub(super) struct Draft {
    pub text: String,
    pub kind: String,
    pub preview: bool,
}

#[derive(Deserialize, Default)]
pub struct CaseQuery {
    saved: Option<u8>,
    /// A reply template to start the reply from.
    template: Option<String>,
    /// A policy text to put in the reply: `procedure:<id>` or `remedy:<id>`.
    insert: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    Query(q): Query<CaseQuery>,
) -> Result<Response, PageError> {
    let notice = match q.saved {
        Some(1) => Some(user.chrome.tr.t("case-saved")),
        Some(0) => Some(user.chrome.tr.t("case-nothing-changed")),
        Some(4) => Some(user.chrome.tr.t("ack-sent")),
        Some(5) => Some(user.chrome.tr.t("ack-already")),
        Some(6) => Some(user.chrome.tr.t("new-case-opened")),
        Some(7) => Some(user.chrome.tr.t("new-case-opened-files-refused")),
        Some(8) => Some(user.chrome.tr.t("agreement-proposed-notice")),
        Some(9) => Some(user.chrome.tr.t("understanding-saved")),
        Some(10) => Some(user.chrome.tr.t("milestone-reached-notice")),
        Some(11) => Some(user.chrome.tr.t("agreement-answered-notice")),
        Some(12) => Some(user.chrome.tr.t("resolution-sent-notice")),
        Some(_) => Some(user.chrome.tr.t("case-entry-posted")),
        None => None,
    };
    let asked = (q.template.is_some() || q.insert.is_some()).then_some(q);
    render_case(
        &state,
        user,
        number,
        Vec::new(),
        notice,
        Draft::default(),
        asked,
    )
    .await
}

async fn render_case(
    state: &AppState,
    user: PageUser,
    number: i64,
    problems: Vec<String>,
    notice: Option<String>,
    mut draft: Draft,
    asked: Option<CaseQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let err = || PageError::store(tr);
    let actor = user.session.principal.actor();
    let case = state
        .store
        .get_case_by_number(&actor, number)
        .await
        .map_err(err())?;
    let entries = state
        .store
        .list_entries(&actor, case.id)
        .await
        .map_err(err())?;
    let staff = actor.role.is_staff();
    let (teams, people, history) = if staff {
        (
            state.store.list_teams(&actor).await.map_err(err())?,
            state.store.list_staff(&actor).await.map_err(err())?,
            state
                .store
                .list_events(&actor, case.id)
                .await
                .map_err(err())?,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let authors: Vec<UserId> = entries
        .iter()
        .filter_map(|e| e.author_user_id)
        .chain(history.iter().filter_map(|h| h.actor_user_id))
        .collect();
    let contacts: Vec<_> = entries
        .iter()
        .filter_map(|e| e.author_contact_id)
        .chain([case.contact_id])
        .collect();
    let names = state
        .store
        .names(&contacts, &[], &authors, &[])
        .await
        .map_err(err())?;
    let zone = &state.config.time_zone;
    let team_name = |id: TeamId| {
        teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    let answered: Vec<EntryId> = entries.iter().filter_map(|e| e.answers_entry_id).collect();
    let deliveries = if staff {
        state
            .store
            .case_deliveries(&actor, case.id)
            .await
            .map_err(err())?
    } else {
        Vec::new()
    };
    let mails = state
        .store
        .case_mail(&actor, case.id)
        .await
        .map_err(err())?;

    let entry_views = entries
        .iter()
        .map(|e| {
            let name = match e.kind {
                EntryKind::Inbound => e
                    .author_contact_id
                    .and_then(|c| names.contacts.get(&c).cloned()),
                _ => e.author_user_id.and_then(|u| names.users.get(&u).cloned()),
            }
            .unwrap_or_default();
            let heading = match e.kind {
                EntryKind::Inbound => tr.t1("case-entry-inbound", "name", &name),
                EntryKind::Outbound => tr.t1("case-entry-outbound", "name", &name),
                EntryKind::Note => tr.t1("case-entry-note", "name", &name),
                EntryKind::ConsultQuestion => tr.args(
                    "case-entry-consult-question",
                    &[
                        ("name", Arg::Text(&name)),
                        (
                            "department",
                            Arg::Text(&e.department_id.map(team_name).unwrap_or_default()),
                        ),
                    ],
                ),
                EntryKind::ConsultAnswer => tr.t1("case-entry-consult-answer", "name", &name),
            };
            EntryView {
                id: e.id.to_string(),
                kind: e.kind.as_str(),
                heading,
                body: e.body.clone(),
                at: tr.datetime(e.created_at, zone),
                channel: tr.t(&format!("channel-{}", e.channel)),
                internal: !e.kind.is_public(),
                open_question: e.kind == EntryKind::ConsultQuestion && !answered.contains(&e.id),
                delivery: deliveries
                    .iter()
                    .find(|d| d.entry_id == Some(e.id))
                    .map(|d| delivery_text(tr, zone, d)),
                original: mails
                    .iter()
                    .find(|m| m.entry_id == e.id && m.has_html)
                    .map(|m| format!("/cases/{}/mail/{}", case.number, m.inbound_id)),
                reading_notes: mails
                    .iter()
                    .filter(|m| m.entry_id == e.id)
                    .flat_map(|m| {
                        let failed = m.authentication.as_ref().filter(|a| a.failed());
                        failed
                            .map(|a| super::mail::authentication_text(tr, a))
                            .into_iter()
                            .chain(m.notes.iter().map(|n| super::mail::note_text(tr, n)))
                    })
                    .collect(),
            }
        })
        .collect();

    let mut status_choices = vec![Choice {
        value: case.status.as_str().into(),
        label: tr.t(&format!("status-{}", case.status)),
        selected: true,
    }];
    status_choices.extend(case.status.allowed_next().iter().map(|s| Choice {
        value: s.as_str().into(),
        label: tr.t(&format!("status-{s}")),
        selected: false,
    }));
    let priority_choices = Priority::ALL
        .iter()
        .map(|p| Choice {
            value: p.as_str().into(),
            label: tr.t(&format!("priority-{p}")),
            selected: *p == case.priority,
        })
        .collect();
    let none = Choice {
        value: String::new(),
        label: tr.t("none"),
        selected: case.team_id.is_none(),
    };
    let team_choices = std::iter::once(none)
        .chain(
            teams
                .iter()
                .filter(|t| t.kind == TeamKind::Team)
                .map(|t| Choice {
                    value: t.id.to_string(),
                    label: t.name.clone(),
                    selected: Some(t.id) == case.team_id,
                }),
        )
        .collect();
    let unassigned = Choice {
        value: String::new(),
        label: tr.t("unassigned"),
        selected: case.assignee_id.is_none(),
    };
    let assignee_choices = std::iter::once(unassigned)
        .chain(people.iter().map(|p| Choice {
            value: p.id.to_string(),
            label: p.name.clone(),
            selected: Some(p.id) == case.assignee_id,
        }))
        .collect();
    let departments = teams
        .iter()
        .map(|t| Choice {
            value: t.id.to_string(),
            label: t.name.clone(),
            selected: false,
        })
        .collect();

    let account = if staff {
        Some(account_view(state, &user, &case).await?)
    } else {
        None
    };
    let links = state
        .store
        .list_links(&actor, case.id)
        .await
        .map_err(err())?
        .into_iter()
        .map(|l| {
            let key = if l.incoming {
                format!("link-incoming-{}", l.kind)
            } else {
                format!("link-{}", l.kind)
            };
            (l.other_number, tr.t(&key), l.other_subject)
        })
        .collect();
    let attachments = state
        .store
        .list_attachments(&actor, case.id)
        .await
        .map_err(err())?
        .into_iter()
        .map(|a| {
            (
                a.id.to_string(),
                a.filename,
                format!("{} KiB", (a.size + 1023) / 1024),
            )
        })
        .collect();
    let history = history
        .iter()
        .map(|h| HistoryItem {
            text: describe_change(tr, &h.change),
            by: h
                .actor_user_id
                .and_then(|u| names.users.get(&u))
                .map(|n| tr.t1("event-by", "name", n))
                .unwrap_or_default(),
            at: tr.datetime(h.at, zone),
            reason: h.reason.clone(),
        })
        .collect();
    let mut facts = vec![
        Fact {
            label: tr.t("case-channel"),
            value: tr.t(&format!("channel-{}", case.channel)),
        },
        Fact {
            label: tr.t("case-language"),
            value: case.language.endonym().to_owned(),
        },
        Fact {
            label: tr.t("case-created"),
            value: tr.datetime(case.created_at, zone),
        },
    ];
    if let Some(category) = &case.category {
        facts.push(Fact {
            label: tr.t("case-category"),
            value: category.clone(),
        });
    }
    if let Some(version) = case.policy_version {
        facts.push(Fact {
            label: tr.t("case-policy-version"),
            value: version.to_string(),
        });
    }
    let clocks = if staff {
        let views = state
            .store
            .case_clocks(&actor, case.id, crate::now())
            .await
            .map_err(err())?;
        super::clocks::clock_rows(tr, zone, &views)
    } else {
        Vec::new()
    };
    let remedies = super::remedies::remedies_view(state, tr, &actor, &case).await?;
    let acknowledgement = super::acknowledge::preview(state, tr, &actor, &case, staff).await?;
    let guidance = super::guidance::for_page(state, tr, &actor, &case).await?;
    let resolution = super::agreements::resolution_view(state, tr, &actor, &case, staff).await?;
    if let (Some(g), Some(q)) = (&guidance, &asked)
        && let Some(text) =
            super::guidance::GuidanceView::draft_for(g, q.template.as_deref(), q.insert.as_deref())
    {
        draft = Draft {
            text,
            kind: "outbound".to_owned(),
            preview: true,
        };
    }
    let page = CasePage {
        resolution,
        title: tr.args(
            "case-title",
            &[
                ("number", Arg::Number(case.number)),
                ("subject", Arg::Text(&case.subject)),
            ],
        ),
        number: case.number,
        subject: case.subject.clone(),
        status_key: case.status.as_str(),
        status: tr.t(&format!("status-{}", case.status)),
        priority_key: case.priority.as_str(),
        priority: tr.t(&format!("priority-{}", case.priority)),
        facts,
        tags: case.tags.clone(),
        entries: entry_views,
        can_reply: actor.can(Action::AddMessage),
        can_internal: actor.can(Action::AddInternalEntry),
        can_update: actor.can(Action::UpdateCase),
        status_choices,
        priority_choices,
        team_choices,
        assignee_choices,
        departments,
        account,
        links,
        attachments,
        history,
        clocks,
        remedies,
        acknowledgement,
        problems,
        notice,
        draft: draft.text,
        draft_kind: draft.kind,
        preview: draft.preview,
        language_code: case.language.code(),
        guidance: guidance
            .as_ref()
            .map(|g| super::guidance::view(tr, case.number, g)),
        chrome: user.chrome,
    };
    Ok(no_store(render(&page)))
}

fn describe_change(tr: Tr, change: &Change) -> String {
    let status = |s: CaseStatus| tr.t(&format!("status-{s}"));
    let priority = |p: Priority| tr.t(&format!("priority-{p}"));
    match change {
        Change::Status { from, to } => tr.args(
            "event-status",
            &[
                ("from", Arg::Text(&status(*from))),
                ("to", Arg::Text(&status(*to))),
            ],
        ),
        Change::Priority { from, to } => tr.args(
            "event-priority",
            &[
                ("from", Arg::Text(&priority(*from))),
                ("to", Arg::Text(&priority(*to))),
            ],
        ),
        Change::Language { from, to } => tr.args(
            "event-language",
            &[
                ("from", Arg::Text(from.endonym())),
                ("to", Arg::Text(to.endonym())),
            ],
        ),
        Change::TagAdded { tag } => tr.t1("event-tag_added", "tag", tag),
        Change::TagRemoved { tag } => tr.t1("event-tag_removed", "tag", tag),
        Change::CustomField { key, .. } => tr.t1("event-custom_field", "key", key),
        Change::EntryAdded { kind, .. } => {
            tr.t1("event-entry_added", "kind", &tr.t(&format!("entry-{kind}")))
        }
        Change::ClockBreached { clock } => tr.t1(
            "event-clock_breached",
            "clock",
            &tr.t(&format!("clock-{clock}")),
        ),
        Change::Escalated { level, .. } => tr.t1("event-escalated", "level", level),
        Change::Remedy {
            remedy,
            amount,
            unit,
            status,
            ..
        } => tr.args(
            "event-remedy",
            &[
                ("remedy", Arg::Text(remedy)),
                ("amount", Arg::Text(&amount.to_string())),
                ("unit", Arg::Text(unit)),
                (
                    "status",
                    Arg::Text(&tr.t(&format!("remedy-status-{status}-short"))),
                ),
            ],
        ),
        Change::MilestoneOverdue { title } => tr.t1("event-milestone_overdue", "title", title),
        Change::AgreementEmailRefused { version, reason } => tr.args(
            "event-agreement_email_refused",
            &[
                ("version", Arg::Number(i64::from(*version))),
                (
                    "reason",
                    Arg::Text(&tr.t(&format!("agreement-email-refused-{reason}"))),
                ),
            ],
        ),
        Change::FollowUp { survey, sent: true } => tr.t1("event-follow_up", "survey", survey),
        Change::FollowUp {
            survey,
            sent: false,
        } => tr.t1("event-follow_up-throttled", "survey", survey),
        Change::SurveyAnswered {
            survey,
            score,
            negative,
        } => tr.args(
            if *negative {
                "event-survey_answered-negative"
            } else {
                "event-survey_answered"
            },
            &[
                ("survey", Arg::Text(survey)),
                ("score", Arg::Text(&score.to_string())),
            ],
        ),
        other => tr.t(&format!("event-{}", other.kind())),
    }
}

async fn account_view(
    state: &AppState,
    user: &PageUser,
    case: &Case,
) -> Result<AccountView, PageError> {
    let tr = user.chrome.tr;
    let err = || PageError::store(tr);
    let actor = user.session.principal.actor();
    let contact = state
        .store
        .get_contact(&actor, case.contact_id)
        .await
        .map_err(err())?;
    let mut view = AccountView {
        contact_name: contact.name.clone(),
        identities: contact.identities.iter().map(|i| i.value.clone()).collect(),
        preferred_language: contact
            .preferred_language
            .map(|l| l.endonym().to_owned())
            .unwrap_or_else(|| tr.t("none")),
        organization: None,
        facts: Vec::new(),
        promises: Vec::new(),
        responsibilities: Vec::new(),
        open_cases: String::new(),
        other_cases: Vec::new(),
    };
    let Some(org_id) = case.organization_id else {
        return Ok(view);
    };
    let account = state.store.account(&actor, org_id).await.map_err(err())?;
    let org = &account.organization;
    view.organization = Some(org.name.clone());
    view.facts.push(Fact {
        label: tr.t("account-tier"),
        value: tr.t(&format!("tier-{}", org.tier)),
    });
    if let (Some(revenue), Some(currency)) = (org.annual_revenue_minor, &org.currency) {
        view.facts.push(Fact {
            label: tr.t("account-revenue"),
            value: tr.money(revenue, currency),
        });
    }
    if let Some(since) = org.customer_since {
        view.facts.push(Fact {
            label: tr.t("account-customer-since"),
            value: since.to_string(),
        });
    }
    if let Some(manager) = &account.account_manager_name {
        view.facts.push(Fact {
            label: tr.t("account-manager"),
            value: manager.clone(),
        });
    }
    if let Some(contract) = &org.contract_ref {
        view.facts.push(Fact {
            label: tr.t("account-contract"),
            value: contract.clone(),
        });
    }
    if let Some(billing) = &org.billing_notes {
        view.facts.push(Fact {
            label: tr.t("account-billing"),
            value: billing.clone(),
        });
    }
    view.promises = account
        .expectations
        .iter()
        .map(|e| Promise {
            kind: tr.t(&format!("expectation-{}", e.kind)),
            text: e.description.clone(),
        })
        .collect();
    view.responsibilities = account
        .responsibilities
        .iter()
        .map(|r| Promise {
            kind: format!("{} — {}", r.area, tr.t(&format!("party-{}", r.party))),
            text: r.description.clone(),
        })
        .collect();
    view.open_cases = tr.count("account-open-cases", account.open_cases);
    let filter = CaseFilter {
        organization: Some(org_id),
        limit: 11,
        ..CaseFilter::default()
    };
    let others: Vec<Case> = state
        .store
        .list_cases(&actor, &filter)
        .await
        .map_err(err())?
        .into_iter()
        .filter(|c| c.id != case.id)
        .take(10)
        .collect();
    view.other_cases = super::inbox::rows(state, user, &others).await?;
    Ok(view)
}

#[derive(Deserialize)]
pub struct EntryForm {
    kind: String,
    body: String,
    department_id: Option<String>,
    answers_entry_id: Option<String>,
    /// Set by the reply form's "Preview" button: show the text, send nothing.
    preview: Option<String>,
    #[serde(rename = "_csrf")]
    csrf: String,
}

fn optional_id<T: std::str::FromStr>(value: Option<&str>) -> Option<T> {
    value.filter(|v| !v.is_empty()).and_then(|v| v.parse().ok())
}

pub async fn add_entry(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<EntryForm>,
) -> Result<Response, PageError> {
    let (actor, case) = case_form(&state, &user, number, &method, &headers, &form.csrf).await?;
    let tr = user.chrome.tr;
    let kind = EntryKind::parse(&form.kind).ok_or(PageError::Forbidden(tr))?;
    if form.preview.is_some() {
        let draft = Draft {
            text: form.body,
            kind: form.kind,
            preview: true,
        };
        return render_case(&state, user, number, Vec::new(), None, draft, None).await;
    }
    let entry = NewEntry {
        kind,
        body: form.body.clone(),
        channel: None,
        department_id: optional_id(form.department_id.as_deref()),
        answers_entry_id: optional_id(form.answers_entry_id.as_deref()),
    };
    match state
        .store
        .add_entry(&actor, case.id, &entry, crate::now())
        .await
    {
        Ok(entry) => Ok(
            Redirect::to(&format!("/cases/{number}?saved=2#entry-{}", entry.id)).into_response(),
        ),
        Err(e) => form_failure(&state, user, number, e, form.body, form.kind).await,
    }
}

pub(super) async fn form_failure(
    state: &AppState,
    user: PageUser,
    number: i64,
    error: StoreError,
    draft: String,
    kind: String,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    match form_message(tr, &error) {
        Some(problems) => {
            let draft = Draft {
                text: draft,
                kind,
                preview: false,
            };
            let mut response =
                render_case(state, user, number, problems, None, draft, None).await?;
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        None => Err(PageError::store(tr)(error)),
    }
}

#[derive(Deserialize)]
pub struct UpdateForm {
    status: Option<String>,
    priority: Option<String>,
    team_id: Option<String>,
    assignee_id: Option<String>,
    reason: Option<String>,
    #[serde(rename = "_csrf")]
    csrf: String,
}

pub async fn update(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<UpdateForm>,
) -> Result<Response, PageError> {
    let (actor, case) = case_form(&state, &user, number, &method, &headers, &form.csrf).await?;
    let tr = user.chrome.tr;
    let assignee = match form.assignee_id.as_deref() {
        Some("me") => Some(Some(actor.user_id)),
        Some("") => Some(None),
        Some(id) => Some(Some(id.parse().map_err(|_| PageError::NotFound(tr))?)),
        None => None,
    };
    let team = match form.team_id.as_deref() {
        Some("") => Some(None),
        Some(id) => Some(Some(id.parse().map_err(|_| PageError::NotFound(tr))?)),
        None => None,
    };
    let patch = CasePatch {
        status: form.status.as_deref().and_then(CaseStatus::parse),
        priority: form.priority.as_deref().and_then(Priority::parse),
        team_id: team,
        assignee_id: assignee,
        reason: form.reason.filter(|r| !r.trim().is_empty()),
        ..CasePatch::default()
    };
    match state
        .store
        .update_case(&actor, case.id, &patch, crate::now())
        .await
    {
        Ok((_, changes)) => Ok(Redirect::to(&format!(
            "/cases/{number}?saved={}",
            u8::from(!changes.is_empty())
        ))
        .into_response()),
        Err(e) => form_failure(&state, user, number, e, String::new(), String::new()).await,
    }
}

pub async fn download(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let id: AttachmentId = id.parse().map_err(|_| PageError::NotFound(tr))?;
    let (attachment, bytes) = state
        .store
        .read_attachment(&user.session.principal.actor(), id)
        .await
        .map_err(PageError::store(tr))?;
    Ok(crate::attachment_response(&attachment, bytes))
}

/// "Email sent to …", "Email waiting to be sent (attempt 3 failed: …)", "Email bounced: …".
fn delivery_text(
    tr: accord_i18n::Tr,
    zone: &jiff::tz::TimeZone,
    d: &accord_store::mail::Delivery,
) -> (&'static str, String) {
    use accord_store::mail::DeliveryState;
    let error = d.last_error.clone().unwrap_or_default();
    match d.state {
        DeliveryState::Sent => {
            let at = d.sent_at.map(|t| tr.datetime(t, zone)).unwrap_or_default();
            (
                "sent",
                tr.args(
                    "mail-delivery-sent",
                    &[("to", Arg::Text(&d.recipient)), ("at", Arg::Text(&at))],
                ),
            )
        }
        DeliveryState::Queued if d.attempts == 0 => {
            ("queued", tr.t1("mail-delivery-queued", "to", &d.recipient))
        }
        DeliveryState::Queued => {
            let attempts = d.attempts.to_string();
            (
                "retrying",
                tr.args(
                    "mail-delivery-retrying",
                    &[
                        ("attempts", Arg::Text(&attempts)),
                        ("error", Arg::Text(&error)),
                    ],
                ),
            )
        }
        DeliveryState::Failed => ("failed", tr.t1("mail-delivery-failed", "error", &error)),
        DeliveryState::Bounced => ("bounced", tr.t1("mail-delivery-bounced", "error", &error)),
    }
}
