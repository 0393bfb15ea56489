//! Request extractors for the API that turn every malformed input into a precise
//! problem+json answer instead of axum's plain-text rejections.

use accord_store::auth::TokenCheck;
use accord_store::idempotency::{IdempotencyKey, request_fingerprint, valid_key};
use accord_store::staff::Principal;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::problem::ApiError;

/// Parses a JSON body, naming the line, column and field of any problem.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if std::str::from_utf8(body).is_err() {
        return Err(ApiError::bad_request(
            "invalid_utf8",
            "the request body is not valid UTF-8",
        ));
    }
    // Only the escape can put U+0000 in a JSON string (a raw one is malformed JSON).
    if body.windows(6).any(|w| w == b"\\u0000")
        && let Ok(value) = serde_json::from_slice::<serde_json::Value>(body)
        && let Some(at) = nul_at(&value)
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            format!(
                "request body: `{at}` contains the NUL character (\\u0000), which no text may hold"
            ),
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        let code = match e.classify() {
            serde_json::error::Category::Data => "invalid_field",
            _ => "malformed_json",
        };
        let status = if code == "invalid_field" {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::BAD_REQUEST
        };
        ApiError::new(status, code, format!("request body: {e}"))
    })
}

/// Where (a JSON pointer) `value` holds a string or key with U+0000, which PostgreSQL cannot
/// store and no text needs.
fn nul_at(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains('\0') => Some(String::new()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| nul_at(item).map(|at| format!("/{i}{at}"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            if key.contains('\0') {
                return Some(format!("/{}", key.replace('\0', "\\u0000")));
            }
            nul_at(item).map(|at| format!("/{key}{at}"))
        }),
        _ => None,
    }
}

/// Whether a URI part holds a percent-encoded U+0000.
fn has_encoded_nul(part: &str) -> bool {
    part.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

async fn json_body(req: Request, state: &AppState) -> Result<(Parts, Bytes), ApiError> {
    let (parts, body) = req.into_parts();
    let is_json = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let mime = v.split(';').next().unwrap_or_default().trim();
            mime == "application/json" || mime.ends_with("+json")
        });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON with `Content-Type: application/json`",
        ));
    }
    let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
        .await
        .map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "body_too_large",
                    format!("the request body exceeds {} bytes", crate::API_BODY_LIMIT),
                )
            } else {
                ApiError::bad_request("unreadable_body", e.body_text())
            }
        })?;
    Ok((parts, bytes))
}

/// A JSON body.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let (_, bytes) = json_body(req, state).await?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// A JSON body for a creation, with its optional `Idempotency-Key`.
pub struct Creation<T> {
    pub value: T,
    pub idempotency: Option<IdempotencyKey>,
}

impl<T: DeserializeOwned> FromRequest<AppState> for Creation<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        let (parts, bytes) = json_body(req, state).await?;
        let idempotency = match parts.headers.get("idempotency-key") {
            None => None,
            Some(v) => {
                let key = v.to_str().ok().filter(|k| valid_key(k)).ok_or_else(|| {
                    ApiError::bad_request(
                        "invalid_idempotency_key",
                        "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    )
                })?;
                Some(IdempotencyKey {
                    key: key.to_owned(),
                    fingerprint: request_fingerprint(
                        parts.method.as_str(),
                        parts.uri.path(),
                        &bytes,
                    ),
                })
            }
        };
        Ok(Creation {
            value: parse_json(&bytes)?,
            idempotency,
        })
    }
}

/// The request's `Idempotency-Key`, bound to its method, path and body.
pub fn idempotency_key(
    headers: &axum::http::HeaderMap,
    method: &axum::http::Method,
    path: &str,
    body: &[u8],
) -> Result<Option<IdempotencyKey>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .filter(|k| valid_key(k))
        .ok_or_else(|| {
            ApiError::bad_request(
                "invalid_idempotency_key",
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
            )
        })?;
    Ok(Some(IdempotencyKey {
        key: key.to_owned(),
        fingerprint: request_fingerprint(method.as_str(), path, body),
    }))
}

