//! Receiving: the raw message is committed (durably: a peer is told 250 after this) and
//! de-duplicated before it is read, so a crash while filing loses nothing and a re-delivery
//! stores nothing twice.

use jiff::Timestamp;
use uuid::Uuid;

use crate::codec::to_micros;
use crate::value::Json;
use crate::{Result, Store};

/// How a message reached Accord.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailSource {
    Smtp,
    Lmtp,
    Imap,
    /// `accord ingest-email` (an MTA piping mail in).
    Cli,
}

impl MailSource {
    pub fn as_str(self) -> &'static str {
        match self {
            MailSource::Smtp => "smtp",
            MailSource::Lmtp => "lmtp",
            MailSource::Imap => "imap",
            MailSource::Cli => "cli",
        }
    }
}

/// A message as it arrived.
#[derive(Clone, Debug)]
pub struct ReceivedMail<'a> {
    pub raw: &'a [u8],
    pub source: MailSource,
    /// The configured mailbox it was addressed to.
    pub mailbox: Option<&'a str>,
    /// `Some("")` for the null sender `<>`.
    pub envelope_from: Option<&'a str>,
    pub envelope_to: &'a [String],
    pub message_id: Option<&'a str>,
    /// Equal for two deliveries of one message (its Message-ID and body).
    pub dedupe_key: &'a str,
    /// The SMTP client's address and HELO name (listeners only).
    pub peer: Option<std::net::IpAddr>,
    pub helo: Option<&'a str>,
}

/// What became of a received message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub id: Uuid,
    /// It had been received before; nothing new was stored.
    pub duplicate: bool,
}

/// A received message waiting to be read and filed.
#[derive(Clone, Debug)]
pub struct PendingMail {
    pub id: Uuid,
    pub raw: Vec<u8>,
    pub mailbox: Option<String>,
    pub envelope_from: Option<String>,
    pub envelope_to: Vec<String>,
    pub peer: Option<std::net::IpAddr>,
    pub helo: Option<String>,
}

