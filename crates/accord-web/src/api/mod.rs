//! The REST API under `/api/v1`. Routes are registered through utoipa-axum, so the
//! OpenAPI document is generated from the same list the router is built from.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

mod cases;
mod complaints;
pub(crate) mod document;
mod idempotent;
mod mail;
mod notifications;
pub(crate) mod page;
mod people;
pub(crate) mod policies;
mod service;
mod staff;
mod surveys;

pub(crate) use cases::{decode_cursor, encode_cursor};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Accord API",
        description = "Cases, conversations, customers and staff of an Accord installation. \
            Authenticate with `Authorization: Bearer <token>` (create a token with `accord token create --user EMAIL`). \
            Errors are RFC 9457 problem details (`application/problem+json`). No text holds the NUL character (U+0000): a body with one is refused (422), a path or query string with `%00` too (400). Every creation (POST) accepts an `Idempotency-Key` header: a retry with the same key and body returns the first response and creates nothing. \
            Every list answers a page, `{items, next}`: ask for the next one with `cursor` set to `next` (`null` on the last page) and the same other parameters; `limit` is the page size, 1 to 500 (default 50).",
        license(name = "AGPL-3.0-or-later")
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "cases", description = "Cases, their conversation, history, links and attachments"),
        (name = "customers", description = "Organizations (accounts) and contacts"),
        (name = "staff", description = "Users, teams, the audit log and each person's notifications"),
        (name = "policy", description = "Service policy versions: check, draft, publish with an effective date and grace periods, acknowledge"),
        (name = "mail", description = "The email channel: held messages, received messages, delivery of replies"),
        (name = "service", description = "What the policy does to cases: clocks, breaching soon, remedies, approvals and the concession ledger"),
        (name = "surveys", description = "Surveys and follow-ups: a customer's own surveys and answers, the surveys of a case, results by case, agent, team, channel, policy version and week, and sending a survey to an organization"),
        (name = "complaints", description = "Resolving a complaint: the understanding of the problem, the written agreement with the customer and its versions, milestones, contract changes to review"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The API routes with their OpenAPI document, mounted at `/api/v1`.
pub fn router() -> OpenApiRouter<AppState> {
    let v1 = OpenApiRouter::new()
        .merge(cases::router())
        .merge(people::router())
        .merge(staff::router())
        .merge(policies::router())
        .merge(service::router())
        .merge(complaints::router())
        .merge(surveys::router())
        .merge(notifications::router())
        .merge(mail::router());
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest("/api/v1", v1)
}
