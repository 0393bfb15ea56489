//! The append-only audit log of staff actions (J6). Rows are written in the same
//! transaction as the change they describe, so an action is never done unrecorded;
//! the database refuses updates and deletions (triggers in the migrations).

use accord_core::access::Actor;
use jiff::Timestamp;
use serde::Serialize;
use sqlx::types::Json;
use uuid::Uuid;

use crate::codec::from_micros;
use crate::{Result, Store};

pub(crate) const INSERT_AUDIT: &str = "INSERT INTO audit_log (id, at, actor_user_id, action, object_kind, object_id, detail) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// Appends one audit row inside the caller's transaction.
macro_rules! audit {
    ($tx:expr, $actor:expr, $at:expr, $action:expr, $kind:expr, $object_id:expr, $detail:expr) => {
        sqlx::query($crate::audit::INSERT_AUDIT)
            .bind(uuid::Uuid::now_v7())
            .bind($crate::codec::to_micros($at))
            .bind($actor)
            .bind($action)
            .bind($kind)
            .bind($object_id)
            .bind(sqlx::types::Json($detail))
            .execute(&mut *$tx)
            .await?
    };
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

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: Uuid,
    at: i64,
    actor_user_id: Option<Uuid>,
    action: String,
    object_kind: String,
    object_id: Option<String>,
    detail: Json<serde_json::Value>,
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
        let actor_id = actor.map(|a| a.user_id.0);
        write_tx!(self, |tx| {
            audit!(
                tx,
                actor_id,
                crate::codec::now(),
                action,
                object_kind,
                object_id,
                detail
            );
        });
        Ok(())
    }

    /// The most recent audit entries, newest first.
    pub async fn audit_log(&self, actor: &Actor, limit: i64) -> Result<Vec<AuditEntry>> {
        actor.require(accord_core::access::Action::ViewAudit)?;
        let rows: Vec<AuditRow> = read_db!(self, |ex| {
            sqlx::query_as("SELECT id, at, actor_user_id, action, object_kind, object_id, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT $1")
                .bind(limit.clamp(1, 1000))
                .fetch_all(ex)
                .await?
        });
        rows.into_iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.id,
                    at: from_micros(r.at)?,
                    actor_user_id: r.actor_user_id,
                    action: r.action,
                    object_kind: r.object_kind,
                    object_id: r.object_id,
                    detail: r.detail.0,
                })
            })
            .collect()
    }
}
