//! Notifications to members of staff: an escalation level asked for them or gave them a
//! case (PRODUCT.md C2), a policy version is due for review (B2). Each person reads and
//! clears only their own.

use accord_core::access::Actor;
use accord_core::ids::{CaseId, UserId};
use jiff::Timestamp;
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::value::Json;
use crate::{Result, Store, StoreError};

/// Why someone was notified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// An escalation level notifies this person about a case.
    Escalation,
    /// An escalation level assigned a case to this person.
    Assigned,
    /// A policy version this person owns has reached its review date.
    PolicyReview,
    /// A milestone this person owns is past its due date and not reached (D3).
    MilestoneOverdue,
    /// The customer answered a follow-up negatively; the case was reopened (D6).
    NegativeFeedback,
}

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Escalation => "escalation",
            NotificationKind::Assigned => "assigned",
            NotificationKind::PolicyReview => "policy_review",
            NotificationKind::MilestoneOverdue => "milestone_overdue",
            NotificationKind::NegativeFeedback => "negative_feedback",
        }
    }

    /// The message that tells a case's notification (its `level` is the detail).
    pub fn message(self) -> &'static str {
        match self {
            NotificationKind::Escalation => "notification-escalation",
            NotificationKind::Assigned => "notification-assigned",
            NotificationKind::PolicyReview => "notification-policy-review",
            NotificationKind::MilestoneOverdue => "notification-milestone-overdue",
            NotificationKind::NegativeFeedback => "notification-negative-feedback",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "escalation" => NotificationKind::Escalation,
            "assigned" => NotificationKind::Assigned,
            "policy_review" => NotificationKind::PolicyReview,
            "milestone_overdue" => NotificationKind::MilestoneOverdue,
            "negative_feedback" => NotificationKind::NegativeFeedback,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Notification {
    #[schema(value_type = String, format = Uuid)]
    pub id: Uuid,
    pub kind: NotificationKind,
    /// The case it is about, for escalations and assignments.
    pub case_id: Option<CaseId>,
    pub case_number: Option<i64>,
    pub case_subject: Option<String>,
    /// The escalation level that caused it; the milestone overdue; the score of the
    /// negative answer.
    pub level: Option<String>,
    /// The policy version due for review.
    pub policy_version: Option<i64>,
    /// The review date of that version.
    pub review_by: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub read_at: Option<Timestamp>,
}

/// What a notification says beyond its kind and case.
pub(crate) enum About<'a> {
    Level(&'a str),
    Review { version: i64, review_by: &'a str },
}

/// Notifies a member of staff, inside the caller's transaction.
pub(crate) async fn notify(
    store: &Store,
    c: &mut Conn<'_>,
    user: UserId,
    case: Option<CaseId>,
    kind: NotificationKind,
    about: About<'_>,
    now: Timestamp,
) -> Result<()> {
    let data = match about {
        About::Level(level) => json!({ "level": level }),
        About::Review { version, review_by } => {
            json!({ "version": version, "review_by": review_by })
        }
    };
    c.execute(
        "INSERT INTO notifications (id, user_id, case_id, kind, data, created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)",
        args![Uuid::now_v7(), user.0, case.map(|c| c.0), kind.as_str(), Json(&data), to_micros(now)],
    )
    .await?;
    email(store, c, user, case, kind, &data, now).await
}

/// The same notice by email, in the person's language (sent once a relay is configured).
async fn email(
    store: &Store,
    c: &mut Conn<'_>,
    user: UserId,
    case: Option<CaseId>,
    kind: NotificationKind,
    data: &serde_json::Value,
    now: Timestamp,
) -> Result<()> {
    let Some(mut person) = c
        .fetch_optional(
            "SELECT email, name, language FROM users WHERE id = $1 AND active = $2",
            args![user.0, true],
        )
        .await?
    else {
        return Ok(());
    };
    let (address, name) = (person.text(0)?, person.text(1)?);
    let language = accord_core::language::Language::from_tag(&person.text(2)?)
        .unwrap_or(accord_core::language::Language::En);
    let tr = accord_i18n::Tr::new(language);
    let text = |key: &str| {
        data.get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let (notice, what) = match kind {
        NotificationKind::PolicyReview => {
            let version = data
                .get("version")
                .and_then(|v| v.as_i64())
                .unwrap_or_default()
                .to_string();
            (
                tr.t1("notification-policy-review", "date", &text("review_by")),
                tr.t1("notification-version", "number", &version),
            )
        }
        NotificationKind::Assigned
        | NotificationKind::Escalation
        | NotificationKind::MilestoneOverdue
        | NotificationKind::NegativeFeedback => {
            let key = kind.message();
            let about = match case {
                Some(case) => {
                    let mut row = c
                        .fetch_one(
                            "SELECT number, subject FROM cases WHERE id = $1",
                            args![case.0],
                        )
                        .await?;
                    format!("{} · {}", row.i64(0)?, row.text(1)?)
                }
                None => String::new(),
            };
            (tr.t1(key, "level", &text("level")), about)
        }
    };
    let letter = crate::mail::Letter {
        subject: format!("{} {what}", notice.trim_end_matches(':')),
        text: format!("{notice}\n{what}\n"),
        language: language.code().to_owned(),
        recipient_name: Some(name),
        in_reply_to: None,
        references: Vec::new(),
        automatic: true,
    };
    crate::mail::enqueue(
        store,
        c,
        None,
        crate::mail::Purpose::Notification,
        &address,
        &letter,
        now,
    )
    .await?;
    Ok(())
}

impl Store {
    /// The reader's notifications, newest first; only the unread ones when `unread_only`.
    pub async fn list_notifications(
        &self,
        actor: &Actor,
        unread_only: bool,
        limit: i64,
    ) -> Result<Vec<Notification>> {
        self.notifications_page(actor, unread_only, limit, None)
            .await
    }

    /// A page of the reader's notifications, newest first: at most `limit`, those older
    /// than `before` (the `created_at` and `id` of the last one of the previous page) when
    /// given.
    pub async fn notifications_page(
        &self,
        actor: &Actor,
        unread_only: bool,
        limit: i64,
        before: Option<(Timestamp, Uuid)>,
    ) -> Result<Vec<Notification>> {
        let (at, id) = before.unwrap_or((Timestamp::MAX, Uuid::max()));
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT n.id, n.kind, n.case_id, c.number, c.subject, n.data, n.created_at, n.read_at \
                 FROM notifications n LEFT JOIN cases c ON c.id = n.case_id \
                 WHERE n.user_id = $1 AND ($2 = FALSE OR n.read_at IS NULL) \
                 AND ($3 OR (n.created_at, n.id) < ($4, $5)) \
                 ORDER BY n.created_at DESC, n.id DESC LIMIT $6",
                args![actor.user_id.0, unread_only, before.is_none(), to_micros(at), id, limit],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                let kind = r.text(1)?;
                let data: serde_json::Value = r.json(5)?;
                let text = |key: &str| data.get(key).and_then(|v| v.as_str()).map(str::to_owned);
                Ok(Notification {
                    id: r.uuid(0)?,
                    kind: NotificationKind::parse(&kind).ok_or_else(|| {
                        StoreError::Corrupt(format!("notification kind {kind:?}"))
                    })?,
                    case_id: r.opt_uuid(2)?.map(CaseId),
                    case_number: r.opt_i64(3)?,
                    case_subject: r.opt_text(4)?,
                    level: text("level"),
                    policy_version: data.get("version").and_then(|v| v.as_i64()),
                    review_by: text("review_by"),
                    created_at: from_micros(r.i64(6)?)?,
                    read_at: r.opt_i64(7)?.map(from_micros).transpose()?,
                })
            })
            .collect()
    }

    /// How many of the reader's notifications are unread (the count beside the menu).
    pub async fn unread_notifications(&self, actor: &Actor) -> Result<i64> {
        self.read()
            .await?
            .fetch_one(
                "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
                args![actor.user_id.0],
            )
            .await?
            .i64(0)
    }

    /// Marks one of the reader's notifications read (again: no change). Another person's
    /// notification is not found.
    pub async fn mark_notification_read(
        &self,
        actor: &Actor,
        id: Uuid,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let found = tx
            .execute(
                "UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND user_id = $3",
                args![to_micros(now), id, actor.user_id.0],
            )
            .await?;
        if found == 0 {
            return Err(StoreError::not_found("notification"));
        }
        tx.commit().await
    }

    /// Marks all the reader's notifications read; returns how many were unread.
    pub async fn mark_all_notifications_read(&self, actor: &Actor, now: Timestamp) -> Result<u64> {
        let mut tx = self.write().await?;
        let marked = tx
            .execute(
                "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                args![to_micros(now), actor.user_id.0],
            )
            .await?;
        tx.commit().await?;
        Ok(marked)
    }
}
