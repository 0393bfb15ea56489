//! Sign-in, sign-out and the language switcher.

use accord_core::language::Language;
use accord_i18n::Tr;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, RequestPartsExt};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;

use super::{
    Chrome, LANGUAGE_COOKIE, PageError, SESSION_COOKIE, language_of, no_store, render, safe_next,
};
use crate::AppState;
use crate::security::is_cross_site;

/// Before a session exists, forms (sign-in, sign-up, a sign-in link's button) are tied to a
/// pre-session: a random value in this cookie, and in the form a token signed for it with
/// the installation's key (`Store::sign_link`). A token works only beside the cookie it was
/// made for, so neither a token taken from one browser nor a cookie and token an attacker
/// made up together pass; with secure cookies the cookie has the `__Host-` prefix, which a
/// neighbouring subdomain or plain HTTP cannot set.
const LOGIN_CSRF_COOKIE: &str = "accord_login_csrf";
const LOGIN_CSRF_COOKIE_SECURE: &str = "__Host-accord_login_csrf";

/// What a pre-session form token is signed for.
const PRE_SESSION_PURPOSE: &str = "pre-session-form";

/// How long a form drawn before signing in can be sent (a tab left open overnight).
const PRE_SESSION_FORM_LIFETIME: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

fn pre_session_cookie(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        LOGIN_CSRF_COOKIE_SECURE
    } else {
        LOGIN_CSRF_COOKIE
    }
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    next: String,
    email: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub(super) fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build()
}

pub(super) async fn anonymous_chrome(parts: &mut Parts, jar: &CookieJar) -> Chrome {
    let tr = Tr::new(language_of(parts, jar, None));
    let here = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/login".into());
    Chrome {
        tr,
        user_name: None,
        csrf: String::new(),
        here,
        is_staff: false,
        can_supervise: false,
        unread: 0,
    }
}

