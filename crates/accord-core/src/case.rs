//! Cases (tickets): the status lifecycle and how a change to a case becomes recorded events.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use crate::error::{DomainError, FieldError};
use crate::ids::{CaseId, ContactId, OrganizationId, TeamId, UserId};
use crate::language::Language;
use crate::validate::{self, Checker};

pub const SUBJECT_MAX: usize = 200;
pub const CATEGORY_MAX: usize = 60;
pub const REASON_MAX: usize = 500;
pub const CUSTOM_VALUE_MAX: usize = 1000;
pub const CUSTOM_FIELDS_MAX: usize = 50;
pub const TAGS_MAX: usize = 30;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_enum;

string_enum!(
    /// Where a case (or a message) came from.
    Channel {
        Email = "email",
        Web = "web",
        Chat = "chat",
        Phone = "phone",
        Social = "social",
        Api = "api",
    }
);

string_enum!(
    Priority {
        Low = "low",
        Normal = "normal",
        High = "high",
        Urgent = "urgent",
    }
);

string_enum!(
    /// The case lifecycle (PRODUCT.md A1).
    CaseStatus {
        New = "new",
        Acknowledged = "acknowledged",
        Investigating = "investigating",
        Agreed = "agreed",
        Implementing = "implementing",
        WaitingOnCustomer = "waiting_on_customer",
        WaitingOnThirdParty = "waiting_on_third_party",
        Resolved = "resolved",
        Closed = "closed",
        Reopened = "reopened",
    }
);

string_enum!(
    /// How two cases relate.
    LinkKind {
        DuplicateOf = "duplicate_of",
        Related = "related",
        MergedInto = "merged_into",
    }
);

impl CaseStatus {
    /// Statuses a case may move to from this one. Closing requires resolving first, so
    /// every closed case went through an explicit resolution; waiting states return to
    /// the working states they interrupted.
    pub fn allowed_next(self) -> &'static [CaseStatus] {
        use CaseStatus::*;
        match self {
            New => &[
                Acknowledged,
                Investigating,
                WaitingOnCustomer,
                WaitingOnThirdParty,
                Resolved,
            ],
            Acknowledged => &[
                Investigating,
                Agreed,
                WaitingOnCustomer,
                WaitingOnThirdParty,
                Resolved,
            ],
            Investigating => &[
                Agreed,
                Implementing,
                WaitingOnCustomer,
                WaitingOnThirdParty,
                Resolved,
            ],
            Agreed => &[
                Implementing,
                WaitingOnCustomer,
                WaitingOnThirdParty,
                Resolved,
            ],
            Implementing => &[Agreed, WaitingOnCustomer, WaitingOnThirdParty, Resolved],
            WaitingOnCustomer => &[
                Acknowledged,
                Investigating,
                Agreed,
                Implementing,
                WaitingOnThirdParty,
                Resolved,
            ],
            WaitingOnThirdParty => &[
                Acknowledged,
                Investigating,
                Agreed,
                Implementing,
                WaitingOnCustomer,
                Resolved,
            ],
            Resolved => &[Closed, Reopened],
            Closed => &[Reopened],
            Reopened => &[
                Acknowledged,
                Investigating,
                Agreed,
                Implementing,
                WaitingOnCustomer,
                WaitingOnThirdParty,
                Resolved,
            ],
        }
    }

    pub fn can_move_to(self, next: CaseStatus) -> bool {
        self.allowed_next().contains(&next)
    }

    /// Open cases still need work from someone.
    pub fn is_open(self) -> bool {
        !matches!(self, CaseStatus::Resolved | CaseStatus::Closed)
    }

    pub fn check_transition(self, next: CaseStatus) -> Result<(), DomainError> {
        if self.can_move_to(next) {
            Ok(())
        } else {
            Err(DomainError::IllegalTransition {
                from: self.as_str(),
                to: next.as_str(),
                allowed: self
                    .allowed_next()
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
    }
}

/// A custom field value: text, number or yes/no.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum FieldValue {
    Bool(bool),
    Number(f64),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Case {
    pub id: CaseId,
    /// Human-facing case number, unique per installation.
    pub number: i64,
    pub subject: String,
    pub channel: Channel,
    pub language: Language,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub priority: Priority,
    pub status: CaseStatus,
    pub organization_id: Option<OrganizationId>,
    pub contact_id: ContactId,
    pub team_id: Option<TeamId>,
    pub assignee_id: Option<UserId>,
    pub custom_fields: BTreeMap<String, FieldValue>,
    /// The number of the service policy version that governs the case (PRODUCT.md B2);
    /// `None` while no version is in force.
    pub policy_version: Option<i64>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

/// What a user may change on a case. Absent fields stay as they are; for optional
/// fields `null` clears the value.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CasePatch {
    pub subject: Option<String>,
    pub status: Option<CaseStatus>,
    pub priority: Option<Priority>,
    pub language: Option<Language>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub category: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<TeamId>)]
    pub team_id: Option<Option<TeamId>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<UserId>)]
    pub assignee_id: Option<Option<UserId>>,
    #[serde(default)]
    pub add_tags: Vec<String>,
    #[serde(default)]
    pub remove_tags: Vec<String>,
    /// Custom fields to set; `null` removes a field.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub custom_fields: BTreeMap<String, Option<FieldValue>>,
    /// Why the change is made; kept with the recorded events.
    pub reason: Option<String>,
}

