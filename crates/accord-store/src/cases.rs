//! Cases, their conversation entries, events and links.

use std::collections::BTreeMap;

use accord_core::DomainError;
use accord_core::access::{Action, Actor, Scope};
use accord_core::case::{
    Case, CasePatch, CaseStatus, Change, Channel, FieldValue, LinkKind, NewCase, Priority,
};
use accord_core::entry::{Entry, EntryKind, NewEntry};
use accord_core::ids::*;
use accord_core::language::Language;
use accord_core::people::Role;
use accord_policy::model::Occasion;
use jiff::Timestamp;
use sea_query::{Alias, Cond, Expr, Order, Query};
use serde::Serialize;
use uuid::Uuid;

use crate::audit::record;
use crate::codec::{from_micros, parse, parse_language, to_micros};
use crate::db::Conn;
use crate::idempotency::{self, IdempotencyKey, Replay};
use crate::value::{Json, Row};
use crate::{Result, Store, StoreError};

const CASE_COLUMNS: &str = "id, number, subject, channel, language, category, tags, priority, status, \
     organization_id, contact_id, team_id, assignee_id, custom_fields, created_at, updated_at, policy_version";

/// Decodes a row selected with [`CASE_COLUMNS`].
fn case_from_row(mut r: Row) -> Result<Case> {
    Ok(Case {
        id: CaseId(r.uuid(0)?),
        number: r.i64(1)?,
        subject: r.text(2)?,
        channel: parse(&r.text(3)?, "cases.channel", Channel::parse)?,
        language: parse_language(&r.text(4)?, "cases.language")?,
        category: r.opt_text(5)?,
        tags: r.json(6)?,
        priority: parse(&r.text(7)?, "cases.priority", Priority::parse)?,
        status: parse(&r.text(8)?, "cases.status", CaseStatus::parse)?,
        organization_id: r.opt_uuid(9)?.map(OrganizationId),
        contact_id: ContactId(r.uuid(10)?),
        team_id: r.opt_uuid(11)?.map(TeamId),
        assignee_id: r.opt_uuid(12)?.map(UserId),
        custom_fields: r.json::<BTreeMap<String, FieldValue>>(13)?,
        created_at: from_micros(r.i64(14)?)?,
        updated_at: from_micros(r.i64(15)?)?,
        policy_version: r.opt_i64(16)?,
    })
}

const ENTRY_COLUMNS: &str = "id, case_id, kind, channel, body, author_user_id, author_contact_id, department_id, answers_entry_id, created_at";

/// Decodes a row selected with [`ENTRY_COLUMNS`].
fn entry_from_row(mut r: Row) -> Result<Entry> {
    Ok(Entry {
        id: EntryId(r.uuid(0)?),
        case_id: CaseId(r.uuid(1)?),
        kind: parse(&r.text(2)?, "entries.kind", EntryKind::parse)?,
        channel: parse(&r.text(3)?, "entries.channel", Channel::parse)?,
        body: r.text(4)?,
        author_user_id: r.opt_uuid(5)?.map(UserId),
        author_contact_id: r.opt_uuid(6)?.map(ContactId),
        department_id: r.opt_uuid(7)?.map(TeamId),
        answers_entry_id: r.opt_uuid(8)?.map(EntryId),
        created_at: from_micros(r.i64(9)?)?,
    })
}

/// A recorded change with who made it, when and why.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseEvent {
    pub id: EventId,
    pub change: Change,
    pub actor_user_id: Option<UserId>,
    pub reason: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseLink {
    pub kind: LinkKind,
    pub other_case_id: CaseId,
    pub other_number: i64,
    pub other_subject: String,
    /// `true` when the other case points at this one (e.g. it is a duplicate of this).
    pub incoming: bool,
}

/// Result of a creation that may be a retry.
#[derive(Debug)]
pub enum Created<T> {
    New(T),
    /// An earlier request with the same idempotency key: its stored response.
    Replayed {
        status: u16,
        body: String,
    },
}

/// Which cases an inbox or API list shows.
#[derive(Clone, Debug, Default)]
pub struct CaseFilter {
    pub statuses: Vec<CaseStatus>,
    pub open_only: bool,
    /// `Some(None)` means unassigned.
    pub assignee: Option<Option<UserId>>,
    pub team: Option<TeamId>,
    pub teams_of: Option<UserId>,
    pub organization: Option<OrganizationId>,
    pub contact: Option<ContactId>,
    pub channel: Option<Channel>,
    pub language: Option<Language>,
    pub priority: Option<Priority>,
    pub tag: Option<String>,
    /// Cursor for [`CaseSort::Updated`]: cases updated strictly before this (updated_at, id).
    pub before: Option<(Timestamp, CaseId)>,
    /// Cursor for [`CaseSort::Due`]: cases after this (next due, id) pair.
    pub due_after: Option<(i64, CaseId)>,
    /// Only cases with a running clock due by then ("breaching soon").
    pub due_by: Option<Timestamp>,
    /// Only cases with a remedy request waiting for a supervisor.
    pub awaiting_approval: bool,
    pub sort: CaseSort,
    pub limit: u32,
}

/// A case that changed, for the live-update feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseChange {
    pub number: i64,
    pub organization_id: Option<OrganizationId>,
    pub contact_id: ContactId,
    pub updated_at: i64,
}

