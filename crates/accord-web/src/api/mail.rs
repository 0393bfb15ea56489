//! `/api/v1/mail`: the email channel as staff see it — messages Accord held for a person to
//! decide on, what became of any received message, and the delivery of a case's replies.

use accord_core::ids::CaseId;
use accord_store::mail::{Delivery, HeldMail, HeldTarget, InboundSummary};
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::page::{self, Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_held))
        .routes(routes!(resolve_held))
        .routes(routes!(get_message))
        .routes(routes!(case_deliveries))
}

#[utoipa::path(get, path = "/mail/held", tag = "mail", params(PageQuery),
    responses((status = 200, body = Page<HeldMail>, description = "held messages, newest first: replies from outside a case's account, automatic mail, floods, unreadable messages"),
        (status = 403, body = Problem)))]
async fn list_held(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<HeldMail>>> {
    let limit = page::limit(query.limit);
    let before = page::after(query.cursor.as_deref())?;
    let items = state
        .store
        .held_mail_page(&user.actor(), limit, before)
        .await?;
    Ok(axum::Json(Page::read(items, limit, |m| {
        (m.received_at, m.id)
    })))
}

/// What to do with a held message.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum HeldAction {
    /// It belongs to this case; its sender becomes a contact of the case's account.
    File { case_id: CaseId },
    /// Open a new case for its sender.
    NewCase,
    /// Nothing to do (a newsletter, an out-of-office); kept, no longer listed.
    SetAside,
}

#[derive(Serialize, ToSchema)]
pub struct HeldOutcome {
    /// The case the message went to (none when set aside).
    case_id: Option<CaseId>,
}

#[utoipa::path(post, path = "/mail/held/{id}", tag = "mail",
    params(("id" = String, Path, format = Uuid)), request_body = HeldAction,
    responses((status = 200, body = HeldOutcome, description = "filed, opened as a case, or set aside"),
        (status = 403, body = Problem, description = "staff only"), (status = 404, body = Problem), (status = 409, body = Problem, description = "someone filed it already")))]
async fn resolve_held(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<uuid::Uuid>,
    ApiJson(action): ApiJson<HeldAction>,
) -> ApiResult<axum::Json<HeldOutcome>> {
    let target = match action {
        HeldAction::File { case_id } => HeldTarget::Case(case_id),
        HeldAction::NewCase => HeldTarget::NewCase,
        HeldAction::SetAside => HeldTarget::SetAside,
    };
    let case_id = state
        .store
        .resolve_held_mail(&user.actor(), id, target, now())
        .await?;
    Ok(axum::Json(HeldOutcome { case_id }))
}

#[utoipa::path(get, path = "/mail/{id}", tag = "mail",
    params(("id" = String, Path, format = Uuid)),
    responses((status = 200, body = InboundSummary, description = "a received message: its state, the case it went to, its text and attachments"),
        (status = 403, body = Problem, description = "staff only"), (status = 404, body = Problem)))]
async fn get_message(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<uuid::Uuid>,
) -> ApiResult<axum::Json<InboundSummary>> {
    Ok(axum::Json(
        state.store.inbound_mail(&user.actor(), id).await?,
    ))
}

#[utoipa::path(get, path = "/cases/{id}/deliveries", tag = "mail",
    params(("id" = String, Path, format = Uuid), PageQuery),
    responses((status = 200, body = Page<Delivery>, description = "the email of each reply, oldest first: queued, sent, failed or bounced, with attempts and the last error"),
        (status = 403, body = Problem, description = "staff only"), (status = 404, body = Problem)))]
async fn case_deliveries(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<Delivery>>> {
    let all = state.store.case_deliveries(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |d| (d.queued_at, d.message_id.clone()),
    )?))
}
