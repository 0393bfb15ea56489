//! Why lingua and not whatlang (issue 4, G6: "measure which is right for short support
//! emails"): both limited to en/es/pt/lv, on our test sets. Run with `-- --nocapture` for
//! the table in docs/PERFORMANCE.md.

use whatlang::{Detector, Lang};

type Set = (&'static str, Vec<&'static str>, Vec<&'static str>);

fn sets() -> Vec<Set> {
    let short = [
        ("en", include_str!("../data/detect/en.txt")),
        ("es", include_str!("../data/detect/es.txt")),
        ("pt", include_str!("../data/detect/pt.txt")),
        ("lv", include_str!("../data/detect/lv.txt")),
    ];
    let tiny: Vec<(&str, &str)> = include_str!("../data/detect/tiny.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect();
    short
        .iter()
        .map(|(code, text)| {
            let lines = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let words = tiny
                .iter()
                .filter(|(c, _)| c == code)
                .map(|(_, t)| *t)
                .collect();
            (*code, lines, words)
        })
        .collect()
}

fn whatlang_code(lang: Option<Lang>) -> &'static str {
    match lang {
        Some(Lang::Eng) => "en",
        Some(Lang::Spa) => "es",
        Some(Lang::Por) => "pt",
        Some(Lang::Lav) => "lv",
        _ => "?",
    }
}

#[test]
fn lingua_recognises_at_least_as_many_short_messages_as_whatlang() {
    let whatlang = Detector::with_allowlist(vec![Lang::Eng, Lang::Spa, Lang::Por, Lang::Lav]);
    let lingua_code = |text: &str| {
        accord_text::detect::detect_language(text)
            .map(|l| l.code())
            .unwrap_or("?")
    };
    let names = ["3-12 words", "1-2 words"];
    let mut totals = [(0, 0, 0); 2];
    for (code, short, tiny) in sets() {
        for (i, lines) in [short, tiny].iter().enumerate() {
            let lingua = lines.iter().filter(|t| lingua_code(t) == code).count();
            let what = lines
                .iter()
                .filter(|t| whatlang_code(whatlang.detect_lang(t)) == code)
                .count();
            let n = lines.len();
            println!(
                "{code} {}: lingua {lingua}/{n}, whatlang {what}/{n}",
                names[i]
            );
            totals[i] = (totals[i].0 + lingua, totals[i].1 + what, totals[i].2 + n);
        }
    }
    for (i, (lingua, what, n)) in totals.iter().enumerate() {
        println!("all {}: lingua {lingua}/{n}, whatlang {what}/{n}", names[i]);
        assert!(
            lingua >= what,
            "whatlang did better: {what} against {lingua} of {n}"
        );
    }
}
