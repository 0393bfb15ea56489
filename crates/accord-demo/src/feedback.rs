//! The demo's follow-ups and survey answers (PRODUCT.md D6, E1): the durable timers that
//! fell due during the demo period fire at their own times — follow-up surveys go out
//! two working days after each resolution — and most customers answer, mostly content,
//! some not (their cases reopen), so the results page has something to show.

use accord_core::access::Actor;
use accord_core::case::CaseStatus;
use accord_core::language::Language;
use accord_store::cases::CaseFilter;
use accord_store::surveys::{SurveyAnswer, SurveyAnswerer};
use accord_store::{Result, Store};
use jiff::{SignedDuration, Timestamp};
use rand::Rng;
use rand::rngs::StdRng;

/// What customers write beside a score, per language: content, then not.
fn comment(language: Language, content: bool) -> &'static str {
    match (language, content) {
        (Language::Es, true) => "Rápidos y amables. Gracias por avisarme de cada paso.",
        (Language::Es, false) => "Tardaron demasiado y el problema ha vuelto.",
        (Language::Pt, true) => "Resolveram tudo e explicaram bem o que aconteceu.",
        (Language::Pt, false) => "O problema voltou no dia seguinte.",
        (Language::Lv, true) => "Ātri un saprotami. Paldies!",
        (Language::Lv, false) => "Problēma atkārtojās jau nākamajā dienā.",
        (Language::En, true) => "Quick, clear and friendly. Thank you.",
        (Language::En, false) => "It took too long and the fault came back.",
    }
}

/// Fires every timer due by `now` at its own due time, oldest first.
pub(crate) async fn fire_timers_in_time(store: &Store, now: Timestamp) -> Result<usize> {
    let mut fired = 0;
    loop {
        let batch = store.lease_due_timers("demo", now, 100).await?;
        if batch.is_empty() {
            return Ok(fired);
        }
        for timer in &batch {
            store.fire_timer(timer, "demo", timer.due_at).await?;
            fired += 1;
        }
    }
}

/// Answers most follow-up surveys a day or so after they were sent.
pub(crate) async fn answer_surveys(
    store: &Store,
    admin: &Actor,
    rng: &mut StdRng,
    now: Timestamp,
) -> Result<usize> {
    let filter = CaseFilter {
        limit: 10_000,
        ..CaseFilter::default()
    };
    let mut answered = 0;
    for case in store.list_cases(admin, &filter).await? {
        if !matches!(case.status, CaseStatus::Resolved | CaseStatus::Closed) {
            continue;
        }
        for survey in store.case_surveys(admin, case.id).await? {
            let at = survey.sent_at + SignedDuration::from_hours(rng.random_range(1..48));
            if survey.answered_at.is_some() || at >= now || !rng.random_bool(0.7) {
                continue;
            }
            let score = match rng.random_range(0..10) {
                0 => 2,
                1..=2 => 3,
                3..=5 => 4,
                _ => 5,
            };
            let token = store
                .sign_link(
                    accord_store::surveys::LINK_PURPOSE,
                    &survey.id.to_string(),
                    now + SignedDuration::from_hours(24),
                )
                .await?;
            let answer = SurveyAnswer {
                scores: [(survey.kind.as_str().to_owned(), score)].into(),
                comment: rng
                    .random_bool(0.4)
                    .then(|| comment(case.language, score >= 4).to_owned()),
            };
            let link = SurveyAnswerer::Link(&token);
            if let Ok(Ok(_)) = store.answer_survey(survey.id, link, &answer, at).await {
                answered += 1;
            }
        }
    }
    Ok(answered)
}