/// The token for a form shown before any session exists, and the jar with the pre-session
/// cookie it is bound to (kept when the browser has one, so two open tabs both work).
pub(super) async fn fresh_form_token(state: &AppState, jar: CookieJar) -> (CookieJar, String) {
    let name = pre_session_cookie(state);
    let existing = jar.get(name).map(|c| c.value().to_owned()).filter(|v| {
        v.len() == 43
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    let (jar, pre_session) = match existing {
        Some(value) => (jar, value),
        None => {
            let value = accord_store::auth::random_secret();
            let jar = jar.add(cookie(name, value.clone(), state.config.secure_cookies));
            (jar, value)
        }
    };
    let expires = crate::now() + PRE_SESSION_FORM_LIFETIME;
    match state
        .store
        .sign_link(PRE_SESSION_PURPOSE, &pre_session, expires)
        .await
    {
        Ok(token) => (jar, token),
        Err(e) => {
            // The form is still drawn; sending it is refused (and asks for a reload).
            tracing::error!(error = %e, "cannot sign a pre-session form token");
            (jar, String::new())
        }
    }
}

/// Checks the token of a form posted before any session exists against the browser's
/// pre-session cookie; returns it for the page that answers.
pub(super) async fn check_anonymous_form(
    state: &AppState,
    parts: &Parts,
    jar: &CookieJar,
    sent: &str,
    tr: Tr,
) -> Result<String, PageError> {
    let pre_session = jar
        .get(pre_session_cookie(state))
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    if is_cross_site(&parts.method, &parts.headers) || pre_session.is_empty() || sent.is_empty() {
        return Err(PageError::Csrf(tr));
    }
    match state
        .store
        .verify_link(PRE_SESSION_PURPOSE, &pre_session, sent, crate::now())
        .await
        .map_err(PageError::store(tr))?
    {
        Ok(()) => Ok(sent.to_owned()),
        Err(_) => Err(PageError::Csrf(tr)),
    }
}

/// The client's address, for rate limits and the audit log.
pub(super) fn client_of(extensions: &Extensions) -> String {
    crate::limits::client_of(extensions)
}

/// Signs a person in: a new session cookie in place of the form token.
pub(super) async fn start_session(
    state: &AppState,
    jar: CookieJar,
    user: accord_core::ids::UserId,
    tr: Tr,
) -> Result<CookieJar, PageError> {
    let (secret, _csrf) = state
        .store
        .create_session(user, state.config.session_lifetime, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    Ok(jar
        // Secure like the cookie it removes: browsers ignore a `__Host-` cookie without it.
        .remove(
            Cookie::build(pre_session_cookie(state))
                .path("/")
                .secure(state.config.secure_cookies),
        )
        .add(cookie(SESSION_COOKIE, secret, state.config.secure_cookies)))
}

pub async fn form(State(state): State<AppState>, mut parts: Parts, jar: CookieJar) -> Response {
    let Query(q) = parts
        .extract::<Query<NextQuery>>()
        .await
        .unwrap_or(Query(NextQuery { next: None }));
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let (jar, token) = fresh_form_token(&state, jar).await;
    chrome.csrf = token;
    let page = LoginPage {
        chrome,
        next: safe_next(q.next.as_deref()),
        email: String::new(),
        error: None,
    };
    no_store((jar, render(&page)).into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
    #[serde(rename = "_csrf")]
    csrf: String,
}

pub async fn submit(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    extensions: Extensions,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let tr = chrome.tr;
    chrome.csrf = check_anonymous_form(&state, &parts, &jar, &form.csrf, tr).await?;
    let next = safe_next(form.next.as_deref());
    let client = client_of(&extensions);
    let email = form.email.trim().to_lowercase();
    let failed = |status: StatusCode, key: &str, chrome: Chrome| {
        let page = LoginPage {
            error: Some(chrome.tr.t(key)),
            chrome,
            next: next.clone(),
            email: email.clone(),
        };
        no_store((status, render(&page)).into_response())
    };
    if !state
        .login_limiter
        .allow(&client, &email)
        .await
        .map_err(PageError::store(tr))?
    {
        tracing::warn!(%client, "sign-in rate limited");
        return Ok(failed(
            StatusCode::TOO_MANY_REQUESTS,
            "login-rate-limited",
            chrome,
        ));
    }
    let principal = state
        .store
        .sign_in(&email, &form.password)
        .await
        .map_err(PageError::store(tr))?;
    let Some(principal) = principal else {
        state
            .store
            .audit(
                None,
                "session.failed",
                "user",
                None,
                serde_json::json!({"email": email, "client": client}),
            )
            .await
            .map_err(PageError::store(tr))?;
        return Ok(failed(StatusCode::UNAUTHORIZED, "login-failed", chrome));
    };
    let jar = start_session(&state, jar, principal.id, tr).await?;
    Ok((jar, Redirect::to(&next)).into_response())
}

pub async fn logout(
    State(state): State<AppState>,
    user: super::PageUser,
    method: Method,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    super::check_form(&user, &method, &headers, &form.csrf)?;
    if let Some(c) = jar.get(SESSION_COOKIE) {
        state
            .store
            .delete_session(c.value())
            .await
            .map_err(PageError::store(user.chrome.tr))?;
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
    Ok((jar, Redirect::to("/login")).into_response())
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// Remembers the chosen language in a cookie. Changing it is harmless, so the form needs
/// no session, but cross-site submissions are still refused.
pub async fn set_language(
    State(state): State<AppState>,
    method: Method,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<LanguageForm>,
) -> Result<Response, PageError> {
    let language = Language::from_tag(&form.lang).unwrap_or(Language::En);
    if is_cross_site(&method, &headers) {
        return Err(PageError::Csrf(Tr::new(language)));
    }
    let mut c = cookie(
        LANGUAGE_COOKIE,
        language.code().to_owned(),
        state.config.secure_cookies,
    );
    c.make_permanent();
    Ok((jar.add(c), Redirect::to(&safe_next(form.next.as_deref()))).into_response())
}
