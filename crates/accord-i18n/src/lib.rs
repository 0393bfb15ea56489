//! Accord's translations. Every user-visible string lives in `locales/<lang>/accord.ftl`
//! (Fluent), embedded in the binary; adding a language is a translation file plus a
//! variant of [`Language`]. Tests fail when a language lacks a key another one has.

use std::borrow::Cow;
use std::collections::HashMap;

pub use accord_core::language::Language;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments confuse plain-text email and tests;
        // our arguments are names and numbers inside a sentence of one direction.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The source of each language's messages, for completeness checks.
pub const SOURCES: [(Language, &str); 4] = [
    (Language::En, include_str!("../locales/en/accord.ftl")),
    (Language::Es, include_str!("../locales/es/accord.ftl")),
    (Language::Pt, include_str!("../locales/pt/accord.ftl")),
    (Language::Lv, include_str!("../locales/lv/accord.ftl")),
];

fn langid(language: Language) -> LanguageIdentifier {
    match language {
        Language::En => unic_langid::langid!("en"),
        Language::Es => unic_langid::langid!("es"),
        Language::Pt => unic_langid::langid!("pt"),
        Language::Lv => unic_langid::langid!("lv"),
    }
}

/// A value passed into a message.
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

/// Translates into one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub language: Language,
}

/// Field problem codes whose message names the specific value or place at fault.
const DETAILED_CODES: [&str; 2] = ["invalid_condition", "taken"];

impl Tr {
    pub fn new(language: Language) -> Tr {
        Tr { language }
    }

    /// The message for `key`; the key itself if it does not exist (a test prevents that).
    pub fn t(&self, key: &str) -> String {
        self.message(key, None)
    }

    /// A key missing from the translation files is a bug: builds with debug assertions
    /// (every test run) stop on it, so any page or email that uses one fails its test;
    /// release builds show the key rather than nothing.
    fn message(&self, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
        match LOCALES.try_lookup_complete(&langid(self.language), key, args) {
            Some(text) => text,
            None if cfg!(debug_assertions) => {
                panic!(
                    "no message {key:?} in the translation files ({:?})",
                    self.language
                )
            }
            None => key.to_owned(),
        }
    }

