//! `/api/v1` service routes (PRODUCT.md C1, C2, B5, D5): the clocks of a case, the clocks
//! about to be (or already) breached, remedies with their approvals, and the concession
//! ledger of an account.

use accord_core::entry::Entry;
use accord_core::ids::{CaseId, GrantId, OrganizationId};
use accord_core::remedy::{Decision, NewGrant};
use accord_store::acknowledge::Acknowledgement;
use accord_store::clocks::{ClockAlert, ClockView};
use accord_store::remedies::{Grant, Ledger, OfferedRemedy};
use accord_store::supervision::{EscalationRecord, StaffStanding};
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::idempotent::create_once;
use super::page::{self, Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser, Creation};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(case_clocks))
        .routes(routes!(acknowledgement_preview, acknowledge_case))
        .routes(routes!(breaching_soon))
        .routes(routes!(escalations))
        .routes(routes!(standing))
        .routes(routes!(case_remedies, grant_remedy))
        .routes(routes!(pending_approvals))
        .routes(routes!(decide_remedy))
        .routes(routes!(ledger))
}

#[utoipa::path(get, path = "/cases/{id}/clocks", tag = "service", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<ClockView>, description = "first response, next update, resolution (in that order): state, due time and working time counted, in the case's business calendar"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn case_clocks(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<ClockView>>> {
    let all = state.store.case_clocks(&user.actor(), id, now()).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |c| c.kind,
    )?))
}

#[utoipa::path(get, path = "/cases/{id}/acknowledgement", tag = "service", params(("id" = CaseId, Path)),
    responses((status = 200, body = Acknowledgement, description = "what the acknowledgement of the case would say if sent now, in the customer's language, and the next update it promises"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn acknowledgement_preview(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<axum::Json<Acknowledgement>> {
    Ok(axum::Json(
        state
            .store
            .acknowledgement_preview(&user.actor(), id, now())
            .await?,
    ))
}

#[utoipa::path(post, path = "/cases/{id}/acknowledgement", tag = "service", params(("id" = CaseId, Path)),
    responses((status = 201, body = Entry, description = "the acknowledgement was sent as a reply; the case is acknowledged and its next-update promise runs"),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "the case is not new: it was acknowledged or answered already")))]
async fn acknowledge_case(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<(axum::http::StatusCode, axum::Json<Entry>)> {
    let entry = state
        .store
        .acknowledge_case(&user.actor(), id, now())
        .await?;
    Ok((axum::http::StatusCode::CREATED, axum::Json(entry)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BreachingQuery {
    /// How far ahead to look, in minutes (default 240, at most 10080: a week).
    within_minutes: Option<u32>,
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

#[utoipa::path(get, path = "/breaching-soon", tag = "service", params(BreachingQuery),
    responses((status = 200, body = Page<ClockAlert>, description = "running clocks of open cases due within the window, breached ones first (soonest due first)"),
        (status = 403, body = Problem)))]
async fn breaching_soon(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<BreachingQuery>,
) -> ApiResult<axum::Json<Page<ClockAlert>>> {
    let within = i64::from(query.within_minutes.unwrap_or(240).min(10_080));
    let limit = page::limit(query.limit);
    let after = page::after(query.cursor.as_deref())?;
    let items = state
        .store
        .breaching_soon_page(
            &user.actor(),
            jiff::SignedDuration::from_mins(within),
            now(),
            i64::from(limit),
            after,
        )
        .await?;
    Ok(axum::Json(Page::read(items, limit, |c| {
        (c.due_at, c.case_id, c.kind)
    })))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// How many days back to look (default 7 for escalations, 30 for standing; at most 366).
    days: Option<u32>,
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

fn days_back(days: Option<u32>, default: u32) -> jiff::Timestamp {
    let days = i64::from(days.unwrap_or(default).clamp(1, 366));
    now() - jiff::SignedDuration::from_hours(24 * days)
}

#[utoipa::path(get, path = "/escalations", tag = "service", params(PeriodQuery),
    responses((status = 200, body = Page<EscalationRecord>, description = "levels of the escalation chain that ran in the period, newest first: the level, what fired it, its rationale, what it did and who holds the case now"),
        (status = 403, body = Problem)))]
async fn escalations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<PeriodQuery>,
) -> ApiResult<axum::Json<Page<EscalationRecord>>> {
    let limit = page::limit(query.limit);
    let before = page::after(query.cursor.as_deref())?;
    let items = state
        .store
        .escalations_page(
            &user.actor(),
            days_back(query.days, 7),
            i64::from(limit),
            before,
        )
        .await?;
    Ok(axum::Json(Page::read(items, limit, |e| (e.at, e.event_id))))
}

#[utoipa::path(get, path = "/standing", tag = "service", params(PeriodQuery),
    responses((status = 200, body = Page<StaffStanding>, description = "each active agent and supervisor (a supervisor sees everyone, an agent themself), by name: clocks of the period met in time, missed and running per kind, open cases held, and whether they acknowledged the policy version in force; counted at most once a minute"),
        (status = 403, body = Problem)))]
