//! Service policy versions (PRODUCT.md B2): drafts, publication with an effective date and
//! grace periods, staff acknowledgements, and which version governs each case.
//!
//! Published versions never change (every statement that edits one says
//! `status = 'draft'`), so a compiled version can be cached for the life of the process.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use accord_core::DomainError;
use accord_core::access::{Action, Actor};
use accord_core::case::{CaseStatus, Change};
use accord_core::ids::{CaseId, OrganizationId, UserId};
use accord_policy::versions::{Published, governing};
use accord_policy::{Finding, Policy};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::record;
use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::{Result, Store, StoreError};

/// The longest policy document accepted (a realistic one is about 40 KB).
pub const SOURCE_MAX: usize = 1024 * 1024;
/// The longest briefing of a version, in characters.
pub const BRIEFING_MAX: usize = 4000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    Draft,
    Published,
}

/// A customer kept on the previous version until a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Grace {
    pub organization_id: OrganizationId,
    #[schema(value_type = String, format = DateTime)]
    pub until: Timestamp,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PolicyVersion {
    pub number: i64,
    pub status: VersionStatus,
    pub name: String,
    /// The policy document (TOML).
    pub source: String,
    /// What changed and why the new version is better, shown to staff who acknowledge it.
    pub briefing: String,
    pub review_by: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub effective_at: Option<Timestamp>,
    pub grace: Vec<Grace>,
    pub created_by: Option<UserId>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    pub published_by: Option<UserId>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub published_at: Option<Timestamp>,
}

/// One member of staff and whether they acknowledged a version. (`PolicyAcknowledgement`
/// in the API document: [`crate::acknowledge::Acknowledgement`] is another thing.)
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[schema(as = PolicyAcknowledgement)]
pub struct Acknowledgement {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub acknowledged_at: Option<Timestamp>,
}

/// Compiled published versions, by number.
#[derive(Default)]
pub(crate) struct PolicyCache(Mutex<HashMap<i64, Arc<Policy>>>);

const VERSION_COLUMNS: &str = "id, number, status, name, source, briefing, review_by, effective_at, \
     created_by, created_at, updated_at, published_by, published_at";

fn version_from_row(mut r: crate::value::Row, grace: Vec<Grace>) -> Result<PolicyVersion> {
    let status = match r.text(2)?.as_str() {
        "draft" => VersionStatus::Draft,
        "published" => VersionStatus::Published,
        other => {
            return Err(StoreError::Corrupt(format!(
                "policy_versions.status {other:?}"
            )));
        }
    };
    Ok(PolicyVersion {
        number: r.i64(1)?,
        status,
        name: r.text(3)?,
        source: r.text(4)?,
        briefing: r.text(5)?,
        review_by: r.opt_text(6)?,
        effective_at: r.opt_i64(7)?.map(from_micros).transpose()?,
        grace,
        created_by: r.opt_uuid(8)?.map(UserId),
        created_at: from_micros(r.i64(9)?)?,
        updated_at: from_micros(r.i64(10)?)?,
        published_by: r.opt_uuid(11)?.map(UserId),
        published_at: r.opt_i64(12)?.map(from_micros).transpose()?,
    })
}

fn check_text(source: &str, briefing: &str) -> Result<()> {
    let mut problems = Vec::new();
    if source.trim().is_empty() {
        problems.push(accord_core::FieldError::new(
            "source",
            "required",
            "write the policy document (TOML)",
        ));
    }
    if source.len() > SOURCE_MAX {
        problems.push(
            accord_core::FieldError::new(
                "source",
                "too_long",
                format!("must be at most {SOURCE_MAX} bytes"),
            )
            .with_limit(SOURCE_MAX as u64),
        );
    }
    if briefing.chars().count() > BRIEFING_MAX {
        problems.push(
            accord_core::FieldError::new(
                "briefing",
                "too_long",
                format!("must be at most {BRIEFING_MAX} characters"),
            )
            .with_limit(BRIEFING_MAX as u64),
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Invalid(problems).into())
    }
}

