//! The rules' settings of a policy file, for the editor's form (PRODUCT.md B1, B3): each
//! procedure's standards (first response, update cadence, resolution), calendar, condition
//! and acknowledgement, and each remedy's condition and authority limits per role; and the
//! edit that writes one back, leaving every other byte as the author wrote it. The check
//! then reports on the edited file, and each finding lands next to the field on its line.

use toml::Spanned;

use crate::document::Document;
use crate::texts::EditError;

/// What a setting holds, for the form's hints and the value written back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingKind {
    /// Working time such as `4h`, `90m`, `1h30m`.
    Duration,
    /// A rule condition such as `account.tier >= "gold"`.
    Condition,
    /// The id of one of the policy's calendars.
    Calendar,
    /// `auto` or `agent`.
    Acknowledge,
    /// The most a role may grant alone (a number in the remedy's unit; empty: may not grant).
    Limit,
}

/// One setting of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    /// `procedures` or `remedies`.
    pub section: &'static str,
    pub id: String,
    /// `first_response`, `update_every`, `resolution`, `calendar`, `when`, `acknowledge`, or
    /// `limits.<role>`.
    pub field: String,
    pub kind: SettingKind,
    /// As written in the file; empty when the file leaves it out.
    pub value: String,
    /// The 1-based line of the value in the file (0 when left out), so findings on that
    /// line can be shown next to the field.
    pub line: usize,
}

impl Setting {
    /// As findings name it: `procedures.email.first_response`.
    pub fn path(&self) -> String {
        format!("{}.{}.{}", self.section, self.id, self.field)
    }
}

/// The roles whose limits the form offers, lowest first.
pub const LIMIT_ROLES: [&str; 3] = ["agent", "supervisor", "admin"];

/// Every setting of the procedures and remedies, in file order. `None` when the file cannot
/// be read as a policy at all (the check says why).
pub fn rule_settings(source: &str) -> Option<Vec<Setting>> {
    let doc: Document = toml::from_str(source).ok()?;
    let line_of = |span: std::ops::Range<usize>| -> usize {
        source
            .get(..span.start)
            .map_or(0, |before| before.matches('\n').count() + 1)
    };
    let text = |value: Option<&Spanned<String>>| match value {
        Some(v) => (v.get_ref().clone(), line_of(v.span())),
        None => (String::new(), 0),
    };
    let mut out = Vec::new();
    for p in &doc.procedures {
        let id = p.id.get_ref().clone();
        let fields: [(&str, SettingKind, Option<&Spanned<String>>); 6] = [
            (
                "first_response",
                SettingKind::Duration,
                Some(&p.first_response),
            ),
            (
                "update_every",
                SettingKind::Duration,
                p.update_every.as_ref(),
            ),
            ("resolution", SettingKind::Duration, Some(&p.resolution)),
            ("calendar", SettingKind::Calendar, p.calendar.as_ref()),
            ("when", SettingKind::Condition, p.when.as_ref()),
            (
                "acknowledge",
                SettingKind::Acknowledge,
                Some(&p.acknowledge),
            ),
        ];
        for (field, kind, value) in fields {
            let (value, line) = text(value);
            out.push(Setting {
                section: "procedures",
                id: id.clone(),
                field: field.to_owned(),
                kind,
                value,
                line,
            });
        }
    }
    for r in &doc.remedies {
        let id = r.id.get_ref().clone();
        let (value, line) = text(r.when.as_ref());
        out.push(Setting {
            section: "remedies",
            id: id.clone(),
            field: "when".to_owned(),
            kind: SettingKind::Condition,
            value,
            line,
        });
        for role in LIMIT_ROLES {
            let limit = r.limits.as_ref().and_then(|l| l.get_ref().get(role));
            out.push(Setting {
                section: "remedies",
                id: id.clone(),
                field: format!("limits.{role}"),
                kind: SettingKind::Limit,
                value: limit.map(|l| amount(*l.get_ref())).unwrap_or_default(),
                line: limit.map_or(0, |l| line_of(l.span())),
            });
        }
    }
    Some(out)
}

