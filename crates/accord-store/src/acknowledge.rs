//! The acknowledgement of a new case (PRODUCT.md A4): a reply in the customer's language
//! saying that the matter is important to us, that we are working on it, and when the next
//! update will come. That time is a promise: the reply starts the next-update clock whose due
//! time the text states. Sent by a member of staff with one click, or by Accord as the case
//! opens when its procedure says `acknowledge = "auto"`.

use accord_core::DomainError;
use accord_core::access::{Action, Actor};
use accord_core::case::{Case, CaseStatus, Change};
use accord_core::entry::{Entry, EntryKind};
use accord_core::ids::{CaseId, EntryId, UserId};
use accord_core::people::Role;
use accord_i18n::{Arg, Tr};
use jiff::Timestamp;
use serde::Serialize;

use crate::audit::record;
use crate::cases::{INSERT_ENTRY, insert_event, load_case};
use crate::codec::to_micros;
use crate::db::Conn;
use crate::{Result, Store};

/// An acknowledgement as it would be sent now. (`AcknowledgementPreview` in the API
/// document: [`crate::policies::Acknowledgement`] is another thing.)
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[schema(as = AcknowledgementPreview)]
pub struct Acknowledgement {
    /// The text, in the case's language.
    pub body: String,
    /// The next update it promises (`None` when the procedure sets no update cadence).
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_update_by: Option<Timestamp>,
}

impl Store {
    /// What the acknowledgement of a case would say if sent at `now` (staff).
    pub async fn acknowledgement_preview(
        &self,
        actor: &Actor,
        case: CaseId,
        now: Timestamp,
    ) -> Result<Acknowledgement> {
        require_staff_reply(actor)?;
        let mut c = self.read().await?;
        let case = load_case(&mut c, actor.scope(), case).await?;
        compose(self, &mut c, &case, now).await
    }

    /// Sends the acknowledgement of a new case: a public reply, the case acknowledged.
    pub async fn acknowledge_case(
        &self,
        actor: &Actor,
        case: CaseId,
        now: Timestamp,
    ) -> Result<Entry> {
        require_staff_reply(actor)?;
        let mut tx = self.write().await?;
        let mut case = load_case(&mut tx, actor.scope(), case).await?;
        let entry = send(self, &mut tx, &mut case, Some(actor.user_id), now).await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "case.acknowledge",
            "case",
            Some(case.id.to_string()),
            serde_json::json!({"entry": entry.id.to_string()}),
        )
        .await?;
        tx.commit().await?;
        Ok(entry)
    }
}

fn require_staff_reply(actor: &Actor) -> Result<()> {
    actor.require(Action::AddMessage)?;
    if actor.role == Role::Customer {
        return Err(DomainError::Forbidden("write messages on behalf of the company").into());
    }
    Ok(())
}

/// Sends the acknowledgement of `case` (which must be new), by `author` (`None`: Accord,
/// under the policy), and moves the case to acknowledged.
pub(crate) async fn send(
    store: &Store,
    c: &mut Conn<'_>,
    case: &mut Case,
    author: Option<UserId>,
    now: Timestamp,
) -> Result<Entry> {
    if case.status != CaseStatus::New {
        return Err(DomainError::Conflict(format!(
            "case {} is {}, not new: it was acknowledged or answered already",
            case.number,
            case.status.as_str()
        ))
        .into());
    }
    let text = compose(store, c, case, now).await?;
    let purpose = crate::mail::Purpose::Acknowledgement;
    post_reply(store, c, case, author, text.body, purpose, None, now).await
}

