//! The server-rendered interface. Works without JavaScript; `static/app.js` only adds
//! keyboard shortcuts. Every form carries the session's CSRF token.

use std::num::NonZeroU32;

use accord_core::language::Language;
use accord_i18n::Tr;
use accord_store::auth::Session;
use askama::Template;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::AppState;

mod acknowledge;
mod agreements;
mod bulk;
mod calendars;
mod case;
mod clocks;
mod errors;
mod guidance;
mod inbox;
mod login;
mod mail;
mod new_case;
mod notifications;
mod policy;
mod policy_changes;
mod policy_rules;
mod policy_settings;
mod policy_texts;
mod portal_access;
mod remedies;
mod supervision;
mod surveys;

pub use errors::PageError;

pub const SESSION_COOKIE: &str = "accord_session";
pub const LANGUAGE_COOKIE: &str = "accord_lang";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/inbox") }))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route(
            "/agreements/{id}",
            get(agreements::open).post(agreements::answer),
        )
        .route("/surveys/{id}", get(surveys::open).post(surveys::answer))
        .route("/surveys", get(surveys::mine))
        .route("/survey-results", get(surveys::results))
        .route("/survey-results/{survey}/send", post(surveys::send))
        .route("/login/link", post(portal_access::link_request))
        .route(
            "/login/link/{token}",
            get(portal_access::link_confirm).post(portal_access::link_redeem),
        )
        .route(
            "/signup",
            get(portal_access::signup_form).post(portal_access::signup_submit),
        )
        .route("/language", post(login::set_language))
        .route("/inbox", get(inbox::page))
        .route("/inbox/bulk", post(bulk::submit))
        .route("/events", get(crate::live::events))
        .route(
            "/cases/new",
            get(new_case::form)
                .post(new_case::submit)
                .layer(axum::extract::DefaultBodyLimit::max(
                    new_case::MAX_FILES * accord_store::blobs::ATTACHMENT_MAX_BYTES / 4,
                )),
        )
        .route("/cases/{number}", get(case::page))
        .route("/cases/{number}/entries", post(case::add_entry))
        .route("/cases/{number}/update", post(case::update))
        .route("/attachments/{id}", get(case::download))
        .route("/breaching-soon", get(clocks::breaching))
        .route("/escalations", get(supervision::escalations))
        .route("/contract-reviews", get(agreements::reviews))
        .route("/contract-reviews/{id}", post(agreements::review_done))
        .route("/standing", get(supervision::standing))
        .route("/cases/{number}/remedies", post(remedies::grant))
        .route("/cases/{number}/acknowledge", post(acknowledge::send))
        .route(
            "/cases/{number}/understanding",
            post(agreements::understand),
        )
        .route("/cases/{number}/agreements", post(agreements::propose))
        .route("/cases/{number}/resolve", post(agreements::resolve))
        .route(
            "/cases/{number}/agreements/{id}/answer",
            post(agreements::answer_in_portal),
        )
        .route(
            "/cases/{number}/milestones/{id}/reached",
            post(agreements::reached),
        )
        .route("/approvals", get(remedies::approvals))
        .route("/approvals/{id}", post(remedies::decide))
        .route("/policy", get(policy::list).post(policy::create))
        .route("/policy/new", get(policy::new_form))
        .route("/policy/rules", get(policy_rules::page))
        .route("/policy/{number}", get(policy::show).post(policy::save))
        .route("/policy/{number}/publish", post(policy::publish))
        .route("/policy/{number}/texts", post(policy_texts::save))
        .route("/policy/{number}/settings", post(policy_settings::save))
        .route("/policy/{number}/check", post(policy_texts::check))
        .route("/policy/{number}/acknowledge", post(policy::acknowledge))
        .route("/calendars", get(calendars::page))
        .route("/mail/held", get(mail::held))
        .route("/mail/held/{id}", post(mail::resolve))
        .route("/cases/{number}/mail/{id}", get(mail::original))
        .route("/notifications", get(notifications::page))
        .route("/notifications/read", post(notifications::read_all))
        .route("/notifications/{id}/read", post(notifications::read))
        .route(
            "/static/app.css",
            get(|| async { static_file("text/css", include_str!("../../static/app.css")) }),
        )
        .route(
            "/static/app.js",
            get(|| async { static_file("text/javascript", include_str!("../../static/app.js")) }),
        )
        .fallback(errors::not_found)
}

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// Sign-in attempts: per account, bursts of 10 then one every 6 s (guessing one password);
/// per client address, bursts of 120 then two a second — an office behind one address signs
/// in together at nine, while a guesser across many accounts is still slowed down.
pub use new_case::NewCaseLimiter;

pub struct LoginLimiter {
    per_account: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<String>,
}

