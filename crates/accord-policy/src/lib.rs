//! The service policy (PRODUCT.md B1–B3): the document a support manager writes, compiled
//! into rules Accord runs, and the checks that tell the author what to fix.
//!
//! Pure: no I/O. Reading files and storing versions are the adapters' business.
//!
//! - [`document`] — the TOML format, table by table (`docs/policy.md` for authors);
//! - [`condition`] — the condition language, evaluated natively and lowered to SQL;
//! - [`model`] — the compiled policy that cases run against;
//! - [`templates`] — reply templates and their placeholders;
//! - `surveys` — surveys and follow-ups (E1, D6), compiled and checked;
//! - [`check`] (via [`check_policy`]) — the findings of `accord policy check`.

mod check;
pub mod clocks;
mod compile;
pub mod condition;
pub mod diff;
pub mod document;
pub mod duration;
mod finding;
pub mod ledger;
pub mod model;
pub mod settings;
mod surveys;
pub mod templates;
pub mod texts;
pub mod versions;

pub use finding::{Finding, Severity};
pub use model::Policy;

/// The name of a readability formula, as the check's messages and the editor show it.
pub fn formula_name(formula: accord_text::readability::Formula) -> &'static str {
    match formula {
        accord_text::readability::Formula::FleschReadingEase => "Flesch",
        accord_text::readability::Formula::FernandezHuerta => "Fernández Huerta",
        accord_text::readability::Formula::SzigrisztPazos => "Szigriszt-Pazos",
        accord_text::readability::Formula::FleschPortuguese => "Flesch (Martins)",
        accord_text::readability::Formula::Lix => "LIX",
    }
}

/// The outcome of checking a policy file.
#[derive(Clone, Debug)]
pub struct Report {
    /// Errors first, then warnings, each in file order.
    pub findings: Vec<Finding>,
    /// The compiled policy, when it has no errors.
    pub policy: Option<Policy>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

/// Compiles and checks a policy's text. `today` enables the review-date reminder.
pub fn check_policy(text: &str, today: Option<jiff::civil::Date>) -> Report {
    let mut compiler = compile::Compiler::new(text);
    let mut policy = None;
    if let Some(doc) = compiler.document() {
        policy = compile::compile(&mut compiler, &doc);
        if let Some(compiled) = &policy {
            check::check(&mut compiler, &doc, compiled, today);
        }
    }
    let mut findings = compiler.findings;
    findings.sort_by_key(|f| (f.severity, f.line, f.column));
    let policy = policy.filter(|_| !findings.iter().any(|f| f.severity == Severity::Error));
    Report { findings, policy }
}

/// Compiles a policy that must have no errors (one already checked when it was saved).
pub fn load(text: &str) -> Result<Policy, Vec<Finding>> {
    let report = check_policy(text, None);
    match report.policy {
        Some(policy) => Ok(policy),
        None => Err(report
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()),
    }
}
