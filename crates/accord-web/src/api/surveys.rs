//! `/api/v1` routes for surveys and follow-ups (PRODUCT.md E1, D6): a customer's own
//! surveys and their answers, the surveys sent about a case, results for supervisors, and
//! sending a survey to an organization's contacts.

use accord_core::DomainError;
use accord_core::ids::CaseId;
use accord_store::StoreError;
use accord_store::survey_results::{ResultsBy, SendReport, SendSurvey, SurveyResults};
use accord_store::surveys::{
    CaseSurvey, SurveyAnswer, SurveyAnswered, SurveyAnswerer, SurveyRequestView,
};
use axum::extract::State;
use serde::Deserialize;
use std::cmp::Reverse;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::page::{Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_surveys))
        .routes(routes!(answer_survey))
        .routes(routes!(case_surveys))
        .routes(routes!(survey_results))
        .routes(routes!(send_survey))
}

#[utoipa::path(get, path = "/survey-requests", tag = "surveys", params(PageQuery),
    responses((status = 200, body = Page<SurveyRequestView>, description = "the surveys sent to the signed-in customer's own contact (the latest 50), open ones first, then newest first (staff have none)")))]
async fn my_surveys(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<SurveyRequestView>>> {
    let all = state.store.my_surveys(&user.actor()).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |s| (s.answered_at.is_some(), Reverse(s.sent_at), s.id),
    )?))
}

#[utoipa::path(post, path = "/survey-requests/{id}/answer", tag = "surveys", params(("id" = Uuid, Path)), request_body = SurveyAnswer,
    responses((status = 200, body = SurveyAnswered, description = "recorded once (`already_answered` when it had been); a negative answer to a follow-up reopens its case and notifies its owner. Customers answer their own; staff may record an answer a customer gave them (audited)"),
        (status = 404, body = Problem, description = "not a survey sent to the reader"),
        (status = 409, body = Problem, description = "the survey has closed"), (status = 422, body = Problem)))]
async fn answer_survey(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<SurveyAnswer>,
) -> ApiResult<axum::Json<SurveyAnswered>> {
    let actor = user.actor();
    match state
        .store
        .answer_survey(id, SurveyAnswerer::Portal(&actor), &input, now())
        .await?
    {
        Ok(answered) => Ok(axum::Json(answered)),
        Err(_) => Err(StoreError::Domain(DomainError::Conflict(
            "this survey has closed: it could be answered for 30 days".into(),
        ))
        .into()),
    }
}

#[utoipa::path(get, path = "/cases/{id}/surveys", tag = "surveys", params(("id" = CaseId, Path), PageQuery),
    responses((status = 200, body = Page<CaseSurvey>, description = "the surveys sent about the case (its follow-ups), newest first, with their answers"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn case_surveys(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<CaseSurvey>>> {
    let all = state.store.case_surveys(&user.actor(), id).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |s| (Reverse(s.sent_at), s.id),
    )?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResultsQuery {
    /// The survey's id in the policy; the first survey of the policy in force when absent.
    survey: Option<String>,
    /// case, agent, team, channel, policy_version or week (default channel).
    by: Option<ResultsBy>,
    /// The period, in days back from now (1 to 366; default 30).
    days: Option<i64>,
}

#[utoipa::path(get, path = "/survey-results", tag = "surveys", params(ResultsQuery),
    responses((status = 200, body = SurveyResults, description = "the survey's answers in the period: overall, by the chosen grouping, by question, and the latest comments"),
        (status = 403, body = Problem)))]
async fn survey_results(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<ResultsQuery>,
) -> ApiResult<axum::Json<SurveyResults>> {
    let by = q.by.unwrap_or_default();
    let days = q.days.unwrap_or(30);
    let survey = match q.survey {
        Some(survey) => survey,
        None => match state.store.governing_policy_version(None, now()).await? {
            Some(version) => state
                .store
                .compiled_policy(version)
                .await?
                .surveys
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            None => String::new(),
        },
    };
    Ok(axum::Json(
        state
            .store
            .survey_results(&user.actor(), &survey, by, days, now())
            .await?,
    ))
}

#[utoipa::path(post, path = "/surveys/{id}/send", tag = "surveys", params(("id" = String, Path, description = "the survey's id in the policy in force")), request_body = SendSurvey,
    responses((status = 200, body = SendReport, description = "emailed to each contact (of the organization, or every contact) in their language, with signed one-click links; contacts asked within the policy's survey_gap_days are skipped"),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "no policy version is in force")))]
async fn send_survey(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(survey): ApiPath<String>,
    ApiJson(input): ApiJson<SendSurvey>,
) -> ApiResult<axum::Json<SendReport>> {
    Ok(axum::Json(
        state
            .store
            .send_survey(&user.actor(), &survey, &input, now())
            .await?,
    ))
}
