//! The policy document as written in TOML: every table and field a policy file may contain.
//! `docs/policy.md` describes each of them for authors; keep the two in step.
//!
//! Values whose mistakes are reported with a location are `Spanned`, so a finding can name
//! the file, line and column. Unknown fields are refused: a misspelt key must not be a
//! setting silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// Text in several languages, keyed by language code (`en`, `es`, `pt`, `lv`).
pub type Texts = BTreeMap<String, String>;

/// A text in a language, else in the first language the policy wrote it in (a policy names
/// the languages it is written in; a case may be in another).
pub fn in_language(texts: &Texts, language: &str) -> String {
    texts
        .get(language)
        .or_else(|| texts.values().next())
        .cloned()
        .unwrap_or_default()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub policy: Header,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub calendars: Vec<CalendarDoc>,
    #[serde(default)]
    pub procedures: Vec<Procedure>,
    #[serde(default)]
    pub escalation: Vec<EscalationLevel>,
    #[serde(default)]
    pub remedies: Vec<Remedy>,
    #[serde(default)]
    pub templates: Vec<Template>,
    #[serde(default)]
    pub surveys: Vec<SurveyDoc>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub name: String,
    /// Email address of the person who answers for the policy and is reminded to review it.
    pub owner: Spanned<String>,
    /// `YYYY-MM-DD`: when the policy must be reviewed.
    pub review_by: Spanned<String>,
    /// The company's mission statement that objectives link to.
    pub mission: String,
    /// ISO 4217 code used by remedies that do not name their own.
    pub currency: Spanned<String>,
    /// Languages every customer-facing text must be written in.
    pub languages: Spanned<Vec<String>>,
    /// The calendar of procedures that do not name one.
    pub default_calendar: Spanned<String>,
    /// Readability each customer-facing text must reach, per language: the minimum score for
    /// Flesch-family formulas (en, es, pt), the maximum LIX for Latvian.
    #[serde(default)]
    pub readability: BTreeMap<String, Spanned<f64>>,
    /// Nobody is asked a survey more often than once per this many days (E1).
    #[serde(default = "thirty_days")]
    pub survey_gap_days: Spanned<i64>,
}

fn thirty_days() -> Spanned<i64> {
    Spanned::new(0..0, 30)
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: Spanned<String>,
    pub name: Texts,
    pub indicator: Spanned<String>,
    /// A number, or a duration such as `"4h"` for time indicators.
    pub target: Spanned<toml::Value>,
    pub benchmark: Option<Benchmark>,
    /// How this objective serves the mission.
    pub mission_link: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// Same unit as the objective's target.
    pub value: Spanned<toml::Value>,
    /// Who is compared with, and where the figure comes from.
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarDoc {
    pub id: Spanned<String>,
    /// An IANA time zone, e.g. `Europe/Madrid`.
    pub time_zone: Spanned<String>,
    /// Working periods per weekday (`mon` … `sun`), each `"HH:MM-HH:MM"`; `24:00` ends at
    /// midnight. A weekday not listed is closed.
    pub hours: Spanned<BTreeMap<String, Vec<Spanned<String>>>>,
    /// Countries whose national public holidays close the calendar: `ES`, `PT`, `BR`, `LV`.
    #[serde(default)]
    pub holidays: Vec<Spanned<String>>,
    /// Extra closed days, `YYYY-MM-DD`.
    #[serde(default)]
    pub closed: Vec<Spanned<String>>,
    /// Days with hours other than the week's.
    #[serde(default)]
    pub special: Vec<SpecialDay>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialDay {
    pub date: Spanned<String>,
    /// Empty: closed that day.
    pub hours: Vec<Spanned<String>>,
}

/// Why a rule exists: what it rests on and how it helps the customer in the long run.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rationale {
    /// `law`, `study`, `customer_feedback` or `business_practice`.
    pub basis: Spanned<String>,
    pub text: String,
    /// The law, study or survey cited.
    pub source: Option<String>,
    pub long_term: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// `brochure`, `web` or `phone`.
    pub kind: Spanned<String>,
    /// A URL, or a phone number for `phone`.
    pub href: Spanned<String>,
    pub label: Spanned<Texts>,
}

/// Another way open to the customer, perhaps only to valuable or loyal accounts.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub id: Spanned<String>,
    pub text: Spanned<Texts>,
    /// A condition on the case and account (same language as `when`); absent: open to all.
    pub reserved_for: Option<Spanned<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub id: Spanned<String>,
    /// `email`, `web`, `chat`, `phone`, `social` or `api`.
    pub channel: Spanned<String>,
    /// Which cases of the channel the procedure governs; the first procedure that matches
    /// a case governs it.
    pub when: Option<Spanned<String>>,
    pub calendar: Option<Spanned<String>>,
    /// Objectives this procedure's standards serve.
    #[serde(default)]
    pub serves: Vec<Spanned<String>>,
    /// Business time to the first response, e.g. `"4h"`.
    pub first_response: Spanned<String>,
    /// Longest business time between updates promised to the customer.
    pub update_every: Option<Spanned<String>>,
    /// Business time to resolution.
    pub resolution: Spanned<String>,
    /// Whether waiting on the customer pauses the clocks.
    #[serde(default = "yes")]
    pub pause_when_waiting: bool,
    /// `auto`: Accord sends the acknowledgement with the next-update promise when the case
    /// opens; `agent`: an agent sends it with one click.
    #[serde(default = "agent")]
    pub acknowledge: Spanned<String>,
    // Serde's `flatten` would lose the spans, so these four are repeated in `Remedy`.
    pub rationale: Rationale,
    /// The plain-language explanation shown to customers and agents, per language.
    pub explanation: Spanned<Texts>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// Asking the customer, after resolution, whether it worked (D6).
    pub follow_up: Option<FollowUpDoc>,
}

