//! `/api/v1/policies`: service policy versions — check, draft, publish, acknowledge.

use accord_core::ids::OrganizationId;
use accord_i18n::Tr;
use accord_policy::{Finding, Severity};
use accord_store::calendars::CalendarView;
use accord_store::policies::{Acknowledgement, Grace, PolicyVersion};
use accord_store::policy_diff::PolicyDiff;
use accord_store::rule_matches::MatchingCases;
use accord_store::staff::Principal;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::page::{Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser, Creation};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(check_policy))
        .routes(routes!(list_versions, create_draft))
        .routes(routes!(get_version, update_draft))
        .routes(routes!(publish))
        .routes(routes!(acknowledge))
        .routes(routes!(acknowledgements))
        .routes(routes!(diff))
        .routes(routes!(calendars))
        .routes(routes!(matching_cases))
}

/// A condition typed by a person, parsed, or the message (in their language) saying what to
/// fix and where. Empty: every case.
pub(crate) fn parse_condition(
    tr: Tr,
    text: Option<&str>,
) -> Result<accord_policy::condition::Condition, String> {
    use accord_policy::condition::Condition;
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(Condition::Always),
        Some(text) => Condition::parse(text).map_err(|e| {
            let message = tr.policy_finding(
                "condition",
                &[
                    ("field", "condition".to_owned()),
                    ("problem", e.code.to_owned()),
                    ("subject", e.subject),
                    ("expected", e.expected),
                ],
            );
            format!("{message} ({}:{})", e.line, e.column)
        }),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MatchingQuery {
    /// A condition in the policy's condition language, e.g.
    /// `case.channel == "email" && account.tier >= "gold"`. Absent: every open case.
    condition: Option<String>,
    /// At most this many cases listed (default 20, at most 200); the count covers them all.
    limit: Option<u16>,
}

#[utoipa::path(get, path = "/policies/matching-cases", tag = "policy", params(MatchingQuery),
    responses((status = 200, body = MatchingCases, description = "how many open cases the condition matches now, and the newest of them — one SQL query, the same selection the policy makes"),
        (status = 400, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "the condition does not parse: what is wrong, at line:column")))]
async fn matching_cases(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    crate::extract::ApiQuery(query): crate::extract::ApiQuery<MatchingQuery>,
) -> ApiResult<axum::Json<MatchingCases>> {
    let condition =
        parse_condition(Tr::new(user.language), query.condition.as_deref()).map_err(|message| {
            accord_core::DomainError::invalid("condition", "invalid_condition", message)
        })?;
    let today = now().to_zoned(state.config.time_zone.clone()).date();
    let limit = u64::from(query.limit.unwrap_or(20).clamp(1, 200));
    Ok(axum::Json(
        state
            .store
            .open_cases_matching(&user.actor(), &condition, today, limit)
            .await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// A published version (default: the one in force now).
    version: Option<i64>,
    /// Days ahead to list holidays, closures and special hours for (default 90, at most 731).
    days: Option<u16>,
}

/// The calendars of a published version and the version they belong to.
#[derive(Serialize, ToSchema)]
pub struct Calendars {
    version: i64,
    calendars: Vec<CalendarView>,
}

#[utoipa::path(get, path = "/calendars", tag = "policy", params(CalendarQuery),
    responses((status = 200, body = Calendars, description = "each business calendar: time zone, whether it is open now, weekly hours, the holidays, closures and special hours ahead, and the procedures it times"),
        (status = 400, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem, description = "no such published version, or none in force")))]
