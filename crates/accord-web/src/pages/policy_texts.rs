//! The draft editor's form for customer-facing texts (B3): every explanation and template
//! body per language, each with its readability score and what to fix next to it; saved
//! into the TOML without disturbing the rest. `POST /policy/{n}/check` scores a form or a
//! TOML source without saving, for the live check as the author types.

use accord_core::access::Action;
use accord_i18n::{Arg, Tr};
use accord_policy::texts::{ScoredText, TextPlace, customer_texts, set_text};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{PageError, PageUser, check_form};
use crate::AppState;

/// One text field of the form, with its score and notes.
#[derive(Serialize)]
pub struct TextRow {
    /// The form field's name: `text|<section>|<id>|<field>|<language>`.
    pub name: String,
    /// The rule and field, as findings name it.
    pub path: String,
    pub language_code: &'static str,
    pub language_name: &'static str,
    pub text: String,
    pub score_line: String,
    pub readable: bool,
    pub notes: Vec<String>,
}

fn field_name(t: &ScoredText) -> String {
    format!(
        "text|{}|{}|{}|{}",
        t.place.section,
        t.place.id,
        t.place.field,
        t.language.code()
    )
}

fn place_of(name: &str) -> Option<(TextPlace, accord_core::language::Language)> {
    let mut parts = name.split('|');
    if parts.next()? != "text" {
        return None;
    }
    let section = match parts.next()? {
        "procedures" => "procedures",
        "remedies" => "remedies",
        "templates" => "templates",
        _ => return None,
    };
    let id = parts.next()?.to_owned();
    let field = match parts.next()? {
        "explanation" => "explanation",
        "body" => "body",
        _ => return None,
    };
    let language = accord_core::language::Language::from_tag(parts.next()?)?;
    Some((TextPlace { section, id, field }, language))
}

fn row(tr: Tr, t: &ScoredText) -> TextRow {
    let formula = accord_policy::formula_name(t.formula);
    let score = format!("{:.1}", t.score);
    let threshold = t.threshold.map(|threshold| threshold.to_string());
    // Spanish: Szigriszt-Pazos beside Fernández Huerta, which the threshold is on.
    let also = t.also.map(|also| {
        (
            accord_policy::formula_name(also.formula),
            format!("{:.1}", also.score),
        )
    });
    let mut args = vec![
        ("formula", Arg::Text(formula)),
        ("score", Arg::Text(&score)),
    ];
    if let Some(threshold) = &threshold {
        args.push(("threshold", Arg::Text(threshold)));
    }
    if let Some((also_formula, also_score)) = &also {
        args.push(("also_formula", Arg::Text(also_formula)));
        args.push(("also_score", Arg::Text(also_score)));
    }
    let key = match (&threshold, &also) {
        (Some(_), None) => "policy-text-score",
        (None, None) => "policy-text-score-free",
        (Some(_), Some(_)) => "policy-text-score-also",
        (None, Some(_)) => "policy-text-score-free-also",
    };
    let score_line = tr.args(key, &args);
    let mut notes = Vec::new();
    if t.text.trim().is_empty() {
        notes.push(tr.t("policy-text-empty"));
    } else if !t.readable() {
        notes.push(tr.t("policy-text-hard"));
    }
    if !t.long_sentences.is_empty() {
        let numbers: Vec<String> = t.long_sentences.iter().map(usize::to_string).collect();
        notes.push(tr.args(
            "policy-text-long",
            &[
                ("sentences", Arg::Text(&numbers.join(", "))),
                ("limit", Arg::Number(t.sentence_limit as i64)),
            ],
        ));
    }
    if !t.jargon.is_empty() {
        notes.push(tr.t1("policy-text-jargon", "terms", &t.jargon.join(", ")));
    }
    TextRow {
        name: field_name(t),
        path: t.place.path(),
        language_code: t.language.code(),
        language_name: t.language.endonym(),
        text: t.text.clone(),
        score_line,
        readable: t.readable() && !t.text.trim().is_empty(),
        notes,
    }
}

/// The form's rows for a policy source; empty when the source cannot be read.
pub fn rows(tr: Tr, source: &str) -> Vec<TextRow> {
    customer_texts(source)
        .unwrap_or_default()
        .iter()
        .map(|t| row(tr, t))
        .collect()
}

/// Writes the form's texts into `source`; texts that did not change are left alone, so
/// their layout in the file stays as written.
pub fn apply(source: &str, fields: &[(String, String)]) -> Result<String, String> {
    let current = customer_texts(source).unwrap_or_default();
    let mut out = source.to_owned();
    for (name, value) in fields {
        let Some((place, language)) = place_of(name) else {
            continue;
        };
        let unchanged = current
            .iter()
            .any(|t| t.place == place && t.language == language && t.text == *value);
        if unchanged {
            continue;
        }
        out = set_text(&out, &place, language, value).map_err(|e| match e {
            accord_policy::texts::EditError::Syntax(m)
            | accord_policy::texts::EditError::NoSuchText(m)
            | accord_policy::texts::EditError::NotANumber(m) => m,
        })?;
    }
    Ok(out)
}