async fn standing(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<PeriodQuery>,
) -> ApiResult<axum::Json<Page<StaffStanding>>> {
    let days = i64::from(query.days.unwrap_or(30).clamp(1, 366));
    let (_, rows) = state
        .standing
        .get(&state.store, &user.actor(), days, now())
        .await?;
    Ok(axum::Json(Page::of_all(
        rows,
        query.limit,
        query.cursor.as_deref(),
        |s| (s.name.clone(), s.user_id),
    )?))
}

/// The remedies of a case: what the policy offers on it and what was given or asked.
#[derive(Serialize, ToSchema)]
pub struct CaseRemedies {
    offered: Vec<OfferedRemedy>,
    grants: Vec<Grant>,
}

#[utoipa::path(get, path = "/cases/{id}/remedies", tag = "service", params(("id" = CaseId, Path)),
    responses((status = 200, body = CaseRemedies, description = "remedies the governing policy offers on the case, with the reader's own limit, and the grants so far"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn case_remedies(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<axum::Json<CaseRemedies>> {
    let actor = user.actor();
    Ok(axum::Json(CaseRemedies {
        offered: state.store.offered_remedies(&actor, id, now()).await?,
        grants: state.store.case_grants(&actor, id).await?,
    }))
}

#[utoipa::path(post, path = "/cases/{id}/remedies", tag = "service", params(super::idempotent::IdempotencyHeader, ("id" = CaseId, Path)), request_body = NewGrant,
    responses((status = 201, body = Grant, description = "`granted` within the requester's limit; `pending` above it, with the role that must approve"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem, description = "not offered on this case, or above every role's limit")))]
async fn grant_remedy(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    input: Creation<NewGrant>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state.store.grant_remedy(&actor, id, &input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |_| format!("/api/v1/cases/{id}/remedies"),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/approvals", tag = "service", params(PageQuery),
    responses((status = 200, body = Page<Grant>, description = "pending remedies the reader may approve or refuse (their limit covers the amount; never their own requests), oldest first"),
        (status = 403, body = Problem)))]
async fn pending_approvals(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<Grant>>> {
    let all = state.store.pending_approvals(&user.actor()).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |g| (g.requested_at, g.id),
    )?))
}

#[utoipa::path(post, path = "/approvals/{id}", tag = "service", params(("id" = GrantId, Path)), request_body = Decision,
    responses((status = 200, body = Grant), (status = 403, body = Problem, description = "above the reader's limit, or their own request"),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "already decided"), (status = 422, body = Problem)))]
async fn decide_remedy(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<GrantId>,
    ApiJson(decision): ApiJson<Decision>,
) -> ApiResult<axum::Json<Grant>> {
    Ok(axum::Json(
        state
            .store
            .decide_remedy(&user.actor(), id, &decision, now())
            .await?,
    ))
}

#[utoipa::path(get, path = "/organizations/{id}/ledger", tag = "service", params(("id" = OrganizationId, Path)),
    responses((status = 200, body = Ledger, description = "every remedy given to the account and every refusal, newest first, totals per unit, and the patterns a supervisor should look at"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn ledger(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<OrganizationId>,
) -> ApiResult<axum::Json<Ledger>> {
    Ok(axum::Json(
        state.store.ledger(&user.actor(), id, now()).await?,
    ))
}
