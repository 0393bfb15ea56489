//! Users (staff and customers), teams and departments, and password sign-in.

use accord_core::access::{Action, Actor};
use accord_core::ids::{ContactId, OrganizationId, TeamId, UserId};
use accord_core::language::Language;
use accord_core::people::{NewTeam, NewUser, Role, Team, TeamKind, User};
use accord_core::{DomainError, validate::Checker};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use jiff::Timestamp;
use uuid::Uuid;

use crate::codec::{parse, parse_language, to_micros};
use crate::{Result, Store, StoreError};

/// The signed-in user as every request needs it: enough to authorize, nothing more.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PrincipalRow {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: String,
    pub language: String,
    pub organization_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub language: Language,
    pub organization_id: Option<OrganizationId>,
    pub contact_id: Option<ContactId>,
}

impl Principal {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            role: self.role,
            organization_id: self.organization_id,
            contact_id: self.contact_id,
        }
    }
}

impl TryFrom<PrincipalRow> for Principal {
    type Error = StoreError;
    fn try_from(r: PrincipalRow) -> Result<Self> {
        Ok(Principal {
            id: UserId(r.id),
            email: r.email,
            name: r.name,
            role: parse(&r.role, "users.role", Role::parse)?,
            language: parse_language(&r.language, "users.language")?,
            organization_id: r.organization_id.map(OrganizationId),
            contact_id: r.contact_id.map(ContactId),
        })
    }
}

pub(crate) const PRINCIPAL_COLUMNS: &str =
    "u.id, u.email, u.name, u.role, u.language, u.organization_id, u.contact_id";

#[derive(sqlx::FromRow)]
struct UserRow {
    #[sqlx(flatten)]
    principal: PrincipalRow,
    active: bool,
}

#[derive(sqlx::FromRow)]
struct TeamRow {
    id: Uuid,
    name: String,
    kind: String,
    description: Option<String>,
}

impl TryFrom<TeamRow> for Team {
    type Error = StoreError;
    fn try_from(r: TeamRow) -> Result<Self> {
        Ok(Team {
            id: TeamId(r.id),
            name: r.name,
            kind: parse(&r.kind, "teams.kind", TeamKind::parse)?,
            description: r.description,
        })
    }
}

/// Argon2id with the crate's defaults (RFC 9106 second recommendation), off the async threads.
pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| StoreError::Config(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| StoreError::Config(format!("password hashing task failed: {e}")))?
}

async fn verify_password(hash: Option<String>, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        // Without a stored hash, still spend the time of a check so response timing does
        // not reveal which accounts exist.
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_owned());
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
            && hash != DUMMY_HASH
    })
    .await
    .unwrap_or(false)
}

const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Xu6tbfcuIYw3XHvnprrVC0OIzRMJgWBA5TGyFQ6P4p4";

