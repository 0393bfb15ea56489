//! The email channel's storage: inbound messages kept raw before anything else happens to
//! them, filing them into cases (threading, senders, loops), messages held for an agent,
//! and the outbox that sends replies until the relay takes them.
//!
//! Parsing and the protocols live in `accord-mail`; this module receives what they read.

mod filing;
mod held;
mod inbound;
mod outbox;

pub use filing::{Filed, MailRoute};
pub use held::{CaseMail, HeldMail, HeldTarget};
pub use inbound::{InboundSummary, MailSource, PendingMail, Receipt, ReceivedMail};
pub use outbox::{Delivery, DeliveryState, Letter, OutboxMessage, Purpose};

pub(crate) use outbox::{enqueue, enqueue_for_entry};

use serde::{Deserialize, Serialize};

/// An attachment of a message, stored in the attachment store when the message was read.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct StoredFile {
    pub key: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub inline: bool,
}

/// The email settings the store needs and the outbox's wake-up call.
pub(crate) struct MailState {
    /// The domain of the Message-IDs Accord writes.
    domain: std::sync::RwLock<String>,
    outbox: tokio::sync::Notify,
}

impl Default for MailState {
    fn default() -> Self {
        MailState {
            domain: std::sync::RwLock::new("accord.localhost".into()),
            outbox: tokio::sync::Notify::new(),
        }
    }
}

impl crate::Store {
    /// Sets the domain of the Message-IDs of outgoing mail (the support address's domain).
    pub fn set_mail_domain(&self, domain: &str) {
        if let Ok(mut d) = self.mail.domain.write() {
            *d = domain.trim().to_ascii_lowercase();
        }
    }

    pub fn mail_domain(&self) -> String {
        self.mail
            .domain
            .read()
            .map(|d| d.clone())
            .unwrap_or_default()
    }

    pub(crate) fn wake_outbox(&self) {
        self.mail.outbox.notify_one();
    }

    /// Resolves when a message was queued since the last call (or now, if one was).
    pub async fn outbox_queued(&self) {
        self.mail.outbox.notified().await;
    }
}
