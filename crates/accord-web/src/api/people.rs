//! `/api/v1/organizations` and `/api/v1/contacts`: customer accounts (A3).

use accord_core::ids::{ContactId, OrganizationId};
use accord_core::people::*;
use accord_store::people::AccountView;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::idempotent::create_once;
use super::page::{self, Page, PageQuery};
use crate::extract::{ApiJson, ApiPath, ApiQuery, ApiUser, Creation};
use crate::problem::{ApiResult, Problem};
use crate::{AppState, now};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_organizations, create_organization))
        .routes(routes!(get_organization, update_organization))
        .routes(routes!(get_account))
        .routes(routes!(add_expectation))
        .routes(routes!(add_responsibility))
        .routes(routes!(list_contacts, create_contact))
        .routes(routes!(get_contact, update_contact))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ContactQuery {
    /// Only the contacts of this organization.
    organization: Option<OrganizationId>,
    /// Page size, 1 to 500 (default 50; a larger value is taken as 500, 0 as 1).
    limit: Option<u32>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

#[utoipa::path(get, path = "/organizations", tag = "customers", params(PageQuery),
    responses((status = 200, body = Page<OrganizationView>, description = "by name; staff receive account records (`Organization`); customers receive only their own organization, as its customer view (`CustomerOrganization`: no tier, revenue, billing notes, contract reference or account manager)")))]
async fn list_organizations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> ApiResult<axum::Json<Page<OrganizationView>>> {
    let limit = page::limit(q.limit);
    let after = page::after::<(String, OrganizationId)>(q.cursor.as_deref())?;
    let items = state
        .store
        .organization_views_page(&user.actor(), limit, after)
        .await?;
    Ok(axum::Json(Page::read(items, limit, |o| match o {
        OrganizationView::Staff(o) => (o.name.clone(), o.id),
        OrganizationView::Customer(o) => (o.name.clone(), o.id),
    })))
}

#[utoipa::path(post, path = "/organizations", params(super::idempotent::IdempotencyHeader), tag = "customers", request_body = OrganizationInput,
    responses((status = 201, body = Organization), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create_organization(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    input: Creation<OrganizationInput>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state
        .store
        .create_organization(Some(&actor), input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |o| format!("/api/v1/organizations/{}", o.id),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/organizations/{id}", tag = "customers", params(("id" = OrganizationId, Path)),
    responses((status = 200, body = OrganizationView, description = "staff receive the account record (`Organization`); a customer, their own organization's customer view (`CustomerOrganization`)"), (status = 404, body = Problem)))]
async fn get_organization(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<OrganizationId>,
) -> ApiResult<axum::Json<OrganizationView>> {
    Ok(axum::Json(
        state.store.organization_view(&user.actor(), id).await?,
    ))
}

#[utoipa::path(patch, path = "/organizations/{id}", tag = "customers", params(("id" = OrganizationId, Path)), request_body = OrganizationInput,
    responses((status = 200, body = Organization), (status = 403, body = Problem, description = "customers do not change organizations"), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_organization(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<OrganizationId>,
    ApiJson(input): ApiJson<OrganizationInput>,
) -> ApiResult<axum::Json<Organization>> {
    Ok(axum::Json(
        state
            .store
            .update_organization(&user.actor(), id, input, now())
            .await?,
    ))
}

#[utoipa::path(get, path = "/organizations/{id}/account", tag = "customers", params(("id" = OrganizationId, Path)),
    responses((status = 200, body = AccountView, description = "staff: the account on one screen (`Account`: facts, sale-time promises, responsibilities, contacts); a customer: their own organization's customer view with its contacts and case counts (`CustomerAccount`)"), (status = 404, body = Problem)))]
async fn get_account(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<OrganizationId>,
) -> ApiResult<axum::Json<AccountView>> {
    Ok(axum::Json(
        state.store.account_view(&user.actor(), id).await?,
    ))
}

#[utoipa::path(post, path = "/organizations/{id}/expectations", tag = "customers", params(super::idempotent::IdempotencyHeader, ("id" = OrganizationId, Path)), request_body = ExpectationInput,
    responses((status = 201, body = Expectation), (status = 403, body = Problem, description = "customers do not change organizations"), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn add_expectation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<OrganizationId>,
    input: Creation<ExpectationInput>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state.store.add_expectation(&actor, id, input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |_| format!("/api/v1/organizations/{id}/account"),
        create,
    )
    .await
}

#[utoipa::path(post, path = "/organizations/{id}/responsibilities", tag = "customers", params(super::idempotent::IdempotencyHeader, ("id" = OrganizationId, Path)), request_body = ResponsibilityInput,
    responses((status = 201, body = Responsibility), (status = 403, body = Problem, description = "customers do not change organizations"), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn add_responsibility(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<OrganizationId>,
    input: Creation<ResponsibilityInput>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state
        .store
        .add_responsibility(&actor, id, input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |_| format!("/api/v1/organizations/{id}/account"),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/contacts", tag = "customers", params(ContactQuery),
    responses((status = 200, body = Page<Contact>, description = "by name; customers receive only their organization's contacts")))]
async fn list_contacts(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<ContactQuery>,
) -> ApiResult<axum::Json<Page<Contact>>> {
    let limit = page::limit(q.limit);
    let after = page::after::<(String, ContactId)>(q.cursor.as_deref())?;
    let items = state
        .store
        .contacts_page(&user.actor(), q.organization, limit, 0, after)
        .await?;
    Ok(axum::Json(Page::read(items, limit, |c| {
        (c.name.clone(), c.id)
    })))
}

#[utoipa::path(post, path = "/contacts", params(super::idempotent::IdempotencyHeader), tag = "customers", request_body = ContactInput,
    responses((status = 201, body = Contact), (status = 403, body = Problem), (status = 422, body = Problem)))]
async fn create_contact(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    input: Creation<ContactInput>,
) -> ApiResult<Response> {
    let actor = user.actor();
    let create = state.store.create_contact(Some(&actor), input.value, now());
    create_once(
        &state,
        &user,
        input.idempotency,
        |c| format!("/api/v1/contacts/{}", c.id),
        create,
    )
    .await
}

#[utoipa::path(get, path = "/contacts/{id}", tag = "customers", params(("id" = ContactId, Path)),
    responses((status = 200, body = Contact), (status = 404, body = Problem)))]
async fn get_contact(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<ContactId>,
) -> ApiResult<axum::Json<Contact>> {
    Ok(axum::Json(
        state.store.get_contact(&user.actor(), id).await?,
    ))
}

#[utoipa::path(patch, path = "/contacts/{id}", tag = "customers", params(("id" = ContactId, Path)), request_body = ContactInput,
    responses((status = 200, body = Contact), (status = 403, body = Problem, description = "customers do not change contacts"), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn update_contact(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<ContactId>,
    ApiJson(input): ApiJson<ContactInput>,
) -> ApiResult<axum::Json<Contact>> {
    Ok(axum::Json(
        state
            .store
            .update_contact(&user.actor(), id, input, now())
            .await?,
    ))
}