/// An amount as authors write it: `50`, `12.5`.
fn amount(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// Writes one setting into the file; an empty value leaves the setting out (a condition
/// that selects every case, the policy's default calendar, a role that may not grant). What
/// the value means is for the check to judge, so a mistyped duration is kept and reported.
pub fn set_setting(
    source: &str,
    section: &str,
    id: &str,
    field: &str,
    value: &str,
) -> Result<String, EditError> {
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Syntax(e.message().to_owned()))?;
    let path = format!("{section}.{id}.{field}");
    let missing = || EditError::NoSuchText(path.clone());
    let rule = doc
        .get_mut(section)
        .and_then(|item| item.as_array_of_tables_mut())
        .and_then(|rules| {
            rules
                .iter_mut()
                .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id))
        })
        .ok_or_else(missing)?;
    let value = value.trim();
    let (table, key, new): (
        &mut dyn toml_edit::TableLike,
        &str,
        Option<toml_edit::Value>,
    ) = match field.split_once('.') {
        Some(("limits", role)) if LIMIT_ROLES.contains(&role) => {
            let number = if value.is_empty() {
                None
            } else {
                let parsed: f64 = value
                    .replace(',', ".")
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite() && *n >= 0.0)
                    .ok_or_else(|| EditError::NotANumber(path.clone()))?;
                Some(if parsed.fract() == 0.0 && parsed < 1e15 {
                    toml_edit::Value::from(parsed as i64)
                } else {
                    toml_edit::Value::from(parsed)
                })
            };
            if !rule.contains_key("limits") {
                rule.insert(
                    "limits",
                    toml_edit::Item::Value(toml_edit::InlineTable::new().into()),
                );
            }
            let limits = rule
                .get_mut("limits")
                .and_then(|item| item.as_table_like_mut())
                .ok_or_else(missing)?;
            (limits, role, number)
        }
        None if matches!(
            field,
            "first_response" | "update_every" | "resolution" | "calendar" | "when" | "acknowledge"
        ) && (section == "procedures" || field == "when") =>
        {
            let text = (!value.is_empty()).then(|| toml_edit::Value::from(value));
            (rule as &mut dyn toml_edit::TableLike, field, text)
        }
        _ => return Err(missing()),
    };
    match new {
        None => {
            table.remove(key);
        }
        Some(new) => match table.get_mut(key) {
            Some(existing) if existing.is_value() => {
                let decor = existing.as_value().map(|v| v.decor().clone());
                *existing = toml_edit::Item::Value(new);
                if let (Some(decor), Some(v)) = (decor, existing.as_value_mut()) {
                    *v.decor_mut() = decor;
                }
            }
            _ => {
                table.insert(key, toml_edit::Item::Value(new));
            }
        },
    }
    Ok(doc.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SOURCE: &str = include_str!("../tests/valid-minimal.toml");

    fn setting<'a>(all: &'a [Setting], path: &str) -> &'a Setting {
        all.iter().find(|s| s.path() == path).unwrap()
    }

    #[test]
    fn standards_conditions_and_limits_are_listed_with_their_lines() {
        let all = rule_settings(SOURCE).unwrap();
        let first = setting(&all, "procedures.email.first_response");
        assert_eq!(first.kind, SettingKind::Duration);
        assert_eq!(
            SOURCE.lines().nth(first.line - 1).unwrap().trim(),
            format!("first_response = \"{}\"", first.value)
        );
        assert_eq!(setting(&all, "remedies.credit.limits.agent").value, "50");
        assert_eq!(
            setting(&all, "remedies.credit.limits.supervisor").value,
            "500"
        );
        assert!(rule_settings("not = [a policy").is_none());
    }

    #[test]
    fn a_setting_is_written_back_and_nothing_else_changes() {
        let edited = set_setting(SOURCE, "procedures", "email", "first_response", "90m").unwrap();
        let all = rule_settings(&edited).unwrap();
        assert_eq!(
            setting(&all, "procedures.email.first_response").value,
            "90m"
        );
        let changed = similar::TextDiff::from_lines(SOURCE, edited.as_str())
            .iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .count();
        assert_eq!(changed, 2, "one line out, one line in");
        // The edited file still checks clean.
        let report = crate::check_policy(&edited, None);
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.severity != crate::Severity::Error),
            "{:?}",
            report.findings
        );
    }

    #[test]
    fn limits_take_numbers_and_an_empty_value_leaves_a_setting_out() {
        let edited = set_setting(SOURCE, "remedies", "credit", "limits.agent", "75,5").unwrap();
        let edited = set_setting(&edited, "remedies", "credit", "limits.admin", "").unwrap();
        let all = rule_settings(&edited).unwrap();
        assert_eq!(setting(&all, "remedies.credit.limits.agent").value, "75.5");
        assert_eq!(setting(&all, "remedies.credit.limits.admin").value, "");
        assert_eq!(
            set_setting(SOURCE, "remedies", "credit", "limits.agent", "lots"),
            Err(EditError::NotANumber("remedies.credit.limits.agent".into()))
        );
        let edited = set_setting(
            SOURCE,
            "procedures",
            "email",
            "when",
            "case.language == \"lv\"",
        )
        .unwrap();
        assert_eq!(
            setting(&rule_settings(&edited).unwrap(), "procedures.email.when").value,
            "case.language == \"lv\""
        );
        let cleared = set_setting(&edited, "procedures", "email", "when", " ").unwrap();
        assert_eq!(
            setting(&rule_settings(&cleared).unwrap(), "procedures.email.when").line,
            0
        );
    }

    #[test]
    fn unknown_rules_and_fields_are_refused() {
        assert!(matches!(
            set_setting(SOURCE, "procedures", "nope", "resolution", "8h"),
            Err(EditError::NoSuchText(_))
        ));
        assert!(matches!(
            set_setting(SOURCE, "procedures", "email", "id", "x"),
            Err(EditError::NoSuchText(_))
        ));
        assert!(matches!(
            set_setting(SOURCE, "remedies", "credit", "limits.customer", "1"),
            Err(EditError::NoSuchText(_))
        ));
        assert!(matches!(
            set_setting(SOURCE, "remedies", "credit", "resolution", "1h"),
            Err(EditError::NoSuchText(_))
        ));
    }
}
