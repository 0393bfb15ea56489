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
use jiff::Timestamp;
use sea_query::{Alias, Asterisk, Cond, Expr, Order, Query};
use sea_query_binder::SqlxBinder;
use serde::Serialize;
use sqlx::types::Json;
use uuid::Uuid;

use crate::codec::{from_micros, parse, parse_language, to_micros};
use crate::idempotency::{self, IdempotencyKey, Replay};
use crate::{Result, Store, StoreError};

const CASE_COLUMNS: &str = "id, number, subject, channel, language, category, tags, priority, status, \
     organization_id, contact_id, team_id, assignee_id, custom_fields, created_at, updated_at";

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: Uuid,
    number: i64,
    subject: String,
    channel: String,
    language: String,
    category: Option<String>,
    tags: Json<Vec<String>>,
    priority: String,
    status: String,
    organization_id: Option<Uuid>,
    contact_id: Uuid,
    team_id: Option<Uuid>,
    assignee_id: Option<Uuid>,
    custom_fields: Json<BTreeMap<String, FieldValue>>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<CaseRow> for Case {
    type Error = StoreError;
    fn try_from(r: CaseRow) -> Result<Case> {
        Ok(Case {
            id: CaseId(r.id),
            number: r.number,
            subject: r.subject,
            channel: parse(&r.channel, "cases.channel", Channel::parse)?,
            language: parse_language(&r.language, "cases.language")?,
            category: r.category,
            tags: r.tags.0,
            priority: parse(&r.priority, "cases.priority", Priority::parse)?,
            status: parse(&r.status, "cases.status", CaseStatus::parse)?,
            organization_id: r.organization_id.map(OrganizationId),
            contact_id: ContactId(r.contact_id),
            team_id: r.team_id.map(TeamId),
            assignee_id: r.assignee_id.map(UserId),
            custom_fields: r.custom_fields.0,
            created_at: from_micros(r.created_at)?,
            updated_at: from_micros(r.updated_at)?,
        })
    }
}

/// id, change, actor, reason, at
type EventRow = (Uuid, Json<Change>, Option<Uuid>, Option<String>, i64);

const ENTRY_COLUMNS: &str = "id, case_id, kind, channel, body, author_user_id, author_contact_id, department_id, answers_entry_id, created_at";

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: Uuid,
    case_id: Uuid,
    kind: String,
    channel: String,
    body: String,
    author_user_id: Option<Uuid>,
    author_contact_id: Option<Uuid>,
    department_id: Option<Uuid>,
    answers_entry_id: Option<Uuid>,
    created_at: i64,
}

impl TryFrom<EntryRow> for Entry {
    type Error = StoreError;
    fn try_from(r: EntryRow) -> Result<Entry> {
        Ok(Entry {
            id: EntryId(r.id),
            case_id: CaseId(r.case_id),
            kind: parse(&r.kind, "entries.kind", EntryKind::parse)?,
            channel: parse(&r.channel, "entries.channel", Channel::parse)?,
            body: r.body,
            author_user_id: r.author_user_id.map(UserId),
            author_contact_id: r.author_contact_id.map(ContactId),
            department_id: r.department_id.map(TeamId),
            answers_entry_id: r.answers_entry_id.map(EntryId),
            created_at: from_micros(r.created_at)?,
        })
    }
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
    /// Cursor: cases updated strictly before this (updated_at, id) pair.
    pub before: Option<(Timestamp, CaseId)>,
    pub limit: u32,
}

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

/// Inserts one case event inside a transaction.
macro_rules! insert_event {
    ($tx:expr, $case:expr, $change:expr, $actor:expr, $reason:expr, $at:expr) => {
        sqlx::query("INSERT INTO case_events (id, case_id, kind, data, actor_user_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(Uuid::now_v7())
            .bind($case)
            .bind($change.kind())
            .bind(Json($change))
            .bind($actor)
            .bind($reason)
            .bind(to_micros($at))
            .execute(&mut *$tx)
            .await?
    };
}

/// Loads a case inside a transaction, within the actor's scope.
macro_rules! load_case_tx {
    ($tx:expr, $scope:expr, $id:expr) => {{
        let (all, org, contact) = scope_binds($scope);
        let row: Option<CaseRow> = sqlx::query_as(&format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE id = $1 AND {}",
            scoped(2)
        ))
        .bind($id)
        .bind(all)
        .bind(org)
        .bind(contact)
        .fetch_optional(&mut *$tx)
        .await?;
        Case::try_from(row.ok_or(StoreError::not_found("case"))?)?
    }};
}

