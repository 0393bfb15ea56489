//! Messages Accord would not file on its own: a reply from an address outside the case's
//! account, automatic mail that answers nothing, a flood from one sender, a message with
//! no sender or that could not be read. An agent files each into a case, opens a case for
//! it, or sets it aside; nothing is deleted.

use accord_core::DomainError;
use accord_core::access::{Action, Actor, Scope};
use accord_core::case::{Channel, Priority};
use accord_core::ids::{CaseId, ContactId, OrganizationId};
use accord_core::language::Language;
use accord_core::mail::Mailbox;
use accord_core::people::Role;
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

use super::StoredFile;
use super::filing::{add_inbound, attach_files, create_contact, remember_thread};
use crate::audit::record;
use crate::cases::{Opening, load_case, open_new_case};
use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::{Result, Store, StoreError};

/// A held message as an agent sees it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HeldMail {
    pub id: Uuid,
    pub sender: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    /// unknown_sender | automatic | rate_limited | no_sender | unreadable: …
    pub reason: Option<String>,
    /// The case it may belong to.
    pub candidate_case_id: Option<CaseId>,
    pub candidate_number: Option<i64>,
    pub candidate_subject: Option<String>,
    pub attachments: usize,
    #[schema(value_type = String, format = DateTime)]
    pub received_at: Timestamp,
}

/// What an agent decides about a held message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeldTarget {
    /// It belongs to this case (its sender is then a contact of the case's account).
    Case(CaseId),
    /// It is a new matter: open a case for its sender.
    NewCase,
    /// Nothing to do (a newsletter, an out-of-office): kept, no longer listed.
    SetAside,
}

fn require_staff(actor: &Actor) -> Result<()> {
    actor.require(Action::AddInternalEntry)?;
    if actor.role == Role::Customer {
        return Err(DomainError::Forbidden("handle held email").into());
    }
    Ok(())
}

impl Store {
    /// Held messages, newest first.
    pub async fn held_mail(&self, actor: &Actor, limit: u32) -> Result<Vec<HeldMail>> {
        self.held_mail_page(actor, limit.clamp(1, 500), None).await
    }

    /// A page of held messages, newest first: at most `limit`, those received before
    /// `before` (the `received_at` and `id` of the last one of the previous page) when given.
    pub async fn held_mail_page(
        &self,
        actor: &Actor,
        limit: u32,
        before: Option<(Timestamp, Uuid)>,
    ) -> Result<Vec<HeldMail>> {
        require_staff(actor)?;
        let (at, id) = before.unwrap_or((Timestamp::MAX, Uuid::max()));
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT m.id, m.sender, m.subject, m.body, m.reason, m.case_id, c.number, c.subject, m.files, m.received_at \
                 FROM mail_inbound m LEFT JOIN cases c ON c.id = m.case_id \
                 WHERE m.state = 'held' AND ($1 OR (m.received_at, m.id) < ($2, $3)) \
                 ORDER BY m.received_at DESC, m.id DESC LIMIT $4",
                args![before.is_none(), to_micros(at), id, i64::from(limit.max(1))],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                let files: Option<Vec<StoredFile>> = r.opt_json(8)?;
                Ok(HeldMail {
                    id: r.uuid(0)?,
                    sender: r.opt_text(1)?,
                    subject: r.opt_text(2)?,
                    body: r.opt_text(3)?,
                    reason: r.opt_text(4)?,
                    candidate_case_id: r.opt_uuid(5)?.map(CaseId),
                    candidate_number: r.opt_i64(6)?,
                    candidate_subject: r.opt_text(7)?,
                    attachments: files.map_or(0, |f| f.len()),
                    received_at: from_micros(r.i64(9)?)?,
                })
            })
            .collect()
    }

    /// Files a held message as the agent decided. Returns the case it went to.
    pub async fn resolve_held_mail(
        &self,
        actor: &Actor,
        id: Uuid,
        target: HeldTarget,
        now: Timestamp,
    ) -> Result<Option<CaseId>> {
        require_staff(actor)?;
        let mut tx = self.write().await?;
        let Some(mut row) = tx
            .fetch_optional(
                "SELECT state, sender, subject, body, files, message_id FROM mail_inbound WHERE id = $1",
                args![id],
            )
            .await?
        else {
            return Err(StoreError::not_found("held message"));
        };
        let state = row.text(0)?;
        if state == "set_aside" && target == HeldTarget::SetAside {
            return Ok(None);
        }
        if state != "held" {
            return Err(DomainError::Conflict(
                "this message is no longer held: someone filed it already".into(),
            )
            .into());
        }
        let sender = row.opt_text(1)?;
        let subject = row.opt_text(2)?.unwrap_or_default();
        let body = row.opt_text(3)?.unwrap_or_default();
        let files: Vec<StoredFile> = row.opt_json(4)?.unwrap_or_default();
        let message_id = row.opt_text(5)?;
        let (state, case) = match target {
            HeldTarget::SetAside => ("set_aside", None),
            HeldTarget::Case(case_id) => {
                let case = load_case(&mut tx, Scope::All, case_id).await?;
                let contact = match &sender {
                    Some(email) => {
                        sender_contact(&mut tx, email, case.organization_id, now).await?
                    }
                    None => case.contact_id,
                };
                // Filed by an agent: nothing authenticated it, so an "I accept" in it gets
                // the customer the link rather than accepting.
                let entry = add_inbound(self, &mut tx, &case, contact, &body, None, now).await?;
                attach_files(&mut tx, case_id, entry, &files, now).await?;
                remember_thread(&mut tx, message_id.as_deref(), case_id, entry).await?;
                finish(&mut tx, id, "filed", Some(case_id), Some(entry.0), now).await?;
                ("filed", Some(case_id))
            }
            HeldTarget::NewCase => {
                let Some(email) = &sender else {
                    return Err(DomainError::invalid("target", "no_sender", "this message names no sender to open a case for; file it into a case instead").into());
                };
                let contact = sender_contact(&mut tx, email, None, now).await?;
                let preferred = tx
                    .fetch_one(
                        "SELECT organization_id, preferred_language FROM contacts WHERE id = $1",
                        args![contact.0],
                    )
                    .await?;
                let mut preferred = preferred;
                let organization = preferred.opt_uuid(0)?.map(OrganizationId);
                let wanted = preferred
                    .opt_text(1)?
                    .as_deref()
                    .and_then(Language::from_tag);
                let detected = match wanted {
                    Some(_) => None,
                    None => crate::cases::detect_language(&body),
                };
                let (language, language_decided) =
                    crate::cases::case_language(None, wanted, detected, Language::En);
                let subject = if subject.trim().is_empty() {
                    accord_i18n::Tr::new(language).t("mail-no-subject")
                } else {
                    subject
                };
                let opening = Opening {
                    subject: subject.trim(),
                    contact_id: contact,
                    organization,
                    language,
                    language_decided,
                    channel: Channel::Email,
                    category: None,
                    tags: Vec::new(),
                    priority: Priority::Normal,
                    team_id: None,
                    assignee_id: None,
                    custom_fields: Default::default(),
                    procedure_pin: None,
                    body: Some(&body),
                    actor: Some(actor.user_id.0),
                    author_user: None,
                    message_id: message_id.as_deref(),
                };
                let (case, first) = open_new_case(self, &mut tx, opening, now).await?;
                if let Some(entry) = first {
                    attach_files(&mut tx, case.id, entry, &files, now).await?;
                }
                finish(&mut tx, id, "filed", Some(case.id), first.map(|e| e.0), now).await?;
                ("filed", Some(case.id))
            }
        };
        if state == "set_aside" {
            finish(&mut tx, id, state, None, None, now).await?;
        }
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "mail.resolve_held",
            "mail",
            Some(id.to_string()),
            serde_json::json!({"state": state, "case_id": case}),
        )
        .await?;
        tx.commit().await?;
        Ok(case)
    }
}

