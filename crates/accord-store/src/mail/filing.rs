//! Filing a received message: into the case it answers, into a new case, or held for an
//! agent when Accord cannot be sure. The order of evidence:
//!
//! 1. a Message-ID it answers (In-Reply-To, References) that belongs to a case;
//! 2. the case's reply tag in the subject or in a `+` address;
//! 3. if the mailbox allows it, an open email case of the same sender with the same subject.
//!
//! A message that answers a case but comes from an address outside the case's account is
//! held as a possible match: never filed silently with the wrong customer. Automatic mail
//! (auto-replies, lists, bounces) never opens a case and is never answered automatically.

use accord_core::case::{Case, Change, Channel, Priority};
use accord_core::entry::EntryKind;
use accord_core::ids::{CaseId, ContactId, EntryId, OrganizationId, TeamId};
use accord_core::language::Language;
use accord_core::mail::{InboundMail, ReplyTag, is_placeholder_subject, normalize_subject};
use accord_i18n::Tr;
use accord_policy::model::Occasion;
use bytes::Bytes;
use jiff::{SignedDuration, Timestamp};
use object_store::PutPayload;
use object_store::path::Path as BlobPath;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::StoredFile;
use crate::agreements::EmailEvidence;
use crate::cases::{INSERT_ENTRY, Opening, insert_event, load_case, open_new_case};
use crate::codec::to_micros;
use crate::db::Conn;
use crate::value::Json;
use crate::{Result, Store, StoreError};

/// What the mailbox a message arrived at says about its cases.
#[derive(Clone, Debug)]
pub struct MailRoute {
    pub team: Option<TeamId>,
    /// The policy procedure of the cases it opens.
    pub procedure: Option<String>,
    /// Thread by sender and subject when nothing else finds the case.
    pub thread_by_subject: bool,
    /// Messages from one sender in ten minutes beyond which further ones are held.
    pub sender_limit: u32,
}

impl Default for MailRoute {
    fn default() -> Self {
        MailRoute {
            team: None,
            procedure: None,
            thread_by_subject: true,
            sender_limit: 30,
        }
    }
}

/// Where a message went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filed {
    /// Into a case (`opened`: a case it opened).
    Case {
        case_id: CaseId,
        number: i64,
        entry_id: EntryId,
        opened: bool,
    },
    /// Waiting for an agent; `candidate` is the case it may belong to.
    Held {
        reason: &'static str,
        candidate: Option<CaseId>,
    },
    /// A delivery report about one of our messages.
    Bounce { outbox_id: Option<Uuid> },
    /// Filed before (a second worker, or a retry after a crash).
    Already,
}

/// How far back "same sender, same subject" looks.
const SUBJECT_THREAD_WINDOW: SignedDuration = SignedDuration::from_hours(30 * 24);
const SENDER_WINDOW: SignedDuration = SignedDuration::from_mins(10);

impl Store {
    /// Reads nothing from the network and trusts nothing in the message: files it into a
    /// case, holds it, or records it as a bounce, in one transaction with its attachments.
    pub async fn file_mail(
        &self,
        id: Uuid,
        mail: &InboundMail,
        route: &MailRoute,
        now: Timestamp,
    ) -> Result<Filed> {
        // Detection reads the whole text: before the write transaction, not inside it.
        let detected = accord_text::detect::detect_language(&mail.text);
        let files = self.put_mail_files(id, mail).await?;
        let mut tx = self.write().await?;
        let Some(mut row) = tx
            .fetch_optional(
                "SELECT state, envelope_to FROM mail_inbound WHERE id = $1",
                args![id],
            )
            .await?
        else {
            return Err(StoreError::not_found("message"));
        };
        if row.text(0)? != "received" {
            return Ok(Filed::Already);
        }
        let envelope_to: Vec<String> = row.json(1)?;
        let sender = mail.from.as_ref().map(|m| m.email.clone());
        let body = text_of(mail, detected);
        tx.execute(
            "UPDATE mail_inbound SET sender = $1, subject = $2, body = $3, html = $4, files = $5, notes = $6, authentication = $7 WHERE id = $8",
            args![sender, mail.subject.clone(), body.clone(), mail.html.clone(), Json(&files), Json(&mail.notes), mail.authentication.as_ref().and_then(|a| serde_json::to_value(a).ok()), id],
        )
        .await?;
        let filed = decide(
            self,
            &mut tx,
            id,
            mail,
            &envelope_to,
            route,
            detected,
            &body,
            &files,
            now,
        )
        .await?;
        let (state, reason, case, entry) = match &filed {
            Filed::Case {
                case_id, entry_id, ..
            } => ("filed", None, Some(case_id.0), Some(entry_id.0)),
            Filed::Held { reason, candidate } => {
                ("held", Some(*reason), candidate.map(|c| c.0), None)
            }
            Filed::Bounce { .. } => ("bounce", None, None, None),
            Filed::Already => return Ok(Filed::Already),
        };
        let reason = match (reason, &mail.unreadable) {
            (Some("unreadable"), Some(why)) => Some(format!("unreadable: {why}")),
            (reason, _) => reason.map(str::to_owned),
        };
        tx.execute(
            "UPDATE mail_inbound SET state = $1, reason = $2, case_id = $3, entry_id = $4, processed_at = $5 WHERE id = $6",
            args![state, reason, case, entry, to_micros(now), id],
        )
        .await?;
        tx.commit().await?;
        Ok(filed)
    }

