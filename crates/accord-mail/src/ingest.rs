//! From raw bytes to a filed message: receive (durable, de-duplicated), then read and file
//! in the background. The two steps are apart so that a peer waits only for the durable
//! write, and a crash after the 250 leaves the message to be filed on restart.

use std::sync::Arc;

use accord_store::Store;
use accord_store::mail::{Filed, MailSource, Receipt, ReceivedMail};
use jiff::Timestamp;
use tokio::sync::Notify;

use accord_core::mail::MailAuthentication;
use futures::StreamExt;

use crate::auth::{Authenticator, KnownRecords};
use crate::config::MailConfig;
use crate::dedupe::dedupe_key;

/// Sender authentication's DNS lookups in flight at once while filing a batch.
const AUTHENTICATIONS_AT_ONCE: usize = 32;

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
    authenticator: Authenticator,
    wake: Arc<Notify>,
}

impl Inbound {
    /// Checks senders through the system's DNS resolver; when there is none, through no
    /// DNS (every lookup then fails, and the verdicts say `temperror`).
    pub fn new(store: Store, config: Arc<MailConfig>) -> Inbound {
        let host = config.hostname();
        let authenticator = Authenticator::system(&host).or_else(|e| {
            tracing::warn!(error = %e, "no DNS resolver configured; sender authentication cannot look anything up");
            Authenticator::offline(&host, KnownRecords::default())
        });
        Inbound::with_authenticator(store, config, authenticator)
    }

    /// With the sender authentication given (tests: known DNS records, no network).
    pub fn with_authenticator(
        store: Store,
        config: Arc<MailConfig>,
        authenticator: Result<Authenticator, String>,
    ) -> Inbound {
        let authenticator = authenticator.unwrap_or_else(|e| {
            tracing::error!(error = %e, "sender authentication could not start");
            Authenticator::disabled()
        });
        Inbound {
            store,
            config,
            authenticator,
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
        self.receive_from(raw, source, envelope_from, envelope_to, mailbox, None)
            .await
    }

    /// [`Inbound::receive`] for a listener, which knows the SMTP client (its address and
    /// HELO name) that sender authentication checks.
    pub async fn receive_from(
        &self,
        raw: &[u8],
        source: MailSource,
        envelope_from: Option<&str>,
        envelope_to: &[String],
        mailbox: Option<&str>,
        client: Option<(std::net::IpAddr, &str)>,
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
            peer: client.map(|c| c.0),
            helo: client.map(|c| c.1),
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
            // DNS answers come back in parallel; messages are filed one by one, in order.
            let checks: Vec<_> = batch.iter().map(|p| self.authenticate(p)).collect();
            let verdicts: Vec<_> = futures::stream::iter(checks)
                .buffered(AUTHENTICATIONS_AT_ONCE)
                .collect()
                .await;
            for (pending, verdict) in batch.into_iter().zip(verdicts) {
                let outcome = self.file_one(&pending, verdict).await;
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

    fn authenticate(
        &self,
        pending: &accord_store::mail::PendingMail,
    ) -> std::pin::Pin<Box<dyn Future<Output = Option<MailAuthentication>> + Send + '_>> {
        let authenticator = self.authenticator.clone();
        let raw = pending.raw.clone();
        let (peer, helo, from) = (
            pending.peer,
            pending.helo.clone(),
            pending.envelope_from.clone(),
        );
        Box::pin(async move {
            authenticator
                .check(&raw, peer, helo.as_deref(), from.as_deref())
                .await
        })
    }

    async fn file_one(
        &self,
        pending: &accord_store::mail::PendingMail,
        authentication: Option<MailAuthentication>,
    ) -> Result<Filed, accord_store::StoreError> {
        let mut mail = crate::parse::parse(
            &pending.raw,
            pending.envelope_from.as_deref(),
            &self.config.limits,
        );
        if mail.unreadable.is_none() {
            mail.authentication = authentication;
        }
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
