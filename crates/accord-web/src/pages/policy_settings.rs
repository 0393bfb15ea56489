//! The draft editor's form for the rules' settings (B1, B3): each procedure's standards,
//! calendar, condition and acknowledgement, and each remedy's condition and limits per role,
//! with the check's findings next to the field they are about. Saved into the TOML without
//! disturbing the rest; the live check (`POST /policy/{n}/check`) takes this form too.

use accord_i18n::Tr;
use accord_policy::settings::{Setting, SettingKind, rule_settings, set_setting};
use accord_policy::texts::EditError;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use serde::Serialize;

use super::policy::{FindingLine, finding_lines};
use super::{PageError, PageUser};
use crate::AppState;

/// One field of the form, with the findings on its line.
#[derive(Serialize)]
pub struct SettingRow {
    /// The form field's name: `setting|<section>|<id>|<field>`.
    pub name: String,
    pub label: String,
    pub hint: String,
    pub value: String,
    /// `auto`/`agent` choices for the acknowledgement; empty for free text.
    pub choices: Vec<(&'static str, String, bool)>,
    pub findings: Vec<FindingLine>,
    pub has_error: bool,
}

/// The settings of one rule, as a fieldset.
pub struct RuleSettings {
    pub legend: String,
    pub rows: Vec<SettingRow>,
}

fn field_name(s: &Setting) -> String {
    format!("setting|{}|{}|{}", s.section, s.id, s.field)
}

fn label(tr: Tr, s: &Setting) -> String {
    match s.field.strip_prefix("limits.") {
        Some(role) => tr.t1(
            "policy-setting-limit",
            "role",
            &tr.t(&format!("role-{role}")),
        ),
        None => tr.t(&format!("policy-setting-{}", s.field)),
    }
}

fn hint(tr: Tr, kind: SettingKind) -> String {
    tr.t(match kind {
        SettingKind::Duration => "policy-setting-hint-duration",
        SettingKind::Condition => "policy-setting-hint-condition",
        SettingKind::Calendar => "policy-setting-hint-calendar",
        SettingKind::Acknowledge => "policy-setting-hint-acknowledge",
        SettingKind::Limit => "policy-setting-hint-limit",
    })
}

/// The form for a policy source, each field with the findings on its line; empty when the
/// source cannot be read.
pub fn rule_rows(tr: Tr, source: &str, findings: &[accord_policy::Finding]) -> Vec<RuleSettings> {
    let mut rules: Vec<RuleSettings> = Vec::new();
    let mut current = String::new();
    for s in rule_settings(source).unwrap_or_default() {
        let key = format!("{}|{}", s.section, s.id);
        if key != current {
            let kind = if s.section == "procedures" {
                "policy-setting-procedure"
            } else {
                "policy-setting-remedy"
            };
            rules.push(RuleSettings {
                legend: tr.t1(kind, "id", &s.id),
                rows: Vec::new(),
            });
            current = key;
        }
        let here: Vec<accord_policy::Finding> = findings
            .iter()
            .filter(|f| s.line != 0 && f.line == s.line)
            .cloned()
            .collect();
        let findings = finding_lines(&tr, &here);
        let choices = match s.kind {
            SettingKind::Acknowledge => ["agent", "auto"]
                .into_iter()
                .map(|c| {
                    (
                        c,
                        tr.t(&format!("policy-setting-acknowledge-{c}")),
                        s.value == c,
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Some(rule) = rules.last_mut() {
            rule.rows.push(SettingRow {
                name: field_name(&s),
                label: label(tr, &s),
                hint: hint(tr, s.kind),
                value: s.value.clone(),
                choices,
                has_error: findings.iter().any(|f| f.error),
                findings,
            });
        }
    }
    rules
}

/// Writes the form's settings into `source`; settings that did not change are left alone.
pub fn apply(source: &str, fields: &[(String, String)]) -> Result<String, EditError> {
    let current = rule_settings(source).unwrap_or_default();
    let mut out = source.to_owned();
    for (name, value) in fields {
        let mut parts = name.splitn(4, '|');
        let (Some("setting"), Some(section), Some(id), Some(field)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let unchanged = current.iter().any(|s| {
            s.section == section && s.id == id && s.field == field && s.value == value.trim()
        });
        if unchanged {
            continue;
        }
        out = set_setting(&out, section, id, field, value)?;
    }
    Ok(out)
}

/// Saves the settings form into the draft, then shows the draft with its findings.
pub async fn save(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let write = |source: &str, tr: Tr| {
        apply(source, &fields).map_err(|e| match e {
            EditError::NotANumber(path) => tr.t1("policy-setting-not-a-number", "place", &path),
            EditError::Syntax(detail) | EditError::NoSuchText(detail) => {
                tr.t1("policy-settings-unusable", "detail", &detail)
            }
        })
    };
    super::policy_texts::save_into_draft(&state, user, number, &method, &headers, &fields, write)
        .await
}
