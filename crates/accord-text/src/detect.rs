//! The language a customer wrote in (PRODUCT.md G6), among the four Accord speaks.
//!
//! lingua 1.8 with only the English, Spanish, Portuguese and Latvian models: on short
//! support messages it beat whatlang (see STACK.md), and its models are compiled into the
//! binary, so nothing is downloaded. The accuracy on our own test set of short messages
//! (`data/detect/*.txt`, 50 per language) is checked below and reported in
//! `docs/PERFORMANCE.md`.

use std::sync::LazyLock;

use accord_core::language::Language;
use lingua::{LanguageDetector, LanguageDetectorBuilder};

static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    LanguageDetectorBuilder::from_languages(&[
        lingua::Language::English,
        lingua::Language::Spanish,
        lingua::Language::Portuguese,
        lingua::Language::Latvian,
    ])
    .build()
});

/// The language of a text, or `None` when it has no letters to judge by.
pub fn detect_language(text: &str) -> Option<Language> {
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(match DETECTOR.detect_language_of(text)? {
        lingua::Language::Spanish => Language::Es,
        lingua::Language::Portuguese => Language::Pt,
        lingua::Language::Latvian => Language::Lv,
        _ => Language::En,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short support messages we wrote, 50 per language, one per line.
    const SETS: [(Language, &str); 4] = [
        (Language::En, include_str!("../data/detect/en.txt")),
        (Language::Es, include_str!("../data/detect/es.txt")),
        (Language::Pt, include_str!("../data/detect/pt.txt")),
        (Language::Lv, include_str!("../data/detect/lv.txt")),
    ];

    #[test]
    fn short_support_messages_are_recognised_in_each_language_at_least_95_percent() {
        let mut total = (0, 0);
        for (language, text) in SETS {
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            assert!(
                lines.len() >= 50,
                "{language:?} has only {} messages",
                lines.len()
            );
            let wrong: Vec<_> = lines
                .iter()
                .filter(|line| detect_language(line) != Some(language))
                .map(|line| (*line, detect_language(line)))
                .collect();
            let right = lines.len() - wrong.len();
            println!(
                "{language:?}: {right}/{} ({:.1}%) wrong: {wrong:?}",
                lines.len(),
                100.0 * right as f64 / lines.len() as f64
            );
            assert!(right * 100 >= lines.len() * 95, "{language:?}: {wrong:?}");
            total = (total.0 + right, total.1 + lines.len());
        }
        println!("all: {}/{}", total.0, total.1);
    }

    #[test]
    fn one_or_two_word_messages_are_recognised_at_least_90_percent() {
        let lines: Vec<(&str, &str)> = include_str!("../data/detect/tiny.tsv")
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect();
        assert!(lines.len() >= 40);
        let wrong: Vec<_> = lines
            .iter()
            .filter(|(code, text)| detect_language(text) != Language::from_tag(code))
            .collect();
        println!(
            "one or two words: {}/{} wrong: {wrong:?}",
            lines.len() - wrong.len(),
            lines.len()
        );
        assert!(wrong.len() * 10 <= lines.len(), "{wrong:?}");
    }

    #[test]
    fn a_text_without_letters_has_no_language() {
        assert_eq!(detect_language("123 456 !!!"), None);
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("Paldies!"), Some(Language::Lv));
    }
}
