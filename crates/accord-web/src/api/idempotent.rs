//! Creations that honour `Idempotency-Key` by claiming the key before creating (cases do it
//! inside their own transaction instead; see `Store::create_case`).

use accord_core::DomainError;
use accord_store::StoreError;
use accord_store::idempotency::{Claim, IdempotencyKey};
use accord_store::staff::Principal;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::problem::{ApiError, ApiResult};
use crate::{AppState, now};

pub(crate) fn created<T: Serialize>(location: String, value: &T) -> Response {
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        axum::Json(value),
    )
        .into_response()
}

pub(crate) fn replayed(status: u16, body: String) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::HeaderName::from_static("idempotent-replayed"),
                "true",
            ),
        ],
        body,
    )
        .into_response()
}

pub(crate) fn key_reused() -> ApiError {
    DomainError::Conflict(
        "this Idempotency-Key was used for a different request; use a new key for a new request"
            .into(),
    )
    .into()
}

/// Runs `create` at most once per idempotency key and answers 201 with its result.
pub(crate) async fn create_once<T, F>(
    state: &AppState,
    user: &Principal,
    key: Option<IdempotencyKey>,
    location: impl FnOnce(&T) -> String,
    create: F,
) -> ApiResult<Response>
where
    T: Serialize,
    F: Future<Output = Result<T, StoreError>>,
{
    let Some(key) = key else {
        let value = create.await?;
        return Ok(created(location(&value), &value));
    };
    match state.store.claim_idempotency(user.id, &key, now()).await? {
        Claim::Mine => {}
        Claim::Stored { status, body } => return Ok(replayed(status, body)),
        Claim::Mismatch => return Err(key_reused()),
        Claim::InProgress => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "idempotency_in_progress",
                "a request with this Idempotency-Key is still being processed; retry it later",
            ));
        }
    }
    match create.await {
        Ok(value) => {
            let body =
                serde_json::to_string(&value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            state
                .store
                .finish_idempotency(user.id, &key, 201, &body)
                .await?;
            Ok(created(location(&value), &value))
        }
        Err(e) => {
            state.store.release_idempotency(user.id, &key).await?;
            Err(e.into())
        }
    }
}

/// The `Idempotency-Key` request header, for the OpenAPI document.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub struct IdempotencyHeader {
    /// Retrying with the same key and body returns the first response instead of creating
    /// again; 1 to 255 visible ASCII characters.
    #[serde(rename = "Idempotency-Key")]
    #[param(min_length = 1, max_length = 255, pattern = "^[!-~]{1,255}$")]
    idempotency_key: Option<String>,
}
