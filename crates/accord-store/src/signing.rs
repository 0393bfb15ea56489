//! Signed links for customers' emails (PRODUCT.md D2, E1): "accept this agreement", "how
//! satisfied are you?". A link carries what it is for, until when it works, and an
//! HMAC-SHA-256 of both under this installation's key, so it can be checked without storing
//! it, cannot be changed to point at another agreement or contact, and stops working when it
//! expires. The key is made once, in the database, so every node signs alike.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use jiff::Timestamp;
use rand::RngCore;
use sha2::Sha256;

use crate::codec::to_micros;
use crate::{Result, Store};

/// The installation's link key, read once per process.
#[derive(Default)]
pub(crate) struct KeyCache(
    tokio::sync::OnceCell<Vec<u8>>,
    /// Where links start (`https://support.example.com`), set by the server.
    std::sync::RwLock<String>,
);

/// Why a link does not work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a link Accord made (changed, cut short, or made up).
    Invalid,
    /// It was genuine but its time is over.
    Expired,
}

const KEY_NAME: &str = "links";

fn mac(key: &[u8], purpose: &str, subject: &str, expires: i64) -> Hmac<Sha256> {
    // Fixed by HMAC's definition: any key length is accepted.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(purpose.as_bytes());
    mac.update(&[0]);
    mac.update(subject.as_bytes());
    mac.update(&[0]);
    mac.update(&expires.to_be_bytes());
    mac
}

/// Where links start when the server has not said (`accord serve` always does).
const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

impl Store {
    /// Where links in emails start, such as `https://support.example.com`.
    pub fn set_public_url(&self, url: &str) {
        if let Ok(mut slot) = self.signing.1.write() {
            *slot = url.trim_end_matches('/').to_owned();
        }
    }

    /// See [`Store::set_public_url`].
    pub fn public_url(&self) -> String {
        match self.signing.1.read() {
            Ok(url) if !url.is_empty() => url.clone(),
            _ => DEFAULT_PUBLIC_URL.to_owned(),
        }
    }

    /// The installation's key. Read through a reader, so signing inside a write transaction
    /// never waits on the writer; made (through the writer) only when missing, which
    /// [`Store::migrate`] does once.
    pub(crate) async fn link_key(&self) -> Result<&[u8]> {
        let key = self
            .signing
            .0
            .get_or_try_init(|| async {
                let stored = self
                    .read()
                    .await?
                    .fetch_optional("SELECT secret FROM server_keys WHERE name = $1", args![KEY_NAME])
                    .await?;
                if let Some(mut row) = stored {
                    return row.bytes(0);
                }
                let mut fresh = [0u8; 32];
                rand::rng().fill_bytes(&mut fresh);
                let mut tx = self.write().await?;
                tx.execute(
                    "INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
                    args![KEY_NAME, fresh.to_vec(), to_micros(Timestamp::now())],
                )
                .await?;
                // Another node may have made it first: everyone uses the stored one.
                let key = tx
                    .fetch_one("SELECT secret FROM server_keys WHERE name = $1", args![KEY_NAME])
                    .await?
                    .bytes(0)?;
                tx.commit().await?;
                Ok::<_, crate::StoreError>(key)
            })
            .await?;
        Ok(key.as_slice())
    }

    /// A token for a link: `<expiry>.<signature>`, for `purpose` (`agreement`, `survey`)
    /// and `subject` (what it opens, such as an agreement's id).
    pub async fn sign_link(
        &self,
        purpose: &str,
        subject: &str,
        expires: Timestamp,
    ) -> Result<String> {
        let key = self.link_key().await?;
        let expires = expires.as_second();
        let signature = mac(key, purpose, subject, expires).finalize().into_bytes();
        Ok(format!("{expires}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }

    /// Checks a link's token for `purpose` and `subject` at `now`.
    pub async fn verify_link(
        &self,
        purpose: &str,
        subject: &str,
        token: &str,
        now: Timestamp,
    ) -> Result<std::result::Result<(), LinkError>> {
        let Some((expires, signature)) = token.split_once('.') else {
            return Ok(Err(LinkError::Invalid));
        };
        let (Ok(expires), Ok(signature)) =
            (expires.parse::<i64>(), URL_SAFE_NO_PAD.decode(signature))
        else {
            return Ok(Err(LinkError::Invalid));
        };
        let key = self.link_key().await?;
        // Constant-time comparison, inside `verify_slice`.
        if mac(key, purpose, subject, expires)
            .verify_slice(&signature)
            .is_err()
        {
            return Ok(Err(LinkError::Invalid));
        }
        if now.as_second() >= expires {
            return Ok(Err(LinkError::Expired));
        }
        Ok(Ok(()))
    }
}
