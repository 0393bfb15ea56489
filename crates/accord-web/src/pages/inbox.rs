//! The inbox: saved views (mine, my teams, unassigned, open, all), a status filter and
//! cursor paging.

use accord_core::case::{Case, CaseStatus};
use accord_store::cases::CaseFilter;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;
use crate::api::{decode_cursor, encode_cursor};

pub const PAGE_SIZE: u32 = 50;

#[derive(Deserialize, Default)]
pub struct InboxQuery {
    view: Option<String>,
    status: Option<String>,
    before: Option<String>,
}

pub struct Row {
    pub number: i64,
    pub subject: String,
    pub customer: String,
    pub organization: String,
    pub status_key: &'static str,
    pub status: String,
    pub priority_key: &'static str,
    pub priority: String,
    pub assignee: String,
    pub channel: String,
    pub language: &'static str,
    pub updated: String,
}

pub struct Tab {
    pub view: &'static str,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    chrome: Chrome,
    tabs: Vec<Tab>,
    view: String,
    statuses: Vec<(&'static str, String, bool)>,
    rows: Vec<Row>,
    count_label: String,
    next: Option<String>,
}

const VIEWS: [(&str, &str); 5] = [
    ("mine", "inbox-view-mine"),
    ("team", "inbox-view-team"),
    ("unassigned", "inbox-view-unassigned"),
    ("open", "inbox-view-open"),
    ("all", "inbox-view-all"),
];

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<InboxQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let default_view = if actor.role.is_staff() {
        "mine"
    } else {
        "open"
    };
    let view = VIEWS
        .iter()
        .map(|(v, _)| *v)
        .find(|v| Some(*v) == q.view.as_deref())
        .unwrap_or(default_view);
    let status = q.status.as_deref().and_then(CaseStatus::parse);
    let mut filter = CaseFilter {
        limit: PAGE_SIZE,
        open_only: view != "all",
        ..CaseFilter::default()
    };
    match view {
        "mine" => filter.assignee = Some(Some(actor.user_id)),
        "team" => filter.teams_of = Some(actor.user_id),
        "unassigned" => filter.assignee = Some(None),
        _ => {}
    }
    if let Some(s) = status {
        filter.statuses = vec![s];
        filter.open_only = false;
    }
    filter.before = q.before.as_deref().and_then(decode_cursor);
    let cases = state
        .store
        .list_cases(&actor, &filter)
        .await
        .map_err(PageError::store(tr))?;
    let next = (cases.len() == PAGE_SIZE as usize)
        .then(|| cases.last().map(encode_cursor))
        .flatten();
    let rows = rows(&state, &user, &cases).await?;
    let tabs = VIEWS
        .iter()
        .filter(|(v, _)| actor.role.is_staff() || matches!(*v, "open" | "all"))
        .map(|(v, key)| Tab {
            view: v,
            label: tr.t(key),
            current: *v == view,
        })
        .collect();
    let statuses = CaseStatus::ALL
        .iter()
        .map(|s| (s.as_str(), tr.t(&format!("status-{s}")), Some(*s) == status))
        .collect();
    let page = InboxPage {
        count_label: tr.count("inbox-count", rows.len() as i64),
        chrome: user.chrome,
        tabs,
        view: view.to_owned(),
        statuses,
        rows,
        next,
    };
    Ok(no_store(render(&page)))
}

/// Table rows for cases, with the names of their customers, organizations and assignees.
pub async fn rows(
    state: &AppState,
    user: &PageUser,
    cases: &[Case],
) -> Result<Vec<Row>, PageError> {
    let tr = user.chrome.tr;
    let contacts: Vec<_> = cases.iter().map(|c| c.contact_id).collect();
    let orgs: Vec<_> = cases.iter().filter_map(|c| c.organization_id).collect();
    let users: Vec<_> = cases.iter().filter_map(|c| c.assignee_id).collect();
    let names = state
        .store
        .names(&contacts, &orgs, &users, &[])
        .await
        .map_err(PageError::store(tr))?;
    let zone = &state.config.time_zone;
    Ok(cases
        .iter()
        .map(|c| Row {
            number: c.number,
            subject: c.subject.clone(),
            customer: names
                .contacts
                .get(&c.contact_id)
                .cloned()
                .unwrap_or_default(),
            organization: c
                .organization_id
                .and_then(|o| names.organizations.get(&o).cloned())
                .unwrap_or_default(),
            status_key: c.status.as_str(),
            status: tr.t(&format!("status-{}", c.status)),
            priority_key: c.priority.as_str(),
            priority: tr.t(&format!("priority-{}", c.priority)),
            assignee: c
                .assignee_id
                .and_then(|u| names.users.get(&u).cloned())
                .unwrap_or_else(|| tr.t("unassigned")),
            channel: tr.t(&format!("channel-{}", c.channel)),
            language: c.language.code(),
            updated: tr.datetime(c.updated_at, zone),
        })
        .collect())
}
