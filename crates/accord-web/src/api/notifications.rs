//! `/api/v1/notifications`: what escalations and policy reviews asked of the caller
//! (PRODUCT.md C2, B2). Everyone sees and clears only their own.

use accord_store::notifications::Notification;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::page::{self, Page};
use crate::extract::{ApiPath, ApiQuery, ApiUser};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_notifications))
        .routes(routes!(mark_read))
        .routes(routes!(mark_all_read))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only the unread ones (default false).
    unread: Option<bool>,
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

#[utoipa::path(get, path = "/notifications", tag = "staff", params(NotificationQuery),
    responses((status = 200, body = Page<Notification>, description = "the caller's notifications, newest first")))]
async fn list_notifications(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<NotificationQuery>,
) -> ApiResult<axum::Json<Page<Notification>>> {
    let limit = page::limit(query.limit);
    let before = page::after(query.cursor.as_deref())?;
    let unread = query.unread.unwrap_or(false);
    let items = state
        .store
        .notifications_page(&user.actor(), unread, i64::from(limit), before)
        .await?;
    Ok(axum::Json(Page::read(items, limit, |n| {
        (n.created_at, n.id)
    })))
}

#[utoipa::path(post, path = "/notifications/{id}/read", tag = "staff",
    params(("id" = String, Path, format = Uuid)),
    responses((status = 204, description = "marked read (marking again changes nothing)"),
        (status = 404, body = Problem, description = "no notification of the caller has this id")))]
async fn mark_read(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<uuid::Uuid>,
) -> ApiResult<StatusCode> {
    state
        .store
        .mark_notification_read(&user.actor(), id, now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct Marked {
    /// How many were unread.
    marked: u64,
}

#[utoipa::path(post, path = "/notifications/read", tag = "staff",
    responses((status = 200, body = Marked, description = "every notification of the caller is read")))]
async fn mark_all_read(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<axum::Json<Marked>> {
    let marked = state
        .store
        .mark_all_notifications_read(&user.actor(), now())
        .await?;
    Ok(axum::Json(Marked { marked }))
}
