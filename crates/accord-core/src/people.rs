//! Customers and staff (PRODUCT.md A3, H1): organizations (accounts) with their sale-time
//! promises, contract responsibilities and value signals; contacts with channel identities;
//! users, roles and teams.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::case::string_enum;
use crate::ids::*;
use crate::language::Language;
use crate::validate::Checker;
use crate::{DomainError, FieldError};

pub const NAME_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;

string_enum!(
    /// Staff roles and the customer role; what each may do is in `access`.
    Role {
        Agent = "agent",
        Supervisor = "supervisor",
        Admin = "admin",
        Customer = "customer",
    }
);

impl Role {
    pub fn is_staff(self) -> bool {
        self != Role::Customer
    }
}

string_enum!(
    IdentityKind {
        Email = "email",
        Phone = "phone",
        Chat = "chat",
        Social = "social",
    }
);

string_enum!(
    Tier {
        Standard = "standard",
        Silver = "silver",
        Gold = "gold",
        Platinum = "platinum",
    }
);

string_enum!(
    /// What a sale-time promise is about.
    ExpectationKind {
        Performance = "performance",
        Delivery = "delivery",
        Billing = "billing",
        Support = "support",
        Other = "other",
    }
);

string_enum!(
    /// Who is responsible for an area under the contract.
    Party {
        Company = "company",
        Customer = "customer",
        ThirdParty = "third_party",
        Shared = "shared",
    }
);