async fn calendars(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    crate::extract::ApiQuery(query): crate::extract::ApiQuery<CalendarQuery>,
) -> ApiResult<axum::Json<Calendars>> {
    let days = i32::from(query.days.unwrap_or(90));
    let (version, calendars) = state
        .store
        .policy_calendars(&user.actor(), query.version, now(), days)
        .await?;
    Ok(axum::Json(Calendars { version, calendars }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The version to compare with. Default: for a draft the latest published version, for
    /// a published version the one published before it.
    against: Option<i64>,
}

#[utoipa::path(get, path = "/policies/{number}/diff", tag = "policy", params(("number" = i64, Path, description = "version number"), DiffQuery),
    responses((status = 200, body = PolicyDiff, description = "the changed lines of the policy document, with three lines of context, grouped in hunks"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn diff(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(number): ApiPath<i64>,
    crate::extract::ApiQuery(query): crate::extract::ApiQuery<DiffQuery>,
) -> ApiResult<axum::Json<PolicyDiff>> {
    Ok(axum::Json(
        state
            .store
            .policy_diff(&user.actor(), number, query.against)
            .await?,
    ))
}

/// One finding of the policy check, with its message in the caller's language.
#[derive(Serialize, ToSchema)]
pub struct FindingView {
    #[schema(value_type = String, example = "error")]
    severity: Severity,
    /// Stable machine code, e.g. `missing-translation`.
    code: String,
    /// 1-based; 0 when the finding concerns the whole file.
    line: usize,
    column: usize,
    args: BTreeMap<String, String>,
    message: String,
}

pub(crate) fn finding_views(tr: &Tr, findings: &[Finding]) -> Vec<FindingView> {
    findings
        .iter()
        .map(|f| FindingView {
            severity: f.severity,
            code: f.code.to_owned(),
            line: f.line,
            column: f.column,
            args: f
                .args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            message: tr.policy_finding(f.code, &f.args),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct CheckReport {
    errors: usize,
    warnings: usize,
    findings: Vec<FindingView>,
}

fn report(user: &Principal, findings: &[Finding]) -> CheckReport {
    let tr = Tr::new(user.language);
    CheckReport {
        errors: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
        findings: finding_views(&tr, findings),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicySource {
    /// The policy document (TOML; see docs/policy.md).
    source: String,
}

#[utoipa::path(post, path = "/policies/check", tag = "policy", request_body = PolicySource,
    responses((status = 200, body = CheckReport, description = "the findings; nothing is stored"), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn check_policy(
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<PolicySource>,
) -> ApiResult<axum::Json<CheckReport>> {
    user.actor()
        .require(accord_core::access::Action::ViewPolicy)
        .map_err(accord_store::StoreError::from)?;
    if input.source.len() > accord_store::policies::SOURCE_MAX {
        return Err(accord_core::DomainError::invalid(
            "source",
            "too_long",
            "the policy document is too long",
        )
        .with_limit(accord_store::policies::SOURCE_MAX as u64)
        .into());
    }
    let today = now().to_zoned(jiff::tz::TimeZone::UTC).date();
    let checked = accord_policy::check_policy(&input.source, Some(today));
    Ok(axum::Json(report(&user, &checked.findings)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftInput {
    /// The policy document (TOML; see docs/policy.md).
    source: String,
    /// What changed and why the new version is better, for the staff who acknowledge it.
    #[serde(default)]
    briefing: String,
}

/// A saved draft and what the check found in it.
#[derive(Serialize, ToSchema)]
pub struct SavedDraft {
    version: PolicyVersion,
    check: CheckReport,
}

#[utoipa::path(get, path = "/policies", tag = "policy", params(PageQuery), responses((status = 200, body = Page<PolicyVersion>, description = "newest first"), (status = 403, body = Problem)))]
async fn list_versions(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<PolicyVersion>>> {
    let all = state.store.list_policy_versions(&user.actor()).await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |v| Reverse(v.number),
    )?))
}

#[utoipa::path(post, path = "/policies", params(super::idempotent::IdempotencyHeader), tag = "policy", request_body = DraftInput,
    responses((status = 201, body = SavedDraft, description = "saved, even with errors; publishing needs none"), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create_draft(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    input: Creation<DraftInput>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let save = async {
        let (version, findings) = state
            .store
            .create_policy_draft(&actor, &input.value.source, &input.value.briefing, now())
            .await?;
        Ok(SavedDraft {
            check: report(&user, &findings),
            version,
        })
    };
    super::idempotent::create_once(
        &state,
        &user,
        input.idempotency,
        |d: &SavedDraft| format!("/api/v1/policies/{}", d.version.number),
        save,
    )
    .await
}

#[utoipa::path(get, path = "/policies/{number}", tag = "policy", params(("number" = i64, Path, description = "version number")),
    responses((status = 200, body = PolicyVersion), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn get_version(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<axum::Json<PolicyVersion>> {
    Ok(axum::Json(
        state
            .store
            .get_policy_version(&user.actor(), number)
            .await?,
    ))
}

#[utoipa::path(put, path = "/policies/{number}", tag = "policy", params(("number" = i64, Path, description = "version number")), request_body = DraftInput,
    responses((status = 200, body = SavedDraft), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem, description = "the version is published"), (status = 422, body = Problem)))]
async fn update_draft(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<DraftInput>,
) -> ApiResult<axum::Json<SavedDraft>> {
    let (version, findings) = state
        .store
        .update_policy_draft(&user.actor(), number, &input.source, &input.briefing, now())
        .await?;
    Ok(axum::Json(SavedDraft {
        check: report(&user, &findings),
        version,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishInput {
    /// When the version starts to govern cases (RFC 3339; now or later).
    #[schema(value_type = String, format = DateTime)]
    effective_at: Timestamp,
    /// Customers kept on the previous version until a later date.
    #[serde(default)]
    grace: Vec<GraceInput>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GraceInput {
    organization_id: OrganizationId,
    #[schema(value_type = String, format = DateTime)]
    until: Timestamp,
}

#[utoipa::path(post, path = "/policies/{number}/publish", tag = "policy", params(("number" = i64, Path, description = "version number")), request_body = PublishInput,
    responses((status = 200, body = PolicyVersion), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem, description = "the policy has errors, or the date is in the past")))]
async fn publish(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(number): ApiPath<i64>,
    ApiJson(input): ApiJson<PublishInput>,
) -> ApiResult<axum::Json<PolicyVersion>> {
    let grace: Vec<Grace> = input
        .grace
        .into_iter()
        .map(|g| Grace {
            organization_id: g.organization_id,
            until: g.until,
        })
        .collect();
    Ok(axum::Json(
        state
            .store
            .publish_policy(&user.actor(), number, input.effective_at, &grace, now())
            .await?,
    ))
}

#[utoipa::path(post, path = "/policies/{number}/acknowledge", tag = "policy", params(("number" = i64, Path, description = "version number of a published version")),
    responses((status = 204, description = "acknowledged (again: no change)"), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn acknowledge(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(number): ApiPath<i64>,
) -> ApiResult<Response> {
    state
        .store
        .acknowledge_policy(&user.actor(), number, now())
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/policies/{number}/acknowledgements", tag = "policy", params(("number" = i64, Path, description = "version number of a published version"), PageQuery),
    responses((status = 200, body = Page<Acknowledgement>, description = "every active member of staff; those who have not acknowledged first, then by name"), (status = 403, body = Problem), (status = 404, body = Problem)))]
async fn acknowledgements(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(number): ApiPath<i64>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<Acknowledgement>>> {
    let all = state
        .store
        .policy_acknowledgements(&user.actor(), number)
        .await?;
    Ok(axum::Json(Page::of_all(
        all,
        q.limit,
        q.cursor.as_deref(),
        |a| (a.acknowledged_at.is_some(), a.name.clone(), a.user_id),
    )?))
}
