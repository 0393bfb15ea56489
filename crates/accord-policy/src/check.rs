//! Checks across rules of a compiled policy (PRODUCT.md B3): contradicting and shadowed
//! procedures, standards slower than the objectives they serve, escalation levels that can
//! never fire, and customer-facing texts that are hard to read.

use accord_text::readability;
use jiff::civil::Date;
use toml::Spanned;

use crate::compile::Compiler;
use crate::condition::Condition;
use crate::document::Document;
use crate::duration;
use crate::finding::Severity;
use crate::model::*;

pub(crate) fn check(c: &mut Compiler<'_>, doc: &Document, policy: &Policy, today: Option<Date>) {
    procedures(c, doc, policy);
    standards(c, doc, policy);
    escalation(c, doc, policy);
    readability_of_texts(c, doc, policy);
    if let Some(today) = today
        && policy.review_by < today
    {
        c.report(
            Severity::Warning,
            doc.policy.review_by.span(),
            "review-due",
            vec![("date", policy.review_by.to_string())],
        );
    }
}

fn span_of<'d>(ids: impl Iterator<Item = &'d Spanned<String>>, id: &str) -> std::ops::Range<usize> {
    ids.into_iter()
        .find(|s| s.get_ref() == id)
        .map_or(0..0, |s| s.span())
}

fn procedures(c: &mut Compiler<'_>, doc: &Document, policy: &Policy) {
    for (i, p) in policy.procedures.iter().enumerate() {
        let span = span_of(doc.procedures.iter().map(|d| &d.id), &p.id);
        if p.when.is_contradictory() {
            c.report(
                Severity::Warning,
                span.clone(),
                "never-matches",
                vec![("id", p.id.clone())],
            );
        }
        for earlier in policy
            .procedures
            .iter()
            .take(i)
            .filter(|e| e.channel == p.channel)
        {
            if earlier.when == p.when {
                c.report(
                    Severity::Error,
                    span.clone(),
                    "contradicting-procedures",
                    vec![
                        ("id", p.id.clone()),
                        ("other", earlier.id.clone()),
                        ("channel", p.channel.to_string()),
                    ],
                );
                break;
            }
            if earlier.when == Condition::Always {
                c.report(
                    Severity::Warning,
                    span.clone(),
                    "procedure-shadowed",
                    vec![
                        ("id", p.id.clone()),
                        ("other", earlier.id.clone()),
                        ("channel", p.channel.to_string()),
                    ],
                );
                break;
            }
        }
    }
    for r in &policy.remedies {
        if r.when.is_contradictory() {
            let span = span_of(doc.remedies.iter().map(|d| &d.id), &r.id);
            c.report(
                Severity::Warning,
                span,
                "never-matches",
                vec![("id", r.id.clone())],
            );
        }
    }
}

fn standards(c: &mut Compiler<'_>, doc: &Document, policy: &Policy) {
    for p in &policy.procedures {
        let Some(source) = doc.procedures.iter().find(|d| d.id.get_ref() == &p.id) else {
            continue;
        };
        for objective in policy
            .objectives
            .iter()
            .filter(|o| p.serves.contains(&o.id))
        {
            let Target::Duration(target) = objective.target else {
                continue;
            };
            let (standard, value, span) = match objective.indicator {
                Indicator::FirstResponseTime => (
                    "first_response",
                    p.first_response,
                    source.first_response.span(),
                ),
                Indicator::ResolutionTime => ("resolution", p.resolution, source.resolution.span()),
                _ => continue,
            };
            if value > target {
                c.report(
                    Severity::Error,
                    span,
                    "standard-slower-than-objective",
                    vec![
                        ("id", p.id.clone()),
                        ("standard", standard.to_owned()),
                        ("value", duration::format(value)),
                        ("objective", objective.id.clone()),
                        ("target", duration::format(target)),
                    ],
                );
            }
        }
    }
}

fn clock_targets(policy: &Policy, clock: ClockName) -> Vec<jiff::SignedDuration> {
    policy
        .procedures
        .iter()
        .filter_map(|p| match clock {
            ClockName::FirstResponse => Some(p.first_response),
            ClockName::NextUpdate => p.update_every,
            ClockName::Resolution => Some(p.resolution),
        })
        .collect()
}

fn escalation(c: &mut Compiler<'_>, doc: &Document, policy: &Policy) {
    for level in &policy.escalation {
        let span = span_of(doc.escalation.iter().map(|d| &d.id), &level.id);
        let reason = match &level.trigger {
            _ if level.when.is_contradictory() => Some("never-matches"),
            Trigger::BeforeBreach { clock, by } | Trigger::AfterBreach { clock, by } => {
                let targets = clock_targets(policy, *clock);
                if targets.is_empty() {
                    Some("no-clock")
                } else if matches!(level.trigger, Trigger::BeforeBreach { .. })
                    && targets.iter().all(|t| by >= t)
                {
                    Some("offset-too-large")
                } else {
                    None
                }
            }
            Trigger::AccountTier { tiers } if tiers.is_empty() => Some("no-tiers"),
            _ => None,
        };
        if let Some(reason) = reason {
            c.report(
                Severity::Warning,
                span,
                "escalation-never-fires",
                vec![("id", level.id.clone()), ("reason", reason.to_owned())],
            );
        }
    }
}

fn readability_of_texts(c: &mut Compiler<'_>, doc: &Document, policy: &Policy) {
    let thresholds = crate::texts::thresholds(doc);
    for (place, spanned) in crate::texts::scored_fields(doc) {
        let rule = place.path();
        for language in &policy.languages {
            let Some(text) = spanned.get_ref().get(language.code()) else {
                continue;
            };
            let report = readability::analyze(text, *language);
            if let Some((_, threshold)) = thresholds.iter().find(|(l, _)| l == language) {
                let too_hard = if report.formula.higher_is_easier() {
                    report.score < *threshold
                } else {
                    report.score > *threshold
                };
                if too_hard {
                    let mut args = vec![
                        ("field", rule.clone()),
                        ("language", language.code().to_owned()),
                        ("score", format!("{:.1}", report.score)),
                        ("threshold", format!("{threshold}")),
                        ("formula", crate::formula_name(report.formula).to_owned()),
                    ];
                    // Spanish: Szigriszt-Pazos beside Fernández Huerta (the threshold is on the latter).
                    if let Some(also) = report.also {
                        args.push(("also_formula", crate::formula_name(also.formula).to_owned()));
                        args.push(("also_score", format!("{:.1}", also.score)));
                    }
                    c.report(Severity::Warning, spanned.span(), "hard-to-read", args);
                }
            }
            if !report.jargon.is_empty() {
                c.report(
                    Severity::Warning,
                    spanned.span(),
                    "jargon",
                    vec![
                        ("field", rule.clone()),
                        ("language", language.code().to_owned()),
                        ("terms", report.jargon.join(", ")),
                    ],
                );
            }
            if !report.long_sentences.is_empty() {
                let numbers: Vec<String> =
                    report.long_sentences.iter().map(usize::to_string).collect();
                c.report(
                    Severity::Warning,
                    spanned.span(),
                    "long-sentences",
                    vec![
                        ("field", rule.clone()),
                        ("language", language.code().to_owned()),
                        ("sentences", numbers.join(", ")),
                        (
                            "limit",
                            readability::long_sentence_limit(*language).to_string(),
                        ),
                    ],
                );
            }
        }
    }
}
