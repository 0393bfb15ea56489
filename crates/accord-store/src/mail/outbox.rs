//! The outbox: every email reply is written here in the transaction that records the reply,
//! then sent by the email adapter until the relay takes it, with growing waits between
//! attempts. Its state (queued, sent, failed, bounced) is what agents see on the message.

use accord_core::access::{Action, Actor};
use accord_core::case::{Case, Channel};
use accord_core::entry::Entry;
use accord_core::ids::{CaseId, EntryId};
use accord_core::mail::{Bounce, MAX_ATTEMPTS, retry_delay, subject_tag};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::value::Json;
use crate::{Result, Store};

/// Why a message is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Reply,
    Acknowledgement,
    /// A notification to a member of staff (an escalation, a review date).
    Notification,
    /// A customer portal link: signing in, confirming a sign-up.
    Portal,
    /// A resolution agreement proposed to the customer, with its signed link (D2).
    Agreement,
    /// A milestone of an agreement reached: the customer's update (D3).
    Milestone,
    /// The explanation that resolves a complaint (D4).
    Resolution,
    /// A survey with its signed one-click links (E1, D6).
    Survey,
}

impl Purpose {
    /// Emailed even on a case that came by another channel: an agreement carries the link
    /// to answer it, its milestones keep the customer informed all the way, and the
    /// resolution's explanation is theirs to keep (D2–D4).
    fn whatever_the_channel(self) -> bool {
        matches!(
            self,
            Purpose::Agreement | Purpose::Milestone | Purpose::Resolution
        )
    }

    fn as_str(self) -> &'static str {
        match self {
            Purpose::Reply => "reply",
            Purpose::Acknowledgement => "acknowledgement",
            Purpose::Notification => "notification",
            Purpose::Portal => "portal",
            Purpose::Agreement => "agreement",
            Purpose::Milestone => "milestone",
            Purpose::Resolution => "resolution",
            Purpose::Survey => "survey",
        }
    }
}

/// What a message says, composed into MIME when it is sent (so a retry sends the same).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub subject: String,
    pub text: String,
    /// BCP 47 tag of the case's language (Content-Language).
    pub language: String,
    pub recipient_name: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    /// Sent by Accord without a person (RFC 3834 `Auto-Submitted: auto-replied`).
    pub automatic: bool,
}

/// A message to send now.
#[derive(Clone, Debug)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub recipient: String,
    pub message_id: String,
    pub letter: Letter,
    pub attempts: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    Queued,
    Sent,
    Failed,
    Bounced,
}

impl DeliveryState {
    pub fn parse(text: &str) -> Option<DeliveryState> {
        Some(match text {
            "queued" => DeliveryState::Queued,
            "sent" => DeliveryState::Sent,
            "failed" => DeliveryState::Failed,
            "bounced" => DeliveryState::Bounced,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Queued => "queued",
            DeliveryState::Sent => "sent",
            DeliveryState::Failed => "failed",
            DeliveryState::Bounced => "bounced",
        }
    }
}

/// How an email reply of a case fared.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Delivery {
    pub entry_id: Option<EntryId>,
    pub recipient: String,
    pub message_id: String,
    pub state: DeliveryState,
    pub attempts: u32,
    pub last_error: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_attempt_at: Option<Timestamp>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub sent_at: Option<Timestamp>,
    /// When the email was queued.
    #[schema(value_type = String, format = DateTime)]
    pub queued_at: Timestamp,
}

/// How long a sender may hold a message before another may try it.
const LEASE: SignedDuration = SignedDuration::from_mins(5);

