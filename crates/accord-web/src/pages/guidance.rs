//! The explain-the-policy panel (G4) and the reply templates (A4) on the case page.
//!
//! Both work without JavaScript: "Use template" and "Insert into reply" are links that load
//! the case page with the reply box filled in (`?template=` / `?insert=`); with JavaScript
//! they fill the box in place.

use accord_core::access::Actor;
use accord_core::case::Case;
use accord_i18n::Tr;
use accord_store::guidance::CaseGuidance;

use super::PageError;
use crate::AppState;

pub struct RuleView {
    /// What the rule is, as a heading: the remedy's name, or "How we handle this case".
    pub heading: String,
    pub text: String,
    /// The URL that fills the reply box with `text` (without JavaScript).
    pub insert_href: String,
    pub rationale: Option<String>,
    pub source: Option<String>,
    pub links: Vec<(String, String)>,
    pub alternatives: Vec<String>,
}

pub struct TemplateView {
    pub id: String,
    pub name: String,
    pub body: String,
}

pub struct GuidanceView {
    /// The case's language, for the `lang` attribute of every text below.
    pub language_code: &'static str,
    pub language_note: String,
    pub rules: Vec<RuleView>,
    pub templates: Vec<TemplateView>,
}

impl GuidanceView {
    /// The text a `?template=` or `?insert=` request puts in the reply box, if it names one.
    pub fn draft_for(
        guidance: &CaseGuidance,
        template: Option<&str>,
        insert: Option<&str>,
    ) -> Option<String> {
        if let Some(id) = template {
            return guidance
                .templates
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.body.clone());
        }
        let (kind, id) = insert?.split_once(':')?;
        guidance
            .rules
            .iter()
            .find(|r| r.kind == kind && r.id == id)
            .map(|r| r.text.clone())
    }
}

pub fn view(tr: Tr, number: i64, guidance: &CaseGuidance) -> GuidanceView {
    let rules = guidance
        .rules
        .iter()
        .map(|r| RuleView {
            heading: r.name.clone().unwrap_or_else(|| tr.t("guidance-procedure")),
            text: r.text.clone(),
            insert_href: format!("/cases/{number}?insert={}:{}#reply-body", r.kind, r.id),
            rationale: r.rationale.as_ref().map(|x| x.text.clone()),
            source: r.rationale.as_ref().and_then(|x| x.source.clone()),
            links: r
                .links
                .iter()
                .filter(|l| is_safe_href(&l.href))
                .map(|l| (l.label.clone(), l.href.clone()))
                .collect(),
            alternatives: r.alternatives.clone(),
        })
        .collect();
    GuidanceView {
        language_code: guidance.language.code(),
        language_note: tr.args(
            "guidance-language",
            &[
                (
                    "language",
                    accord_i18n::Arg::Text(guidance.language.endonym()),
                ),
                ("version", accord_i18n::Arg::Number(guidance.policy_version)),
            ],
        ),
        rules,
        templates: guidance
            .templates
            .iter()
            .map(|t| TemplateView {
                id: t.id.clone(),
                name: t.name.clone(),
                body: t.body.clone(),
            })
            .collect(),
    }
}

/// Loads the guidance, mapping a store failure to the page's error.
pub async fn for_page(
    state: &AppState,
    tr: Tr,
    actor: &Actor,
    case: &Case,
) -> Result<Option<CaseGuidance>, PageError> {
    state
        .store
        .case_guidance(actor, case.id, crate::now())
        .await
        .map_err(PageError::store(tr))
}

/// Links a page may show: web and mail addresses and paths on this site. A policy is written
/// by trusted staff, but a `javascript:` link would run in every agent's session.
fn is_safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        || (lower.starts_with('/') && !lower.starts_with("//"))
}

#[cfg(test)]
mod tests {
    use super::is_safe_href;

    #[test]
    fn only_web_mail_and_local_links_are_shown() {
        assert!(is_safe_href("https://olmo.example/garantia"));
        assert!(is_safe_href("mailto:ayuda@olmo.example"));
        assert!(is_safe_href("/portal/help"));
        assert!(!is_safe_href("javascript:alert(1)"));
        assert!(!is_safe_href(" JavaScript:alert(1)"));
        assert!(!is_safe_href("//evil.example/x"));
        assert!(!is_safe_href("data:text/html,hi"));
    }
}