    /// Files a message that could not be read at all: held, with what went wrong.
    pub async fn hold_unreadable_mail(
        &self,
        id: Uuid,
        problem: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        tx.execute(
            "UPDATE mail_inbound SET state = 'held', reason = $1, processed_at = $2 WHERE id = $3 AND state = 'received'",
            args![format!("unreadable: {problem}"), to_micros(now), id],
        )
        .await?;
        tx.commit().await
    }

    /// Puts a message's attachments in the attachment store. Bytes first, rows later: a
    /// crash in between leaves unreferenced files, never a row pointing at nothing.
    async fn put_mail_files(&self, id: Uuid, mail: &InboundMail) -> Result<Vec<StoredFile>> {
        let mut files = Vec::with_capacity(mail.attachments.len());
        for (i, a) in mail.attachments.iter().enumerate() {
            let key = format!("mail/{id}/{i}");
            let size = i64::try_from(a.bytes.len()).unwrap_or(i64::MAX);
            let sha256: String = Sha256::digest(&a.bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            self.blobs
                .put(
                    &BlobPath::from(key.as_str()),
                    PutPayload::from_bytes(Bytes::copy_from_slice(&a.bytes)),
                )
                .await?;
            files.push(StoredFile {
                key,
                filename: crate::blobs::clean_filename(&a.filename),
                content_type: a.content_type.chars().take(100).collect(),
                size,
                sha256,
                inline: a.inline,
            });
        }
        Ok(files)
    }
}

/// The text the case shows: never empty, so a message of attachments still reads.
fn text_of(mail: &InboundMail, detected: Option<Language>) -> String {
    if !mail.text.trim().is_empty() {
        return mail.text.clone();
    }
    Tr::new(detected.unwrap_or(Language::En)).t("mail-no-text")
}

#[allow(clippy::too_many_arguments)]
async fn decide(
    store: &Store,
    tx: &mut Conn<'_>,
    id: Uuid,
    mail: &InboundMail,
    envelope_to: &[String],
    route: &MailRoute,
    detected: Option<Language>,
    body: &str,
    files: &[StoredFile],
    now: Timestamp,
) -> Result<Filed> {
    if mail.unreadable.is_some() {
        return Ok(Filed::Held {
            reason: "unreadable",
            candidate: None,
        });
    }
    if let Some(bounce) = &mail.bounce {
        // A report about a message Accord sent marks that message; any other report (about
        // mail Accord never sent, or naming no message) is held where an agent sees it.
        return Ok(match super::outbox::apply_bounce(tx, bounce, now).await? {
            Some(outbox_id) => Filed::Bounce {
                outbox_id: Some(outbox_id),
            },
            None => Filed::Held {
                reason: "automatic",
                candidate: None,
            },
        });
    }
    let Some(sender) = mail.from.as_ref() else {
        return Ok(Filed::Held {
            reason: "no_sender",
            candidate: None,
        });
    };
    let recent = tx
        .fetch_one(
            "SELECT COUNT(*) FROM mail_inbound WHERE sender = $1 AND received_at > $2 AND id <> $3",
            args![sender.email.clone(), to_micros(now - SENDER_WINDOW), id],
        )
        .await?
        .i64(0)?;
    if recent >= i64::from(route.sender_limit) {
        return Ok(Filed::Held {
            reason: "rate_limited",
            candidate: None,
        });
    }
    let contact = contact_by_email(tx, &sender.email).await?;
    let thread = thread_case(
        tx,
        mail,
        envelope_to,
        route,
        contact.as_ref().map(|c| c.0),
        now,
    )
    .await?;
    if let Some(case_id) = thread {
        let case = load_case(tx, accord_core::access::Scope::All, case_id).await?;
        let belongs = match &contact {
            Some((c, org)) => {
                *c == case.contact_id || (org.is_some() && *org == case.organization_id)
            }
            None => false,
        };
        if !belongs {
            return Ok(Filed::Held {
                reason: "unknown_sender",
                candidate: Some(case_id),
            });
        }
        let author = contact.map_or(case.contact_id, |(c, _)| c);
        let evidence = EmailEvidence {
            answered: mail.answered_ids(),
            authenticated: mail
                .authentication
                .as_ref()
                .is_some_and(|a| a.vouches_for(&sender.email)),
        };
        let entry_id = add_inbound(store, tx, &case, author, body, Some(evidence), now).await?;
        attach_files(tx, case_id, entry_id, files, now).await?;
        remember_thread(tx, mail.message_id.as_deref(), case_id, entry_id).await?;
        return Ok(Filed::Case {
            case_id,
            number: case.number,
            entry_id,
            opened: false,
        });
    }
    if mail.automatic.is_some() {
        return Ok(Filed::Held {
            reason: "automatic",
            candidate: None,
        });
    }
    let (contact_id, organization, preferred) = match contact {
        Some((c, org)) => {
            let preferred = tx
                .fetch_one(
                    "SELECT preferred_language FROM contacts WHERE id = $1",
                    args![c.0],
                )
                .await?
                .opt_text(0)?;
            (c, org, preferred.as_deref().and_then(Language::from_tag))
        }
        None => (create_contact(tx, sender, now).await?, None, None),
    };
    let (language, language_decided) =
        crate::cases::case_language(None, preferred, detected, Language::En);
    let subject = if mail.subject.trim().is_empty() {
        Tr::new(language).t("mail-no-subject")
    } else {
        mail.subject.chars().take(300).collect()
    };
    let opening = Opening {
        subject: subject.trim(),
        contact_id,
        organization,
        language,
        language_decided,
        channel: Channel::Email,
        category: None,
        tags: Vec::new(),
        priority: Priority::Normal,
        team_id: route.team,
        assignee_id: None,
        custom_fields: Default::default(),
        procedure_pin: route.procedure.clone(),
        body: Some(body),
        actor: None,
        author_user: None,
        message_id: mail.message_id.as_deref(),
    };
    let (case, first) = open_new_case(store, tx, opening, now).await?;
    let entry_id =
        first.ok_or_else(|| StoreError::Corrupt("a mail case without its message".into()))?;
    attach_files(tx, case.id, entry_id, files, now).await?;
    Ok(Filed::Case {
        case_id: case.id,
        number: case.number,
        entry_id,
        opened: true,
    })
}

/// The case a message answers, by the evidence in the module's order.
async fn thread_case(
    tx: &mut Conn<'_>,
    mail: &InboundMail,
    envelope_to: &[String],
    route: &MailRoute,
    contact: Option<ContactId>,
    now: Timestamp,
) -> Result<Option<CaseId>> {
    for message_id in mail.answered_ids() {
        if let Some(mut row) = tx
            .fetch_optional(
                "SELECT case_id FROM mail_threads WHERE message_id = $1",
                args![message_id],
            )
            .await?
        {
            return Ok(Some(CaseId(row.uuid(0)?)));
        }
    }
    let addresses = envelope_to
        .iter()
        .map(String::as_str)
        .chain(mail.to.iter().map(|m| m.email.as_str()));
    let tags = ReplyTag::in_subject(&mail.subject)
        .into_iter()
        .chain(addresses.filter_map(ReplyTag::in_address));
    for tag in tags {
        if let Some(mut row) = tx
            .fetch_optional("SELECT id FROM cases WHERE number = $1", args![tag.number])
            .await?
        {
            let case = CaseId(row.uuid(0)?);
            if tag.is_of(tag.number, case) {
                return Ok(Some(case));
            }
        }
    }
    let subject = normalize_subject(&mail.subject);
    // "(no subject)" from one day and "(no subject)" from the next are not one matter.
    let telling = !is_placeholder_subject(&subject);
    if let (true, Some(contact), true) = (route.thread_by_subject, contact, telling) {
        let rows = tx
            .fetch_all(
                "SELECT id, subject, status FROM cases WHERE contact_id = $1 AND channel = 'email' AND updated_at > $2 \
                 ORDER BY updated_at DESC LIMIT 50",
                args![contact.0, to_micros(now - SUBJECT_THREAD_WINDOW)],
            )
            .await?;
        for mut row in rows {
            let open =
                accord_core::case::CaseStatus::parse(&row.text(2)?).is_some_and(|s| s.is_open());
            if open && normalize_subject(&row.text(1)?) == subject {
                return Ok(Some(CaseId(row.uuid(0)?)));
            }
        }
    }
    Ok(None)
}

async fn contact_by_email(
    tx: &mut Conn<'_>,
    email: &str,
) -> Result<Option<(ContactId, Option<OrganizationId>)>> {
    let row = tx
        .fetch_optional(
            "SELECT c.id, c.organization_id FROM contact_identities i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.kind = 'email' AND i.value = $1",
            args![email.to_lowercase()],
        )
        .await?;
    match row {
        Some(mut r) => Ok(Some((
            ContactId(r.uuid(0)?),
            r.opt_uuid(1)?.map(OrganizationId),
        ))),
        None => Ok(None),
    }
}

/// A contact for a sender Accord has not seen: named as they sign, in no organization
/// until staff say which.
pub(super) async fn create_contact(
    tx: &mut Conn<'_>,
    sender: &accord_core::mail::Mailbox,
    now: Timestamp,
) -> Result<ContactId> {
    let id = ContactId::new();
    let name = sender.name.clone().unwrap_or_else(|| {
        sender
            .email
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned()
    });
    let name: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
    tx.execute(
        "INSERT INTO contacts (id, name, organization_id, preferred_language, created_at, updated_at) VALUES ($1, $2, NULL, NULL, $3, $3)",
        args![id.0, name, to_micros(now)],
    )
    .await?;
    tx.execute(
        "INSERT INTO contact_identities (contact_id, kind, value, position) VALUES ($1, 'email', $2, 0)",
        args![id.0, sender.email.to_lowercase()],
    )
    .await?;
    Ok(id)
}

/// Adds a customer's message to a case, as the API does for a customer, and reads it for a
/// request to speak to a manager or the acceptance of the case's agreement.
pub(super) async fn add_inbound(
    store: &Store,
    tx: &mut Conn<'_>,
    case: &Case,
    author: ContactId,
    body: &str,
    evidence: Option<EmailEvidence<'_>>,
    now: Timestamp,
) -> Result<EntryId> {
    let entry_id = EntryId::new();
    tx.execute(
        INSERT_ENTRY,
        args![
            entry_id.0,
            case.id.0,
            EntryKind::Inbound.as_str(),
            Channel::Email.as_str(),
            body,
            None::<Uuid>,
            author.0,
            None::<Uuid>,
            None::<Uuid>,
            to_micros(now)
        ],
    )
    .await?;
    tx.execute(
        "UPDATE cases SET updated_at = $1 WHERE id = $2",
        args![to_micros(now), case.id.0],
    )
    .await?;
    let added = Change::EntryAdded {
        entry_id,
        kind: EntryKind::Inbound,
    };
    insert_event(tx, case.id, &added, None, None, now).await?;
    crate::cases::settle_language(tx, case, body, now).await?;
    if case.status.is_open() && accord_text::phrases::asks_for_manager(body) {
        let wrote = Occasion::CustomerWrote(body);
        crate::escalation::run_levels_once(store, tx, case.id, case.policy_version, wrote, now)
            .await?;
    }
    // "Aceito." in answer to an agreement's email accepts it (D2), when the email proves
    // where it comes from.
    if accord_text::phrases::accepts_agreement(body) {
        crate::agreements::accept_by_email(store, tx, case.id, evidence, now).await?;
    }
    Ok(entry_id)
}

pub(super) async fn attach_files(
    tx: &mut Conn<'_>,
    case: CaseId,
    entry: EntryId,
    files: &[StoredFile],
    now: Timestamp,
) -> Result<()> {
    for f in files {
        tx.execute(
            "INSERT INTO attachments (id, case_id, entry_id, filename, content_type, size, sha256, storage_key, uploaded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9)",
            args![Uuid::now_v7(), case.0, entry.0, f.filename.clone(), f.content_type.clone(), f.size, f.sha256.clone(), f.key.clone(), to_micros(now)],
        )
        .await?;
    }
    Ok(())
}

/// Records the message's id so that replies to it find the case.
pub(super) async fn remember_thread(
    tx: &mut Conn<'_>,
    message_id: Option<&str>,
    case: CaseId,
    entry: EntryId,
) -> Result<()> {
    if let Some(message_id) = message_id {
        tx.execute(
            "INSERT INTO mail_threads (message_id, case_id, entry_id) VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING",
            args![message_id, case.0, entry.0],
        )
        .await?;
    }
    Ok(())
}
