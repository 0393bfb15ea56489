//! What customers answered (PRODUCT.md E1): a survey's results over a period, grouped by
//! case, agent, team, channel, policy version or week, with each question's average and
//! the latest comments; and sending a survey to the contacts of an organization, or to
//! every customer, from the results page (supervisors).
//!
//! Anonymous answers have no case or agent: grouped by those, they fall in one group
//! "not recorded".

use std::collections::BTreeMap;

use accord_core::access::{Action, Actor};
use accord_core::ids::{ContactId, OrganizationId};
use accord_core::language::Language;
use accord_core::survey::SurveyKind;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::record;
use crate::codec::{from_micros, to_micros};
use crate::surveys::{Recipient, Sending};
use crate::{Result, Store, StoreError};

/// The longest period results cover.
pub const DAYS_MAX: i64 = 366;
/// Contacts one send reaches at most.
pub const SEND_MAX: usize = 5000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, ToSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum ResultsBy {
    Case,
    Agent,
    Team,
    #[default]
    Channel,
    PolicyVersion,
    /// The ISO week the answer came in.
    Week,
}

impl ResultsBy {
    pub const ALL: [ResultsBy; 6] = [
        ResultsBy::Case,
        ResultsBy::Agent,
        ResultsBy::Team,
        ResultsBy::Channel,
        ResultsBy::PolicyVersion,
        ResultsBy::Week,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResultsBy::Case => "case",
            ResultsBy::Agent => "agent",
            ResultsBy::Team => "team",
            ResultsBy::Channel => "channel",
            ResultsBy::PolicyVersion => "policy_version",
            ResultsBy::Week => "week",
        }
    }
}

/// One group's answers.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ResultGroup {
    /// What the group is: a case number, an agent's or team's name, a channel, a version
    /// number, a week (`2026-W49`); `None` when not recorded (anonymous answers).
    pub label: Option<String>,
    pub answers: i64,
    /// The headline question's average score.
    pub average: f64,
    pub positive: i64,
    pub negative: i64,
    /// Percent of positive answers; for NPS, positive less negative (the net promoter
    /// score, −100 to 100).
    pub score: f64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuestionResult {
    pub id: String,
    pub answers: i64,
    pub average: f64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SurveyComment {
    pub score: i64,
    pub comment: String,
    /// `None` for anonymous answers.
    pub case_number: Option<i64>,
    #[schema(value_type = String, format = DateTime)]
    pub answered_at: Timestamp,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SurveyResults {
    pub survey_id: String,
    pub kind: Option<SurveyKind>,
    pub by: ResultsBy,
    pub days: i64,
    pub total: ResultGroup,
    pub groups: Vec<ResultGroup>,
    pub questions: Vec<QuestionResult>,
    /// The latest comments, newest first.
    pub comments: Vec<SurveyComment>,
    /// Requests sent in the period, answered or not (for the response rate).
    pub sent: i64,
}

#[derive(Default)]
struct Tally {
    answers: i64,
    sum: i64,
    positive: i64,
    negative: i64,
}

impl Tally {
    fn add(&mut self, kind: SurveyKind, score: i64, negative: bool) {
        self.answers += 1;
        self.sum += score;
        self.positive += i64::from(kind.is_positive(score));
        self.negative += i64::from(negative);
    }

    fn group(&self, kind: Option<SurveyKind>, label: Option<String>) -> ResultGroup {
        let share = |n: i64| {
            if self.answers == 0 {
                0.0
            } else {
                100.0 * n as f64 / self.answers as f64
            }
        };
        let score = match kind {
            Some(SurveyKind::Nps) => share(self.positive) - share(self.negative),
            _ => share(self.positive),
        };
        ResultGroup {
            label,
            answers: self.answers,
            average: if self.answers == 0 {
                0.0
            } else {
                self.sum as f64 / self.answers as f64
            },
            positive: self.positive,
            negative: self.negative,
            score: (score * 10.0).round() / 10.0,
        }
    }
}

/// Whom a supervisor sends a survey to.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendSurvey {
    /// The contacts of one organization; every contact with an email address when absent.
    pub organization_id: Option<OrganizationId>,
}

/// How a send went.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct SendReport {
    pub sent: i64,
    /// Asked another survey within the policy's gap.
    pub throttled: i64,
    pub without_address: i64,
}

