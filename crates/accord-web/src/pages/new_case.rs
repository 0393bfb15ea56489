//! The customer portal's "new case" form (F2): a subject, a message and attachments, in the
//! customer's language, kept from bots without third-party services:
//!
//! - a honeypot field people never see or fill;
//! - a form token that records when the form was drawn, keyed by the session's secret: a
//!   form sent back within seconds was not filled in by a person, and an old one has expired;
//! - a per-account limit on new cases an hour.
//!
//! The form token is also the idempotency key: sending the same form twice (a double click,
//! a retry after a dropped connection) opens one case.

use std::num::NonZeroU32;

use accord_core::case::{Channel, NewCase};
use accord_store::StoreError;
use accord_store::blobs::ATTACHMENT_MAX_BYTES;
use accord_store::cases::Created;
use accord_store::idempotency::IdempotencyKey;
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use bytes::Bytes;
use governor::{DefaultKeyedRateLimiter, Quota};
use sha2::{Digest, Sha256};

use super::errors::form_message;
use super::{Chrome, PageError, PageUser, check_form, no_store, render};
use crate::AppState;

/// A person needs longer than this to write a case; a bot posting at once does not.
const FASTEST_HUMAN_SECONDS: i64 = 3;
/// A form older than this has expired (a day: people leave tabs open).
const FORM_LIFETIME_SECONDS: i64 = 24 * 60 * 60;
/// Files one form may carry.
pub const MAX_FILES: usize = 10;

/// New cases one account may open through the portal in an hour.
pub struct NewCaseLimiter(DefaultKeyedRateLimiter<String>);

impl NewCaseLimiter {
    pub fn new() -> Self {
        let per_hour = NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN);
        NewCaseLimiter(DefaultKeyedRateLimiter::keyed(Quota::per_hour(per_hour)))
    }

    fn allow(&self, account: &str) -> bool {
        self.0.check_key(&account.to_owned()).is_ok()
    }
}

impl Default for NewCaseLimiter {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Template)]
#[template(path = "case_new.html")]
struct NewCasePage {
    chrome: Chrome,
    form_token: String,
    subject: String,
    body: String,
    problems: Vec<String>,
    files_hint: String,
}

fn signature(secret: &str, issued: i64) -> String {
    let mut h = Sha256::new();
    h.update(secret.as_bytes());
    h.update(b"|new-case-form|");
    h.update(issued.to_string().as_bytes());
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn form_token(secret: &str, now: i64) -> String {
    format!("{now}.{}", signature(secret, now))
}

/// Why a form token is refused.
#[derive(Debug, PartialEq, Eq)]
enum TokenProblem {
    Forged,
    TooFast,
    Expired,
}

fn check_token(secret: &str, token: &str, now: i64) -> Result<(), TokenProblem> {
    let (issued, sig) = token.split_once('.').ok_or(TokenProblem::Forged)?;
    let issued: i64 = issued.parse().map_err(|_| TokenProblem::Forged)?;
    if !crate::security::same_secret(sig, &signature(secret, issued)) {
        return Err(TokenProblem::Forged);
    }
    match now - issued {
        age if age < FASTEST_HUMAN_SECONDS => Err(TokenProblem::TooFast),
        age if age > FORM_LIFETIME_SECONDS => Err(TokenProblem::Expired),
        _ => Ok(()),
    }
}

fn now_seconds() -> i64 {
    crate::now().as_second()
}

fn page(
    user: PageUser,
    subject: String,
    body: String,
    problems: Vec<String>,
    status: StatusCode,
) -> Response {
    let form_token = form_token(&user.session.csrf_token, now_seconds());
    let files_hint = user.chrome.tr.args(
        "new-case-files-hint",
        &[
            ("count", accord_i18n::Arg::Number(MAX_FILES as i64)),
            (
                "size",
                accord_i18n::Arg::Number((ATTACHMENT_MAX_BYTES / 1024 / 1024) as i64),
            ),
        ],
    );
    let page = NewCasePage {
        chrome: user.chrome,
        form_token,
        subject,
        body,
        problems,
        files_hint,
    };
    let mut response = no_store(render(&page));
    *response.status_mut() = status;
    response
}

pub async fn form(user: PageUser) -> Result<Response, PageError> {
    if user.chrome.is_staff {
        // Staff open cases for customers through the API or a channel; this form is the
        // customer's own.
        return Err(PageError::Forbidden(user.chrome.tr));
    }
    Ok(page(
        user,
        String::new(),
        String::new(),
        Vec::new(),
        StatusCode::OK,
    ))
}

#[derive(Default)]
struct Submitted {
    csrf: String,
    form_token: String,
    honeypot: String,
    subject: String,
    body: String,
    files: Vec<(String, String, Bytes)>,
}

async fn read_form(mut multipart: Multipart) -> Result<Submitted, String> {
    let mut form = Submitted::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| e.body_text())? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let filename = field.file_name().unwrap_or_default().to_owned();
            let content_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            let bytes = field.bytes().await.map_err(|e| e.body_text())?;
            // A file input left empty still sends one nameless, empty part.
            if !filename.is_empty() || !bytes.is_empty() {
                form.files.push((filename, content_type, bytes));
            }
            continue;
        }
        let text = field.text().await.map_err(|e| e.body_text())?;
        match name.as_str() {
            "_csrf" => form.csrf = text,
            "form_token" => form.form_token = text,
            "website" => form.honeypot = text,
            "subject" => form.subject = text,
            "body" => form.body = text,
            _ => {}
        }
    }
    Ok(form)
}

