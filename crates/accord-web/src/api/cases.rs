//! `/api/v1/cases`: cases, their conversation, history, links and attachments.

use accord_core::case::{Case, CasePatch, CaseStatus, Channel, LinkKind, NewCase, Priority};
use accord_core::entry::{Entry, NewEntry};
use accord_core::ids::*;
use accord_core::language::Language;
use accord_store::blobs::Attachment;
use accord_store::cases::{CaseEvent, CaseFilter, CaseLink, Created};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::Response;
use bytes::Bytes;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::idempotent::{create_once, created, replayed};
use super::page::{self, Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser, Creation, idempotency_key};
use crate::problem::{ApiError, ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_cases, create_case))
        .routes(routes!(get_case, update_case))
        .routes(routes!(list_entries, add_entry))
        .routes(routes!(list_events))
        .routes(routes!(case_guidance))
        .routes(routes!(list_links, link_case))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(list_attachments, upload_attachment))
                .routes(routes!(download_attachment))
                .layer(axum::extract::DefaultBodyLimit::max(
                    accord_store::blobs::ATTACHMENT_MAX_BYTES,
                )),
        )
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Comma-separated statuses, e.g. `new,acknowledged`.
    status: Option<String>,
    /// Only cases that are not resolved or closed.
    open: Option<bool>,
    /// A user id, `me`, or `none` for unassigned cases.
    assignee: Option<String>,
    team: Option<TeamId>,
    organization: Option<OrganizationId>,
    contact: Option<ContactId>,
    channel: Option<Channel>,
    language: Option<Language>,
    priority: Option<Priority>,
    tag: Option<String>,
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

pub(crate) fn encode_cursor(case: &Case) -> String {
    format!("{}_{}", case.updated_at.as_microsecond(), case.id)
}

pub(crate) fn decode_cursor(cursor: &str) -> Option<(jiff::Timestamp, CaseId)> {
    let (micros, id) = cursor.split_once('_')?;
    Some((
        jiff::Timestamp::from_microsecond(micros.parse().ok()?).ok()?,
        id.parse().ok()?,
    ))
}

#[utoipa::path(get, path = "/cases", tag = "cases", params(CaseQuery),
    responses((status = 200, body = Page<Case>, description = "most recently updated first")))]
async fn list_cases(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<CaseQuery>,
) -> ApiResult<axum::Json<Page<Case>>> {
    let mut filter = CaseFilter {
        open_only: q.open.unwrap_or(false),
        limit: page::limit(q.limit),
        ..CaseFilter::default()
    };
    if let Some(statuses) = &q.status {
        for s in statuses.split(',').filter(|s| !s.is_empty()) {
            filter
                .statuses
                .push(CaseStatus::parse(s.trim()).ok_or_else(|| {
                    ApiError::bad_request(
                        "invalid_query",
                        format!(
                            "status: unknown status {s:?}; known: {}",
                            CaseStatus::ALL
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                })?);
        }
    }
    filter.assignee = match q.assignee.as_deref() {
        None => None,
        Some("none") => Some(None),
        Some("me") => Some(Some(user.id)),
        Some(id) => Some(Some(id.parse().map_err(|_| {
            ApiError::bad_request("invalid_query", "assignee: a user id, `me` or `none`")
        })?)),
    };
    filter.team = q.team;
    filter.organization = q.organization;
    filter.contact = q.contact;
    filter.channel = q.channel;
    filter.language = q.language;
    filter.priority = q.priority;
    filter.tag = q.tag;
    if let Some(cursor) = &q.cursor {
        filter.before = Some(decode_cursor(cursor).ok_or_else(page::invalid_cursor)?);
    }
    let items = state.store.list_cases(&user.actor(), &filter).await?;
    let next = (items.len() == filter.limit as usize)
        .then(|| items.last().map(encode_cursor))
        .flatten();
    Ok(axum::Json(Page { items, next }))
}

#[utoipa::path(post, path = "/cases", tag = "cases", request_body = NewCase,
    params(super::idempotent::IdempotencyHeader),
    responses((status = 201, body = Case), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn create_case(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    input: Creation<NewCase>,
) -> ApiResult<Response> {
    match state
        .store
        .create_case(
            &user.actor(),
            input.value,
            input.idempotency.as_ref(),
            now(),
        )
        .await?
    {
        Created::New(case) => Ok(created(format!("/api/v1/cases/{}", case.id), &case)),
        Created::Replayed { status, body } => Ok(replayed(status, body)),
    }
}

#[utoipa::path(get, path = "/cases/{id}", tag = "cases", params(("id" = CaseId, Path)),
    responses((status = 200, body = Case), (status = 404, body = Problem)))]
async fn get_case(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<axum::Json<Case>> {
    Ok(axum::Json(state.store.get_case(&user.actor(), id).await?))
}

/// What the policy says about the case (G4): the rules that apply explained in the case's
/// language, the alternatives open to the customer and, for staff, rationales and reply
/// templates filled in for the case. `null` when no policy governs the case.
#[utoipa::path(get, path = "/cases/{id}/guidance", tag = "cases", params(("id" = CaseId, Path)),
    responses((status = 200, body = Option<accord_store::guidance::CaseGuidance>), (status = 404, body = Problem)))]