impl Store {
    /// Creates a user. `actor` is `None` for the operator's CLI, which acts as the system.
    pub async fn create_user(
        &self,
        actor: Option<&Actor>,
        new: NewUser,
        now: Timestamp,
    ) -> Result<User> {
        if let Some(actor) = actor {
            actor.require(Action::ManageUsers)?;
        }
        new.validate()?;
        let email = new.email.trim().to_lowercase();
        let password_hash = match new.password.clone() {
            Some(p) => Some(hash_password(p).await?),
            None => None,
        };
        let id = UserId::new();
        let language = new.language.unwrap_or(Language::En);
        let actor_id = actor.map(|a| a.user_id.0);
        let result: Result<()> = async {
            write_tx!(self, |tx| {
                for team in &new.team_ids {
                    let exists: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM teams WHERE id = $1")
                        .bind(team.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                    if exists.is_none() {
                        return Err(DomainError::invalid("team_ids", "unknown_team", format!("no team has id {team}")).into());
                    }
                }
                sqlx::query(
                    "INSERT INTO users (id, email, name, role, language, password_hash, organization_id, contact_id, active, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(id.0)
                .bind(&email)
                .bind(new.name.trim())
                .bind(new.role.as_str())
                .bind(language.code())
                .bind(&password_hash)
                .bind(new.organization_id.map(|o| o.0))
                .bind(new.contact_id.map(|c| c.0))
                .bind(true)
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await?;
                for team in &new.team_ids {
                    sqlx::query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)")
                        .bind(team.0)
                        .bind(id.0)
                        .execute(&mut *tx)
                        .await?;
                }
                audit!(tx, actor_id, now, "user.create", "user", Some(id.to_string()),
                    serde_json::json!({"email": email, "role": new.role.as_str()}));
            });
            Ok(())
        }
        .await;
        match result {
            Err(e) if e.is_unique_violation() => Err(DomainError::Conflict(format!(
                "a user with email {email} already exists"
            ))
            .into()),
            Err(e) => Err(e),
            Ok(()) => self.get_user(id).await,
        }
    }

    pub async fn get_user(&self, id: UserId) -> Result<User> {
        let sql = format!("SELECT {PRINCIPAL_COLUMNS}, u.active FROM users u WHERE u.id = $1");
        let (row, teams): (Option<UserRow>, Vec<(Uuid,)>) = read_db!(self, |ex| {
            let row = sqlx::query_as(&sql).bind(id.0).fetch_optional(ex).await?;
            let teams = sqlx::query_as(
                "SELECT team_id FROM team_members WHERE user_id = $1 ORDER BY team_id",
            )
            .bind(id.0)
            .fetch_all(ex)
            .await?;
            (row, teams)
        });
        let row = row.ok_or(StoreError::not_found("user"))?;
        let p = Principal::try_from(row.principal)?;
        Ok(User {
            id: p.id,
            email: p.email,
            name: p.name,
            role: p.role,
            language: p.language,
            organization_id: p.organization_id,
            contact_id: p.contact_id,
            active: row.active,
            team_ids: teams.into_iter().map(|(t,)| TeamId(t)).collect(),
        })
    }

    pub async fn find_user_by_email(&self, email: &str) -> Result<Option<Principal>> {
        let sql =
            format!("SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.email = $1 AND u.active = $2");
        let row: Option<PrincipalRow> = read_db!(self, |ex| {
            sqlx::query_as(&sql)
                .bind(email.trim().to_lowercase())
                .bind(true)
                .fetch_optional(ex)
                .await?
        });
        row.map(Principal::try_from).transpose()
    }

    /// Checks a password; `None` when the email is unknown, the account inactive or the
    /// password wrong (callers must not tell these apart to the user).
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<Option<Principal>> {
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1 AND u.active = $2"
        );
        let row: Option<(PrincipalRow, Option<String>)> = read_db!(self, |ex| {
            sqlx::query_as::<_, PrincipalWithHash>(&sql)
                .bind(email.trim().to_lowercase())
                .bind(true)
                .fetch_optional(ex)
                .await?
                .map(|r| (r.principal, r.password_hash))
        });
        let (principal, hash) = match row {
            Some((p, h)) => (Some(p), h),
            None => (None, None),
        };
        if verify_password(hash, password.to_owned()).await {
            principal.map(Principal::try_from).transpose()
        } else {
            Ok(None)
        }
    }