impl CaseChange {
    /// Whether a reader with this scope may know of the change.
    pub fn visible_in(&self, scope: Scope) -> bool {
        match scope {
            Scope::All => true,
            Scope::Organization(o) => self.organization_id == Some(o),
            Scope::Contact(c) => self.contact_id == c,
            Scope::Nothing => false,
        }
    }
}

/// The order of a case list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CaseSort {
    /// Most recently updated first (cursor: `before`).
    #[default]
    Updated,
    /// Soonest running clock first; cases without one last (cursor: `due_after`).
    Due,
}

/// `cases.next_due_at` of a case without a running clock (see migration 0007).
pub const NO_CLOCK_DUE: i64 = i64::MAX;

fn col(name: &str) -> Expr {
    Expr::col(Alias::new(name))
}

/// Binds a scope into a WHERE clause of raw SQL: the three parameters starting at `$n`.
/// `(all OR organization_id = org OR contact_id = contact)`; NULL never matches.
fn scope_binds(scope: Scope) -> (bool, Option<Uuid>, Option<Uuid>) {
    match scope {
        Scope::All => (true, None, None),
        Scope::Organization(o) => (false, Some(o.0), None),
        Scope::Contact(c) => (false, None, Some(c.0)),
        Scope::Nothing => (false, None, None),
    }
}

/// The scope condition with its three parameters numbered from `$first`.
fn scoped(first: usize) -> String {
    format!(
        "(${first} OR organization_id = ${} OR contact_id = ${})",
        first + 1,
        first + 2
    )
}

/// Records one change of a case inside the caller's transaction.
pub(crate) async fn insert_event(
    tx: &mut Conn<'_>,
    case: CaseId,
    change: &Change,
    actor: Option<Uuid>,
    reason: Option<&str>,
    at: Timestamp,
) -> Result<()> {
    tx.execute(
        "INSERT INTO case_events (id, case_id, kind, data, actor_user_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        args![Uuid::now_v7(), case.0, change.kind(), Json(change), actor, reason, to_micros(at)],
    )
    .await?;
    Ok(())
}

/// Moves a case to another status inside the caller's transaction, as the store does on its
/// own (an acknowledgement, an accepted agreement, a resolution): the row, the clocks that
/// status moves, and the event.
pub(crate) async fn move_status(
    store: &Store,
    tx: &mut Conn<'_>,
    case: CaseId,
    from: CaseStatus,
    to: CaseStatus,
    actor: Option<Uuid>,
    now: Timestamp,
) -> Result<()> {
    tx.execute(
        "UPDATE cases SET status = $1, updated_at = $2 WHERE id = $3",
        args![to.as_str(), to_micros(now), case.0],
    )
    .await?;
    crate::clocks::after_status(store, tx, case, from, to, now).await?;
    crate::follow_ups::after_status(store, tx, case, to, now).await?;
    insert_event(tx, case, &Change::Status { from, to }, actor, None, now).await
}

/// Loads a case within the actor's scope (inside a transaction, to change it).
pub(crate) async fn load_case(c: &mut Conn<'_>, scope: Scope, id: CaseId) -> Result<Case> {
    let (all, org, contact) = scope_binds(scope);
    let sql = format!(
        "SELECT {CASE_COLUMNS} FROM cases WHERE id = $1 AND {}",
        scoped(2)
    );
    let row = c
        .fetch_optional(&sql, args![id.0, all, org, contact])
        .await?;
    case_from_row(row.ok_or(StoreError::not_found("case"))?)
}

/// Loads a case the actor may see (for other modules' reads).
pub(crate) async fn load_case_scoped(c: &mut Conn<'_>, actor: &Actor, id: CaseId) -> Result<Case> {
    load_case(c, actor.scope(), id).await
}

/// Checks that a team and an assignee named by a change exist and can hold cases.
async fn check_assignment(
    tx: &mut Conn<'_>,
    team: Option<TeamId>,
    assignee: Option<UserId>,
) -> Result<()> {
    if let Some(team) = team
        && tx
            .fetch_optional("SELECT id FROM teams WHERE id = $1", args![team.0])
            .await?
            .is_none()
    {
        return Err(DomainError::invalid(
            "team_id",
            "unknown_team",
            format!("no team has id {team}"),
        )
        .into());
    }
    if let Some(user) = assignee {
        let found = tx
            .fetch_optional(
                "SELECT role, active FROM users WHERE id = $1",
                args![user.0],
            )
            .await?;
        let ok = match found {
            Some(mut r) => r.text(0)? != Role::Customer.as_str() && r.bool(1)?,
            None => false,
        };
        if !ok {
            return Err(DomainError::invalid(
                "assignee_id",
                "unknown_agent",
                format!("no active staff member has id {user}"),
            )
            .into());
        }
    }
    Ok(())
}

