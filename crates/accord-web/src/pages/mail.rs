//! Email pages: the messages Accord held for a person to decide on (`/mail/held`), and a
//! received message shown as it was formatted (`/cases/{number}/mail/{id}`), sanitized,
//! with images from the web blocked until the reader asks for them.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, PageError, PageUser, check_form, no_store, render};
use crate::AppState;
use accord_store::mail::HeldTarget;

pub struct HeldRow {
    pub id: String,
    pub sender: String,
    pub subject: String,
    pub excerpt: String,
    pub reason: String,
    pub candidate: Option<(i64, String)>,
    pub attachments: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "mail_held.html")]
struct HeldPage {
    chrome: Chrome,
    rows: Vec<HeldRow>,
    notice: Option<String>,
    problem: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct HeldQuery {
    done: Option<String>,
    problem: Option<String>,
}

fn reason_text(tr: accord_i18n::Tr, reason: Option<&str>) -> String {
    let key = match reason.unwrap_or_default() {
        "unknown_sender" => "mail-held-unknown-sender",
        "automatic" => "mail-held-automatic",
        "rate_limited" => "mail-held-rate-limited",
        "no_sender" => "mail-held-no-sender",
        _ => "mail-held-unreadable",
    };
    tr.t(key)
}

/// One reading note in the reader's language (`mail-note-<code>`, with its detail).
pub fn note_text(tr: accord_i18n::Tr, note: &accord_core::mail::MailNote) -> String {
    tr.t1(&format!("mail-note-{}", note.code), "detail", &note.detail)
}

/// A failed sender authentication, for the agent reading the message.
pub fn authentication_text(
    tr: accord_i18n::Tr,
    a: &accord_core::mail::MailAuthentication,
) -> String {
    use accord_i18n::Arg;
    tr.args(
        "mail-auth-failed",
        &[
            ("spf", Arg::Text(&a.spf)),
            ("dkim", Arg::Text(&a.dkim)),
            ("dmarc", Arg::Text(&a.dmarc)),
        ],
    )
}

pub async fn held(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<HeldQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    if !user.chrome.is_staff {
        return Err(PageError::NotFound(tr));
    }
    let actor = user.session.principal.actor();
    let zone = &state.config.time_zone;
    let rows = state
        .store
        .held_mail(&actor, 200)
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|h| HeldRow {
            id: h.id.to_string(),
            sender: h.sender.unwrap_or_else(|| tr.t("mail-no-sender")),
            subject: h.subject.unwrap_or_default(),
            excerpt: h.body.unwrap_or_default().chars().take(400).collect(),
            reason: reason_text(tr, h.reason.as_deref()),
            candidate: h
                .candidate_number
                .map(|n| (n, h.candidate_subject.unwrap_or_default())),
            attachments: if h.attachments == 0 {
                String::new()
            } else {
                tr.count("mail-attachments", h.attachments as i64)
            },
            when: tr.datetime(h.received_at, zone),
        })
        .collect();
    let notice = match q.done.as_deref() {
        Some("set_aside") => Some(tr.t("mail-held-set-aside-done")),
        Some(number) if number.parse::<i64>().is_ok() => {
            Some(tr.t1("mail-held-filed-done", "number", number))
        }
        _ => None,
    };
    let problem = q.problem.map(|_| tr.t("mail-held-no-case"));
    Ok(no_store(render(&HeldPage {
        chrome: user.chrome,
        rows,
        notice,
        problem,
    })))
}

#[derive(Deserialize)]
pub struct ResolveForm {
    #[serde(rename = "_csrf")]
    csrf: String,
    /// file | new_case | set_aside
    action: String,
    /// For `file`: the case number.
    case_number: Option<String>,
}

pub async fn resolve(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<ResolveForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let id = id.parse().map_err(|_| PageError::NotFound(tr))?;
    let actor = user.session.principal.actor();
    let target = match form.action.as_str() {
        "set_aside" => HeldTarget::SetAside,
        "new_case" => HeldTarget::NewCase,
        _ => {
            let number = form
                .case_number
                .as_deref()
                .map(str::trim)
                .and_then(|n| n.trim_start_matches('#').parse::<i64>().ok());
            let case = match number {
                Some(n) => state.store.get_case_by_number(&actor, n).await.ok(),
                None => None,
            };
            match case {
                Some(case) => HeldTarget::Case(case.id),
                None => return Ok(Redirect::to("/mail/held?problem=case").into_response()),
            }
        }
    };
    let filed = state
        .store
        .resolve_held_mail(&actor, id, target, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    let done = match filed {
        Some(case) => state
            .store
            .get_case(&actor, case)
            .await
            .map(|c| c.number.to_string())
            .unwrap_or_default(),
        None => "set_aside".to_owned(),
    };
    Ok(Redirect::to(&format!("/mail/held?done={done}")).into_response())
}

#[derive(Template)]
#[template(path = "mail_original.html")]
struct OriginalPage {
    chrome: Chrome,
    number: i64,
    id: String,
    html: String,
    images_shown: bool,
    has_remote_images: bool,
}

#[derive(Deserialize, Default)]
pub struct OriginalQuery {
    images: Option<u8>,
}

pub async fn original(
    State(state): State<AppState>,
    user: PageUser,
    Path((number, id)): Path<(i64, String)>,
    Query(q): Query<OriginalQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let id: uuid::Uuid = id.parse().map_err(|_| PageError::NotFound(tr))?;
    let actor = user.session.principal.actor();
    let case = state
        .store
        .get_case_by_number(&actor, number)
        .await
        .map_err(PageError::store(tr))?;
    let stored = state
        .store
        .mail_html(&actor, case.id, id)
        .await
        .map_err(PageError::store(tr))?;
    let images_shown = q.images == Some(1);
    // Stored sanitized; sanitized again for display, with remote images as asked.
    let html = accord_mail::html::sanitize(&stored, images_shown);
    let page = OriginalPage {
        chrome: user.chrome,
        number,
        id: id.to_string(),
        has_remote_images: accord_mail::html::has_remote_images(&stored),
        html,
        images_shown,
    };
    let mut response = no_store(render(&page));
    if images_shown {
        // The reader asked for the sender's images: this page alone may load them.
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; img-src 'self' data: https: http:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        );
    }
    Ok(response)
}