impl Store {
    /// Stores a message raw. Returns once the row is durably committed (synced to disk on
    /// SQLite too), or finds the earlier delivery of the same message.
    pub async fn receive_mail(&self, mail: &ReceivedMail<'_>, now: Timestamp) -> Result<Receipt> {
        let mut tx = self.write().await?;
        if let Some(mut row) = tx
            .fetch_optional(
                "SELECT id FROM mail_inbound WHERE dedupe_key = $1",
                args![mail.dedupe_key],
            )
            .await?
        {
            return Ok(Receipt {
                id: row.uuid(0)?,
                duplicate: true,
            });
        }
        let id = Uuid::now_v7();
        let size = i64::try_from(mail.raw.len()).unwrap_or(i64::MAX);
        tx.execute(
            "INSERT INTO mail_inbound (id, dedupe_key, message_id, source, mailbox, envelope_from, envelope_to, raw, size, state, received_at, peer_ip, helo) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $11, $12)",
            args![
                id,
                mail.dedupe_key,
                mail.message_id,
                mail.source.as_str(),
                mail.mailbox,
                mail.envelope_from,
                Json(mail.envelope_to),
                mail.raw.to_vec(),
                size,
                to_micros(now),
                mail.peer.map(|ip| ip.to_string()),
                mail.helo.map(|h| h.chars().filter(|c| !c.is_control()).take(255).collect::<String>())
            ],
        )
        .await?;
        tx.durable();
        match tx.commit().await {
            Ok(()) => Ok(Receipt {
                id,
                duplicate: false,
            }),
            // Two connections delivering one message at once: the other one stored it.
            Err(e) if e.is_unique_violation() => {
                let mut row = self
                    .read()
                    .await?
                    .fetch_one(
                        "SELECT id FROM mail_inbound WHERE dedupe_key = $1",
                        args![mail.dedupe_key],
                    )
                    .await?;
                Ok(Receipt {
                    id: row.uuid(0)?,
                    duplicate: true,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Received messages not yet filed, oldest first.
    pub async fn pending_mail(&self, limit: u32) -> Result<Vec<PendingMail>> {
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT id, raw, mailbox, envelope_from, envelope_to, peer_ip, helo FROM mail_inbound \
                 WHERE state = 'received' ORDER BY received_at, id LIMIT $1",
                args![i64::from(limit)],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(PendingMail {
                    id: r.uuid(0)?,
                    raw: r.bytes(1)?,
                    mailbox: r.opt_text(2)?,
                    envelope_from: r.opt_text(3)?,
                    envelope_to: r.json(4)?,
                    peer: r.opt_text(5)?.and_then(|ip| ip.parse().ok()),
                    helo: r.opt_text(6)?,
                })
            })
            .collect()
    }

    /// How many received messages there are in each state (for tests, metrics and the
    /// operator's view).
    pub async fn mail_counts(&self) -> Result<Vec<(String, i64)>> {
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT state, COUNT(*) FROM mail_inbound GROUP BY state ORDER BY state",
                &[],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| Ok((r.text(0)?, r.i64(1)?)))
            .collect()
    }
}

impl Store {
    /// Where an IMAP mailbox was read up to: its UIDVALIDITY and the last UID stored.
    pub async fn imap_position(&self, mailbox: &str) -> Result<Option<(i64, i64)>> {
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT uid_validity, last_uid FROM mail_imap_state WHERE mailbox = $1",
                args![mailbox],
            )
            .await?;
        row.map(|mut r| Ok((r.i64(0)?, r.i64(1)?))).transpose()
    }

    /// Records that every message of the mailbox up to `last_uid` is stored.
    pub async fn set_imap_position(
        &self,
        mailbox: &str,
        uid_validity: i64,
        last_uid: i64,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        tx.execute(
            "INSERT INTO mail_imap_state (mailbox, uid_validity, last_uid) VALUES ($1, $2, $3) \
             ON CONFLICT (mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid",
            args![mailbox, uid_validity, last_uid],
        )
        .await?;
        tx.commit().await
    }
}

/// What became of one received message (staff; operators and tests).
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct InboundSummary {
    pub id: Uuid,
    pub message_id: Option<String>,
    /// received | filed | held | bounce | set_aside
    pub state: String,
    pub reason: Option<String>,
    pub case_id: Option<accord_core::ids::CaseId>,
    pub sender: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub attachments: Vec<String>,
    pub size: i64,
    /// What was noticed or changed while reading it (see `accord_core::mail::MailNote`).
    pub notes: Vec<accord_core::mail::MailNote>,
    /// What sender authentication said, once it was checked.
    pub authentication: Option<accord_core::mail::MailAuthentication>,
}

impl Store {
    pub async fn inbound_mail(
        &self,
        actor: &accord_core::access::Actor,
        id: Uuid,
    ) -> Result<InboundSummary> {
        require_mail_reader(actor)?;
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT id, message_id, state, reason, case_id, sender, subject, body, files, size, notes, authentication FROM mail_inbound WHERE id = $1",
                args![id],
            )
            .await?;
        let mut r = row.ok_or(crate::StoreError::not_found("message"))?;
        let files: Vec<super::StoredFile> = r.opt_json(8)?.unwrap_or_default();
        Ok(InboundSummary {
            id: r.uuid(0)?,
            message_id: r.opt_text(1)?,
            state: r.text(2)?,
            reason: r.opt_text(3)?,
            case_id: r.opt_uuid(4)?.map(accord_core::ids::CaseId),
            sender: r.opt_text(5)?,
            subject: r.opt_text(6)?,
            body: r.opt_text(7)?,
            attachments: files.into_iter().map(|f| f.filename).collect(),
            size: r.i64(9)?,
            notes: r.opt_json(10)?.unwrap_or_default(),
            authentication: r.opt_json(11)?,
        })
    }

    /// A received message's bytes exactly as they arrived (staff).
    pub async fn inbound_raw(
        &self,
        actor: &accord_core::access::Actor,
        id: Uuid,
    ) -> Result<Vec<u8>> {
        require_mail_reader(actor)?;
        let row = self
            .read()
            .await?
            .fetch_optional("SELECT raw FROM mail_inbound WHERE id = $1", args![id])
            .await?;
        row.ok_or(crate::StoreError::not_found("message"))?.bytes(0)
    }
}

/// Received mail, raw or read, is for staff only.
fn require_mail_reader(actor: &accord_core::access::Actor) -> Result<()> {
    actor.require(accord_core::access::Action::ViewInternalEntries)?;
    if !actor.role.is_staff() {
        return Err(accord_core::DomainError::Forbidden("read received mail").into());
    }
    Ok(())
}
