//! What the policy says about one case (PRODUCT.md G4, A4): the procedure and remedies that
//! apply, each with its plain-language text in the case's language, its links and the
//! alternatives open to this customer; and, for staff, each rule's rationale and the reply
//! templates offered on the case, filled in with its names.
//!
//! Customers see the same texts in the portal (F2), without the rationales, which are
//! written for staff.

use accord_core::access::Actor;
use accord_core::ids::CaseId;
use accord_core::language::Language;
use accord_policy::document::in_language;
use accord_policy::model::{Explanation, Rationale};
use accord_policy::templates::{TemplateValues, fill};
use jiff::Timestamp;
use serde::Serialize;

use crate::{Result, Store};

/// A rule that applies to the case, explained.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ExplainedRule {
    /// `procedure` or `remedy`.
    pub kind: &'static str,
    pub id: String,
    /// The remedy's name in the case's language; none for procedures.
    pub name: Option<String>,
    /// The plain-language explanation, in the case's language.
    pub text: String,
    /// Why the rule exists: for staff only.
    #[schema(value_type = Option<Object>)]
    pub rationale: Option<Rationale>,
    pub links: Vec<ExplainedLink>,
    /// The alternatives open to this customer, in the case's language.
    pub alternatives: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ExplainedLink {
    pub label: String,
    pub href: String,
}

/// A reply template offered on the case, filled in for it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OfferedTemplate {
    pub id: String,
    pub name: String,
    pub body: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseGuidance {
    pub policy_version: i64,
    /// The language every text here is in: the case's.
    pub language: Language,
    pub rules: Vec<ExplainedRule>,
    /// Empty for customers.
    pub templates: Vec<OfferedTemplate>,
}

fn explain(
    kind: &'static str,
    id: &str,
    name: Option<String>,
    explanation: &Explanation,
    facts: &accord_policy::condition::Facts,
    language: &str,
    staff: bool,
) -> ExplainedRule {
    ExplainedRule {
        kind,
        id: id.to_owned(),
        name,
        text: in_language(&explanation.text, language),
        rationale: staff.then(|| explanation.rationale.clone()),
        links: explanation
            .links
            .iter()
            .map(|l| ExplainedLink {
                label: in_language(&l.label, language),
                href: l.href.clone(),
            })
            .collect(),
        alternatives: explanation
            .alternatives_for(facts)
            .map(|a| in_language(&a.text, language))
            .collect(),
    }
}

impl Store {
    /// The policy's guidance on a case the actor may see; `None` when no policy governs it.
    pub async fn case_guidance(
        &self,
        actor: &Actor,
        case_id: CaseId,
        now: Timestamp,
    ) -> Result<Option<CaseGuidance>> {
        let mut c = self.read().await?;
        let case = crate::cases::load_case_scoped(&mut c, actor, case_id).await?;
        let Some(version) = case.policy_version else {
            return Ok(None);
        };
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        let facts = crate::facts::load_facts(&mut c, case_id, today).await?;
        drop(c);
        let policy = self.compiled_policy(version).await?;
        let language = case.language.code();
        let staff = actor.role.is_staff();
        let mut rules = Vec::new();
        if let Some(p) = policy.procedure_for(&facts) {
            rules.push(explain(
                "procedure",
                &p.id,
                None,
                &p.explanation,
                &facts,
                language,
                staff,
            ));
        }
        for r in policy.remedies_for(&facts) {
            rules.push(explain(
                "remedy",
                &r.id,
                Some(in_language(&r.name, language)),
                &r.explanation,
                &facts,
                language,
                staff,
            ));
        }
        let templates = if staff {
            let names = self
                .names(&[case.contact_id], &[], &[actor.user_id], &[])
                .await?;
            let values = TemplateValues {
                customer: names
                    .contacts
                    .get(&case.contact_id)
                    .cloned()
                    .unwrap_or_default(),
                agent: names.users.get(&actor.user_id).cloned().unwrap_or_default(),
                case: format!("#{}", case.number),
                subject: case.subject.clone(),
            };
            policy
                .templates_for(&facts)
                .map(|t| OfferedTemplate {
                    id: t.id.clone(),
                    name: in_language(&t.name, language),
                    body: fill(&in_language(&t.body, language), &values),
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(Some(CaseGuidance {
            policy_version: version,
            language: case.language,
            rules,
            templates,
        }))
    }
}
