//! Accord's HTTP adapter: the REST API with its OpenAPI document, the server-rendered
//! agent interface, sessions, security headers, health and metrics.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use accord_store::Store;
use accord_store::blobs::Attachment;
use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_swagger_ui::SwaggerUi;

pub mod api;
mod extract;
mod limits;
mod live;
mod pages;
pub mod problem;
mod security;
mod standing;

pub use limits::{LoginLimiter, NewCaseLimiter};

/// JSON bodies larger than this are refused with 413.
pub const API_BODY_LIMIT: usize = 1024 * 1024;

#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Mark cookies `Secure` and send `Strict-Transport-Security` (set when Accord is
    /// served over HTTPS).
    pub secure_cookies: bool,
    /// The zone in which times are shown to staff.
    pub time_zone: jiff::tz::TimeZone,
    pub session_lifetime: jiff::SignedDuration,
    /// Where customers reach Accord: the start of the links in its emails
    /// (`https://support.example.com`).
    pub public_url: String,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            time_zone: jiff::tz::TimeZone::system(),
            session_lifetime: jiff::SignedDuration::from_hours(12),
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub login_limiter: Arc<LoginLimiter>,
    pub new_case_limiter: Arc<NewCaseLimiter>,
    pub live: Arc<live::Live>,
    pub standing: Arc<standing::StandingCache>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> AppState {
        // Requests are counted from the first one on.
        metrics_handle();
        store.set_public_url(&config.public_url);
        AppState {
            login_limiter: Arc::new(LoginLimiter::new(store.clone())),
            new_case_limiter: Arc::new(NewCaseLimiter::new(store.clone())),
            store,
            config: Arc::new(config),
            standing: Arc::default(),
            live: Arc::new(live::Live::default()),
        }
    }
}

/// The current time at the precision the database keeps (microseconds), so what a request
/// answers equals what a later read returns.
pub(crate) fn now() -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    now.round(
        jiff::TimestampRound::new()
            .smallest(jiff::Unit::Microsecond)
            .mode(jiff::RoundMode::Trunc),
    )
    .unwrap_or(now)
}

/// The process-wide Prometheus recorder, installed on first use.
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        // Another recorder may already be installed (tests build many apps); then the
        // handle still renders, only without this process's samples.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// The API router and the OpenAPI document describing exactly its routes (as JSON: the
/// document utoipa generates, completed by `api::document`).
pub fn api_parts() -> (Router<AppState>, serde_json::Value) {
    let (router, generated) = api::router().split_for_parts();
    (router, api::document::complete(generated))
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = api_parts();
    let api = api
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .layer(middleware::from_fn(problem::in_readers_language))
        .layer(DefaultBodyLimit::max(API_BODY_LIMIT))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let docs: Router<AppState> = Router::from(SwaggerUi::new("/api/docs").external_url_unchecked("/api/openapi.json", openapi))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'"),
        ));
    Router::new()
        .merge(api)
        .merge(docs)
        .merge(pages::router())
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .layer(middleware::from_fn_with_state(
            security::Hsts(state.config.secure_cookies),
            security::headers,
        ))
        .layer(middleware::from_fn(record_metrics))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn api_not_found() -> problem::ApiError {
    problem::ApiError::new(
        StatusCode::NOT_FOUND,
        "no_such_route",
        "no API route has this path; see /api/docs",
    )
}

/// Liveness: the process answers.
async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers too.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn metrics_text() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        metrics_handle().render(),
    )
        .into_response()
}

async fn record_metrics(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let started = Instant::now();
    let response = next.run(req).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", response.status().as_u16().to_string()),
    ];
    metrics::counter!("accord_http_requests_total", &labels).increment(1);
    metrics::histogram!("accord_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Serves an attachment as a download, never rendered inline (stored HTML must not run).
pub(crate) fn attachment_response(attachment: &Attachment, bytes: Bytes) -> Response {
    let name: String = attachment
        .filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}
