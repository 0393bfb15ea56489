//! Sending the outbox through the relay: lease what is due, compose, hand to the relay,
//! record the outcome. A refusal the relay calls permanent (5xx) fails the message now;
//! anything else waits and tries again (accord-core's retry schedule).

use std::sync::Arc;
use std::time::Duration;

use accord_store::Store;
use accord_store::mail::OutboxMessage;
use jiff::Timestamp;
use lettre::address::{Address, Envelope};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::compose::{Sender, compose};
use crate::config::MailConfig;

#[derive(Clone)]
pub struct Outbound {
    store: Store,
    config: Arc<MailConfig>,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl Outbound {
    /// A sender through the relay at `url` (smtp://host:port, smtps://user:pass@host).
    pub fn new(store: Store, config: Arc<MailConfig>, url: &str) -> Result<Outbound, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("mail.relay / ACCORD_SMTP_RELAY: {url:?} is not a relay address such as smtp://localhost:25 ({e})"))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        Ok(Outbound {
            store,
            config,
            transport,
        })
    }

    /// Sends what is due now; returns how many went out.
    pub async fn send_due(&self) -> Result<usize, accord_store::StoreError> {
        let mut sent = 0;
        loop {
            let due = self.store.lease_outbox(32, Timestamp::now()).await?;
            if due.is_empty() {
                return Ok(sent);
            }
            for message in due {
                if self.send_one(&message).await? {
                    sent += 1;
                }
            }
        }
    }

    async fn send_one(&self, message: &OutboxMessage) -> Result<bool, accord_store::StoreError> {
        let now = Timestamp::now();
        let sender = Sender {
            address: &self.config.address,
            name: &self.config.name,
        };
        let raw = compose(
            &message.letter,
            &message.message_id,
            &message.recipient,
            &sender,
            now.as_second(),
        );
        let envelope = match (
            self.config.address.parse::<Address>(),
            message.recipient.parse::<Address>(),
        ) {
            (Ok(from), Ok(to)) => Envelope::new(Some(from), vec![to]),
            (_, Err(e)) => {
                let error = format!("the address {} cannot receive mail: {e}", message.recipient);
                self.store
                    .outbox_failed(message.id, &error, true, now)
                    .await?;
                return Ok(false);
            }
            (Err(e), _) => {
                let error = format!(
                    "the support address {} is not valid: {e}",
                    self.config.address
                );
                self.store
                    .outbox_failed(message.id, &error, false, now)
                    .await?;
                return Ok(false);
            }
        };
        let envelope = match envelope {
            Ok(envelope) => envelope,
            Err(e) => {
                self.store
                    .outbox_failed(message.id, &e.to_string(), true, now)
                    .await?;
                return Ok(false);
            }
        };
        match self.transport.send_raw(&envelope, &raw).await {
            Ok(_) => {
                self.store.outbox_sent(message.id, Timestamp::now()).await?;
                Ok(true)
            }
            Err(e) => {
                let state = self
                    .store
                    .outbox_failed(
                        message.id,
                        &e.to_string(),
                        e.is_permanent(),
                        Timestamp::now(),
                    )
                    .await?;
                tracing::warn!(message = %message.id, error = %e, ?state, "the relay did not take a message");
                Ok(false)
            }
        }
    }

    /// Sends as messages are queued and as retries fall due, until the process ends.
    pub async fn run(self) {
        loop {
            if let Err(e) = self.send_due().await {
                tracing::error!(error = %e, "sending email failed; trying again shortly");
            }
            let wait = match self.store.next_outbox_due().await {
                Ok(Some(due)) => {
                    let ms = (due - Timestamp::now())
                        .total(jiff::Unit::Millisecond)
                        .unwrap_or(0.0);
                    Duration::from_millis(ms.clamp(50.0, 30_000.0) as u64)
                }
                _ => Duration::from_secs(30),
            };
            tokio::select! {
                () = self.store.outbox_queued() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}
