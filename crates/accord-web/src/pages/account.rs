//! Cutting off access (PRODUCT.md J6, H1). Everyone's account page: change the password
//! (which signs out every other session) and, for staff, their API tokens — issued with an
//! optional expiry, listed without secrets, revoked. The administrators' users pages:
//! deactivate and reactivate a user, and see, issue and revoke their tokens. Every
//! deactivation and revocation is in the audit log, and counts on every node at once.

use accord_core::access::Action;
use accord_core::ids::UserId;
use accord_i18n::Tr;
use accord_store::StoreError;
use accord_store::auth::{NewToken, TokenInfo};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{Extensions, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use super::errors::form_message;
use super::login::client_of;
use super::{Chrome, PageError, PageUser, SESSION_COOKIE, check_form, no_store, render, safe_next};
use crate::AppState;

/// One token as the pages list it.
pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub created: String,
    pub expires: String,
    pub state: String,
    /// `usable`, `expired` or `revoked`, for the badge.
    pub class: &'static str,
    pub usable: bool,
}

fn token_rows(tr: Tr, zone: &jiff::tz::TimeZone, tokens: Vec<TokenInfo>) -> Vec<TokenRow> {
    let now = crate::now();
    tokens
        .into_iter()
        .map(|t| {
            let (state, class) = match (t.revoked_at, t.expires_at) {
                (Some(at), _) => (
                    tr.t1("token-revoked-at", "when", &tr.datetime(at, zone)),
                    "revoked",
                ),
                (None, Some(at)) if at <= now => (tr.t("token-expired"), "expired"),
                _ => (tr.t("token-usable"), "usable"),
            };
            TokenRow {
                id: t.id.to_string(),
                created: tr.datetime(t.created_at, zone),
                expires: t
                    .expires_at
                    .map(|at| tr.datetime(at, zone))
                    .unwrap_or_else(|| tr.t("token-never-expires")),
                usable: class == "usable",
                name: t.name,
                state,
                class,
            }
        })
        .collect()
}

/// The tokens a page lists: the newest ones.
const TOKENS_SHOWN: u32 = 100;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    name: String,
    email: String,
    role: String,
    notice: Option<String>,
    password_problems: Vec<String>,
    token_problems: Vec<String>,
    tokens: Vec<TokenRow>,
    /// A token just issued: shown this once.
    new_token: Option<String>,
    token_name: String,
    can_manage_users: bool,
    /// Where the token list's forms go and come back to.
    back: String,
    token_action: String,
    can_issue: bool,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The notice for a finished action (`?done=`).
fn notice(tr: Tr, done: Option<&str>) -> Option<String> {
    let key = match done? {
        "password" => "my-account-password-changed",
        "token-revoked" => "token-revoked-notice",
        "deactivated" => "users-deactivated-notice",
        "reactivated" => "users-reactivated-notice",
        _ => return None,
    };
    Some(tr.t(key))
}

async fn account_page(
    state: &AppState,
    user: PageUser,
    status: StatusCode,
    fill: impl FnOnce(&mut AccountPage),
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let principal = &user.session.principal;
    let actor = principal.actor();
    let tokens = if principal.role.is_staff() {
        let tokens = state
            .store
            .list_tokens(Some(&actor), principal.id, TOKENS_SHOWN, None)
            .await
            .map_err(PageError::store(tr))?;
        token_rows(tr, &state.config.time_zone, tokens)
    } else {
        Vec::new()
    };
    let mut page = AccountPage {
        name: principal.name.clone(),
        email: principal.email.clone(),
        role: tr.t(&format!("role-{}", principal.role)),
        notice: None,
        password_problems: Vec::new(),
        token_problems: Vec::new(),
        tokens,
        new_token: None,
        token_name: String::new(),
        can_manage_users: actor.can(Action::ManageUsers),
        back: "/account".into(),
        token_action: "/account/tokens".into(),
        can_issue: true,
        chrome: user.chrome,
    };
    fill(&mut page);
    Ok(no_store((status, render(&page)).into_response()))
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let notice = notice(user.chrome.tr, q.done.as_deref());
    account_page(&state, user, StatusCode::OK, |p| p.notice = notice).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
    repeat_password: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

/// Changing one's own password: every other session of the user ends; this one stays.
pub async fn change_password(
    State(state): State<AppState>,
    user: PageUser,
    method: Method,
    headers: HeaderMap,
    extensions: Extensions,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let refused = |status, problems: Vec<String>| (status, problems);
    let outcome = if form.new_password != form.repeat_password {
        Err(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t("my-account-password-mismatch")],
        ))
    } else if !state
        .login_limiter
        .allow(&client_of(&extensions), &user.session.principal.email)
        .await
        .map_err(PageError::store(tr))?
    {
        // Guessing the current password is guessing a password.
        Err(refused(
            StatusCode::TOO_MANY_REQUESTS,
            vec![tr.t("login-rate-limited")],
        ))
    } else {
        let jar = CookieJar::from_headers(&headers);
        let keep = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
        match state
            .store
            .change_own_password(
                &user.session.principal.actor(),
                &form.current_password,
                &form.new_password,
                keep.as_deref(),
                crate::now(),
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(e) => match form_message(tr, &e) {
                Some(problems) => Err(refused(StatusCode::UNPROCESSABLE_ENTITY, problems)),
                None => return Err(PageError::store(tr)(e)),
            },
        }
    };
    match outcome {
        Ok(()) => Ok(Redirect::to("/account?done=password").into_response()),
        Err((status, problems)) => {
            account_page(&state, user, status, |p| p.password_problems = problems).await
        }
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
    /// The last day it works (in the installation's time zone); empty: until revoked.
    #[serde(default)]
    expires_on: String,
    #[serde(rename = "_csrf")]
    csrf: String,
}

