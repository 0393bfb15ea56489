//! A compiled policy: the document's rules with every reference resolved, every duration,
//! calendar and condition parsed, ready to run against cases.

use std::collections::BTreeMap;

use accord_calendar::Calendar;
use accord_core::case::{Channel, Priority};
use accord_core::language::Language;
use accord_core::people::Role;
use accord_core::survey::SurveyKind;
use jiff::SignedDuration;
use jiff::civil::Date;
use serde::Serialize;

use crate::condition::{Condition, Facts};
use crate::document::Texts;

#[derive(Clone, Debug)]
pub struct Policy {
    pub name: String,
    pub owner: String,
    pub review_by: Date,
    pub mission: String,
    pub currency: String,
    pub languages: Vec<Language>,
    pub objectives: Vec<Objective>,
    pub calendars: BTreeMap<String, Calendar>,
    pub procedures: Vec<Procedure>,
    pub escalation: Vec<EscalationLevel>,
    pub remedies: Vec<Remedy>,
    pub templates: Vec<ReplyTemplate>,
    pub surveys: Vec<Survey>,
    /// Nobody is asked a survey more often than once per this (E1).
    pub survey_gap: SignedDuration,
}

/// A survey (E1): questions on one scale, perhaps anonymous, perhaps about a rule.
#[derive(Clone, Debug, Serialize)]
pub struct Survey {
    pub id: String,
    pub kind: SurveyKind,
    pub name: Texts,
    /// At least one; the first is the headline a follow-up is judged by.
    pub questions: Vec<Question>,
    pub anonymous: bool,
    /// The procedure or remedy it asks about.
    pub about: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Question {
    pub id: String,
    /// `None`: the kind's standard question, from the translations.
    pub text: Option<Texts>,
}

/// Asking whether it worked, after resolution (D6).
#[derive(Clone, Debug, Serialize)]
pub struct FollowUp {
    /// Business time after resolution, in the procedure's calendar.
    #[serde(serialize_with = "as_minutes")]
    pub after: SignedDuration,
    pub survey: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    FirstResponseTime,
    ResolutionTime,
    FirstResponseMetRate,
    ResolutionMetRate,
    PromisesKeptRate,
    RetentionRate,
    ReopenRate,
    Csat,
    Nps,
    Ces,
}

impl Indicator {
    pub const ALL: &'static [(&'static str, Indicator)] = &[
        ("first_response_time", Indicator::FirstResponseTime),
        ("resolution_time", Indicator::ResolutionTime),
        ("first_response_met_rate", Indicator::FirstResponseMetRate),
        ("resolution_met_rate", Indicator::ResolutionMetRate),
        ("promises_kept_rate", Indicator::PromisesKeptRate),
        ("retention_rate", Indicator::RetentionRate),
        ("reopen_rate", Indicator::ReopenRate),
        ("csat", Indicator::Csat),
        ("nps", Indicator::Nps),
        ("ces", Indicator::Ces),
    ];

    pub fn parse(text: &str) -> Option<Indicator> {
        Indicator::ALL
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, i)| *i)
    }

    pub fn is_duration(self) -> bool {
        matches!(
            self,
            Indicator::FirstResponseTime | Indicator::ResolutionTime
        )
    }

    /// The range a numeric target must lie in.
    pub fn range(self) -> (f64, f64) {
        match self {
            Indicator::Csat => (1.0, 5.0),
            Indicator::Nps => (-100.0, 100.0),
            Indicator::Ces => (1.0, 7.0),
            _ => (0.0, 1.0),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "unit", content = "value")]
pub enum Target {
    #[serde(serialize_with = "as_minutes")]
    Duration(SignedDuration),
    Number(f64),
}

fn as_minutes<S: serde::Serializer>(d: &SignedDuration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i64(d.as_secs() / 60)
}

#[derive(Clone, Debug, Serialize)]
pub struct Objective {
    pub id: String,
    pub name: Texts,
    pub indicator: Indicator,
    pub target: Target,
    pub benchmark: Option<(Target, String)>,
    pub mission_link: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Rationale {
    pub basis: String,
    pub text: String,
    pub source: Option<String>,
    pub long_term: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub kind: String,
    pub href: String,
    pub label: Texts,
}

#[derive(Clone, Debug, Serialize)]
pub struct Alternative {
    pub id: String,
    pub text: Texts,
    #[serde(serialize_with = "as_text")]
    pub reserved_for: Condition,
}

fn as_text<S: serde::Serializer>(c: &Condition, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(c)
}

/// What every rule carries for people: why, and how it is explained to the customer.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    pub rationale: Rationale,
    pub text: Texts,
    pub links: Vec<Link>,
    pub alternatives: Vec<Alternative>,
}

