//! Resolving a complaint (PRODUCT.md D1–D3): what the agent understood, the written
//! agreement proposed to the customer in their language — by email with a signed link, and
//! in the portal — its versions and the customer's answer, its milestones, and the contract
//! changes it lists for review.
//!
//! Proposing posts the agreement as a reply in the conversation (so it counts as an update
//! and threads like one); the email carries the signed link, which is never stored. The
//! rules of versions and answers are `accord_core::agreement`'s.

use accord_core::DomainError;
use accord_core::access::{Action, Actor};
use accord_core::agreement::{
    self, AgreementDraft, AgreementStatus, Nature, Outcome, Reply, Understanding,
};
use accord_core::case::{Case, CaseStatus, Change};
use accord_core::ids::{CaseId, UserId};
use accord_core::people::Party;
use accord_i18n::{Arg, Tr};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::audit::{record, record_case_change};
use crate::cases::{insert_event, load_case, load_case_scoped};
use crate::codec::{from_micros, parse, to_micros};
use crate::db::Conn;
use crate::signing::LinkError;
use crate::value::{Json, Row};
use crate::{Result, Store, StoreError};

/// What a signed agreement link is for.
pub const LINK_PURPOSE: &str = "agreement";

/// D1 as recorded on a case.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UnderstandingView {
    pub problem: String,
    pub nature: Nature,
    pub responsible: Party,
    pub note: String,
    pub recorded_by: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub recorded_at: Timestamp,
}

/// A milestone of an agreement (D3).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MilestoneView {
    pub id: Uuid,
    pub title: String,
    pub owner_id: UserId,
    pub owner_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub due_at: Timestamp,
    pub third_party: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub reached_at: Option<Timestamp>,
    pub note: Option<String>,
    /// When its due date passed unreached (its owner was notified then).
    #[schema(value_type = Option<String>, format = DateTime)]
    pub overdue_at: Option<Timestamp>,
}

/// One version of a case's agreement.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AgreementView {
    pub id: Uuid,
    pub case_id: CaseId,
    pub case_number: i64,
    pub version: u32,
    pub status: AgreementStatus,
    /// The language it was written and sent in.
    pub language: String,
    pub problem: String,
    pub outcome: String,
    pub indicators: Vec<String>,
    pub contract_changes: Vec<String>,
    #[schema(value_type = String, format = DateTime)]
    pub deadline: Timestamp,
    pub proposed_by: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub proposed_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<Timestamp>,
    /// `link`, `portal`, `email`, or `staff` (recorded by staff for the customer).
    pub answered_via: Option<String>,
    pub milestones: Vec<MilestoneView>,
}

/// A change an accepted agreement makes to a customer's contract, for someone to carry into
/// the contract (D2).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ContractReview {
    pub id: Uuid,
    pub case_id: CaseId,
    pub case_number: i64,
    pub organization: Option<String>,
    pub change: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    pub reviewed_by: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub reviewed_at: Option<Timestamp>,
}

/// Who answers an agreement, and how.
#[derive(Clone, Copy, Debug)]
pub enum Answerer<'a> {
    /// Whoever holds the emailed link (its signature was checked).
    Link,
    /// A signed-in customer of the case's organization, in the portal.
    Portal(&'a Actor),
    /// The customer's email reply, filed on the case.
    Email,
    /// A member of staff recording what the customer said elsewhere (on the phone).
    Staff(&'a Actor),
}

impl Answerer<'_> {
    fn via(self) -> &'static str {
        match self {
            Answerer::Link => "link",
            Answerer::Portal(_) => "portal",
            Answerer::Email => "email",
            Answerer::Staff(_) => "staff",
        }
    }
}

const AGREEMENT_COLUMNS: &str = "a.id, a.case_id, c.number, a.version, a.status, a.language, a.problem, a.outcome, \
     a.indicators, a.contract_changes, a.deadline, p.name, a.proposed_at, a.answered_at, a.answered_via";

