//! The inbox: saved views (mine, my teams, unassigned, breaching soon, waiting on the
//! customer, awaiting approval, open, all), filters by status, priority, language, channel
//! and tag, sorting by last update or soonest clock, cursor paging, and bulk assign/close.

use accord_core::case::{Case, CaseStatus, Channel, Priority};
use accord_core::language::Language;
use accord_store::cases::{CaseFilter, CaseSort, NO_CLOCK_DUE};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;
use crate::api::{decode_cursor, encode_cursor};

pub const PAGE_SIZE: u32 = 50;

/// How far ahead "breaching soon" looks.
const BREACHING_WITHIN: jiff::SignedDuration = jiff::SignedDuration::from_hours(4);

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct InboxQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// After a bulk action: how many cases changed and how many could not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<u32>,
}

impl InboxQuery {
    /// This list's address without paging or bulk results: where paging and bulk forms return.
    pub fn list_address(&self) -> String {
        let plain = InboxQuery {
            before: None,
            after: None,
            done: None,
            failed: None,
            ..self.clone()
        };
        let query = serde_urlencoded::to_string(&plain).unwrap_or_default();
        if query.is_empty() {
            "/inbox".into()
        } else {
            format!("/inbox?{query}")
        }
    }
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
    pub channel_key: &'static str,
    pub channel: String,
    pub language: &'static str,
    pub updated: String,
    pub updated_exact: String,
    /// The soonest running clock: in words, exactly, and whether it is already past.
    pub due: Option<(String, String, bool)>,
}

pub struct Tab {
    pub view: &'static str,
    pub label: String,
    pub current: bool,
}

/// One `<option>`: value, label, selected.
pub type Choice = (String, String, bool);

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    chrome: Chrome,
    tabs: Vec<Tab>,
    view: String,
    statuses: Vec<Choice>,
    priorities: Vec<Choice>,
    languages: Vec<Choice>,
    channels: Vec<Choice>,
    sorts: Vec<Choice>,
    tag: String,
    rows: Vec<Row>,
    count_label: String,
    next: Option<String>,
    bulk: bool,
    assignees: Vec<Choice>,
    list_address: String,
    bulk_result: Option<String>,
}

const VIEWS: [(&str, &str); 8] = [
    ("mine", "inbox-view-mine"),
    ("team", "inbox-view-team"),
    ("unassigned", "inbox-view-unassigned"),
    ("breaching", "inbox-view-breaching"),
    ("waiting", "inbox-view-waiting"),
    ("approval", "inbox-view-approval"),
    ("open", "inbox-view-open"),
    ("all", "inbox-view-all"),
];