pub async fn submit(
    State(state): State<AppState>,
    user: PageUser,
    method: Method,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    if user.chrome.is_staff {
        return Err(PageError::Forbidden(tr));
    }
    let form = match read_form(multipart).await {
        Ok(form) => form,
        Err(detail) => {
            let problem = tr.t1("new-case-unreadable", "detail", &detail);
            return Ok(page(
                user,
                String::new(),
                String::new(),
                vec![problem],
                StatusCode::BAD_REQUEST,
            ));
        }
    };
    check_form(&user, &method, &headers, &form.csrf)?;
    let refuse = |user: PageUser, form: Submitted, key: &str, status: StatusCode| {
        let problem = tr.t(key);
        page(user, form.subject, form.body, vec![problem], status)
    };
    if !form.honeypot.is_empty() {
        return Ok(refuse(
            user,
            form,
            "new-case-refused-honeypot",
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    match check_token(&user.session.csrf_token, &form.form_token, now_seconds()) {
        Ok(()) => {}
        Err(TokenProblem::TooFast) => {
            return Ok(refuse(
                user,
                form,
                "new-case-refused-fast",
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        Err(TokenProblem::Expired | TokenProblem::Forged) => {
            return Ok(refuse(
                user,
                form,
                "new-case-refused-expired",
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    }
    if form.files.len() > MAX_FILES {
        let problem = tr.args(
            "new-case-too-many-files",
            &[("count", accord_i18n::Arg::Number(MAX_FILES as i64))],
        );
        return Ok(page(
            user,
            form.subject,
            form.body,
            vec![problem],
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    if !state
        .new_case_limiter
        .allow(&user.session.principal.id.to_string())
    {
        return Ok(refuse(
            user,
            form,
            "new-case-refused-rate",
            StatusCode::TOO_MANY_REQUESTS,
        ));
    }
    let actor = user.session.principal.actor();
    let new = NewCase {
        subject: form.subject.trim().to_owned(),
        body: Some(form.body.clone()).filter(|b| !b.trim().is_empty()),
        contact_id: None,
        channel: Some(Channel::Web),
        language: Some(tr.language),
        priority: None,
        category: None,
        tags: Vec::new(),
        custom_fields: Default::default(),
        team_id: None,
        assignee_id: None,
    };
    let key = IdempotencyKey {
        key: format!("portal-new-case:{}", form.form_token),
        fingerprint: accord_store::idempotency::request_fingerprint(
            "POST",
            "/cases/new",
            form.form_token.as_bytes(),
        ),
    };
    let created = state
        .store
        .create_case(&actor, new, Some(&key), crate::now())
        .await;
    let number = match created {
        Ok(Created::New(case)) => {
            // Files are checked by the store (size, name); one it refuses does not undo the
            // case the customer has already been told about.
            let mut refused = 0;
            for (name, content_type, bytes) in form.files {
                let name = if name.is_empty() {
                    "file".to_owned()
                } else {
                    name
                };
                if state
                    .store
                    .add_attachment(&actor, case.id, &name, &content_type, bytes, crate::now())
                    .await
                    .is_err()
                {
                    refused += 1;
                }
            }
            let saved = if refused > 0 { 7 } else { 6 };
            return Ok(
                Redirect::to(&format!("/cases/{}?saved={saved}", case.number)).into_response(),
            );
        }
        Ok(Created::Replayed { body, .. }) => serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["number"].as_i64()),
        Err(error) => {
            return match form_message(tr, &error) {
                Some(problems) => Ok(page(
                    user,
                    form.subject,
                    form.body,
                    problems,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )),
                None => Err(PageError::store(tr)(error)),
            };
        }
    };
    match number {
        Some(n) => Ok(Redirect::to(&format!("/cases/{n}?saved=6")).into_response()),
        None => Err(PageError::store(tr)(StoreError::not_found("case"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_token_checks_its_age_and_its_signature() {
        let secret = "session-secret";
        let token = form_token(secret, 1_000);
        assert_eq!(
            check_token(secret, &token, 1_001),
            Err(TokenProblem::TooFast)
        );
        assert_eq!(check_token(secret, &token, 1_010), Ok(()));
        assert_eq!(
            check_token(secret, &token, 1_000 + FORM_LIFETIME_SECONDS + 1),
            Err(TokenProblem::Expired)
        );
        assert_eq!(
            check_token("another-session", &token, 1_010),
            Err(TokenProblem::Forged),
            "a token from another session"
        );
        let older = token.replacen("1000.", "900.", 1);
        assert_eq!(
            check_token(secret, &older, 1_010),
            Err(TokenProblem::Forged),
            "a changed time"
        );
        assert_eq!(
            check_token(secret, "garbage", 1_010),
            Err(TokenProblem::Forged)
        );
    }
}
