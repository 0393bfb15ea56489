//! Surveys (PRODUCT.md E1): sending one to a contact — by a case's follow-up (D6) or by a
//! supervisor — with a signed link per score, so one click answers; answering once, from
//! the link or the portal; a negative follow-up answer reopening the case and alerting its
//! owner. Nobody is asked more often than the policy's `survey_gap_days`.
//!
//! A link is signed for its request, and a request belongs to one contact: changing the
//! id in a link breaks its signature, and the portal answers only the reader's own. An
//! anonymous survey's answer is stored without request, case or agent.

use std::collections::BTreeMap;

use accord_core::access::{Action, Actor};
use accord_core::case::{Case, CaseStatus, Change};
use accord_core::ids::{CaseId, ContactId, UserId};
use accord_core::language::Language;
use accord_core::survey::SurveyKind;
use accord_core::{DomainError, FieldError};
use accord_i18n::{Arg, Tr};
use accord_policy::document::in_language;
use accord_policy::model::{Question, Survey};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::audit::record;
use crate::cases::insert_event;
use crate::codec::{from_micros, parse, to_micros};
use crate::db::Conn;
use crate::notifications::{About, NotificationKind, notify};
use crate::signing::LinkError;
use crate::value::{Json, Row};
use crate::{Result, Store, StoreError};

/// What a signed survey link is for.
pub const LINK_PURPOSE: &str = "survey";
/// How long a survey can be answered.
pub const ANSWER_WITHIN: SignedDuration = SignedDuration::from_hours(24 * 30);
/// The longest comment kept.
pub const COMMENT_MAX: usize = 2000;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SurveyQuestionView {
    pub id: String,
    pub text: String,
}

/// A survey sent to a contact, as its page shows it (in the language it was sent in).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SurveyRequestView {
    pub id: Uuid,
    pub survey_id: String,
    pub kind: SurveyKind,
    pub title: String,
    pub language: String,
    /// The first is the headline question, answered by one click in the email.
    pub questions: Vec<SurveyQuestionView>,
    pub low: i64,
    pub high: i64,
    /// What the lowest and highest scores mean.
    pub low_label: String,
    pub high_label: String,
    pub case_number: Option<i64>,
    pub anonymous: bool,
    #[schema(value_type = String, format = DateTime)]
    pub sent_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<Timestamp>,
}

/// A customer's answer: a score per question id, and a comment.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyAnswer {
    pub scores: BTreeMap<String, i64>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// What answering did.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SurveyAnswered {
    pub request_id: Uuid,
    /// It had been answered before: this answer changed nothing.
    pub already_answered: bool,
    pub negative: bool,
    /// The answer reopened the case it followed up.
    pub reopened: bool,
}

/// Who answers.
#[derive(Clone, Copy, Debug)]
pub enum SurveyAnswerer<'a> {
    /// Whoever holds the emailed link, with its token (checked here).
    Link(&'a str),
    /// A signed-in customer: only their own contact's surveys. Staff may record an answer
    /// a customer gave them another way (on the phone); the audit log says who.
    Portal(&'a Actor),
}

/// What became of sending a survey to one contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sending {
    Sent(Uuid),
    /// The contact was asked within the policy's gap.
    Throttled,
    /// The contact has no email address.
    NoAddress,
}

/// Who a survey goes to.
pub(crate) struct Recipient<'a> {
    pub contact: ContactId,
    pub case: Option<&'a Case>,
    pub language: Language,
    /// The zone dates are told in: the case's procedure calendar, else UTC.
    pub zone: jiff::tz::TimeZone,
    pub sent_by: Option<UserId>,
}

/// A question's text in a language: the policy's, or the kind's standard question.
pub(crate) fn question_text(tr: Tr, kind: SurveyKind, question: &Question) -> String {
    match &question.text {
        Some(texts) => in_language(texts, tr.language.code()),
        None => tr.t(&format!("survey-question-{kind}")),
    }
}