fn agreement_from_row(mut r: Row) -> Result<AgreementView> {
    Ok(AgreementView {
        id: r.uuid(0)?,
        case_id: CaseId(r.uuid(1)?),
        case_number: r.i64(2)?,
        version: u32::try_from(r.i64(3)?).unwrap_or(u32::MAX),
        status: parse(&r.text(4)?, "agreements.status", AgreementStatus::parse)?,
        language: r.text(5)?,
        problem: r.text(6)?,
        outcome: r.text(7)?,
        indicators: r.json(8)?,
        contract_changes: r.json(9)?,
        deadline: from_micros(r.i64(10)?)?,
        proposed_by: r.opt_text(11)?,
        proposed_at: from_micros(r.i64(12)?)?,
        answered_at: r.opt_i64(13)?.map(from_micros).transpose()?,
        answered_via: r.opt_text(14)?,
        milestones: Vec::new(),
    })
}

async fn milestones_of(c: &mut Conn<'_>, agreement: Uuid) -> Result<Vec<MilestoneView>> {
    let rows = c
        .fetch_all(
            "SELECT m.id, m.title, m.owner_id, u.name, m.due_at, m.third_party, m.reached_at, m.note, m.overdue_at \
             FROM milestones m JOIN users u ON u.id = m.owner_id WHERE m.agreement_id = $1 ORDER BY m.position",
            args![agreement],
        )
        .await?;
    rows.into_iter()
        .map(|mut r| {
            Ok(MilestoneView {
                id: r.uuid(0)?,
                title: r.text(1)?,
                owner_id: UserId(r.uuid(2)?),
                owner_name: r.text(3)?,
                due_at: from_micros(r.i64(4)?)?,
                third_party: r.opt_text(5)?,
                reached_at: r.opt_i64(6)?.map(from_micros).transpose()?,
                note: r.opt_text(7)?,
                overdue_at: r.opt_i64(8)?.map(from_micros).transpose()?,
            })
        })
        .collect()
}

async fn load_agreement(c: &mut Conn<'_>, id: Uuid) -> Result<AgreementView> {
    let sql = format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements a JOIN cases c ON c.id = a.case_id \
         LEFT JOIN users p ON p.id = a.proposed_by WHERE a.id = $1"
    );
    let row = c
        .fetch_optional(&sql, args![id])
        .await?
        .ok_or(StoreError::not_found("agreement"))?;
    let mut agreement = agreement_from_row(row)?;
    agreement.milestones = milestones_of(c, id).await?;
    Ok(agreement)
}

async fn latest_version(c: &mut Conn<'_>, case: CaseId) -> Result<u32> {
    let latest = c
        .fetch_one(
            "SELECT COALESCE(MAX(version), 0) FROM agreements WHERE case_id = $1",
            args![case.0],
        )
        .await?
        .i64(0)?;
    Ok(u32::try_from(latest).unwrap_or(u32::MAX))
}

/// The time zone the case's dates are told in: its procedure's calendar, else UTC.
async fn zone_of(store: &Store, c: &mut Conn<'_>, case: &Case, now: Timestamp) -> Result<TimeZone> {
    Ok(crate::clocks::promise_of_reply(store, c, case, now)
        .await?
        .map(|p| p.zone)
        .unwrap_or(TimeZone::UTC))
}

