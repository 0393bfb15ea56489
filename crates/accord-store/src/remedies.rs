//! Remedies on cases and the concession ledger (PRODUCT.md B5, D5).
//!
//! Granting checks the requester's authority under the policy version governing the case:
//! within it the remedy is given at once; above it the request waits for a role whose
//! limit covers the amount (never the requester); above every limit it is refused and
//! nothing is stored. A limit is on the total of the remedy on the case — what was given
//! or awaits approval there, plus the new request — so splitting a refund into parts
//! does not pass it; where the policy says so (`limits_per_customer`), also on the total
//! one customer received over a period, on any case. The check and the insert are one
//! write transaction holding the case's row (and, for a per-customer limit, a lock on the
//! customer), so requests at the same time are counted one after the other.
//!
//! Amounts are whole units of the remedy (cents, items, days), checked at the boundary
//! (`accord_core::remedy::whole_amount`), and added up in those units, never as floats.
//! Every given remedy is in the account's ledger, whose patterns (growing concessions,
//! one concession given in parts, long refusals) are shown to supervisors.

use accord_core::DomainError;
use accord_core::access::{Action, Actor};
use accord_core::case::Case;
use accord_core::case::Change;
use accord_core::ids::{CaseId, ContactId, GrantId, OrganizationId, UserId};
use accord_core::people::Role;
use accord_core::remedy::{Decision, GrantStatus, NewGrant, from_minor, to_minor};
use accord_policy::document::in_language;
use accord_policy::ledger::{self, Decided, Pattern};
use accord_policy::model::{Authority, Remedy};
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

use crate::audit::record;
use crate::cases::insert_event;
use crate::codec::{from_micros, parse, to_micros};
use crate::db::{Conn, Engine};
use crate::value::Row;
use crate::{Result, Store, StoreError};

/// A remedy given or requested on a case.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Grant {
    pub id: GrantId,
    pub case_id: CaseId,
    pub case_number: i64,
    pub organization_id: Option<OrganizationId>,
    pub contact_id: ContactId,
    pub policy_version: i64,
    pub remedy: String,
    pub unit: String,
    pub amount: f64,
    pub reason: String,
    pub status: GrantStatus,
    pub requested_by: UserId,
    pub requested_by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub requested_at: Timestamp,
    /// While pending: the role that must approve it.
    pub approver_role: Option<Role>,
    pub decided_by: Option<UserId>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub decided_at: Option<Timestamp>,
    pub decision_note: Option<String>,
}

/// A remedy the policy offers on a case, with what the reader may grant alone.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OfferedRemedy {
    pub id: String,
    pub kind: String,
    pub unit: String,
    /// In the case's language (or the policy's first language).
    pub name: String,
    /// The plain-language explanation for the customer, in the case's language.
    pub explanation: String,
    /// The most the reader may grant without approval (`None`: every amount needs approval).
    pub own_limit: Option<f64>,
    /// The most any role may grant; above it the remedy cannot be given.
    pub highest_limit: Option<f64>,
    /// Who approves above the reader's own limit, and up to what: the roles with a higher
    /// limit, the lowest first (a request goes to the first whose limit covers it).
    pub approvers: Vec<Approver>,
    /// What the limits already count on this case: this remedy given or awaiting approval
    /// (a new request adds to it).
    pub on_case: f64,
    /// When the limits also count per customer: over how many days back.
    pub per_customer_days: Option<i64>,
    /// ...and what this case's customer was given or awaits of it in that period, on any case.
    pub for_customer: Option<f64>,
}

/// A role that approves a remedy, and the most it may approve.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Approver {
    pub role: Role,
    pub limit: f64,
}

/// An account's concession ledger.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Ledger {
    pub organization_id: OrganizationId,
    /// Every remedy given to the account, newest first.
    pub given: Vec<Grant>,
    /// Requests refused by an approver, newest first.
    pub refused: Vec<Grant>,
    /// Totals of what was given, per unit.
    pub totals: Vec<(String, f64)>,
    /// Patterns a supervisor should look at.
    #[schema(value_type = Vec<Object>)]
    pub patterns: Vec<Pattern>,
}

