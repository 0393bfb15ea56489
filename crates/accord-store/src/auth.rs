//! API tokens and browser sessions.
//!
//! Both are 256-bit random secrets shown to their holder once; the database keeps only
//! their SHA-256. A token is not a password (it has full entropy), so a fast hash is as
//! safe as a slow one, and checking one costs one indexed lookup.

use accord_core::access::Actor;
use accord_core::ids::UserId;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::record;
use crate::codec::to_micros;
use crate::staff::{PRINCIPAL_COLUMNS, Principal};
use crate::{Result, Store, StoreError};

/// Prefix that makes Accord tokens recognizable to secret scanners.
pub const TOKEN_PREFIX: &str = "acc_";

pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn secret_hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// How long a checked API token is remembered without asking the database again.
pub const TOKEN_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(10);

/// Recently checked tokens (by hash) and their users.
#[derive(Default)]
pub(crate) struct TokenCache {
    entries: std::sync::Mutex<std::collections::HashMap<Vec<u8>, (Principal, std::time::Instant)>>,
}

impl TokenCache {
    fn get(&self, hash: &[u8]) -> Option<Principal> {
        let entries = self.entries.lock().ok()?;
        let (principal, at) = entries.get(hash)?;
        (at.elapsed() < TOKEN_CACHE_TTL).then(|| principal.clone())
    }

    fn put(&self, hash: Vec<u8>, principal: Principal) {
        if let Ok(mut entries) = self.entries.lock() {
            // Bounded: past a few thousand clients, start over rather than grow.
            if entries.len() >= 4096 {
                entries.clear();
            }
            entries.insert(hash, (principal, std::time::Instant::now()));
        }
    }
}

/// A browser session: who, and the token forms must echo back.
#[derive(Clone, Debug)]
pub struct Session {
    pub principal: Principal,
    pub csrf_token: String,
}

impl Store {
    /// Issues a new API token for a user and returns it; it cannot be shown again.
    pub async fn create_token(
        &self,
        actor: Option<&Actor>,
        user: UserId,
        name: &str,
        now: Timestamp,
    ) -> Result<String> {
        if let Some(actor) = actor
            && actor.user_id != user
        {
            actor.require(accord_core::access::Action::ManageUsers)?;
        }
        let token = format!("{TOKEN_PREFIX}{}", random_secret());
        let id = Uuid::now_v7();
        let mut tx = self.write().await?;
        if tx
            .fetch_optional("SELECT id FROM users WHERE id = $1", args![user.0])
            .await?
            .is_none()
        {
            return Err(StoreError::not_found("user"));
        }
        tx.execute(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
            args![id, user.0, name, secret_hash(&token), to_micros(now)],
        )
        .await?;
        let detail = serde_json::json!({"token_id": id, "name": name});
        record(
            &mut tx,
            actor.map(|a| a.user_id.0),
            now,
            "token.create",
            "user",
            Some(user.to_string()),
            detail,
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The active user a bearer token belongs to, if the token is valid. Answers are
    /// remembered on this node for [`TOKEN_CACHE_TTL`]: API clients send the same token on
    /// every request, and a revoked token or deactivated user stops working within that time.
    pub async fn authenticate_token(&self, token: &str) -> Result<Option<Principal>> {
        if !token.starts_with(TOKEN_PREFIX) || token.len() > 200 {
            return Ok(None);
        }
        let hash = secret_hash(token);
        if let Some(principal) = self.tokens.get(&hash) {
            return Ok(Some(principal));
        }
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = $2"
        );
        let row = self
            .read()
            .await?
            .fetch_optional(&sql, args![hash, true])
            .await?;
        let principal = row.map(|mut r| Principal::from_row(&mut r)).transpose()?;
        if let Some(p) = &principal {
            self.tokens.put(hash, p.clone());
        }
        Ok(principal)
    }

    /// Starts a browser session; returns the cookie secret and the CSRF token.
    pub async fn create_session(
        &self,
        user: UserId,
        ttl: SignedDuration,
        now: Timestamp,
    ) -> Result<(String, String)> {
        let secret = random_secret();
        let csrf = random_secret();
        let expires = now
            .checked_add(ttl)
            .map_err(|e| StoreError::Config(format!("session lifetime: {e}")))?;
        let mut tx = self.write().await?;
        tx.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            args![secret_hash(&secret), user.0, csrf, to_micros(now), to_micros(expires)],
        )
        .await?;
        // Sessions are few; sweeping the expired ones on sign-in keeps the table small
        // without a background job.
        tx.execute(
            "DELETE FROM sessions WHERE expires_at < $1",
            args![to_micros(now)],
        )
        .await?;
        record(
            &mut tx,
            Some(user.0),
            now,
            "session.create",
            "user",
            Some(user.to_string()),
            serde_json::json!({}),
        )
        .await?;
        tx.commit().await?;
        Ok((secret, csrf))
    }

    pub async fn session(&self, secret: &str, now: Timestamp) -> Result<Option<Session>> {
        if secret.len() > 100 {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {PRINCIPAL_COLUMNS}, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = $3"
        );
        let row = self
            .read()
            .await?
            .fetch_optional(&sql, args![secret_hash(secret), to_micros(now), true])
            .await?;
        row.map(|mut r| {
            Ok(Session {
                principal: Principal::from_row(&mut r)?,
                csrf_token: r.text(7)?,
            })
        })
        .transpose()
    }

    pub async fn delete_session(&self, secret: &str) -> Result<()> {
        let mut tx = self.write().await?;
        tx.execute(
            "DELETE FROM sessions WHERE token_hash = $1",
            args![secret_hash(secret)],
        )
        .await?;
        tx.commit().await
    }
}
