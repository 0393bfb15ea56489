//! `/api/v1/users`, `/api/v1/teams`, `/api/v1/audit`: staff, teams and the audit log.

use accord_core::ids::{ContactId, OrganizationId, UserId};
use accord_core::language::Language;
use accord_core::people::{NewTeam, NewUser, Role, Team, User};
use accord_store::audit::AuditEntry;
use accord_store::staff::Principal;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::idempotent::create_once;
use crate::extract::{ApiQuery, ApiUser, Creation};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(list_staff, create_user))
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

#[utoipa::path(get, path = "/users", tag = "staff", responses((status = 200, body = Vec<UserView>, description = "active staff"), (status = 403, body = Problem)))]
async fn list_staff(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<axum::Json<Vec<UserView>>> {
    Ok(axum::Json(
        state
            .store
            .list_staff(&user.actor())
            .await?
            .into_iter()
            .map(UserView::from)
            .collect(),
    ))
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

#[utoipa::path(get, path = "/teams", tag = "staff", responses((status = 200, body = Vec<Team>), (status = 403, body = Problem)))]
async fn list_teams(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<axum::Json<Vec<Team>>> {
    Ok(axum::Json(state.store.list_teams(&user.actor()).await?))
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

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// 1 to 1000 (default 100).
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/audit", tag = "staff", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>, description = "newest first"), (status = 403, body = Problem)))]
async fn audit_log(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> ApiResult<axum::Json<Vec<AuditEntry>>> {
    Ok(axum::Json(
        state
            .store
            .audit_log(&user.actor(), q.limit.unwrap_or(100))
            .await?,
    ))
}