/// Sends a survey inside the caller's transaction: the request, and its email with one
/// signed link per score. The contact is asked only when their last survey is older than
/// `gap`; the check and the mark are one conditional update, so follow-ups firing together
/// on several nodes still send one.
pub(crate) async fn send(
    store: &Store,
    c: &mut Conn<'_>,
    version: i64,
    survey: &Survey,
    gap: SignedDuration,
    to: Recipient<'_>,
    now: Timestamp,
) -> Result<Sending> {
    let Some(mut address) = c
        .fetch_optional(
            "SELECT i.value, c.name FROM contact_identities i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.contact_id = $1 AND i.kind = 'email' ORDER BY i.position LIMIT 1",
            args![to.contact.0],
        )
        .await?
    else {
        return Ok(Sending::NoAddress);
    };
    let (recipient, name) = (address.text(0)?, address.text(1)?);
    let asked_before = now.checked_sub(gap).unwrap_or(now);
    let allowed = c
        .execute(
            "UPDATE contacts SET last_surveyed_at = $1 WHERE id = $2 AND (last_surveyed_at IS NULL OR last_surveyed_at <= $3)",
            args![to_micros(now), to.contact.0, to_micros(asked_before)],
        )
        .await?;
    if allowed == 0 {
        return Ok(Sending::Throttled);
    }
    let id = Uuid::now_v7();
    let expires = now.checked_add(ANSWER_WITHIN).unwrap_or(now);
    let token = store
        .sign_link(LINK_PURPOSE, &id.to_string(), expires)
        .await?;
    let case = to.case;
    c.execute(
        "INSERT INTO survey_requests (id, survey_id, policy_version, kind, contact_id, case_id, language, anonymous, agent_id, team_id, channel, sent_by, sent_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        args![
            id,
            survey.id.clone(),
            version,
            survey.kind.as_str(),
            to.contact.0,
            case.map(|c| c.id.0),
            to.language.code(),
            survey.anonymous,
            case.and_then(|c| c.assignee_id).map(|u| u.0),
            case.and_then(|c| c.team_id).map(|t| t.0),
            case.map(|c| c.channel.as_str()),
            to.sent_by.map(|u| u.0),
            to_micros(now),
            to_micros(expires)
        ],
    )
    .await?;
    let tr = Tr::new(to.language);
    let link = format!("{}/surveys/{id}?t={token}", store.public_url());
    let days = (gap.as_hours() / 24).to_string();
    let letter = crate::mail::Letter {
        subject: match case {
            Some(case) => format!(
                "{} {}",
                in_language(&survey.name, to.language.code()),
                accord_core::mail::subject_tag(case.number, case.id)
            ),
            None => in_language(&survey.name, to.language.code()),
        },
        text: letter_text(tr, survey, case, &name, &link, &days, (expires, &to.zone)),
        language: to.language.code().to_owned(),
        recipient_name: Some(name),
        in_reply_to: None,
        references: Vec::new(),
        automatic: true,
    };
    let purpose = crate::mail::Purpose::Survey;
    crate::mail::enqueue(store, c, None, purpose, &recipient, &letter, now).await?;
    Ok(Sending::Sent(id))
}

/// The survey's email: why we ask, the headline question with a link per score, the page
/// for the rest, and how often we ask.
fn letter_text(
    tr: Tr,
    survey: &Survey,
    case: Option<&Case>,
    name: &str,
    link: &str,
    days: &str,
    (expires, zone): (Timestamp, &jiff::tz::TimeZone),
) -> String {
    let kind = survey.kind;
    let mut parts = vec![tr.t1("ack-greeting", "name", name)];
    parts.push(match case {
        Some(case) => tr.args(
            "survey-mail-follow-up",
            &[
                ("number", Arg::Text(&case.number.to_string())),
                ("subject", Arg::Text(&case.subject)),
            ],
        ),
        None => tr.t("survey-mail-intro"),
    });
    if let Some(headline) = survey.questions.first() {
        parts.push(question_text(tr, kind, headline));
    }
    let (low, high) = kind.scale();
    let choices: Vec<String> = (low..=high)
        .rev()
        .map(|score| {
            let meaning = if score == high {
                format!(" ({})", tr.t(&format!("survey-scale-{kind}-high")))
            } else if score == low {
                format!(" ({})", tr.t(&format!("survey-scale-{kind}-low")))
            } else {
                String::new()
            };
            format!("{score}{meaning}: {link}&score={score}")
        })
        .collect();
    parts.push(format!(
        "{}\n{}",
        tr.t("survey-mail-click"),
        choices.join("\n")
    ));
    let more = survey.questions.len().saturating_sub(1);
    if more > 0 {
        parts.push(tr.args("survey-mail-more", &[("count", Arg::Number(more as i64))]));
    }
    parts.push(format!("{}\n{link}", tr.t("survey-mail-web")));
    if survey.anonymous {
        parts.push(tr.t("survey-mail-anonymous"));
    }
    parts.push(tr.args(
        "survey-mail-how-often",
        &[
            ("days", Arg::Text(days)),
            ("date", Arg::Text(&tr.datetime(expires, zone))),
        ],
    ));
    parts.push(tr.t("ack-signoff"));
    parts.join("\n\n")
}

