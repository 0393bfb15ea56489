//! The customer-facing texts of a policy file, for the editor's form (PRODUCT.md B3): each
//! procedure's and remedy's explanation and each reply template's body, per language, with
//! its readability against the policy's threshold; and the edit that writes a text back
//! into the file, leaving every other byte as the author wrote it.

use accord_core::language::Language;
use accord_text::readability::{self, Formula};
use toml::Spanned;

use crate::document::{Document, Texts};

/// Where a text lives: `procedures`, `remedies` or `templates`, the rule's id, and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextPlace {
    pub section: &'static str,
    pub id: String,
    pub field: &'static str,
}

impl TextPlace {
    /// As findings name it: `procedures.email.explanation`.
    pub fn path(&self) -> String {
        format!("{}.{}.{}", self.section, self.id, self.field)
    }
}

/// One text in one language, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredText {
    pub place: TextPlace,
    pub language: Language,
    pub text: String,
    pub formula: Formula,
    pub score: f64,
    /// The language's companion score, shown beside `score` (Szigriszt-Pazos for Spanish).
    pub also: Option<readability::Score>,
    /// The policy's threshold for this language, if it sets one.
    pub threshold: Option<f64>,
    pub long_sentences: Vec<usize>,
    pub sentence_limit: usize,
    pub jargon: Vec<String>,
}

impl ScoredText {
    /// Whether the score reaches the threshold (true when there is none).
    pub fn readable(&self) -> bool {
        match self.threshold {
            None => true,
            Some(t) if self.formula.higher_is_easier() => self.score >= t,
            Some(t) => self.score <= t,
        }
    }
}

/// Every scored text of a document, as (place, its texts), in file order.
pub(crate) fn scored_fields(doc: &Document) -> Vec<(TextPlace, &Spanned<Texts>)> {
    let place = |section, id: &Spanned<String>, field| TextPlace {
        section,
        id: id.get_ref().clone(),
        field,
    };
    let procedures = doc
        .procedures
        .iter()
        .map(|p| (place("procedures", &p.id, "explanation"), &p.explanation));
    let remedies = doc
        .remedies
        .iter()
        .map(|r| (place("remedies", &r.id, "explanation"), &r.explanation));
    let templates = doc
        .templates
        .iter()
        .map(|t| (place("templates", &t.id, "body"), &t.body));
    procedures.chain(remedies).chain(templates).collect()
}

/// The policy's readability thresholds by language.
pub(crate) fn thresholds(doc: &Document) -> Vec<(Language, f64)> {
    doc.policy
        .readability
        .iter()
        .filter_map(|(code, t)| Some((Language::from_tag(code)?, *t.get_ref())))
        .collect()
}

/// The customer-facing texts of a policy file, each scored, in the policy's languages.
/// `None` when the file cannot be read as a policy at all (the check says why).
pub fn customer_texts(source: &str) -> Option<Vec<ScoredText>> {
    let doc: Document = toml::from_str(source).ok()?;
    let languages: Vec<Language> = doc
        .policy
        .languages
        .get_ref()
        .iter()
        .filter_map(|code| Language::from_tag(code))
        .collect();
    let thresholds = thresholds(&doc);
    let mut out = Vec::new();
    for (place, texts) in scored_fields(&doc) {
        for language in &languages {
            let text = texts
                .get_ref()
                .get(language.code())
                .cloned()
                .unwrap_or_default();
            let report = readability::analyze(&text, *language);
            out.push(ScoredText {
                place: place.clone(),
                language: *language,
                text,
                formula: report.formula,
                score: report.score,
                also: report.also,
                threshold: thresholds
                    .iter()
                    .find(|(l, _)| l == language)
                    .map(|(_, t)| *t),
                long_sentences: report.long_sentences,
                sentence_limit: readability::long_sentence_limit(*language),
                jargon: report.jargon,
            });
        }
    }
    Some(out)
}

/// Why a text could not be written into the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The file is not valid TOML (fix it in the source first).
    Syntax(String),
    /// No rule with that id in that section, or its field is not a table of texts.
    NoSuchText(String),
    /// A limit that is not a number of zero or more (the setting's path).
    NotANumber(String),
}

/// Writes `text` as the `language` version of the text at `place`, keeping the rest of the
/// file (comments, order, layout) as it was.
pub fn set_text(
    source: &str,
    place: &TextPlace,
    language: Language,
    text: &str,
) -> Result<String, EditError> {
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Syntax(e.message().to_owned()))?;
    let missing = || EditError::NoSuchText(place.path());
    let rules = doc
        .get_mut(place.section)
        .and_then(|item| item.as_array_of_tables_mut())
        .ok_or_else(missing)?;
    let rule = rules
        .iter_mut()
        .find(|t| t.get("id").and_then(|id| id.as_str()) == Some(place.id.as_str()))
        .ok_or_else(missing)?;
    let texts = rule
        .get_mut(place.field)
        .and_then(|item| item.as_table_like_mut())
        .ok_or_else(missing)?;
    // Multi-line texts stay readable in the file as multi-line strings.
    let value = toml_edit::Value::from(text.replace("\r\n", "\n"));
    match texts.get_mut(language.code()) {
        Some(existing) if existing.is_value() => {
            let decor = existing.as_value().map(|v| v.decor().clone());
            *existing = toml_edit::Item::Value(value);
            if let (Some(decor), Some(v)) = (decor, existing.as_value_mut()) {
                *v.decor_mut() = decor;
            }
        }
        _ => {
            texts.insert(language.code(), toml_edit::Item::Value(value));
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SOURCE: &str = include_str!("../tests/valid-minimal.toml");

    fn place(section: &'static str, id: &str, field: &'static str) -> TextPlace {
        TextPlace {
            section,
            id: id.into(),
            field,
        }
    }

    #[test]
    fn every_explanation_and_template_is_listed_per_language_with_its_score() {
        let texts = customer_texts(SOURCE).unwrap();
        let procedure = texts
            .iter()
            .find(|t| t.place.section == "procedures")
            .unwrap();
        assert_eq!(procedure.place.field, "explanation");
        assert!(!procedure.text.is_empty());
        assert!(procedure.score.is_finite());
        assert!(customer_texts("not = [a policy").is_none());
    }

    #[test]
    fn a_text_is_written_back_and_nothing_else_changes() {
        let texts = customer_texts(SOURCE).unwrap();
        let first = &texts[0];
        let edited = set_text(SOURCE, &first.place, first.language, "Short. Plain. Kind.").unwrap();
        let again = customer_texts(&edited).unwrap();
        assert_eq!(again[0].text, "Short. Plain. Kind.");
        assert_eq!(again[1..], texts[1..], "the other texts are untouched");
        let changed = similar::TextDiff::from_lines(SOURCE, edited.as_str())
            .iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .count();
        assert_eq!(changed, 2, "one line out, one line in");
    }

    #[test]
    fn a_missing_rule_or_broken_file_is_refused_with_its_reason() {
        assert_eq!(
            set_text(
                SOURCE,
                &place("remedies", "nope", "explanation"),
                Language::En,
                "x"
            ),
            Err(EditError::NoSuchText("remedies.nope.explanation".into()))
        );
        assert!(matches!(
            set_text(
                "a = [",
                &place("remedies", "x", "explanation"),
                Language::En,
                "x"
            ),
            Err(EditError::Syntax(_))
        ));
    }
}
