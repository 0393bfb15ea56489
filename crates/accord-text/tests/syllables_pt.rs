//! Portuguese syllable counts against an independent reference (issue 16, item 24): our own
//! customer-service prose, divided into syllables by hyphenation patterns and checked by hand
//! (`data/syllables-pt.txt` says how). The Martins et al. adaptation of Flesch was calibrated
//! on syllables counted by hand, so a count that is a few per cent low moves every score.

use accord_core::language::Language;
use accord_text::readability::{self, Formula};
use accord_text::syllables;

const REFERENCE: &str = include_str!("data/syllables-pt.txt");

/// Each word of the reference with its syllables there, and the prose without the marks.
fn reference() -> (Vec<(String, usize)>, String) {
    let mut words = Vec::new();
    let mut prose = String::new();
    for line in REFERENCE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        for token in line.split_whitespace() {
            let marked = token.trim_matches(|c: char| !(c.is_alphabetic() || c == '·'));
            if marked.chars().any(char::is_alphabetic) {
                let syllables = marked
                    .split('-')
                    .map(|part| part.matches('·').count() + 1)
                    .sum();
                words.push((marked.replace('·', ""), syllables));
            }
        }
        prose.push_str(&line.replace('·', ""));
        prose.push('\n');
    }
    (words, prose)
}

#[test]
fn portuguese_counts_agree_with_the_hand_checked_reference() {
    let (words, _) = reference();
    assert!(words.len() >= 900, "{} words", words.len());
    let mut expected = 0;
    let mut counted = 0;
    let mut wrong = Vec::new();
    for (word, n) in &words {
        let ours = syllables::count(word, Language::Pt);
        expected += n;
        counted += ours;
        if ours != *n {
            wrong.push(format!("{word}: {ours} (reference {n})"));
        }
    }
    let exact = 1.0 - wrong.len() as f64 / words.len() as f64;
    let total = counted as f64 / expected as f64 - 1.0;
    assert!(
        exact >= 0.99 && total.abs() <= 0.005,
        "{:.2} % of {} words exact, total {counted} vs {expected} ({:+.2} %); differing: {wrong:?}",
        100.0 * exact,
        words.len(),
        100.0 * total
    );
}

#[test]
fn the_martins_score_of_the_reference_prose_matches_the_reference_counts() {
    let (words, prose) = reference();
    let (counts, _) = readability::counts(&prose, Language::Pt);
    assert_eq!(counts.words, words.len(), "both read the same words");
    let by_hand = readability::Counts {
        syllables: words.iter().map(|(_, n)| n).sum(),
        ..counts.clone()
    };
    let ours = readability::compute(Formula::FleschPortuguese, &counts);
    let reference = readability::compute(Formula::FleschPortuguese, &by_hand);
    assert!(
        (ours - reference).abs() <= 1.0,
        "Martins {ours:.2} vs {reference:.2} from the reference's syllables ({counts:?}, {by_hand:?})"
    );
}
