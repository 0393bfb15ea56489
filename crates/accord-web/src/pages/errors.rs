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
    let chosen = axum_extra::extract::CookieJar::from_headers(&headers)
        .get(super::LANGUAGE_COOKIE)
        .and_then(|c| Language::from_tag(c.value()));
    let language = chosen.unwrap_or_else(|| {
        accord_i18n::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
        )
    });
    PageError::NotFound(Tr::new(language))
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