impl LoginLimiter {
    pub fn new() -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        LoginLimiter {
            per_account: DefaultKeyedRateLimiter::keyed(quota(10)),
            per_address: DefaultKeyedRateLimiter::keyed(quota(120)),
        }
    }

    /// Whether another attempt from this address for this account is allowed now.
    pub fn allow(&self, address: &str, account: &str) -> bool {
        self.per_address.check_key(&address.to_owned()).is_ok()
            && self.per_account.check_key(&account.to_lowercase()).is_ok()
    }
}

impl Default for LoginLimiter {
    fn default() -> Self {
        Self::new()
    }
}

/// The reader's language: the switcher's cookie, then the account's language, then the
/// browser's `Accept-Language`.
pub fn language_of(parts: &Parts, jar: &CookieJar, session: Option<&Session>) -> Language {
    jar.get(LANGUAGE_COOKIE)
        .and_then(|c| Language::from_tag(c.value()))
        .or_else(|| session.map(|s| s.principal.language))
        .unwrap_or_else(|| {
            accord_i18n::negotiate(
                parts
                    .headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or(""),
            )
        })
}

/// What every page shows around its content.
pub struct Chrome {
    pub tr: Tr,
    pub user_name: Option<String>,
    pub csrf: String,
    /// Where the language switcher returns to.
    pub here: String,
    pub is_staff: bool,
    /// Supervisors and admins: the "breaching soon" view.
    pub can_supervise: bool,
    /// The reader's unread notifications, shown beside the menu.
    pub unread: i64,
}

impl Chrome {
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Language::ALL
            .iter()
            .map(|l| (l.code(), l.endonym(), *l == self.tr.language))
            .collect()
    }

    /// "3 unread", beside the notifications link.
    pub fn unread_label(&self) -> String {
        self.tr.args(
            "nav-unread",
            &[("count", accord_i18n::Arg::Number(self.unread))],
        )
    }

    pub fn lang(&self) -> &'static str {
        self.tr.language.code()
    }
}

/// A signed-in user on a page; anonymous visitors are sent to the sign-in page.
pub struct PageUser {
    pub session: Session,
    pub chrome: Chrome,
}

impl FromRequestParts<AppState> for PageUser {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let jar = CookieJar::from_headers(&parts.headers);
        let session = match jar.get(SESSION_COOKIE) {
            Some(cookie) => state
                .store
                .session(cookie.value(), crate::now())
                .await
                .map_err(|e| PageError::from(e).into_response())?,
            None => None,
        };
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        let Some(session) = session else {
            let next = urlencode(&here);
            return Err(Redirect::to(&format!("/login?next={next}")).into_response());
        };
        let tr = Tr::new(language_of(parts, &jar, Some(&session)));
        let unread = state
            .store
            .unread_notifications(&session.principal.actor())
            .await
            .map_err(|e| PageError::from(e).into_response())?;
        let chrome = Chrome {
            unread,
            tr,
            user_name: Some(session.principal.name.clone()),
            csrf: session.csrf_token.clone(),
            here,
            is_staff: session.principal.role.is_staff(),
            can_supervise: session
                .principal
                .actor()
                .can(accord_core::access::Action::Supervise),
        };
        Ok(PageUser { session, chrome })
    }
}

/// A form that carries nothing but its CSRF token (sign out, acknowledge, mark read).
#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    #[serde(rename = "_csrf")]
    pub csrf: String,
}

/// Checks a submitted form's CSRF token and origin; `Err` is the page to answer with.
pub fn check_form(
    user: &PageUser,
    method: &axum::http::Method,
    headers: &axum::http::HeaderMap,
    token: &str,
) -> Result<(), PageError> {
    if crate::security::is_cross_site(method, headers)
        || !crate::security::same_secret(token, &user.session.csrf_token)
    {
        return Err(PageError::Csrf(user.chrome.tr));
    }
    Ok(())
}

/// A form posted from a case page: its CSRF token and origin checked, then the case loaded
/// within the reader's reach. Returns the reader as an actor and the case.
pub async fn case_form(
    state: &AppState,
    user: &PageUser,
    number: i64,
    method: &axum::http::Method,
    headers: &axum::http::HeaderMap,
    token: &str,
) -> Result<(accord_core::access::Actor, accord_core::case::Case), PageError> {
    check_form(user, method, headers, token)?;
    let actor = user.session.principal.actor();
    let case = state
        .store
        .get_case_by_number(&actor, number)
        .await
        .map_err(PageError::store(user.chrome.tr))?;
    Ok((actor, case))
}

pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

/// A field of a posted form by name; empty when absent (forms posted as name/value pairs,
/// such as those with rows of repeated fields).
pub fn form_field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Only same-site relative paths may be redirect targets (no open redirects).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/inbox".to_owned(),
    }
}

pub fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
