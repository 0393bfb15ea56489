//! `/api/v1` routes for resolving a complaint (PRODUCT.md D1–D3): the understanding of a
//! case, its agreement's versions and the customer's answer, milestones, and the contract
//! changes waiting for review.

use accord_core::agreement::{AgreementDraft, Reply, Understanding};
use accord_core::entry::Entry;
use accord_core::ids::CaseId;
use accord_store::agreements::{AgreementView, Answerer, ContractReview, UnderstandingView};
use accord_store::resolution::ResolutionInput;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::cmp::Reverse;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::idempotent::create_once;
use super::page::{Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser, Creation};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_understanding, put_understanding))
        .routes(routes!(case_agreements, propose_agreement))
        .routes(routes!(answer_agreement))
        .routes(routes!(reach_milestone))
        .routes(routes!(resolve_case))
        .routes(routes!(contract_reviews))
        .routes(routes!(complete_contract_review))
}

#[utoipa::path(get, path = "/cases/{id}/understanding", tag = "complaints", params(("id" = CaseId, Path)),
    responses((status = 200, body = Option<UnderstandingView>, description = "what the agent understood of the problem (null until recorded)"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn get_understanding(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<axum::Json<Option<UnderstandingView>>> {
    Ok(axum::Json(
        state.store.case_understanding(&user.actor(), id).await?,
    ))
}

#[utoipa::path(put, path = "/cases/{id}/understanding", tag = "complaints", params(("id" = CaseId, Path)), request_body = Understanding,
    responses((status = 200, body = Option<UnderstandingView>), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn put_understanding(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiJson(input): ApiJson<Understanding>,
) -> ApiResult<axum::Json<Option<UnderstandingView>>> {
    let actor = user.actor();
    state
        .store
        .record_understanding(&actor, id, &input, now())
        .await?;
    Ok(axum::Json(
        state.store.case_understanding(&actor, id).await?,
    ))
}

#[utoipa::path(get, path = "/cases/{id}/agreements", tag = "complaints", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<AgreementView>, description = "every version of the case's agreement, newest first, with its milestones"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn case_agreements(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<AgreementView>>> {
    let all = state.store.case_agreements(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |a| Reverse(a.version),
    )?))
}

#[utoipa::path(post, path = "/cases/{id}/agreements", tag = "complaints", params(super::idempotent::IdempotencyHeader, ("id" = CaseId, Path)), request_body = AgreementDraft,
    responses((status = 201, body = AgreementView, description = "proposed: posted in the conversation in the customer's language and emailed with a signed link that works until the deadline; an earlier accepted version stays accepted until this one is"),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "the case is resolved or closed"), (status = 422, body = Problem)))]
async fn propose_agreement(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    input: Creation<AgreementDraft>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let public_url = state.store.public_url();
    let create = async {
        let (view, _link) = state
            .store
            .propose_agreement(&actor, id, input.value, &public_url, now())
            .await?;
        Ok(view)
    };
    create_once(
        &state,
        &user,
        input.idempotency,
        |_| format!("/api/v1/cases/{id}/agreements"),
        create,
    )
    .await
}

/// A customer's answer to the newest version of an agreement.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementAnswer {
    /// `true` to accept it; `false` to ask to discuss it first.
    pub accept: bool,
}

#[utoipa::path(post, path = "/agreements/{id}/answer", tag = "complaints", params(("id" = Uuid, Path)), request_body = AgreementAnswer,
    responses((status = 200, body = AgreementView, description = "a customer's answer, or staff recording what the customer said elsewhere (`answered_via`: portal or staff); recorded once: answering the same way again changes nothing"),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not the newest version, or accepted already (ask for an amendment)")))]
async fn answer_agreement(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(answer): ApiJson<AgreementAnswer>,
) -> ApiResult<axum::Json<AgreementView>> {
    let actor = user.actor();
    // Customers answer for themselves; staff record an answer given elsewhere (a call).
    let answerer = if actor.role == accord_core::people::Role::Customer {
        Answerer::Portal(&actor)
    } else {
        Answerer::Staff(&actor)
    };
    let reply = if answer.accept {
        Reply::Accept
    } else {
        Reply::Discuss
    };
    Ok(axum::Json(
        state
            .store
            .answer_agreement(answerer, id, reply, now())
            .await?,
    ))
}

/// What was done, for the customer's update.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneReached {
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/milestones/{id}/reached", tag = "complaints", params(("id" = Uuid, Path)), request_body = MilestoneReached,
    responses((status = 200, body = AgreementView, description = "reached (once): the customer gets an update saying what was done and what comes next"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn reach_milestone(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<MilestoneReached>,
) -> ApiResult<axum::Json<AgreementView>> {
    Ok(axum::Json(
        state
            .store
            .reach_milestone(&user.actor(), id, &input.note, now())
            .await?,
    ))
}

#[utoipa::path(post, path = "/cases/{id}/resolution", tag = "complaints", params(("id" = CaseId, Path)), request_body = ResolutionInput,
    responses((status = 201, body = Entry, description = "the explanation, sent to the customer in the case's language; the case is resolved"),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "the case cannot be resolved from its status"),
        (status = 422, body = Problem, description = "a part is empty, only stock phrases (`boilerplate`), or repeats another (`repeats`)")))]
async fn resolve_case(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiJson(input): ApiJson<ResolutionInput>,
) -> ApiResult<(StatusCode, axum::Json<Entry>)> {
    let entry = state
        .store
        .resolve_with_explanation(&user.actor(), id, &input, now())
        .await?;
    Ok((StatusCode::CREATED, axum::Json(entry)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReviewsQuery {
    /// Only the changes still to review (default true).
    open: Option<bool>,
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

#[utoipa::path(get, path = "/contract-reviews", tag = "complaints", params(ReviewsQuery),
    responses((status = 200, body = Page<ContractReview>, description = "contract changes of accepted agreements, those still to review first, then oldest first"),
        (status = 403, body = Problem)))]
async fn contract_reviews(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<ReviewsQuery>,
) -> ApiResult<axum::Json<Page<ContractReview>>> {
    let all = state
        .store
        .contract_reviews(&user.actor(), query.open.unwrap_or(true))
        .await?;
    Ok(axum::Json(Page::of_all(
        all,
        query.limit,
        query.cursor.as_deref(),
        |r| (r.reviewed_at.is_some(), r.created_at, r.id),
    )?))
}

#[utoipa::path(post, path = "/contract-reviews/{id}/done", tag = "complaints", params(("id" = Uuid, Path)),
    responses((status = 204, description = "carried into the contract (doing it again changes nothing)"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn complete_contract_review(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<StatusCode> {
    state
        .store
        .complete_contract_review(&user.actor(), id, now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