    pub fn args(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    Arg::Text(s) => FluentValue::from(s.to_string()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Owned(name.to_string()), v)
            })
            .collect();
        self.message(key, Some(&map))
    }

    /// Whether the language has a message for `key` (for codes that may lack a message of
    /// their own and fall back to a general one).
    pub fn has(&self, key: &str) -> bool {
        // Every language has the same messages (a test holds them to it), so English's
        // list answers for all.
        static KEYS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
            std::sync::LazyLock::new(|| message_ids(SOURCES[0].1).into_iter().collect());
        KEYS.contains(key)
    }

    /// A validation problem of one field, by its code: naming the bound it crossed when it
    /// has one ("Use at most 200 characters."), else the code's message.
    pub fn field_error(&self, error: &accord_core::FieldError) -> String {
        if let Some(limit) = error.limit {
            let key = format!("error-limit-{}", error.code);
            if self.has(&key) {
                let limit = i64::try_from(limit).unwrap_or(i64::MAX);
                return self.args(&key, &[("limit", Arg::Number(limit))]);
            }
        }
        let key = format!("error-code-{}", error.code);
        let text = if self.has(&key) {
            self.t(&key)
        } else {
            self.t("error-code-invalid")
        };
        // Some problems carry what only the checker knows — where a condition fails to
        // parse, which address is taken — and that stays, after the translated advice.
        if DETAILED_CODES.contains(&error.code) && !error.message.is_empty() {
            format!("{text} — {}", error.message)
        } else {
            text
        }
    }

    /// A message with one text argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.args(key, &[(name, Arg::Text(value))])
    }

    /// A policy check finding (`accord_policy::Finding`'s code and arguments).
    pub fn policy_finding(&self, code: &str, args: &[(&str, String)]) -> String {
        let values: Vec<String> = args.iter().map(|(_, v)| self.described(v)).collect();
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .zip(&values)
            .map(|((n, _), v)| (*n, Arg::Text(v)))
            .collect();
        // A score shown beside another (Szigriszt-Pazos beside Fernández Huerta) has a
        // message of its own that names it.
        let key = if args.iter().any(|(n, _)| *n == "also_score") {
            format!("policy-{code}-also")
        } else {
            format!("policy-{code}")
        };
        self.args(&key, &args)
    }

    /// A finding's argument: literal text (a value, a list of values), or — when it starts
    /// with `expected-` or `kind-` — the name of a message (what is expected, the kind of a
    /// rule), followed by the words it takes as `low` and `high` (`expected-number-range 0 100`).
    fn described(&self, value: &str) -> String {
        if !(value.starts_with("expected-") || value.starts_with("kind-")) {
            return value.to_owned();
        }
        let mut words = value.split(' ');
        let key = words.next().unwrap_or(value);
        let low = words.next().unwrap_or_default();
        let high = words.next().unwrap_or_default();
        self.args(key, &[("low", Arg::Text(low)), ("high", Arg::Text(high))])
    }

    /// A message chosen by a count, with the language's plural rules.
    pub fn count(&self, key: &str, count: i64) -> String {
        self.args(key, &[("count", Arg::Number(count))])
    }

    /// An instant in the reader's language, in the given time zone.
    pub fn datetime(&self, at: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
        at.to_zoned(zone.clone())
            .strftime(&self.t("date-format"))
            .to_string()
    }

    /// `at` relative to `now` in words: "in 3 hours", "hace 5 minutos", "pirms 2 dienām".
    /// Minutes up to an hour, hours up to two days, then days; under a minute is "now".
    pub fn relative(&self, at: jiff::Timestamp, now: jiff::Timestamp) -> String {
        let seconds = at.as_second() - now.as_second();
        let (direction, seconds) = if seconds >= 0 {
            ("future", seconds)
        } else {
            ("past", -seconds)
        };
        let minutes = seconds / 60;
        if minutes == 0 {
            return self.t("relative-now");
        }
        let (unit, count) = if minutes < 60 {
            ("minutes", minutes)
        } else if minutes < 48 * 60 {
            ("hours", minutes / 60)
        } else {
            ("days", minutes / (24 * 60))
        };
        self.count(&format!("relative-{unit}-{direction}"), count)
    }

    /// A money amount in minor units, with the language's separators.
    pub fn money(&self, minor: i64, currency: &str) -> String {
        let (units, cents) = (minor / 100, (minor % 100).abs());
        let digits = units.abs().to_string();
        let (group, decimal) = match self.language {
            Language::En => (',', '.'),
            Language::Es | Language::Pt => ('.', ','),
            Language::Lv => ('\u{a0}', ','),
        };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(c);
        }
        let sign = if minor < 0 { "-" } else { "" };
        match self.language {
            Language::En => format!("{sign}{currency} {grouped}{decimal}{cents:02}"),
            _ => format!("{sign}{grouped}{decimal}{cents:02} {currency}"),
        }
    }
}

/// Picks the best supported language from an `Accept-Language` header (RFC 9110 §12.5.4),
/// honouring quality values; English when nothing matches.
pub fn negotiate(accept_language: &str) -> Language {
    let mut best: Option<(f32, usize, Language)> = None;
    for (position, item) in accept_language.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality <= 0.0 {
            continue;
        }
        if let Some(language) = Language::from_tag(tag) {
            let better = match best {
                None => true,
                Some((q, p, _)) => quality > q || (quality == q && position < p),
            };
            if better {
                best = Some((quality, position, language));
            }
        }
    }
    best.map(|(_, _, l)| l).unwrap_or(Language::En)
}

