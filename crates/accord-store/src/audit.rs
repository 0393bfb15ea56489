//! The append-only audit log of staff actions (J6). Rows are written in the same
//! transaction as the change they describe, so an action is never done unrecorded;
//! the database refuses updates and deletions (triggers in the migrations).

use accord_core::access::Actor;
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

use crate::codec::{from_micros, to_micros};
use crate::db::Conn;
use crate::value::Json;
use crate::{Result, Store};

/// Appends one audit row inside the caller's transaction.
pub(crate) async fn record(
    tx: &mut Conn<'_>,
    actor: Option<Uuid>,
    at: Timestamp,
    action: &str,
    object_kind: &str,
    object_id: Option<String>,
    detail: serde_json::Value,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (id, at, actor_user_id, action, object_kind, object_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        args![Uuid::now_v7(), to_micros(at), actor, action, object_kind, object_id, Json(detail)],
    )
    .await?;
    Ok(())
}

/// A member of staff's change to a case, in the caller's transaction: an event in the
/// case's history and an audit row (`action`, with `detail`).
pub(crate) async fn record_case_change(
    tx: &mut Conn<'_>,
    case: accord_core::ids::CaseId,
    change: &accord_core::case::Change,
    actor: Uuid,
    at: Timestamp,
    action: &str,
    detail: serde_json::Value,
) -> Result<()> {
    crate::cases::insert_event(tx, case, change, Some(actor), None, at).await?;
    record(
        tx,
        Some(actor),
        at,
        action,
        "case",
        Some(case.to_string()),
        detail,
    )
    .await
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: Uuid,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub actor_user_id: Option<Uuid>,
    pub action: String,
    pub object_kind: String,
    pub object_id: Option<String>,
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

impl Store {
    /// Records an action that has no other write of its own (a sign-in, a token issued).
    pub async fn audit(
        &self,
        actor: Option<&Actor>,
        action: &str,
        object_kind: &str,
        object_id: Option<String>,
        detail: serde_json::Value,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        record(
            &mut tx,
            actor.map(|a| a.user_id.0),
            crate::codec::now(),
            action,
            object_kind,
            object_id,
            detail,
        )
        .await?;
        tx.commit().await
    }

    /// The most recent audit entries, newest first.
    pub async fn audit_log(&self, actor: &Actor, limit: i64) -> Result<Vec<AuditEntry>> {
        self.audit_page(actor, limit.clamp(1, 1000), None).await
    }

    /// A page of the audit log, newest first: at most `limit` entries, those older than
    /// `before` (the `at` and `id` of the last entry of the previous page) when given.
    pub async fn audit_page(
        &self,
        actor: &Actor,
        limit: i64,
        before: Option<(Timestamp, Uuid)>,
    ) -> Result<Vec<AuditEntry>> {
        actor.require(accord_core::access::Action::ViewAudit)?;
        let (at, id) = before.unwrap_or((Timestamp::MAX, Uuid::max()));
        let rows = self
            .read()
            .await?
            .fetch_all(
                "SELECT id, at, actor_user_id, action, object_kind, object_id, detail FROM audit_log \
                 WHERE ($1 OR (at, id) < ($2, $3)) ORDER BY at DESC, id DESC LIMIT $4",
                args![before.is_none(), to_micros(at), id, limit.max(1)],
            )
            .await?;
        rows.into_iter()
            .map(|mut r| {
                Ok(AuditEntry {
                    id: r.uuid(0)?,
                    at: from_micros(r.i64(1)?)?,
                    actor_user_id: r.opt_uuid(2)?,
                    action: r.text(3)?,
                    object_kind: r.text(4)?,
                    object_id: r.opt_text(5)?,
                    detail: r.json(6)?,
                })
            })
            .collect()
    }
}