/// The sender's contact; a sender Accord has not seen becomes a contact of `organization`
/// (the agent said the message belongs to that account's case).
async fn sender_contact(
    tx: &mut Conn<'_>,
    email: &str,
    organization: Option<OrganizationId>,
    now: Timestamp,
) -> Result<ContactId> {
    if let Some(mut row) = tx
        .fetch_optional(
            "SELECT contact_id FROM contact_identities WHERE kind = 'email' AND value = $1",
            args![email.to_lowercase()],
        )
        .await?
    {
        return Ok(ContactId(row.uuid(0)?));
    }
    let sender = Mailbox {
        email: email.to_owned(),
        name: None,
    };
    let contact = create_contact(tx, &sender, now).await?;
    if let Some(org) = organization {
        tx.execute(
            "UPDATE contacts SET organization_id = $1 WHERE id = $2",
            args![org.0, contact.0],
        )
        .await?;
    }
    Ok(contact)
}

async fn finish(
    tx: &mut Conn<'_>,
    id: Uuid,
    state: &str,
    case: Option<CaseId>,
    entry: Option<Uuid>,
    now: Timestamp,
) -> Result<()> {
    tx.execute(
        "UPDATE mail_inbound SET state = $1, case_id = COALESCE($2, case_id), entry_id = $3, processed_at = $4 WHERE id = $5",
        args![state, case.map(|c| c.0), entry, to_micros(now), id],
    )
    .await?;
    Ok(())
}

/// A received message that became an entry of a case.
#[derive(Clone, Debug)]
pub struct CaseMail {
    pub inbound_id: Uuid,
    pub entry_id: accord_core::ids::EntryId,
    /// It came with an HTML part that can be shown as sent.
    pub has_html: bool,
    /// What was noticed or changed while reading it, for the agent.
    pub notes: Vec<accord_core::mail::MailNote>,
    /// What sender authentication said of it.
    pub authentication: Option<accord_core::mail::MailAuthentication>,
}

impl Store {
    /// The received messages filed into a case, for the conversation to link each to its
    /// original formatting.
    pub async fn case_mail(&self, actor: &Actor, case: CaseId) -> Result<Vec<CaseMail>> {
        self.get_case(actor, case).await?;
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT id, entry_id, html IS NOT NULL, notes, authentication FROM mail_inbound WHERE case_id = $1 AND entry_id IS NOT NULL",
                args![case.0],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(CaseMail {
                    inbound_id: r.uuid(0)?,
                    entry_id: accord_core::ids::EntryId(r.uuid(1)?),
                    has_html: r.bool(2)?,
                    notes: r.opt_json(3)?.unwrap_or_default(),
                    authentication: r.opt_json(4)?,
                })
            })
            .collect()
    }

    /// The sanitized HTML of a received message of a case the actor may see.
    pub async fn mail_html(&self, actor: &Actor, case: CaseId, id: Uuid) -> Result<String> {
        self.get_case(actor, case).await?;
        let row = self
            .read()
            .await?
            .fetch_optional(
                "SELECT html FROM mail_inbound WHERE id = $1 AND case_id = $2 AND entry_id IS NOT NULL",
                args![id, case.0],
            )
            .await?;
        row.and_then(|mut r| r.opt_text(0).transpose())
            .transpose()?
            .ok_or(StoreError::not_found("message"))
    }
}