    pub async fn set_password(
        &self,
        actor: Option<&Actor>,
        user: UserId,
        password: &str,
    ) -> Result<()> {
        if let Some(actor) = actor
            && actor.user_id != user
        {
            actor.require(Action::ManageUsers)?;
        }
        let mut c = Checker::new();
        accord_core::people::check_password(&mut c, password);
        c.finish()?;
        let hash = hash_password(password.to_owned()).await?;
        let actor_id = actor.map(|a| a.user_id.0);
        write_tx!(self, |tx| {
            let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(&hash)
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::not_found("user"));
            }
            audit!(
                tx,
                actor_id,
                crate::codec::now(),
                "user.password",
                "user",
                Some(user.to_string()),
                serde_json::json!({})
            );
        });
        Ok(())
    }

    /// Staff members, for assignment pickers and the API.
    pub async fn list_staff(&self, actor: &Actor) -> Result<Vec<Principal>> {
        actor.require(Action::ViewStaff)?;
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.role <> $1 AND u.active = $2 ORDER BY u.name"
        );
        let rows: Vec<PrincipalRow> = read_db!(self, |ex| {
            sqlx::query_as(&sql)
                .bind(Role::Customer.as_str())
                .bind(true)
                .fetch_all(ex)
                .await?
        });
        rows.into_iter().map(Principal::try_from).collect()
    }

    pub async fn list_teams(&self, actor: &Actor) -> Result<Vec<Team>> {
        actor.require(Action::ViewStaff)?;
        let rows: Vec<TeamRow> = read_db!(self, |ex| {
            sqlx::query_as("SELECT id, name, kind, description FROM teams ORDER BY name")
                .fetch_all(ex)
                .await?
        });
        rows.into_iter().map(Team::try_from).collect()
    }

    pub async fn get_team(&self, actor: &Actor, id: TeamId) -> Result<Team> {
        actor.require(Action::ViewStaff)?;
        let row: Option<TeamRow> = read_db!(self, |ex| {
            sqlx::query_as("SELECT id, name, kind, description FROM teams WHERE id = $1")
                .bind(id.0)
                .fetch_optional(ex)
                .await?
        });
        row.ok_or(StoreError::not_found("team"))?.try_into()
    }

    pub async fn create_team(
        &self,
        actor: Option<&Actor>,
        new: NewTeam,
        now: Timestamp,
    ) -> Result<Team> {
        if let Some(actor) = actor {
            actor.require(Action::ManageTeams)?;
        }
        new.validate()?;
        let id = TeamId::new();
        let actor_id = actor.map(|a| a.user_id.0);
        let result: Result<()> = async {
            write_tx!(self, |tx| {
                sqlx::query("INSERT INTO teams (id, name, kind, description, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id.0)
                    .bind(new.name.trim())
                    .bind(new.kind.as_str())
                    .bind(&new.description)
                    .bind(to_micros(now))
                    .execute(&mut *tx)
                    .await?;
                audit!(tx, actor_id, now, "team.create", "team", Some(id.to_string()), serde_json::json!({"name": new.name}));
            });
            Ok(())
        }
        .await;
        match result {
            Err(e) if e.is_unique_violation() => Err(DomainError::Conflict(format!(
                "a team named {} already exists",
                new.name.trim()
            ))
            .into()),
            other => other.map(|()| Team {
                id,
                name: new.name.trim().to_owned(),
                kind: new.kind,
                description: new.description,
            }),
        }
    }
}

#[derive(sqlx::FromRow)]
struct PrincipalWithHash {
    #[sqlx(flatten)]
    principal: PrincipalRow,
    password_hash: Option<String>,
}

impl Store {
    /// Whether any user exists: a fresh installation has none.
    pub async fn has_users(&self) -> Result<bool> {
        let row: Option<(Uuid,)> =
            read_db!(self, |ex| sqlx::query_as("SELECT id FROM users LIMIT 1")
                .fetch_optional(ex)
                .await?);
        Ok(row.is_some())
    }

    /// Every active user, staff first, for operator tools (no actor: CLI only).
    pub async fn list_users_for_listing(&self) -> Result<Vec<Principal>> {
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.active = $1 ORDER BY CASE WHEN u.role = 'customer' THEN 1 ELSE 0 END, u.created_at, u.email"
        );
        let rows: Vec<PrincipalRow> = read_db!(self, |ex| sqlx::query_as(&sql)
            .bind(true)
            .fetch_all(ex)
            .await?);
        rows.into_iter().map(Principal::try_from).collect()
    }
}