/// What saving a draft needs before its transaction: the right to, valid text, the check's
/// report, and the name and review date to list it by.
fn prepare_draft(
    actor: &Actor,
    source: &str,
    briefing: &str,
    now: Timestamp,
) -> Result<(accord_policy::Report, String, Option<String>)> {
    actor.require(Action::ManagePolicy)?;
    check_text(source, briefing)?;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let report = accord_policy::check_policy(source, Some(today));
    let (name, review_by) = header_facts(source);
    Ok((report, name, review_by))
}

/// Name and review date from a document, even a draft with errors elsewhere.
fn header_facts(source: &str) -> (String, Option<String>) {
    #[derive(Deserialize)]
    struct Header {
        name: Option<String>,
        review_by: Option<String>,
    }
    #[derive(Deserialize)]
    struct Doc {
        policy: Option<Header>,
    }
    let header = toml::from_str::<Doc>(source).ok().and_then(|d| d.policy);
    let name = header
        .as_ref()
        .and_then(|h| h.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "—".to_owned());
    (
        name.chars().take(200).collect(),
        header.and_then(|h| h.review_by),
    )
}

async fn load_grace(c: &mut Conn<'_>, version_id: Uuid) -> Result<Vec<Grace>> {
    let rows = c
        .fetch_all(
            "SELECT organization_id, until_at FROM policy_grace WHERE version_id = $1 ORDER BY until_at",
            args![version_id],
        )
        .await?;
    rows.into_iter()
        .map(|mut r| {
            Ok(Grace {
                organization_id: OrganizationId(r.uuid(0)?),
                until: from_micros(r.i64(1)?)?,
            })
        })
        .collect()
}

/// Every published version with its grace periods, as the governing rule needs them.
async fn published(c: &mut Conn<'_>) -> Result<Vec<Published<i64, Uuid>>> {
    let rows = c
        .fetch_all(
            "SELECT v.number, v.effective_at, g.organization_id, g.until_at FROM policy_versions v \
             LEFT JOIN policy_grace g ON g.version_id = v.id WHERE v.status = 'published'",
            &[],
        )
        .await?;
    let mut versions: BTreeMap<i64, Published<i64, Uuid>> = BTreeMap::new();
    for mut r in rows {
        let number = r.i64(0)?;
        let effective_at = from_micros(r.i64(1)?)?;
        let entry = versions.entry(number).or_insert_with(|| Published {
            id: number,
            effective_at,
            grace: BTreeMap::new(),
        });
        if let (Some(org), Some(until)) = (r.opt_uuid(2)?, r.opt_i64(3)?) {
            entry.grace.insert(org, from_micros(until)?);
        }
    }
    Ok(versions.into_values().collect())
}

/// The version number governing an organization's cases at `now` (in a transaction).
pub(crate) async fn governing_version(
    c: &mut Conn<'_>,
    organization: Option<OrganizationId>,
    now: Timestamp,
) -> Result<Option<i64>> {
    let versions = published(c).await?;
    Ok(governing(&versions, organization.map(|o| o.0).as_ref(), now).copied())
}

/// Browsers send a textarea's lines ending in CRLF: kept as they come, every line of a draft
/// edited in the web form would differ from the version it was copied from.
fn one_line_ending(source: &str) -> String {
    source.replace("\r\n", "\n")
}