/// Checks that a team and an assignee named by a change exist and can hold cases.
macro_rules! check_assignment {
    ($tx:expr, $team:expr, $assignee:expr) => {
        if let Some(team) = $team {
            let found: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM teams WHERE id = $1")
                .bind(team.0)
                .fetch_optional(&mut *$tx)
                .await?;
            if found.is_none() {
                return Err(DomainError::invalid(
                    "team_id",
                    "unknown_team",
                    format!("no team has id {team}"),
                )
                .into());
            }
        }
        if let Some(user) = $assignee {
            let found: Option<(String, bool)> =
                sqlx::query_as("SELECT role, active FROM users WHERE id = $1")
                    .bind(user.0)
                    .fetch_optional(&mut *$tx)
                    .await?;
            match found {
                Some((role, true)) if role != Role::Customer.as_str() => {}
                _ => {
                    return Err(DomainError::invalid(
                        "assignee_id",
                        "unknown_agent",
                        format!("no active staff member has id {user}"),
                    )
                    .into());
                }
            }
        }
    };
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
        match self.create_case_once(actor, &new, idempotency, now).await {
            // Two concurrent requests with one key: the loser's transaction rolled back;
            // running again finds the winner's stored response.
            Err(e) if idempotency.is_some() && e.is_unique_violation() => {
                self.create_case_once(actor, &new, idempotency, now).await
            }
            other => other,
        }
    }

    async fn create_case_once(
        &self,
        actor: &Actor,
        new: &NewCase,
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
        let case: Case = write_tx!(self, |tx| {
            if let Some(key) = idempotency {
                let row: Option<(Vec<u8>, i32, String)> = sqlx::query_as(idempotency::LOOKUP)
                    .bind(actor_id)
                    .bind(&key.key)
                    .fetch_optional(&mut *tx)
                    .await?;
                match idempotency::replay(row, &key.fingerprint) {
                    Replay::New => {}
                    Replay::Stored { status, body } => {
                        return Ok(Created::Replayed { status, body });
                    }
                    Replay::Mismatch => {
                        return Err(DomainError::Conflict(
                            "this Idempotency-Key was used for a different request; use a new key for a new request".into(),
                        )
                        .into());
                    }
                }
            }
            let contact: Option<(Option<Uuid>, Option<String>)> = sqlx::query_as(
                "SELECT organization_id, preferred_language FROM contacts WHERE id = $1",
            )
            .bind(contact_id.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((organization, preferred)) = contact else {
                return Err(DomainError::invalid(
                    "contact_id",
                    "unknown_contact",
                    format!("no contact has id {contact_id}"),
                )
                .into());
            };
            let organization = organization.map(OrganizationId);
            if !actor.scope().includes(organization, Some(contact_id)) {
                return Err(DomainError::invalid(
                    "contact_id",
                    "unknown_contact",
                    format!("no contact has id {contact_id}"),
                )
                .into());
            }
            check_assignment!(tx, new.team_id, new.assignee_id);
            let (number,): (i64,) = sqlx::query_as(
                "UPDATE sequences SET value = value + 1 WHERE name = 'case_number' RETURNING value",
            )
            .fetch_one(&mut *tx)
            .await?;
            let language = new
                .language
                .or_else(|| preferred.as_deref().and_then(Language::from_tag))
                .unwrap_or(Language::En);
            let mut tags = Vec::new();
            for tag in &new.tags {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
            }
            let channel = new.channel.unwrap_or(if is_customer {
                Channel::Web
            } else {
                Channel::Api
            });
            let case = Case {
                id: CaseId::new(),
                number,
                subject: new.subject.trim().to_owned(),
                channel,
                language,
                category: new.category.as_deref().map(str::trim).map(str::to_owned),
                tags,
                priority: new.priority.unwrap_or(Priority::Normal),
                status: CaseStatus::New,
                organization_id: organization,
                contact_id,
                team_id: new.team_id,
                assignee_id: new.assignee_id,
                custom_fields: new.custom_fields.clone(),
                created_at: now,
                updated_at: now,
            };
            sqlx::query(
                "INSERT INTO cases (id, number, subject, channel, language, category, tags, priority, status, organization_id, \
                 contact_id, team_id, assignee_id, custom_fields, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
            )
            .bind(case.id.0)
            .bind(case.number)
            .bind(&case.subject)
            .bind(case.channel.as_str())
            .bind(case.language.code())
            .bind(&case.category)
            .bind(Json(&case.tags))
            .bind(case.priority.as_str())
            .bind(case.status.as_str())
            .bind(case.organization_id.map(|o| o.0))
            .bind(case.contact_id.0)
            .bind(case.team_id.map(|t| t.0))
            .bind(case.assignee_id.map(|u| u.0))
            .bind(Json(&case.custom_fields))
            .bind(to_micros(now))
            .bind(to_micros(now))
            .execute(&mut *tx)
            .await?;
            for tag in &case.tags {
                sqlx::query("INSERT INTO case_tags (case_id, tag) VALUES ($1, $2)")
                    .bind(case.id.0)
                    .bind(tag)
                    .execute(&mut *tx)
                    .await?;
            }
            insert_event!(
                tx,
                case.id.0,
                Change::Created,
                Some(actor_id),
                None::<String>,
                now
            );
            if let Some(body) = &new.body {
                let entry_id = EntryId::new();
                sqlx::query(&format!("INSERT INTO entries ({ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"))
                    .bind(entry_id.0)
                    .bind(case.id.0)
                    .bind(EntryKind::Inbound.as_str())
                    .bind(channel.as_str())
                    .bind(body)
                    .bind(if is_customer { None } else { Some(actor_id) })
                    .bind(contact_id.0)
                    .bind(None::<Uuid>)
                    .bind(None::<Uuid>)
                    .bind(to_micros(now))
                    .execute(&mut *tx)
                    .await?;
                let change = Change::EntryAdded {
                    entry_id,
                    kind: EntryKind::Inbound,
                };
                insert_event!(tx, case.id.0, change, Some(actor_id), None::<String>, now);
            }
            if let Some(key) = idempotency {
                let body =
                    serde_json::to_string(&case).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                sqlx::query(idempotency::INSERT)
                    .bind(actor_id)
                    .bind(&key.key)
                    .bind(&key.fingerprint)
                    .bind(201_i32)
                    .bind(body)
                    .bind(to_micros(now))
                    .execute(&mut *tx)
                    .await?;
            }
            audit!(
                tx,
                Some(actor_id),
                now,
                "case.create",
                "case",
                Some(case.id.to_string()),
                serde_json::json!({"number": case.number})
            );
            case
        });
        Ok(Created::New(case))
    }

    pub async fn get_case(&self, actor: &Actor, id: CaseId) -> Result<Case> {
        actor.require(Action::ViewCases)?;
        let (all, org, contact) = scope_binds(actor.scope());
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE id = $1 AND {}",
            scoped(2)
        );
        let row: Option<CaseRow> = read_db!(self, |ex| {
            sqlx::query_as(&sql)
                .bind(id.0)
                .bind(all)
                .bind(org)
                .bind(contact)
                .fetch_optional(ex)
                .await?
        });
        row.ok_or(StoreError::not_found("case"))?.try_into()
    }

    pub async fn get_case_by_number(&self, actor: &Actor, number: i64) -> Result<Case> {
        actor.require(Action::ViewCases)?;
        let (all, org, contact) = scope_binds(actor.scope());
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE number = $1 AND {}",
            scoped(2)
        );
        let row: Option<CaseRow> = read_db!(self, |ex| {
            sqlx::query_as(&sql)
                .bind(number)
                .bind(all)
                .bind(org)
                .bind(contact)
                .fetch_optional(ex)
                .await?
        });
        row.ok_or(StoreError::not_found("case"))?.try_into()
    }

    /// Cases matching a filter, most recently updated first, within the actor's scope.
    pub async fn list_cases(&self, actor: &Actor, filter: &CaseFilter) -> Result<Vec<Case>> {
        actor.require(Action::ViewCases)?;
        let mut q = Query::select();
        q.column(Asterisk).from(Alias::new("cases"));
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
            q.and_where(
                col("team_id").in_subquery(
                    Query::select()
                        .column(Alias::new("team_id"))
                        .from(Alias::new("team_members"))
                        .and_where(col("user_id").eq(u.0))
                        .to_owned(),
                ),
            );
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
            q.and_where(
                col("id").in_subquery(
                    Query::select()
                        .column(Alias::new("case_id"))
                        .from(Alias::new("case_tags"))
                        .and_where(col("tag").eq(tag.as_str()))
                        .to_owned(),
                ),
            );
        }
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
            .order_by(Alias::new("id"), Order::Desc)
            .limit(u64::from(filter.limit.clamp(1, 500)));
        let rows: Vec<CaseRow> = read_db!(self, |ex, qb| {
            let (sql, values) = q.build_sqlx(qb);
            sqlx::query_as_with(&sql, values).fetch_all(ex).await?
        });
        rows.into_iter().map(Case::try_from).collect()
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
        let out = write_tx!(self, |tx| {
            let case = load_case_tx!(tx, actor.scope(), id.0);
            let (next, changes) = case.apply(patch, now)?;
            if changes.is_empty() {
                return Ok((case, changes));
            }
            check_assignment!(
                tx,
                patch.team_id.flatten().filter(|t| Some(*t) != case.team_id),
                patch
                    .assignee_id
                    .flatten()
                    .filter(|u| Some(*u) != case.assignee_id)
            );
            sqlx::query(
                "UPDATE cases SET subject = $1, language = $2, category = $3, tags = $4, priority = $5, status = $6, \
                 team_id = $7, assignee_id = $8, custom_fields = $9, updated_at = $10 WHERE id = $11",
            )
            .bind(&next.subject)
            .bind(next.language.code())
            .bind(&next.category)
            .bind(Json(&next.tags))
            .bind(next.priority.as_str())
            .bind(next.status.as_str())
            .bind(next.team_id.map(|t| t.0))
            .bind(next.assignee_id.map(|u| u.0))
            .bind(Json(&next.custom_fields))
            .bind(to_micros(now))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
            for change in &changes {
                match change {
                    Change::TagAdded { tag } => {
                        sqlx::query("INSERT INTO case_tags (case_id, tag) VALUES ($1, $2)")
                            .bind(id.0)
                            .bind(tag)
                            .execute(&mut *tx)
                            .await?;
                    }
                    Change::TagRemoved { tag } => {
                        sqlx::query("DELETE FROM case_tags WHERE case_id = $1 AND tag = $2")
                            .bind(id.0)
                            .bind(tag)
                            .execute(&mut *tx)
                            .await?;
                    }
                    _ => {}
                }
                insert_event!(tx, id.0, change, Some(actor_id), &patch.reason, now);
            }
            let kinds: Vec<&str> = changes.iter().map(Change::kind).collect();
            audit!(
                tx,
                Some(actor_id),
                now,
                "case.update",
                "case",
                Some(id.to_string()),
                serde_json::json!({"changes": kinds})
            );
            (next, changes)
        });
        Ok(out)
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
        let entry = write_tx!(self, |tx| {
            let case = load_case_tx!(tx, actor.scope(), case_id.0);
            if let Some(dept) = new.department_id {
                let found: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM teams WHERE id = $1")
                    .bind(dept.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                if found.is_none() {
                    return Err(DomainError::invalid(
                        "department_id",
                        "unknown_team",
                        format!("no team or department has id {dept}"),
                    )
                    .into());
                }
            }
            if let Some(question) = new.answers_entry_id {
                let found: Option<(String,)> =
                    sqlx::query_as("SELECT kind FROM entries WHERE id = $1 AND case_id = $2")
                        .bind(question.0)
                        .bind(case_id.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                if found.as_ref().map(|(k,)| k.as_str())
                    != Some(EntryKind::ConsultQuestion.as_str())
                {
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
            sqlx::query(&format!("INSERT INTO entries ({ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"))
                .bind(entry.id.0)
                .bind(case_id.0)
                .bind(entry.kind.as_str())
                .bind(entry.channel.as_str())
                .bind(&entry.body)
                .bind(entry.author_user_id.map(|u| u.0))
                .bind(entry.author_contact_id.map(|c| c.0))
                .bind(entry.department_id.map(|t| t.0))
                .bind(entry.answers_entry_id.map(|e| e.0))
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE cases SET updated_at = $1 WHERE id = $2")
                .bind(to_micros(now))
                .bind(case_id.0)
                .execute(&mut *tx)
                .await?;
            let change = Change::EntryAdded {
                entry_id: entry.id,
                kind: entry.kind,
            };
            insert_event!(tx, case_id.0, change, Some(actor_id), None::<String>, now);
            audit!(
                tx,
                Some(actor_id),
                now,
                "case.entry",
                "case",
                Some(case_id.to_string()),
                serde_json::json!({"entry_id": entry.id, "kind": entry.kind.as_str()})
            );
            entry
        });
        Ok(entry)
    }

    /// The conversation of a case, oldest first. Customers see only messages.
    pub async fn list_entries(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<Entry>> {
        self.get_case(actor, case_id).await?;
        let internal = actor.can(Action::ViewInternalEntries);
        let sql = if internal {
            format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE case_id = $1 ORDER BY created_at, id"
            )
        } else {
            format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE case_id = $1 AND kind IN ('inbound', 'outbound') ORDER BY created_at, id"
            )
        };
        let rows: Vec<EntryRow> = read_db!(self, |ex| sqlx::query_as(&sql)
            .bind(case_id.0)
            .fetch_all(ex)
            .await?);
        rows.into_iter().map(Entry::try_from).collect()
    }

    /// The history of a case: every recorded change, oldest first. Staff only, since it
    /// names internal entries.
    pub async fn list_events(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<CaseEvent>> {
        actor.require(Action::ViewInternalEntries)?;
        self.get_case(actor, case_id).await?;
        let rows: Vec<EventRow> = read_db!(self, |ex| {
            sqlx::query_as("SELECT id, data, actor_user_id, reason, at FROM case_events WHERE case_id = $1 ORDER BY at, id")
                .bind(case_id.0)
                .fetch_all(ex)
                .await?
        });
        rows.into_iter()
            .map(|(id, change, actor, reason, at)| {
                Ok(CaseEvent {
                    id: EventId(id),
                    change: change.0,
                    actor_user_id: actor.map(UserId),
                    reason,
                    at: from_micros(at)?,
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
        write_tx!(self, |tx| {
            load_case_tx!(tx, actor.scope(), case_id.0);
            let found: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM cases WHERE id = $1")
                .bind(other.0)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(DomainError::invalid(
                    "other_case_id",
                    "unknown_case",
                    format!("no case has id {other}"),
                )
                .into());
            }
            let inserted = sqlx::query("INSERT INTO case_links (case_id, other_case_id, kind, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .bind(case_id.0)
                .bind(other.0)
                .bind(kind.as_str())
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
            if inserted.rows_affected() > 0 {
                insert_event!(
                    tx,
                    case_id.0,
                    Change::Linked { kind, other },
                    Some(actor_id),
                    None::<String>,
                    now
                );
                insert_event!(
                    tx,
                    other.0,
                    Change::Linked {
                        kind,
                        other: case_id
                    },
                    Some(actor_id),
                    None::<String>,
                    now
                );
                sqlx::query("UPDATE cases SET updated_at = $1 WHERE id = $2 OR id = $3")
                    .bind(to_micros(now))
                    .bind(case_id.0)
                    .bind(other.0)
                    .execute(&mut *tx)
                    .await?;
                audit!(
                    tx,
                    Some(actor_id),
                    now,
                    "case.link",
                    "case",
                    Some(case_id.to_string()),
                    serde_json::json!({"other": other, "kind": kind.as_str()})
                );
            }
        });
        Ok(())
    }

    pub async fn list_links(&self, actor: &Actor, case_id: CaseId) -> Result<Vec<CaseLink>> {
        self.get_case(actor, case_id).await?;
        let rows: Vec<(String, Uuid, i64, String, bool)> = read_db!(self, |ex| {
            sqlx::query_as(
                "SELECT l.kind, c.id, c.number, c.subject, $2 FROM case_links l JOIN cases c ON c.id = l.other_case_id WHERE l.case_id = $1 \
                 UNION ALL \
                 SELECT l.kind, c.id, c.number, c.subject, $3 FROM case_links l JOIN cases c ON c.id = l.case_id WHERE l.other_case_id = $1 \
                 ORDER BY 3",
            )
            .bind(case_id.0)
            .bind(false)
            .bind(true)
            .fetch_all(ex)
            .await?
        });
        let scope = actor.scope();
        let mut links = Vec::new();
        for (kind, id, number, subject, incoming) in rows {
            // A customer sees links only to cases they could open themselves.
            if scope != Scope::All && self.get_case(actor, CaseId(id)).await.is_err() {
                continue;
            }
            links.push(CaseLink {
                kind: parse(&kind, "case_links.kind", LinkKind::parse)?,
                other_case_id: CaseId(id),
                other_number: number,
                other_subject: subject,
                incoming,
            });
        }
        Ok(links)
    }

    /// Counts of open cases per status, for the inbox's filter bar.
    pub async fn count_open_by_status(&self, actor: &Actor) -> Result<Vec<(CaseStatus, i64)>> {
        actor.require(Action::ViewCases)?;
        let (all, org, contact) = scope_binds(actor.scope());
        let rows: Vec<(String, i64)> = read_db!(self, |ex| {
            sqlx::query_as(&format!(
                "SELECT status, COUNT(*) FROM cases WHERE {} GROUP BY status",
                scoped(1)
            ))
            .bind(all)
            .bind(org)
            .bind(contact)
            .fetch_all(ex)
            .await?
        });
        rows.into_iter()
            .map(|(s, n)| Ok((parse(&s, "cases.status", CaseStatus::parse)?, n)))
            .collect()
    }
}
