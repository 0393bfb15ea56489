//! Resolving a complaint (PRODUCT.md D1–D3): what the agent understood of the problem, the
//! written agreement with the customer on what will be done and by when, and its milestones.
//!
//! An agreement is versioned: an amendment is a new version, proposed to the customer like
//! the first; the version the customer accepted stays accepted (and kept) until a later one
//! is accepted in its place. Accepting is idempotent — a second click changes nothing — and
//! only the version in force can be accepted or discussed.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::case::string_enum;
use crate::ids::UserId;
use crate::people::Party;
use crate::validate::Checker;
use crate::{DomainError, FieldError};

string_enum!(
    /// What kind of problem the customer has: with the product or service, with how they
    /// were treated, or both.
    Nature {
        Technical = "technical",
        Personal = "personal",
        Both = "both",
    }
);

/// The longest statement kept (a problem, an outcome, an indicator).
pub const STATEMENT_MAX: usize = 4000;
/// Most indicators, milestones or contract changes in one agreement.
pub const ITEMS_MAX: usize = 20;

/// D1: the problem as the customer sees it. Blame is not a field; understanding is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Understanding {
    /// In the customer's own words.
    pub problem: String,
    pub nature: Nature,
    /// Who is responsible for it under the contract (see the account's responsibilities).
    pub responsible: Party,
    /// The clause or responsibility this rests on, and anything the agent wants known.
    #[serde(default)]
    pub note: String,
}

impl Understanding {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.body("problem", &self.problem, STATEMENT_MAX);
        if self.note.chars().count() > STATEMENT_MAX {
            c.push(
                FieldError::new("note", "too_long", "the note is too long")
                    .with_limit(STATEMENT_MAX as u64),
            );
        }
        c.finish()
    }
}

/// D3: a step of the agreement, with who answers for it and by when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneDraft {
    pub title: String,
    pub owner_id: UserId,
    #[schema(value_type = String, format = DateTime)]
    pub due_at: Timestamp,
    /// A company outside ours doing this step (a courier, a manufacturer), if any.
    #[serde(default)]
    pub third_party: Option<String>,
}

/// D2: what is proposed to the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementDraft {
    /// The problem, as both sides state it.
    pub problem: String,
    /// What will be done: the agreed outcome.
    pub outcome: String,
    /// How both sides will know it is done.
    pub indicators: Vec<String>,
    #[schema(value_type = String, format = DateTime)]
    pub deadline: Timestamp,
    #[serde(default)]
    pub milestones: Vec<MilestoneDraft>,
    /// Changes this agreement makes to the customer's contract; listed for review.
    #[serde(default)]
    pub contract_changes: Vec<String>,
}

impl AgreementDraft {
    /// Every problem at once; `now` keeps deadlines out of the past.
    pub fn validate(&self, now: Timestamp) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.body("problem", &self.problem, STATEMENT_MAX);
        c.body("outcome", &self.outcome, STATEMENT_MAX);
        if self.indicators.iter().all(|i| i.trim().is_empty()) {
            c.push(FieldError::new(
                "indicators",
                "required",
                "say at least one way both sides will know it is done",
            ));
        }
        for (name, list) in [
            ("indicators", &self.indicators),
            ("contract_changes", &self.contract_changes),
        ] {
            if list.len() > ITEMS_MAX {
                c.push(
                    FieldError::new(name, "too_many", "too many items")
                        .with_limit(ITEMS_MAX as u64),
                );
            }
            for (i, item) in list.iter().enumerate() {
                if item.chars().count() > STATEMENT_MAX {
                    c.push(
                        FieldError::new(format!("{name}/{i}"), "too_long", "too long")
                            .with_limit(STATEMENT_MAX as u64),
                    );
                }
            }
        }
        if self.deadline <= now {
            c.push(FieldError::new(
                "deadline",
                "in_the_past",
                "the deadline must be later than now",
            ));
        }
        if self.milestones.len() > ITEMS_MAX {
            c.push(
                FieldError::new("milestones", "too_many", "too many milestones")
                    .with_limit(ITEMS_MAX as u64),
            );
        }
        for (i, m) in self.milestones.iter().enumerate() {
            c.text(&format!("milestones/{i}/title"), &m.title, 200);
            if m.due_at <= now {
                c.push(FieldError::new(
                    format!("milestones/{i}/due_at"),
                    "in_the_past",
                    "a milestone is due later than now",
                ));
            } else if m.due_at > self.deadline {
                c.push(FieldError::new(
                    format!("milestones/{i}/due_at"),
                    "after_deadline",
                    "a milestone is due by the agreement's deadline",
                ));
            }
            if let Some(third) = &m.third_party {
                c.text(&format!("milestones/{i}/third_party"), third, 200);
            }
        }
        c.finish()
    }

    /// The lists without empty lines (a form leaves blank rows).
    pub fn tidy(mut self) -> AgreementDraft {
        let keep = |list: Vec<String>| -> Vec<String> {
            list.into_iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        self.indicators = keep(self.indicators);
        self.contract_changes = keep(self.contract_changes);
        self.problem = self.problem.trim().to_owned();
        self.outcome = self.outcome.trim().to_owned();
        self
    }
}

