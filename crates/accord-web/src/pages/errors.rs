//! Error pages, translated, never a bare 500 with a stack trace.

use accord_core::DomainError;
use accord_core::language::Language;
use accord_i18n::Tr;
use accord_store::StoreError;
use askama::Template;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::Chrome;

#[derive(Debug)]
pub enum PageError {
    NotFound(Tr),
    Forbidden(Tr),
    Csrf(Tr),
    /// The request holds a NUL character (`%00`), which no text may hold.
    Nul(Tr),
    Server(Tr),
}

impl PageError {
    /// Maps a storage error for a reader of language `tr`.
    pub fn store(tr: Tr) -> impl FnOnce(StoreError) -> PageError {
        move |e| match e {
            StoreError::Domain(DomainError::NotFound(_)) => PageError::NotFound(tr),
            StoreError::Domain(DomainError::Forbidden(_)) => PageError::Forbidden(tr),
            other => {
                tracing::error!(error = %other, "page failed");
                PageError::Server(tr)
            }
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError::store(Tr::new(Language::En))(e)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, tr, key) = match self {
            PageError::NotFound(tr) => (StatusCode::NOT_FOUND, tr, "error-not-found"),
            PageError::Forbidden(tr) => (StatusCode::FORBIDDEN, tr, "error-forbidden"),
            PageError::Csrf(tr) => (StatusCode::FORBIDDEN, tr, "error-csrf"),
            PageError::Nul(tr) => (StatusCode::BAD_REQUEST, tr, "error-nul"),
            PageError::Server(tr) => (StatusCode::INTERNAL_SERVER_ERROR, tr, "error-server"),
        };
        let page = ErrorPage {
            message: tr.t(key),
            chrome: Chrome {
                tr,
                user_name: None,
                csrf: String::new(),
                here: "/inbox".into(),
                is_staff: false,
                can_supervise: false,
                unread: 0,
            },
        };
        (status, super::render(&page)).into_response()
    }
}

/// An unknown address: in the language the reader chose (its cookie), else their browser's.
pub async fn not_found(headers: HeaderMap) -> PageError {
    PageError::NotFound(Tr::new(reader_language(&headers)))
}

/// Refuses a page request whose address or form holds an encoded NUL (`%00`) with a clear
/// 400 page, before any handler: PostgreSQL cannot store NUL in text, and a form field
/// that carried one ended in a server error there (SQLite took it). Uploads (multipart)
/// are files and pass.
pub async fn refuse_nul(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let language = reader_language(request.headers());
    let encoded_nul = |text: &[u8]| text.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"));
    if encoded_nul(
        request
            .uri()
            .path_and_query()
            .map_or("", |p| p.as_str())
            .as_bytes(),
    ) {
        return PageError::Nul(Tr::new(language)).into_response();
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    if encoded_nul(&bytes) {
        return PageError::Nul(Tr::new(language)).into_response();
    }
    next.run(axum::extract::Request::from_parts(parts, bytes.into()))
        .await
}

/// Forms (not uploads) are small; this is axum's own default limit.
const FORM_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The language the reader chose (its cookie), else their browser's.
fn reader_language(headers: &HeaderMap) -> Language {
    let chosen = axum_extra::extract::CookieJar::from_headers(headers)
        .get(super::LANGUAGE_COOKIE)
        .and_then(|c| Language::from_tag(c.value()));
    chosen.unwrap_or_else(|| {
        accord_i18n::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
        )
    })
}

/// A form problem shown next to the form, in the reader's language.
pub fn form_message(tr: Tr, error: &StoreError) -> Option<Vec<String>> {
    match error {
        StoreError::Domain(DomainError::Invalid(fields)) => {
            Some(fields.iter().map(|f| tr.field_error(f)).collect())
        }
        StoreError::Domain(DomainError::IllegalTransition { from, to, .. }) => Some(vec![tr.args(
            "error-illegal-transition",
            &[
                (
                    "from",
                    accord_i18n::Arg::Text(&tr.t(&format!("status-{from}"))),
                ),
                ("to", accord_i18n::Arg::Text(&tr.t(&format!("status-{to}")))),
            ],
        )]),
        StoreError::Domain(DomainError::Conflict(_)) => Some(vec![tr.t("error-code-conflict")]),
        _ => None,
    }
}
