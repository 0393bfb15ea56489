//! The customer portal's "new case" form (F2): a subject, a message and attachments, in the
//! customer's language, kept from bots without third-party services:
//!
//! - a honeypot field people never see or fill;
//! - a form token that records when the form was drawn, signed with the session's secret: a
//!   form sent back within seconds was not filled in by a person, and an old one has expired;
//! - a per-account limit on new cases an hour.
//!
//! Each drawn form gets a token of its own (256 random bits beside the time), and that token
//! is the idempotency key, with the form's content (subject, message, files) as the request
//! it stands for: sending the same form twice (a double click, a retry after a dropped
//! connection) opens one case and shows it; two forms, even drawn in the same second, open
//! two; one form sent again with other content is refused (409), never silently dropped.

use accord_core::DomainError;
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

fn signature(secret: &str, issued: i64, nonce: &str) -> String {
    let mut h = Sha256::new();
    h.update(secret.as_bytes());
    h.update(b"|new-case-form|");
    h.update(issued.to_string().as_bytes());
    h.update(b"|");
    h.update(nonce.as_bytes());
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A token for one drawn form: `issued.nonce.signature`, the nonce 256 random bits.
fn form_token(secret: &str, now: i64) -> String {
    let nonce = accord_store::auth::random_secret();
    format!("{now}.{nonce}.{}", signature(secret, now, &nonce))
}

/// Why a form token is refused.
#[derive(Debug, PartialEq, Eq)]
enum TokenProblem {
    Forged,
    TooFast,
    Expired,
}

/// Checks a form token; `Ok` is its nonce, the form's own idempotency key.
fn check_token<'t>(secret: &str, token: &'t str, now: i64) -> Result<&'t str, TokenProblem> {
    let mut parts = token.split('.');
    let (Some(issued), Some(nonce), Some(sig), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenProblem::Forged);
    };
    let issued: i64 = issued.parse().map_err(|_| TokenProblem::Forged)?;
    if nonce.is_empty() || !crate::security::same_secret(sig, &signature(secret, issued, nonce)) {
        return Err(TokenProblem::Forged);
    }
    match now - issued {
        age if age < FASTEST_HUMAN_SECONDS => Err(TokenProblem::TooFast),
        age if age > FORM_LIFETIME_SECONDS => Err(TokenProblem::Expired),
        _ => Ok(nonce),
    }
}

/// What a form asks for, as the idempotency key's request: the same form sent again has
/// the same fingerprint; the same token with another subject, message or file does not.
fn content_fingerprint(form: &Submitted) -> Vec<u8> {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(bytes);
    };
    field(form.subject.as_bytes());
    field(form.body.as_bytes());
    for (name, content_type, bytes) in &form.files {
        field(name.as_bytes());
        field(content_type.as_bytes());
        field(&Sha256::digest(bytes));
    }
    accord_store::idempotency::request_fingerprint("POST", "/cases/new", &h.finalize())
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
    let nonce = match check_token(&user.session.csrf_token, &form.form_token, now_seconds()) {
        Ok(nonce) => nonce.to_owned(),
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
    };
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
        .await
        .map_err(PageError::store(tr))?
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
        // Not the page's language: the store takes the contact's preferred language, else
        // the language the message is written in, else the customer's own (as every channel).
        language: None,
        priority: None,
        category: None,
        tags: Vec::new(),
        custom_fields: Default::default(),
        team_id: None,
        assignee_id: None,
    };
    let key = IdempotencyKey {
        key: format!("portal-new-case:{nonce}"),
        fingerprint: content_fingerprint(&form),
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
        // This form was sent before with other content (edited after going back): the first
        // case stands; the customer gets the form again, with a new token, to send anew.
        Err(StoreError::Domain(DomainError::Conflict(_))) => {
            return Ok(refuse(
                user,
                form,
                "new-case-refused-reused",
                StatusCode::CONFLICT,
            ));
        }
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
        let nonce = check_token(secret, &token, 1_010).map(str::to_owned);
        assert!(nonce.as_ref().is_ok_and(|n| n.len() >= 43), "{nonce:?}");
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
        for forged in ["garbage", "1000.00", "1000..00", "1000.nonce.sig.extra"] {
            assert_eq!(
                check_token(secret, forged, 1_010),
                Err(TokenProblem::Forged),
                "{forged}"
            );
        }
        let parts: Vec<&str> = token.split('.').collect();
        let other_nonce = format!("1000.{}.{}", "A".repeat(43), parts[2]);
        assert_eq!(
            check_token(secret, &other_nonce, 1_010),
            Err(TokenProblem::Forged),
            "a changed nonce"
        );
    }

    #[test]
    fn forms_drawn_in_the_same_second_get_different_tokens() {
        let secret = "session-secret";
        let tokens: std::collections::HashSet<String> =
            (0..50).map(|_| form_token(secret, 1_000)).collect();
        assert_eq!(tokens.len(), 50);
        let nonces: std::collections::HashSet<String> = tokens
            .iter()
            .filter_map(|t| check_token(secret, t, 1_010).ok().map(str::to_owned))
            .collect();
        assert_eq!(nonces.len(), 50, "each form its own idempotency key");
    }
}
