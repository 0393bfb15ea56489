//! Bulk actions from the inbox: assign the chosen cases to someone, or close them. Each case
//! is changed on its own (with its own history and checks); the inbox then says how many
//! changed and how many could not.

use accord_core::case::{CasePatch, CaseStatus};
use accord_core::ids::UserId;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};

use super::{PageError, PageUser, check_form, safe_next};
use crate::AppState;

/// Fields: `_csrf`, `case` (repeated case numbers), `action` (`assign` or `close`),
/// `assignee_id` (for `assign`; empty for nobody), `back` (the inbox address to return to).
pub async fn submit(
    State(state): State<AppState>,
    user: PageUser,
    method: Method,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
    };
    check_form(&user, &method, &headers, field("_csrf").unwrap_or(""))?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let patch = match field("action") {
        Some("assign") => {
            let assignee = match field("assignee_id").unwrap_or("") {
                "" => None,
                id => Some(id.parse::<UserId>().map_err(|_| PageError::NotFound(tr))?),
            };
            CasePatch {
                assignee_id: Some(assignee),
                ..CasePatch::default()
            }
        }
        Some("close") => CasePatch {
            status: Some(CaseStatus::Closed),
            ..CasePatch::default()
        },
        _ => return Err(PageError::NotFound(tr)),
    };
    let numbers = fields
        .iter()
        .filter(|(k, _)| k == "case")
        .filter_map(|(_, v)| v.trim().parse::<i64>().ok());
    let (mut done, mut failed) = (0u32, 0u32);
    for number in numbers {
        let changed = match state.store.get_case_by_number(&actor, number).await {
            Ok(case) => {
                // Closing an open case passes through "resolved", as the lifecycle asks;
                // each step is its own change in the case's history.
                let steps = match patch.status {
                    Some(CaseStatus::Closed)
                        if !case.status.allowed_next().contains(&CaseStatus::Closed)
                            && case.status.allowed_next().contains(&CaseStatus::Resolved) =>
                    {
                        let resolve = CasePatch {
                            status: Some(CaseStatus::Resolved),
                            ..CasePatch::default()
                        };
                        vec![resolve, patch.clone()]
                    }
                    _ => vec![patch.clone()],
                };
                let mut ok = true;
                for step in &steps {
                    if state
                        .store
                        .update_case(&actor, case.id, step, crate::now())
                        .await
                        .is_err()
                    {
                        ok = false;
                        break;
                    }
                }
                ok
            }
            Err(_) => false,
        };
        if changed {
            done += 1;
        } else {
            failed += 1;
        }
    }
    let back = safe_next(field("back"));
    let joiner = if back.contains('?') { '&' } else { '?' };
    Ok(Redirect::to(&format!("{back}{joiner}done={done}&failed={failed}")).into_response())
}