/// A request as stored.
struct Request {
    id: Uuid,
    survey_id: String,
    version: i64,
    kind: SurveyKind,
    contact: ContactId,
    case: Option<CaseId>,
    language: Language,
    anonymous: bool,
    agent: Option<Uuid>,
    team: Option<Uuid>,
    channel: Option<String>,
    sent_at: Timestamp,
    expires_at: Timestamp,
    answered_at: Option<Timestamp>,
    case_number: Option<i64>,
}

/// A request's columns, read from `survey_requests q LEFT JOIN cases k` (see [`REQUESTS`]).
const REQUEST_COLUMNS: &str = "q.id, q.survey_id, q.policy_version, q.kind, q.contact_id, q.case_id, q.language, q.anonymous, \
     q.agent_id, q.team_id, q.channel, q.sent_at, q.expires_at, q.answered_at, k.number";
const REQUESTS: &str = "survey_requests q LEFT JOIN cases k ON k.id = q.case_id";

fn request_from_row(mut r: Row) -> Result<Request> {
    Ok(Request {
        id: r.uuid(0)?,
        survey_id: r.text(1)?,
        version: r.i64(2)?,
        kind: parse(&r.text(3)?, "survey_requests.kind", SurveyKind::parse)?,
        contact: ContactId(r.uuid(4)?),
        case: r.opt_uuid(5)?.map(CaseId),
        language: parse(&r.text(6)?, "survey_requests.language", Language::from_tag)?,
        anonymous: r.bool(7)?,
        agent: r.opt_uuid(8)?,
        team: r.opt_uuid(9)?,
        channel: r.opt_text(10)?,
        sent_at: from_micros(r.i64(11)?)?,
        expires_at: from_micros(r.i64(12)?)?,
        answered_at: r.opt_i64(13)?.map(from_micros).transpose()?,
        case_number: r.opt_i64(14)?,
    })
}

async fn load_request(c: &mut Conn<'_>, id: Uuid) -> Result<Request> {
    let row = c
        .fetch_optional(
            &format!("SELECT {REQUEST_COLUMNS} FROM {REQUESTS} WHERE q.id = $1"),
            args![id],
        )
        .await?
        .ok_or(StoreError::not_found("survey"))?;
    request_from_row(row)
}

/// The survey a request asks, from the policy version it was sent under.
async fn survey_of(store: &Store, request: &Request) -> Result<Survey> {
    let policy = store.compiled_policy(request.version).await?;
    policy
        .surveys
        .iter()
        .find(|s| s.id == request.survey_id)
        .cloned()
        .ok_or_else(|| {
            StoreError::Corrupt(format!(
                "survey {} not in version {}",
                request.survey_id, request.version
            ))
        })
}

async fn view_of(store: &Store, request: &Request) -> Result<SurveyRequestView> {
    let survey = survey_of(store, request).await?;
    let tr = Tr::new(request.language);
    let kind = survey.kind;
    let (low, high) = kind.scale();
    Ok(SurveyRequestView {
        id: request.id,
        survey_id: survey.id.clone(),
        kind,
        title: in_language(&survey.name, request.language.code()),
        language: request.language.code().to_owned(),
        questions: survey
            .questions
            .iter()
            .map(|q| SurveyQuestionView {
                id: q.id.clone(),
                text: question_text(tr, kind, q),
            })
            .collect(),
        low,
        high,
        low_label: tr.t(&format!("survey-scale-{kind}-low")),
        high_label: tr.t(&format!("survey-scale-{kind}-high")),
        case_number: request.case_number,
        anonymous: survey.anonymous,
        sent_at: request.sent_at,
        expires_at: request.expires_at,
        answered_at: request.answered_at,
    })
}

/// Checks an answer against the survey: every question scored on its scale, no unknown
/// question, the comment not too long.
fn check_answer(survey: &Survey, answer: &SurveyAnswer) -> std::result::Result<(), DomainError> {
    let (low, high) = survey.kind.scale();
    let mut errors = Vec::new();
    for q in &survey.questions {
        match answer.scores.get(&q.id) {
            None => errors.push(FieldError::new(
                format!("scores/{}", q.id),
                "required",
                "answer this question",
            )),
            Some(score) if !survey.kind.accepts(*score) => errors.push(FieldError::new(
                format!("scores/{}", q.id),
                "out_of_range",
                format!("choose a score from {low} to {high}"),
            )),
            Some(_) => {}
        }
    }
    for id in answer.scores.keys() {
        if !survey.questions.iter().any(|q| &q.id == id) {
            errors.push(FieldError::new(
                format!("scores/{id}"),
                "unknown_question",
                "this survey has no such question",
            ));
        }
    }
    if let Some(comment) = &answer.comment
        && comment.chars().count() > COMMENT_MAX
    {
        errors.push(
            FieldError::new("comment", "too_long", "the comment is too long")
                .with_limit(COMMENT_MAX as u64),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Invalid(errors))
    }
}

