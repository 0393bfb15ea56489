//! From raw bytes to a filed message: receive (durable, de-duplicated), then read and file
//! in the background. The two steps are apart so that a peer waits only for the durable
//! write, and a crash after the 250 leaves the message to be filed on restart.

use std::sync::Arc;

use accord_store::Store;
use accord_store::mail::{Filed, MailSource, Receipt, ReceivedMail};
use jiff::Timestamp;
use tokio::sync::Notify;

use crate::config::MailConfig;
use crate::dedupe::dedupe_key;

/// Why a message was not taken.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("the message is {size} bytes; the limit is {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("the message is empty")]
    Empty,
    #[error("the message could not be stored: {0}")]
    Store(#[from] accord_store::StoreError),
}

/// The inbound side of the channel, shared by the listeners, the IMAP pollers and the CLI.
#[derive(Clone)]
pub struct Inbound {
    pub store: Store,
    pub config: Arc<MailConfig>,
    wake: Arc<Notify>,
}

impl Inbound {
    pub fn new(store: Store, config: Arc<MailConfig>) -> Inbound {
        Inbound {
            store,
            config,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Stores a message durably. When this returns `Ok`, the message is safe.
    pub async fn receive(
        &self,
        raw: &[u8],
        source: MailSource,
        envelope_from: Option<&str>,
        envelope_to: &[String],
        mailbox: Option<&str>,
    ) -> Result<Receipt, Refused> {
        if raw.iter().all(u8::is_ascii_whitespace) {
            return Err(Refused::Empty);
        }
        let limit = self.config.limits.max_message_bytes;
        if raw.len() > limit {
            return Err(Refused::TooLarge {
                size: raw.len(),
                limit,
            });
        }
        let (message_id, key) = dedupe_key(raw);
        let mailbox = mailbox.or_else(|| {
            self.config
                .mailbox_for(envelope_to)
                .map(|m| m.name.as_str())
        });
        let received = ReceivedMail {
            raw,
            source,
            mailbox,
            envelope_from,
            envelope_to,
            message_id: message_id.as_deref(),
            dedupe_key: &key,
        };
        let receipt = self.store.receive_mail(&received, Timestamp::now()).await?;
        if !receipt.duplicate {
            self.wake.notify_one();
        }
        Ok(receipt)
    }

    /// Reads and files every received message not yet filed; returns how many.
    pub async fn file_pending(&self) -> Result<usize, accord_store::StoreError> {
        let mut filed = 0;
        loop {
            let batch = self.store.pending_mail(64).await?;
            if batch.is_empty() {
                return Ok(filed);
            }
            for pending in batch {
                let outcome = self.file_one(&pending).await;
                if let Err(e) = outcome {
                    // A message that cannot be filed is held with the reason, never
                    // retried forever nor lost.
                    tracing::warn!(mail = %pending.id, error = %e, "could not file a message; holding it");
                    self.store
                        .hold_unreadable_mail(pending.id, &e.to_string(), Timestamp::now())
                        .await?;
                }
                filed += 1;
            }
        }
    }

    async fn file_one(
        &self,
        pending: &accord_store::mail::PendingMail,
    ) -> Result<Filed, accord_store::StoreError> {
        let mail = crate::parse::parse(
            &pending.raw,
            pending.envelope_from.as_deref(),
            &self.config.limits,
        );
        let route = pending
            .mailbox
            .as_deref()
            .and_then(|name| self.config.mailbox_named(name))
            .map(|m| &m.route)
            .unwrap_or(&self.config.default_route);
        let filed = self
            .store
            .file_mail(pending.id, &mail, route, Timestamp::now())
            .await?;
        tracing::debug!(mail = %pending.id, ?filed, "filed a message");
        Ok(filed)
    }

    /// Files messages as they arrive, and those left from before a restart, until the
    /// process ends.
    pub async fn run_filer(self) {
        loop {
            if let Err(e) = self.file_pending().await {
                tracing::error!(error = %e, "filing email failed; trying again shortly");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
            // A wake-up may have come while filing: `notified` then returns at once.
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(std::time::Duration::from_secs(30)) => {}
            }
        }
    }
}