/// The agreement as the customer reads it, in its language.
fn agreement_text(tr: Tr, a: &AgreementView, zone: &TimeZone) -> String {
    let mut parts = vec![
        tr.args(
            "agreement-text-intro",
            &[
                ("number", Arg::Text(&a.case_number.to_string())),
                ("version", Arg::Text(&a.version.to_string())),
            ],
        ),
        format!("{}\n{}", tr.t("agreement-problem"), a.problem),
        format!("{}\n{}", tr.t("agreement-outcome"), a.outcome),
        format!(
            "{}\n{}",
            tr.t("agreement-indicators"),
            a.indicators
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        tr.t1("agreement-deadline", "when", &tr.datetime(a.deadline, zone)),
    ];
    if !a.milestones.is_empty() {
        let steps: Vec<String> = a
            .milestones
            .iter()
            .map(|m| {
                let when = tr.datetime(m.due_at, zone);
                match &m.third_party {
                    Some(third) => format!("- {} ({when}; {third})", m.title),
                    None => format!("- {} ({when})", m.title),
                }
            })
            .collect();
        parts.push(format!(
            "{}\n{}",
            tr.t("agreement-milestones"),
            steps.join("\n")
        ));
    }
    if !a.contract_changes.is_empty() {
        let changes: Vec<String> = a
            .contract_changes
            .iter()
            .map(|c| format!("- {c}"))
            .collect();
        parts.push(format!(
            "{}\n{}",
            tr.t("agreement-contract-changes"),
            changes.join("\n")
        ));
    }
    parts.join("\n\n")
}

impl Store {
    /// Records (or replaces) what the agent understood of the case's problem (D1).
    pub async fn record_understanding(
        &self,
        actor: &Actor,
        case_id: CaseId,
        understanding: &Understanding,
        now: Timestamp,
    ) -> Result<()> {
        actor.require(Action::AddInternalEntry)?;
        understanding.validate()?;
        let mut tx = self.write().await?;
        load_case(&mut tx, actor.scope(), case_id).await?;
        tx.execute(
            "INSERT INTO case_understandings (case_id, problem, nature, responsible, note, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id) DO UPDATE SET problem = excluded.problem, \
             nature = excluded.nature, responsible = excluded.responsible, note = excluded.note, \
             recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
            args![
                case_id.0,
                understanding.problem.trim(),
                understanding.nature.as_str(),
                understanding.responsible.as_str(),
                understanding.note.trim(),
                actor.user_id.0,
                to_micros(now)
            ],
        )
        .await?;
        record_case_change(
            &mut tx,
            case_id,
            &Change::Understood,
            actor.user_id.0,
            now,
            "case.understanding",
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await
    }

    /// What the agent understood of the case's problem, if recorded (staff).
    pub async fn case_understanding(
        &self,
        actor: &Actor,
        case_id: CaseId,
    ) -> Result<Option<UnderstandingView>> {
        actor.require(Action::ViewInternalEntries)?;
        let mut c = self.read().await?;
        load_case_scoped(&mut c, actor, case_id).await?;
        let row = c
            .fetch_optional(
                "SELECT s.problem, s.nature, s.responsible, s.note, u.name, s.recorded_at \
                 FROM case_understandings s LEFT JOIN users u ON u.id = s.recorded_by WHERE s.case_id = $1",
                args![case_id.0],
            )
            .await?;
        row.map(|mut r| {
            Ok(UnderstandingView {
                problem: r.text(0)?,
                nature: parse(&r.text(1)?, "case_understandings.nature", Nature::parse)?,
                responsible: parse(&r.text(2)?, "case_understandings.responsible", Party::parse)?,
                note: r.text(3)?,
                recorded_by: r.opt_text(4)?,
                recorded_at: from_micros(r.i64(5)?)?,
            })
        })
        .transpose()
    }

    /// Proposes a version of the case's agreement (the first, or an amendment): posts it as
    /// a reply in the customer's language and emails it with a signed link that works until
    /// the deadline. Returns the version and the link's token (for the caller to show or
    /// test; it is not stored).
    pub async fn propose_agreement(
        &self,
        actor: &Actor,
        case_id: CaseId,
        draft: AgreementDraft,
        public_url: &str,
        now: Timestamp,
    ) -> Result<(AgreementView, String)> {
        actor.require(Action::AddMessage)?;
        actor.require(Action::AddInternalEntry)?;
        let draft = draft.tidy();
        draft.validate(now)?;
        let id = Uuid::now_v7();
        let token = self
            .sign_link(LINK_PURPOSE, &id.to_string(), draft.deadline)
            .await?;
        let mut tx = self.write().await?;
        let mut case = load_case(&mut tx, actor.scope(), case_id).await?;
        if !case.status.is_open() {
            return Err(DomainError::Conflict(format!(
                "case {} is {}: reopen it before proposing an agreement",
                case.number,
                case.status.as_str()
            ))
            .into());
        }
        for (i, m) in draft.milestones.iter().enumerate() {
            let staff = tx
                .fetch_optional(
                    "SELECT id FROM users WHERE id = $1 AND active = $2 AND role <> 'customer'",
                    args![m.owner_id.0, true],
                )
                .await?;
            if staff.is_none() {
                return Err(DomainError::invalid(
                    format!("milestones/{i}/owner_id"),
                    "unknown_staff",
                    "a milestone's owner is an active member of staff",
                )
                .into());
            }
        }
        let version = latest_version(&mut tx, case_id).await? + 1;
        // Earlier versions: an accepted one stays as it was until this one is accepted.
        let earlier = tx
            .fetch_all(
                "SELECT id, status FROM agreements WHERE case_id = $1",
                args![case_id.0],
            )
            .await?;
        for mut row in earlier {
            let (id, status) = (row.uuid(0)?, row.text(1)?);
            let status = parse(&status, "agreements.status", AgreementStatus::parse)?;
            let next = agreement::on_amendment(status);
            if next != status {
                tx.execute(
                    "UPDATE agreements SET status = $1 WHERE id = $2",
                    args![next.as_str(), id],
                )
                .await?;
            }
        }
        tx.execute(
            "INSERT INTO agreements (id, case_id, version, status, language, problem, outcome, indicators, contract_changes, deadline, proposed_by, proposed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            args![
                id,
                case_id.0,
                i64::from(version),
                AgreementStatus::Proposed.as_str(),
                case.language.code(),
                draft.problem.clone(),
                draft.outcome.clone(),
                Json(&draft.indicators),
                Json(&draft.contract_changes),
                to_micros(draft.deadline),
                actor.user_id.0,
                to_micros(now)
            ],
        )
        .await?;
        let mut due = Vec::with_capacity(draft.milestones.len());
        for (i, m) in draft.milestones.iter().enumerate() {
            let milestone = Uuid::now_v7();
            due.push((
                crate::timers::TimerJob::MilestoneDue {
                    milestone,
                    case: case_id,
                },
                m.due_at,
            ));
            tx.execute(
                "INSERT INTO milestones (id, agreement_id, case_id, position, title, owner_id, due_at, third_party) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                args![
                    milestone,
                    id,
                    case_id.0,
                    i as i64,
                    m.title.trim(),
                    m.owner_id.0,
                    to_micros(m.due_at),
                    m.third_party.as_deref().map(str::trim).filter(|t| !t.is_empty())
                ],
            )
            .await?;
        }
        // Each milestone's owner hears when it passes its due date unreached (D3).
        crate::timers::schedule_many(&mut tx, due, now).await?;
        let view = load_agreement(&mut tx, id).await?;
        let tr = Tr::new(case.language);
        let zone = zone_of(self, &mut tx, &case, now).await?;
        let text = agreement_text(tr, &view, &zone);
        let link = format!(
            "{}/agreements/{id}?t={token}",
            public_url.trim_end_matches('/')
        );
        let body = format!("{text}\n\n{}", tr.t("agreement-text-where"));
        let email = format!(
            "{text}\n\n{}\n{link}\n\n{}",
            tr.t1(
                "agreement-mail-link",
                "when",
                &tr.datetime(draft.deadline, &zone)
            ),
            tr.t("agreement-mail-reply")
        );
        let author = Some(actor.user_id);
        let purpose = crate::mail::Purpose::Agreement;
        crate::acknowledge::post_reply(
            self,
            &mut tx,
            &mut case,
            author,
            body,
            purpose,
            Some(&email),
            now,
        )
        .await?;
        let proposed = Change::AgreementProposed { version };
        record_case_change(
            &mut tx,
            case_id,
            &proposed,
            actor.user_id.0,
            now,
            "agreement.propose",
            serde_json::json!({"version": version}),
        )
        .await?;
        tx.commit().await?;
        Ok((view, token))
    }

    /// Every version of a case's agreement, newest first (staff, and the case's customers).
    pub async fn case_agreements(
        &self,
        actor: &Actor,
        case_id: CaseId,
    ) -> Result<Vec<AgreementView>> {
        actor.require(Action::ViewCases)?;
        let mut c = self.read().await?;
        load_case_scoped(&mut c, actor, case_id).await?;
        let sql = format!(
            "SELECT {AGREEMENT_COLUMNS} FROM agreements a JOIN cases c ON c.id = a.case_id \
             LEFT JOIN users p ON p.id = a.proposed_by WHERE a.case_id = $1 ORDER BY a.version DESC"
        );
        let rows = c.fetch_all(&sql, args![case_id.0]).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut a = agreement_from_row(row)?;
            a.milestones = milestones_of(&mut c, a.id).await?;
            out.push(a);
        }
        Ok(out)
    }

    /// The agreement an emailed link opens, if its signature holds and it has not expired.
    pub async fn agreement_by_link(
        &self,
        id: Uuid,
        token: &str,
        now: Timestamp,
    ) -> Result<std::result::Result<AgreementView, LinkError>> {
        if let Err(e) = self
            .verify_link(LINK_PURPOSE, &id.to_string(), token, now)
            .await?
        {
            return Ok(Err(e));
        }
        let mut c = self.read().await?;
        match load_agreement(&mut c, id).await {
            Ok(a) => Ok(Ok(a)),
            // A genuine link to an agreement that is gone: treat it as not a link.
            Err(StoreError::Domain(DomainError::NotFound(_))) => Ok(Err(LinkError::Invalid)),
            Err(e) => Err(e),
        }
    }

    /// The time zone an agreement's dates are told in to its customer — its case's
    /// procedure calendar, as in the agreement's email — else UTC.
    pub async fn agreement_time_zone(&self, id: Uuid, now: Timestamp) -> Result<TimeZone> {
        let mut c = self.read().await?;
        let case = c
            .fetch_optional("SELECT case_id FROM agreements WHERE id = $1", args![id])
            .await?
            .ok_or(StoreError::not_found("agreement"))?
            .uuid(0)?;
        let case = load_case(&mut c, accord_core::access::Scope::All, CaseId(case)).await?;
        zone_of(self, &mut c, &case, now).await
    }

    /// The customer accepts an agreement or asks to discuss it. Accepting twice changes
    /// nothing; accepting moves the case to `agreed` and lists the contract changes for
    /// review. Through a link, check it with [`Store::agreement_by_link`] first.
    pub async fn answer_agreement(
        &self,
        answerer: Answerer<'_>,
        id: Uuid,
        reply: Reply,
        now: Timestamp,
    ) -> Result<AgreementView> {
        let mut tx = self.write().await?;
        let view = answer_in(self, &mut tx, answerer, id, reply, now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Marks a milestone reached and sends the customer an update: what was done, and what
    /// comes next by when (D3). Reaching it twice changes nothing.
    pub async fn reach_milestone(
        &self,
        actor: &Actor,
        milestone: Uuid,
        note: &str,
        now: Timestamp,
    ) -> Result<AgreementView> {
        actor.require(Action::AddMessage)?;
        actor.require(Action::AddInternalEntry)?;
        // The note is checked first: reaching a milestone again changes nothing, but a note
        // that breaks the rules is refused all the same.
        if note.chars().count() > agreement::STATEMENT_MAX {
            return Err(
                DomainError::invalid("note", "too_long", "the note is too long")
                    .with_limit(agreement::STATEMENT_MAX as u64)
                    .into(),
            );
        }
        let mut tx = self.write().await?;
        let mut row = tx
            .fetch_optional(
                "SELECT agreement_id, case_id, title, reached_at FROM milestones WHERE id = $1",
                args![milestone],
            )
            .await?
            .ok_or(StoreError::not_found("milestone"))?;
        let (agreement_id, case_id, title) = (row.uuid(0)?, CaseId(row.uuid(1)?), row.text(2)?);
        let mut case = load_case(&mut tx, actor.scope(), case_id).await?;
        if row.opt_i64(3)?.is_some() {
            return load_agreement(&mut tx, agreement_id).await;
        }
        let note = note.trim();
        tx.execute(
            "UPDATE milestones SET reached_at = $1, reached_by = $2, note = $3 WHERE id = $4",
            args![
                to_micros(now),
                actor.user_id.0,
                Some(note).filter(|n| !n.is_empty()),
                milestone
            ],
        )
        .await?;
        let agreement = load_agreement(&mut tx, agreement_id).await?;
        let tr = Tr::new(case.language);
        let zone = zone_of(self, &mut tx, &case, now).await?;
        let mut parts = vec![tr.t1("milestone-update-done", "title", &title)];
        if !note.is_empty() {
            parts.push(note.to_owned());
        }
        match agreement.milestones.iter().find(|m| m.reached_at.is_none()) {
            Some(next) => parts.push(tr.args(
                "milestone-update-next",
                &[
                    ("title", Arg::Text(&next.title)),
                    ("when", Arg::Text(&tr.datetime(next.due_at, &zone))),
                ],
            )),
            None => parts.push(tr.t1(
                "milestone-update-last",
                "when",
                &tr.datetime(agreement.deadline, &zone),
            )),
        }
        let body = parts.join("\n\n");
        let purpose = crate::mail::Purpose::Milestone;
        crate::acknowledge::post_reply(
            self,
            &mut tx,
            &mut case,
            Some(actor.user_id),
            body,
            purpose,
            None,
            now,
        )
        .await?;
        record_case_change(
            &mut tx,
            case_id,
            &Change::MilestoneReached { title },
            actor.user_id.0,
            now,
            "agreement.milestone",
            serde_json::json!({"milestone": milestone}),
        )
        .await?;
        tx.commit().await?;
        Ok(agreement)
    }

    /// The contract changes of accepted agreements, the ones still to review first
    /// (supervisors).
    pub async fn contract_reviews(
        &self,
        actor: &Actor,
        open_only: bool,
    ) -> Result<Vec<ContractReview>> {
        actor.require(Action::Supervise)?;
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT r.id, r.case_id, c.number, o.name, r.change, r.created_at, u.name, r.reviewed_at \
                 FROM contract_reviews r JOIN cases c ON c.id = r.case_id \
                 LEFT JOIN organizations o ON o.id = r.organization_id LEFT JOIN users u ON u.id = r.reviewed_by \
                 WHERE ($1 = $2 OR r.reviewed_at IS NULL) ORDER BY r.reviewed_at IS NOT NULL, r.created_at LIMIT 500",
                args![open_only, false],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(ContractReview {
                    id: r.uuid(0)?,
                    case_id: CaseId(r.uuid(1)?),
                    case_number: r.i64(2)?,
                    organization: r.opt_text(3)?,
                    change: r.text(4)?,
                    created_at: from_micros(r.i64(5)?)?,
                    reviewed_by: r.opt_text(6)?,
                    reviewed_at: r.opt_i64(7)?.map(from_micros).transpose()?,
                })
            })
            .collect()
    }

    /// Marks a contract change carried into the contract (supervisors); once.
    pub async fn complete_contract_review(
        &self,
        actor: &Actor,
        id: Uuid,
        now: Timestamp,
    ) -> Result<()> {
        actor.require(Action::Supervise)?;
        let mut tx = self.write().await?;
        let done = tx
            .execute(
                "UPDATE contract_reviews SET reviewed_by = $1, reviewed_at = $2 WHERE id = $3 AND reviewed_at IS NULL",
                args![actor.user_id.0, to_micros(now), id],
            )
            .await?;
        if done == 0 {
            let exists = tx
                .fetch_optional("SELECT id FROM contract_reviews WHERE id = $1", args![id])
                .await?;
            if exists.is_none() {
                return Err(StoreError::not_found("contract review"));
            }
            return Ok(());
        }
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "agreement.contract_review",
            "contract_review",
            Some(id.to_string()),
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await
    }
}

