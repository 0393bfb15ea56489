//! Conversation entries of a case (PRODUCT.md A2): messages to and from the customer,
//! internal notes, and consults — questions to a department whose answer lands in the case.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::case::{Channel, string_enum};
use crate::ids::{CaseId, ContactId, EntryId, TeamId, UserId};
use crate::validate::Checker;

pub const BODY_MAX: usize = 100_000;

string_enum!(
    EntryKind {
        Inbound = "inbound",
        Outbound = "outbound",
        Note = "note",
        ConsultQuestion = "consult_question",
        ConsultAnswer = "consult_answer",
    }
);

impl EntryKind {
    /// Customers see messages; notes and consults are internal to the company.
    pub fn is_public(self) -> bool {
        matches!(self, EntryKind::Inbound | EntryKind::Outbound)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Entry {
    pub id: EntryId,
    pub case_id: CaseId,
    pub kind: EntryKind,
    pub channel: Channel,
    pub body: String,
    /// Staff author, for outbound messages, notes, consults and answers.
    pub author_user_id: Option<UserId>,
    /// Customer author, for inbound messages.
    pub author_contact_id: Option<ContactId>,
    /// The department asked, for a consult question.
    pub department_id: Option<TeamId>,
    /// The consult question an answer responds to.
    pub answers_entry_id: Option<EntryId>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// A new entry as requested by a user; who writes it is decided by the caller's identity.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEntry {
    pub kind: EntryKind,
    pub body: String,
    /// Defaults to the case's channel for messages and to `web` otherwise.
    pub channel: Option<Channel>,
    /// Required for a consult question: the department (team) asked.
    pub department_id: Option<TeamId>,
    /// Required for a consult answer: the question it answers.
    pub answers_entry_id: Option<EntryId>,
}

impl NewEntry {
    pub fn validate(&self) -> Result<(), crate::DomainError> {
        let mut checker = Checker::new();
        checker.body("body", &self.body, BODY_MAX);
        match self.kind {
            EntryKind::ConsultQuestion if self.department_id.is_none() => {
                checker.push(crate::FieldError::new(
                    "department_id",
                    "required",
                    "a consult is addressed to a department: give its team id",
                ))
            }
            EntryKind::ConsultAnswer if self.answers_entry_id.is_none() => {
                checker.push(crate::FieldError::new(
                    "answers_entry_id",
                    "required",
                    "an answer refers to the consult question it answers",
                ))
            }
            _ => {}
        }
        if self.kind != EntryKind::ConsultQuestion && self.department_id.is_some() {
            checker.push(crate::FieldError::new(
                "department_id",
                "not_allowed",
                "only consult questions name a department",
            ));
        }
        if self.kind != EntryKind::ConsultAnswer && self.answers_entry_id.is_some() {
            checker.push(crate::FieldError::new(
                "answers_entry_id",
                "not_allowed",
                "only consult answers refer to a question",
            ));
        }
        checker.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: EntryKind) -> NewEntry {
        NewEntry {
            kind,
            body: "Paldies!".into(),
            channel: None,
            department_id: None,
            answers_entry_id: None,
        }
    }

    #[test]
    fn only_messages_are_public() {
        assert!(EntryKind::Inbound.is_public());
        assert!(EntryKind::Outbound.is_public());
        assert!(!EntryKind::Note.is_public());
        assert!(!EntryKind::ConsultQuestion.is_public());
        assert!(!EntryKind::ConsultAnswer.is_public());
    }

    #[test]
    fn consults_need_their_department_and_answers_their_question() {
        assert!(entry(EntryKind::ConsultQuestion).validate().is_err());
        assert!(entry(EntryKind::ConsultAnswer).validate().is_err());
        let mut q = entry(EntryKind::ConsultQuestion);
        q.department_id = Some(TeamId::new());
        assert!(q.validate().is_ok());
        let mut note = entry(EntryKind::Note);
        note.department_id = Some(TeamId::new());
        assert!(note.validate().is_err());
    }

    #[test]
    fn bodies_must_have_text() {
        let mut e = entry(EntryKind::Note);
        e.body = " \n ".into();
        assert!(e.validate().is_err());
        e.body = "Bom dia\u{0}".into();
        assert!(e.validate().is_err());
    }
}
