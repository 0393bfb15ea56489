//! Who may do what (PRODUCT.md H1, J6). Every adapter asks here; storage queries also take
//! the actor's [`Scope`] so a customer's query can only ever return their own organization's rows.

use crate::ids::{ContactId, OrganizationId, UserId};
use crate::people::Role;

/// The authenticated user on whose behalf something is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    pub organization_id: Option<OrganizationId>,
    pub contact_id: Option<ContactId>,
}

/// The rows of customer data an actor may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Staff see every organization.
    All,
    /// A customer of an organization sees that organization's cases and contacts.
    Organization(OrganizationId),
    /// A customer without an organization sees only their own cases.
    Contact(ContactId),
    /// A customer account linked to nothing sees nothing.
    Nothing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    ViewCases,
    CreateCase,
    UpdateCase,
    /// Write a message the customer sees (a reply by staff, a message by the customer).
    AddMessage,
    /// Notes and consults: internal to the company.
    AddInternalEntry,
    ViewInternalEntries,
    ViewContacts,
    ManageContacts,
    ViewOrganizations,
    ManageOrganizations,
    ViewStaff,
    ManageUsers,
    ManageTeams,
    ViewAudit,
    /// Read service policy versions (every member of staff works under them).
    ViewPolicy,
    /// Draft, edit and publish service policy versions.
    ManagePolicy,
    /// See clocks breaching soon and the escalations of every case.
    Supervise,
    /// Grant a remedy on a case (within the role's limit; above it, ask for approval).
    GrantRemedies,
    /// Read an account's concession ledger.
    ViewLedger,
    /// Read what the company records about an account for itself: tier, revenue, billing
    /// notes, contract reference, account manager, sale-time promises, responsibilities.
    /// Customers see their organization only through its customer view.
    ViewAccountData,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::ViewCases,
        Action::CreateCase,
        Action::UpdateCase,
        Action::AddMessage,
        Action::AddInternalEntry,
        Action::ViewInternalEntries,
        Action::ViewContacts,
        Action::ManageContacts,
        Action::ViewOrganizations,
        Action::ManageOrganizations,
        Action::ViewStaff,
        Action::ManageUsers,
        Action::ManageTeams,
        Action::ViewAudit,
        Action::ViewPolicy,
        Action::ManagePolicy,
        Action::Supervise,
        Action::GrantRemedies,
        Action::ViewLedger,
        Action::ViewAccountData,
    ];

    /// Describes the action for a "you are not allowed to …" message.
    pub fn describe(self) -> &'static str {
        match self {
            Action::ViewCases => "view cases",
            Action::CreateCase => "create cases",
            Action::UpdateCase => "change cases",
            Action::AddMessage => "write messages",
            Action::AddInternalEntry => "write internal notes or consults",
            Action::ViewInternalEntries => "read internal notes or consults",
            Action::ViewContacts => "view contacts",
            Action::ManageContacts => "create or change contacts",
            Action::ViewOrganizations => "view organizations",
            Action::ManageOrganizations => "create or change organizations",
            Action::ViewStaff => "view staff and teams",
            Action::ManageUsers => "create or change users",
            Action::ManageTeams => "create or change teams",
            Action::ViewAudit => "read the audit log",
            Action::ViewPolicy => "read the service policy",
            Action::ManagePolicy => "draft or publish the service policy",
            Action::Supervise => "supervise clocks and escalations",
            Action::GrantRemedies => "grant remedies",
            Action::ViewLedger => "read concession ledgers",
            Action::ViewAccountData => "read an account's internal data",
        }
    }
}

/// The permission table. Customers' rights are further limited to their [`Scope`].
pub fn allows(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::Admin => true,
        Role::Supervisor => !matches!(action, ManageUsers),
        Role::Agent => !matches!(
            action,
            ManageUsers | ManageTeams | ViewAudit | ManagePolicy | Supervise
        ),
        Role::Customer => matches!(
            action,
            ViewCases | CreateCase | AddMessage | ViewContacts | ViewOrganizations
        ),
    }
}

impl Actor {
    pub fn scope(&self) -> Scope {
        if self.role.is_staff() {
            Scope::All
        } else if let Some(org) = self.organization_id {
            Scope::Organization(org)
        } else if let Some(contact) = self.contact_id {
            Scope::Contact(contact)
        } else {
            Scope::Nothing
        }
    }

    pub fn can(&self, action: Action) -> bool {
        allows(self.role, action)
    }

    pub fn require(&self, action: Action) -> Result<(), crate::DomainError> {
        if self.can(action) {
            Ok(())
        } else {
            Err(crate::DomainError::Forbidden(action.describe()))
        }
    }
}

impl Scope {
    /// Whether a row belonging to this organization/contact is inside the scope.
    pub fn includes(
        self,
        organization: Option<OrganizationId>,
        contact: Option<ContactId>,
    ) -> bool {
        match self {
            Scope::All => true,
            Scope::Organization(org) => organization == Some(org),
            Scope::Contact(c) => contact == Some(c),
            Scope::Nothing => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor {
            user_id: UserId::new(),
            role,
            organization_id: None,
            contact_id: None,
        }
    }

    #[test]
    fn admins_can_do_everything() {
        assert!(Action::ALL.iter().all(|&a| allows(Role::Admin, a)));
    }

    #[test]
    fn rights_grow_with_the_role() {
        for a in Action::ALL {
            if allows(Role::Customer, a) {
                assert!(allows(Role::Agent, a), "{a:?}");
            }
            if allows(Role::Agent, a) {
                assert!(allows(Role::Supervisor, a), "{a:?}");
            }
            if allows(Role::Supervisor, a) {
                assert!(allows(Role::Admin, a), "{a:?}");
            }
        }
    }

    #[test]
    fn customers_never_see_internal_entries_or_manage_anything() {
        for a in [
            Action::AddInternalEntry,
            Action::ViewInternalEntries,
            Action::UpdateCase,
            Action::ManageContacts,
            Action::ManageOrganizations,
            Action::ViewStaff,
            Action::ManageUsers,
            Action::ViewAudit,
        ] {
            assert!(!allows(Role::Customer, a), "{a:?}");
        }
    }

    #[test]
    fn only_admins_manage_users() {
        assert!(!allows(Role::Supervisor, Action::ManageUsers));
        assert!(!allows(Role::Agent, Action::ManageUsers));
    }

    #[test]
    fn scopes() {
        let org = OrganizationId::new();
        let contact = ContactId::new();
        assert_eq!(actor(Role::Agent).scope(), Scope::All);
        let mut customer = actor(Role::Customer);
        assert_eq!(customer.scope(), Scope::Nothing);
        customer.contact_id = Some(contact);
        assert_eq!(customer.scope(), Scope::Contact(contact));
        customer.organization_id = Some(org);
        assert_eq!(customer.scope(), Scope::Organization(org));
        assert!(customer.scope().includes(Some(org), None));
        assert!(
            !customer
                .scope()
                .includes(Some(OrganizationId::new()), Some(contact))
        );
        assert!(!Scope::Nothing.includes(Some(org), Some(contact)));
    }

    #[test]
    fn forbidden_says_what() {
        let err = actor(Role::Customer)
            .require(Action::ViewAudit)
            .expect_err("forbidden");
        assert_eq!(err.to_string(), "you are not allowed to read the audit log");
    }
}
