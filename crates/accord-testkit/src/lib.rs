//! Test support: fresh databases on both engines and a shared cast of users.
//!
//! PostgreSQL comes from `ACCORD_TEST_POSTGRES_URL` (an admin connection to a server that
//! `scripts/test` starts from the machine's PostgreSQL binaries). Without it the PostgreSQL
//! half of every storage test fails, never skips: a backend must not fall behind silently.

use accord_core::access::Actor;
use accord_core::ids::*;
use accord_core::language::Language;
use accord_core::people::*;
use accord_store::{Store, StoreOptions};
use jiff::Timestamp;

pub use jiff;

/// A fresh, migrated database that lives as long as this value.
pub struct TestDb {
    pub store: Store,
    pub url: String,
    _dir: tempfile::TempDir,
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", dir.path().join("accord.db").display());
        Self::open(url, dir).await
    }

    pub async fn postgres() -> TestDb {
        let admin_url = std::env::var("ACCORD_TEST_POSTGRES_URL").unwrap_or_else(|_| {
            panic!(
                "ACCORD_TEST_POSTGRES_URL is not set. Run the tests with scripts/test, which starts a \
                 throwaway PostgreSQL and sets it, or point it at a server where this user may CREATE DATABASE."
            )
        });
        let name = format!("accord_test_{}", uuid::Uuid::now_v7().simple());
        {
            use sqlx::Connection;
            let mut admin = sqlx::PgConnection::connect(&admin_url)
                .await
                .expect("connect to ACCORD_TEST_POSTGRES_URL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .expect("create test database");
        }
        let (address, query) = admin_url.split_once('?').unwrap_or((&admin_url, ""));
        let (base, _) = address
            .rsplit_once('/')
            .expect("ACCORD_TEST_POSTGRES_URL ends with /database");
        let url = if query.is_empty() {
            format!("{base}/{name}")
        } else {
            format!("{base}/{name}?{query}")
        };
        Self::open(url, tempfile::tempdir().expect("temporary directory")).await
    }

    /// Runs one statement on a separate connection, bypassing the store: for tests that
    /// check what the database itself refuses.
    pub async fn execute_raw(&self, sql: &str) -> Result<u64, sqlx::Error> {
        use sqlx::Connection;
        if self.url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&self.url).await?;
            Ok(sqlx::query(sql).execute(&mut conn).await?.rows_affected())
        } else {
            let mut conn = sqlx::PgConnection::connect(&self.url).await?;
            Ok(sqlx::query(sql).execute(&mut conn).await?.rows_affected())
        }
    }

    /// The folder of this database's files (attachments under `attachments/`), as a server
    /// process's `ACCORD_DATA_DIR` would be.
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// Another connection to the same database, as a second server process would have.
    pub async fn another_node(&self) -> Store {
        Store::connect(&StoreOptions {
            url: self.url.clone(),
            attachments_dir: self._dir.path().join("attachments"),
            max_connections: 4,
        })
        .await
        .expect("connect a second node")
    }

    async fn open(url: String, dir: tempfile::TempDir) -> TestDb {
        let store = Store::connect(&StoreOptions {
            url: url.clone(),
            attachments_dir: dir.path().join("attachments"),
            max_connections: 4,
        })
        .await
        .expect("connect test database");
        store.migrate().await.expect("migrate test database");
        TestDb {
            store,
            url,
            _dir: dir,
        }
    }
}

/// Expands one async test body into a SQLite test and a PostgreSQL test, so no backend
/// falls behind silently. The body sees the fresh database as `$db: TestDb`.
#[macro_export]
macro_rules! db_test {
    ($(#[$meta:meta])* async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $db = $crate::TestDb::sqlite().await;
                $body
            }
            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let $db = $crate::TestDb::postgres().await;
                $body
            }
        }
    };
}

/// One of each kind of user, two customer organizations, a team and a department.
pub struct Cast {
    pub admin: Actor,
    pub supervisor: Actor,
    pub agent: Actor,
    /// A customer of organization A.
    pub customer_a: Actor,
    /// A customer of organization B.
    pub customer_b: Actor,
    pub org_a: OrganizationId,
    pub org_b: OrganizationId,
    pub contact_a: ContactId,
    pub contact_b: ContactId,
    pub team: TeamId,
    pub department: TeamId,
}

pub const PASSWORD: &str = "correct horse battery";

/// An instant of November 2026 in Riga, the month the clock tests live in (Monday the
/// 23rd is a working day; the 20th a Friday).
pub fn riga(day: i8, hour: i8, minute: i8) -> Timestamp {
    jiff::civil::date(2026, 11, day)
        .at(hour, minute, 0, 0)
        .to_zoned(jiff::tz::TimeZone::get("Europe/Riga").expect("Riga's zone is bundled"))
        .expect("a valid Riga time")
        .timestamp()
}

pub fn now() -> Timestamp {
    Timestamp::now()
}

