//! Surveys (`[[surveys]]`, PRODUCT.md E1) and the follow-up of a procedure (D6), compiled:
//! every kind known, custom surveys with their questions, every text in every language,
//! follow-ups naming a survey that exists and is not anonymous (its answer must be able to
//! reopen the case it follows up).

use std::collections::BTreeSet;

use accord_core::language::Language;
use accord_core::survey::SurveyKind;
use jiff::SignedDuration;
use toml::Spanned;

use crate::compile::Compiler;
use crate::document::{Document, FollowUpDoc, SurveyDoc};
use crate::model::{FollowUp, Question, Survey};

/// More questions than this tire customers before they answer.
pub const QUESTIONS_MAX: usize = 10;

pub(crate) fn compile_surveys(
    c: &mut Compiler<'_>,
    doc: &Document,
    languages: &[Language],
) -> Vec<Survey> {
    let mut seen = BTreeSet::new();
    let known: BTreeSet<&str> = doc
        .procedures
        .iter()
        .map(|p| p.id.get_ref().as_str())
        .chain(doc.remedies.iter().map(|r| r.id.get_ref().as_str()))
        .collect();
    let mut surveys = Vec::new();
    for s in &doc.surveys {
        c.unique(&mut seen, &s.id, "kind-survey");
        if let Some(survey) = compile_survey(c, s, languages, &known) {
            surveys.push(survey);
        }
    }
    surveys
}

fn compile_survey(
    c: &mut Compiler<'_>,
    s: &SurveyDoc,
    languages: &[Language],
    known: &BTreeSet<&str>,
) -> Option<Survey> {
    let rule = format!("surveys.{}", s.id.get_ref());
    c.texts(&s.name, &format!("{rule}.name"), languages);
    let kind = SurveyKind::parse(s.kind.get_ref());
    if kind.is_none() {
        c.invalid(
            s.kind.span(),
            "kind",
            s.kind.get_ref(),
            "csat, nps, ces, custom",
        );
    }
    if let Some(about) = &s.about
        && !known.contains(about.get_ref().as_str())
    {
        c.error(
            about.span(),
            "unknown-reference",
            vec![
                ("kind", "kind-procedure-or-remedy".into()),
                ("id", about.get_ref().clone()),
            ],
        );
    }
    let mut seen = BTreeSet::new();
    let mut questions = Vec::new();
    for q in &s.questions {
        c.unique(&mut seen, &q.id, "kind-question");
        c.texts(
            &q.text,
            &format!("{rule}.questions.{}", q.id.get_ref()),
            languages,
        );
        questions.push(Question {
            id: q.id.get_ref().clone(),
            text: Some(q.text.get_ref().clone()),
        });
    }
    if s.questions.len() > QUESTIONS_MAX {
        c.invalid(
            s.id.span(),
            &format!("{rule}.questions"),
            &s.questions.len().to_string(),
            "expected-number-range 1 10",
        );
    }
    let kind = kind?;
    if questions.is_empty() {
        if kind == SurveyKind::Custom {
            c.error(
                s.id.span(),
                "survey-without-questions",
                vec![("id", s.id.get_ref().clone())],
            );
            return None;
        }
        questions.push(Question {
            id: kind.as_str().to_owned(),
            text: None,
        });
    }
    Some(Survey {
        id: s.id.get_ref().clone(),
        kind,
        name: s.name.get_ref().clone(),
        questions,
        anonymous: s.anonymous,
        about: s.about.as_ref().map(|a| a.get_ref().clone()),
    })
}

/// A procedure's `follow_up`.
pub(crate) fn follow_up(
    c: &mut Compiler<'_>,
    f: &FollowUpDoc,
    surveys: &[SurveyDoc],
) -> Option<FollowUp> {
    let after = c.duration(&f.after, "follow_up.after");
    let id = f.survey.get_ref();
    match surveys.iter().find(|s| s.id.get_ref() == id) {
        None => {
            c.error(
                f.survey.span(),
                "unknown-reference",
                vec![("kind", "kind-survey".into()), ("id", id.clone())],
            );
            None
        }
        Some(s) if s.anonymous => {
            c.error(
                f.survey.span(),
                "follow-up-anonymous",
                vec![("id", id.clone())],
            );
            None
        }
        Some(_) => Some(FollowUp {
            after: after?,
            survey: id.clone(),
        }),
    }
}

/// `survey_gap_days`, 1 to 365.
pub(crate) fn gap(c: &mut Compiler<'_>, days: &Spanned<i64>) -> SignedDuration {
    let value = *days.get_ref();
    if !(1..=365).contains(&value) {
        c.error(
            days.span(),
            "invalid-value",
            vec![
                ("field", "policy.survey_gap_days".to_owned()),
                ("value", value.to_string()),
                ("expected", "expected-number-range 1 365".to_owned()),
            ],
        );
    }
    SignedDuration::from_hours(24 * value.clamp(1, 365))
}
