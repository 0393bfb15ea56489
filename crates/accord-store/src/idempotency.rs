//! Idempotency keys: a creation retried with the same `Idempotency-Key` returns the first
//! response instead of creating twice. The key is claimed in the same transaction as the
//! creation (see `cases::create_case`), so two concurrent retries cannot both create.

use sha2::{Digest, Sha256};

/// What a stored key says about a new request carrying it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replay {
    /// First time this key is seen.
    New,
    /// Same key, same request: answer with the stored response.
    Stored { status: u16, body: String },
    /// Same key, different request: a client bug, answered with 422.
    Mismatch,
}

/// Identifies a request: method, path and body.
pub fn request_fingerprint(method: &str, path: &str, body: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(method.as_bytes());
    h.update([0]);
    h.update(path.as_bytes());
    h.update([0]);
    h.update(body);
    h.finalize().to_vec()
}

/// An idempotency key as a client sent it; validated at the edge.
#[derive(Clone, Debug)]
pub struct IdempotencyKey {
    pub key: String,
    pub fingerprint: Vec<u8>,
}

pub fn valid_key(key: &str) -> bool {
    (1..=255).contains(&key.len()) && key.chars().all(|c| c.is_ascii_graphic())
}

pub(crate) const LOOKUP: &str =
    "SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2";
pub(crate) const INSERT: &str = "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)";

pub(crate) fn replay(row: Option<(Vec<u8>, i32, String)>, fingerprint: &[u8]) -> Replay {
    match row {
        None => Replay::New,
        Some((hash, status, body)) if hash == fingerprint => Replay::Stored {
            status: u16::try_from(status).unwrap_or(500),
            body,
        },
        Some(_) => Replay::Mismatch,
    }
}

/// The outcome of claiming a key before a creation that runs in its own transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// This request owns the key: create, then [`Store::finish_idempotency`].
    Mine,
    /// The key's request already completed: answer with its response.
    Stored { status: u16, body: String },
    /// The same request is still running (or was cut off after creating); retry later.
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

/// Status stored while the claiming request runs.
const PENDING: i32 = 0;

impl crate::Store {
    /// Claims an idempotency key in its own transaction. Used by creations that are not
    /// idempotent in their own transaction (cases are): a retry never creates twice, and a
    /// request cut off between creating and recording its answer leaves the key pending, so
    /// retries are told to wait instead of creating again.
    pub async fn claim_idempotency(
        &self,
        user: accord_core::ids::UserId,
        key: &IdempotencyKey,
        now: jiff::Timestamp,
    ) -> crate::Result<Claim> {
        let inserted = write_tx!(self, |tx| {
            sqlx::query(
                "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, '', $5) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(user.0)
            .bind(&key.key)
            .bind(&key.fingerprint)
            .bind(PENDING)
            .bind(crate::codec::to_micros(now))
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        if inserted == 1 {
            return Ok(Claim::Mine);
        }
        let row: Option<(Vec<u8>, i32, String)> = read_db!(self, |ex| sqlx::query_as(LOOKUP)
            .bind(user.0)
            .bind(&key.key)
            .fetch_optional(ex)
            .await?);
        Ok(match row {
            Some((hash, status, _)) if hash == key.fingerprint && status == PENDING => {
                Claim::InProgress
            }
            other => match replay(other, &key.fingerprint) {
                Replay::Stored { status, body } => Claim::Stored { status, body },
                Replay::Mismatch => Claim::Mismatch,
                // Deleted between the two statements: the claimer failed; treat as in progress.
                Replay::New => Claim::InProgress,
            },
        })
    }

    /// Records the response of a claimed key.
    pub async fn finish_idempotency(
        &self,
        user: accord_core::ids::UserId,
        key: &IdempotencyKey,
        status: u16,
        body: &str,
    ) -> crate::Result<()> {
        write_tx!(self, |tx| {
            sqlx::query("UPDATE idempotency_keys SET status = $1, body = $2 WHERE user_id = $3 AND key = $4")
                .bind(i32::from(status))
                .bind(body)
                .bind(user.0)
                .bind(&key.key)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    /// Gives a claimed key back after the creation failed, so a corrected retry may use it.
    pub async fn release_idempotency(
        &self,
        user: accord_core::ids::UserId,
        key: &IdempotencyKey,
    ) -> crate::Result<()> {
        write_tx!(self, |tx| {
            sqlx::query(
                "DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status = $3",
            )
            .bind(user.0)
            .bind(&key.key)
            .bind(PENDING)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }
}