/// Who hears that a follow-up came back negative: the case's assignee, else the
/// supervisors of its team, else the administrators.
async fn owners_of(c: &mut Conn<'_>, case: &Case) -> Result<Vec<UserId>> {
    if let Some(assignee) = case.assignee_id {
        return Ok(vec![assignee]);
    }
    let mut rows = match case.team_id {
        Some(team) => {
            c.fetch_all(
                "SELECT u.id FROM users u JOIN team_members m ON m.user_id = u.id \
                 WHERE m.team_id = $1 AND u.role = 'supervisor' AND u.active = $2",
                args![team.0, true],
            )
            .await?
        }
        None => Vec::new(),
    };
    if rows.is_empty() {
        rows = c
            .fetch_all(
                "SELECT id FROM users WHERE role = 'admin' AND active = $1",
                args![true],
            )
            .await?;
    }
    rows.into_iter()
        .map(|mut r| Ok(UserId(r.uuid(0)?)))
        .collect()
}

impl Store {
    /// A survey opened from its emailed link (the token checked for this request).
    pub async fn survey_by_link(
        &self,
        id: Uuid,
        token: &str,
        now: Timestamp,
    ) -> Result<std::result::Result<SurveyRequestView, LinkError>> {
        if let Err(e) = self
            .verify_link(LINK_PURPOSE, &id.to_string(), token, now)
            .await?
        {
            return Ok(Err(e));
        }
        let mut c = self.read().await?;
        let request = load_request(&mut c, id).await?;
        Ok(Ok(view_of(self, &request).await?))
    }

    /// The surveys sent to the reader's own contact, open ones first (customers; staff
    /// have no contact and see none).
    pub async fn my_surveys(&self, actor: &Actor) -> Result<Vec<SurveyRequestView>> {
        let Some(contact) = actor.contact_id else {
            return Ok(Vec::new());
        };
        let mut c = self.read().await?;
        let rows = c
            .fetch_all(
                &format!(
                    "SELECT {REQUEST_COLUMNS} FROM {REQUESTS} WHERE q.contact_id = $1 \
                     ORDER BY (q.answered_at IS NULL) DESC, q.sent_at DESC LIMIT 50"
                ),
                args![contact.0],
            )
            .await?;
        let mut views = Vec::with_capacity(rows.len());
        for row in rows {
            let request = request_from_row(row)?;
            views.push(view_of(self, &request).await?);
        }
        Ok(views)
    }

    /// One of the reader's own surveys (anyone else's is not found).
    pub async fn my_survey(&self, actor: &Actor, id: Uuid) -> Result<SurveyRequestView> {
        let mut c = self.read().await?;
        let request = load_request(&mut c, id).await?;
        if actor.contact_id != Some(request.contact) {
            return Err(StoreError::not_found("survey"));
        }
        view_of(self, &request).await
    }

    /// A signed link for one of the reader's own surveys, to answer it on the web.
    pub async fn my_survey_link(&self, actor: &Actor, id: Uuid) -> Result<String> {
        let view = self.my_survey(actor, id).await?;
        self.sign_link(LINK_PURPOSE, &id.to_string(), view.expires_at)
            .await
    }

