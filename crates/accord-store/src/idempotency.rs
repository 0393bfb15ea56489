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
