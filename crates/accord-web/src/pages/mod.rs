//! The server-rendered interface. Works without JavaScript; `static/app.js` only adds
//! keyboard shortcuts. Every form carries the session's CSRF token.

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

use crate::AppState;

mod account;
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
        .route("/account", get(account::page))
        .route("/account/password", post(account::change_password))
        .route("/account/tokens", post(account::create_own_token))
        .route("/tokens/{id}/revoke", post(account::revoke_token))
        .route("/users", get(account::users))
        .route("/users/{id}", get(account::user))
        .route("/users/{id}/deactivate", post(account::deactivate))
        .route("/users/{id}/reactivate", post(account::reactivate))
        .route("/users/{id}/tokens", post(account::create_user_token))
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
        .layer(axum::middleware::from_fn(errors::refuse_nul))
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

/// Where a refused redirect target sends the reader: the inbox, which is also the
/// customers' portal home.
pub const HOME: &str = "/inbox";

/// The longest redirect target accepted; longer ones go home.
const NEXT_MAX: usize = 2048;

/// The one gate for every redirect target taken from input (`next`, `back`): a path on
/// this site, or the inbox. Accepted is a path that starts with a single `/` (not `//`,
/// not `/\`), made only of visible ASCII (0x21–0x7E), with no backslash, and whose
/// percent-decoded form hides none of these either — no control character (DEL too),
/// backslash or leading `//` behind `%09`, `%5C`, `%2F`. Browsers drop tabs and
/// newlines and read `\` as `/`, so anything else could leave the site (open redirect) or
/// fail as a header value.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_safe_path(n) => n.to_owned(),
        _ => HOME.to_owned(),
    }
}

fn is_safe_path(path: &str) -> bool {
    let raw = path.as_bytes();
    if raw.is_empty() || raw.len() > NEXT_MAX || !raw.iter().all(|b| (0x21..=0x7E).contains(b)) {
        return false;
    }
    let decoded = percent_decode(raw);
    [raw, decoded.as_slice()].into_iter().all(|p| {
        p.first() == Some(&b'/')
            && !matches!(p.get(1), Some(b'/' | b'\\'))
            && !p.contains(&b'\\')
            && !p.iter().any(u8::is_ascii_control)
    })
}

/// `%XY` sequences decoded (repeatedly, so `%2509` hides nothing); other bytes kept.
fn percent_decode(input: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut current = input.to_vec();
    // Each round shortens the text; a few rounds undo any layering a person would use.
    for _ in 0..4 {
        let mut out = Vec::with_capacity(current.len());
        let mut i = 0;
        while i < current.len() {
            let pair = current
                .get(i + 1..i + 3)
                .and_then(|p| Some((hex(p[0])?, hex(p[1])?)));
            match (current[i], pair) {
                (b'%', Some((high, low))) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        if out == current {
            break;
        }
        current = out;
    }
    current
}

pub fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_targets_stay_on_this_site_or_go_home() {
        let long = format!("/inbox?q={}", "a".repeat(NEXT_MAX));
        let hostile = [
            "",
            "inbox",
            "//evil.example",
            "//evil.example/inbox",
            "/\\evil.example",
            "/\\/evil.example",
            "\\\\evil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "/\t/x",
            "/\n/evil.example",
            "/\r\n//evil.example",
            "/%0d%0aSet-Cookie:x=1",
            "/%01",
            "/\u{1}",
            "/\u{7f}",
            "/%7F",
            "/%00",
            "/ /evil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%5C%5Cevil",
            "/%5cevil.example",
            "/inbox?back=%5C",
            "/%2509/evil.example",
            "/%252F/evil.example",
            "/cases/1\\..\\evil",
            "/cases/é",
            "https://evil.example",
            "http://evil.example/inbox",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            " /inbox",
            "/inbox ",
            long.as_str(),
        ];
        for target in hostile {
            assert_eq!(safe_next(Some(target)), HOME, "{target:?} was accepted");
        }
        assert_eq!(safe_next(None), HOME);
        let fine = [
            "/",
            "/inbox",
            "/cases/1042?saved=2#entry-1",
            "/inbox?status=open&q=r%C4%93%C4%B7ins%20divreiz",
            "/cases/new",
            "/policy/3?saved=published",
            "/a/%2Fb",
            "/inbox?q=100%",
        ];
        for target in fine {
            assert_eq!(safe_next(Some(target)), target, "{target:?} was refused");
        }
    }
}
