//! The notifications page: what escalations and policy reviews asked of the reader
//! (PRODUCT.md C2, B2), newest first, each marked read on its own or all at once.

use accord_store::notifications::{Notification, NotificationKind};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, PageError, PageUser, check_form, no_store, render};
use crate::AppState;

/// One notification as the page shows it.
pub struct NotificationRow {
    pub id: String,
    pub text: String,
    /// Where it leads: the case, or the policy version to review.
    pub link: String,
    pub link_text: String,
    pub when: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    chrome: Chrome,
    rows: Vec<NotificationRow>,
    show_all: bool,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    all: Option<u8>,
}

fn row(tr: accord_i18n::Tr, zone: &jiff::tz::TimeZone, n: Notification) -> NotificationRow {
    let level = n.level.unwrap_or_default();
    let (text, link, link_text) = match n.kind {
        NotificationKind::PolicyReview => {
            let version = n.policy_version.unwrap_or_default();
            (
                tr.t1(
                    "notification-policy-review",
                    "date",
                    n.review_by.as_deref().unwrap_or(""),
                ),
                format!("/policy/{version}"),
                tr.t1("notification-version", "number", &version.to_string()),
            )
        }
        kind => {
            let key = kind.message();
            let number = n.case_number.unwrap_or_default();
            (
                tr.t1(key, "level", &level),
                format!("/cases/{number}"),
                format!("{number} · {}", n.case_subject.unwrap_or_default()),
            )
        }
    };
    NotificationRow {
        id: n.id.to_string(),
        text,
        link,
        link_text,
        when: tr.datetime(n.created_at, zone),
        unread: n.read_at.is_none(),
    }
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let show_all = q.all == Some(1);
    let actor = user.session.principal.actor();
    let zone = &state.config.time_zone;
    let rows = state
        .store
        .list_notifications(&actor, !show_all, 200)
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|n| row(tr, zone, n))
        .collect();
    Ok(no_store(render(&NotificationsPage {
        chrome: user.chrome,
        rows,
        show_all,
    })))
}

pub async fn read(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let id = id.parse().map_err(|_| PageError::NotFound(tr))?;
    let actor = user.session.principal.actor();
    state
        .store
        .mark_notification_read(&actor, id, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    Ok(Redirect::to("/notifications").into_response())
}

pub async fn read_all(
    State(state): State<AppState>,
    user: PageUser,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let actor = user.session.principal.actor();
    state
        .store
        .mark_all_notifications_read(&actor, crate::now())
        .await
        .map_err(PageError::store(user.chrome.tr))?;
    Ok(Redirect::to("/notifications").into_response())
}