    /// Records an answer, once. A negative answer to a case's follow-up reopens the case
    /// and notifies its owner.
    pub async fn answer_survey(
        &self,
        id: Uuid,
        answerer: SurveyAnswerer<'_>,
        answer: &SurveyAnswer,
        now: Timestamp,
    ) -> Result<std::result::Result<SurveyAnswered, LinkError>> {
        if let SurveyAnswerer::Link(token) = answerer
            && let Err(e) = self
                .verify_link(LINK_PURPOSE, &id.to_string(), token, now)
                .await?
        {
            return Ok(Err(e));
        }
        let mut tx = self.write().await?;
        let request = load_request(&mut tx, id).await?;
        if let SurveyAnswerer::Portal(actor) = answerer
            && !actor.role.is_staff()
            && actor.contact_id != Some(request.contact)
        {
            return Err(StoreError::not_found("survey"));
        }
        let recorded_by = match answerer {
            SurveyAnswerer::Portal(actor) if actor.role.is_staff() => Some(actor.user_id.0),
            _ => None,
        };
        let mut answered = SurveyAnswered {
            request_id: id,
            already_answered: true,
            negative: false,
            reopened: false,
        };
        if request.answered_at.is_some() {
            return Ok(Ok(answered));
        }
        if now >= request.expires_at {
            return Ok(Err(LinkError::Expired));
        }
        let survey = survey_of(self, &request).await?;
        check_answer(&survey, answer)?;
        let marked = tx
            .execute(
                "UPDATE survey_requests SET answered_at = $1 WHERE id = $2 AND answered_at IS NULL",
                args![to_micros(now), id],
            )
            .await?;
        if marked == 0 {
            return Ok(Ok(answered));
        }
        let headline = survey
            .questions
            .first()
            .and_then(|q| answer.scores.get(&q.id))
            .copied()
            .unwrap_or_default();
        let negative = survey.kind.is_negative(headline);
        let comment = answer
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let known = !request.anonymous;
        tx.execute(
            "INSERT INTO survey_responses (id, request_id, survey_id, policy_version, kind, case_id, agent_id, team_id, channel, language, score, scores, comment, negative, answered_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            args![
                Uuid::now_v7(),
                known.then_some(id),
                request.survey_id.clone(),
                request.version,
                request.kind.as_str(),
                request.case.filter(|_| known).map(|c| c.0),
                request.agent.filter(|_| known),
                request.team,
                request.channel.clone(),
                request.language.code(),
                headline,
                Json(&answer.scores),
                comment,
                negative,
                to_micros(now)
            ],
        )
        .await?;
        answered.already_answered = false;
        answered.negative = negative;
        if let Some(case_id) = request.case.filter(|_| known) {
            let change = Change::SurveyAnswered {
                survey: request.survey_id.clone(),
                score: headline,
                negative,
            };
            insert_event(&mut tx, case_id, &change, None, None, now).await?;
            let case =
                crate::cases::load_case(&mut tx, accord_core::access::Scope::All, case_id).await?;
            if negative && !case.status.is_open() {
                crate::cases::move_status(
                    self,
                    &mut tx,
                    case_id,
                    case.status,
                    CaseStatus::Reopened,
                    None,
                    now,
                )
                .await?;
                answered.reopened = true;
                let (_, high) = survey.kind.scale();
                let detail = format!("{headline}/{high}");
                for owner in owners_of(&mut tx, &case).await? {
                    notify(
                        self,
                        &mut tx,
                        owner,
                        Some(case_id),
                        NotificationKind::NegativeFeedback,
                        About::Level(&detail),
                        now,
                    )
                    .await?;
                }
            }
        }
        record(
            &mut tx,
            recorded_by,
            now,
            "survey.answer",
            "survey",
            Some(request.survey_id.clone()),
            serde_json::json!({"negative": negative, "reopened": answered.reopened}),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(answered))
    }

    /// The surveys sent about a case, newest first (staff).
    pub async fn case_surveys(&self, actor: &Actor, case: CaseId) -> Result<Vec<CaseSurvey>> {
        actor.require(Action::ViewInternalEntries)?;
        let mut c = self.read().await?;
        crate::cases::load_case_scoped(&mut c, actor, case).await?;
        let rows = c
            .fetch_all(
                "SELECT q.id, q.survey_id, q.kind, q.sent_at, q.answered_at, r.score, r.comment, r.negative \
                 FROM survey_requests q LEFT JOIN survey_responses r ON r.request_id = q.id \
                 WHERE q.case_id = $1 ORDER BY q.sent_at DESC",
                args![case.0],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(CaseSurvey {
                    id: r.uuid(0)?,
                    survey_id: r.text(1)?,
                    kind: parse(&r.text(2)?, "survey_requests.kind", SurveyKind::parse)?,
                    sent_at: from_micros(r.i64(3)?)?,
                    answered_at: r.opt_i64(4)?.map(from_micros).transpose()?,
                    score: r.opt_i64(5)?,
                    comment: r.opt_text(6)?,
                    negative: r.opt_bool(7)?,
                })
            })
            .collect()
    }
}

/// A survey sent about a case, with its answer (staff's view of the case).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CaseSurvey {
    pub id: Uuid,
    pub survey_id: String,
    pub kind: SurveyKind,
    #[schema(value_type = String, format = DateTime)]
    pub sent_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<Timestamp>,
    pub score: Option<i64>,
    pub comment: Option<String>,
    pub negative: Option<bool>,
}
