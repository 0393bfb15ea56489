//! Organizations (accounts) and contacts, with the account facts of A3.

use accord_core::DomainError;
use accord_core::access::{Action, Actor, Scope};
use accord_core::ids::*;
use accord_core::people::*;
use jiff::Timestamp;
use jiff::civil::Date;
use uuid::Uuid;

use crate::codec::{from_micros, parse, parse_language, to_micros};
use crate::{Result, Store, StoreError};

const ORG_COLUMNS: &str = "id, name, tier, annual_revenue_minor, currency, customer_since, account_manager_id, billing_notes, contract_ref, created_at";

#[derive(sqlx::FromRow)]
struct OrgRow {
    id: Uuid,
    name: String,
    tier: String,
    annual_revenue_minor: Option<i64>,
    currency: Option<String>,
    customer_since: Option<String>,
    account_manager_id: Option<Uuid>,
    billing_notes: Option<String>,
    contract_ref: Option<String>,
    created_at: i64,
}

impl TryFrom<OrgRow> for Organization {
    type Error = StoreError;
    fn try_from(r: OrgRow) -> Result<Organization> {
        Ok(Organization {
            id: OrganizationId(r.id),
            name: r.name,
            tier: parse(&r.tier, "organizations.tier", Tier::parse)?,
            annual_revenue_minor: r.annual_revenue_minor,
            currency: r.currency,
            customer_since: r
                .customer_since
                .map(|d| {
                    d.parse::<Date>().map_err(|e| {
                        StoreError::Corrupt(format!("organizations.customer_since {d:?}: {e}"))
                    })
                })
                .transpose()?,
            account_manager_id: r.account_manager_id.map(UserId),
            billing_notes: r.billing_notes,
            contract_ref: r.contract_ref,
            created_at: from_micros(r.created_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    id: Uuid,
    name: String,
    organization_id: Option<Uuid>,
    preferred_language: Option<String>,
    created_at: i64,
}

/// Everything an agent needs about an account on one screen (A3).
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Account {
    pub organization: Organization,
    pub account_manager_name: Option<String>,
    pub expectations: Vec<Expectation>,
    pub responsibilities: Vec<Responsibility>,
    pub contacts: Vec<Contact>,
    pub open_cases: i64,
    pub total_cases: i64,
}

type ExpRow = (Uuid, String, String, Option<Uuid>, i64);
type RespRow = (Uuid, String, String, String);
/// manager name, promises, responsibilities, (open, total) case counts
type AccountRows = (Option<(String,)>, Vec<ExpRow>, Vec<RespRow>, (i64, i64));

fn org_visible(scope: Scope, id: OrganizationId) -> bool {
    match scope {
        Scope::All => true,
        Scope::Organization(o) => o == id,
        Scope::Contact(_) | Scope::Nothing => false,
    }
}

/// Checks that an account manager is an active staff member.
macro_rules! check_manager {
    ($tx:expr, $manager:expr) => {
        if let Some(manager) = $manager {
            let found: Option<(String,)> =
                sqlx::query_as("SELECT role FROM users WHERE id = $1 AND active = $2")
                    .bind(manager.0)
                    .bind(true)
                    .fetch_optional(&mut *$tx)
                    .await?;
            if !found.is_some_and(|(role,)| role != Role::Customer.as_str()) {
                return Err(DomainError::invalid(
                    "account_manager_id",
                    "unknown_staff",
                    format!("no active staff member has id {manager}"),
                )
                .into());
            }
        }
    };
}

/// Replaces a contact's identities; a value already used by another contact is refused.
macro_rules! write_identities {
    ($tx:expr, $contact:expr, $identities:expr) => {
        sqlx::query("DELETE FROM contact_identities WHERE contact_id = $1").bind($contact.0).execute(&mut *$tx).await?;
        for (i, identity) in $identities.iter().enumerate() {
            let value = normalize_identity(identity.kind, &identity.value);
            let taken: Option<(Uuid,)> = sqlx::query_as("SELECT contact_id FROM contact_identities WHERE kind = $1 AND value = $2")
                .bind(identity.kind.as_str())
                .bind(&value)
                .fetch_optional(&mut *$tx)
                .await?;
            if taken.is_some() {
                return Err(DomainError::invalid(format!("identities/{i}/value"), "taken", format!("{value} already belongs to another contact")).into());
            }
            sqlx::query("INSERT INTO contact_identities (contact_id, kind, value, position) VALUES ($1, $2, $3, $4)")
                .bind($contact.0)
                .bind(identity.kind.as_str())
                .bind(&value)
                .bind(i as i64)
                .execute(&mut *$tx)
                .await?;
        }
    };
}

impl Store {
    pub async fn create_organization(
        &self,
        actor: Option<&Actor>,
        input: OrganizationInput,
        now: Timestamp,
    ) -> Result<Organization> {
        if let Some(actor) = actor {
            actor.require(Action::ManageOrganizations)?;
        }
        input.validate(true)?;
        let id = OrganizationId::new();
        let actor_id = actor.map(|a| a.user_id.0);
        write_tx!(self, |tx| {
            check_manager!(tx, input.account_manager_id);
            sqlx::query(&format!("INSERT INTO organizations ({ORG_COLUMNS}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)"))
                .bind(id.0)
                .bind(input.name.as_deref().map(str::trim))
                .bind(input.tier.unwrap_or(Tier::Standard).as_str())
                .bind(input.annual_revenue_minor)
                .bind(&input.currency)
                .bind(input.customer_since.map(|d| d.to_string()))
                .bind(input.account_manager_id.map(|u| u.0))
                .bind(&input.billing_notes)
                .bind(&input.contract_ref)
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                actor_id,
                now,
                "organization.create",
                "organization",
                Some(id.to_string()),
                serde_json::json!({"name": input.name})
            );
        });
        let row: Option<OrgRow> = read_db!(self, |ex| {
            sqlx::query_as(&format!(
                "SELECT {ORG_COLUMNS} FROM organizations WHERE id = $1"
            ))
            .bind(id.0)
            .fetch_optional(ex)
            .await?
        });
        row.ok_or(StoreError::not_found("organization"))?.try_into()
    }

    pub async fn update_organization(
        &self,
        actor: &Actor,
        id: OrganizationId,
        input: OrganizationInput,
        now: Timestamp,
    ) -> Result<Organization> {
        actor.require(Action::ManageOrganizations)?;
        input.validate(false)?;
        let current = self.get_organization(actor, id).await?;
        let actor_id = actor.user_id.0;
        write_tx!(self, |tx| {
            check_manager!(tx, input.account_manager_id);
            sqlx::query(
                "UPDATE organizations SET name = $1, tier = $2, annual_revenue_minor = $3, currency = $4, customer_since = $5, \
                 account_manager_id = $6, billing_notes = $7, contract_ref = $8, updated_at = $9 WHERE id = $10",
            )
            .bind(input.name.as_deref().map(str::trim).unwrap_or(&current.name))
            .bind(input.tier.unwrap_or(current.tier).as_str())
            .bind(input.annual_revenue_minor.or(current.annual_revenue_minor))
            .bind(input.currency.as_ref().or(current.currency.as_ref()))
            .bind(input.customer_since.or(current.customer_since).map(|d| d.to_string()))
            .bind(input.account_manager_id.or(current.account_manager_id).map(|u| u.0))
            .bind(input.billing_notes.as_ref().or(current.billing_notes.as_ref()))
            .bind(input.contract_ref.as_ref().or(current.contract_ref.as_ref()))
            .bind(to_micros(now))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                Some(actor_id),
                now,
                "organization.update",
                "organization",
                Some(id.to_string()),
                serde_json::json!({})
            );
        });
        self.get_organization(actor, id).await
    }

    pub async fn get_organization(
        &self,
        actor: &Actor,
        id: OrganizationId,
    ) -> Result<Organization> {
        actor.require(Action::ViewOrganizations)?;
        if !org_visible(actor.scope(), id) {
            return Err(StoreError::not_found("organization"));
        }
        let row: Option<OrgRow> = read_db!(self, |ex| {
            sqlx::query_as(&format!(
                "SELECT {ORG_COLUMNS} FROM organizations WHERE id = $1"
            ))
            .bind(id.0)
            .fetch_optional(ex)
            .await?
        });
        row.ok_or(StoreError::not_found("organization"))?.try_into()
    }

    pub async fn list_organizations(
        &self,
        actor: &Actor,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Organization>> {
        actor.require(Action::ViewOrganizations)?;
        let only: Option<Uuid> = match actor.scope() {
            Scope::All => None,
            Scope::Organization(o) => Some(o.0),
            Scope::Contact(_) | Scope::Nothing => return Ok(Vec::new()),
        };
        let rows: Vec<OrgRow> = read_db!(self, |ex| {
            sqlx::query_as(&format!(
                "SELECT {ORG_COLUMNS} FROM organizations WHERE ($1 OR id = $2) ORDER BY name, id LIMIT $3 OFFSET $4"
            ))
            .bind(only.is_none())
            .bind(only)
            .bind(i64::from(limit.clamp(1, 500)))
            .bind(i64::from(offset))
            .fetch_all(ex)
            .await?
        });
        rows.into_iter().map(Organization::try_from).collect()
    }

    pub async fn add_expectation(
        &self,
        actor: &Actor,
        org: OrganizationId,
        input: ExpectationInput,
        now: Timestamp,
    ) -> Result<Expectation> {
        actor.require(Action::ManageOrganizations)?;
        input.validate()?;
        self.get_organization(actor, org).await?;
        let e = Expectation {
            id: ExpectationId::new(),
            organization_id: org,
            kind: input.kind,
            description: input.description.trim().to_owned(),
            recorded_by: Some(actor.user_id),
            recorded_at: now,
        };
        write_tx!(self, |tx| {
            sqlx::query("INSERT INTO expectations (id, organization_id, kind, description, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(e.id.0)
                .bind(org.0)
                .bind(e.kind.as_str())
                .bind(&e.description)
                .bind(actor.user_id.0)
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                Some(actor.user_id.0),
                now,
                "organization.expectation",
                "organization",
                Some(org.to_string()),
                serde_json::json!({"id": e.id})
            );
        });
        Ok(e)
    }

    pub async fn add_responsibility(
        &self,
        actor: &Actor,
        org: OrganizationId,
        input: ResponsibilityInput,
        now: Timestamp,
    ) -> Result<Responsibility> {
        actor.require(Action::ManageOrganizations)?;
        input.validate()?;
        self.get_organization(actor, org).await?;
        let r = Responsibility {
            id: ResponsibilityId::new(),
            organization_id: org,
            area: input.area.trim().to_owned(),
            party: input.party,
            description: input.description.trim().to_owned(),
        };
        write_tx!(self, |tx| {
            sqlx::query("INSERT INTO responsibilities (id, organization_id, area, party, description, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(r.id.0)
                .bind(org.0)
                .bind(&r.area)
                .bind(r.party.as_str())
                .bind(&r.description)
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                Some(actor.user_id.0),
                now,
                "organization.responsibility",
                "organization",
                Some(org.to_string()),
                serde_json::json!({"id": r.id})
            );
        });
        Ok(r)
    }

    /// The account view (A3). Customers see their own account without internal staff notes.
    pub async fn account(&self, actor: &Actor, org: OrganizationId) -> Result<Account> {
        let organization = self.get_organization(actor, org).await?;
        let (manager, expectations, responsibilities, counts): AccountRows = read_db!(self, |ex| {
            let manager = match organization.account_manager_id {
                Some(m) => {
                    sqlx::query_as("SELECT name FROM users WHERE id = $1")
                        .bind(m.0)
                        .fetch_optional(ex)
                        .await?
                }
                None => None,
            };
            let expectations = sqlx::query_as(
                    "SELECT id, kind, description, recorded_by, recorded_at FROM expectations WHERE organization_id = $1 ORDER BY recorded_at, id",
                )
                .bind(org.0)
                .fetch_all(ex)
                .await?;
            let responsibilities = sqlx::query_as(
                    "SELECT id, area, party, description FROM responsibilities WHERE organization_id = $1 ORDER BY area, id",
                )
                .bind(org.0)
                .fetch_all(ex)
                .await?;
            let counts = sqlx::query_as(
                    "SELECT COALESCE(SUM(CASE WHEN status IN ('resolved', 'closed') THEN 0 ELSE 1 END), 0), COUNT(*) FROM cases WHERE organization_id = $1",
                )
                .bind(org.0)
                .fetch_one(ex)
                .await?;
            (manager, expectations, responsibilities, counts)
        });
        let expectations = expectations
            .into_iter()
            .map(|(id, kind, description, by, at)| {
                Ok(Expectation {
                    id: ExpectationId(id),
                    organization_id: org,
                    kind: parse(&kind, "expectations.kind", ExpectationKind::parse)?,
                    description,
                    recorded_by: by.map(UserId),
                    recorded_at: from_micros(at)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let responsibilities = responsibilities
            .into_iter()
            .map(|(id, area, party, description)| {
                Ok(Responsibility {
                    id: ResponsibilityId(id),
                    organization_id: org,
                    area,
                    party: parse(&party, "responsibilities.party", Party::parse)?,
                    description,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let contacts = self.list_contacts(actor, Some(org), 200, 0).await?;
        Ok(Account {
            organization,
            account_manager_name: manager.map(|(n,)| n),
            expectations,
            responsibilities,
            contacts,
            open_cases: counts.0,
            total_cases: counts.1,
        })
    }

    pub async fn create_contact(
        &self,
        actor: Option<&Actor>,
        input: ContactInput,
        now: Timestamp,
    ) -> Result<Contact> {
        if let Some(actor) = actor {
            actor.require(Action::ManageContacts)?;
        }
        input.validate(true)?;
        let id = ContactId::new();
        let actor_id = actor.map(|a| a.user_id.0);
        write_tx!(self, |tx| {
            if let Some(org) = input.organization_id {
                let found: Option<(Uuid,)> =
                    sqlx::query_as("SELECT id FROM organizations WHERE id = $1")
                        .bind(org.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                if found.is_none() {
                    return Err(DomainError::invalid(
                        "organization_id",
                        "unknown_organization",
                        format!("no organization has id {org}"),
                    )
                    .into());
                }
            }
            sqlx::query("INSERT INTO contacts (id, name, organization_id, preferred_language, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
                .bind(id.0)
                .bind(input.name.as_deref().map(str::trim))
                .bind(input.organization_id.map(|o| o.0))
                .bind(input.preferred_language.map(|l| l.code()))
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
            write_identities!(tx, id, input.identities.as_deref().unwrap_or_default());
            audit!(
                tx,
                actor_id,
                now,
                "contact.create",
                "contact",
                Some(id.to_string()),
                serde_json::json!({})
            );
        });
        self.load_contact(id).await
    }

    pub async fn update_contact(
        &self,
        actor: &Actor,
        id: ContactId,
        input: ContactInput,
        now: Timestamp,
    ) -> Result<Contact> {
        actor.require(Action::ManageContacts)?;
        input.validate(false)?;
        let current = self.get_contact(actor, id).await?;
        write_tx!(self, |tx| {
            if let Some(org) = input.organization_id {
                let found: Option<(Uuid,)> =
                    sqlx::query_as("SELECT id FROM organizations WHERE id = $1")
                        .bind(org.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                if found.is_none() {
                    return Err(DomainError::invalid(
                        "organization_id",
                        "unknown_organization",
                        format!("no organization has id {org}"),
                    )
                    .into());
                }
            }
            sqlx::query("UPDATE contacts SET name = $1, organization_id = $2, preferred_language = $3, updated_at = $4 WHERE id = $5")
                .bind(input.name.as_deref().map(str::trim).unwrap_or(&current.name))
                .bind(input.organization_id.or(current.organization_id).map(|o| o.0))
                .bind(input.preferred_language.or(current.preferred_language).map(|l| l.code()))
                .bind(to_micros(now))
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            if let Some(identities) = &input.identities {
                write_identities!(tx, id, identities);
            }
            audit!(
                tx,
                Some(actor.user_id.0),
                now,
                "contact.update",
                "contact",
                Some(id.to_string()),
                serde_json::json!({})
            );
        });
        self.load_contact(id).await
    }

    async fn load_contact(&self, id: ContactId) -> Result<Contact> {
        let (row, identities): (Option<ContactRow>, Vec<(String, String)>) = read_db!(self, |ex| {
            let row = sqlx::query_as("SELECT id, name, organization_id, preferred_language, created_at FROM contacts WHERE id = $1")
                .bind(id.0)
                .fetch_optional(ex)
                .await?;
            let identities = sqlx::query_as("SELECT kind, value FROM contact_identities WHERE contact_id = $1 ORDER BY position")
                .bind(id.0)
                .fetch_all(ex)
                .await?;
            (row, identities)
        });
        let row = row.ok_or(StoreError::not_found("contact"))?;
        contact_from(row, identities)
    }

    pub async fn get_contact(&self, actor: &Actor, id: ContactId) -> Result<Contact> {
        actor.require(Action::ViewContacts)?;
        let contact = self.load_contact(id).await?;
        if !actor
            .scope()
            .includes(contact.organization_id, Some(contact.id))
        {
            return Err(StoreError::not_found("contact"));
        }
        Ok(contact)
    }

    pub async fn find_contact_by_identity(
        &self,
        kind: IdentityKind,
        value: &str,
    ) -> Result<Option<ContactId>> {
        let value = normalize_identity(kind, value);
        let row: Option<(Uuid,)> = read_db!(self, |ex| {
            sqlx::query_as(
                "SELECT contact_id FROM contact_identities WHERE kind = $1 AND value = $2",
            )
            .bind(kind.as_str())
            .bind(&value)
            .fetch_optional(ex)
            .await?
        });
        Ok(row.map(|(id,)| ContactId(id)))
    }

    pub async fn list_contacts(
        &self,
        actor: &Actor,
        organization: Option<OrganizationId>,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Contact>> {
        actor.require(Action::ViewContacts)?;
        let (all, org_scope, contact_scope) = match actor.scope() {
            Scope::All => (true, None, None),
            Scope::Organization(o) => (false, Some(o.0), None),
            Scope::Contact(c) => (false, None, Some(c.0)),
            Scope::Nothing => return Ok(Vec::new()),
        };
        let (rows, identities): (Vec<ContactRow>, Vec<(Uuid, String, String)>) = read_db!(
            self,
            |ex| {
                let rows: Vec<ContactRow> = sqlx::query_as(
                "SELECT id, name, organization_id, preferred_language, created_at FROM contacts \
                 WHERE ($1 OR organization_id = $2 OR id = $3) AND ($4 OR organization_id = $5) ORDER BY name, id LIMIT $6 OFFSET $7",
            )
            .bind(all)
            .bind(org_scope)
            .bind(contact_scope)
            .bind(organization.is_none())
            .bind(organization.map(|o| o.0))
            .bind(i64::from(limit.clamp(1, 500)))
            .bind(i64::from(offset))
            .fetch_all(ex)
            .await?;
                let mut identities = Vec::new();
                for row in &rows {
                    let mut these: Vec<(String, String)> =
                    sqlx::query_as("SELECT kind, value FROM contact_identities WHERE contact_id = $1 ORDER BY position")
                        .bind(row.id)
                        .fetch_all(ex)
                        .await?;
                    identities.extend(these.drain(..).map(|(k, v)| (row.id, k, v)));
                }
                (rows, identities)
            }
        );
        rows.into_iter()
            .map(|row| {
                let mine = identities
                    .iter()
                    .filter(|(c, _, _)| *c == row.id)
                    .map(|(_, k, v)| (k.clone(), v.clone()))
                    .collect();
                contact_from(row, mine)
            })
            .collect()
    }
}

fn contact_from(row: ContactRow, identities: Vec<(String, String)>) -> Result<Contact> {
    Ok(Contact {
        id: ContactId(row.id),
        name: row.name,
        organization_id: row.organization_id.map(OrganizationId),
        preferred_language: row
            .preferred_language
            .as_deref()
            .map(|l| parse_language(l, "contacts.preferred_language"))
            .transpose()?,
        identities: identities
            .into_iter()
            .map(|(kind, value)| {
                Ok(Identity {
                    kind: parse(&kind, "contact_identities.kind", IdentityKind::parse)?,
                    value,
                })
            })
            .collect::<Result<Vec<_>>>()?,
        created_at: from_micros(row.created_at)?,
    })
}

/// Display names for ids shown in lists, fetched in three queries for a whole page.
#[derive(Default, Debug)]
pub struct Names {
    pub contacts: std::collections::HashMap<ContactId, String>,
    pub organizations: std::collections::HashMap<OrganizationId, String>,
    pub users: std::collections::HashMap<UserId, String>,
    pub teams: std::collections::HashMap<TeamId, String>,
}

impl Store {
    /// Names of the given records. Callers pass only ids they were allowed to read (ids
    /// taken from rows of an already scoped query), so this does not check scope itself.
    pub async fn names(
        &self,
        contacts: &[ContactId],
        organizations: &[OrganizationId],
        users: &[UserId],
        teams: &[TeamId],
    ) -> Result<Names> {
        use sea_query::{Alias, Expr, Query};
        use sea_query_binder::SqlxBinder;
        fn select(table: &str, ids: Vec<Uuid>) -> sea_query::SelectStatement {
            Query::select()
                .columns([Alias::new("id"), Alias::new("name")])
                .from(Alias::new(table))
                .and_where(Expr::col(Alias::new("id")).is_in(ids))
                .to_owned()
        }
        let mut names = Names::default();
        let queries = [
            ("contacts", contacts.iter().map(|c| c.0).collect::<Vec<_>>()),
            ("organizations", organizations.iter().map(|o| o.0).collect()),
            ("users", users.iter().map(|u| u.0).collect()),
            ("teams", teams.iter().map(|t| t.0).collect()),
        ];
        for (table, mut ids) in queries {
            ids.sort();
            ids.dedup();
            if ids.is_empty() {
                continue;
            }
            let statement = select(table, ids);
            let rows: Vec<(Uuid, String)> = read_db!(self, |ex, qb| {
                let (sql, values) = statement.build_sqlx(qb);
                sqlx::query_as_with(&sql, values).fetch_all(ex).await?
            });
            for (id, name) in rows {
                match table {
                    "contacts" => names.contacts.insert(ContactId(id), name),
                    "organizations" => names.organizations.insert(OrganizationId(id), name),
                    "users" => names.users.insert(UserId(id), name),
                    _ => names.teams.insert(TeamId(id), name),
                };
            }
        }
        Ok(names)
    }
}