/// Distinguishes an absent field (`None`) from an explicit `null` (`Some(None)`).
fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// One recorded change to a case. Stored as an event with who, when and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    Created,
    Subject {
        from: String,
        to: String,
    },
    Status {
        from: CaseStatus,
        to: CaseStatus,
    },
    Priority {
        from: Priority,
        to: Priority,
    },
    Language {
        from: Language,
        to: Language,
    },
    Category {
        from: Option<String>,
        to: Option<String>,
    },
    Team {
        from: Option<TeamId>,
        to: Option<TeamId>,
    },
    Assignee {
        from: Option<UserId>,
        to: Option<UserId>,
    },
    TagAdded {
        tag: String,
    },
    TagRemoved {
        tag: String,
    },
    CustomField {
        key: String,
        from: Option<FieldValue>,
        to: Option<FieldValue>,
    },
    Linked {
        kind: LinkKind,
        other: CaseId,
    },
    /// Another version of the service policy now governs the case.
    PolicyVersion {
        from: Option<i64>,
        to: i64,
    },
    Unlinked {
        kind: LinkKind,
        other: CaseId,
    },
    EntryAdded {
        entry_id: crate::ids::EntryId,
        kind: crate::entry::EntryKind,
    },
    /// A clock passed its target (found by its timer, in the case's business time).
    ClockBreached {
        clock: crate::clock::ClockKind,
    },
    /// A level of the policy's escalation chain fired; the event's reason is its rationale.
    Escalated {
        level: String,
        actions: Vec<String>,
    },
    /// What the agent understood of the problem was recorded or changed (D1).
    Understood,
    /// A version of the resolution agreement was proposed to the customer (D2).
    AgreementProposed {
        version: u32,
    },
    /// The customer answered a version: accepted it, or asked to discuss it; `via` is
    /// `link`, `portal` or `email`.
    AgreementAnswered {
        version: u32,
        status: crate::agreement::AgreementStatus,
        via: String,
    },
    /// An email said it accepts the agreement but was not taken as acceptance (D2):
    /// `reason` is `not_authenticated` (sender authentication did not vouch for its From
    /// address) or `not_a_reply` (it answered no agreement email of this version). The
    /// customer was sent the signed link instead.
    AgreementEmailRefused {
        version: u32,
        reason: String,
    },
    /// A milestone of the agreement was reached, and the customer told (D3).
    MilestoneReached {
        title: String,
    },
    /// A milestone passed its due date unreached; its owner was notified (D3).
    MilestoneOverdue {
        title: String,
    },
    /// The follow-up after resolution sent its survey (`sent`), or did not because the
    /// contact was asked another survey recently (D6).
    FollowUp {
        survey: String,
        sent: bool,
    },
    /// The customer answered a survey about the case; a negative answer reopens it.
    SurveyAnswered {
        survey: String,
        score: i64,
        negative: bool,
    },
    /// A remedy was given, requested for approval, approved or refused; the reason is why.
    Remedy {
        grant_id: crate::ids::GrantId,
        remedy: String,
        amount: f64,
        unit: String,
        status: crate::remedy::GrantStatus,
    },
}