/// `follow_up = { after = "16h", survey = "satisfaction" }` on a procedure.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpDoc {
    /// Business time after the case is resolved.
    pub after: Spanned<String>,
    /// The survey sent with it (a `[[surveys]]` id).
    pub survey: Spanned<String>,
}

fn yes() -> bool {
    true
}

fn agent() -> Spanned<String> {
    Spanned::new(0..0, "agent".to_owned())
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationLevel {
    pub id: Spanned<String>,
    /// 1 is the first level; levels fire in order.
    pub level: Spanned<i64>,
    pub when: Option<Spanned<String>>,
    pub trigger: Spanned<Trigger>,
    pub actions: Spanned<Vec<Action>>,
    pub rationale: Rationale,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "on", rename_all = "snake_case", deny_unknown_fields)]
pub enum Trigger {
    /// `by` business time before the clock's deadline.
    BeforeBreach { clock: String, by: String },
    /// `by` business time after the clock's deadline.
    AfterBreach { clock: String, by: String },
    /// The case's frustration score (0 to 1) reaches `at_least`.
    Frustration { at_least: f64 },
    /// A customer posted about the case in public.
    PublicPost,
    /// The account's tier is one of these.
    AccountTier { tiers: Vec<String> },
    /// The customer asked for a manager.
    AsksForManager,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "do", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Tell everyone with this role in the case's team (or the named team).
    Notify {
        role: String,
        team: Option<String>,
    },
    /// Give the case to a team, or to the least busy user with a role.
    Reassign {
        team: Option<String>,
        role: Option<String>,
    },
    RaisePriority {
        to: String,
    },
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    pub id: Spanned<String>,
    /// `refund`, `credit`, `replacement`, `expedited_delivery`, `fee_waiver`,
    /// `extended_deadline` or `goodwill_gift`.
    pub kind: Spanned<String>,
    pub name: Spanned<Texts>,
    /// A currency code for money; `days` or `items` for others. Default: the policy's currency.
    pub unit: Option<Spanned<String>>,
    pub when: Option<Spanned<String>>,
    /// The most each role may grant on its own, in `unit`, counting everything given or
    /// awaiting approval of this remedy on the same case. Above it, approval goes to the
    /// lowest role whose limit covers the total. A role not listed may not grant it.
    pub limits: Option<Spanned<BTreeMap<String, Spanned<f64>>>>,
    /// `limits_per_customer = { within_days = 30 }`: the limits also count what the same
    /// customer (the organization, or the contact without one) was given or awaits of this
    /// remedy, on any case, in the last so many days.
    pub limits_per_customer: Option<Spanned<PerCustomer>>,
    pub rationale: Rationale,
    /// The plain-language explanation shown to customers and agents, per language.
    pub explanation: Spanned<Texts>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
}

/// The customer and period a remedy's limits also apply to (see `Remedy::limits_per_customer`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerCustomer {
    /// Calendar days back from the request, 1 to 3660.
    pub within_days: Spanned<i64>,
}

/// A reply template (`[[templates]]`): a text agents start a reply from, in every language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: Spanned<String>,
    /// What agents see in the template list, per language.
    pub name: Spanned<Texts>,
    /// The cases it is offered on; every case when absent.
    pub when: Option<Spanned<String>>,
    /// The reply, per language; `{customer}`, `{agent}`, `{case}` and `{subject}` are filled in.
    pub body: Spanned<Texts>,
}

/// A survey (`[[surveys]]`, PRODUCT.md E1).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyDoc {
    pub id: Spanned<String>,
    /// `csat`, `nps`, `ces` or `custom`.
    pub kind: Spanned<String>,
    /// What customers see as the survey's title, per language.
    pub name: Spanned<Texts>,
    /// Questions, each answered on the kind's scale. `csat`, `nps` and `ces` ask their
    /// standard question when none is written; `custom` needs at least one.
    #[serde(default)]
    pub questions: Vec<QuestionDoc>,
    /// Answers are kept without the contact, case or agent they came from.
    #[serde(default)]
    pub anonymous: bool,
    /// The procedure or remedy the survey asks about ("how does this policy affect your
    /// business?").
    pub about: Option<Spanned<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDoc {
    pub id: Spanned<String>,
    pub text: Spanned<Texts>,
}