fn choices<T: Copy + PartialEq>(
    all: &[T],
    chosen: Option<T>,
    value: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .map(|&x| (value(x), label(x), Some(x) == chosen))
        .collect()
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<InboxQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let staff = actor.role.is_staff();
    let now = crate::now();
    let view = VIEWS
        .iter()
        .map(|(v, _)| *v)
        .filter(|v| staff || matches!(*v, "open" | "all"))
        .find(|v| Some(*v) == q.view.as_deref())
        .unwrap_or(if staff { "mine" } else { "open" });
    let status = q.status.as_deref().and_then(CaseStatus::parse);
    let priority = q.priority.as_deref().and_then(Priority::parse);
    let language = q.language.as_deref().and_then(Language::from_tag);
    let channel = q.channel.as_deref().and_then(Channel::parse);
    let tag = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let sort = match (q.sort.as_deref(), view) {
        (Some("due"), _) | (None, "breaching") => CaseSort::Due,
        _ => CaseSort::Updated,
    };
    let mut filter = CaseFilter {
        limit: PAGE_SIZE,
        open_only: view != "all",
        priority,
        language,
        channel,
        tag: tag.map(str::to_owned),
        sort,
        ..CaseFilter::default()
    };
    match view {
        "mine" => filter.assignee = Some(Some(actor.user_id)),
        "team" => filter.teams_of = Some(actor.user_id),
        "unassigned" => filter.assignee = Some(None),
        "breaching" => filter.due_by = now.checked_add(BREACHING_WITHIN).ok(),
        "waiting" => filter.statuses = vec![CaseStatus::WaitingOnCustomer],
        "approval" => filter.awaiting_approval = true,
        _ => {}
    }
    if let Some(s) = status {
        filter.statuses = vec![s];
        filter.open_only = false;
    }
    filter.before = q.before.as_deref().and_then(decode_cursor);
    filter.due_after = q.after.as_deref().and_then(decode_due_cursor);
    let cases = state
        .store
        .list_cases(&actor, &filter)
        .await
        .map_err(PageError::store(tr))?;
    let ids: Vec<_> = cases.iter().map(|c| c.id).collect();
    let due = state
        .store
        .next_due_times(&actor, &ids)
        .await
        .map_err(PageError::store(tr))?;
    let list_address = q.list_address();
    let joiner = if list_address.contains('?') { '&' } else { '?' };
    let next = (cases.len() == PAGE_SIZE as usize)
        .then(|| cases.last())
        .flatten()
        .map(|last| match sort {
            CaseSort::Updated => format!("{list_address}{joiner}before={}", encode_cursor(last)),
            CaseSort::Due => format!(
                "{list_address}{joiner}after={}_{}",
                due.get(&last.id).copied().unwrap_or(NO_CLOCK_DUE),
                last.id
            ),
        });
    let mut rows = rows(&state, &user, &cases).await?;
    for (row, case) in rows.iter_mut().zip(&cases) {
        row.due = due
            .get(&case.id)
            .filter(|&&d| d != NO_CLOCK_DUE)
            .and_then(|&d| jiff::Timestamp::from_microsecond(d).ok())
            .map(|d| {
                (
                    tr.relative(d, now),
                    tr.datetime(d, &state.config.time_zone),
                    d < now,
                )
            });
    }
    let tabs = VIEWS
        .iter()
        .filter(|(v, _)| staff || matches!(*v, "open" | "all"))
        .map(|(v, key)| Tab {
            view: v,
            label: tr.t(key),
            current: *v == view,
        })
        .collect();
    let bulk = staff && actor.can(accord_core::access::Action::UpdateCase);
    let assignees = if bulk {
        state
            .store
            .list_staff(&actor)
            .await
            .map_err(PageError::store(tr))?
            .into_iter()
            .map(|p| (p.id.to_string(), p.name, p.id == actor.user_id))
            .collect()
    } else {
        Vec::new()
    };
    let bulk_result = q.done.map(|done| {
        let failed = i64::from(q.failed.unwrap_or(0));
        let mut text = tr.count("inbox-bulk-done", i64::from(done));
        if failed > 0 {
            text.push(' ');
            text.push_str(&tr.count("inbox-bulk-failed", failed));
        }
        text
    });
    let page = InboxPage {
        count_label: tr.count("inbox-count", rows.len() as i64),
        tabs,
        view: view.to_owned(),
        statuses: choices(
            CaseStatus::ALL,
            status,
            |s| s.as_str().into(),
            |s| tr.t(&format!("status-{s}")),
        ),
        priorities: choices(
            Priority::ALL,
            priority,
            |p| p.as_str().into(),
            |p| tr.t(&format!("priority-{p}")),
        ),
        languages: choices(
            &Language::ALL,
            language,
            |l| l.code().into(),
            |l| l.endonym().into(),
        ),
        channels: choices(
            Channel::ALL,
            channel,
            |c| c.as_str().into(),
            |c| tr.t(&format!("channel-{c}")),
        ),
        sorts: choices(
            &[CaseSort::Updated, CaseSort::Due],
            Some(sort),
            |s| match s {
                CaseSort::Updated => "updated".into(),
                CaseSort::Due => "due".into(),
            },
            |s| match s {
                CaseSort::Updated => tr.t("inbox-sort-updated"),
                CaseSort::Due => tr.t("inbox-sort-due"),
            },
        ),
        tag: tag.unwrap_or_default().to_owned(),
        rows,
        next,
        bulk,
        assignees,
        list_address,
        bulk_result,
        chrome: user.chrome,
    };
    Ok(no_store(render(&page)))
}

fn decode_due_cursor(cursor: &str) -> Option<(i64, accord_core::ids::CaseId)> {
    let (due, id) = cursor.split_once('_')?;
    Some((due.parse().ok()?, id.parse().ok()?))
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
    let now = crate::now();
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
            channel_key: c.channel.as_str(),
            channel: tr.t(&format!("channel-{}", c.channel)),
            language: c.language.code(),
            updated: tr.relative(c.updated_at, now),
            updated_exact: tr.datetime(c.updated_at, zone),
            due: None,
        })
        .collect())
}