impl Change {
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Created => "created",
            Change::Subject { .. } => "subject",
            Change::Status { .. } => "status",
            Change::Priority { .. } => "priority",
            Change::Language { .. } => "language",
            Change::Category { .. } => "category",
            Change::Team { .. } => "team",
            Change::Assignee { .. } => "assignee",
            Change::TagAdded { .. } => "tag_added",
            Change::TagRemoved { .. } => "tag_removed",
            Change::CustomField { .. } => "custom_field",
            Change::Linked { .. } => "linked",
            Change::PolicyVersion { .. } => "policy_version",
            Change::Unlinked { .. } => "unlinked",
            Change::EntryAdded { .. } => "entry_added",
            Change::ClockBreached { .. } => "clock_breached",
            Change::Escalated { .. } => "escalated",
            Change::Remedy { .. } => "remedy",
            Change::Understood => "understood",
            Change::AgreementProposed { .. } => "agreement_proposed",
            Change::AgreementAnswered { .. } => "agreement_answered",
            Change::AgreementEmailRefused { .. } => "agreement_email_refused",
            Change::MilestoneReached { .. } => "milestone_reached",
            Change::MilestoneOverdue { .. } => "milestone_overdue",
            Change::FollowUp { .. } => "follow_up",
            Change::SurveyAnswered { .. } => "survey_answered",
        }
    }
}

/// Checks a reason text, shared by every change that records one.
pub fn check_reason(checker: &mut Checker, reason: Option<&str>) {
    if let Some(reason) = reason
        && reason.chars().count() > REASON_MAX
    {
        checker.push(
            FieldError::new(
                "reason",
                "too_long",
                format!("must be at most {REASON_MAX} characters"),
            )
            .with_limit(REASON_MAX as u64),
        );
    }
}

pub fn check_custom_fields<'a>(
    checker: &mut Checker,
    fields: impl Iterator<Item = (&'a String, Option<&'a FieldValue>)>,
) {
    for (key, value) in fields {
        let path = format!("custom_fields/{key}");
        if !validate::is_valid_field_key(key) {
            checker.push(FieldError::new(
                path.clone(),
                "invalid_key",
                "custom field names are 1 to 40 characters: a lowercase letter, then lowercase letters, digits or '_'",
            ));
        }
        match value {
            Some(FieldValue::Text(text)) if text.chars().count() > CUSTOM_VALUE_MAX => {
                checker.push(
                    FieldError::new(
                        path,
                        "too_long",
                        format!("must be at most {CUSTOM_VALUE_MAX} characters"),
                    )
                    .with_limit(CUSTOM_VALUE_MAX as u64),
                );
            }
            Some(FieldValue::Number(n)) if !n.is_finite() => {
                checker.push(FieldError::new(
                    path,
                    "invalid_number",
                    "must be a finite number",
                ));
            }
            _ => {}
        }
    }
}

pub fn check_tags<'a>(checker: &mut Checker, field: &str, tags: impl Iterator<Item = &'a String>) {
    for (i, tag) in tags.enumerate() {
        checker.tag(&format!("{field}/{i}"), tag);
    }
}