impl Store {
    /// Saves a new draft. Drafts may have errors; the findings come back with it.
    pub async fn create_policy_draft(
        &self,
        actor: &Actor,
        source: &str,
        briefing: &str,
        now: Timestamp,
    ) -> Result<(PolicyVersion, Vec<Finding>)> {
        let source = &one_line_ending(source);
        let (report, name, review_by) = prepare_draft(actor, source, briefing, now)?;
        let mut tx = self.write().await?;
        let number = tx
            .fetch_one(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM policy_versions",
                &[],
            )
            .await?
            .i64(0)?;
        let id = Uuid::now_v7();
        tx.execute(
            &format!("INSERT INTO policy_versions ({VERSION_COLUMNS}) VALUES ($1, $2, 'draft', $3, $4, $5, $6, NULL, $7, $8, $8, NULL, NULL)"),
            args![id, number, name, source, briefing, review_by, actor.user_id.0, to_micros(now)],
        )
        .await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "policy.draft",
            "policy_version",
            Some(number.to_string()),
            serde_json::json!({"errors": report.errors().count()}),
        )
        .await?;
        let version = load_version(&mut tx, number).await?;
        tx.commit().await?;
        Ok((version, report.findings))
    }

    /// Replaces a draft's text; published versions cannot be edited.
    pub async fn update_policy_draft(
        &self,
        actor: &Actor,
        number: i64,
        source: &str,
        briefing: &str,
        now: Timestamp,
    ) -> Result<(PolicyVersion, Vec<Finding>)> {
        let source = &one_line_ending(source);
        let (report, name, review_by) = prepare_draft(actor, source, briefing, now)?;
        let mut tx = self.write().await?;
        let changed = tx
            .execute(
                "UPDATE policy_versions SET source = $1, briefing = $2, name = $3, review_by = $4, updated_at = $5 \
                 WHERE number = $6 AND status = 'draft'",
                args![source, briefing, name, review_by, to_micros(now), number],
            )
            .await?;
        if changed == 0 {
            return Err(self.not_a_draft(&mut tx, number).await);
        }
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "policy.edit",
            "policy_version",
            Some(number.to_string()),
            serde_json::json!({"errors": report.errors().count()}),
        )
        .await?;
        let version = load_version(&mut tx, number).await?;
        tx.commit().await?;
        Ok((version, report.findings))
    }

    async fn not_a_draft(&self, tx: &mut Conn<'_>, number: i64) -> StoreError {
        match tx
            .fetch_optional(
                "SELECT status FROM policy_versions WHERE number = $1",
                args![number],
            )
            .await
        {
            Ok(Some(_)) => DomainError::Conflict(
                "this version is published and can no longer change; save a new draft instead"
                    .into(),
            )
            .into(),
            Ok(None) => StoreError::not_found("policy version"),
            Err(e) => e,
        }
    }

    /// Publishes a draft without errors. It governs cases from `effective_at` (now or
    /// later); customers in `grace` stay on the previous version until their date.
    pub async fn publish_policy(
        &self,
        actor: &Actor,
        number: i64,
        effective_at: Timestamp,
        grace: &[Grace],
        now: Timestamp,
    ) -> Result<PolicyVersion> {
        actor.require(Action::ManagePolicy)?;
        // A minute of slack for a form filled in with "now".
        if effective_at < now - jiff::SignedDuration::from_mins(1) {
            return Err(DomainError::invalid(
                "effective_at",
                "in_the_past",
                "a version takes effect now or later, never in the past",
            )
            .into());
        }
        if let Some(g) = grace.iter().find(|g| g.until <= effective_at) {
            return Err(DomainError::invalid(
                "grace",
                "invalid",
                format!(
                    "the grace period of {} must end after the effective date",
                    g.organization_id
                ),
            )
            .into());
        }
        let mut tx = self.write().await?;
        let row = tx
            .fetch_optional(
                "SELECT id, source, status FROM policy_versions WHERE number = $1",
                args![number],
            )
            .await?;
        let Some(mut row) = row else {
            return Err(StoreError::not_found("policy version"));
        };
        let (id, source, status) = (row.uuid(0)?, row.text(1)?, row.text(2)?);
        if status != "draft" {
            return Err(DomainError::Conflict("this version is already published".into()).into());
        }
        let review_by = match accord_policy::load(&source) {
            Ok(policy) => policy.review_by,
            Err(errors) => {
                return Err(DomainError::invalid(
                    "source",
                    "policy_has_errors",
                    format!(
                        "the policy has {} errors; run the check and fix them first",
                        errors.len()
                    ),
                )
                .into());
            }
        };
        let mut seen = BTreeSet::new();
        for g in grace {
            if !seen.insert(g.organization_id) {
                return Err(DomainError::invalid(
                    "grace",
                    "invalid",
                    format!("organization {} is listed twice", g.organization_id),
                )
                .into());
            }
            let exists = tx
                .fetch_optional(
                    "SELECT id FROM organizations WHERE id = $1",
                    args![g.organization_id.0],
                )
                .await?;
            if exists.is_none() {
                return Err(DomainError::invalid(
                    "grace",
                    "unknown_organization",
                    format!("no organization has id {}", g.organization_id),
                )
                .into());
            }
            tx.execute(
                "INSERT INTO policy_grace (version_id, organization_id, until_at) VALUES ($1, $2, $3)",
                args![id, g.organization_id.0, to_micros(g.until)],
            )
            .await?;
        }
        tx.execute(
            "UPDATE policy_versions SET status = 'published', effective_at = $1, published_by = $2, published_at = $3, updated_at = $3 \
             WHERE id = $4 AND status = 'draft'",
            args![to_micros(effective_at), actor.user_id.0, to_micros(now), id],
        )
        .await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "policy.publish",
            "policy_version",
            Some(number.to_string()),
            serde_json::json!({"effective_at": effective_at.to_string(), "grace": grace.len()}),
        )
        .await?;
        crate::review::schedule_review(&mut tx, number, review_by, now).await?;
        let version = load_version(&mut tx, number).await?;
        tx.commit().await?;
        // Cases switch at once if it is already in force.
        self.switch_policy_versions(now).await?;
        Ok(version)
    }

    pub async fn list_policy_versions(&self, actor: &Actor) -> Result<Vec<PolicyVersion>> {
        actor.require(Action::ViewPolicy)?;
        let mut c = self.read().await?;
        let rows = c
            .fetch_all(
                &format!("SELECT {VERSION_COLUMNS} FROM policy_versions ORDER BY number DESC"),
                &[],
            )
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for mut row in rows {
            let id = row.uuid(0)?;
            let grace = load_grace(&mut c, id).await?;
            out.push(version_from_row(row, grace)?);
        }
        Ok(out)
    }

    pub async fn get_policy_version(&self, actor: &Actor, number: i64) -> Result<PolicyVersion> {
        actor.require(Action::ViewPolicy)?;
        load_version(&mut self.read().await?, number).await
    }

    /// The compiled policy of a published version (cached: published versions never change).
    pub async fn compiled_policy(&self, number: i64) -> Result<Arc<Policy>> {
        if let Some(policy) = self
            .policies
            .0
            .lock()
            .ok()
            .and_then(|m| m.get(&number).cloned())
        {
            return Ok(policy);
        }
        let mut c = self.read().await?;
        let row = c
            .fetch_optional(
                "SELECT source FROM policy_versions WHERE number = $1 AND status = 'published'",
                args![number],
            )
            .await?;
        let source = row
            .ok_or(StoreError::not_found("policy version"))?
            .text(0)?;
        let policy = Arc::new(accord_policy::load(&source).map_err(|errors| {
            StoreError::Corrupt(format!(
                "published policy version {number} no longer compiles ({} errors)",
                errors.len()
            ))
        })?);
        if let Ok(mut cache) = self.policies.0.lock() {
            cache.insert(number, policy.clone());
        }
        Ok(policy)
    }

    /// The version that governs an organization's cases at `now`.
    pub async fn governing_policy_version(
        &self,
        organization: Option<OrganizationId>,
        now: Timestamp,
    ) -> Result<Option<i64>> {
        governing_version(&mut self.read().await?, organization, now).await
    }

    /// A member of staff attests having read a published version. Acknowledging twice keeps
    /// the first time.
    pub async fn acknowledge_policy(
        &self,
        actor: &Actor,
        number: i64,
        now: Timestamp,
    ) -> Result<()> {
        actor.require(Action::ViewPolicy)?;
        let mut tx = self.write().await?;
        let id = published_version_id(&mut tx, number).await?;
        let added = tx
            .execute(
                "INSERT INTO policy_acknowledgements (version_id, user_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                args![id, actor.user_id.0, to_micros(now)],
            )
            .await?;
        if added > 0 {
            record(
                &mut tx,
                Some(actor.user_id.0),
                now,
                "policy.acknowledge",
                "policy_version",
                Some(number.to_string()),
                serde_json::json!({}),
            )
            .await?;
        }
        tx.commit().await
    }

    /// Every active member of staff and when they acknowledged the version (if they did).
    pub async fn policy_acknowledgements(
        &self,
        actor: &Actor,
        number: i64,
    ) -> Result<Vec<Acknowledgement>> {
        actor.require(Action::ViewPolicy)?;
        let mut c = self.read().await?;
        let id = published_version_id(&mut c, number).await?;
        let rows = c
            .fetch_all(
                "SELECT u.id, u.name, u.email, a.at FROM users u \
                 LEFT JOIN policy_acknowledgements a ON a.user_id = u.id AND a.version_id = $1 \
                 WHERE u.active AND u.role <> 'customer' ORDER BY a.at IS NOT NULL, u.name",
                args![id],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(Acknowledgement {
                    user_id: UserId(r.uuid(0)?),
                    name: r.text(1)?,
                    email: r.text(2)?,
                    acknowledged_at: r.opt_i64(3)?.map(from_micros).transpose()?,
                })
            })
            .collect()
    }

    /// Puts every open case under the version that governs it at `now`, recording the change
    /// on each case that moves and re-evaluating its clocks. Returns how many moved. Runs
    /// when a version takes effect or a grace period ends (a durable timer); running it
    /// again changes nothing.
    pub async fn switch_policy_versions(&self, now: Timestamp) -> Result<u64> {
        let mut tx = self.write_alone().await?;
        let moved = switch_in(self, &mut tx, now).await?;
        schedule_next_switch(&mut tx, now).await?;
        tx.commit().await?;
        Ok(moved)
    }
}

