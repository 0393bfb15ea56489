//! Users (staff and customers), teams and departments, and password sign-in.

use accord_core::access::{Action, Actor};
use accord_core::ids::{ContactId, OrganizationId, TeamId, UserId};
use accord_core::language::Language;
use accord_core::people::{NewTeam, NewUser, Role, Team, TeamKind, User};
use accord_core::{DomainError, validate::Checker};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use jiff::Timestamp;

use crate::audit::record;
use crate::codec::{parse, parse_language, to_micros};
use crate::value::Row;
use crate::{Result, Store, StoreError};

/// The signed-in user as every request needs it: enough to authorize, nothing more.
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

    /// Decodes the first seven columns, as selected by [`PRINCIPAL_COLUMNS`].
    pub(crate) fn from_row(r: &mut Row) -> Result<Principal> {
        Ok(Principal {
            id: UserId(r.uuid(0)?),
            email: r.text(1)?,
            name: r.text(2)?,
            role: parse(&r.text(3)?, "users.role", Role::parse)?,
            language: parse_language(&r.text(4)?, "users.language")?,
            organization_id: r.opt_uuid(5)?.map(OrganizationId),
            contact_id: r.opt_uuid(6)?.map(ContactId),
        })
    }
}

pub(crate) const PRINCIPAL_COLUMNS: &str =
    "u.id, u.email, u.name, u.role, u.language, u.organization_id, u.contact_id";

fn team_from_row(mut r: Row) -> Result<Team> {
    Ok(Team {
        id: TeamId(r.uuid(0)?),
        name: r.text(1)?,
        kind: parse(&r.text(2)?, "teams.kind", TeamKind::parse)?,
        description: r.opt_text(3)?,
    })
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
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let matches = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        matches && known
    })
    .await
    .unwrap_or(false)
}

const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Xu6tbfcuIYw3XHvnprrVC0OIzRMJgWBA5TGyFQ6P4p4";

/// A user as the administrators' list shows them.
#[derive(Clone, Debug)]
pub struct UserRow {
    pub principal: Principal,
    pub active: bool,
}

fn check_new_password(password: &str) -> Result<()> {
    let mut c = Checker::new();
    accord_core::people::check_password(&mut c, password);
    Ok(c.finish()?)
}

