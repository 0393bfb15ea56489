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

/// What a stored row (`LOOKUP`) says about a request with this fingerprint.
pub(crate) fn replay(row: Option<crate::value::Row>, fingerprint: &[u8]) -> crate::Result<Replay> {
    let Some(mut row) = row else {
        return Ok(Replay::New);
    };
    let (hash, status, body) = (row.bytes(0)?, row.i64(1)?, row.text(2)?);
    Ok(if hash == fingerprint {
        Replay::Stored {
            status: u16::try_from(status).unwrap_or(500),
            body,
        }
    } else {
        Replay::Mismatch
    })
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
const PENDING: i64 = 0;

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
        let mut tx = self.write().await?;
        let inserted = tx
            .execute(
                "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, '', $5) \
                 ON CONFLICT DO NOTHING",
                args![user.0, key.key, key.fingerprint, PENDING, crate::codec::to_micros(now)],
            )
            .await?;
        let row = if inserted == 1 {
            None
        } else {
            tx.fetch_optional(LOOKUP, args![user.0, key.key]).await?
        };
        tx.commit().await?;
        if inserted == 1 {
            return Ok(Claim::Mine);
        }
        let pending = match &row {
            Some(r) => matches!(r.0.get(1), Some(crate::value::Value::Int(Some(0)))),
            None => false,
        };
        Ok(match replay(row, &key.fingerprint)? {
            Replay::Stored { .. } if pending => Claim::InProgress,
            Replay::Stored { status, body } => Claim::Stored { status, body },
            Replay::Mismatch => Claim::Mismatch,
            // Deleted between the two statements: the claimer failed; treat as in progress.
            Replay::New => Claim::InProgress,
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
        let mut tx = self.write().await?;
        tx.execute(
            "UPDATE idempotency_keys SET status = $1, body = $2 WHERE user_id = $3 AND key = $4",
            args![i64::from(status), body, user.0, key.key],
        )
        .await?;
        tx.commit().await
    }

    /// Gives a claimed key back after the creation failed, so a corrected retry may use it.
    pub async fn release_idempotency(
        &self,
        user: accord_core::ids::UserId,
        key: &IdempotencyKey,
    ) -> crate::Result<()> {
        let mut tx = self.write().await?;
        tx.execute(
            "DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status = $3",
            args![user.0, key.key, PENDING],
        )
        .await?;
        tx.commit().await
    }
}