async fn case_guidance(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<axum::Json<Option<accord_store::guidance::CaseGuidance>>> {
    Ok(axum::Json(
        state.store.case_guidance(&user.actor(), id, now()).await?,
    ))
}

#[utoipa::path(patch, path = "/cases/{id}", tag = "cases", params(("id" = CaseId, Path)), request_body = CasePatch,
    responses((status = 200, body = Case), (status = 403, body = Problem, description = "customers do not change cases"), (status = 409, body = Problem, description = "illegal status transition"), (status = 422, body = Problem)))]
async fn update_case(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiJson(patch): ApiJson<CasePatch>,
) -> ApiResult<axum::Json<Case>> {
    let (case, _) = state
        .store
        .update_case(&user.actor(), id, &patch, now())
        .await?;
    Ok(axum::Json(case))
}

#[utoipa::path(get, path = "/cases/{id}/entries", tag = "cases", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<Entry>, description = "oldest first; customers receive only messages"), (status = 404, body = Problem)))]
async fn list_entries(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<Entry>>> {
    let all = state.store.list_entries(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |e| (e.created_at, e.id),
    )?))
}

#[utoipa::path(post, path = "/cases/{id}/entries", tag = "cases", params(super::idempotent::IdempotencyHeader, ("id" = CaseId, Path)), request_body = NewEntry,
    responses((status = 201, body = Entry), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn add_entry(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    input: Creation<NewEntry>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state.store.add_entry(&actor, id, &input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |_| format!("/api/v1/cases/{id}/entries"),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/cases/{id}/events", tag = "cases", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<CaseEvent>, description = "every recorded change, oldest first"), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn list_events(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<CaseEvent>>> {
    let all = state.store.list_events(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |e| (e.at, e.id),
    )?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLink {
    other_case_id: CaseId,
    kind: LinkKind,
}

#[utoipa::path(get, path = "/cases/{id}/links", tag = "cases", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<CaseLink>, description = "by the other case's number"), (status = 404, body = Problem)))]
async fn list_links(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<CaseLink>>> {
    let all = state.store.list_links(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |l| (l.other_number, l.kind, l.incoming),
    )?))
}

#[utoipa::path(post, path = "/cases/{id}/links", tag = "cases", params(("id" = CaseId, Path)), request_body = NewLink,
    responses((status = 204, description = "linked (linking twice is harmless)"), (status = 403, body = Problem, description = "customers do not link cases"), (status = 422, body = Problem)))]
async fn link_case(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiJson(link): ApiJson<NewLink>,
) -> ApiResult<StatusCode> {
    state
        .store
        .link_cases(&user.actor(), id, link.other_case_id, link.kind, now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/cases/{id}/attachments", tag = "cases", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<Attachment>, description = "oldest first"), (status = 404, body = Problem)))]
async fn list_attachments(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<Attachment>>> {
    let all = state.store.list_attachments(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |a| (a.created_at, a.id),
    )?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name as shown to users.
    filename: String,
}

#[utoipa::path(post, path = "/cases/{id}/attachments", tag = "cases", params(super::idempotent::IdempotencyHeader, ("id" = CaseId, Path), UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "the file's bytes; its Content-Type is kept"),
    responses((status = 201, body = Attachment), (status = 413, body = Problem), (status = 422, body = Problem)))]
async fn upload_attachment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    request: axum::http::request::Parts,
    body: Bytes,
) -> ApiResult<Response> {
    let key = idempotency_key(&request.headers, &request.method, request.uri.path(), &body)?;
    let content_type = request
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream");
    let actor = user.actor();
    let create = state
        .store
        .add_attachment(&actor, id, &q.filename, content_type, body, now());
    create_once(
        &state,
        &user,
        key,
        |a| format!("/api/v1/attachments/{}", a.id),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/attachments/{id}", tag = "cases", params(("id" = AttachmentId, Path)),
    responses((status = 200, content_type = "application/octet-stream", description = "the file, as a download"), (status = 404, body = Problem)))]
async fn download_attachment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<AttachmentId>,
) -> ApiResult<Response> {
    let (attachment, bytes) = state.store.read_attachment(&user.actor(), id).await?;
    Ok(crate::attachment_response(&attachment, bytes))
}