fn value<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Saves a form of the draft editor into the draft's TOML, then shows the draft with its
/// findings. `write` puts the form's fields into the source, or says (translated) why it
/// cannot; the draft is then unchanged.
pub(super) async fn save_into_draft(
    state: &AppState,
    user: PageUser,
    number: i64,
    method: &Method,
    headers: &HeaderMap,
    fields: &[(String, String)],
    write: impl FnOnce(&str, Tr) -> Result<String, String>,
) -> Result<Response, PageError> {
    check_form(&user, method, headers, value(fields, "_csrf").unwrap_or(""))?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    let version = state
        .store
        .get_policy_version(&actor, number)
        .await
        .map_err(PageError::store(tr))?;
    match write(&version.source, tr) {
        Ok(source) => {
            super::policy::save_source(state, user, number, source, version.briefing).await
        }
        Err(problem) => {
            super::policy::show_with_problems(state, user, number, vec![problem], None).await
        }
    }
}

/// Saves the texts form into the draft, then shows the draft with its findings.
pub async fn save(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    save_into_draft(
        &state,
        user,
        number,
        &method,
        &headers,
        &fields,
        |source, tr| {
            apply(source, &fields)
                .map_err(|detail| tr.t1("policy-texts-unreadable", "detail", &detail))
        },
    )
    .await
}

#[derive(Serialize)]
struct CheckResult {
    /// The severity words the page shows before each finding.
    error_label: String,
    warning_label: String,
    /// Shown when there is no finding.
    clean: String,
    findings: Vec<super::policy::FindingLine>,
    texts: Vec<TextRow>,
    /// The settings form's fields, each with the findings on its line.
    settings: Vec<super::policy_settings::SettingRow>,
}

/// Checks a draft as it is being edited, without saving: either the whole TOML `source`, or
/// the texts form applied to the saved draft. Answers JSON for the page's script.
pub async fn check(
    State(state): State<AppState>,
    user: PageUser,
    Path(number): Path<i64>,
    method: Method,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    check_form(
        &user,
        &method,
        &headers,
        value(&fields, "_csrf").unwrap_or(""),
    )?;
    let tr = user.chrome.tr;
    let actor = user.session.principal.actor();
    actor
        .require(Action::ManagePolicy)
        .map_err(|_| PageError::Forbidden(tr))?;
    let source = match value(&fields, "source") {
        Some(source) => source.to_owned(),
        None => {
            let version = state
                .store
                .get_policy_version(&actor, number)
                .await
                .map_err(PageError::store(tr))?;
            let texts = apply(&version.source, &fields).unwrap_or(version.source);
            super::policy_settings::apply(&texts, &fields).unwrap_or(texts)
        }
    };
    let today = crate::now().to_zoned(state.config.time_zone.clone()).date();
    let report = accord_policy::check_policy(&source, Some(today));
    let result = CheckResult {
        error_label: tr.t("policy-severity-error"),
        warning_label: tr.t("policy-severity-warning"),
        clean: tr.t("policy-check-clean"),
        findings: super::policy::finding_lines(&tr, &report.findings),
        texts: rows(tr, &source),
        settings: super::policy_settings::rule_rows(tr, &source, &report.findings)
            .into_iter()
            .flat_map(|rule| rule.rows)
            .collect(),
    };
    Ok(axum::Json(result).into_response())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn field_names_round_trip_and_strangers_are_ignored() {
        let (place, language) = place_of("text|remedies|service-credit|explanation|lv").unwrap();
        assert_eq!(place.path(), "remedies.service-credit.explanation");
        assert_eq!(language, accord_core::language::Language::Lv);
        assert!(place_of("text|policy|x|name|en").is_none());
        assert!(place_of("text|procedures|x|explanation|de").is_none());
        assert!(place_of("_csrf").is_none());
    }

    #[test]
    fn spanish_texts_show_szigriszt_pazos_beside_fernandez_huerta() {
        let source = include_str!("../../../accord-policy/tests/valid-minimal.toml")
            .replace("languages = [\"en\"]", "languages = [\"en\", \"es\"]")
            .replace("[policy.readability]\nen = 40", "[policy.readability]\nen = 40\nes = 50")
            .replace(
                "explanation = { en = \"We can credit your next invoice when we let you down.\" }",
                "explanation = { en = \"We can credit your next invoice when we let you down.\", es = \"Le descontamos el importe de la próxima factura.\" }",
            );
        let spanish_rows = rows(Tr::new(accord_core::language::Language::Es), &source);
        let line = |name: &str| {
            spanish_rows
                .iter()
                .find(|r| r.name == name)
                .map(|r| r.score_line.clone())
                .unwrap_or_default()
        };
        let spanish = line("text|remedies|credit|explanation|es");
        assert!(
            spanish.starts_with("Fernández Huerta: ")
                && spanish.contains("(la política pide 50); Szigriszt-Pazos: "),
            "{spanish}"
        );
        // Other languages show their one formula.
        let english = line("text|remedies|credit|explanation|en");
        assert!(
            english.starts_with("Flesch: ") && !english.contains("Szigriszt"),
            "{english}"
        );
        // Without a threshold, and an empty text still has both scores.
        let free = rows(
            Tr::new(accord_core::language::Language::En),
            &source.replace("\nes = 50", ""),
        );
        let empty = free
            .iter()
            .find(|r| r.name == "text|procedures|email|explanation|es")
            .map(|r| r.score_line.clone())
            .unwrap_or_default();
        assert_eq!(empty, "Fernández Huerta: 0.0; Szigriszt-Pazos: 0.0");
    }
}
