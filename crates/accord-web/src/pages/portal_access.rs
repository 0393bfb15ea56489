//! How customers get into the portal without an agent (PRODUCT.md F2): sign up with their
//! address, or sign in with a link emailed to it instead of a password. Both answer alike
//! whether or not the address has an account, so the forms reveal nobody's.
//!
//! Following a link shows a button first: mail scanners open links to look at them, and a
//! link that signed in on GET would be spent before its owner clicked it.

use accord_core::language::Language;
use accord_core::people::SignUp;
use accord_store::portal_links::Redeemed;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::errors::form_message;
use super::login::{
    anonymous_chrome, check_anonymous_form, client_of, fresh_form_token, start_session,
};
use super::{Chrome, PageError, no_store, render};
use crate::AppState;

/// Which step of getting in the page shows.
#[derive(PartialEq, Eq)]
pub enum Step {
    /// The sign-up form.
    SignUp,
    /// "Check your email".
    Sent,
    /// Following a link: the button that uses it.
    Confirm,
    /// A link that does not work (any more), and how to get a new one.
    Failed,
}

#[derive(Template)]
#[template(path = "portal_access.html")]
struct AccessPage {
    chrome: Chrome,
    step: Step,
    /// What went wrong, for `Failed` and a refused sign-up.
    problems: Vec<String>,
    name: String,
    email: String,
    language: String,
    token: String,
}

impl AccessPage {
    fn new(chrome: Chrome, step: Step) -> AccessPage {
        let language = chrome.tr.language.code().to_owned();
        AccessPage {
            chrome,
            step,
            problems: Vec::new(),
            name: String::new(),
            email: String::new(),
            language,
            token: String::new(),
        }
    }

    fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Language::ALL
            .iter()
            .map(|l| (l.code(), l.endonym(), l.code() == self.language))
            .collect()
    }
}

fn page(status: StatusCode, jar: CookieJar, page: &AccessPage) -> Response {
    no_store((status, jar, render(page)).into_response())
}

pub async fn signup_form(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
) -> Response {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let (jar, token) = fresh_form_token(&state, jar).await;
    chrome.csrf = token;
    page(StatusCode::OK, jar, &AccessPage::new(chrome, Step::SignUp))
}

#[derive(Deserialize)]
pub struct SignUpForm {
    name: String,
    email: String,
    language: String,
    #[serde(default)]
    password: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

pub async fn signup_submit(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    extensions: Extensions,
    Form(form): Form<SignUpForm>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let tr = chrome.tr;
    chrome.csrf = check_anonymous_form(&state, &parts, &jar, &form.csrf, tr).await?;
    let language = Language::from_tag(&form.language).unwrap_or(tr.language);
    let input = SignUp {
        name: form.name.clone(),
        email: form.email.clone(),
        language,
        password: Some(form.password.clone()).filter(|p| !p.is_empty()),
    };
    let refused = |chrome: Chrome, status: StatusCode, problems: Vec<String>| {
        let mut again = AccessPage::new(chrome, Step::SignUp);
        again.problems = problems;
        again.name = form.name.clone();
        again.email = form.email.clone();
        again.language = language.code().to_owned();
        page(status, jar.clone(), &again)
    };
    let client = client_of(&extensions);
    if !state
        .login_limiter
        .allow(&client, &form.email.trim().to_lowercase())
        .await
        .map_err(PageError::store(tr))?
    {
        return Ok(refused(
            chrome,
            StatusCode::TOO_MANY_REQUESTS,
            vec![tr.t("login-rate-limited")],
        ));
    }
    match state
        .store
        .sign_up(&input, &state.store.public_url(), crate::now())
        .await
    {
        Ok(outcome) => {
            tracing::info!(%client, ?outcome, "portal sign-up");
            Ok(page(
                StatusCode::OK,
                jar,
                &AccessPage::new(chrome, Step::Sent),
            ))
        }
        Err(e) => match form_message(tr, &e) {
            Some(problems) => Ok(refused(chrome, StatusCode::UNPROCESSABLE_ENTITY, problems)),
            None => Err(PageError::store(tr)(e)),
        },
    }
}

#[derive(Deserialize)]
pub struct LinkForm {
    email: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

/// "Email me a sign-in link" from the sign-in page.
pub async fn link_request(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    extensions: Extensions,
    Form(form): Form<LinkForm>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let tr = chrome.tr;
    chrome.csrf = check_anonymous_form(&state, &parts, &jar, &form.csrf, tr).await?;
    let client = client_of(&extensions);
    let email = form.email.trim().to_lowercase();
    if !state
        .login_limiter
        .allow(&client, &email)
        .await
        .map_err(PageError::store(tr))?
    {
        let mut again = AccessPage::new(chrome, Step::Failed);
        again.problems = vec![tr.t("login-rate-limited")];
        return Ok(page(StatusCode::TOO_MANY_REQUESTS, jar, &again));
    }
    match state
        .store
        .send_sign_in_link(&email, &state.store.public_url(), crate::now())
        .await
    {
        Ok(outcome) => {
            tracing::info!(%client, ?outcome, "portal sign-in link");
            Ok(page(
                StatusCode::OK,
                jar,
                &AccessPage::new(chrome, Step::Sent),
            ))
        }
        Err(e) => match form_message(tr, &e) {
            Some(problems) => {
                let mut again = AccessPage::new(chrome, Step::Failed);
                again.problems = problems;
                Ok(page(StatusCode::UNPROCESSABLE_ENTITY, jar, &again))
            }
            None => Err(PageError::store(tr)(e)),
        },
    }
}

/// Opening an emailed link: a button that uses it.
pub async fn link_confirm(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    Path(token): Path<String>,
) -> Response {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let (jar, csrf) = fresh_form_token(&state, jar).await;
    chrome.csrf = csrf;
    let mut confirm = AccessPage::new(chrome, Step::Confirm);
    confirm.token = token;
    page(StatusCode::OK, jar, &confirm)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(rename = "_csrf")]
    csrf: String,
}

/// Using a link: signed in (the account made on a sign-up), or told why not.
pub async fn link_redeem(
    State(state): State<AppState>,
    mut parts: Parts,
    jar: CookieJar,
    Path(token): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, PageError> {
    let mut chrome = anonymous_chrome(&mut parts, &jar).await;
    let tr = chrome.tr;
    chrome.csrf = check_anonymous_form(&state, &parts, &jar, &form.csrf, tr).await?;
    let outcome = state
        .store
        .redeem_link(&token, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    let problem = match outcome {
        Redeemed::SignedIn(user) => {
            let jar = start_session(&state, jar, user.id, tr).await?;
            return Ok((jar, Redirect::to("/inbox")).into_response());
        }
        Redeemed::Expired => "portal-link-expired",
        Redeemed::Used => "portal-link-used",
        Redeemed::Unknown => "portal-link-unknown",
    };
    let mut failed = AccessPage::new(chrome, Step::Failed);
    failed.problems = vec![tr.t(problem)];
    Ok(page(StatusCode::GONE, jar, &failed))
}