string_enum!(
    TeamKind {
        Team = "team",
        Department = "department",
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    pub kind: IdentityKind,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Organization {
    pub id: OrganizationId,
    pub name: String,
    pub tier: Tier,
    /// Yearly revenue from this account, in minor units (cents) of `currency`.
    pub annual_revenue_minor: Option<i64>,
    pub currency: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub customer_since: Option<jiff::civil::Date>,
    pub account_manager_id: Option<UserId>,
    /// Billing and contract facts: plan, billing terms, contract reference and end date.
    pub billing_notes: Option<String>,
    pub contract_ref: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// An organization as its own customers see it: who they are, and nothing the company
/// records about the account for itself — no tier, revenue or currency, billing notes,
/// contract reference, account manager or customer-since date.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
// In the document: no other properties, so a client tells it from the staff record.
#[serde(deny_unknown_fields)]
pub struct CustomerOrganization {
    pub id: OrganizationId,
    pub name: String,
}

impl From<&Organization> for CustomerOrganization {
    fn from(o: &Organization) -> Self {
        CustomerOrganization {
            id: o.id,
            name: o.name.clone(),
        }
    }
}

/// An organization as the reader may see it: the account record for staff, the customer
/// view for customers (their own organization only).
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum OrganizationView {
    /// For staff: the whole account record.
    Staff(Organization),
    /// For customers: their own organization's customer view.
    Customer(CustomerOrganization),
}

impl OrganizationView {
    /// The view of `organization` that `actor` may read.
    pub fn for_reader(actor: &crate::access::Actor, organization: Organization) -> Self {
        if actor.can(crate::access::Action::ViewAccountData) {
            OrganizationView::Staff(organization)
        } else {
            OrganizationView::Customer(CustomerOrganization::from(&organization))
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationInput {
    pub name: Option<String>,
    pub tier: Option<Tier>,
    pub annual_revenue_minor: Option<i64>,
    pub currency: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub customer_since: Option<jiff::civil::Date>,
    pub account_manager_id: Option<UserId>,
    pub billing_notes: Option<String>,
    pub contract_ref: Option<String>,
}

impl OrganizationInput {
    /// `creating` requires the name; an update may leave it out.
    pub fn validate(&self, creating: bool) -> Result<(), DomainError> {
        let mut c = Checker::new();
        match &self.name {
            Some(name) => c.text("name", name, NAME_MAX),
            None if creating => c.push(FieldError::new(
                "name",
                "required",
                "an organization needs a name",
            )),
            None => {}
        }
        if let Some(currency) = &self.currency
            && (currency.len() != 3 || !currency.chars().all(|ch| ch.is_ascii_uppercase()))
        {
            c.push(FieldError::new(
                "currency",
                "invalid_currency",
                "must be an ISO 4217 code such as EUR",
            ));
        }
        if self.annual_revenue_minor.is_some_and(|r| r < 0) {
            c.push(FieldError::new(
                "annual_revenue_minor",
                "negative",
                "must not be negative",
            ));
        }
        if self.annual_revenue_minor.is_some() && self.currency.is_none() && creating {
            c.push(FieldError::new(
                "currency",
                "required",
                "revenue needs a currency",
            ));
        }
        if let Some(notes) = &self.billing_notes {
            c.body("billing_notes", notes, NOTE_MAX);
        }
        if let Some(r) = &self.contract_ref {
            c.text("contract_ref", r, 100);
        }
        c.finish()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    pub organization_id: Option<OrganizationId>,
    pub preferred_language: Option<Language>,
    pub identities: Vec<Identity>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    pub name: Option<String>,
    pub organization_id: Option<OrganizationId>,
    pub preferred_language: Option<Language>,
    /// Replaces the identities when given.
    pub identities: Option<Vec<Identity>>,
}

impl ContactInput {
    pub fn validate(&self, creating: bool) -> Result<(), DomainError> {
        let mut c = Checker::new();
        match &self.name {
            Some(name) => c.text("name", name, NAME_MAX),
            None if creating => c.push(FieldError::new(
                "name",
                "required",
                "a contact needs a name",
            )),
            None => {}
        }
        if let Some(identities) = &self.identities {
            if identities.len() > 20 {
                c.push(
                    FieldError::new(
                        "identities",
                        "too_many",
                        "a contact has at most 20 identities",
                    )
                    .with_limit(20),
                );
            }
            for (i, identity) in identities.iter().enumerate() {
                let field = format!("identities/{i}/value");
                match identity.kind {
                    IdentityKind::Email => c.email(&field, &identity.value),
                    _ => c.text(&field, &identity.value, 200),
                }
            }
        }
        c.finish()
    }
}

/// Normalizes an identity value so lookups match however it was typed.
pub fn normalize_identity(kind: IdentityKind, value: &str) -> String {
    let trimmed = value.trim();
    match kind {
        IdentityKind::Email => trimmed.to_lowercase(),
        IdentityKind::Phone => trimmed
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect(),
        IdentityKind::Chat | IdentityKind::Social => trimmed.to_owned(),
    }
}

/// A promise made to the account at the time of sale, shown to every agent.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Expectation {
    pub id: ExpectationId,
    pub organization_id: OrganizationId,
    pub kind: ExpectationKind,
    pub description: String,
    pub recorded_by: Option<UserId>,
    #[schema(value_type = String, format = DateTime)]
    pub recorded_at: Timestamp,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectationInput {
    pub kind: ExpectationKind,
    pub description: String,
}

/// Who is responsible for what under the account's contract.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Responsibility {
    pub id: ResponsibilityId,
    pub organization_id: OrganizationId,
    pub area: String,
    pub party: Party,
    pub description: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilityInput {
    pub area: String,
    pub party: Party,
    pub description: String,
}

impl ExpectationInput {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.body("description", &self.description, NOTE_MAX);
        c.finish()
    }
}

impl ResponsibilityInput {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.text("area", &self.area, 100);
        c.body("description", &self.description, NOTE_MAX);
        c.finish()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub language: Language,
    /// For customers: the organization whose cases they may see.
    pub organization_id: Option<OrganizationId>,
    /// For customers: the contact record they are.
    pub contact_id: Option<ContactId>,
    pub active: bool,
    pub team_ids: Vec<TeamId>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub language: Option<Language>,
    pub password: Option<String>,
    pub organization_id: Option<OrganizationId>,
    pub contact_id: Option<ContactId>,
    #[serde(default)]
    pub team_ids: Vec<TeamId>,
}

pub const PASSWORD_MIN: usize = 10;

impl NewUser {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.email("email", &self.email);
        c.text("name", &self.name, NAME_MAX);
        if let Some(password) = &self.password {
            check_password(&mut c, password);
        }
        if self.role == Role::Customer
            && self.organization_id.is_none()
            && self.contact_id.is_none()
        {
            c.push(FieldError::new(
                "organization_id",
                "required",
                "a customer user belongs to an organization or a contact",
            ));
        }
        if self.role.is_staff() && (self.organization_id.is_some() || self.contact_id.is_some()) {
            c.push(FieldError::new(
                "organization_id",
                "not_allowed",
                "staff users do not belong to a customer organization",
            ));
        }
        c.finish()
    }
}

/// A customer signing up in the portal (F2). The address is proven by the link emailed to it
/// before any account exists; the password is optional (email links sign in without one).
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SignUp {
    pub name: String,
    pub email: String,
    pub language: Language,
    pub password: Option<String>,
}

impl SignUp {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.text("name", &self.name, NAME_MAX);
        c.email("email", &self.email);
        if let Some(password) = &self.password {
            check_password(&mut c, password);
        }
        c.finish()
    }
}

pub fn check_password(c: &mut Checker, password: &str) {
    if password.chars().count() < PASSWORD_MIN {
        c.push(
            FieldError::new(
                "password",
                "too_short",
                format!("must be at least {PASSWORD_MIN} characters"),
            )
            .with_limit(PASSWORD_MIN as u64),
        );
    } else if password.len() > 1024 {
        c.push(
            FieldError::new("password", "too_long", "must be at most 1024 bytes").with_limit(1024),
        );
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub kind: TeamKind,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTeam {
    pub name: String,
    pub kind: TeamKind,
    pub description: Option<String>,
}

impl NewTeam {
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut c = Checker::new();
        c.text("name", &self.name, 100);
        if let Some(d) = &self.description {
            c.body("description", d, NOTE_MAX);
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_normalize() {
        assert_eq!(
            normalize_identity(IdentityKind::Email, " Ana@Example.COM "),
            "ana@example.com"
        );
        assert_eq!(
            normalize_identity(IdentityKind::Phone, "+371 2612-3456"),
            "+37126123456"
        );
    }

    #[test]
    fn customers_need_an_organization_and_staff_must_not_have_one() {
        let mut u = NewUser {
            email: "ines@cliente.pt".into(),
            name: "Inês".into(),
            role: Role::Customer,
            language: None,
            password: None,
            organization_id: None,
            contact_id: None,
            team_ids: vec![],
        };
        assert!(u.validate().is_err());
        u.organization_id = Some(OrganizationId::new());
        assert!(u.validate().is_ok());
        u.role = Role::Agent;
        assert!(u.validate().is_err());
    }

    #[test]
    fn passwords_have_a_minimum_length() {
        let mut c = Checker::new();
        check_password(&mut c, "short");
        assert!(c.finish().is_err());
    }

    #[test]
    fn organization_currency_is_iso() {
        let input = OrganizationInput {
            name: Some("Rīgas Ūdens".into()),
            currency: Some("eur".into()),
            ..Default::default()
        };
        assert!(input.validate(true).is_err());
        let input = OrganizationInput {
            name: Some("Rīgas Ūdens".into()),
            currency: Some("EUR".into()),
            annual_revenue_minor: Some(10),
            ..Default::default()
        };
        assert!(input.validate(true).is_ok());
        assert!(OrganizationInput::default().validate(true).is_err());
        assert!(OrganizationInput::default().validate(false).is_ok());
    }
}
