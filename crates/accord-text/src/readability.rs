//! Readability scores with a formula suited to each language:
//!
//! - English: Flesch Reading Ease — Flesch, R. (1948), "A new readability yardstick",
//!   J. Applied Psychology 32: 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).
//! - Spanish: Fernández Huerta (1959), "Medidas sencillas de lecturabilidad", Consigna 214:
//!   206.84 − 0.60·P − 1.02·F, P = syllables per 100 words, F = words per sentence. (The
//!   formula is often quoted with F = sentences per 100 words, which makes shorter sentences
//!   score *worse*; Gwillim Law (2011), "Error in the Fernandez Huerta Readability Formula",
//!   traced that to a transcription error, and textstat uses words per sentence.)
//!   Also Szigriszt-Pazos (1993) perspicuity: 206.835 − 62.3·(syllables/words) − (words/sentences).
//! - Portuguese: Flesch adapted by Martins, Ghiraldelo, Nunes & Oliveira (1996), "Readability
//!   formulas applied to textbooks in Brazilian Portuguese", ICMSC-USP: 248.835 − 1.015·ASL − 84.6·ASW.
//! - Latvian (and any language without its own): LIX — Björnsson, C. H. (1968), "Läsbarhet":
//!   words/sentences + 100·(words longer than 6 letters)/words. Lower is easier.
//!
//! Scores are checked against textstat 0.7.13 (an independent implementation, with its own
//! hyphenation-based syllable counts) in the tests.

use accord_core::language::Language;
use serde::Serialize;

use crate::syllables;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    FleschReadingEase,
    FernandezHuerta,
    SzigrisztPazos,
    FleschPortuguese,
    Lix,
}

impl Formula {
    /// Whether a higher score means an easier text (true for the Flesch family, false for LIX).
    pub fn higher_is_easier(self) -> bool {
        self != Formula::Lix
    }

    /// The formula Accord uses by default for a language.
    pub fn for_language(language: Language) -> Formula {
        match language {
            Language::En => Formula::FleschReadingEase,
            Language::Es => Formula::FernandezHuerta,
            Language::Pt => Formula::FleschPortuguese,
            Language::Lv => Formula::Lix,
        }
    }

    /// The formula shown beside the default one for a language, if any: Szigriszt-Pazos
    /// beside Fernández Huerta for Spanish. Thresholds stay on the default.
    pub fn companion(language: Language) -> Option<Formula> {
        match language {
            Language::Es => Some(Formula::SzigrisztPazos),
            Language::En | Language::Pt | Language::Lv => None,
        }
    }
}

/// A score by one formula.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Score {
    pub formula: Formula,
    pub score: f64,
}

/// Counts a score is computed from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words longer than six letters (LIX).
    pub long_words: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub formula: Formula,
    pub score: f64,
    pub counts: Counts,
    /// The language's companion formula on the same counts, when it has one and it is not
    /// `formula` ([`Formula::companion`]).
    pub also: Option<Score>,
    /// Sentences (1-based) longer than the language's limit.
    pub long_sentences: Vec<usize>,
    /// Jargon found, as listed in the language's word list.
    pub jargon: Vec<String>,
}

/// Words above which a sentence is flagged as long.
pub fn long_sentence_limit(language: Language) -> usize {
    match language {
        Language::En => 25,
        Language::Es | Language::Pt => 30,
        Language::Lv => 22,
    }
}

fn jargon_list(language: Language) -> &'static str {
    match language {
        Language::En => include_str!("../data/jargon-en.txt"),
        Language::Es => include_str!("../data/jargon-es.txt"),
        Language::Pt => include_str!("../data/jargon-pt.txt"),
        Language::Lv => include_str!("../data/jargon-lv.txt"),
    }
}

fn sentences(text: &str) -> Vec<&str> {
    text.split(['.', '!', '?', '…', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

pub fn counts(text: &str, language: Language) -> (Counts, Vec<usize>) {
    let mut counts = Counts::default();
    let mut long = Vec::new();
    for (i, sentence) in sentences(text).into_iter().enumerate() {
        counts.sentences += 1;
        let mut in_sentence = 0;
        for word in words(sentence) {
            in_sentence += 1;
            counts.words += 1;
            counts.syllables += syllables::count(word, language);
            if word.chars().filter(|c| c.is_alphabetic()).count() > 6 {
                counts.long_words += 1;
            }
        }
        if in_sentence > long_sentence_limit(language) {
            long.push(i + 1);
        }
    }
    (counts, long)
}

pub fn compute(formula: Formula, c: &Counts) -> f64 {
    if c.words == 0 || c.sentences == 0 {
        return 0.0;
    }
    let (w, s, y) = (c.words as f64, c.sentences as f64, c.syllables as f64);
    match formula {
        Formula::FleschReadingEase => 206.835 - 1.015 * (w / s) - 84.6 * (y / w),
        Formula::FernandezHuerta => 206.84 - 0.60 * (100.0 * y / w) - 1.02 * (w / s),
        Formula::SzigrisztPazos => 206.835 - 62.3 * (y / w) - w / s,
        Formula::FleschPortuguese => 248.835 - 1.015 * (w / s) - 84.6 * (y / w),
        Formula::Lix => w / s + 100.0 * c.long_words as f64 / w,
    }
}

/// Scores a customer-facing text with its language's default formula.
pub fn analyze(text: &str, language: Language) -> Report {
    analyze_with(text, language, Formula::for_language(language))
}

pub fn analyze_with(text: &str, language: Language, formula: Formula) -> Report {
    let (counts, long_sentences) = counts(text, language);
    let lowered = text.to_lowercase();
    let jargon = jargon_list(language)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|term| lowered.contains(term))
        .map(str::to_owned)
        .collect();
    Report {
        formula,
        score: compute(formula, &counts),
        also: Formula::companion(language)
            .filter(|&other| other != formula)
            .map(|other| Score {
                formula: other,
                score: compute(other, &counts),
            }),
        counts,
        long_sentences,
        jargon,
    }
}

#[cfg(test)]
mod tests;