/// Queues the email of a public reply on an email case, addressed to the case's contact.
/// Returns `false` when there is nobody to write to (the contact has no email address).
/// `text` replaces the entry's body in the email when the email carries more than the
/// conversation keeps (a signed link, which is never stored).
pub(crate) async fn enqueue_for_entry(
    store: &Store,
    tx: &mut Conn<'_>,
    case: &Case,
    entry: &Entry,
    purpose: Purpose,
    text: Option<&str>,
    now: Timestamp,
) -> Result<bool> {
    if case.channel != Channel::Email && !purpose.whatever_the_channel() {
        return Ok(false);
    }
    let Some(mut contact) = tx
        .fetch_optional(
            "SELECT i.value, c.name FROM contact_identities i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.contact_id = $1 AND i.kind = 'email' ORDER BY i.position LIMIT 1",
            args![case.contact_id.0],
        )
        .await?
    else {
        return Ok(false);
    };
    let recipient = contact.text(0)?;
    let name = contact.opt_text(1)?;
    // The whole conversation's ids, oldest first; the reply answers the customer's latest.
    let thread = tx
        .fetch_all(
            "SELECT t.message_id, e.kind FROM mail_threads t JOIN entries e ON e.id = t.entry_id \
             WHERE t.case_id = $1 ORDER BY e.created_at, e.id",
            args![case.id.0],
        )
        .await?;
    let mut references = Vec::new();
    let mut in_reply_to = None;
    for mut row in thread {
        let id = row.text(0)?;
        if row.text(1)? == "inbound" {
            in_reply_to = Some(id.clone());
        }
        references.push(id);
    }
    // Long threads keep the first and the latest ids (RFC 5322 §3.6.4 allows trimming).
    if references.len() > 20 {
        let tail = references.split_off(references.len() - 19);
        references.truncate(1);
        references.extend(tail);
    }
    let letter = Letter {
        subject: format!("Re: {} {}", case.subject, subject_tag(case.number, case.id)),
        text: text.unwrap_or(&entry.body).to_owned(),
        language: case.language.code().to_owned(),
        recipient_name: name,
        in_reply_to,
        references,
        automatic: entry.author_user_id.is_none(),
    };
    let message_id = enqueue(
        store,
        tx,
        Some((case.id, entry.id)),
        purpose,
        &recipient,
        &letter,
        now,
    )
    .await?;
    tx.execute(
        "INSERT INTO mail_threads (message_id, case_id, entry_id) VALUES ($1, $2, $3)",
        args![message_id, case.id.0, entry.id.0],
    )
    .await?;
    Ok(true)
}

/// Writes a letter to the outbox inside the caller's transaction; returns its Message-ID.
pub(crate) async fn enqueue(
    store: &Store,
    tx: &mut Conn<'_>,
    about: Option<(CaseId, EntryId)>,
    purpose: Purpose,
    recipient: &str,
    letter: &Letter,
    now: Timestamp,
) -> Result<String> {
    let id = Uuid::now_v7();
    let message_id = format!("accord.{id}@{}", store.mail_domain());
    tx.execute(
        "INSERT INTO mail_outbox (id, case_id, entry_id, purpose, recipient, message_id, letter, state, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8, $8)",
        args![id, about.map(|a| a.0.0), about.map(|a| a.1.0), purpose.as_str(), recipient, message_id.clone(), Json(letter), to_micros(now)],
    )
    .await?;
    store.wake_outbox();
    Ok(message_id)
}

