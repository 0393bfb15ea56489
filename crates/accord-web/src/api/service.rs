//! `/api/v1` service routes (PRODUCT.md C1, C2): the clocks of a case and the clocks about
//! to be (or already) breached, for supervisors.

use accord_core::ids::CaseId;
use accord_store::clocks::{ClockAlert, ClockView};
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::extract::{ApiPath, ApiQuery, ApiUser};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(case_clocks))
        .routes(routes!(breaching_soon))
}

#[utoipa::path(get, path = "/cases/{id}/clocks", tag = "service", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<ClockView>, description = "first response, next update, resolution: state, due time and working time counted, in the case's business calendar"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn case_clocks(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<CaseId>,
) -> ApiResult<axum::Json<Vec<ClockView>>> {
    Ok(axum::Json(
        state.store.case_clocks(&user.actor(), id, now()).await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BreachingQuery {
    /// How far ahead to look, in minutes (default 240, at most 10080: a week).
    within_minutes: Option<u32>,
    /// At most this many clocks (default 100, at most 500).
    limit: Option<u32>,
}

#[utoipa::path(get, path = "/breaching-soon", tag = "service", params(BreachingQuery),
    responses((status = 200, body = Vec<ClockAlert>, description = "running clocks of open cases due within the window, breached ones first (soonest due first)"),
        (status = 400, body = Problem), (status = 403, body = Problem)))]
async fn breaching_soon(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(query): ApiQuery<BreachingQuery>,
) -> ApiResult<axum::Json<Vec<ClockAlert>>> {
    let within = i64::from(query.within_minutes.unwrap_or(240).min(10_080));
    let limit = i64::from(query.limit.unwrap_or(100).clamp(1, 500));
    Ok(axum::Json(
        state
            .store
            .breaching_soon(
                &user.actor(),
                jiff::SignedDuration::from_mins(within),
                now(),
                limit,
            )
            .await?,
    ))
}
