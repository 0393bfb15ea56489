//! Every file in `tests/broken/` is a small policy with one kind of mistake; the comments at
//! its end (`# expect: line:column: severity: message`) are exactly what
//! `accord policy check` must report for it, in English.

use accord_core::language::Language;
use accord_i18n::Tr;
use accord_policy::{Severity, check_policy};

fn report_lines(text: &str) -> Vec<String> {
    let tr = Tr::new(Language::En);
    check_policy(text, None)
        .findings
        .iter()
        .map(|f| {
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            format!(
                "{}:{}: {severity}: {}",
                f.line,
                f.column,
                tr.policy_finding(f.code, &f.args)
            )
        })
        .collect()
}

#[test]
fn each_broken_policy_yields_its_expected_messages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/broken exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "only {} broken policies", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let expected: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .map(str::to_owned)
            .collect();
        assert!(
            !expected.is_empty(),
            "{} states no expectation",
            file.display()
        );
        assert_eq!(report_lines(&text), expected, "{}", file.display());
    }
}

#[test]
fn the_minimal_valid_policy_has_no_findings() {
    let text = include_str!("valid-minimal.toml");
    assert_eq!(report_lines(text), Vec::<String>::new());
}

#[test]
fn the_always_open_test_policy_has_no_findings() {
    let text = include_str!("always-open.toml");
    assert_eq!(report_lines(text), Vec::<String>::new());
}