/// The instant a token whose last day is `day` stops: the start of the next day.
fn expiry(
    tr: Tr,
    zone: &jiff::tz::TimeZone,
    day: &str,
) -> Result<Option<jiff::Timestamp>, Vec<String>> {
    let day = day.trim();
    if day.is_empty() {
        return Ok(None);
    }
    day.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.tomorrow().ok())
        .and_then(|d| d.to_zoned(zone.clone()).ok())
        .map(|z| Some(z.timestamp()))
        .ok_or_else(|| vec![tr.t("token-expires-invalid")])
}

/// Issues a token for `owner` from a posted form: the secret, or the problems to show.
async fn issue_from_form(
    state: &AppState,
    user: &PageUser,
    owner: UserId,
    form: &TokenForm,
) -> Result<Result<String, Vec<String>>, PageError> {
    let tr = user.chrome.tr;
    let expires_at = match expiry(tr, &state.config.time_zone, &form.expires_on) {
        Ok(at) => at,
        Err(problems) => return Ok(Err(problems)),
    };
    let new = NewToken {
        name: form.name.clone(),
        expires_at,
    };
    let actor = user.session.principal.actor();
    match state
        .store
        .issue_token(Some(&actor), owner, &new, crate::now())
        .await
    {
        Ok((_, secret)) => Ok(Ok(secret)),
        Err(e) => match form_message(tr, &e) {
            Some(problems) => Ok(Err(problems)),
            None => Err(PageError::store(tr)(e)),
        },
    }
}