/// Records a customer's answer inside the caller's transaction (see
/// [`Store::answer_agreement`]).
pub(crate) async fn answer_in(
    store: &Store,
    tx: &mut Conn<'_>,
    answerer: Answerer<'_>,
    id: Uuid,
    reply: Reply,
    now: Timestamp,
) -> Result<AgreementView> {
    let current = load_agreement(tx, id).await?;
    match answerer {
        Answerer::Portal(actor) => {
            actor.require(Action::AddMessage)?;
            load_case(tx, actor.scope(), current.case_id).await?;
        }
        Answerer::Staff(actor) => {
            actor.require(Action::AddInternalEntry)?;
            load_case(tx, actor.scope(), current.case_id).await?;
        }
        Answerer::Link | Answerer::Email => {}
    }
    let latest = latest_version(tx, current.case_id).await?;
    let status = match agreement::answer(current.status, current.version, latest, reply)? {
        Outcome::Already => return Ok(current),
        Outcome::Now(status) => status,
    };
    if status == AgreementStatus::Accepted {
        // An earlier accepted version gives way to this one.
        tx.execute(
            "UPDATE agreements SET status = $1 WHERE case_id = $2 AND status = $3 AND id <> $4",
            args![
                agreement::on_later_acceptance(AgreementStatus::Accepted).as_str(),
                current.case_id.0,
                AgreementStatus::Accepted.as_str(),
                id
            ],
        )
        .await?;
        let organization = tx
            .fetch_one(
                "SELECT organization_id FROM cases WHERE id = $1",
                args![current.case_id.0],
            )
            .await?
            .opt_uuid(0)?;
        for change in &current.contract_changes {
            tx.execute(
                "INSERT INTO contract_reviews (id, agreement_id, case_id, organization_id, change, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                args![Uuid::now_v7(), id, current.case_id.0, organization, change.clone(), to_micros(now)],
            )
            .await?;
        }
    }
    let via = answerer.via();
    tx.execute(
        "UPDATE agreements SET status = $1, answered_at = $2, answered_via = $3 WHERE id = $4",
        args![status.as_str(), to_micros(now), via, id],
    )
    .await?;
    let customer = match answerer {
        Answerer::Portal(actor) | Answerer::Staff(actor) => Some(actor.user_id.0),
        Answerer::Link | Answerer::Email => None,
    };
    let answered = Change::AgreementAnswered {
        version: current.version,
        status,
        via: via.to_owned(),
    };
    insert_event(tx, current.case_id, &answered, customer, None, now).await?;
    if status == AgreementStatus::Accepted {
        let case = load_case(tx, accord_core::access::Scope::All, current.case_id).await?;
        if case.status.can_move_to(CaseStatus::Agreed) {
            crate::cases::move_status(
                store,
                tx,
                case.id,
                case.status,
                CaseStatus::Agreed,
                customer,
                now,
            )
            .await?;
        }
    }
    tx.execute(
        "UPDATE cases SET updated_at = $1 WHERE id = $2",
        args![to_micros(now), current.case_id.0],
    )
    .await?;
    record(
        tx,
        customer,
        now,
        "agreement.answer",
        "case",
        Some(current.case_id.to_string()),
        serde_json::json!({"version": current.version, "status": status.as_str(), "via": via}),
    )
    .await?;
    load_agreement(tx, id).await
}