const GRANT_COLUMNS: &str = "g.id, g.case_id, c.number, g.organization_id, g.contact_id, g.policy_version, g.remedy_id, g.unit, \
     g.amount, g.reason, g.status, g.requested_by, u.name, g.requested_at, g.approver_role, g.decided_by, g.decided_at, g.decision_note";
const GRANT_FROM: &str =
    "remedy_grants g JOIN cases c ON c.id = g.case_id JOIN users u ON u.id = g.requested_by";

fn grant_from_row(mut r: Row) -> Result<Grant> {
    Ok(Grant {
        id: GrantId(r.uuid(0)?),
        case_id: CaseId(r.uuid(1)?),
        case_number: r.i64(2)?,
        organization_id: r.opt_uuid(3)?.map(OrganizationId),
        contact_id: ContactId(r.uuid(4)?),
        policy_version: r.i64(5)?,
        remedy: r.text(6)?,
        unit: r.text(7)?,
        amount: r.f64(8)?,
        reason: r.text(9)?,
        status: parse(&r.text(10)?, "remedy_grants.status", GrantStatus::parse)?,
        requested_by: UserId(r.uuid(11)?),
        requested_by_name: r.text(12)?,
        requested_at: from_micros(r.i64(13)?)?,
        approver_role: r
            .opt_text(14)?
            .map(|t| parse(&t, "remedy_grants.approver_role", Role::parse))
            .transpose()?,
        decided_by: r.opt_uuid(15)?.map(UserId),
        decided_at: r.opt_i64(16)?.map(from_micros).transpose()?,
        decision_note: r.opt_text(17)?,
    })
}

async fn load_grant(c: &mut Conn<'_>, id: GrantId) -> Result<Grant> {
    let row = c
        .fetch_optional(
            &format!("SELECT {GRANT_COLUMNS} FROM {GRANT_FROM} WHERE g.id = $1"),
            args![id.0],
        )
        .await?;
    grant_from_row(row.ok_or(StoreError::not_found("remedy grant"))?)
}

const DAY_MICROS: i64 = 86_400 * 1_000_000;

/// A grant the limits count: given, or awaiting approval (refusals count for nothing).
struct Counted {
    id: Uuid,
    requested_at: i64,
    pending: bool,
    /// In the unit's smallest whole parts.
    minor: i64,
}

/// The grants of one remedy the limits count on a case, or for a customer since an instant.
enum Counting {
    Case(CaseId),
    Customer {
        organization: Option<OrganizationId>,
        contact: ContactId,
        since: i64,
    },
}

impl Counting {
    /// The customer's grants in the `days` before `until` (microseconds).
    fn customer(
        organization: Option<OrganizationId>,
        contact: ContactId,
        days: i64,
        until: i64,
    ) -> Counting {
        Counting::Customer {
            organization,
            contact,
            since: until.saturating_sub(days.saturating_mul(DAY_MICROS)),
        }
    }
}

async fn counted(
    c: &mut Conn<'_>,
    counting: &Counting,
    remedy: &str,
    unit: &str,
) -> Result<Vec<Counted>> {
    const SELECT: &str = "SELECT id, requested_at, status, amount FROM remedy_grants \
                          WHERE remedy_id = $1 AND unit = $2 AND status <> 'rejected'";
    let rows = match *counting {
        Counting::Case(case) => {
            c.fetch_all(
                &format!("{SELECT} AND case_id = $3"),
                args![remedy, unit, case.0],
            )
            .await?
        }
        Counting::Customer {
            organization: Some(org),
            since,
            ..
        } => {
            c.fetch_all(
                &format!("{SELECT} AND organization_id = $3 AND requested_at >= $4"),
                args![remedy, unit, org.0, since],
            )
            .await?
        }
        Counting::Customer {
            organization: None,
            contact,
            since,
        } => {
            c.fetch_all(
                &format!("{SELECT} AND contact_id = $3 AND requested_at >= $4"),
                args![remedy, unit, contact.0, since],
            )
            .await?
        }
    };
    rows.into_iter()
        .map(|mut r| {
            Ok(Counted {
                id: r.uuid(0)?,
                requested_at: r.i64(1)?,
                pending: parse(&r.text(2)?, "remedy_grants.status", GrantStatus::parse)?
                    == GrantStatus::Pending,
                minor: to_minor(unit, r.f64(3)?),
            })
        })
        .collect()
}