pub(crate) const INSERT_ENTRY: &str = "INSERT INTO entries (id, case_id, kind, channel, body, author_user_id, author_contact_id, department_id, answers_entry_id, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// A new case as it is stored: the request checked (API, portal) or the mail read (email).
pub(crate) struct Opening<'a> {
    pub subject: &'a str,
    pub contact_id: ContactId,
    pub organization: Option<OrganizationId>,
    pub language: Language,
    /// Whether something decided `language` ([`case_language`]); when not, the customer's
    /// first message will ([`settle_language`]).
    pub language_decided: bool,
    pub channel: Channel,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub priority: Priority,
    pub team_id: Option<TeamId>,
    pub assignee_id: Option<UserId>,
    pub custom_fields: BTreeMap<String, FieldValue>,
    pub procedure_pin: Option<String>,
    /// The customer's first message.
    pub body: Option<&'a str>,
    /// Who opened it, for the history (`None`: Accord, from a channel).
    pub actor: Option<Uuid>,
    /// The member of staff who wrote the first message down, if not the customer.
    pub author_user: Option<Uuid>,
    /// The first message's email Message-ID: recorded before the acknowledgement is
    /// written, so that the acknowledgement answers it.
    pub message_id: Option<&'a str>,
}

/// The language a new case is handled in, by one rule for every channel (API, portal, email):
/// the language the caller asked for, then the contact's preferred language, then the
/// language the customer's text is written in (`detected`, from [`detect_language`]), then
/// `fallback`. The flag says whether anything but the fallback decided it.
pub(crate) fn case_language(
    asked: Option<Language>,
    preferred: Option<Language>,
    detected: Option<Language>,
    fallback: Language,
) -> (Language, bool) {
    match asked.or(preferred).or(detected) {
        Some(language) => (language, true),
        None => (fallback, false),
    }
}

/// The language a customer's text is written in, among Accord's four (`None`: no letters).
/// The beginning of a long text tells as much as all of it.
pub(crate) fn detect_language(text: &str) -> Option<Language> {
    const ENOUGH: usize = 4000;
    match text.char_indices().nth(ENOUGH) {
        Some((end, _)) => accord_text::detect::detect_language(&text[..end]),
        None => accord_text::detect::detect_language(text),
    }
}

/// A customer's message on a case whose language nothing has decided yet (opened without a
/// language asked for, a preferred language or text to detect): the contact's preferred
/// language, else the message's own, decides it now — recorded as a change by Accord.
/// Cases already decided are left as they are: the first rule to speak wins.
pub(crate) async fn settle_language(
    tx: &mut Conn<'_>,
    case: &Case,
    text: &str,
    now: Timestamp,
) -> Result<()> {
    let mut row = tx
        .fetch_one(
            "SELECT cases.language_undecided, contacts.preferred_language FROM cases \
             JOIN contacts ON contacts.id = cases.contact_id WHERE cases.id = $1",
            args![case.id.0],
        )
        .await?;
    if !row.bool(0)? {
        return Ok(());
    }
    let preferred = row.opt_text(1)?.as_deref().and_then(Language::from_tag);
    // Read only on the rare undecided case, so every other message skips the detector.
    let Some(language) = preferred.or_else(|| detect_language(text)) else {
        return Ok(());
    };
    tx.execute(
        "UPDATE cases SET language = $1, language_undecided = $2 WHERE id = $3",
        args![language.code(), false, case.id.0],
    )
    .await?;
    if language != case.language {
        let change = Change::Language {
            from: case.language,
            to: language,
        };
        insert_event(tx, case.id, &change, None, None, now).await?;
    }
    Ok(())
}