/// A path parameter; a malformed id is a 400 naming the parameter.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<AppState> for ApiPath<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if has_encoded_nul(parts.uri.path()) {
            return Err(ApiError::bad_request(
                "invalid_path",
                "the path contains the NUL character (%00)",
            ));
        }
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|e: PathRejection| {
                ApiError::bad_request("invalid_path", format!("{}; ids are UUIDs", e.body_text()))
            })
    }
}

/// Query-string parameters.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<AppState> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if parts.uri.query().is_some_and(has_encoded_nul) {
            return Err(ApiError::bad_request(
                "invalid_query",
                "the query string contains the NUL character (%00), which no text may hold",
            ));
        }
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e: QueryRejection| ApiError::bad_request("invalid_query", e.body_text()))
    }
}

/// The token of the request's `Authorization: Bearer <token>` header, exactly as RFC 6750
/// (§2.1) writes it: one header, the scheme, one space, then the token (a token68: letters,
/// digits and `-._~+/`, then any `=`). Anything else — a space or tab around the token, no
/// token, two headers, another scheme — is refused rather than repaired.
fn bearer_token(headers: &axum::http::HeaderMap) -> Result<&str, ApiError> {
    let malformed = |detail: &str| {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "malformed_authorization",
            format!(
                "{detail}; send `Authorization: Bearer <token>` with one space and nothing around the token"
            ),
        )
    };
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let Some(value) = values.next() else {
        return Err(ApiError::unauthorized());
    };
    if values.next().is_some() {
        return Err(malformed(
            "the request has more than one Authorization header",
        ));
    }
    let value = value
        .to_str()
        .map_err(|_| malformed("the Authorization header is not visible ASCII"))?;
    let Some((scheme, token)) = value.split_once(' ') else {
        return Err(malformed("the Authorization header has no token"));
    };
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(malformed("the Authorization scheme is not Bearer"));
    }
    let body = token.trim_end_matches('=');
    let token68 = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b));
    if !token68 {
        return Err(malformed(
            "the bearer token is empty or has characters a token cannot have (spaces included)",
        ));
    }
    Ok(token)
}

/// The caller of an API route, authenticated by a bearer token. The token is checked in
/// the database on every request: a revoked token or a deactivated user is refused by
/// every node from the next request on.
pub struct ApiUser(pub Principal);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(&parts.headers)?;
        let refused =
            |code, detail: &str| Err(ApiError::new(StatusCode::UNAUTHORIZED, code, detail));
        match state.store.check_token(token, crate::now()).await? {
            TokenCheck::Valid(principal) => Ok(ApiUser(principal)),
            TokenCheck::Unknown => refused("invalid_token", "the API token is unknown"),
            TokenCheck::Revoked => refused(
                "token_revoked",
                "the API token has been revoked; create a new one",
            ),
            TokenCheck::Expired => refused(
                "token_expired",
                "the API token has expired; create a new one",
            ),
            TokenCheck::UserInactive => refused(
                "user_deactivated",
                "the API token's user has been deactivated",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderValue};

    fn code(values: &[&'static str]) -> Result<String, &'static str> {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::AUTHORIZATION, HeaderValue::from_static(v));
        }
        bearer_token(&headers)
            .map(str::to_owned)
            .map_err(|e| e.code)
    }

    #[test]
    fn only_well_formed_bearer_headers_carry_a_token() {
        assert_eq!(code(&["Bearer acc_abc-_9"]), Ok("acc_abc-_9".into()));
        assert_eq!(code(&["bearer acc_abc"]), Ok("acc_abc".into()));
        assert_eq!(code(&["Bearer abc+/=="]), Ok("abc+/==".into()));
        assert_eq!(code(&[]), Err("unauthorized"));
        for bad in [
            "Bearer acc_abc ",
            "Bearer  acc_abc",
            "Bearer\tacc_abc",
            "Bearer acc_abc\t",
            "Bearer ",
            "Bearer",
            "Bearer acc abc",
            "Bearer ==",
            "Bearer a=b",
            "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
            "acc_abc",
        ] {
            assert_eq!(code(&[bad]), Err("malformed_authorization"), "{bad:?}");
        }
        assert_eq!(
            code(&["Bearer acc_a", "Bearer acc_b"]),
            Err("malformed_authorization")
        );
    }
}