impl Explanation {
    /// The alternatives open to this customer.
    pub fn alternatives_for<'a>(
        &'a self,
        facts: &'a Facts,
    ) -> impl Iterator<Item = &'a Alternative> {
        self.alternatives
            .iter()
            .filter(|a| a.reserved_for.matches(facts))
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Procedure {
    pub id: String,
    pub channel: Channel,
    #[serde(serialize_with = "as_text")]
    pub when: Condition,
    pub calendar: String,
    pub serves: Vec<String>,
    #[serde(serialize_with = "as_minutes")]
    pub first_response: SignedDuration,
    #[serde(serialize_with = "opt_minutes")]
    pub update_every: Option<SignedDuration>,
    #[serde(serialize_with = "as_minutes")]
    pub resolution: SignedDuration,
    pub pause_when_waiting: bool,
    pub auto_acknowledge: bool,
    pub explanation: Explanation,
    pub follow_up: Option<FollowUp>,
}

fn opt_minutes<S: serde::Serializer>(d: &Option<SignedDuration>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&(d.as_secs() / 60)),
        None => s.serialize_none(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockName {
    FirstResponse,
    NextUpdate,
    Resolution,
}

impl ClockName {
    pub fn parse(text: &str) -> Option<ClockName> {
        Some(match text {
            "first_response" => ClockName::FirstResponse,
            "next_update" => ClockName::NextUpdate,
            "resolution" => ClockName::Resolution,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "on")]
pub enum Trigger {
    BeforeBreach {
        clock: ClockName,
        #[serde(serialize_with = "as_minutes")]
        by: SignedDuration,
    },
    AfterBreach {
        clock: ClockName,
        #[serde(serialize_with = "as_minutes")]
        by: SignedDuration,
    },
    Frustration {
        at_least: f64,
    },
    PublicPost,
    AccountTier {
        tiers: Vec<accord_core::people::Tier>,
    },
    AsksForManager,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "do")]
pub enum Action {
    Notify {
        role: Role,
        team: Option<String>,
    },
    Reassign {
        team: Option<String>,
        role: Option<Role>,
    },
    RaisePriority {
        to: Priority,
    },
}

#[derive(Clone, Debug, Serialize)]
pub struct EscalationLevel {
    pub id: String,
    pub level: i64,
    #[serde(serialize_with = "as_text")]
    pub when: Condition,
    pub trigger: Trigger,
    pub actions: Vec<Action>,
    pub rationale: Rationale,
}

#[derive(Clone, Debug, Serialize)]
pub struct Remedy {
    pub id: String,
    pub kind: String,
    pub name: Texts,
    pub unit: String,
    #[serde(serialize_with = "as_text")]
    pub when: Condition,
    /// Per role, the most it may grant alone; ordered from the lowest limit. A limit is on
    /// the total of the remedy on one case: what was given or awaits approval there, plus
    /// the new request.
    pub limits: Vec<(Role, f64)>,
    /// When set, the limits also apply to the total one customer (organization, else
    /// contact) was given or awaits, on any case, within this many calendar days.
    pub per_customer_days: Option<i64>,
    pub explanation: Explanation,
}

/// A reply template: see [`crate::templates`].
#[derive(Clone, Debug, Serialize)]
pub struct ReplyTemplate {
    pub id: String,
    pub name: Texts,
    #[serde(serialize_with = "as_text")]
    pub when: Condition,
    pub body: Texts,
}

/// The kinds of rule that select cases by a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    Procedure,
    Escalation,
    Remedy,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Procedure => "procedure",
            RuleKind::Escalation => "escalation",
            RuleKind::Remedy => "remedy",
        }
    }
}