/// Marks the message a delivery report is about as bounced (a final failure) and returns
/// its outbox id; a delay or a report about a message Accord did not send changes nothing.
pub(super) async fn apply_bounce(
    tx: &mut Conn<'_>,
    bounce: &Bounce,
    now: Timestamp,
) -> Result<Option<Uuid>> {
    let Some(original) = &bounce.original_message_id else {
        return Ok(None);
    };
    let Some(mut row) = tx
        .fetch_optional(
            "SELECT id FROM mail_outbox WHERE message_id = $1",
            args![original.clone()],
        )
        .await?
    else {
        return Ok(None);
    };
    let id = row.uuid(0)?;
    if bounce.is_failure() {
        let error = [bounce.status.as_deref(), bounce.diagnostic.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        tx.execute(
            "UPDATE mail_outbox SET state = 'bounced', last_error = $1, next_attempt_at = NULL, lease_until = NULL WHERE id = $2",
            args![error, id],
        )
        .await?;
        crate::audit::record(
            tx,
            None,
            now,
            "mail.bounced",
            "mail",
            Some(id.to_string()),
            serde_json::json!({"recipient": bounce.recipient}),
        )
        .await?;
    }
    Ok(Some(id))
}

impl Store {
    /// Takes up to `limit` messages due for sending, leased for a few minutes so that no
    /// other sender takes them meanwhile.
    pub async fn lease_outbox(&self, limit: u32, now: Timestamp) -> Result<Vec<OutboxMessage>> {
        let mut tx = self.write().await?;
        let rows = tx
            .fetch_all(
                "SELECT id, recipient, message_id, letter, attempts FROM mail_outbox \
                 WHERE state = 'queued' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < $1) \
                 ORDER BY next_attempt_at, id LIMIT $2",
                args![to_micros(now), i64::from(limit)],
            )
            .await?;
        let mut due = Vec::with_capacity(rows.len());
        for mut row in rows {
            let message = OutboxMessage {
                id: row.uuid(0)?,
                recipient: row.text(1)?,
                message_id: row.text(2)?,
                letter: row.json(3)?,
                attempts: u32::try_from(row.i64(4)?).unwrap_or(0),
            };
            tx.execute(
                "UPDATE mail_outbox SET lease_until = $1 WHERE id = $2",
                args![to_micros(now + LEASE), message.id],
            )
            .await?;
            due.push(message);
        }
        tx.commit().await?;
        Ok(due)
    }

    /// The relay took the message.
    pub async fn outbox_sent(&self, id: Uuid, now: Timestamp) -> Result<()> {
        let mut tx = self.write().await?;
        tx.execute(
            "UPDATE mail_outbox SET state = 'sent', attempts = attempts + 1, sent_at = $1, lease_until = NULL, next_attempt_at = NULL, last_error = NULL \
             WHERE id = $2 AND state = 'queued'",
            args![to_micros(now), id],
        )
        .await?;
        tx.commit().await
    }

    /// The relay refused the message or could not be reached. A permanent refusal (5xx)
    /// fails it now; otherwise it is tried again later, until the attempts run out.
    pub async fn outbox_failed(
        &self,
        id: Uuid,
        error: &str,
        permanent: bool,
        now: Timestamp,
    ) -> Result<DeliveryState> {
        let mut tx = self.write().await?;
        let attempts = tx
            .fetch_one("SELECT attempts FROM mail_outbox WHERE id = $1", args![id])
            .await?
            .i64(0)?
            + 1;
        let retry = (!permanent)
            .then(|| retry_delay(u32::try_from(attempts).unwrap_or(MAX_ATTEMPTS)))
            .flatten();
        let (state, next) = match retry {
            Some(wait) => (DeliveryState::Queued, Some(to_micros(now + wait))),
            None => (DeliveryState::Failed, None),
        };
        let error: String = error.chars().take(1000).collect();
        tx.execute(
            "UPDATE mail_outbox SET state = $1, attempts = $2, next_attempt_at = $3, last_error = $4, lease_until = NULL WHERE id = $5 AND state = 'queued'",
            args![state.as_str(), attempts, next, error, id],
        )
        .await?;
        tx.commit().await?;
        Ok(state)
    }

    /// When the next queued message is due, to sleep until then.
    pub async fn next_outbox_due(&self) -> Result<Option<Timestamp>> {
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT MIN(next_attempt_at) FROM mail_outbox WHERE state = 'queued'",
                &[],
            )
            .await?;
        match row.map(|mut r| r.opt_i64(0)).transpose()?.flatten() {
            Some(micros) => Ok(Some(from_micros(micros)?)),
            None => Ok(None),
        }
    }

    /// The email deliveries of a case's replies (staff).
    pub async fn case_deliveries(&self, actor: &Actor, case: CaseId) -> Result<Vec<Delivery>> {
        actor.require(Action::ViewInternalEntries)?;
        self.get_case(actor, case).await?;
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT entry_id, recipient, message_id, state, attempts, last_error, next_attempt_at, sent_at, created_at \
                 FROM mail_outbox WHERE case_id = $1 ORDER BY created_at, id",
                args![case.0],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(Delivery {
                    entry_id: r.opt_uuid(0)?.map(EntryId),
                    recipient: r.text(1)?,
                    message_id: r.text(2)?,
                    state: DeliveryState::parse(&r.text(3)?).unwrap_or(DeliveryState::Queued),
                    attempts: u32::try_from(r.i64(4)?).unwrap_or(0),
                    last_error: r.opt_text(5)?,
                    next_attempt_at: r.opt_i64(6)?.map(from_micros).transpose()?,
                    sent_at: r.opt_i64(7)?.map(from_micros).transpose()?,
                    queued_at: from_micros(r.i64(8)?)?,
                })
            })
            .collect()
    }
}
