//! Asking customers what they think (PRODUCT.md E1, D6): the kinds of question, which
//! answers are negative (a negative follow-up answer reopens the case), and how often one
//! contact may be asked.

use jiff::{SignedDuration, Timestamp};

use crate::case::string_enum;

string_enum!(
    /// `csat`: satisfaction, 1 (very unsatisfied) to 5 (very satisfied). `nps`: how likely
    /// to recommend us, 0 to 10. `ces`: "it was easy to get my problem solved", 1 (strongly
    /// disagree) to 7 (strongly agree). `custom`: a question set of the policy's own, scored
    /// 1 to 5 (such as "how does this policy affect your business?").
    SurveyKind {
        Csat = "csat",
        Nps = "nps",
        Ces = "ces",
        Custom = "custom",
    }
);

impl SurveyKind {
    /// The lowest and highest score an answer may give.
    pub fn scale(self) -> (i64, i64) {
        match self {
            SurveyKind::Csat | SurveyKind::Custom => (1, 5),
            SurveyKind::Nps => (0, 10),
            SurveyKind::Ces => (1, 7),
        }
    }

    pub fn accepts(self, score: i64) -> bool {
        let (low, high) = self.scale();
        (low..=high).contains(&score)
    }

    /// Whether an answer says the customer is not satisfied: CSAT and custom 1–2, NPS 0–6
    /// (a detractor), CES 1–3. A negative follow-up reopens the case.
    pub fn is_negative(self, score: i64) -> bool {
        match self {
            SurveyKind::Csat | SurveyKind::Custom => score <= 2,
            SurveyKind::Nps => score <= 6,
            SurveyKind::Ces => score <= 3,
        }
    }
}

impl SurveyKind {
    /// Whether an answer is positive: CSAT and custom 4–5, NPS 9–10 (a promoter), CES 5–7.
    /// Results report the share of positive answers (for NPS, less the share of negative
    /// ones: the net promoter score).
    pub fn is_positive(self, score: i64) -> bool {
        match self {
            SurveyKind::Csat | SurveyKind::Custom => score >= 4,
            SurveyKind::Nps => score >= 9,
            SurveyKind::Ces => score >= 5,
        }
    }
}

/// Whether a contact last asked at `last` may be asked again at `now`: nobody is asked more
/// often than once per `gap`, however many of their cases are followed up.
pub fn may_ask(last: Option<Timestamp>, now: Timestamp, gap: SignedDuration) -> bool {
    match last {
        None => true,
        Some(last) => now.duration_since(last) >= gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_and_negative_answers_per_kind() {
        assert!(SurveyKind::Csat.accepts(1) && SurveyKind::Csat.accepts(5));
        assert!(!SurveyKind::Csat.accepts(0) && !SurveyKind::Csat.accepts(6));
        assert!(SurveyKind::Nps.accepts(0) && !SurveyKind::Nps.accepts(11));
        assert!(SurveyKind::Csat.is_negative(2) && !SurveyKind::Csat.is_negative(3));
        assert!(SurveyKind::Nps.is_negative(6) && !SurveyKind::Nps.is_negative(7));
        assert!(SurveyKind::Ces.is_negative(3) && !SurveyKind::Ces.is_negative(4));
        for kind in [
            SurveyKind::Csat,
            SurveyKind::Nps,
            SurveyKind::Ces,
            SurveyKind::Custom,
        ] {
            let (low, high) = kind.scale();
            assert!(kind.is_negative(low) && !kind.is_negative(high), "{kind}");
            assert!(kind.is_positive(high) && !kind.is_positive(low), "{kind}");
            for score in low..=high {
                assert!(
                    !(kind.is_positive(score) && kind.is_negative(score)),
                    "{kind} {score}"
                );
            }
        }
    }

    #[test]
    fn a_contact_is_asked_at_most_once_per_gap() {
        let t: Timestamp = "2026-12-02T10:00:00Z".parse().unwrap_or_default();
        let week = SignedDuration::from_hours(24 * 7);
        assert!(may_ask(None, t, week));
        assert!(!may_ask(Some(t), t + SignedDuration::from_hours(24), week));
        assert!(may_ask(Some(t), t + week, week));
    }
}