/// What an emailed "I accept" rests on (D2): the message must be authenticated as coming
/// from the customer's domain (DMARC, or an aligned DKIM signature) and must answer one of
/// the agreement emails Accord sent for the version it accepts. A From header alone is
/// written by whoever sends the message.
pub(crate) struct EmailEvidence<'a> {
    /// The Message-IDs the message answers (In-Reply-To, References).
    pub answered: Vec<&'a str>,
    /// Sender authentication vouches for the From address.
    pub authenticated: bool,
}

/// Accepts the case's open agreement from an email that says so, if the evidence holds;
/// otherwise records the attempt on the case and emails the customer the signed link, so
/// a forged email accepts nothing and a genuine customer loses no time. Returns whether it
/// accepted.
pub(crate) async fn accept_by_email(
    store: &Store,
    tx: &mut Conn<'_>,
    case: CaseId,
    evidence: Option<EmailEvidence<'_>>,
    now: Timestamp,
) -> Result<bool> {
    let newest = tx
        .fetch_optional(
            "SELECT id, status, version, proposed_at, deadline FROM agreements WHERE case_id = $1 ORDER BY version DESC LIMIT 1",
            args![case.0],
        )
        .await?;
    let Some(mut newest) = newest else {
        return Ok(false);
    };
    let (id, status) = (newest.uuid(0)?, newest.text(1)?);
    if !matches!(status.as_str(), "proposed" | "discussing") {
        return Ok(false);
    }
    let version = u32::try_from(newest.i64(2)?).unwrap_or_default();
    let proposed_at = newest.i64(3)?;
    let deadline = from_micros(newest.i64(4)?)?;
    let mut answers_agreement_mail = false;
    for message_id in evidence.iter().flat_map(|e| e.answered.iter()) {
        let sent = tx
            .fetch_optional(
                "SELECT 1 FROM mail_outbox WHERE message_id = $1 AND case_id = $2 AND purpose = 'agreement' AND created_at >= $3",
                args![*message_id, case.0, proposed_at],
            )
            .await?;
        if sent.is_some() {
            answers_agreement_mail = true;
            break;
        }
    }
    let authenticated = evidence.as_ref().is_some_and(|e| e.authenticated);
    if authenticated && answers_agreement_mail {
        answer_in(store, tx, Answerer::Email, id, Reply::Accept, now).await?;
        return Ok(true);
    }
    let reason = if authenticated {
        "not_a_reply"
    } else {
        "not_authenticated"
    };
    let refused = Change::AgreementEmailRefused {
        version,
        reason: reason.to_owned(),
    };
    insert_event(tx, case, &refused, None, None, now).await?;
    record(
        tx,
        None,
        now,
        "agreement.email_acceptance_refused",
        "agreement",
        Some(id.to_string()),
        serde_json::json!({"case": case.0, "version": version, "reason": reason}),
    )
    .await?;
    let mut case = load_case(tx, accord_core::access::Scope::All, case).await?;
    let token = store
        .sign_link(LINK_PURPOSE, &id.to_string(), deadline)
        .await?;
    let link = format!("{}/agreements/{id}?t={token}", store.public_url());
    let tr = Tr::new(case.language);
    let zone = zone_of(store, tx, &case, now).await?;
    let body = tr.t("agreement-email-unconfirmed");
    let email = format!(
        "{body}\n\n{}\n{link}",
        tr.t1("agreement-mail-link", "when", &tr.datetime(deadline, &zone))
    );
    let purpose = crate::mail::Purpose::Agreement;
    crate::acknowledge::post_reply(store, tx, &mut case, None, body, purpose, Some(&email), now)
        .await?;
    Ok(false)
}