fn actor_of(user: &User) -> Actor {
    Actor {
        user_id: user.id,
        role: user.role,
        organization_id: user.organization_id,
        contact_id: user.contact_id,
    }
}

impl Cast {
    pub async fn create(store: &Store) -> Cast {
        let team = store
            .create_team(
                None,
                NewTeam {
                    name: "Atbalsts".into(),
                    kind: TeamKind::Team,
                    description: None,
                },
                now(),
            )
            .await
            .expect("team");
        let department = store
            .create_team(
                None,
                NewTeam {
                    name: "Facturación".into(),
                    kind: TeamKind::Department,
                    description: None,
                },
                now(),
            )
            .await
            .expect("department");
        let user = |email: &str,
                    name: &str,
                    role: Role,
                    org: Option<OrganizationId>,
                    contact: Option<ContactId>,
                    teams: Vec<TeamId>| NewUser {
            email: email.into(),
            name: name.into(),
            role,
            language: Some(Language::En),
            password: Some(PASSWORD.into()),
            organization_id: org,
            contact_id: contact,
            team_ids: teams,
        };
        let admin = store
            .create_user(
                None,
                user(
                    "admin@accord.test",
                    "Ada Admin",
                    Role::Admin,
                    None,
                    None,
                    vec![],
                ),
                now(),
            )
            .await
            .expect("admin");
        let supervisor = store
            .create_user(
                None,
                user(
                    "sofia@accord.test",
                    "Sofia Supervisora",
                    Role::Supervisor,
                    None,
                    None,
                    vec![team.id],
                ),
                now(),
            )
            .await
            .expect("supervisor");
        let agent = store
            .create_user(
                None,
                user(
                    "janis@accord.test",
                    "Jānis Aģents",
                    Role::Agent,
                    None,
                    None,
                    vec![team.id],
                ),
                now(),
            )
            .await
            .expect("agent");
        let org_a = store
            .create_organization(
                None,
                OrganizationInput {
                    name: Some("Ācme Latvija".into()),
                    ..Default::default()
                },
                now(),
            )
            .await
            .expect("org a");
        let org_b = store
            .create_organization(
                None,
                OrganizationInput {
                    name: Some("Beta Ltda".into()),
                    ..Default::default()
                },
                now(),
            )
            .await
            .expect("org b");
        let contact = |name: &str, org: OrganizationId, email: &str| ContactInput {
            name: Some(name.into()),
            organization_id: Some(org),
            preferred_language: None,
            identities: Some(vec![Identity {
                kind: IdentityKind::Email,
                value: email.into(),
            }]),
        };
        let contact_a = store
            .create_contact(
                None,
                contact("Ilze Kalniņa", org_a.id, "ilze@acme.lv"),
                now(),
            )
            .await
            .expect("contact a");
        let contact_b = store
            .create_contact(
                None,
                contact("João Silva", org_b.id, "joao@beta.com.br"),
                now(),
            )
            .await
            .expect("contact b");
        let customer_a = store
            .create_user(
                None,
                user(
                    "ilze@acme.lv",
                    "Ilze Kalniņa",
                    Role::Customer,
                    Some(org_a.id),
                    Some(contact_a.id),
                    vec![],
                ),
                now(),
            )
            .await
            .expect("customer a");
        let customer_b = store
            .create_user(
                None,
                user(
                    "joao@beta.com.br",
                    "João Silva",
                    Role::Customer,
                    Some(org_b.id),
                    Some(contact_b.id),
                    vec![],
                ),
                now(),
            )
            .await
            .expect("customer b");
        Cast {
            admin: actor_of(&admin),
            supervisor: actor_of(&supervisor),
            agent: actor_of(&agent),
            customer_a: actor_of(&customer_a),
            customer_b: actor_of(&customer_b),
            org_a: org_a.id,
            org_b: org_b.id,
            contact_a: contact_a.id,
            contact_b: contact_b.id,
            team: team.id,
            department: department.id,
        }
    }
}

impl Cast {
    /// Publishes a policy as the supervisor, in force from `at`; returns its version number.
    pub async fn publish(&self, store: &Store, source: &str, at: Timestamp) -> i64 {
        let (draft, _) = store
            .create_policy_draft(&self.supervisor, source, "Published by a test.", at)
            .await
            .expect("a policy draft");
        store
            .publish_policy(&self.supervisor, draft.number, at, &[], at)
            .await
            .expect("published");
        draft.number
    }
}

/// A new email case about `subject` for a contact, everything else left to defaults.
pub fn email_case(subject: &str, contact: ContactId) -> accord_core::case::NewCase {
    accord_core::case::NewCase {
        subject: subject.into(),
        body: None,
        contact_id: Some(contact),
        channel: Some(accord_core::case::Channel::Email),
        language: None,
        priority: None,
        category: None,
        tags: vec![],
        custom_fields: Default::default(),
        team_id: None,
        assignee_id: None,
    }
}
