//! From a policy file's text to a [`Policy`], collecting every problem with its location
//! rather than stopping at the first: an author fixes a file in one pass.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use accord_calendar::{Calendar, Country, Period};
use accord_core::case::{Channel, Priority};
use accord_core::language::Language;
use accord_core::people::{Role, Tier};
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use toml::Spanned;

use crate::condition::Condition;
use crate::document::{self, Document, Texts};
use crate::duration;
use crate::finding::{Finding, Severity, Source};
use crate::model::*;
use crate::templates::TemplateError;

/// Years whose national holidays close a calendar.
pub const HOLIDAY_YEARS: std::ops::RangeInclusive<i16> = 2000..=2040;

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];
const BASES: &[&str] = &["law", "study", "customer_feedback", "business_practice"];
const LINK_KINDS: &[&str] = &["brochure", "web", "phone"];
const REMEDY_KINDS: &[&str] = &[
    "refund",
    "credit",
    "replacement",
    "expedited_delivery",
    "fee_waiver",
    "extended_deadline",
    "goodwill_gift",
];
const STAFF_ROLES: &str = "agent, supervisor, admin";

pub(crate) struct Compiler<'a> {
    pub source: Source<'a>,
    pub findings: Vec<Finding>,
}

type Args = Vec<(&'static str, String)>;

impl<'a> Compiler<'a> {
    pub fn new(text: &'a str) -> Compiler<'a> {
        Compiler {
            source: Source::new(text),
            findings: Vec::new(),
        }
    }

    pub fn report(
        &mut self,
        severity: Severity,
        span: Range<usize>,
        code: &'static str,
        args: Args,
    ) {
        let (line, column) = if span.is_empty() && span.start == 0 {
            (0, 0)
        } else {
            self.source.position(span.start)
        };
        self.findings.push(Finding {
            severity,
            code,
            line,
            column,
            args,
        });
    }

    pub fn error(&mut self, span: Range<usize>, code: &'static str, args: Args) {
        self.report(Severity::Error, span, code, args);
    }

    pub(crate) fn invalid(&mut self, span: Range<usize>, field: &str, value: &str, expected: &str) {
        self.error(
            span,
            "invalid-value",
            vec![
                ("field", field.to_owned()),
                ("value", value.to_owned()),
                ("expected", expected.to_owned()),
            ],
        );
    }

    /// Parses the TOML; `None` (with a finding) when it is not a policy document.
    pub fn document(&mut self) -> Option<Document> {
        match toml::from_str::<Document>(self.source.text()) {
            Ok(doc) => Some(doc),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let span = if span.is_empty() && span.start == 0 {
                    0..1
                } else {
                    span
                };
                self.error(span, "syntax", vec![("detail", e.message().to_owned())]);
                None
            }
        }
    }

    pub(crate) fn duration(
        &mut self,
        value: &Spanned<String>,
        field: &str,
    ) -> Option<jiff::SignedDuration> {
        let parsed = duration::parse(value.get_ref());
        if parsed.is_none() {
            self.invalid(value.span(), field, value.get_ref(), "4h, 30m, 1h30m");
        }
        parsed
    }

    fn date(&mut self, value: &Spanned<String>, field: &str) -> Option<Date> {
        let parsed = value.get_ref().parse::<Date>().ok();
        if parsed.is_none() {
            self.invalid(value.span(), field, value.get_ref(), "YYYY-MM-DD");
        }
        parsed
    }

    fn condition(&mut self, value: Option<&Spanned<String>>, field: &str) -> Option<Condition> {
        let Some(value) = value else {
            return Some(Condition::Always);
        };
        match Condition::parse(value.get_ref()) {
            Ok(c) => Some(c),
            Err(e) => {
                // Locate the mistake inside the string, line by line.
                let start = self.source.string_content_start(value.span().start);
                let text = value.get_ref();
                let line_offset: usize = text
                    .split_inclusive('\n')
                    .take(e.line.saturating_sub(1))
                    .map(str::len)
                    .sum();
                let line_text = text.get(line_offset..).unwrap_or_default();
                let column_bytes: usize = line_text
                    .chars()
                    .take(e.column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                let at = start + line_offset + column_bytes;
                self.error(
                    at..at + 1,
                    "condition",
                    vec![
                        ("field", field.to_owned()),
                        ("problem", e.code.to_owned()),
                        ("subject", e.subject),
                        ("expected", e.expected),
                    ],
                );
                None
            }
        }
    }

    pub(crate) fn texts(&mut self, texts: &Spanned<Texts>, field: &str, languages: &[Language]) {
        for code in texts.get_ref().keys() {
            if Language::from_tag(code).is_none() {
                self.invalid(texts.span(), field, code, "en, es, pt, lv");
            }
        }
        for language in languages {
            let present = texts
                .get_ref()
                .get(language.code())
                .is_some_and(|t| !t.trim().is_empty());
            if !present {
                self.error(
                    texts.span(),
                    "missing-translation",
                    vec![
                        ("field", field.to_owned()),
                        ("language", language.code().to_owned()),
                    ],
                );
            }
        }
    }

    pub(crate) fn unique(&mut self, seen: &mut BTreeSet<String>, id: &Spanned<String>, kind: &str) {
        if !seen.insert(id.get_ref().clone()) {
            self.error(
                id.span(),
                "duplicate-id",
                vec![("kind", kind.to_owned()), ("id", id.get_ref().clone())],
            );
        }
    }

    fn rationale(&mut self, r: &document::Rationale) -> Rationale {
        if !BASES.contains(&r.basis.get_ref().as_str()) {
            self.invalid(
                r.basis.span(),
                "rationale.basis",
                r.basis.get_ref(),
                &BASES.join(", "),
            );
        }
        Rationale {
            basis: r.basis.get_ref().clone(),
            text: r.text.clone(),
            source: r.source.clone(),
            long_term: r.long_term.clone(),
        }
    }

    fn explanation(
        &mut self,
        rule: &str,
        rationale: &document::Rationale,
        text: &Spanned<Texts>,
        links: &[document::Link],
        alternatives: &[document::Alternative],
        languages: &[Language],
    ) -> Explanation {
        let rationale = self.rationale(rationale);
        self.texts(text, &format!("{rule}.explanation"), languages);
        let links = links
            .iter()
            .map(|l| {
                if !LINK_KINDS.contains(&l.kind.get_ref().as_str()) {
                    self.invalid(
                        l.kind.span(),
                        "links.kind",
                        l.kind.get_ref(),
                        &LINK_KINDS.join(", "),
                    );
                }
                let href = l.href.get_ref();
                let well_formed = match l.kind.get_ref().as_str() {
                    "phone" => {
                        href.starts_with('+')
                            && href.chars().filter(char::is_ascii_digit).count() >= 6
                    }
                    _ => href.starts_with("https://") || href.starts_with("http://"),
                };
                if !well_formed {
                    self.invalid(l.href.span(), "links.href", href, "expected-link");
                }
                self.texts(&l.label, &format!("{rule}.links.label"), languages);
                Link {
                    kind: l.kind.get_ref().clone(),
                    href: href.clone(),
                    label: l.label.get_ref().clone(),
                }
            })
            .collect();
        let mut seen = BTreeSet::new();
        let alternatives = alternatives
            .iter()
            .map(|a| {
                self.unique(&mut seen, &a.id, "kind-alternative");
                self.texts(
                    &a.text,
                    &format!("{rule}.alternatives.{}", a.id.get_ref()),
                    languages,
                );
                let reserved_for = self
                    .condition(a.reserved_for.as_ref(), "reserved_for")
                    .unwrap_or(Condition::Always);
                Alternative {
                    id: a.id.get_ref().clone(),
                    text: a.text.get_ref().clone(),
                    reserved_for,
                }
            })
            .collect();
        Explanation {
            rationale,
            text: text.get_ref().clone(),
            links,
            alternatives,
        }
    }

    fn target(
        &mut self,
        value: &Spanned<toml::Value>,
        indicator: Indicator,
        field: &str,
    ) -> Option<Target> {
        let span = value.span();
        if indicator.is_duration() {
            return match value.get_ref() {
                toml::Value::String(s) => {
                    let parsed = duration::parse(s);
                    if parsed.is_none() {
                        self.invalid(span, field, s, "4h, 30m, 1h30m");
                    }
                    parsed.map(Target::Duration)
                }
                other => {
                    self.invalid(span, field, &other.to_string(), "expected-duration");
                    None
                }
            };
        }
        let number = match value.get_ref() {
            toml::Value::Integer(i) => Some(*i as f64),
            toml::Value::Float(f) => Some(*f),
            _ => None,
        };
        let (low, high) = indicator.range();
        match number {
            Some(n) if (low..=high).contains(&n) => Some(Target::Number(n)),
            _ => {
                self.invalid(
                    span,
                    field,
                    &value.get_ref().to_string(),
                    &format!("expected-number-range {low} {high}"),
                );
                None
            }
        }
    }

    fn calendar(&mut self, doc: &document::CalendarDoc) -> Option<Calendar> {
        let zone = match TimeZone::get(doc.time_zone.get_ref()) {
            Ok(z) => Some(z),
            Err(_) => {
                self.invalid(
                    doc.time_zone.span(),
                    "time_zone",
                    doc.time_zone.get_ref(),
                    "expected-time-zone",
                );
                None
            }
        };
        let mut week: [Vec<Period>; 7] = Default::default();
        for (day, periods) in doc.hours.get_ref() {
            let Some(index) = WEEKDAYS.iter().position(|(name, _)| name == day) else {
                self.invalid(
                    doc.hours.span(),
                    "hours",
                    day,
                    "mon, tue, wed, thu, fri, sat, sun",
                );
                continue;
            };
            week[index] = self.periods(periods)?;
        }
        let mut calendar = match Calendar::weekly(zone?, week) {
            Ok(c) => c,
            Err(e) => {
                self.error(
                    doc.hours.span(),
                    "calendar",
                    vec![("id", doc.id.get_ref().clone()), ("detail", e.to_string())],
                );
                return None;
            }
        };
        for country in &doc.holidays {
            match Country::parse(country.get_ref()) {
                Some(c) => calendar = calendar.with_holidays(c, HOLIDAY_YEARS),
                None => self.invalid(
                    country.span(),
                    "holidays",
                    country.get_ref(),
                    "ES, PT, BR, LV",
                ),
            }
        }
        let closed: Vec<Date> = doc
            .closed
            .iter()
            .filter_map(|d| self.date(d, "closed"))
            .collect();
        calendar = calendar.with_closed_days(closed);
        for special in &doc.special {
            let date = self.date(&special.date, "special.date");
            let periods = self.periods(&special.hours);
            if let (Some(date), Some(periods)) = (date, periods) {
                calendar = match calendar.clone().with_special_day(date, periods) {
                    Ok(c) => c,
                    Err(e) => {
                        self.error(
                            special.date.span(),
                            "calendar",
                            vec![("id", doc.id.get_ref().clone()), ("detail", e.to_string())],
                        );
                        calendar
                    }
                };
            }
        }
        Some(calendar)
    }

    fn periods(&mut self, periods: &[Spanned<String>]) -> Option<Vec<Period>> {
        let mut out = Vec::new();
        let mut ok = true;
        for p in periods {
            match parse_period(p.get_ref()) {
                Some(period) => out.push(period),
                None => {
                    self.invalid(
                        p.span(),
                        "hours",
                        p.get_ref(),
                        "HH:MM-HH:MM, e.g. 09:00-17:30",
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }
}

fn parse_time(text: &str) -> Option<Option<Time>> {
    if text == "24:00" {
        return Some(None);
    }
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0)
        .ok()
        .map(Some)
}

fn parse_period(text: &str) -> Option<Period> {
    let (start, end) = text.split_once('-')?;
    let start = parse_time(start.trim())??;
    let end = parse_time(end.trim())?;
    Period::new(start, end).ok()
}

fn role(text: &str) -> Option<Role> {
    Role::parse(text).filter(|r| *r != Role::Customer)
}

/// Compiles a document; returns the policy when nothing was wrong enough to stop it.
pub(crate) fn compile(c: &mut Compiler<'_>, doc: &Document) -> Option<Policy> {
    let errors_before = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let header = &doc.policy;

    let mut languages = Vec::new();
    for code in header.languages.get_ref() {
        match Language::from_tag(code) {
            Some(l) if !languages.contains(&l) => languages.push(l),
            Some(_) => {}
            None => c.invalid(
                header.languages.span(),
                "policy.languages",
                code,
                "en, es, pt, lv",
            ),
        }
    }
    if languages.is_empty() {
        c.invalid(
            header.languages.span(),
            "policy.languages",
            "[]",
            "expected-languages",
        );
    }
    let review_by = c.date(&header.review_by, "policy.review_by");
    let owner = header.owner.get_ref();
    if !owner.contains('@') {
        c.invalid(header.owner.span(), "policy.owner", owner, "expected-email");
    }
    let currency = header.currency.get_ref();
    if !is_currency(currency) {
        c.invalid(
            header.currency.span(),
            "policy.currency",
            currency,
            "expected-currency",
        );
    }
    for (code, threshold) in &header.readability {
        if Language::from_tag(code).is_none() {
            c.invalid(
                threshold.span(),
                "policy.readability",
                code,
                "en, es, pt, lv",
            );
        }
    }

    // Objectives.
    let mut seen = BTreeSet::new();
    let mut objectives = Vec::new();
    for o in &doc.objectives {
        c.unique(&mut seen, &o.id, "kind-objective");
        c.texts(
            &Spanned::new(o.id.span(), o.name.clone()),
            &format!("objectives.{}.name", o.id.get_ref()),
            &languages,
        );
        let Some(indicator) = Indicator::parse(o.indicator.get_ref()) else {
            let names: Vec<&str> = Indicator::ALL.iter().map(|(n, _)| *n).collect();
            c.invalid(
                o.indicator.span(),
                "indicator",
                o.indicator.get_ref(),
                &names.join(", "),
            );
            continue;
        };
        let target = c.target(&o.target, indicator, "target");
        let benchmark = o.benchmark.as_ref().and_then(|b| {
            c.target(&b.value, indicator, "benchmark.value")
                .map(|t| (t, b.source.clone()))
        });
        if let Some(target) = target {
            objectives.push(Objective {
                id: o.id.get_ref().clone(),
                name: o.name.clone(),
                indicator,
                target,
                benchmark,
                mission_link: o.mission_link.clone(),
            });
        }
    }

    // Calendars.
    let mut calendars = BTreeMap::new();
    for cal in &doc.calendars {
        if calendars.contains_key(cal.id.get_ref()) {
            c.error(
                cal.id.span(),
                "duplicate-id",
                vec![
                    ("kind", "kind-calendar".into()),
                    ("id", cal.id.get_ref().clone()),
                ],
            );
            continue;
        }
        if let Some(calendar) = c.calendar(cal) {
            calendars.insert(cal.id.get_ref().clone(), calendar);
        }
    }
    let calendar_ids: BTreeSet<&str> = doc
        .calendars
        .iter()
        .map(|cal| cal.id.get_ref().as_str())
        .collect();
    let known_calendar = |c: &mut Compiler<'_>, id: &Spanned<String>| {
        if !calendar_ids.contains(id.get_ref().as_str()) {
            c.error(
                id.span(),
                "unknown-reference",
                vec![
                    ("kind", "kind-calendar".into()),
                    ("id", id.get_ref().clone()),
                ],
            );
        }
    };
    known_calendar(c, &header.default_calendar);

    // Procedures.
    let objective_ids: BTreeSet<&str> = doc
        .objectives
        .iter()
        .map(|o| o.id.get_ref().as_str())
        .collect();
    let mut seen = BTreeSet::new();
    let mut procedures = Vec::new();
    for p in &doc.procedures {
        c.unique(&mut seen, &p.id, "kind-procedure");
        let rule = format!("procedures.{}", p.id.get_ref());
        let channel = Channel::parse(p.channel.get_ref());
        if channel.is_none() {
            c.invalid(
                p.channel.span(),
                "channel",
                p.channel.get_ref(),
                "email, web, chat, phone, social, api",
            );
        }
        let when = c.condition(p.when.as_ref(), "when");
        let calendar = p
            .calendar
            .clone()
            .unwrap_or_else(|| header.default_calendar.clone());
        if p.calendar.is_some() {
            known_calendar(c, &calendar);
        }
        for objective in &p.serves {
            if !objective_ids.contains(objective.get_ref().as_str()) {
                c.error(
                    objective.span(),
                    "unknown-reference",
                    vec![
                        ("kind", "kind-objective".into()),
                        ("id", objective.get_ref().clone()),
                    ],
                );
            }
        }
        let first_response = c.duration(&p.first_response, "first_response");
        let update_every = p
            .update_every
            .as_ref()
            .map(|d| c.duration(d, "update_every"));
        let resolution = c.duration(&p.resolution, "resolution");
        let follow_up = p
            .follow_up
            .as_ref()
            .and_then(|f| crate::surveys::follow_up(c, f, &doc.surveys));
        let auto_acknowledge = match p.acknowledge.get_ref().as_str() {
            "auto" => true,
            "agent" => false,
            other => {
                c.invalid(p.acknowledge.span(), "acknowledge", other, "auto, agent");
                false
            }
        };
        let explanation = c.explanation(
            &rule,
            &p.rationale,
            &p.explanation,
            &p.links,
            &p.alternatives,
            &languages,
        );
        if let (Some(channel), Some(when), Some(first_response), Some(resolution)) =
            (channel, when, first_response, resolution)
        {
            procedures.push(Procedure {
                id: p.id.get_ref().clone(),
                channel,
                when,
                calendar: calendar.get_ref().clone(),
                serves: p.serves.iter().map(|s| s.get_ref().clone()).collect(),
                first_response,
                update_every: update_every.flatten(),
                resolution,
                pause_when_waiting: p.pause_when_waiting,
                auto_acknowledge,
                explanation,
                follow_up,
            });
        }
    }

    // Escalation.
    let mut seen = BTreeSet::new();
    let mut escalation = Vec::new();
    for level in &doc.escalation {
        c.unique(&mut seen, &level.id, "kind-escalation-level");
        if *level.level.get_ref() < 1 {
            c.invalid(
                level.level.span(),
                "level",
                &level.level.get_ref().to_string(),
                "expected-one-or-more",
            );
        }
        let when = c.condition(level.when.as_ref(), "when");
        let trigger = compile_trigger(c, &level.trigger);
        let mut actions = Vec::new();
        for action in level.actions.get_ref() {
            match compile_action(action) {
                Ok(a) => actions.push(a),
                Err((field, value, expected)) => {
                    c.invalid(level.actions.span(), field, &value, expected)
                }
            }
        }
        if level.actions.get_ref().is_empty() {
            c.invalid(level.actions.span(), "actions", "[]", "expected-action");
        }
        let rationale = c.rationale(&level.rationale);
        if let (Some(when), Some(trigger)) = (when, trigger) {
            escalation.push(EscalationLevel {
                id: level.id.get_ref().clone(),
                level: *level.level.get_ref(),
                when,
                trigger,
                actions,
                rationale,
            });
        }
    }
    escalation.sort_by_key(|l| l.level);

    // Remedies.
    let mut seen = BTreeSet::new();
    let mut remedies = Vec::new();
    for r in &doc.remedies {
        c.unique(&mut seen, &r.id, "kind-remedy");
        let rule = format!("remedies.{}", r.id.get_ref());
        if !REMEDY_KINDS.contains(&r.kind.get_ref().as_str()) {
            c.invalid(
                r.kind.span(),
                "kind",
                r.kind.get_ref(),
                &REMEDY_KINDS.join(", "),
            );
        }
        c.texts(&r.name, &format!("{rule}.name"), &languages);
        let unit = r
            .unit
            .as_ref()
            .map_or_else(|| currency.clone(), |u| u.get_ref().clone());
        if let Some(u) = &r.unit
            && !is_currency(u.get_ref())
            && !["days", "items"].contains(&u.get_ref().as_str())
        {
            c.invalid(u.span(), "unit", u.get_ref(), "expected-unit");
        }
        let when = c.condition(r.when.as_ref(), "when");
        let mut limits = Vec::new();
        match &r.limits {
            None => c.error(
                r.id.span(),
                "remedy-without-limits",
                vec![("id", r.id.get_ref().clone())],
            ),
            Some(map) if map.get_ref().is_empty() => {
                c.error(
                    map.span(),
                    "remedy-without-limits",
                    vec![("id", r.id.get_ref().clone())],
                );
            }
            Some(map) => {
                for (name, limit) in map.get_ref() {
                    match role(name) {
                        None => c.invalid(limit.span(), "limits", name, STAFF_ROLES),
                        Some(_) if !limit.get_ref().is_finite() || *limit.get_ref() < 0.0 => {
                            c.invalid(
                                limit.span(),
                                "limits",
                                &limit.get_ref().to_string(),
                                "expected-amount",
                            );
                        }
                        // Remedies are given in whole units (cents, items, days), so is a limit.
                        Some(_) if !whole_limit(&unit, *limit.get_ref()) => {
                            let decimals = accord_core::remedy::unit_decimals(&unit);
                            c.invalid(
                                limit.span(),
                                &format!("limits.{name}"),
                                &limit.get_ref().to_string(),
                                &if decimals == 0 {
                                    "expected-whole-number".to_owned()
                                } else {
                                    format!("expected-amount-decimals {decimals}")
                                },
                            );
                        }
                        Some(role) => limits.push((role, *limit.get_ref())),
                    }
                }
            }
        }
        limits.sort_by(|a, b| a.1.total_cmp(&b.1));
        let per_customer_days = r.limits_per_customer.as_ref().and_then(|per| {
            let days = &per.get_ref().within_days;
            let value = *days.get_ref();
            if (1..=MAX_CUSTOMER_DAYS).contains(&value) {
                Some(value)
            } else {
                c.invalid(
                    days.span(),
                    "limits_per_customer.within_days",
                    &value.to_string(),
                    &format!("expected-number-range 1 {MAX_CUSTOMER_DAYS}"),
                );
                None
            }
        });
        let explanation = c.explanation(
            &rule,
            &r.rationale,
            &r.explanation,
            &r.links,
            &r.alternatives,
            &languages,
        );
        if let Some(when) = when {
            remedies.push(Remedy {
                id: r.id.get_ref().clone(),
                kind: r.kind.get_ref().clone(),
                name: r.name.get_ref().clone(),
                unit,
                when,
                limits,
                per_customer_days,
                explanation,
            });
        }
    }

    let templates = compile_templates(c, &doc.templates, &languages);
    let surveys = crate::surveys::compile_surveys(c, doc, &languages);
    let survey_gap = crate::surveys::gap(c, &header.survey_gap_days);

    let errors = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > errors_before {
        return None;
    }
    Some(Policy {
        name: header.name.clone(),
        owner: owner.clone(),
        review_by: review_by?,
        mission: header.mission.clone(),
        currency: currency.clone(),
        languages,
        objectives,
        calendars,
        procedures,
        escalation,
        remedies,
        templates,
        surveys,
        survey_gap,
    })
}

fn compile_templates(
    c: &mut Compiler<'_>,
    docs: &[document::Template],
    languages: &[Language],
) -> Vec<ReplyTemplate> {
    let mut seen = BTreeSet::new();
    let mut templates = Vec::new();
    for t in docs {
        c.unique(&mut seen, &t.id, "kind-template");
        let rule = format!("templates.{}", t.id.get_ref());
        c.texts(&t.name, &format!("{rule}.name"), languages);
        c.texts(&t.body, &format!("{rule}.body"), languages);
        for (code, text) in t.body.get_ref() {
            let (code_name, problem) = match crate::templates::check_text(text) {
                Ok(()) => continue,
                Err(TemplateError::UnknownPlaceholder(name)) => ("template-placeholder", name),
                Err(TemplateError::UnclosedBrace) => ("template-unclosed", String::new()),
            };
            c.error(
                t.body.span(),
                code_name,
                vec![
                    ("field", format!("{rule}.body")),
                    ("language", code.clone()),
                    ("placeholder", problem),
                    (
                        "known",
                        crate::templates::PLACEHOLDERS
                            .map(|p| format!("{{{p}}}"))
                            .join(", "),
                    ),
                ],
            );
        }
        if let Some(when) = c.condition(t.when.as_ref(), "when") {
            templates.push(ReplyTemplate {
                id: t.id.get_ref().clone(),
                name: t.name.get_ref().clone(),
                when,
                body: t.body.get_ref().clone(),
            });
        }
    }
    templates
}

/// The longest period a remedy's limits may count per customer: ten years.
const MAX_CUSTOMER_DAYS: i64 = 3660;

/// Whether a limit is a whole number of the unit's smallest parts (`12.50` EUR, `3` items).
fn whole_limit(unit: &str, limit: f64) -> bool {
    limit == 0.0 || accord_core::remedy::whole_amount("limit", unit, limit).is_ok()
}

fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|ch| ch.is_ascii_uppercase())
}

fn compile_trigger(c: &mut Compiler<'_>, trigger: &Spanned<document::Trigger>) -> Option<Trigger> {
    let span = trigger.span();
    let clock = |c: &mut Compiler<'_>, name: &str| {
        let parsed = ClockName::parse(name);
        if parsed.is_none() {
            c.invalid(
                span.clone(),
                "trigger.clock",
                name,
                "first_response, next_update, resolution",
            );
        }
        parsed
    };
    let by = |c: &mut Compiler<'_>, text: &str| {
        // `0m` is a valid offset here: "as soon as it breaches".
        let parsed = if text.trim() == "0m" {
            Some(jiff::SignedDuration::ZERO)
        } else {
            duration::parse(text)
        };
        if parsed.is_none() {
            c.invalid(span.clone(), "trigger.by", text, "0m, 30m, 4h, 1h30m");
        }
        parsed
    };
    Some(match trigger.get_ref() {
        document::Trigger::BeforeBreach {
            clock: name,
            by: offset,
        } => {
            let (clock, by) = (clock(c, name), by(c, offset));
            Trigger::BeforeBreach {
                clock: clock?,
                by: by?,
            }
        }
        document::Trigger::AfterBreach {
            clock: name,
            by: offset,
        } => {
            let (clock, by) = (clock(c, name), by(c, offset));
            Trigger::AfterBreach {
                clock: clock?,
                by: by?,
            }
        }
        document::Trigger::Frustration { at_least } => {
            if !(0.0..=1.0).contains(at_least) {
                c.invalid(
                    span,
                    "trigger.at_least",
                    &at_least.to_string(),
                    "expected-score",
                );
                return None;
            }
            Trigger::Frustration {
                at_least: *at_least,
            }
        }
        document::Trigger::PublicPost => Trigger::PublicPost,
        document::Trigger::AsksForManager => Trigger::AsksForManager,
        document::Trigger::AccountTier { tiers } => {
            let mut parsed = Vec::new();
            for t in tiers {
                match Tier::parse(t) {
                    Some(t) => parsed.push(t),
                    None => c.invalid(
                        span.clone(),
                        "trigger.tiers",
                        t,
                        "standard, silver, gold, platinum",
                    ),
                }
            }
            if tiers.is_empty() {
                c.invalid(span, "trigger.tiers", "[]", "expected-tier");
                return None;
            }
            Trigger::AccountTier { tiers: parsed }
        }
    })
}

type ActionError = (&'static str, String, &'static str);

fn compile_action(action: &document::Action) -> Result<Action, ActionError> {
    let staff_role = |text: &str| role(text).ok_or(("actions.role", text.to_owned(), STAFF_ROLES));
    Ok(match action {
        document::Action::Notify { role, team } => Action::Notify {
            role: staff_role(role)?,
            team: team.clone(),
        },
        document::Action::Reassign { team, role } => {
            if team.is_none() == role.is_none() {
                return Err(("actions.reassign", String::new(), "expected-team-or-role"));
            }
            Action::Reassign {
                team: team.clone(),
                role: role.as_deref().map(staff_role).transpose()?,
            }
        }
        document::Action::RaisePriority { to } => Action::RaisePriority {
            to: Priority::parse(to).ok_or((
                "actions.to",
                to.clone(),
                "low, normal, high, urgent",
            ))?,
        },
    })
}