fn sum<'a>(grants: impl IntoIterator<Item = &'a Counted>) -> i64 {
    grants
        .into_iter()
        .fold(0, |total, g| total.saturating_add(g.minor))
}

/// What the limits count for a pending grant when it is decided: the given grants beside
/// it, and those still pending that were asked before it. An approval then never takes
/// what was given above the approver's limit, whatever order requests are decided in.
fn before_decision(grants: &[Counted], grant: &Grant) -> i64 {
    let key = (to_micros(grant.requested_at), grant.id.0);
    sum(grants
        .iter()
        .filter(|g| g.id != grant.id.0 && (!g.pending || (g.requested_at, g.id) < key)))
}

/// Serializes the requests counted together: the case's row (every writer of a case takes
/// it) and, when the limits count per customer, the customer — on PostgreSQL as a
/// transaction-scoped advisory lock, taken first, which no other code path holds, so it
/// cannot deadlock with row locks. SQLite has one writer at a time already.
async fn lock_for_counting(
    tx: &mut Conn<'_>,
    case: &Case,
    per_customer: bool,
    now: Timestamp,
) -> Result<()> {
    if per_customer && tx.engine() == Engine::Postgres {
        let customer = match case.organization_id {
            Some(org) => format!("remedies:organization:{org}"),
            None => format!("remedies:contact:{}", case.contact_id),
        };
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            args![customer],
        )
        .await?;
    }
    tx.execute(
        "UPDATE cases SET updated_at = $1 WHERE id = $2",
        args![to_micros(now), case.id.0],
    )
    .await?;
    Ok(())
}

fn limit_of(remedy: &Remedy, role: Role) -> Option<f64> {
    remedy
        .limits
        .iter()
        .find(|(r, _)| *r == role)
        .map(|(_, l)| *l)
}

impl Store {
    /// Remedies the policy governing a case offers on it (staff).
    pub async fn offered_remedies(
        &self,
        actor: &Actor,
        case_id: CaseId,
        now: Timestamp,
    ) -> Result<Vec<OfferedRemedy>> {
        actor.require(Action::GrantRemedies)?;
        let mut c = self.read().await?;
        let case = crate::cases::load_case_scoped(&mut c, actor, case_id).await?;
        let Some(version) = case.policy_version else {
            return Ok(Vec::new());
        };
        let policy = self.compiled_policy(version).await?;
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        let facts = crate::facts::load_facts(&mut c, case_id, today).await?;
        let language = case.language.code();
        let mut offered = Vec::new();
        for r in policy.remedies_for(&facts) {
            let own_limit = limit_of(r, actor.role);
            let on_case = sum(&counted(&mut c, &Counting::Case(case_id), &r.id, &r.unit).await?);
            let for_customer = match r.per_customer_days {
                Some(days) => {
                    let counting = Counting::customer(
                        case.organization_id,
                        case.contact_id,
                        days,
                        to_micros(now),
                    );
                    Some(sum(&counted(&mut c, &counting, &r.id, &r.unit).await?))
                }
                None => None,
            };
            offered.push(OfferedRemedy {
                id: r.id.clone(),
                kind: r.kind.clone(),
                unit: r.unit.clone(),
                name: in_language(&r.name, language),
                explanation: in_language(&r.explanation.text, language),
                highest_limit: r.limits.last().map(|(_, l)| *l),
                approvers: r
                    .limits
                    .iter()
                    .filter(|(role, limit)| {
                        *role != actor.role && own_limit.is_none_or(|own| *limit > own)
                    })
                    .map(|&(role, limit)| Approver { role, limit })
                    .collect(),
                own_limit,
                on_case: from_minor(&r.unit, on_case),
                per_customer_days: r.per_customer_days,
                for_customer: for_customer.map(|m| from_minor(&r.unit, m)),
            });
        }
        Ok(offered)
    }

