//! What changed between two policy versions (PRODUCT.md B2), for the version page and API.

use accord_core::DomainError;
use accord_core::access::{Action, Actor};
use accord_policy::diff::{Hunk, source_diff};
use serde::Serialize;

use crate::policies::VersionStatus;
use crate::{Result, Store};

/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PolicyDiff {
    /// The older version compared, absent for the first version (nothing to compare with).
    pub from: Option<i64>,
    pub to: i64,
    /// Changed lines with their context.
    #[schema(value_type = Vec<Vec<Object>>)]
    pub hunks: Vec<Hunk>,
}

impl Store {
    /// The changes from version `against` to version `number`. Without `against`: a draft
    /// is compared with the latest published version (what publishing it would change), a
    /// published version with the one published before it.
    pub async fn policy_diff(
        &self,
        actor: &Actor,
        number: i64,
        against: Option<i64>,
    ) -> Result<PolicyDiff> {
        actor.require(Action::ViewPolicy)?;
        let versions = self.list_policy_versions(actor).await?;
        let Some(this) = versions.iter().find(|v| v.number == number) else {
            return Err(crate::StoreError::not_found("policy version"));
        };
        let base = match against {
            Some(n) => match versions.iter().find(|v| v.number == n) {
                Some(v) => Some(v),
                None => {
                    return Err(DomainError::invalid(
                        "against",
                        "unknown_version",
                        format!("there is no policy version {n} to compare with"),
                    )
                    .into());
                }
            },
            // Newest first: the first published one below this number (or any, for a draft).
            None => versions.iter().find(|v| {
                v.status == VersionStatus::Published
                    && (this.status == VersionStatus::Draft || v.number < number)
                    && v.number != number
            }),
        };
        Ok(PolicyDiff {
            from: base.map(|b| b.number),
            to: number,
            hunks: base
                .map(|b| source_diff(&b.source, &this.source, CONTEXT))
                .unwrap_or_default(),
        })
    }
}
