//! `accord policy check FILE`: the policy checks (PRODUCT.md B3) on a file, reported like a
//! compiler reports: `FILE:LINE:COLUMN: error: message`, errors first, then warnings.

use std::path::Path;
use std::process::ExitCode;

use accord_core::language::Language;
use accord_i18n::{Arg, Tr};
use accord_policy::{Finding, Severity};

/// The reader's language: `--lang`, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn language(explicit: Option<&str>) -> Language {
    let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty());
    explicit
        .map(str::to_owned)
        .or(from_env)
        .and_then(|tag| Language::from_tag(tag.get(..2).unwrap_or(&tag)))
        .unwrap_or(Language::En)
}

/// One finding as a line of output.
pub fn render(tr: &Tr, file: &str, finding: &Finding) -> String {
    let severity = match finding.severity {
        Severity::Error => tr.t("policy-severity-error"),
        Severity::Warning => tr.t("policy-severity-warning"),
    };
    let message = tr.policy_finding(finding.code, &finding.args);
    if finding.line == 0 {
        format!("{file}: {severity}: {message}")
    } else {
        format!(
            "{file}:{}:{}: {severity}: {message}",
            finding.line, finding.column
        )
    }
}

/// Exit status: 0 without errors, 1 with errors, 2 when the file cannot be read.
pub fn check(file: &Path, tr: &Tr) -> ExitCode {
    let name = file.display().to_string();
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "{}",
                tr.args(
                    "policy-check-cannot-read",
                    &[
                        ("file", Arg::Text(&name)),
                        ("detail", Arg::Text(&e.to_string()))
                    ]
                )
            );
            return ExitCode::from(2);
        }
    };
    let report = accord_policy::check_policy(&text, Some(jiff::Zoned::now().date()));
    for finding in &report.findings {
        println!("{}", render(tr, &name, finding));
    }
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    println!(
        "{name}: {}",
        tr.args(
            "policy-check-summary",
            &[
                ("errors", Arg::Number(errors as i64)),
                ("warnings", Arg::Number(warnings as i64))
            ]
        )
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