/// Stores a new case with its first message, starts its clocks and escalations under the
/// governing policy, and sends the automatic acknowledgement when the procedure says so.
/// Returns the case and the id of its first message.
pub(crate) async fn open_new_case(
    store: &Store,
    tx: &mut Conn<'_>,
    o: Opening<'_>,
    now: Timestamp,
) -> Result<(Case, Option<EntryId>)> {
    let number = tx
        .fetch_one(
            "UPDATE sequences SET value = value + 1 WHERE name = 'case_number' RETURNING value",
            &[],
        )
        .await?
        .i64(0)?;
    let mut tags = Vec::new();
    for tag in o.tags {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let policy_version = crate::policies::governing_version(tx, o.organization, now).await?;
    let mut case = Case {
        id: CaseId::new(),
        number,
        subject: o.subject.to_owned(),
        channel: o.channel,
        language: o.language,
        category: o.category,
        tags,
        priority: o.priority,
        status: CaseStatus::New,
        organization_id: o.organization,
        contact_id: o.contact_id,
        team_id: o.team_id,
        assignee_id: o.assignee_id,
        custom_fields: o.custom_fields,
        policy_version,
        created_at: now,
        updated_at: now,
    };
    tx.execute(
        &format!("INSERT INTO cases ({CASE_COLUMNS}, procedure_pin, language_undecided) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"),
        args![
            case.id.0,
            case.number,
            case.subject,
            case.channel.as_str(),
            case.language.code(),
            case.category,
            Json(&case.tags),
            case.priority.as_str(),
            case.status.as_str(),
            case.organization_id.map(|o| o.0),
            case.contact_id.0,
            case.team_id.map(|t| t.0),
            case.assignee_id.map(|u| u.0),
            Json(&case.custom_fields),
            to_micros(now),
            to_micros(now),
            case.policy_version,
            o.procedure_pin,
            !o.language_decided
        ],
    )
    .await?;
    for tag in &case.tags {
        tx.execute(
            "INSERT INTO case_tags (case_id, tag) VALUES ($1, $2)",
            args![case.id.0, tag],
        )
        .await?;
    }
    insert_event(tx, case.id, &Change::Created, o.actor, None, now).await?;
    let opened = crate::clocks::open_case(store, tx, &case, o.body, now).await?;
    let mut first = None;
    if let Some(body) = o.body {
        let entry_id = EntryId::new();
        tx.execute(
            INSERT_ENTRY,
            args![
                entry_id.0,
                case.id.0,
                EntryKind::Inbound.as_str(),
                case.channel.as_str(),
                body,
                o.author_user,
                case.contact_id.0,
                None::<Uuid>,
                None::<Uuid>,
                to_micros(now)
            ],
        )
        .await?;
        let added = Change::EntryAdded {
            entry_id,
            kind: EntryKind::Inbound,
        };
        insert_event(tx, case.id, &added, o.actor, None, now).await?;
        if let Some(message_id) = o.message_id {
            tx.execute(
                "INSERT INTO mail_threads (message_id, case_id, entry_id) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING",
                args![message_id, case.id.0, entry_id.0],
            )
            .await?;
        }
        first = Some(entry_id);
    }
    if opened.auto_acknowledge {
        crate::acknowledge::send(store, tx, &mut case, None, now).await?;
    }
    Ok((case, first))
}

impl Store {
    /// Creates a case (and its first message, if given). With an idempotency key, a retry
    /// of the same request returns the first response and creates nothing.
    pub async fn create_case(
        &self,
        actor: &Actor,
        new: NewCase,
        idempotency: Option<&IdempotencyKey>,
        now: Timestamp,
    ) -> Result<Created<Case>> {
        actor.require(Action::CreateCase)?;
        new.validate()?;
        // Detection reads the whole text: before the write transaction, not inside it, and
        // only when the caller did not say which language the case is in.
        let detected = match (&new.language, &new.body) {
            (None, Some(body)) => detect_language(body),
            _ => None,
        };
        match self
            .create_case_once(actor, &new, detected, idempotency, now)
            .await
        {
            // Two concurrent requests with one key: the loser's transaction rolled back;
            // running again finds the winner's stored response.
            Err(e) if idempotency.is_some() && e.is_unique_violation() => {
                self.create_case_once(actor, &new, detected, idempotency, now)
                    .await
            }
            other => other,
        }
    }

    async fn create_case_once(
        &self,
        actor: &Actor,
        new: &NewCase,
        detected: Option<Language>,
        idempotency: Option<&IdempotencyKey>,
        now: Timestamp,
    ) -> Result<Created<Case>> {
        let is_customer = actor.role == Role::Customer;
        let contact_id = match (new.contact_id, actor.contact_id, is_customer) {
            (Some(c), _, _) => c,
            (None, Some(own), true) => own,
            _ => {
                return Err(DomainError::invalid(
                    "contact_id",
                    "required",
                    "name the customer (contact) the case is about",
                )
                .into());
            }
        };
        if is_customer && (new.team_id.is_some() || new.assignee_id.is_some()) {
            return Err(DomainError::Forbidden("assign cases").into());
        }
        let actor_id = actor.user_id.0;
        let mut tx = self.write().await?;
        if let Some(key) = idempotency {
            let row = tx
                .fetch_optional(idempotency::LOOKUP, args![actor_id, key.key])
                .await?;
            match idempotency::replay(row, &key.fingerprint)? {
                Replay::New => {}
                Replay::Stored { status, body } => return Ok(Created::Replayed { status, body }),
                Replay::Mismatch => {
                    return Err(DomainError::Conflict("this Idempotency-Key was used for a different request; use a new key for a new request".into()).into());
                }
            }
        }
        let contact = tx
            .fetch_optional(
                "SELECT organization_id, preferred_language FROM contacts WHERE id = $1",
                args![contact_id.0],
            )
            .await?;
        let Some(mut contact) = contact else {
            return Err(DomainError::invalid(
                "contact_id",
                "unknown_contact",
                format!("no contact has id {contact_id}"),
            )
            .into());
        };
        let organization = contact.opt_uuid(0)?.map(OrganizationId);
        let preferred = contact.opt_text(1)?;
        if !actor.scope().includes(organization, Some(contact_id)) {
            return Err(DomainError::invalid(
                "contact_id",
                "unknown_contact",
                format!("no contact has id {contact_id}"),
            )
            .into());
        }
        check_assignment(&mut tx, new.team_id, new.assignee_id).await?;
        let preferred = preferred.as_deref().and_then(Language::from_tag);
        let (language, language_decided) =
            match case_language(new.language, preferred, detected, Language::En) {
                // Nothing else telling, a customer's case is in the customer's own language.
                (_, false) if is_customer => {
                    let own = tx
                        .fetch_optional("SELECT language FROM users WHERE id = $1", args![actor_id])
                        .await?
                        .map(|mut r| r.text(0))
                        .transpose()?;
                    let own = own.as_deref().and_then(Language::from_tag);
                    (own.unwrap_or(Language::En), false)
                }
                decided => decided,
            };
        let channel = new.channel.unwrap_or(if is_customer {
            Channel::Web
        } else {
            Channel::Api
        });
        let opening = Opening {
            subject: new.subject.trim(),
            contact_id,
            organization,
            language,
            language_decided,
            channel,
            category: new.category.as_deref().map(str::trim).map(str::to_owned),
            tags: new.tags.clone(),
            priority: new.priority.unwrap_or(Priority::Normal),
            team_id: new.team_id,
            assignee_id: new.assignee_id,
            custom_fields: new.custom_fields.clone(),
            procedure_pin: None,
            body: new.body.as_deref(),
            actor: Some(actor_id),
            author_user: (!is_customer).then_some(actor_id),
            message_id: None,
        };
        let (case, _) = open_new_case(self, &mut tx, opening, now).await?;
        if let Some(key) = idempotency {
            let body =
                serde_json::to_string(&case).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            tx.execute(
                idempotency::INSERT,
                args![
                    actor_id,
                    key.key,
                    key.fingerprint,
                    201_i64,
                    body,
                    to_micros(now)
                ],
            )
            .await?;
        }
        record(
            &mut tx,
            Some(actor_id),
            now,
            "case.create",
            "case",
            Some(case.id.to_string()),
            serde_json::json!({"number": case.number}),
        )
        .await?;
        tx.commit().await?;
        Ok(Created::New(case))
    }

    pub async fn get_case(&self, actor: &Actor, id: CaseId) -> Result<Case> {
        actor.require(Action::ViewCases)?;
        load_case(&mut self.read().await?, actor.scope(), id).await
    }

    pub async fn get_case_by_number(&self, actor: &Actor, number: i64) -> Result<Case> {
        actor.require(Action::ViewCases)?;
        let (all, org, contact) = scope_binds(actor.scope());
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE number = $1 AND {}",
            scoped(2)
        );
        let row = self
            .read()
            .await?
            .fetch_optional(&sql, args![number, all, org, contact])
            .await?;
        case_from_row(row.ok_or(StoreError::not_found("case"))?)
    }

    /// Cases matching a filter, most recently updated first, within the actor's scope.
    pub async fn list_cases(&self, actor: &Actor, filter: &CaseFilter) -> Result<Vec<Case>> {
        actor.require(Action::ViewCases)?;
        let q = Self::list_query(actor, filter);
        let rows = self.read().await?.fetch_all_built(&q).await?;
        rows.into_iter().map(case_from_row).collect()
    }

    /// The engine's plan for [`Store::list_cases`] with this filter (for the index tests).
    pub async fn explain_list_cases(&self, actor: &Actor, filter: &CaseFilter) -> Result<String> {
        actor.require(Action::ViewCases)?;
        self.write()
            .await?
            .explain_built(&Self::list_query(actor, filter))
            .await
    }

    fn list_query(actor: &Actor, filter: &CaseFilter) -> sea_query::SelectStatement {
        let mut q = Query::select();
        q.columns(CASE_COLUMNS.split(", ").map(Alias::new))
            .from(Alias::new("cases"));
        match actor.scope() {
            Scope::All => {}
            Scope::Organization(o) => {
                q.and_where(col("organization_id").eq(o.0));
            }
            Scope::Contact(c) => {
                q.and_where(col("contact_id").eq(c.0));
            }
            Scope::Nothing => {
                q.and_where(Expr::cust("1 = 0"));
            }
        }
        let statuses: Vec<CaseStatus> = if filter.open_only {
            let open = CaseStatus::ALL.iter().copied().filter(|s| s.is_open());
            if filter.statuses.is_empty() {
                open.collect()
            } else {
                open.filter(|s| filter.statuses.contains(s)).collect()
            }
        } else {
            filter.statuses.clone()
        };
        if !statuses.is_empty() {
            q.and_where(col("status").is_in(statuses.iter().map(|s| s.as_str())));
        }
        match filter.assignee {
            Some(Some(u)) => {
                q.and_where(col("assignee_id").eq(u.0));
            }
            Some(None) => {
                q.and_where(col("assignee_id").is_null());
            }
            None => {}
        }
        if let Some(t) = filter.team {
            q.and_where(col("team_id").eq(t.0));
        }
        if let Some(u) = filter.teams_of {
            let teams = Query::select()
                .column(Alias::new("team_id"))
                .from(Alias::new("team_members"))
                .and_where(col("user_id").eq(u.0))
                .to_owned();
            q.and_where(col("team_id").in_subquery(teams));
        }
        if let Some(o) = filter.organization {
            q.and_where(col("organization_id").eq(o.0));
        }
        if let Some(c) = filter.contact {
            q.and_where(col("contact_id").eq(c.0));
        }
        if let Some(ch) = filter.channel {
            q.and_where(col("channel").eq(ch.as_str()));
        }
        if let Some(l) = filter.language {
            q.and_where(col("language").eq(l.code()));
        }
        if let Some(p) = filter.priority {
            q.and_where(col("priority").eq(p.as_str()));
        }
        if let Some(tag) = &filter.tag {
            let tagged = Query::select()
                .column(Alias::new("case_id"))
                .from(Alias::new("case_tags"))
                .and_where(col("tag").eq(tag.as_str()))
                .to_owned();
            q.and_where(col("id").in_subquery(tagged));
        }
        if let Some(by) = filter.due_by {
            q.and_where(col("next_due_at").lte(to_micros(by)));
        }
        if filter.awaiting_approval {
            let pending = Query::select()
                .column(Alias::new("case_id"))
                .from(Alias::new("remedy_grants"))
                .and_where(col("status").eq("pending"))
                .to_owned();
            q.and_where(col("id").in_subquery(pending));
        }
        match filter.sort {
            CaseSort::Updated => {
                if let Some((at, id)) = filter.before {
                    let at = to_micros(at);
                    q.cond_where(
                        Cond::any().add(col("updated_at").lt(at)).add(
                            Cond::all()
                                .add(col("updated_at").eq(at))
                                .add(col("id").lt(id.0)),
                        ),
                    );
                }
                q.order_by(Alias::new("updated_at"), Order::Desc)
                    .order_by(Alias::new("id"), Order::Desc);
            }
            CaseSort::Due => {
                if let Some((due, id)) = filter.due_after {
                    q.cond_where(
                        Cond::any().add(col("next_due_at").gt(due)).add(
                            Cond::all()
                                .add(col("next_due_at").eq(due))
                                .add(col("id").gt(id.0)),
                        ),
                    );
                }
                q.order_by(Alias::new("next_due_at"), Order::Asc)
                    .order_by(Alias::new("id"), Order::Asc);
            }
        }
        q.limit(u64::from(filter.limit.clamp(1, 500)));
        q
    }

    /// Cases changed after `after` (microseconds), oldest first, at most `limit`: the feed
    /// behind live updates. Not scoped to a reader: callers show each reader only what their
    /// scope allows (the organization and contact are returned for that).
    pub async fn case_changes_since(&self, after: i64, limit: i64) -> Result<Vec<CaseChange>> {
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT number, organization_id, contact_id, updated_at FROM cases \
                 WHERE updated_at > $1 ORDER BY updated_at LIMIT $2",
                args![after, limit],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(CaseChange {
                    number: r.i64(0)?,
                    organization_id: r.opt_uuid(1)?.map(OrganizationId),
                    contact_id: ContactId(r.uuid(2)?),
                    updated_at: r.i64(3)?,
                })
            })
            .collect()
    }

    /// The latest `updated_at` of any case (microseconds), where the live feed starts.
    pub async fn latest_case_change(&self) -> Result<i64> {
        let mut row = self
            .read()
            .await?
            .fetch_one("SELECT COALESCE(MAX(updated_at), 0) FROM cases", &[])
            .await?;
        row.i64(0)
    }

    /// When each case's soonest running clock is due (`cases.next_due_at`), for list rows
    /// and the cursor of [`CaseSort::Due`]; [`NO_CLOCK_DUE`] when none runs.
    pub async fn next_due_times(
        &self,
        actor: &Actor,
        ids: &[CaseId],
    ) -> Result<std::collections::HashMap<CaseId, i64>> {
        actor.require(Action::ViewCases)?;
        if ids.is_empty() {
            return Ok(Default::default());
        }
        let q = Query::select()
            .columns([Alias::new("id"), Alias::new("next_due_at")])
            .from(Alias::new("cases"))
            .and_where(col("id").is_in(ids.iter().map(|id| id.0)))
            .to_owned();
        let rows = self.read().await?.fetch_all_built(&q).await?;
        rows.into_iter()
            .map(|mut r| Ok((CaseId(r.uuid(0)?), r.i64(1)?)))
            .collect()
    }

    /// Applies a change to a case, recording one event per changed attribute.
    pub async fn update_case(
        &self,
        actor: &Actor,
        id: CaseId,
        patch: &CasePatch,
        now: Timestamp,
    ) -> Result<(Case, Vec<Change>)> {
        actor.require(Action::UpdateCase)?;
        let actor_id = actor.user_id.0;
        let mut tx = self.write().await?;
        let case = load_case(&mut tx, actor.scope(), id).await?;
        let (next, changes) = case.apply(patch, now)?;
        if changes.is_empty() {
            return Ok((case, changes));
        }
        check_assignment(
            &mut tx,
            patch.team_id.flatten().filter(|t| Some(*t) != case.team_id),
            patch
                .assignee_id
                .flatten()
                .filter(|u| Some(*u) != case.assignee_id),
        )
        .await?;
        tx.execute(
            "UPDATE cases SET subject = $1, language = $2, category = $3, tags = $4, priority = $5, status = $6, \
             team_id = $7, assignee_id = $8, custom_fields = $9, updated_at = $10, \
             language_undecided = (language_undecided AND language = $2) WHERE id = $11",
            args![
                next.subject,
                next.language.code(),
                next.category,
                Json(&next.tags),
                next.priority.as_str(),
                next.status.as_str(),
                next.team_id.map(|t| t.0),
                next.assignee_id.map(|u| u.0),
                Json(&next.custom_fields),
                to_micros(now),
                id.0
            ],
        )
        .await?;
        for change in &changes {
            match change {
                Change::TagAdded { tag } => {
                    tx.execute(
                        "INSERT INTO case_tags (case_id, tag) VALUES ($1, $2)",
                        args![id.0, tag],
                    )
                    .await?;
                }
                Change::TagRemoved { tag } => {
                    tx.execute(
                        "DELETE FROM case_tags WHERE case_id = $1 AND tag = $2",
                        args![id.0, tag],
                    )
                    .await?;
                }
                Change::Status { from, to } => {
                    crate::clocks::after_status(self, &mut tx, id, *from, *to, now).await?;
                    crate::follow_ups::after_status(self, &mut tx, id, *to, now).await?;
                }
                _ => {}
            }
            insert_event(
                &mut tx,
                id,
                change,
                Some(actor_id),
                patch.reason.as_deref(),
                now,
            )
            .await?;
        }
        let kinds: Vec<&str> = changes.iter().map(Change::kind).collect();
        record(
            &mut tx,
            Some(actor_id),
            now,
            "case.update",
            "case",
            Some(id.to_string()),
            serde_json::json!({"changes": kinds}),
        )
        .await?;
        tx.commit().await?;
        Ok((next, changes))
    }

    /// Adds a message, note, consult question or consult answer to a case.
    pub async fn add_entry(
        &self,
        actor: &Actor,
        case_id: CaseId,
        new: &NewEntry,
        now: Timestamp,
    ) -> Result<Entry> {
        new.validate()?;
        let is_customer = actor.role == Role::Customer;
        match new.kind {
            EntryKind::Inbound if is_customer => actor.require(Action::AddMessage)?,
            EntryKind::Outbound if !is_customer => actor.require(Action::AddMessage)?,
            // Staff record a customer's message that arrived outside Accord (a phone call's content, a letter).
            EntryKind::Inbound => actor.require(Action::AddInternalEntry)?,
            EntryKind::Outbound => {
                return Err(
                    DomainError::Forbidden("write messages on behalf of the company").into(),
                );
            }
            _ => actor.require(Action::AddInternalEntry)?,
        }
        let actor_id = actor.user_id.0;
        let mut tx = self.write().await?;
        let case = load_case(&mut tx, actor.scope(), case_id).await?;
        if let Some(dept) = new.department_id
            && tx
                .fetch_optional("SELECT id FROM teams WHERE id = $1", args![dept.0])
                .await?
                .is_none()
        {
            return Err(DomainError::invalid(
                "department_id",
                "unknown_team",
                format!("no team or department has id {dept}"),
            )
            .into());
        }
        if let Some(question) = new.answers_entry_id {
            let found = tx
                .fetch_optional(
                    "SELECT kind FROM entries WHERE id = $1 AND case_id = $2",
                    args![question.0, case_id.0],
                )
                .await?;
            let is_question = match found {
                Some(mut r) => r.text(0)? == EntryKind::ConsultQuestion.as_str(),
                None => false,
            };
            if !is_question {
                return Err(DomainError::invalid(
                    "answers_entry_id",
                    "unknown_question",
                    "the answered entry must be a consult question of this case",
                )
                .into());
            }
        }
        let channel = new.channel.unwrap_or(if new.kind.is_public() {
            case.channel
        } else {
            Channel::Web
        });
        let entry = Entry {
            id: EntryId::new(),
            case_id,
            kind: new.kind,
            channel,
            body: new.body.clone(),
            author_user_id: if is_customer {
                None
            } else {
                Some(actor.user_id)
            },
            author_contact_id: match new.kind {
                EntryKind::Inbound => Some(if is_customer {
                    actor.contact_id.unwrap_or(case.contact_id)
                } else {
                    case.contact_id
                }),
                _ => None,
            },
            department_id: new.department_id,
            answers_entry_id: new.answers_entry_id,
            created_at: now,
        };
        tx.execute(
            INSERT_ENTRY,
            args![
                entry.id.0,
                case_id.0,
                entry.kind.as_str(),
                entry.channel.as_str(),
                entry.body,
                entry.author_user_id.map(|u| u.0),
                entry.author_contact_id.map(|c| c.0),
                entry.department_id.map(|t| t.0),
                entry.answers_entry_id.map(|e| e.0),
                to_micros(now)
            ],
        )
        .await?;
        tx.execute(
            "UPDATE cases SET updated_at = $1 WHERE id = $2",
            args![to_micros(now), case_id.0],
        )
        .await?;
        insert_event(
            &mut tx,
            case_id,
            &Change::EntryAdded {
                entry_id: entry.id,
                kind: entry.kind,
            },
            Some(actor_id),
            None,
            now,
        )
        .await?;
        match entry.kind {
            EntryKind::Outbound => {
                let purpose = crate::mail::Purpose::Reply;
                crate::mail::enqueue_for_entry(self, &mut tx, &case, &entry, purpose, None, now)
                    .await?;
                crate::clocks::after_reply(self, &mut tx, &case, now).await?;
                let mut case = case;
                crate::acknowledge::answered(self, &mut tx, &mut case, Some(actor_id), now).await?;
            }
            EntryKind::Inbound => {
                // Only the customer's own words decide an undecided language.
                if is_customer {
                    settle_language(&mut tx, &case, &entry.body, now).await?;
                }
                // Reading the policy and the case's facts only when the words call for it.
                if case.status.is_open() && accord_text::phrases::asks_for_manager(&entry.body) {
                    let wrote = Occasion::CustomerWrote(&entry.body);
                    crate::escalation::run_levels_once(
                        self,
                        &mut tx,
                        case_id,
                        case.policy_version,
                        wrote,
                        now,
                    )
                    .await?;
                }
            }
            _ => {}
        }
        let detail = serde_json::json!({"entry_id": entry.id, "kind": entry.kind.as_str()});
        record(
            &mut tx,
            Some(actor_id),
            now,
            "case.entry",
            "case",
            Some(case_id.to_string()),
            detail,
        )
        .await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// The conversation of a case, oldest first. Customers see only messages.
    pub async fn list_entries(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<Entry>> {
        let mut c = self.read().await?;
        actor.require(Action::ViewCases)?;
        load_case(&mut c, actor.scope(), case_id).await?;
        let sql = if actor.can(Action::ViewInternalEntries) {
            format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE case_id = $1 ORDER BY created_at, id"
            )
        } else {
            format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE case_id = $1 AND kind IN ('inbound', 'outbound') ORDER BY created_at, id"
            )
        };
        c.fetch_all(&sql, args![case_id.0])
            .await?
            .into_iter()
            .map(entry_from_row)
            .collect()
    }

    /// The history of a case: every recorded change, oldest first. Staff only, since it
    /// names internal entries.
    pub async fn list_events(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<CaseEvent>> {
        actor.require(Action::ViewInternalEntries)?;
        let mut c = self.read().await?;
        load_case(&mut c, actor.scope(), case_id).await?;
        let rows = c.fetch_all("SELECT id, data, actor_user_id, reason, at FROM case_events WHERE case_id = $1 ORDER BY at, id", args![case_id.0]).await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(CaseEvent {
                    id: EventId(r.uuid(0)?),
                    change: r.json(1)?,
                    actor_user_id: r.opt_uuid(2)?.map(UserId),
                    reason: r.opt_text(3)?,
                    at: from_micros(r.i64(4)?)?,
                })
            })
            .collect()
    }

    /// Links two cases (duplicate, related, merged into), recorded on both.
    pub async fn link_cases(
        &self,
        actor: &Actor,
        case_id: CaseId,
        other: CaseId,
        kind: LinkKind,
        now: Timestamp,
    ) -> Result<()> {
        actor.require(Action::UpdateCase)?;
        if case_id == other {
            return Err(DomainError::invalid(
                "other_case_id",
                "self_link",
                "a case cannot be linked to itself",
            )
            .into());
        }
        let actor_id = actor.user_id.0;
        let mut tx = self.write().await?;
        load_case(&mut tx, actor.scope(), case_id).await?;
        if tx
            .fetch_optional("SELECT id FROM cases WHERE id = $1", args![other.0])
            .await?
            .is_none()
        {
            return Err(DomainError::invalid(
                "other_case_id",
                "unknown_case",
                format!("no case has id {other}"),
            )
            .into());
        }
        let inserted = tx
            .execute(
                "INSERT INTO case_links (case_id, other_case_id, kind, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                args![case_id.0, other.0, kind.as_str(), to_micros(now)],
            )
            .await?;
        if inserted > 0 {
            insert_event(
                &mut tx,
                case_id,
                &Change::Linked { kind, other },
                Some(actor_id),
                None,
                now,
            )
            .await?;
            insert_event(
                &mut tx,
                other,
                &Change::Linked {
                    kind,
                    other: case_id,
                },
                Some(actor_id),
                None,
                now,
            )
            .await?;
            tx.execute(
                "UPDATE cases SET updated_at = $1 WHERE id = $2 OR id = $3",
                args![to_micros(now), case_id.0, other.0],
            )
            .await?;
            let detail = serde_json::json!({"other": other, "kind": kind.as_str()});
            record(
                &mut tx,
                Some(actor_id),
                now,
                "case.link",
                "case",
                Some(case_id.to_string()),
                detail,
            )
            .await?;
        }
        tx.commit().await
    }

    pub async fn list_links(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<CaseLink>> {
        actor.require(Action::ViewCases)?;
        let scope = actor.scope();
        let mut c = self.read().await?;
        load_case(&mut c, scope, case_id).await?;
        let (all, org, contact) = scope_binds(scope);
        // A customer sees links only to cases they could open themselves.
        let sql = format!(
            "SELECT l.kind, c.id, c.number, c.subject, $2 FROM case_links l JOIN cases c ON c.id = l.other_case_id WHERE l.case_id = $1 AND {scope} \
             UNION ALL \
             SELECT l.kind, c.id, c.number, c.subject, $3 FROM case_links l JOIN cases c ON c.id = l.case_id WHERE l.other_case_id = $1 AND {scope} \
             ORDER BY 3",
            scope = scoped(4)
                .replace("organization_id", "c.organization_id")
                .replace("contact_id", "c.contact_id"),
        );
        let rows = c
            .fetch_all(&sql, args![case_id.0, false, true, all, org, contact])
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(CaseLink {
                    kind: parse(&r.text(0)?, "case_links.kind", LinkKind::parse)?,
                    other_case_id: CaseId(r.uuid(1)?),
                    other_number: r.i64(2)?,
                    other_subject: r.text(3)?,
                    incoming: r.bool(4)?,
                })
            })
            .collect()
    }
}
