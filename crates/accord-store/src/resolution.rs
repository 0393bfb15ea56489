//! Resolving a complaint with an explanation (PRODUCT.md D4): why it happened, what is being
//! done to fix it, why it will not happen again, the inconvenience acknowledged and thanks —
//! checked by `accord_text::explanation` (an empty or stock-phrase explanation is refused,
//! each problem named), sent to the customer in the case's language, and the case resolved.

use accord_core::access::{Action, Actor};
use accord_core::case::CaseStatus;
use accord_core::entry::Entry;
use accord_core::ids::CaseId;
use accord_core::{DomainError, FieldError};
use accord_i18n::Tr;
use accord_text::explanation::{self, Explanation, Problem};
use jiff::Timestamp;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::audit::record;
use crate::cases::{load_case, move_status};
use crate::{Result, Store};

/// The longest part kept.
pub const PART_MAX: usize = 4000;

/// What the agent writes to resolve a complaint.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionInput {
    /// Why it happened.
    pub cause: String,
    /// What is being done to fix it.
    pub fix: String,
    /// Why it will not happen again.
    pub prevention: String,
    /// Acknowledging the inconvenience.
    pub apology: String,
    /// Thanking the customer.
    pub thanks: String,
}

impl ResolutionInput {
    /// Every problem at once, by part.
    pub fn validate(&self) -> std::result::Result<(), DomainError> {
        let parts = Explanation {
            cause: &self.cause,
            fix: &self.fix,
            prevention: &self.prevention,
            apology: &self.apology,
            thanks: &self.thanks,
        };
        let mut errors: Vec<FieldError> = explanation::check(&parts)
            .into_iter()
            .map(|(part, problem)| match problem {
                Problem::Empty => FieldError::new(part, "required", "write this part"),
                Problem::Boilerplate => FieldError::new(
                    part,
                    "boilerplate",
                    "say what happened in this case, not only stock phrases",
                ),
                Problem::Repeats(other) => FieldError::new(
                    part,
                    "repeats",
                    format!("this says the same as {other}; say something of its own"),
                ),
            })
            .collect();
        for (part, text) in [
            ("cause", &self.cause),
            ("fix", &self.fix),
            ("prevention", &self.prevention),
            ("apology", &self.apology),
            ("thanks", &self.thanks),
        ] {
            if text.chars().count() > PART_MAX {
                errors.push(
                    FieldError::new(part, "too_long", "too long").with_limit(PART_MAX as u64),
                );
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(errors))
        }
    }
}

impl Store {
    /// Resolves a case with an explanation the customer receives in their language.
    pub async fn resolve_with_explanation(
        &self,
        actor: &Actor,
        case_id: CaseId,
        input: &ResolutionInput,
        now: Timestamp,
    ) -> Result<Entry> {
        actor.require(Action::AddMessage)?;
        actor.require(Action::UpdateCase)?;
        input.validate()?;
        let mut tx = self.write().await?;
        let mut case = load_case(&mut tx, actor.scope(), case_id).await?;
        case.status.check_transition(CaseStatus::Resolved)?;
        let name = tx
            .fetch_optional(
                "SELECT name FROM contacts WHERE id = $1",
                args![case.contact_id.0],
            )
            .await?
            .map(|mut r| r.text(0))
            .transpose()?
            .unwrap_or_default();
        let tr = Tr::new(case.language);
        let body = [
            tr.t1("ack-greeting", "name", &name),
            format!("{}\n{}", tr.t("resolution-why"), input.cause.trim()),
            format!("{}\n{}", tr.t("resolution-fix"), input.fix.trim()),
            format!(
                "{}\n{}",
                tr.t("resolution-prevention"),
                input.prevention.trim()
            ),
            input.apology.trim().to_owned(),
            input.thanks.trim().to_owned(),
            tr.t("ack-signoff"),
        ]
        .join("\n\n");
        let purpose = crate::mail::Purpose::Resolution;
        let author = Some(actor.user_id);
        let entry = crate::acknowledge::post_reply(
            self, &mut tx, &mut case, author, body, purpose, None, now,
        )
        .await?;
        let from = crate::cases::load_case(&mut tx, actor.scope(), case_id)
            .await?
            .status;
        move_status(
            self,
            &mut tx,
            case_id,
            from,
            CaseStatus::Resolved,
            author.map(|a| a.0),
            now,
        )
        .await?;
        record(
            &mut tx,
            Some(actor.user_id.0),
            now,
            "case.resolve",
            "case",
            Some(case_id.to_string()),
            serde_json::json!({"entry_id": entry.id}),
        )
        .await?;
        tx.commit().await?;
        Ok(entry)
    }
}