/// The policy-switch timer fired.
pub(crate) async fn switch_due(store: &Store, tx: &mut Conn<'_>, now: Timestamp) -> Result<()> {
    switch_in(store, tx, now).await?;
    schedule_next_switch(tx, now).await
}

/// Schedules the policy-switch timer at the next effective date or end of a grace period
/// after `now` (or removes it when there is none).
async fn schedule_next_switch(tx: &mut Conn<'_>, now: Timestamp) -> Result<()> {
    let next = tx
        .fetch_one(
            "SELECT MIN(at) FROM (SELECT effective_at AS at FROM policy_versions WHERE status = 'published' AND effective_at > $1 \
             UNION ALL SELECT until_at AS at FROM policy_grace WHERE until_at > $1) AS upcoming",
            args![to_micros(now)],
        )
        .await?
        .opt_i64(0)?;
    let job = crate::timers::TimerJob::PolicySwitch;
    match next {
        Some(at) => crate::timers::schedule(tx, &job, from_micros(at)?, now).await,
        None => crate::timers::cancel(tx, &job).await,
    }
}

async fn switch_in(store: &Store, tx: &mut Conn<'_>, now: Timestamp) -> Result<u64> {
    let versions = published(tx).await?;
    let in_grace: BTreeSet<Uuid> = versions
        .iter()
        .flat_map(|v| v.grace.keys().copied())
        .collect();
    let open_list = CaseStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    // Everyone not in a grace period gets the same version: decide it once.
    let default = governing(&versions, None, now).copied();
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let numbers: Vec<i64> = versions.iter().map(|v| v.id).collect();
    let mut loaded = crate::clocks::MovingClocks::new(store, numbers).await?;
    let mut moves: Vec<crate::clocks::Move> = Vec::new();
    // One pass over the open cases and their clocks (a row per clock, the case's columns
    // repeated), each row handled as it is read: a publication may move every open case.
    // After the 4 case columns, the facts and the clock's case id.
    const CLOCK_AT: usize = 4 + crate::facts::FACT_COUNT + 1;
    // Case → the index of its move, `None` if it stays.
    let mut seen: HashMap<Uuid, Option<usize>> = HashMap::new();
    tx.for_each_row(
        &format!(
            "SELECT c.id, c.organization_id, c.policy_version, c.status, {}, k.case_id, {} \
             FROM cases c LEFT JOIN organizations o ON o.id = c.organization_id \
             LEFT JOIN case_clocks k ON k.case_id = c.id WHERE c.status IN ({open_list})",
            crate::facts::FACT_COLUMNS,
            crate::clocks::CLOCK_COLUMNS,
        ),
        &[],
        |mut row| {
            let id = row.uuid(0)?;
            let index = match seen.get(&id) {
                Some(index) => *index,
                None => {
                    let org = row.opt_uuid(1)?;
                    let from = row.opt_i64(2)?;
                    let to = match org {
                        Some(o) if in_grace.contains(&o) => {
                            governing(&versions, Some(&o), now).copied()
                        }
                        _ => default,
                    };
                    let index = match to.filter(|to| from != Some(*to)) {
                        Some(to) => {
                            let facts = crate::facts::facts_from_row(&mut row, 4, today)?;
                            moves.push(crate::clocks::Move {
                                case: CaseId(id),
                                status: crate::codec::parse(
                                    &row.text(3)?,
                                    "cases.status",
                                    CaseStatus::parse,
                                )?,
                                from,
                                to,
                                procedure: loaded.policy(to)?.procedure_index_for(&facts),
                            });
                            Some(moves.len() - 1)
                        }
                        None => None,
                    };
                    seen.insert(id, index);
                    index
                }
            };
            match index {
                Some(i) if row.opt_uuid(CLOCK_AT - 1)?.is_some() => {
                    loaded.add_clock(i, moves[i].from, &mut row, CLOCK_AT)
                }
                _ => Ok(()),
            }
        },
    )
    .await?;
    if moves.is_empty() {
        return Ok(0);
    }
    // The clocks are re-evaluated on another thread, a chunk at a time, while the moves
    // are written.
    const CHUNK: usize = 4_000;
    let moves = Arc::new(moves);
    let (planned, mut plans) = tokio::sync::mpsc::channel(2);
    let planning = tokio::task::spawn_blocking({
        let moves = moves.clone();
        move || crate::clocks::plan_moves(&moves, loaded, now, CHUNK, &planned)
    });
    use crate::value::{Json, ToValue, Value};
    let targets: BTreeSet<i64> = moves.iter().map(|m| m.to).collect();
    for target in targets {
        let mut ids: Vec<Vec<Value>> = moves
            .iter()
            .filter(|m| m.to == target)
            .map(|m| vec![m.case.0.to_value()])
            .collect();
        while !ids.is_empty() {
            let batch: Vec<Vec<Value>> = ids.drain(..ids.len().min(CHUNK)).collect();
            // `target` is a version number read from the database, not input.
            tx.execute_many(
                &format!(
                    "UPDATE cases SET policy_version = {target} WHERE id IN (SELECT column1 FROM ("
                ),
                ") AS moved)",
                1,
                batch,
            )
            .await?;
        }
    }
    // Most moves share their from and to: each distinct change is encoded once.
    let mut encoded: HashMap<(Option<i64>, i64), (Value, Value)> = HashMap::new();
    for chunk in moves.chunks(CHUNK) {
        let mut events = Vec::with_capacity(chunk.len());
        for m in chunk {
            let (kind, data) = encoded.entry((m.from, m.to)).or_insert_with(|| {
                let change = Change::PolicyVersion {
                    from: m.from,
                    to: m.to,
                };
                (change.kind().to_value(), Json(&change).to_value())
            });
            events.push(vec![
                Uuid::now_v7().to_value(),
                m.case.0.to_value(),
                kind.clone(),
                data.clone(),
                None::<Uuid>.to_value(),
                None::<String>.to_value(),
                to_micros(now).to_value(),
            ]);
        }
        tx.execute_many(
            "INSERT INTO case_events (id, case_id, kind, data, actor_user_id, reason, at)",
            "",
            7,
            events,
        )
        .await?;
    }
    while let Some(writes) = plans.recv().await {
        writes?.flush(tx, now).await?;
    }
    planning
        .await
        .map_err(|e| StoreError::Corrupt(format!("re-evaluating clocks stopped: {e}")))?;
    Ok(moves.len() as u64)
}

/// The id of a published version; not found for drafts and unknown numbers.
async fn published_version_id(c: &mut Conn<'_>, number: i64) -> Result<Uuid> {
    let row = c
        .fetch_optional(
            "SELECT id FROM policy_versions WHERE number = $1 AND status = 'published'",
            args![number],
        )
        .await?;
    row.ok_or(StoreError::not_found("policy version"))?.uuid(0)
}

async fn load_version(c: &mut Conn<'_>, number: i64) -> Result<PolicyVersion> {
    let row = c
        .fetch_optional(
            &format!("SELECT {VERSION_COLUMNS} FROM policy_versions WHERE number = $1"),
            args![number],
        )
        .await?;
    let mut row = row.ok_or(StoreError::not_found("policy version"))?;
    let id = row.uuid(0)?;
    let grace = load_grace(c, id).await?;
    version_from_row(row, grace)
}
