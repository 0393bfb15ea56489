//! "Which open cases does this rule match now?" (PRODUCT.md B1): the rules of the version in
//! force with their conditions, and for a rule (or any condition typed in) the open cases it
//! selects, from one SQL query.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::{Chrome, PageError, PageUser, no_store, render};
use crate::AppState;

pub struct RuleLine {
    pub kind: String,
    pub id: String,
    pub condition: String,
    /// Link to this page with the rule's condition filled in.
    pub href: String,
}

pub struct CaseLine {
    pub number: i64,
    pub subject: String,
    pub status: String,
    pub organization: String,
}

#[derive(Template)]
#[template(path = "policy_rules.html")]
struct RulesPage {
    chrome: Chrome,
    rules: Vec<RuleLine>,
    condition: String,
    problem: Option<String>,
    /// "12 open cases match", once a condition was asked about.
    summary: Option<String>,
    cases: Vec<CaseLine>,
}

#[derive(Deserialize, Default)]
pub struct RulesQuery {
    condition: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    Query(q): Query<RulesQuery>,
) -> Result<Response, PageError> {
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    if !actor.can(accord_core::access::Action::ViewPolicy) {
        return Err(PageError::Forbidden(tr));
    }
    let now = crate::now();
    let in_force = state
        .store
        .governing_policy_version(None, now)
        .await
        .map_err(PageError::store(tr))?;
    let mut rules = Vec::new();
    if let Some(version) = in_force {
        let policy = state
            .store
            .compiled_policy(version)
            .await
            .map_err(PageError::store(tr))?;
        for (kind, id, condition) in policy.rules() {
            let text = condition.to_string();
            rules.push(RuleLine {
                kind: tr.t(&format!("rule-kind-{}", kind.as_str())),
                id: id.to_owned(),
                href: format!("/policy/rules?condition={}", super::urlencode(&text)),
                condition: text,
            });
        }
    }
    let condition = q.condition.unwrap_or_default();
    let (mut problem, mut summary, mut cases) = (None, None, Vec::new());
    if !condition.trim().is_empty() {
        match crate::api::policies::parse_condition(tr, Some(&condition)) {
            Err(message) => problem = Some(message),
            Ok(parsed) => {
                let today = now.to_zoned(state.config.time_zone.clone()).date();
                let found = state
                    .store
                    .open_cases_matching(&actor, &parsed, today, 50)
                    .await
                    .map_err(PageError::store(tr))?;
                summary = Some(tr.count("rules-matching-count", found.count));
                cases = found
                    .cases
                    .into_iter()
                    .map(|c| CaseLine {
                        number: c.number,
                        subject: c.subject,
                        status: tr.t(&format!("status-{}", c.status.as_str())),
                        organization: c.organization.unwrap_or_default(),
                    })
                    .collect();
            }
        }
    }
    Ok(no_store(render(&RulesPage {
        chrome: user.chrome,
        rules,
        condition,
        problem,
        summary,
        cases,
    })))
}