impl Case {
    /// Applies a patch, returning the changed case and the changes to record, or every
    /// validation problem at once. A patch that changes nothing yields no changes.
    pub fn apply(
        &self,
        patch: &CasePatch,
        now: Timestamp,
    ) -> Result<(Case, Vec<Change>), DomainError> {
        let mut checker = Checker::new();
        if let Some(subject) = &patch.subject {
            checker.text("subject", subject, SUBJECT_MAX);
        }
        if let Some(Some(category)) = &patch.category {
            checker.text("category", category, CATEGORY_MAX);
        }
        check_tags(&mut checker, "add_tags", patch.add_tags.iter());
        check_tags(&mut checker, "remove_tags", patch.remove_tags.iter());
        check_custom_fields(
            &mut checker,
            patch.custom_fields.iter().map(|(k, v)| (k, v.as_ref())),
        );
        check_reason(&mut checker, patch.reason.as_deref());
        checker.finish()?;

        let mut next = self.clone();
        let mut changes = Vec::new();

        if let Some(status) = patch.status
            && status != self.status
        {
            self.status.check_transition(status)?;
            next.status = status;
            changes.push(Change::Status {
                from: self.status,
                to: status,
            });
        }
        if let Some(subject) = &patch.subject {
            let subject = subject.trim();
            if subject != self.subject {
                changes.push(Change::Subject {
                    from: self.subject.clone(),
                    to: subject.to_owned(),
                });
                next.subject = subject.to_owned();
            }
        }
        if let Some(priority) = patch.priority
            && priority != self.priority
        {
            changes.push(Change::Priority {
                from: self.priority,
                to: priority,
            });
            next.priority = priority;
        }
        if let Some(language) = patch.language
            && language != self.language
        {
            changes.push(Change::Language {
                from: self.language,
                to: language,
            });
            next.language = language;
        }
        if let Some(category) = &patch.category {
            let category = category.as_deref().map(str::trim).map(str::to_owned);
            if category != self.category {
                changes.push(Change::Category {
                    from: self.category.clone(),
                    to: category.clone(),
                });
                next.category = category;
            }
        }
        if let Some(team) = patch.team_id
            && team != self.team_id
        {
            changes.push(Change::Team {
                from: self.team_id,
                to: team,
            });
            next.team_id = team;
        }
        if let Some(assignee) = patch.assignee_id
            && assignee != self.assignee_id
        {
            changes.push(Change::Assignee {
                from: self.assignee_id,
                to: assignee,
            });
            next.assignee_id = assignee;
        }
        for tag in &patch.remove_tags {
            if let Some(pos) = next.tags.iter().position(|t| t == tag) {
                next.tags.remove(pos);
                changes.push(Change::TagRemoved { tag: tag.clone() });
            }
        }
        for tag in &patch.add_tags {
            if !next.tags.contains(tag) {
                next.tags.push(tag.clone());
                changes.push(Change::TagAdded { tag: tag.clone() });
            }
        }
        if next.tags.len() > TAGS_MAX {
            return Err(DomainError::invalid(
                "add_tags",
                "too_many",
                format!("a case has at most {TAGS_MAX} tags"),
            )
            .with_limit(TAGS_MAX as u64));
        }
        for (key, value) in &patch.custom_fields {
            let old = next.custom_fields.get(key).cloned();
            if old != *value {
                match value {
                    Some(v) => next.custom_fields.insert(key.clone(), v.clone()),
                    None => next.custom_fields.remove(key),
                };
                changes.push(Change::CustomField {
                    key: key.clone(),
                    from: old,
                    to: value.clone(),
                });
            }
        }
        if next.custom_fields.len() > CUSTOM_FIELDS_MAX {
            return Err(DomainError::invalid(
                "custom_fields",
                "too_many",
                format!("a case has at most {CUSTOM_FIELDS_MAX} custom fields"),
            )
            .with_limit(CUSTOM_FIELDS_MAX as u64));
        }
        if !changes.is_empty() {
            next.updated_at = now;
        }
        Ok((next, changes))
    }
}

#[cfg(test)]
mod tests;

/// A case as requested by a user or a channel.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    pub subject: String,
    /// The customer's first message, if any.
    pub body: Option<String>,
    /// The customer the case is about. Customers may leave it out: it is then themselves.
    pub contact_id: Option<ContactId>,
    pub channel: Option<Channel>,
    /// Defaults to the contact's preferred language, then English.
    pub language: Option<Language>,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub custom_fields: BTreeMap<String, FieldValue>,
    pub team_id: Option<TeamId>,
    pub assignee_id: Option<UserId>,
}

impl NewCase {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut checker = Checker::new();
        checker.text("subject", &self.subject, SUBJECT_MAX);
        if let Some(body) = &self.body {
            checker.body("body", body, crate::entry::BODY_MAX);
        }
        if let Some(category) = &self.category {
            checker.text("category", category, CATEGORY_MAX);
        }
        check_tags(&mut checker, "tags", self.tags.iter());
        if self.tags.len() > TAGS_MAX {
            checker.push(
                FieldError::new(
                    "tags",
                    "too_many",
                    format!("a case has at most {TAGS_MAX} tags"),
                )
                .with_limit(TAGS_MAX as u64),
            );
        }
        check_custom_fields(
            &mut checker,
            self.custom_fields.iter().map(|(k, v)| (k, Some(v))),
        );
        if self.custom_fields.len() > CUSTOM_FIELDS_MAX {
            checker.push(
                FieldError::new(
                    "custom_fields",
                    "too_many",
                    format!("a case has at most {CUSTOM_FIELDS_MAX} custom fields"),
                )
                .with_limit(CUSTOM_FIELDS_MAX as u64),
            );
        }
        checker.finish()
    }
}