string_enum!(
    /// Where a version of an agreement stands with the customer. `proposed`: sent, waiting
    /// for the customer. `accepted`: the customer accepted it, this is what we promised.
    /// `discussing`: the customer wants to talk it over first. `superseded`: a later version
    /// took its place (an accepted version is kept as it was).
    AgreementStatus {
        Proposed = "proposed",
        Accepted = "accepted",
        Discussing = "discussing",
        Superseded = "superseded",
    }
);

/// What the customer answers to a proposed agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    Accept,
    Discuss,
}

/// What an answer does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The version takes the new status.
    Now(AgreementStatus),
    /// It already has it (a second click): nothing changes.
    Already,
}

/// The customer answers `version`, whose status is `status`, while `latest` is the newest
/// version of the agreement. Only the newest version can be answered; accepting twice, or
/// asking twice to discuss, is no change; an accepted version can no longer be discussed.
pub fn answer(
    status: AgreementStatus,
    version: u32,
    latest: u32,
    reply: Reply,
) -> Result<Outcome, DomainError> {
    if version != latest || status == AgreementStatus::Superseded {
        return Err(DomainError::Conflict(
            "a newer version of this agreement was proposed; answer that one".into(),
        ));
    }
    match (status, reply) {
        (AgreementStatus::Accepted, Reply::Accept)
        | (AgreementStatus::Discussing, Reply::Discuss) => Ok(Outcome::Already),
        (AgreementStatus::Accepted, Reply::Discuss) => Err(DomainError::Conflict(
            "this agreement is accepted already; ask for an amendment instead".into(),
        )),
        (_, Reply::Accept) => Ok(Outcome::Now(AgreementStatus::Accepted)),
        (_, Reply::Discuss) => Ok(Outcome::Now(AgreementStatus::Discussing)),
    }
}

/// When an amendment (a new version) is proposed, what becomes of the earlier versions:
/// the accepted one stays accepted until the amendment is accepted; the others are
/// superseded at once.
pub fn on_amendment(status: AgreementStatus) -> AgreementStatus {
    match status {
        AgreementStatus::Accepted => AgreementStatus::Accepted,
        _ => AgreementStatus::Superseded,
    }
}

/// When a version is accepted, what becomes of an earlier accepted one.
pub fn on_later_acceptance(status: AgreementStatus) -> AgreementStatus {
    match status {
        AgreementStatus::Accepted => AgreementStatus::Superseded,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;

    fn now() -> Timestamp {
        "2026-12-02T10:00:00Z".parse().unwrap_or_default()
    }

    fn draft() -> AgreementDraft {
        AgreementDraft {
            problem: "A encomenda de farinha chegou incompleta duas vezes.".into(),
            outcome: "Enviamos as duas sacas em falta e revemos a embalagem.".into(),
            indicators: vec!["As duas sacas chegam à padaria.".into(), "  ".into()],
            deadline: now() + SignedDuration::from_hours(72),
            milestones: vec![MilestoneDraft {
                title: "Sacas expedidas".into(),
                owner_id: UserId::new(),
                due_at: now() + SignedDuration::from_hours(24),
                third_party: Some("Transportes Ribeiro".into()),
            }],
            contract_changes: vec![],
        }
    }

    #[test]
    fn a_complete_agreement_passes_and_blank_rows_are_dropped() {
        let d = draft().tidy();
        assert_eq!(d.indicators.len(), 1);
        assert!(d.validate(now()).is_ok());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut d = draft();
        d.outcome = " ".into();
        d.indicators = vec![];
        d.milestones[0].due_at = d.deadline + SignedDuration::from_hours(1);
        let Err(DomainError::Invalid(errors)) = d.validate(now()) else {
            panic!("accepted an incomplete agreement")
        };
        let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("outcome", "required"),
                ("indicators", "required"),
                ("milestones/0/due_at", "after_deadline")
            ]
        );
        let mut late = draft();
        late.deadline = now();
        assert!(late.validate(now()).is_err(), "a deadline now is not later");
    }

    #[test]
    fn accepting_twice_changes_nothing_and_only_the_newest_version_is_answered() {
        use AgreementStatus::*;
        assert_eq!(
            answer(Proposed, 1, 1, Reply::Accept),
            Ok(Outcome::Now(Accepted))
        );
        assert_eq!(answer(Accepted, 1, 1, Reply::Accept), Ok(Outcome::Already));
        assert_eq!(
            answer(Proposed, 1, 1, Reply::Discuss),
            Ok(Outcome::Now(Discussing))
        );
        assert_eq!(
            answer(Discussing, 1, 1, Reply::Discuss),
            Ok(Outcome::Already)
        );
        assert_eq!(
            answer(Discussing, 1, 1, Reply::Accept),
            Ok(Outcome::Now(Accepted))
        );
        assert!(answer(Accepted, 1, 1, Reply::Discuss).is_err());
        assert!(
            answer(Proposed, 1, 2, Reply::Accept).is_err(),
            "an older version"
        );
        assert!(answer(Superseded, 2, 2, Reply::Accept).is_err());
    }

    #[test]
    fn an_amendment_keeps_the_accepted_version_until_it_is_accepted_itself() {
        use AgreementStatus::*;
        assert_eq!(on_amendment(Accepted), Accepted);
        assert_eq!(on_amendment(Proposed), Superseded);
        assert_eq!(on_amendment(Discussing), Superseded);
        assert_eq!(on_later_acceptance(Accepted), Superseded);
        assert_eq!(on_later_acceptance(Superseded), Superseded);
    }
}