/// What happened to a case, for [`Policy::levels_on`].
#[derive(Clone, Copy, Debug)]
pub enum Occasion<'a> {
    /// The case was opened, with this first message from the customer, if any.
    Opened { first_message: Option<&'a str> },
    /// The customer wrote this message.
    CustomerWrote(&'a str),
    /// The account's tier changed.
    TierChanged,
}

/// Who may grant an amount of a remedy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome", content = "role")]
pub enum Authority {
    /// The role may grant it alone.
    Granted,
    /// Above the role's limit: this role must approve.
    NeedsApproval(Role),
    /// Above every limit (or no role may grant this remedy).
    Refused,
}

impl Remedy {
    /// Who may grant a total of `amount` (in the remedy's unit).
    pub fn authority(&self, role: Role, amount: f64) -> Authority {
        self.authority_minor(role, accord_core::remedy::to_minor(&self.unit, amount))
    }

    /// Who may grant a total of `total` of the unit's smallest whole parts (cents, items,
    /// days): the same comparison as [`Remedy::authority`], without floating-point drift
    /// when the total is a sum of several grants.
    pub fn authority_minor(&self, role: Role, total: i64) -> Authority {
        let covers = |limit: f64| total <= accord_core::remedy::to_minor(&self.unit, limit);
        let own = self
            .limits
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, l)| *l);
        if own.is_some_and(covers) {
            return Authority::Granted;
        }
        match self.limits.iter().find(|(_, limit)| covers(*limit)) {
            Some((approver, _)) => Authority::NeedsApproval(*approver),
            None => Authority::Refused,
        }
    }
}

impl Policy {
    /// The procedure that governs a case: the first of its channel whose condition matches.
    pub fn procedure_for(&self, facts: &Facts) -> Option<&Procedure> {
        self.procedure_index_for(facts).map(|i| &self.procedures[i])
    }

    /// The position in [`Policy::procedures`] of the procedure for a case with these facts:
    /// the pinned one when the policy has it for the case's channel, else the first whose
    /// condition matches.
    pub fn procedure_index_for(&self, facts: &Facts) -> Option<usize> {
        let channel = facts.channel?;
        if let Some(pin) = &facts.procedure_pin
            && let Some(i) = self
                .procedures
                .iter()
                .position(|p| p.channel == channel && &p.id == pin)
        {
            return Some(i);
        }
        self.procedures
            .iter()
            .position(|p| p.channel == channel && p.when.matches(facts))
    }

    pub fn calendar(&self, id: &str) -> Option<&Calendar> {
        self.calendars.get(id)
    }

    pub fn remedy(&self, id: &str) -> Option<&Remedy> {
        self.remedies.iter().find(|r| r.id == id)
    }

    /// Escalation levels that fire on an occasion other than a clock (those are timers):
    /// when a case opens, an account of one of the listed tiers, a public post (a case from a
    /// social channel) or a first message asking for a manager; when a customer writes, a
    /// message asking for a manager; when an account's tier changes, the tier levels. Each
    /// only when its condition matches the case.
    pub fn levels_on<'a>(
        &'a self,
        facts: &'a Facts,
        occasion: Occasion<'a>,
    ) -> impl Iterator<Item = &'a EscalationLevel> {
        self.escalation.iter().filter(move |level| {
            let tier = || facts.tier.is_some_and(|t| matches!(&level.trigger, Trigger::AccountTier { tiers } if tiers.contains(&t)));
            let manager = |text: Option<&str>| {
                level.trigger == Trigger::AsksForManager
                    && text.is_some_and(accord_text::phrases::asks_for_manager)
            };
            let fires = match occasion {
                Occasion::Opened { first_message } => {
                    tier()
                        || (level.trigger == Trigger::PublicPost
                            && facts.channel == Some(Channel::Social))
                        || manager(first_message)
                }
                Occasion::CustomerWrote(text) => manager(Some(text)),
                Occasion::TierChanged => tier(),
            };
            fires && level.when.matches(facts)
        })
    }

    /// Every rule that selects cases by a condition, in file order: procedures, escalation
    /// levels, remedies — as (kind, id, condition).
    pub fn rules(&self) -> Vec<(RuleKind, &str, &Condition)> {
        let procedures = self
            .procedures
            .iter()
            .map(|p| (RuleKind::Procedure, p.id.as_str(), &p.when));
        let levels = self
            .escalation
            .iter()
            .map(|l| (RuleKind::Escalation, l.id.as_str(), &l.when));
        let remedies = self
            .remedies
            .iter()
            .map(|r| (RuleKind::Remedy, r.id.as_str(), &r.when));
        procedures.chain(levels).chain(remedies).collect()
    }

    /// Reply templates offered on this case.
    pub fn templates_for<'a>(
        &'a self,
        facts: &'a Facts,
    ) -> impl Iterator<Item = &'a ReplyTemplate> {
        self.templates.iter().filter(|t| t.when.matches(facts))
    }

    pub fn template(&self, id: &str) -> Option<&ReplyTemplate> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// Remedies that may be offered on this case.
    pub fn remedies_for<'a>(&'a self, facts: &'a Facts) -> impl Iterator<Item = &'a Remedy> {
        self.remedies.iter().filter(|r| r.when.matches(facts))
    }
}
