//! Attachments: bytes in the attachment store (a local directory through `object_store`,
//! or an S3-compatible bucket later), metadata in the database.

use accord_core::access::{Action, Actor};
use accord_core::ids::{AttachmentId, CaseId, UserId};
use bytes::Bytes;
use jiff::Timestamp;
use object_store::path::Path as BlobPath;
use object_store::{ObjectStore, PutPayload};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::record;
use crate::codec::{from_micros, to_micros};
use crate::value::Row;
use crate::{Result, Store, StoreError};
use accord_core::DomainError;

pub const ATTACHMENT_MAX_BYTES: usize = 25 * 1024 * 1024;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Attachment {
    pub id: AttachmentId,
    pub case_id: CaseId,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: Option<UserId>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

const ATTACHMENT_COLUMNS: &str =
    "id, case_id, filename, content_type, size, sha256, storage_key, uploaded_by, created_at";

/// Decodes a row selected with [`ATTACHMENT_COLUMNS`]: the attachment and its storage key.
fn attachment_from(mut r: Row) -> Result<(Attachment, String)> {
    let attachment = Attachment {
        id: AttachmentId(r.uuid(0)?),
        case_id: CaseId(r.uuid(1)?),
        filename: r.text(2)?,
        content_type: r.text(3)?,
        size: r.i64(4)?,
        sha256: r.text(5)?,
        uploaded_by: r.opt_uuid(7)?.map(UserId),
        created_at: from_micros(r.i64(8)?)?,
    };
    Ok((attachment, r.text(6)?))
}

/// Keeps file names printable and short; the name is shown, never used as a path.
pub(crate) fn clean_filename(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\'))
        .take(200)
        .collect();
    if cleaned.trim().is_empty() {
        "attachment".to_owned()
    } else {
        cleaned.trim().to_owned()
    }
}

impl Store {
    /// Stores the bytes first, then the row: a crash in between leaves an unreferenced
    /// file (harmless), never a row pointing at nothing.
    pub async fn add_attachment(
        &self,
        actor: &Actor,
        case_id: CaseId,
        filename: &str,
        content_type: &str,
        bytes: Bytes,
        now: Timestamp,
    ) -> Result<Attachment> {
        actor.require(Action::AddMessage)?;
        self.get_case(actor, case_id).await?;
        if bytes.is_empty() || bytes.len() > ATTACHMENT_MAX_BYTES {
            return Err(DomainError::invalid(
                "file",
                "size",
                format!(
                    "attachments are 1 byte to {} MiB",
                    ATTACHMENT_MAX_BYTES / 1024 / 1024
                ),
            )
            .with_limit(ATTACHMENT_MAX_BYTES as u64)
            .into());
        }
        let id = AttachmentId::new();
        let sha256 = hex(&Sha256::digest(&bytes));
        let key = format!("cases/{case_id}/{id}");
        let size = i64::try_from(bytes.len()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.blobs
            .put(&BlobPath::from(key.as_str()), PutPayload::from_bytes(bytes))
            .await?;
        let attachment = Attachment {
            id,
            case_id,
            filename: clean_filename(filename),
            content_type: content_type.chars().take(100).collect(),
            size,
            sha256,
            uploaded_by: Some(actor.user_id),
            created_at: now,
        };
        let mut tx = self.write().await?;
        tx.execute(
            "INSERT INTO attachments (id, case_id, entry_id, filename, content_type, size, sha256, storage_key, uploaded_by, created_at) \
             VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9)",
            args![id.0, case_id.0, attachment.filename, attachment.content_type, size, attachment.sha256, key, actor.user_id.0, to_micros(now)],
        )
        .await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "case.attachment",
            "case",
            Some(case_id.to_string()),
            serde_json::json!({"attachment_id": id}),
        )
        .await?;
        tx.commit().await?;
        Ok(attachment)
    }

    pub async fn list_attachments(
        &self,
        actor: &Actor,
        case_id: CaseId,
    ) -> Result<Vec<Attachment>> {
        self.get_case(actor, case_id).await?;
        let sql = format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE case_id = $1 ORDER BY created_at, id"
        );
        let rows = self.read().await?.fetch_all(&sql, args![case_id.0]).await?;
        rows.into_iter()
            .map(|r| attachment_from(r).map(|(a, _)| a))
            .collect()
    }

    /// An attachment's metadata and bytes, if the actor may see its case.
    pub async fn read_attachment(
        &self,
        actor: &Actor,
        id: AttachmentId,
    ) -> Result<(Attachment, Bytes)> {
        let sql = format!("SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE id = $1");
        let row = self.read().await?.fetch_optional(&sql, args![id.0]).await?;
        let (attachment, key) = attachment_from(row.ok_or(StoreError::not_found("attachment"))?)?;
        self.get_case(actor, attachment.case_id).await?;
        let bytes = self
            .blobs
            .get(&BlobPath::from(key.as_str()))
            .await?
            .bytes()
            .await?;
        Ok((attachment, bytes))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
