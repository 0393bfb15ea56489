//! The acknowledgement card of a new case (PRODUCT.md A4): what the customer will receive,
//! in their language, with the promised next update, and the one-click send.

use accord_core::access::Actor;
use accord_core::case::{Case, CaseStatus};
use accord_i18n::Tr;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{PageError, PageUser, case_form};
use crate::AppState;

/// The text the customer would receive if the acknowledgement were sent now; `None` when
/// there is nothing to acknowledge (the case is not new) or the reader cannot send it.
pub async fn preview(
    state: &AppState,
    tr: Tr,
    actor: &Actor,
    case: &Case,
    staff: bool,
) -> Result<Option<String>, PageError> {
    if !staff || case.status != CaseStatus::New {
        return Ok(None);
    }
    let ack = state
        .store
        .acknowledgement_preview(actor, case.id, crate::now())
        .await
        .map_err(PageError::store(tr))?;
    Ok(Some(ack.body))
}

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(rename = "_csrf")]
    csrf: String,
}

pub async fn send(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(form): Form<SendForm>,
) -> Result<Response, PageError> {
    let (actor, case) = case_form(&state, &user, number, &method, &headers, &form.csrf).await?;
    if case.status != CaseStatus::New {
        // A second click (or a colleague was faster): nothing to send, say so.
        return Ok(Redirect::to(&format!("/cases/{number}?saved=5")).into_response());
    }
    match state
        .store
        .acknowledge_case(&actor, case.id, crate::now())
        .await
    {
        Ok(entry) => Ok(
            Redirect::to(&format!("/cases/{number}?saved=4#entry-{}", entry.id)).into_response(),
        ),
        Err(e) => {
            super::case::form_failure(&state, user, number, e, String::new(), String::new()).await
        }
    }
}
