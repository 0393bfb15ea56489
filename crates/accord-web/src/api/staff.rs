//! `/api/v1/users`, `/api/v1/teams`, `/api/v1/tokens`, `/api/v1/audit`: staff, teams,
//! cutting off access (password change, deactivation, API tokens) and the audit log.

use accord_core::ids::{ContactId, OrganizationId, UserId};
use accord_core::language::Language;
use accord_core::people::{NewTeam, NewUser, Role, Team, User};
use accord_store::audit::AuditEntry;
use accord_store::auth::{NewToken, TokenInfo};
use accord_store::idempotency::Claim;
use accord_store::staff::Principal;
use axum::extract::State;
use axum::http::{Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::idempotent::{create_once, created, key_reused, replayed};
use super::page::{self, Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser, Creation};
use crate::problem::{ApiError, ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(list_staff, create_user))
        .routes(routes!(get_user))
        .routes(routes!(change_password))
        .routes(routes!(deactivate_user))
        .routes(routes!(reactivate_user))
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
        .routes(routes!(list_teams, create_team))
        .routes(routes!(audit_log))
}

/// A user as other users see them (no credentials).
#[derive(Serialize, ToSchema)]
pub struct UserView {
    id: UserId,
    email: String,
    name: String,
    role: Role,
    language: Language,
    organization_id: Option<OrganizationId>,
    contact_id: Option<ContactId>,
}

impl From<Principal> for UserView {
    fn from(p: Principal) -> Self {
        UserView {
            id: p.id,
            email: p.email,
            name: p.name,
            role: p.role,
            language: p.language,
            organization_id: p.organization_id,
            contact_id: p.contact_id,
        }
    }
}

#[utoipa::path(get, path = "/users/me", tag = "staff", responses((status = 200, body = UserView), (status = 401, body = Problem)))]
async fn me(ApiUser(user): ApiUser) -> axum::Json<UserView> {
    axum::Json(user.into())
}

#[utoipa::path(get, path = "/users", tag = "staff", params(PageQuery), responses((status = 200, body = Page<UserView>, description = "active staff, by name"), (status = 403, body = Problem)))]
async fn list_staff(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<UserView>>> {
    let all = state
        .store
        .list_staff(&user.actor())
        .await?
        .into_iter()
        .map(UserView::from)
        .collect();
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |u| (u.name.clone(), u.id),
    )?))
}

#[utoipa::path(post, path = "/users", params(super::idempotent::IdempotencyHeader), tag = "staff", request_body = NewUser,
    responses((status = 201, body = User), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    input: Creation<NewUser>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state.store.create_user(Some(&actor), input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |u| format!("/api/v1/users/{}", u.id),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/users/{id}", tag = "staff", params(("id" = UserId, Path, description = "the user's id")),
    responses((status = 200, body = User, description = "the user, with whether they are active"), (status = 401, body = Problem), (status = 403, body = Problem, description = "neither the user themselves nor an administrator"), (status = 404, body = Problem)))]
async fn get_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<UserId>,
) -> ApiResult<axum::Json<User>> {
    if user.id != id {
        user.actor()
            .require(accord_core::access::Action::ManageUsers)?;
    }
    Ok(axum::Json(state.store.get_user(id).await?))
}

/// A user's change of their own password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    /// The password now, not empty. An account that has none yet (made by a portal sign-in
    /// link) may send any text.
    current_password: String,
    /// At least 10 characters.
    new_password: String,
}

/// The client's address, for rate limits.
fn client(extensions: &Extensions) -> String {
    crate::limits::client_of(extensions)
}

#[utoipa::path(post, path = "/users/me/password", tag = "staff", request_body = PasswordChange,
    description = "Changes the caller's own password. Every browser session of the caller ends (their API tokens are separate credentials and keep working; revoke them with DELETE /tokens/{id}). Attempts count against the sign-in rate limit of the account.",
    responses((status = 204, description = "changed; every session of the caller has ended"), (status = 401, body = Problem), (status = 422, body = Problem, description = "`current_password` is wrong (`wrong_password`) or `new_password` too short"), (status = 429, body = Problem, description = "too many attempts for this account or address (`rate_limited`)")))]
async fn change_password(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    extensions: Extensions,
    ApiJson(input): ApiJson<PasswordChange>,
) -> ApiResult<StatusCode> {
    if !state
        .login_limiter
        .allow(&client(&extensions), &user.email)
        .await?
    {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "too many password attempts for this account; wait a minute",
        ));
    }
    state
        .store
        .change_own_password(
            &user.actor(),
            &input.current_password,
            &input.new_password,
            None,
            now(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/users/{id}/deactivate", tag = "staff", params(("id" = UserId, Path, description = "the user's id")),
    description = "Deactivates a user (administrators): they cannot sign in, every session of theirs ends and their API tokens are refused (`user_deactivated`) on every node from the next request on, until they are reactivated. Doing it twice changes nothing. Recorded in the audit log (`user.deactivate`).",
    responses((status = 200, body = User), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem, description = "one's own account (`own_account`)")))]
async fn deactivate_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<UserId>,
) -> ApiResult<axum::Json<User>> {
    let actor = user.actor();
    Ok(axum::Json(
        state
            .store
            .set_user_active(Some(&actor), id, false, now())
            .await?,
    ))
}