/// Issuing one's own token: the page shows its secret this once.
pub async fn create_own_token(
    State(state): State<AppState>,
    user: PageUser,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let owner = user.session.principal.id;
    match issue_from_form(&state, &user, owner, &form).await? {
        Ok(secret) => {
            account_page(&state, user, StatusCode::OK, |p| p.new_token = Some(secret)).await
        }
        Err(problems) => {
            account_page(&state, user, StatusCode::UNPROCESSABLE_ENTITY, |p| {
                p.token_problems = problems;
                p.token_name = form.name.clone();
            })
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct RevokeForm {
    /// The page to return to: the account page or a user's page.
    back: Option<String>,
    #[serde(rename = "_csrf")]
    csrf: String,
}

/// Revoking a token: the owner's own, or anyone's by an administrator.
pub async fn revoke_token(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<RevokeForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    let tr = user.chrome.tr;
    let id = id.parse().map_err(|_| PageError::NotFound(tr))?;
    let actor = user.session.principal.actor();
    state
        .store
        .revoke_token(Some(&actor), id, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    let back = safe_next(Some(form.back.as_deref().unwrap_or("/account")));
    let back = back.split('?').next().unwrap_or("/account");
    Ok(Redirect::to(&format!("{back}?done=token-revoked")).into_response())
}

/// One user in the administrators' list.
pub struct UserListRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    chrome: Chrome,
    search: String,
    rows: Vec<UserListRow>,
}

#[derive(Deserialize, Default)]
pub struct UsersQuery {
    q: Option<String>,
}

/// The users shown at most.
const USERS_SHOWN: u32 = 200;

fn require_admin(user: &PageUser) -> Result<(), PageError> {
    if user.session.principal.actor().can(Action::ManageUsers) {
        Ok(())
    } else {
        Err(PageError::Forbidden(user.chrome.tr))
    }
}

pub async fn users(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<UsersQuery>,
) -> Result<Response, PageError> {
    require_admin(&user)?;
    let tr = user.chrome.tr;
    let search = q.q.unwrap_or_default();
    let rows = state
        .store
        .list_users(
            &user.session.principal.actor(),
            Some(search.as_str()).filter(|s| !s.trim().is_empty()),
            USERS_SHOWN,
        )
        .await
        .map_err(PageError::store(tr))?
        .into_iter()
        .map(|r| UserListRow {
            id: r.principal.id.to_string(),
            role: tr.t(&format!("role-{}", r.principal.role)),
            name: r.principal.name,
            email: r.principal.email,
            active: r.active,
        })
        .collect();
    Ok(no_store(render(&UsersPage {
        chrome: user.chrome,
        search,
        rows,
    })))
}

#[derive(Template)]
#[template(path = "user.html")]
struct UserPage {
    chrome: Chrome,
    id: String,
    name: String,
    email: String,
    role: String,
    active: bool,
    is_self: bool,
    notice: Option<String>,
    problems: Vec<String>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
    token_name: String,
    back: String,
    token_action: String,
    /// Tokens are issued to active users only.
    can_issue: bool,
}

fn user_id(tr: Tr, id: &str) -> Result<UserId, PageError> {
    id.parse().map(UserId).map_err(|_| PageError::NotFound(tr))
}

async fn user_page(
    state: &AppState,
    user: PageUser,
    id: UserId,
    status: StatusCode,
    fill: impl FnOnce(&mut UserPage),
) -> Result<Response, PageError> {
    require_admin(&user)?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let shown = state
        .store
        .get_user(id)
        .await
        .map_err(PageError::store(tr))?;
    let tokens = state
        .store
        .list_tokens(Some(&actor), id, TOKENS_SHOWN, None)
        .await
        .map_err(PageError::store(tr))?;
    let mut page = UserPage {
        id: id.to_string(),
        role: tr.t(&format!("role-{}", shown.role)),
        name: shown.name,
        email: shown.email,
        active: shown.active,
        is_self: actor.user_id == id,
        notice: None,
        problems: Vec::new(),
        tokens: token_rows(tr, &state.config.time_zone, tokens),
        new_token: None,
        token_name: String::new(),
        back: format!("/users/{id}"),
        token_action: format!("/users/{id}/tokens"),
        can_issue: shown.active,
        chrome: user.chrome,
    };
    fill(&mut page);
    Ok(no_store((status, render(&page)).into_response()))
}

pub async fn user(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let id = user_id(user.chrome.tr, &id)?;
    let notice = notice(user.chrome.tr, q.done.as_deref());
    user_page(&state, user, id, StatusCode::OK, |p| p.notice = notice).await
}

/// Deactivating or reactivating a user (`/users/{id}/deactivate`, `/users/{id}/reactivate`).
async fn set_active(
    state: AppState,
    user: PageUser,
    id: String,
    method: Method,
    headers: HeaderMap,
    csrf: String,
    active: bool,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &csrf)?;
    require_admin(&user)?;
    let tr = user.chrome.tr;
    let id = user_id(tr, &id)?;
    let actor = user.session.principal.actor();
    match state
        .store
        .set_user_active(Some(&actor), id, active, crate::now())
        .await
    {
        Ok(_) => {
            let done = if active { "reactivated" } else { "deactivated" };
            Ok(Redirect::to(&format!("/users/{id}?done={done}")).into_response())
        }
        Err(e @ StoreError::Domain(accord_core::DomainError::Invalid(_))) => {
            let problems = form_message(tr, &e).unwrap_or_default();
            user_page(&state, user, id, StatusCode::UNPROCESSABLE_ENTITY, |p| {
                p.problems = problems
            })
            .await
        }
        Err(e) => Err(PageError::store(tr)(e)),
    }
}

pub async fn deactivate(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    set_active(state, user, id, method, headers, form.csrf, false).await
}

pub async fn reactivate(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    set_active(state, user, id, method, headers, form.csrf, true).await
}

/// An administrator issues a token for a user: the page shows its secret this once.
pub async fn create_user_token(
    State(state): State<AppState>,
    user: PageUser,
    Path(id): Path<String>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Result<Response, PageError> {
    check_form(&user, &method, &headers, &form.csrf)?;
    require_admin(&user)?;
    let id = user_id(user.chrome.tr, &id)?;
    match issue_from_form(&state, &user, id, &form).await? {
        Ok(secret) => {
            user_page(&state, user, id, StatusCode::OK, |p| {
                p.new_token = Some(secret)
            })
            .await
        }
        Err(problems) => {
            user_page(&state, user, id, StatusCode::UNPROCESSABLE_ENTITY, |p| {
                p.problems = problems;
                p.token_name = form.name.clone();
            })
            .await
        }
    }
}
