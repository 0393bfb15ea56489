//! Remedies granted on cases (PRODUCT.md B5, D5): what an agent asks to give a customer,
//! and where that request stands. Which role may grant how much is the policy's business
//! (`accord_policy::model::Remedy::authority`).

use serde::Deserialize;
use utoipa::ToSchema;

use crate::case::string_enum;
use crate::validate::Checker;

string_enum!(
    /// `granted`: within the requester's authority, given at once. `pending`: above the
    /// requester's limit, waiting for a role whose limit covers it. `approved`: given after
    /// approval. `rejected`: refused by the approver, not given.
    GrantStatus {
        Granted = "granted",
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
);

impl GrantStatus {
    /// Whether the customer received it (it counts in the concession ledger).
    pub fn is_given(self) -> bool {
        matches!(self, GrantStatus::Granted | GrantStatus::Approved)
    }
}

/// The longest reason or decision note kept.
pub const REASON_MAX: usize = 2000;

/// A request to give a customer a remedy of the policy on a case.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGrant {
    /// The remedy's id in the policy version governing the case.
    pub remedy: String,
    /// How much, in the remedy's unit (money, items, days).
    pub amount: f64,
    /// Why: what went wrong for the customer. Kept in the ledger.
    pub reason: String,
}

impl NewGrant {
    pub fn validate(&self) -> Result<(), crate::DomainError> {
        let mut checker = Checker::new();
        checker.text("remedy", &self.remedy, 100);
        checker.body("reason", &self.reason, REASON_MAX);
        if !self.amount.is_finite() || self.amount <= 0.0 {
            checker.push(crate::FieldError::new(
                "amount",
                "invalid",
                "give a positive amount in the remedy's unit",
            ));
        }
        checker.finish()
    }
}

/// An approver's decision on a pending remedy.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub approve: bool,
    /// Why (shown to the requester; required when refusing).
    #[serde(default)]
    pub note: String,
}

impl Decision {
    pub fn validate(&self) -> Result<(), crate::DomainError> {
        let mut checker = Checker::new();
        if !self.approve && self.note.trim().is_empty() {
            checker.push(crate::FieldError::new(
                "note",
                "required",
                "say why the remedy is refused: the agent has to explain it to the customer",
            ));
        }
        if self.note.chars().count() > REASON_MAX {
            checker.push(
                crate::FieldError::new(
                    "note",
                    "too_long",
                    format!("must be at most {REASON_MAX} characters"),
                )
                .with_limit(REASON_MAX as u64),
            );
        }
        checker.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_must_be_positive_and_refusals_explained() {
        let grant = |amount: f64| NewGrant {
            remedy: "credit".into(),
            amount,
            reason: "Piegāde kavējās divas nedēļas.".into(),
        };
        assert!(grant(25.0).validate().is_ok());
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            assert!(grant(bad).validate().is_err(), "{bad}");
        }
        let refuse = |note: &str| Decision {
            approve: false,
            note: note.into(),
        };
        assert!(refuse("  ").validate().is_err());
        assert!(refuse("Ya se compensó este mes.").validate().is_ok());
    }
}