#[utoipa::path(post, path = "/users/{id}/reactivate", tag = "staff", params(("id" = UserId, Path, description = "the user's id")),
    description = "Reactivates a user (administrators): they can sign in again, and their tokens that were neither revoked nor expired work again. Recorded in the audit log (`user.reactivate`).",
    responses((status = 200, body = User), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn reactivate_user(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<UserId>,
) -> ApiResult<axum::Json<User>> {
    let actor = user.actor();
    Ok(axum::Json(
        state
            .store
            .set_user_active(Some(&actor), id, true, now())
            .await?,
    ))
}

#[utoipa::path(get, path = "/users/{id}/tokens", tag = "staff", params(("id" = UserId, Path, description = "the user's id"), PageQuery),
    description = "A user's API tokens, newest first, revoked and expired ones included, never their secrets: the user's own, or anyone's for administrators.",
    responses((status = 200, body = Page<TokenInfo>), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn list_tokens(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<UserId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<TokenInfo>>> {
    let limit = page::limit(q.limit);
    let before: Option<uuid::Uuid> = page::after(q.cursor.as_deref())?;
    let actor = user.actor();
    let items = state
        .store
        .list_tokens(Some(&actor), id, limit, before)
        .await?;
    Ok(axum::Json(Page::read(items, limit, |t| t.id)))
}

/// A token just issued.
#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    #[serde(flatten)]
    info: TokenInfo,
    /// The secret, to send as `Authorization: Bearer <token>`. It is never stored, so it is
    /// in this response only: a replay of the creation (same `Idempotency-Key`) leaves it
    /// out — revoke that token and issue another.
    #[serde(skip_serializing_if = "Option::is_none")]
    token: Option<String>,
}

#[utoipa::path(post, path = "/users/{id}/tokens", params(("id" = UserId, Path, description = "the user's id"), super::idempotent::IdempotencyHeader), tag = "staff", request_body = NewToken,
    description = "Issues an API token for an active user (their own, or anyone's for administrators), optionally expiring at `expires_at`. Recorded in the audit log (`token.create`).",
    responses((status = 201, body = CreatedToken), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem, description = "the user is deactivated, or the Idempotency-Key was used for another request"), (status = 422, body = Problem, description = "no name, or `expires_at` not in the future (`in_the_past`)")))]
async fn create_token(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<UserId>,
    input: Creation<NewToken>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let location = |info: &TokenInfo| format!("/api/v1/users/{}/tokens#{}", info.user_id, info.id);
    let Some(key) = input.idempotency else {
        let (info, secret) = state
            .store
            .issue_token(Some(&actor), id, &input.value, now())
            .await?;
        let body = CreatedToken {
            token: Some(secret),
            info,
        };
        return Ok(created(location(&body.info), &body));
    };
    match state.store.claim_idempotency(user.id, &key, now()).await? {
        Claim::Mine => {}
        Claim::Stored { status, body } => return Ok(replayed(status, body)),
        Claim::Mismatch => return Err(key_reused()),
        Claim::InProgress => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "idempotency_in_progress",
                "a request with this Idempotency-Key is still being processed; retry it later",
            ));
        }
    }
    match state
        .store
        .issue_token(Some(&actor), id, &input.value, now())
        .await
    {
        Ok((info, secret)) => {
            // What a replay answers: everything but the secret, which is never stored.
            let mut body = CreatedToken { info, token: None };
            let stored = serde_json::to_string(&body)
                .map_err(|e| accord_store::StoreError::Corrupt(e.to_string()))?;
            state
                .store
                .finish_idempotency(user.id, &key, 201, &stored)
                .await?;
            body.token = Some(secret);
            Ok(created(location(&body.info), &body))
        }
        Err(e) => {
            state.store.release_idempotency(user.id, &key).await?;
            Err(e.into())
        }
    }
}

#[utoipa::path(delete, path = "/tokens/{id}", tag = "staff", params(("id" = uuid::Uuid, Path, description = "the token's id")),
    description = "Revokes an API token (its owner's, or anyone's for administrators): every node refuses it (`token_revoked`) from the next request on. Revoking a revoked token changes nothing. Recorded in the audit log (`token.revoke`).",
    responses((status = 204, description = "revoked"), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn revoke_token(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<uuid::Uuid>,
) -> ApiResult<Response> {
    let actor = user.actor();
    state.store.revoke_token(Some(&actor), id, now()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/teams", tag = "staff", params(PageQuery), responses((status = 200, body = Page<Team>, description = "teams and departments, by name"), (status = 403, body = Problem)))]
async fn list_teams(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<Team>>> {
    let all = state.store.list_teams(&user.actor()).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |t| (t.name.clone(), t.id),
    )?))
}

#[utoipa::path(post, path = "/teams", params(super::idempotent::IdempotencyHeader), tag = "staff", request_body = NewTeam,
    responses((status = 201, body = Team), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_team(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    input: Creation<NewTeam>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state.store.create_team(Some(&actor), input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |t| format!("/api/v1/teams/{}", t.id),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/audit", tag = "staff", params(PageQuery),
    responses((status = 200, body = Page<AuditEntry>, description = "newest first"), (status = 403, body = Problem)))]
async fn audit_log(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<AuditEntry>>> {
    let limit = page::limit(q.limit);
    let before = page::after::<(jiff::Timestamp, uuid::Uuid)>(q.cursor.as_deref())?;
    let items = state
        .store
        .audit_page(&user.actor(), i64::from(limit), before)
        .await?;
    Ok(axum::Json(Page::read(items, limit, |e| (e.at, e.id))))
}