/// The message ids defined in a Fluent source.
pub fn message_ids(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

#[cfg(test)]
mod field_error_tests {
    use super::*;

    #[test]
    fn field_errors_name_their_bound_in_each_language_and_unknown_codes_fall_back() {
        let long = accord_core::FieldError::new("subject", "too_long", "x").with_limit(200);
        assert_eq!(
            Tr::new(Language::En).field_error(&long),
            "This is too long: use at most 200 characters."
        );
        assert_eq!(
            Tr::new(Language::Lv).field_error(&long),
            "Pārāk garš: ne vairāk kā 200 rakstzīmju."
        );
        let tag = accord_core::FieldError::new("tag", "too_long", "x").with_limit(41);
        assert_eq!(
            Tr::new(Language::Lv).field_error(&tag),
            "Pārāk garš: ne vairāk kā 41 rakstzīme."
        );
        let plain = accord_core::FieldError::new("subject", "required", "x");
        assert_eq!(
            Tr::new(Language::Pt).field_error(&plain),
            Tr::new(Language::Pt).t("error-code-required")
        );
        let unknown = accord_core::FieldError::new("x", "no_such_code", "x");
        assert_eq!(
            Tr::new(Language::Es).field_error(&unknown),
            Tr::new(Language::Es).t("error-code-invalid")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_language_has_every_message() {
        let english: BTreeSet<_> = message_ids(SOURCES[0].1).into_iter().collect();
        assert!(english.len() > 100);
        for (language, source) in SOURCES {
            let ids: BTreeSet<_> = message_ids(source).into_iter().collect();
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{language} has messages English lacks: {extra:?}"
            );
            let args: HashMap<Cow<'static, str>, FluentValue> = [
                "name",
                "from",
                "to",
                "tag",
                "key",
                "kind",
                "department",
                "subject",
                "detail",
                "spf",
                "dkim",
                "dmarc",
                "field",
                "message",
                "number",
                "file",
                "value",
                "expected",
                "problem",
                "language",
                "id",
                "other",
                "channel",
                "standard",
                "objective",
                "target",
                "reason",
                "formula",
                "score",
                "threshold",
                "terms",
                "sentences",
                "limit",
                "date",
                "organization",
                "due",
                "at",
                "elapsed",
                "clock",
                "level",
                "role",
                "remedy",
                "amount",
                "amounts",
                "unit",
                "status",
                "when",
                "zone",
                "low",
                "high",
                "to",
                "at",
                "error",
                "left",
                "placeholder",
                "known",
                "version",
                "team",
                "by",
                "tiers",
                "priority",
                "link",
                "email",
                "place",
                "title",
                "survey",
                "question",
                "answered",
                "also_formula",
                "also_score",
            ]
            .into_iter()
            .map(|n| (Cow::Borrowed(n), FluentValue::from("x")))
            .chain([
                (Cow::Borrowed("count"), FluentValue::from(2)),
                (Cow::Borrowed("size"), FluentValue::from(25)),
                (Cow::Borrowed("errors"), FluentValue::from(2)),
                (Cow::Borrowed("warnings"), FluentValue::from(1)),
                (Cow::Borrowed("done"), FluentValue::from(1)),
                (Cow::Borrowed("row"), FluentValue::from(2)),
                (Cow::Borrowed("total"), FluentValue::from(3)),
                (Cow::Borrowed("line"), FluentValue::from(3)),
                (Cow::Borrowed("column"), FluentValue::from(5)),
                (Cow::Borrowed("hours"), FluentValue::from(4)),
                (Cow::Borrowed("attempts"), FluentValue::from(3)),
                (Cow::Borrowed("days"), FluentValue::from(7)),
                (Cow::Borrowed("percent"), FluentValue::from(92)),
                (Cow::Borrowed("met"), FluentValue::from(11)),
                (Cow::Borrowed("missed"), FluentValue::from(1)),
                (Cow::Borrowed("running"), FluentValue::from(3)),
                (Cow::Borrowed("minutes"), FluentValue::from(20)),
                (Cow::Borrowed("limit"), FluentValue::from(200)),
                (Cow::Borrowed("version"), FluentValue::from(2)),
                (Cow::Borrowed("throttled"), FluentValue::from(1)),
                (Cow::Borrowed("answers"), FluentValue::from(4)),
            ])
            .collect();
            for id in &ids {
                let resolved = LOCALES.lookup_single_language(&langid(language), id, Some(&args));
                assert!(
                    resolved.is_ok(),
                    "{language}: {id} does not resolve: {resolved:?}"
                );
            }
        }
    }

    #[test]
    fn no_language_leaves_a_message_in_english() {
        // Messages that are the same word in several languages are listed here on purpose.
        let same_everywhere = [
            "app-name",
            "channel-api",
            "col-channel",
            "priority-normal",
            "channel-web",
            "channel-chat",
            "none",
            "no",
            "role-supervisor",
            "policy-severity-error",
        ];
        let english: HashMap<_, _> = SOURCES[0]
            .1
            .lines()
            .filter_map(|l| l.split_once(" = "))
            .collect();
        for (language, source) in &SOURCES[1..] {
            for (id, text) in source.lines().filter_map(|l| l.split_once(" = ")) {
                if english.get(id) == Some(&text)
                    && !same_everywhere.contains(&id)
                    && !text.contains('{')
                    && text.len() > 3
                {
                    panic!("{language}: {id} is still English: {text}");
                }
            }
        }
    }

    #[test]
    fn relative_times_read_naturally_in_each_language() {
        let now = jiff::Timestamp::from_second(1_800_000_000).unwrap_or_default();
        let at = |minutes: i64| now + jiff::SignedDuration::from_mins(minutes);
        let en = Tr::new(Language::En);
        assert_eq!(en.relative(at(0), now), "now");
        assert_eq!(en.relative(at(1), now), "in 1 minute");
        assert_eq!(en.relative(at(-150), now), "2 hours ago");
        assert_eq!(en.relative(at(3 * 24 * 60), now), "in 3 days");
        let es = Tr::new(Language::Es);
        assert_eq!(es.relative(at(-5), now), "hace 5 minutos");
        assert_eq!(es.relative(at(60), now), "dentro de 1 hora");
        let pt = Tr::new(Language::Pt);
        assert_eq!(pt.relative(at(-1), now), "há 1 minuto");
        assert_eq!(pt.relative(at(120), now), "daqui a 2 horas");
        let lv = Tr::new(Language::Lv);
        assert_eq!(lv.relative(at(21), now), "pēc 21 minūtes");
        assert_eq!(lv.relative(at(-2 * 24 * 60), now), "pirms 2 dienām");
        assert_eq!(lv.relative(at(11 * 60), now), "pēc 11 stundām");
    }

    #[test]
    fn latvian_plurals_follow_cldr() {
        let lv = Tr::new(Language::Lv);
        assert_eq!(lv.count("inbox-count", 0), "Nav nevienas lietas");
        assert_eq!(lv.count("inbox-count", 1), "1 lieta");
        assert_eq!(lv.count("inbox-count", 21), "21 lieta");
        assert_eq!(lv.count("inbox-count", 3), "3 lietas");
        assert_eq!(lv.count("inbox-count", 10), "10 lietu");
        assert_eq!(lv.count("inbox-count", 11), "11 lietu");
        let en = Tr::new(Language::En);
        assert_eq!(en.count("inbox-count", 0), "No cases");
        assert_eq!(en.count("inbox-count", 1), "1 case");
        assert_eq!(en.count("inbox-count", 2), "2 cases");
        assert_eq!(Tr::new(Language::Pt).count("inbox-count", 2), "2 casos");
    }

    #[test]
    fn arguments_are_substituted() {
        let es = Tr::new(Language::Es);
        assert_eq!(
            es.t1("signed-in-as", "name", "Lucía"),
            "Sesión iniciada como Lucía"
        );
    }

    #[test]
    fn negotiation_honours_quality() {
        assert_eq!(negotiate("lv-LV,lv;q=0.9,en;q=0.8"), Language::Lv);
        assert_eq!(negotiate("de-DE,pt-BR;q=0.8,es;q=0.9"), Language::Es);
        assert_eq!(negotiate("fr"), Language::En);
        assert_eq!(negotiate(""), Language::En);
        assert_eq!(negotiate("es;q=0,pt"), Language::Pt);
    }

    #[test]
    fn dates_and_money_follow_the_language() {
        let at = jiff::Timestamp::from_second(1_767_225_600).expect("valid"); // 2026-01-01T00:00Z
        let utc = jiff::tz::TimeZone::UTC;
        assert_eq!(
            Tr::new(Language::Lv).datetime(at, &utc),
            "01.01.2026. 00:00"
        );
        assert_eq!(
            Tr::new(Language::En).datetime(at, &utc),
            "Jan 1, 2026 00:00"
        );
        assert_eq!(
            Tr::new(Language::Es).money(123_456_789, "EUR"),
            "1.234.567,89 EUR"
        );
        assert_eq!(Tr::new(Language::En).money(-5_00, "USD"), "-USD 5.00");
        assert_eq!(
            Tr::new(Language::Lv).money(250_000, "EUR"),
            "2\u{a0}500,00 EUR"
        );
    }

    #[test]
    fn what_a_policy_field_expects_is_said_in_the_readers_language() {
        let finding = |language, expected: &str| {
            Tr::new(language).policy_finding(
                "invalid-value",
                &[
                    ("field", "time_zone".to_owned()),
                    ("value", "Europe/Madird".to_owned()),
                    ("expected", expected.to_owned()),
                ],
            )
        };
        let lv = finding(Language::Lv, "expected-time-zone");
        assert!(lv.contains("IANA laika josla"), "{lv}");
        let es = finding(Language::Es, "expected-number-range 0 100");
        assert!(es.contains("un número de 0 a 100"), "{es}");
        // A list of literal values stays as written.
        let pt = finding(Language::Pt, "auto, agent");
        assert!(
            pt.contains("auto, agent") && !pt.contains("expected-"),
            "{pt}"
        );
    }
}