/// Stores a new password hash and ends the user's sessions but `keep` (a session secret's
/// hash); returns how many ended. Audited in the same transaction.
async fn store_password(
    tx: &mut crate::db::Conn<'_>,
    actor: Option<&Actor>,
    user: UserId,
    hash: &str,
    keep: Option<&[u8]>,
    now: Timestamp,
) -> Result<u64> {
    if tx
        .execute(
            "UPDATE users SET password_hash = $1 WHERE id = $2",
            args![hash, user.0],
        )
        .await?
        == 0
    {
        return Err(StoreError::not_found("user"));
    }
    let ended = crate::auth::end_sessions(tx, user, keep).await?;
    record(
        tx,
        actor.map(|a| a.user_id.0),
        now,
        "user.password",
        "user",
        Some(user.to_string()),
        serde_json::json!({"sessions_ended": ended}),
    )
    .await?;
    Ok(ended)
}

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
        let result: Result<()> = async {
            let mut tx = self.write().await?;
            for team in &new.team_ids {
                if tx.fetch_optional("SELECT id FROM teams WHERE id = $1", args![team.0]).await?.is_none() {
                    return Err(DomainError::invalid("team_ids", "unknown_team", format!("no team has id {team}")).into());
                }
            }
            tx.execute(
                "INSERT INTO users (id, email, name, role, language, password_hash, organization_id, contact_id, active, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                args![
                    id.0,
                    email,
                    new.name.trim(),
                    new.role.as_str(),
                    language.code(),
                    password_hash,
                    new.organization_id.map(|o| o.0),
                    new.contact_id.map(|c| c.0),
                    true,
                    to_micros(now)
                ],
            )
            .await?;
            for team in &new.team_ids {
                tx.execute("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)", args![team.0, id.0]).await?;
            }
            let detail = serde_json::json!({"email": email, "role": new.role.as_str()});
            record(&mut tx, actor.map(|a| a.user_id.0), now, "user.create", "user", Some(id.to_string()), detail).await?;
            tx.commit().await
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
        let mut c = self.read().await?;
        let row = c
            .fetch_optional(
                &format!("SELECT {PRINCIPAL_COLUMNS}, u.active FROM users u WHERE u.id = $1"),
                args![id.0],
            )
            .await?;
        let teams = c
            .fetch_all(
                "SELECT team_id FROM team_members WHERE user_id = $1 ORDER BY team_id",
                args![id.0],
            )
            .await?;
        let mut row = row.ok_or(StoreError::not_found("user"))?;
        let p = Principal::from_row(&mut row)?;
        Ok(User {
            id: p.id,
            email: p.email,
            name: p.name,
            role: p.role,
            language: p.language,
            organization_id: p.organization_id,
            contact_id: p.contact_id,
            active: row.bool(7)?,
            team_ids: teams
                .into_iter()
                .map(|mut t| t.uuid(0).map(TeamId))
                .collect::<Result<_>>()?,
        })
    }

    pub async fn find_user_by_email(&self, email: &str) -> Result<Option<Principal>> {
        let sql =
            format!("SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.email = $1 AND u.active = $2");
        let row = self
            .read()
            .await?
            .fetch_optional(&sql, args![email.trim().to_lowercase(), true])
            .await?;
        row.map(|mut r| Principal::from_row(&mut r)).transpose()
    }

    /// Checks a password; `None` when the email is unknown, the account inactive or the
    /// password wrong (callers must not tell these apart to the user).
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<Option<Principal>> {
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1 AND u.active = $2"
        );
        let row = self
            .read()
            .await?
            .fetch_optional(&sql, args![email.trim().to_lowercase(), true])
            .await?;
        let (principal, hash) = match row {
            Some(mut r) => (Some(Principal::from_row(&mut r)?), r.opt_text(7)?),
            None => (None, None),
        };
        Ok(if verify_password(hash, password.to_owned()).await {
            principal
        } else {
            None
        })
    }

    /// Sets a user's password (an administrator's reset, or the operator's CLI when `actor`
    /// is `None`) and ends every session of theirs: whoever was signed in with the old
    /// password is signed out everywhere. Their API tokens are separate credentials and stay.
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
        check_new_password(password)?;
        let hash = hash_password(password.to_owned()).await?;
        let mut tx = self.write().await?;
        store_password(&mut tx, actor, user, &hash, None, crate::codec::now()).await?;
        tx.commit().await
    }

    /// A signed-in user changes their own password, proving they know the current one. Every
    /// other session of theirs ends; the one it is changed from (`keep`, the secret of its
    /// cookie) stays signed in. Returns how many sessions ended.
    pub async fn change_own_password(
        &self,
        actor: &Actor,
        current: &str,
        new: &str,
        keep: Option<&str>,
        now: Timestamp,
    ) -> Result<u64> {
        let mut c = Checker::new();
        if current.is_empty() {
            c.push(accord_core::FieldError::new(
                "current_password",
                "required",
                "must not be empty",
            ));
        }
        accord_core::people::check_password(&mut c, new);
        c.finish()?;
        let stored = self
            .read()
            .await?
            .fetch_optional(
                "SELECT password_hash FROM users WHERE id = $1 AND active = $2",
                args![actor.user_id.0, true],
            )
            .await?
            .ok_or(StoreError::not_found("user"))?
            .opt_text(0)?;
        // An account made by a sign-in link may have no password yet: nothing to prove then
        // beyond the session itself.
        if stored.is_some() && !verify_password(stored, current.to_owned()).await {
            return Err(DomainError::invalid(
                "current_password",
                "wrong_password",
                "is not the current password",
            )
            .into());
        }
        let hash = hash_password(new.to_owned()).await?;
        let keep = keep.map(crate::auth::secret_hash);
        let mut tx = self.write().await?;
        let ended = store_password(
            &mut tx,
            Some(actor),
            actor.user_id,
            &hash,
            keep.as_deref(),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// Deactivates a user (`active` false) or reactivates them. A deactivated user cannot
    /// sign in, their sessions end at once and their API tokens are refused on every node
    /// while they stay deactivated (reactivating brings back the tokens that were neither
    /// revoked nor expired). Nobody deactivates themselves. Changing nothing records nothing.
    pub async fn set_user_active(
        &self,
        actor: Option<&Actor>,
        user: UserId,
        active: bool,
        now: Timestamp,
    ) -> Result<User> {
        if let Some(actor) = actor {
            actor.require(Action::ManageUsers)?;
            if actor.user_id == user && !active {
                return Err(DomainError::invalid(
                    "user",
                    "own_account",
                    "you cannot deactivate your own account",
                )
                .into());
            }
        }
        let mut tx = self.write().await?;
        let mut row = tx
            .fetch_optional(
                "SELECT active, email FROM users WHERE id = $1",
                args![user.0],
            )
            .await?
            .ok_or(StoreError::not_found("user"))?;
        let (was, email) = (row.bool(0)?, row.text(1)?);
        if was != active {
            tx.execute(
                "UPDATE users SET active = $1 WHERE id = $2",
                args![active, user.0],
            )
            .await?;
            let (action, detail) = if active {
                ("user.reactivate", serde_json::json!({"email": email}))
            } else {
                let ended = crate::auth::end_sessions(&mut tx, user, None).await?;
                (
                    "user.deactivate",
                    serde_json::json!({"email": email, "sessions_ended": ended}),
                )
            };
            record(
                &mut tx,
                actor.map(|a| a.user_id.0),
                now,
                action,
                "user",
                Some(user.to_string()),
                detail,
            )
            .await?;
        }
        tx.commit().await?;
        self.get_user(user).await
    }

    /// The user with this email address, active or not (operator tools: no actor).
    pub async fn user_id_by_email(&self, email: &str) -> Result<Option<UserId>> {
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT id FROM users WHERE email = $1",
                args![email.trim().to_lowercase()],
            )
            .await?;
        row.map(|mut r| r.uuid(0).map(UserId)).transpose()
    }

    /// Users for the administrators' list, active or not: staff first, then customers, by
    /// name; those whose name or email contains `search` (any case) when given.
    pub async fn list_users(
        &self,
        actor: &Actor,
        search: Option<&str>,
        limit: u32,
    ) -> Result<Vec<UserRow>> {
        actor.require(Action::ManageUsers)?;
        let pattern = format!(
            "%{}%",
            search
                .unwrap_or_default()
                .trim()
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS}, u.active FROM users u \
             WHERE (LOWER(u.email) LIKE $1 ESCAPE '\\' OR LOWER(u.name) LIKE $1 ESCAPE '\\') \
             ORDER BY CASE WHEN u.role = $2 THEN 1 ELSE 0 END, u.name, u.email LIMIT $3"
        );
        let rows = self
            .read()
            .await?
            .fetch_all(
                &sql,
                args![
                    pattern,
                    Role::Customer.as_str(),
                    i64::from(limit.clamp(1, 1000))
                ],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(UserRow {
                    principal: Principal::from_row(&mut r)?,
                    active: r.bool(7)?,
                })
            })
            .collect()
    }

    /// Staff members, for assignment pickers and the API.
    pub async fn list_staff(&self, actor: &Actor) -> Result<Vec<Principal>> {
        actor.require(Action::ViewStaff)?;
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.role <> $1 AND u.active = $2 ORDER BY u.name"
        );
        let rows = self
            .read()
            .await?
            .fetch_all(&sql, args![Role::Customer.as_str(), true])
            .await?;
        rows.into_iter()
            .map(|mut r| Principal::from_row(&mut r))
            .collect()
    }

    /// The team of this name or id, for settings that name teams (email mailboxes).
    pub async fn team_by_name(&self, name: &str) -> Result<Option<TeamId>> {
        let mut c = self.read().await?;
        let row = match name.trim().parse::<uuid::Uuid>() {
            Ok(id) => {
                c.fetch_optional("SELECT id FROM teams WHERE id = $1", args![id])
                    .await?
            }
            Err(_) => {
                c.fetch_optional(
                    "SELECT id FROM teams WHERE LOWER(name) = LOWER($1)",
                    args![name.trim()],
                )
                .await?
            }
        };
        row.map(|mut r| r.uuid(0).map(TeamId)).transpose()
    }

    pub async fn list_teams(&self, actor: &Actor) -> Result<Vec<Team>> {
        actor.require(Action::ViewStaff)?;
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT id, name, kind, description FROM teams ORDER BY name",
                &[],
            )
            .await?;
        rows.into_iter().map(team_from_row).collect()
    }

    pub async fn get_team(&self, actor: &Actor, id: TeamId) -> Result<Team> {
        actor.require(Action::ViewStaff)?;
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT id, name, kind, description FROM teams WHERE id = $1",
                args![id.0],
            )
            .await?;
        team_from_row(row.ok_or(StoreError::not_found("team"))?)
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
        let result: Result<()> = async {
            let mut tx = self.write().await?;
            tx.execute(
                "INSERT INTO teams (id, name, kind, description, created_at) VALUES ($1, $2, $3, $4, $5)",
                args![id.0, new.name.trim(), new.kind.as_str(), new.description, to_micros(now)],
            )
            .await?;
            record(&mut tx, actor.map(|a| a.user_id.0), now, "team.create", "team", Some(id.to_string()), serde_json::json!({"name": new.name})).await?;
            tx.commit().await
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

    /// Whether any user exists: a fresh installation has none.
    pub async fn has_users(&self) -> Result<bool> {
        Ok(self
            .read()
            .await?
            .fetch_optional("SELECT id FROM users LIMIT 1", &[])
            .await?
            .is_some())
    }

    /// Every active user, staff first, for operator tools (no actor: CLI only).
    pub async fn list_users_for_listing(&self) -> Result<Vec<Principal>> {
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM users u WHERE u.active = $1 ORDER BY CASE WHEN u.role = 'customer' THEN 1 ELSE 0 END, u.created_at, u.email"
        );
        let rows = self.read().await?.fetch_all(&sql, args![true]).await?;
        rows.into_iter()
            .map(|mut r| Principal::from_row(&mut r))
            .collect()
    }
}
