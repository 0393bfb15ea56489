//! Domain errors. Each carries a stable machine code (translated by the interfaces, never
//! shown raw) and, for validation, the field that is wrong and how to fix it.

use serde::Serialize;
use utoipa::ToSchema;

/// One problem with one input field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// JSON pointer-like path to the field, e.g. `subject` or `identities/0/value`.
    pub field: String,
    /// Stable code, e.g. `too_long`.
    pub code: &'static str,
    /// What is wrong and how to fix it, in English (interfaces translate by `code`).
    pub message: String,
    /// The bound that was crossed, for `too_long`, `too_short`, `too_many` and `size`
    /// (characters, items or bytes), so translations can name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
            limit: None,
        }
    }

    /// The same problem, naming the bound that was crossed.
    pub fn with_limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("invalid input: {}", .0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error("a case cannot go from {from} to {to}; allowed next statuses: {allowed}")]
    IllegalTransition {
        from: &'static str,
        to: &'static str,
        allowed: String,
    },
    #[error("you are not allowed to {0}")]
    Forbidden(&'static str),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("conflict: {0}")]
    Conflict(String),
}

impl DomainError {
    pub fn invalid(
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        DomainError::Invalid(vec![FieldError::new(field, code, message)])
    }

    /// The same problem, naming the bound its one field crossed (see [`FieldError::limit`]).
    pub fn with_limit(self, limit: u64) -> Self {
        match self {
            DomainError::Invalid(errors) => {
                DomainError::Invalid(errors.into_iter().map(|e| e.with_limit(limit)).collect())
            }
            other => other,
        }
    }

    /// Stable code for the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Invalid(_) => "invalid_input",
            DomainError::IllegalTransition { .. } => "illegal_transition",
            DomainError::Forbidden(_) => "forbidden",
            DomainError::NotFound(_) => "not_found",
            DomainError::Conflict(_) => "conflict",
        }
    }
}