impl Store {
    /// A survey's results over the last `days` days (supervisors).
    pub async fn survey_results(
        &self,
        actor: &Actor,
        survey_id: &str,
        by: ResultsBy,
        days: i64,
        now: Timestamp,
    ) -> Result<SurveyResults> {
        actor.require(Action::Supervise)?;
        let days = days.clamp(1, DAYS_MAX);
        let since = now
            .checked_sub(SignedDuration::from_hours(24 * days))
            .unwrap_or(now);
        let label = match by {
            ResultsBy::Case => "CAST(k.number AS TEXT)",
            ResultsBy::Agent => "u.name",
            ResultsBy::Team => "t.name",
            ResultsBy::Channel => "r.channel",
            ResultsBy::PolicyVersion => "CAST(r.policy_version AS TEXT)",
            ResultsBy::Week => "NULL",
        };
        let mut c = self.read().await?;
        let rows = c
            .fetch_all(
                &format!(
                    "SELECT {label}, r.kind, r.score, r.negative, r.answered_at, r.scores, r.comment, k.number \
                     FROM survey_responses r LEFT JOIN cases k ON k.id = r.case_id \
                     LEFT JOIN users u ON u.id = r.agent_id LEFT JOIN teams t ON t.id = r.team_id \
                     WHERE r.survey_id = $1 AND r.answered_at >= $2 ORDER BY r.answered_at DESC"
                ),
                args![survey_id, to_micros(since)],
            )
            .await?;
        let sent = c
            .fetch_one(
                "SELECT COUNT(*) FROM survey_requests WHERE survey_id = $1 AND sent_at >= $2",
                args![survey_id, to_micros(since)],
            )
            .await?
            .i64(0)?;
        let mut kind = None;
        let mut total = Tally::default();
        let mut groups: BTreeMap<Option<String>, Tally> = BTreeMap::new();
        let mut questions: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        let mut comments = Vec::new();
        for mut r in rows {
            let mut label = r.opt_text(0)?;
            let k = crate::codec::parse(&r.text(1)?, "survey_responses.kind", SurveyKind::parse)?;
            kind = Some(k);
            let (score, negative) = (r.i64(2)?, r.bool(3)?);
            let answered_at = from_micros(r.i64(4)?)?;
            if by == ResultsBy::Week {
                let week = answered_at
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .date()
                    .iso_week_date();
                label = Some(format!("{}-W{:02}", week.year(), week.week()));
            }
            total.add(k, score, negative);
            groups.entry(label).or_default().add(k, score, negative);
            let scores: BTreeMap<String, i64> = r.json(5)?;
            for (question, value) in scores {
                let entry = questions.entry(question).or_default();
                entry.0 += 1;
                entry.1 += value;
            }
            if let Some(comment) = r.opt_text(6)?
                && comments.len() < 20
            {
                comments.push(SurveyComment {
                    score,
                    comment,
                    case_number: r.opt_i64(7)?,
                    answered_at,
                });
            }
        }
        let mut groups: Vec<ResultGroup> = groups
            .into_iter()
            .map(|(label, tally)| tally.group(kind, label))
            .collect();
        if by == ResultsBy::Week {
            groups.sort_by(|a, b| a.label.cmp(&b.label));
        } else {
            groups.sort_by(|a, b| b.answers.cmp(&a.answers).then(a.label.cmp(&b.label)));
        }
        Ok(SurveyResults {
            survey_id: survey_id.to_owned(),
            kind,
            by,
            days,
            total: total.group(kind, None),
            groups,
            questions: questions
                .into_iter()
                .map(|(id, (answers, sum))| QuestionResult {
                    id,
                    answers,
                    average: sum as f64 / answers.max(1) as f64,
                })
                .collect(),
            comments,
            sent,
        })
    }

    /// Sends a survey of the policy version in force to the contacts of an organization,
    /// or to every contact, each in their language (supervisors). Contacts asked within
    /// the policy's gap are skipped.
    pub async fn send_survey(
        &self,
        actor: &Actor,
        survey_id: &str,
        to: &SendSurvey,
        now: Timestamp,
    ) -> Result<SendReport> {
        actor.require(Action::Supervise)?;
        let version = self
            .governing_policy_version(to.organization_id, now)
            .await?
            .ok_or_else(|| {
                accord_core::DomainError::Conflict(
                    "no policy version is in force: publish one first".into(),
                )
            })?;
        let policy = self.compiled_policy(version).await?;
        let survey = policy
            .surveys
            .iter()
            .find(|s| s.id == survey_id)
            .ok_or(StoreError::not_found("survey"))?;
        let fallback = policy.languages.first().copied().unwrap_or(Language::En);
        let mut tx = self.write().await?;
        let contacts = tx
            .fetch_all(
                "SELECT c.id, c.preferred_language FROM contacts c \
                 WHERE ($1 IS NULL OR c.organization_id = $1) \
                 AND EXISTS (SELECT 1 FROM contact_identities i WHERE i.contact_id = c.id AND i.kind = 'email') \
                 ORDER BY c.id LIMIT $2",
                args![to.organization_id.map(|o| o.0), SEND_MAX as i64],
            )
            .await?;
        let mut report = SendReport::default();
        for mut row in contacts {
            let contact = ContactId(row.uuid(0)?);
            let language = row
                .opt_text(1)?
                .and_then(|l| Language::from_tag(&l))
                .unwrap_or(fallback);
            let recipient = Recipient {
                contact,
                case: None,
                language,
                zone: jiff::tz::TimeZone::UTC,
                sent_by: Some(actor.user_id),
            };
            let gap = policy.survey_gap;
            match crate::surveys::send(self, &mut tx, version, survey, gap, recipient, now).await? {
                Sending::Sent(_) => report.sent += 1,
                Sending::Throttled => report.throttled += 1,
                Sending::NoAddress => report.without_address += 1,
            }
        }
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "survey.send",
            "survey",
            Some(survey_id.to_owned()),
            serde_json::json!({"organization_id": to.organization_id, "sent": report.sent, "throttled": report.throttled}),
        )
        .await?;
        tx.commit().await?;
        Ok(report)
    }
}
