//! Organizations (accounts) and contacts, with the account facts of A3.

use accord_core::DomainError;
use accord_core::access::{Action, Actor, Scope};
use accord_core::ids::*;
use accord_core::people::*;
use accord_policy::model::Occasion;
use jiff::Timestamp;
use jiff::civil::Date;
use uuid::Uuid;

use crate::audit::record;
use crate::codec::{from_micros, parse, parse_language, to_micros};
use crate::db::Conn;
use crate::value::Row;
use crate::{Result, Store, StoreError};

const ORG_COLUMNS: &str = "id, name, tier, annual_revenue_minor, currency, customer_since, account_manager_id, billing_notes, contract_ref, created_at";

fn org_from_row(mut r: Row) -> Result<Organization> {
    Ok(Organization {
        id: OrganizationId(r.uuid(0)?),
        name: r.text(1)?,
        tier: parse(&r.text(2)?, "organizations.tier", Tier::parse)?,
        annual_revenue_minor: r.opt_i64(3)?,
        currency: r.opt_text(4)?,
        customer_since: r
            .opt_text(5)?
            .map(|d| {
                d.parse::<Date>().map_err(|e| {
                    StoreError::Corrupt(format!("organizations.customer_since {d:?}: {e}"))
                })
            })
            .transpose()?,
        account_manager_id: r.opt_uuid(6)?.map(UserId),
        billing_notes: r.opt_text(7)?,
        contract_ref: r.opt_text(8)?,
        created_at: from_micros(r.i64(9)?)?,
    })
}

const CONTACT_COLUMNS: &str = "id, name, organization_id, preferred_language, created_at";

fn contact_from_row(mut r: Row, identities: Vec<Identity>) -> Result<Contact> {
    Ok(Contact {
        id: ContactId(r.uuid(0)?),
        name: r.text(1)?,
        organization_id: r.opt_uuid(2)?.map(OrganizationId),
        preferred_language: r
            .opt_text(3)?
            .map(|l| parse_language(&l, "contacts.preferred_language"))
            .transpose()?,
        identities,
        created_at: from_micros(r.i64(4)?)?,
    })
}

fn identity_from_row(r: &mut Row, kind: usize) -> Result<Identity> {
    Ok(Identity {
        kind: parse(
            &r.text(kind)?,
            "contact_identities.kind",
            IdentityKind::parse,
        )?,
        value: r.text(kind + 1)?,
    })
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

/// A customer's own account as they see it: their organization's customer view, its
/// contacts (names, addresses, languages) and how many cases it has. None of what the
/// company records for itself (see `CustomerOrganization`), no sale-time promises, no
/// contract responsibilities, no account manager.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
// In the document: no other properties, so a client tells it from the staff account.
#[serde(deny_unknown_fields)]
pub struct CustomerAccount {
    pub organization: CustomerOrganization,
    pub contacts: Vec<Contact>,
    pub open_cases: i64,
    pub total_cases: i64,
}

/// An account as the reader may see it: staff the whole account, customers their own.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum AccountView {
    Staff(Account),
    Customer(CustomerAccount),
}

fn org_visible(scope: Scope, id: OrganizationId) -> bool {
    match scope {
        Scope::All => true,
        Scope::Organization(o) => o == id,
        Scope::Contact(_) | Scope::Nothing => false,
    }
}

/// Checks that an account manager is an active staff member.
async fn check_manager(tx: &mut Conn<'_>, manager: Option<UserId>) -> Result<()> {
    let Some(manager) = manager else {
        return Ok(());
    };
    let found = tx
        .fetch_optional(
            "SELECT role FROM users WHERE id = $1 AND active = $2",
            args![manager.0, true],
        )
        .await?;
    let staff = match found {
        Some(mut r) => r.text(0)? != Role::Customer.as_str(),
        None => false,
    };
    if staff {
        Ok(())
    } else {
        Err(DomainError::invalid(
            "account_manager_id",
            "unknown_staff",
            format!("no active staff member has id {manager}"),
        )
        .into())
    }
}

async fn check_organization(tx: &mut Conn<'_>, organization: Option<OrganizationId>) -> Result<()> {
    if let Some(org) = organization
        && tx
            .fetch_optional("SELECT id FROM organizations WHERE id = $1", args![org.0])
            .await?
            .is_none()
    {
        return Err(DomainError::invalid(
            "organization_id",
            "unknown_organization",
            format!("no organization has id {org}"),
        )
        .into());
    }
    Ok(())
}