    /// Gives a remedy within the requester's authority, or asks for approval above it. The
    /// authority is over the total: the amount asked plus what the limits already count on
    /// the case (and for the customer, when the remedy's limits are also per customer).
    pub async fn grant_remedy(
        &self,
        actor: &Actor,
        case_id: CaseId,
        new: &NewGrant,
        now: Timestamp,
    ) -> Result<Grant> {
        actor.require(Action::GrantRemedies)?;
        // Before the remedy (and so its unit) is known, a problem with the request itself
        // is the one to report.
        let problem = |e: DomainError| -> StoreError {
            match new.validate() {
                Err(invalid) => invalid.into(),
                Ok(()) => e.into(),
            }
        };
        let mut tx = self.write().await?;
        let case = crate::cases::load_case_scoped(&mut tx, actor, case_id).await?;
        let Some(version) = case.policy_version else {
            return Err(problem(DomainError::invalid(
                "remedy",
                "no_policy",
                "no published service policy governs this case, so it offers no remedies",
            )));
        };
        let policy = self.compiled_policy(version).await?;
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        let facts = crate::facts::load_facts(&mut tx, case_id, today).await?;
        let remedy = new.remedy.trim();
        let Some(offered) = policy.remedies_for(&facts).find(|r| r.id == remedy) else {
            return Err(problem(DomainError::invalid(
                "remedy",
                "not_offered",
                format!(
                    "the service policy (version {version}) offers no remedy {remedy:?} on this case"
                ),
            )));
        };
        let unit = offered.unit.as_str();
        let quantity = new.validate_in(unit)?;
        let amount = from_minor(unit, quantity);
        // From here to the insert, no other request on the case (or the customer) counts.
        lock_for_counting(&mut tx, &case, offered.per_customer_days.is_some(), now).await?;
        let on_case = sum(&counted(&mut tx, &Counting::Case(case_id), remedy, unit).await?);
        let for_customer = match offered.per_customer_days {
            Some(days) => {
                let counting =
                    Counting::customer(case.organization_id, case.contact_id, days, to_micros(now));
                sum(&counted(&mut tx, &counting, remedy, unit).await?)
            }
            None => 0,
        };
        let before = on_case.max(for_customer);
        let (status, approver) = match offered
            .authority_minor(actor.role, quantity.saturating_add(before))
        {
            Authority::Granted => (GrantStatus::Granted, None),
            Authority::NeedsApproval(role) => (GrantStatus::Pending, Some(role)),
            Authority::Refused => {
                let highest = offered.limits.last().map(|(_, l)| *l).unwrap_or(0.0);
                let room = from_minor(unit, to_minor(unit, highest).saturating_sub(before).max(0));
                let error = if offered.authority_minor(actor.role, quantity) == Authority::Refused {
                    DomainError::invalid(
                        "amount",
                        "above_every_limit",
                        format!("no role may grant more than {highest} {unit} of {remedy}"),
                    )
                } else if for_customer > on_case {
                    DomainError::invalid(
                        "amount",
                        "customer_total_above_every_limit",
                        format!(
                            "this customer was already given or awaits {} {unit} of {remedy} in the last {} days, \
                             on any case; no role may grant more than {highest} {unit} in all: ask for at most {room} {unit}",
                            from_minor(unit, for_customer),
                            offered.per_customer_days.unwrap_or_default(),
                        ),
                    )
                } else {
                    DomainError::invalid(
                        "amount",
                        "case_total_above_every_limit",
                        format!(
                            "this case was already given or awaits {} {unit} of {remedy}; no role may grant \
                             more than {highest} {unit} on one case: ask for at most {room} {unit}",
                            from_minor(unit, on_case),
                        ),
                    )
                };
                return Err(error.into());
            }
        };
        let id = GrantId(Uuid::now_v7());
        tx.execute(
            "INSERT INTO remedy_grants (id, case_id, organization_id, contact_id, policy_version, remedy_id, unit, amount, reason, status, \
             requested_by, requested_at, approver_role, decided_by, decided_at, decision_note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL, NULL, NULL)",
            args![
                id.0,
                case_id.0,
                case.organization_id.map(|o| o.0),
                case.contact_id.0,
                version,
                remedy,
                unit,
                amount,
                new.reason.trim(),
                status.as_str(),
                actor.user_id.0,
                to_micros(now),
                approver.map(Role::as_str)
            ],
        )
        .await?;
        let change = Change::Remedy {
            grant_id: id,
            remedy: remedy.to_owned(),
            amount,
            unit: unit.to_owned(),
            status,
        };
        insert_event(
            &mut tx,
            case_id,
            &change,
            Some(actor.user_id.0),
            Some(new.reason.trim()),
            now,
        )
        .await?;
        let detail =
            serde_json::json!({"remedy": remedy, "amount": amount, "status": status.as_str()});
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "remedy.request",
            "remedy_grant",
            Some(id.to_string()),
            detail,
        )
        .await?;
        let grant = load_grant(&mut tx, id).await?;
        tx.commit().await?;
        Ok(grant)
    }

    /// Remedies given or requested on a case, oldest first (staff).
    pub async fn case_grants(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<Grant>> {
        actor.require(Action::ViewLedger)?;
        let mut c = self.read().await?;
        crate::cases::load_case_scoped(&mut c, actor, case_id).await?;
        c.fetch_all(
            &format!("SELECT {GRANT_COLUMNS} FROM {GRANT_FROM} WHERE g.case_id = $1 ORDER BY g.requested_at, g.id"),
            args![case_id.0],
        )
        .await?
        .into_iter()
        .map(grant_from_row)
        .collect()
    }

    /// Pending requests the actor may decide (their limit covers the amount and they did
    /// not ask themselves), oldest first.
    pub async fn pending_approvals(&self, actor: &Actor) -> Result<Vec<Grant>> {
        actor.require(Action::GrantRemedies)?;
        let mut c = self.read().await?;
        let rows = c
            .fetch_all(
                &format!("SELECT {GRANT_COLUMNS} FROM {GRANT_FROM} WHERE g.status = 'pending' ORDER BY g.requested_at, g.id"),
                &[],
            )
            .await?;
        let mut mine = Vec::new();
        for row in rows {
            let grant = grant_from_row(row)?;
            if self.may_decide(&mut c, actor, &grant).await? {
                mine.push(grant);
            }
        }
        Ok(mine)
    }

    /// Whether the actor's own limit for this remedy covers the total it would make: the
    /// amount, with what the limits count before it on the case (and for the customer)
    /// — see [`before_decision`]. Four eyes: never one's own request.
    async fn may_decide(&self, c: &mut Conn<'_>, actor: &Actor, grant: &Grant) -> Result<bool> {
        if grant.requested_by == actor.user_id {
            return Ok(false);
        }
        let policy = self.compiled_policy(grant.policy_version).await?;
        let Some(remedy) = policy.remedy(&grant.remedy) else {
            return Ok(false);
        };
        let unit = grant.unit.as_str();
        let on_case = before_decision(
            &counted(c, &Counting::Case(grant.case_id), &grant.remedy, unit).await?,
            grant,
        );
        let for_customer = match remedy.per_customer_days {
            Some(days) => {
                let counting = Counting::customer(
                    grant.organization_id,
                    grant.contact_id,
                    days,
                    to_micros(grant.requested_at),
                );
                before_decision(&counted(c, &counting, &grant.remedy, unit).await?, grant)
            }
            None => 0,
        };
        let total = to_minor(unit, grant.amount).saturating_add(on_case.max(for_customer));
        Ok(remedy.authority_minor(actor.role, total) == Authority::Granted)
    }

    /// Approves or refuses a pending request.
    pub async fn decide_remedy(
        &self,
        actor: &Actor,
        id: GrantId,
        decision: &Decision,
        now: Timestamp,
    ) -> Result<Grant> {
        actor.require(Action::GrantRemedies)?;
        decision.validate()?;
        let mut tx = self.write().await?;
        let grant = load_grant(&mut tx, id).await?;
        if grant.status != GrantStatus::Pending {
            return Err(
                DomainError::Conflict(format!("this remedy is already {}", grant.status)).into(),
            );
        }
        if grant.requested_by == actor.user_id {
            return Err(DomainError::Forbidden("approve a remedy you requested yourself").into());
        }
        if !self.may_decide(&mut tx, actor, &grant).await? {
            return Err(DomainError::Forbidden("decide a remedy above your own limit").into());
        }
        let status = if decision.approve {
            GrantStatus::Approved
        } else {
            GrantStatus::Rejected
        };
        let note = decision.note.trim();
        let note = (!note.is_empty()).then_some(note);
        tx.execute(
            "UPDATE remedy_grants SET status = $1, decided_by = $2, decided_at = $3, decision_note = $4, approver_role = NULL \
             WHERE id = $5 AND status = 'pending'",
            args![status.as_str(), actor.user_id.0, to_micros(now), note, id.0],
        )
        .await?;
        let change = Change::Remedy {
            grant_id: id,
            remedy: grant.remedy.clone(),
            amount: grant.amount,
            unit: grant.unit.clone(),
            status,
        };
        insert_event(
            &mut tx,
            grant.case_id,
            &change,
            Some(actor.user_id.0),
            note,
            now,
        )
        .await?;
        let detail = serde_json::json!({"status": status.as_str()});
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "remedy.decide",
            "remedy_grant",
            Some(id.to_string()),
            detail,
        )
        .await?;
        let decided = load_grant(&mut tx, id).await?;
        tx.commit().await?;
        Ok(decided)
    }

    /// An account's concession ledger with its patterns (staff).
    pub async fn ledger(
        &self,
        actor: &Actor,
        organization: OrganizationId,
        now: Timestamp,
    ) -> Result<Ledger> {
        actor.require(Action::ViewLedger)?;
        let mut c = self.read().await?;
        if c.fetch_optional(
            "SELECT id FROM organizations WHERE id = $1",
            args![organization.0],
        )
        .await?
        .is_none()
        {
            return Err(StoreError::not_found("organization"));
        }
        let grants: Vec<Grant> = c
            .fetch_all(
                &format!("SELECT {GRANT_COLUMNS} FROM {GRANT_FROM} WHERE g.organization_id = $1 AND g.status <> 'pending' \
                          ORDER BY COALESCE(g.decided_at, g.requested_at), g.id"),
                args![organization.0],
            )
            .await?
            .into_iter()
            .map(grant_from_row)
            .collect::<Result<_>>()?;
        let decided: Vec<Decided> = grants
            .iter()
            .map(|g| Decided {
                case_number: g.case_number,
                unit: g.unit.clone(),
                amount: g.amount,
                decision: if g.status.is_given() {
                    ledger::Decision::Granted
                } else {
                    ledger::Decision::Refused
                },
                at: g.decided_at.unwrap_or(g.requested_at),
            })
            .collect();
        let patterns = ledger::patterns(&decided, now);
        // Added up in whole units (cents), so 0.10 + 0.20 is 0.30.
        let mut minor_totals: Vec<(String, i64)> = Vec::new();
        for g in grants.iter().filter(|g| g.status.is_given()) {
            let minor = to_minor(&g.unit, g.amount);
            match minor_totals.iter_mut().find(|(unit, _)| *unit == g.unit) {
                Some((_, sum)) => *sum = sum.saturating_add(minor),
                None => minor_totals.push((g.unit.clone(), minor)),
            }
        }
        let totals = minor_totals
            .into_iter()
            .map(|(unit, minor)| {
                let amount = from_minor(&unit, minor);
                (unit, amount)
            })
            .collect();
        let (mut given, mut refused): (Vec<Grant>, Vec<Grant>) =
            grants.into_iter().partition(|g| g.status.is_given());
        given.reverse();
        refused.reverse();
        Ok(Ledger {
            organization_id: organization,
            given,
            refused,
            totals,
            patterns,
        })
    }
}