/// Posts a reply of the company on a case inside the caller's transaction: the outbound
/// entry and its event, its email (with `email_text` in place of the body when the email
/// carries more than the conversation keeps, such as a signed link), the clocks a reply
/// moves, and a new case acknowledged. `author` is `None` when Accord writes it.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn post_reply(
    store: &Store,
    c: &mut Conn<'_>,
    case: &mut Case,
    author: Option<UserId>,
    body: String,
    purpose: crate::mail::Purpose,
    email_text: Option<&str>,
    now: Timestamp,
) -> Result<Entry> {
    let entry = Entry {
        id: EntryId::new(),
        case_id: case.id,
        kind: EntryKind::Outbound,
        channel: case.channel,
        body,
        author_user_id: author,
        author_contact_id: None,
        department_id: None,
        answers_entry_id: None,
        created_at: now,
    };
    c.execute(
        INSERT_ENTRY,
        args![
            entry.id.0,
            case.id.0,
            entry.kind.as_str(),
            entry.channel.as_str(),
            entry.body,
            author.map(|u| u.0),
            None::<uuid::Uuid>,
            None::<uuid::Uuid>,
            None::<uuid::Uuid>,
            to_micros(now)
        ],
    )
    .await?;
    c.execute(
        "UPDATE cases SET updated_at = $1 WHERE id = $2",
        args![to_micros(now), case.id.0],
    )
    .await?;
    let actor = author.map(|u| u.0);
    let added = Change::EntryAdded {
        entry_id: entry.id,
        kind: EntryKind::Outbound,
    };
    insert_event(c, case.id, &added, actor, None, now).await?;
    crate::mail::enqueue_for_entry(store, c, case, &entry, purpose, email_text, now).await?;
    // The reply meets the first response and starts the promised next update.
    crate::clocks::after_reply(store, c, case, now).await?;
    answered(store, c, case, actor, now).await?;
    Ok(entry)
}

/// A new case got its first reply (the acknowledgement or any other): it is acknowledged.
pub(crate) async fn answered(
    store: &Store,
    c: &mut Conn<'_>,
    case: &mut Case,
    actor: Option<uuid::Uuid>,
    now: Timestamp,
) -> Result<()> {
    if case.status != CaseStatus::New {
        return Ok(());
    }
    let from = case.status;
    case.status = CaseStatus::Acknowledged;
    case.updated_at = now;
    crate::cases::move_status(store, c, case.id, from, case.status, actor, now).await
}

/// The acknowledgement's text in the case's language: greeting, "important to us and being
/// worked on", the promise (stated in the calendar's time zone), the procedure's own
/// plain-language explanation when it has one in that language, and the sign-off.
async fn compose(
    store: &Store,
    c: &mut Conn<'_>,
    case: &Case,
    now: Timestamp,
) -> Result<Acknowledgement> {
    let tr = Tr::new(case.language);
    let name = c
        .fetch_optional(
            "SELECT name FROM contacts WHERE id = $1",
            args![case.contact_id.0],
        )
        .await?
        .map(|mut r| r.text(0))
        .transpose()?
        .unwrap_or_default();
    let promise = crate::clocks::promise_of_reply(store, c, case, now).await?;
    let number = case.number.to_string();
    let mut parts = vec![
        tr.t1("ack-greeting", "name", &name),
        tr.args(
            "ack-important",
            &[
                ("number", Arg::Text(&number)),
                ("subject", Arg::Text(&case.subject)),
            ],
        ),
    ];
    let next_update_by = promise.as_ref().and_then(|p| p.next_update);
    match (&promise, next_update_by) {
        (Some(p), Some(at)) => parts.push(tr.args(
            "ack-promise",
            &[
                ("when", Arg::Text(&tr.datetime(at, &p.zone))),
                ("zone", Arg::Text(p.zone.iana_name().unwrap_or("UTC"))),
            ],
        )),
        _ => parts.push(tr.t("ack-no-promise")),
    }
    if let Some(explained) = promise
        .as_ref()
        .and_then(|p| p.explanation.get(case.language.code()))
    {
        parts.push(explained.clone());
    }
    parts.push(tr.t("ack-signoff"));
    Ok(Acknowledgement {
        body: parts.join("\n\n"),
        next_update_by,
    })
}
