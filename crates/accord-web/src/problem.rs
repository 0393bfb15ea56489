//! API errors as RFC 9457 problem details (`application/problem+json`): a stable `type`,
//! a human `title`, a `detail` that says what is wrong and where, and per-field `errors`.

use accord_core::language::Language;
use accord_core::{DomainError, FieldError};
use accord_i18n::{Arg, Tr};
use accord_store::StoreError;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

tokio::task_local! {
    /// The language an API request's problems are told in (its `Accept-Language`).
    static READER_LANGUAGE: Language;
}

/// Runs an API request in the language its caller reads (`Accept-Language`; English by
/// default), so the field problems of a refusal are in that language.
pub async fn in_readers_language(request: Request, next: Next) -> Response {
    let language = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Language::En, accord_i18n::negotiate);
    READER_LANGUAGE.scope(language, next.run(request)).await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `urn:accord:problem:<code>`; the code is stable and documented.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub errors: Vec<FieldError>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send an API token as `Authorization: Bearer <token>`; create one with `accord token create --user EMAIL`",
        )
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        let status = match &e {
            DomainError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            DomainError::IllegalTransition { .. } => StatusCode::CONFLICT,
            DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
            DomainError::NotFound(_) => StatusCode::NOT_FOUND,
            DomainError::Conflict(_) => StatusCode::CONFLICT,
        };
        let errors = match &e {
            DomainError::Invalid(list) => list.clone(),
            _ => Vec::new(),
        };
        ApiError {
            status,
            code: e.code(),
            detail: e.to_string(),
            errors,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            other => {
                tracing::error!(error = %other, "storage error");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "an internal error occurred; it has been logged",
                )
            }
        }
    }
}

fn title(status: StatusCode) -> String {
    status.canonical_reason().unwrap_or("Error").to_owned()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // What a person reads is translated; the codes and fields a program reads are not.
        let language = READER_LANGUAGE.try_with(|l| *l).unwrap_or(Language::En);
        let tr = Tr::new(language);
        let errors: Vec<FieldError> = self
            .errors
            .into_iter()
            .map(|e| FieldError {
                message: tr.field_error(&e),
                ..e
            })
            .collect();
        let detail = if errors.is_empty() {
            self.detail
        } else {
            let count = i64::try_from(errors.len()).unwrap_or(i64::MAX);
            tr.args("api-invalid-detail", &[("count", Arg::Number(count))])
        };
        let problem = Problem {
            kind: format!("urn:accord:problem:{}", self.code),
            title: title(self.status),
            status: self.status.as_u16(),
            detail,
            errors,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        // RFC 6750 §3: a refused bearer token says so in `WWW-Authenticate` too.
        let challenge = match self.code {
            _ if self.status != StatusCode::UNAUTHORIZED => None,
            "unauthorized" => Some("Bearer"),
            "malformed_authorization" => Some("Bearer error=\"invalid_request\""),
            _ => Some("Bearer error=\"invalid_token\""),
        };
        let mut response = (
            self.status,
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/problem+json"),
                ),
                (
                    header::CONTENT_LANGUAGE,
                    HeaderValue::from_static(language.code()),
                ),
            ],
            body,
        )
            .into_response();
        if let Some(challenge) = challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