/// Replaces a contact's identities; a value already used by another contact is refused.
async fn write_identities(
    tx: &mut Conn<'_>,
    contact: ContactId,
    identities: &[Identity],
) -> Result<()> {
    tx.execute(
        "DELETE FROM contact_identities WHERE contact_id = $1",
        args![contact.0],
    )
    .await?;
    for (i, identity) in identities.iter().enumerate() {
        let value = normalize_identity(identity.kind, &identity.value);
        let taken = tx
            .fetch_optional(
                "SELECT contact_id FROM contact_identities WHERE kind = $1 AND value = $2",
                args![identity.kind.as_str(), value],
            )
            .await?;
        if taken.is_some() {
            return Err(DomainError::invalid(
                format!("identities/{i}/value"),
                "taken",
                format!("{value} already belongs to another contact"),
            )
            .into());
        }
        tx.execute(
            "INSERT INTO contact_identities (contact_id, kind, value, position) VALUES ($1, $2, $3, $4)",
            args![contact.0, identity.kind.as_str(), value, i as i64],
        )
        .await?;
    }
    Ok(())
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
        let mut tx = self.write().await?;
        check_manager(&mut tx, input.account_manager_id).await?;
        tx.execute(
            &format!("INSERT INTO organizations ({ORG_COLUMNS}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)"),
            args![
                id.0,
                input.name.as_deref().map(str::trim),
                input.tier.unwrap_or(Tier::Standard).as_str(),
                input.annual_revenue_minor,
                input.currency,
                input.customer_since.map(|d| d.to_string()),
                input.account_manager_id.map(|u| u.0),
                input.billing_notes,
                input.contract_ref,
                to_micros(now)
            ],
        )
        .await?;
        record(
            &mut tx,
            actor.map(|a| a.user_id.0),
            now,
            "organization.create",
            "organization",
            Some(id.to_string()),
            serde_json::json!({"name": input.name}),
        )
        .await?;
        tx.commit().await?;
        self.load_organization(id).await
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
        let mut tx = self.write().await?;
        check_manager(&mut tx, input.account_manager_id).await?;
        tx.execute(
            "UPDATE organizations SET name = $1, tier = $2, annual_revenue_minor = $3, currency = $4, customer_since = $5, \
             account_manager_id = $6, billing_notes = $7, contract_ref = $8, updated_at = $9 WHERE id = $10",
            args![
                input.name.as_deref().map(str::trim).unwrap_or(&current.name),
                input.tier.unwrap_or(current.tier).as_str(),
                input.annual_revenue_minor.or(current.annual_revenue_minor),
                input.currency.or(current.currency),
                input.customer_since.or(current.customer_since).map(|d| d.to_string()),
                input.account_manager_id.or(current.account_manager_id).map(|u| u.0),
                input.billing_notes.or(current.billing_notes),
                input.contract_ref.or(current.contract_ref),
                to_micros(now),
                id.0
            ],
        )
        .await?;
        if input.tier.is_some_and(|tier| tier != current.tier) {
            escalate_open_cases_of(self, &mut tx, id, now).await?;
        }
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "organization.update",
            "organization",
            Some(id.to_string()),
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
        self.get_organization(actor, id).await
    }

    async fn load_organization(&self, id: OrganizationId) -> Result<Organization> {
        let row = self
            .read()
            .await?
            .fetch_optional(
                &format!("SELECT {ORG_COLUMNS} FROM organizations WHERE id = $1"),
                args![id.0],
            )
            .await?;
        org_from_row(row.ok_or(StoreError::not_found("organization"))?)
    }

    /// The account record of an organization, with its internal data: staff only.
    /// Customers read [`Store::organization_view`].
    pub async fn get_organization(
        &self,
        actor: &Actor,
        id: OrganizationId,
    ) -> Result<Organization> {
        actor.require(Action::ViewOrganizations)?;
        if !org_visible(actor.scope(), id) {
            return Err(StoreError::not_found("organization"));
        }
        actor.require(Action::ViewAccountData)?;
        self.load_organization(id).await
    }

    /// An organization as the reader may see it: the record for staff, the customer view
    /// for its own customers.
    pub async fn organization_view(
        &self,
        actor: &Actor,
        id: OrganizationId,
    ) -> Result<OrganizationView> {
        actor.require(Action::ViewOrganizations)?;
        if !org_visible(actor.scope(), id) {
            return Err(StoreError::not_found("organization"));
        }
        Ok(OrganizationView::for_reader(
            actor,
            self.load_organization(id).await?,
        ))
    }

    /// Organizations as the reader may see them (customers: only their own, as its
    /// customer view).
    pub async fn list_organization_views(
        &self,
        actor: &Actor,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<OrganizationView>> {
        Ok(self
            .scoped_organizations(actor, limit, offset, None)
            .await?
            .into_iter()
            .map(|o| OrganizationView::for_reader(actor, o))
            .collect())
    }

    /// A page of [`Store::list_organization_views`], by name: at most `limit` (1 to 500),
    /// those after `after` (the `name` and `id` of the last organization of the previous
    /// page) when given.
    pub async fn organization_views_page(
        &self,
        actor: &Actor,
        limit: u32,
        after: Option<(String, OrganizationId)>,
    ) -> Result<Vec<OrganizationView>> {
        Ok(self
            .scoped_organizations(actor, limit, 0, after)
            .await?
            .into_iter()
            .map(|o| OrganizationView::for_reader(actor, o))
            .collect())
    }

    /// Account records with their internal data: staff only.
    pub async fn list_organizations(
        &self,
        actor: &Actor,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Organization>> {
        actor.require(Action::ViewAccountData)?;
        self.scoped_organizations(actor, limit, offset, None).await
    }

    async fn scoped_organizations(
        &self,
        actor: &Actor,
        limit: u32,
        offset: u32,
        after: Option<(String, OrganizationId)>,
    ) -> Result<Vec<Organization>> {
        actor.require(Action::ViewOrganizations)?;
        let only: Option<Uuid> = match actor.scope() {
            Scope::All => None,
            Scope::Organization(o) => Some(o.0),
            Scope::Contact(_) | Scope::Nothing => return Ok(Vec::new()),
        };
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organizations WHERE ($1 OR id = $2) AND ($5 OR (name, id) > ($6, $7)) \
             ORDER BY name, id LIMIT $3 OFFSET $4"
        );
        let rows = self
            .read()
            .await?
            .fetch_all(
                &sql,
                args![
                    only.is_none(),
                    only,
                    i64::from(limit.clamp(1, 500)),
                    i64::from(offset),
                    after.is_none(),
                    after.as_ref().map_or("", |a| a.0.as_str()),
                    after.as_ref().map_or(Uuid::nil(), |a| a.1.0)
                ],
            )
            .await?;
        rows.into_iter().map(org_from_row).collect()
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
        let mut tx = self.write().await?;
        tx.execute(
            "INSERT INTO expectations (id, organization_id, kind, description, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![e.id.0, org.0, e.kind.as_str(), e.description, actor.user_id.0, to_micros(now)],
        )
        .await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "organization.expectation",
            "organization",
            Some(org.to_string()),
            serde_json::json!({"id": e.id}),
        )
        .await?;
        tx.commit().await?;
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
        let mut tx = self.write().await?;
        tx.execute(
            "INSERT INTO responsibilities (id, organization_id, area, party, description, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![r.id.0, org.0, r.area, r.party.as_str(), r.description, to_micros(now)],
        )
        .await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "organization.responsibility",
            "organization",
            Some(org.to_string()),
            serde_json::json!({"id": r.id}),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// An account as the reader may see it: [`Store::account`] for staff; for customers,
    /// their own organization's customer view with its contacts and case counts.
    pub async fn account_view(&self, actor: &Actor, org: OrganizationId) -> Result<AccountView> {
        if actor.can(Action::ViewAccountData) {
            return Ok(AccountView::Staff(self.account(actor, org).await?));
        }
        let organization = match self.organization_view(actor, org).await? {
            OrganizationView::Customer(o) => o,
            OrganizationView::Staff(o) => CustomerOrganization::from(&o),
        };
        let (open_cases, total_cases) = self.case_counts(org).await?;
        let contacts = self.list_contacts(actor, Some(org), 200, 0).await?;
        Ok(AccountView::Customer(CustomerAccount {
            organization,
            contacts,
            open_cases,
            total_cases,
        }))
    }

    /// Open and total cases of an organization (callers check the reader may see it).
    async fn case_counts(&self, org: OrganizationId) -> Result<(i64, i64)> {
        let mut counts = self
            .read()
            .await?
            .fetch_one(
                "SELECT COALESCE(SUM(CASE WHEN status IN ('resolved', 'closed') THEN 0 ELSE 1 END), 0), COUNT(*) FROM cases WHERE organization_id = $1",
                args![org.0],
            )
            .await?;
        Ok((counts.i64(0)?, counts.i64(1)?))
    }

    /// The account view (A3), with the company's internal data: staff only.
    pub async fn account(&self, actor: &Actor, org: OrganizationId) -> Result<Account> {
        let organization = self.get_organization(actor, org).await?;
        let mut c = self.read().await?;
        let manager = match organization.account_manager_id {
            Some(m) => c
                .fetch_optional("SELECT name FROM users WHERE id = $1", args![m.0])
                .await?
                .map(|mut r| r.text(0))
                .transpose()?,
            None => None,
        };
        let expectations = c
            .fetch_all("SELECT id, kind, description, recorded_by, recorded_at FROM expectations WHERE organization_id = $1 ORDER BY recorded_at, id", args![org.0])
            .await?
            .into_iter()
            .map(|mut r| {
                Ok(Expectation {
                    id: ExpectationId(r.uuid(0)?),
                    organization_id: org,
                    kind: parse(&r.text(1)?, "expectations.kind", ExpectationKind::parse)?,
                    description: r.text(2)?,
                    recorded_by: r.opt_uuid(3)?.map(UserId),
                    recorded_at: from_micros(r.i64(4)?)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let responsibilities = c
            .fetch_all("SELECT id, area, party, description FROM responsibilities WHERE organization_id = $1 ORDER BY area, id", args![org.0])
            .await?
            .into_iter()
            .map(|mut r| {
                Ok(Responsibility {
                    id: ResponsibilityId(r.uuid(0)?),
                    organization_id: org,
                    area: r.text(1)?,
                    party: parse(&r.text(2)?, "responsibilities.party", Party::parse)?,
                    description: r.text(3)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        drop(c);
        let (open_cases, total_cases) = self.case_counts(org).await?;
        let contacts = self.list_contacts(actor, Some(org), 200, 0).await?;
        Ok(Account {
            organization,
            account_manager_name: manager,
            expectations,
            responsibilities,
            contacts,
            open_cases,
            total_cases,
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
        let mut tx = self.write().await?;
        check_organization(&mut tx, input.organization_id).await?;
        tx.execute(
            "INSERT INTO contacts (id, name, organization_id, preferred_language, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
            args![id.0, input.name.as_deref().map(str::trim), input.organization_id.map(|o| o.0), input.preferred_language.map(|l| l.code()), to_micros(now)],
        )
        .await?;
        write_identities(&mut tx, id, input.identities.as_deref().unwrap_or_default()).await?;
        record(
            &mut tx,
            actor.map(|a| a.user_id.0),
            now,
            "contact.create",
            "contact",
            Some(id.to_string()),
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
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
        let mut tx = self.write().await?;
        check_organization(&mut tx, input.organization_id).await?;
        tx.execute(
            "UPDATE contacts SET name = $1, organization_id = $2, preferred_language = $3, updated_at = $4 WHERE id = $5",
            args![
                input.name.as_deref().map(str::trim).unwrap_or(&current.name),
                input.organization_id.or(current.organization_id).map(|o| o.0),
                input.preferred_language.or(current.preferred_language).map(|l| l.code()),
                to_micros(now),
                id.0
            ],
        )
        .await?;
        if let Some(identities) = &input.identities {
            write_identities(&mut tx, id, identities).await?;
        }
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "contact.update",
            "contact",
            Some(id.to_string()),
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
        self.load_contact(id).await
    }

    async fn load_contact(&self, id: ContactId) -> Result<Contact> {
        let mut c = self.read().await?;
        let row = c
            .fetch_optional(
                &format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE id = $1"),
                args![id.0],
            )
            .await?;
        let identities = c
            .fetch_all("SELECT kind, value FROM contact_identities WHERE contact_id = $1 ORDER BY position", args![id.0])
            .await?
            .into_iter()
            .map(|mut r| identity_from_row(&mut r, 0))
            .collect::<Result<Vec<_>>>()?;
        contact_from_row(row.ok_or(StoreError::not_found("contact"))?, identities)
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

    pub async fn list_contacts(
        &self,
        actor: &Actor,
        organization: Option<OrganizationId>,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<Contact>> {
        self.contacts_page(actor, organization, limit, offset, None)
            .await
    }

    /// Contacts by name: at most `limit` (1 to 500), skipping `offset`, and only those
    /// after `after` (the `name` and `id` of the last contact of the previous page) when
    /// given.
    pub async fn contacts_page(
        &self,
        actor: &Actor,
        organization: Option<OrganizationId>,
        limit: u32,
        offset: u32,
        after: Option<(String, ContactId)>,
    ) -> Result<Vec<Contact>> {
        actor.require(Action::ViewContacts)?;
        let (all, org_scope, contact_scope) = match actor.scope() {
            Scope::All => (true, None, None),
            Scope::Organization(o) => (false, Some(o.0), None),
            Scope::Contact(c) => (false, None, Some(c.0)),
            Scope::Nothing => return Ok(Vec::new()),
        };
        let mut c = self.read().await?;
        let rows = c
            .fetch_all(
                &format!(
                    "SELECT {CONTACT_COLUMNS} FROM contacts WHERE ($1 OR organization_id = $2 OR id = $3) AND ($4 OR organization_id = $5) \
                     AND ($8 OR (name, id) > ($9, $10)) ORDER BY name, id LIMIT $6 OFFSET $7"
                ),
                args![all, org_scope, contact_scope, organization.is_none(), organization.map(|o| o.0), i64::from(limit.clamp(1, 500)), i64::from(offset), after.is_none(), after.as_ref().map_or("", |a| a.0.as_str()), after.as_ref().map_or(Uuid::nil(), |a| a.1.0)],
            )
            .await?;
        let mut contacts = rows
            .into_iter()
            .map(|row| contact_from_row(row, Vec::new()))
            .collect::<Result<Vec<_>>>()?;
        if contacts.is_empty() {
            return Ok(contacts);
        }
        // All identities of the page in one query, not one per contact.
        use sea_query::{Alias, Expr, Order, Query};
        let ids: Vec<Uuid> = contacts.iter().map(|contact| contact.id.0).collect();
        let statement = Query::select()
            .columns([
                Alias::new("contact_id"),
                Alias::new("kind"),
                Alias::new("value"),
            ])
            .from(Alias::new("contact_identities"))
            .and_where(Expr::col(Alias::new("contact_id")).is_in(ids))
            .order_by(Alias::new("position"), Order::Asc)
            .to_owned();
        let mut by_contact: std::collections::HashMap<Uuid, Vec<Identity>> =
            std::collections::HashMap::new();
        for mut row in c.fetch_all_built(&statement).await? {
            let contact = row.uuid(0)?;
            by_contact
                .entry(contact)
                .or_default()
                .push(identity_from_row(&mut row, 1)?);
        }
        for contact in &mut contacts {
            contact.identities = by_contact.remove(&contact.id.0).unwrap_or_default();
        }
        Ok(contacts)
    }
}

/// Display names for ids shown in lists, fetched in one query per kind for a whole page.
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
        let mut names = Names::default();
        let queries = [
            ("contacts", contacts.iter().map(|c| c.0).collect::<Vec<_>>()),
            ("organizations", organizations.iter().map(|o| o.0).collect()),
            ("users", users.iter().map(|u| u.0).collect()),
            ("teams", teams.iter().map(|t| t.0).collect()),
        ];
        let mut c = self.read().await?;
        for (table, mut ids) in queries {
            ids.sort();
            ids.dedup();
            if ids.is_empty() {
                continue;
            }
            let statement = Query::select()
                .columns([Alias::new("id"), Alias::new("name")])
                .from(Alias::new(table))
                .and_where(Expr::col(Alias::new("id")).is_in(ids))
                .to_owned();
            for mut row in c.fetch_all_built(&statement).await? {
                let (id, name) = (row.uuid(0)?, row.text(1)?);
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

/// An account's tier changed: its open cases meet the escalation levels for account tiers
/// (PRODUCT.md C2), each level at most once per case.
async fn escalate_open_cases_of(
    store: &Store,
    c: &mut Conn<'_>,
    organization: OrganizationId,
    now: Timestamp,
) -> Result<()> {
    let rows = c
        .fetch_all(
            "SELECT id, policy_version FROM cases WHERE organization_id = $1 AND status NOT IN ('resolved', 'closed')",
            args![organization.0],
        )
        .await?;
    for mut row in rows {
        let case = CaseId(row.uuid(0)?);
        let version = row.opt_i64(1)?;
        crate::escalation::run_levels_once(store, c, case, version, Occasion::TierChanged, now)
            .await?;
    }
    Ok(())
}
