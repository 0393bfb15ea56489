//! Whether a resolution explanation says something (PRODUCT.md D4). Resolving a complaint
//! needs three statements — why it happened, what is being done to fix it, why it will not
//! happen again — plus acknowledging the inconvenience and thanking the customer. The first
//! three must be about this customer's problem: a part made only of stock phrases ("sorry
//! for the inconvenience", "it was a technical issue", "it will not happen again") is
//! refused, and so is a part that repeats another.
//!
//! The stock phrases live in `data/boilerplate-{en,es,pt,lv}.txt`, in the syntax of the
//! manager phrases (case and accents ignored, `word*` for any ending, `..` for a gap). Every
//! list is applied to every text: agents mix languages as customers do.

use std::sync::LazyLock;

use crate::phrases::{Phrase, match_end, parse_list, words};

static BOILERPLATE: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    [
        include_str!("../data/boilerplate-en.txt"),
        include_str!("../data/boilerplate-es.txt"),
        include_str!("../data/boilerplate-pt.txt"),
        include_str!("../data/boilerplate-lv.txt"),
    ]
    .iter()
    .flat_map(|list| parse_list(list))
    .collect()
});

/// Words a statement needs beyond stock phrases and short function words.
pub const MIN_CONTENT_WORDS: usize = 3;

/// The parts of a resolution explanation, as the agent wrote them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation<'a> {
    /// Why it happened.
    pub cause: &'a str,
    /// What is being done to fix it.
    pub fix: &'a str,
    /// Why it will not happen again.
    pub prevention: &'a str,
    /// Acknowledging the inconvenience.
    pub apology: &'a str,
    /// Thanking the customer.
    pub thanks: &'a str,
}

/// What is wrong with one part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing written.
    Empty,
    /// Only stock phrases: it says nothing about this problem.
    Boilerplate,
    /// The same as an earlier part.
    Repeats(&'static str),
}

/// The words of `text` that carry content: not inside a stock phrase, and longer than three
/// letters (or a number), so "we", "the", "de", "ar" and "un" do not count.
pub fn content_words(text: &str) -> usize {
    let words = words(text);
    let mut covered = vec![false; words.len()];
    // Phrases may overlap ("hubo un problema" and "un problema técnico"): a word inside
    // any of them is stock.
    for phrase in BOILERPLATE.iter() {
        for start in 0..words.len() {
            if let Some(end) = match_end(&words, start, phrase) {
                covered[start..end].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    words
        .iter()
        .zip(&covered)
        .filter(|(w, covered)| {
            !**covered && (w.chars().count() > 3 || w.chars().all(|c| c.is_ascii_digit()))
        })
        .count()
}

/// Every problem of an explanation, by part (`cause`, `fix`, `prevention`, `apology`,
/// `thanks`); empty when it can be sent.
pub fn check(e: &Explanation<'_>) -> Vec<(&'static str, Problem)> {
    let mut problems = Vec::new();
    let statements = [
        ("cause", e.cause),
        ("fix", e.fix),
        ("prevention", e.prevention),
    ];
    for (i, (part, text)) in statements.iter().enumerate() {
        if text.trim().is_empty() {
            problems.push((*part, Problem::Empty));
        } else if content_words(text) < MIN_CONTENT_WORDS {
            problems.push((*part, Problem::Boilerplate));
        } else if let Some((earlier, _)) = statements[..i]
            .iter()
            .find(|(_, other)| words(other) == words(text))
        {
            problems.push((*part, Problem::Repeats(earlier)));
        }
    }
    // The courtesies may be stock phrases — "sorry for the trouble" is the point — but not
    // missing.
    for (part, text) in [("apology", e.apology), ("thanks", e.thanks)] {
        if text.trim().is_empty() {
            problems.push((part, Problem::Empty));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explanation<'a>(cause: &'a str, fix: &'a str, prevention: &'a str) -> Explanation<'a> {
        Explanation {
            cause,
            fix,
            prevention,
            apology: "Sorry for the trouble this caused.",
            thanks: "Thank you for telling us.",
        }
    }

    #[test]
    fn a_real_explanation_passes_in_each_language() {
        for e in [
            explanation(
                "The courier scanned your parcel at the wrong depot in Porto.",
                "A new parcel left our warehouse this morning by express.",
                "Parcels for your area now go through the Lisbon depot, checked twice.",
            ),
            explanation(
                "La factura se generó con la tarifa antigua de 2025.",
                "Hemos emitido una factura rectificativa con la tarifa correcta.",
                "El sistema de facturación ya carga las tarifas nuevas cada enero.",
            ),
            explanation(
                "O técnico levou a peça errada porque a encomenda tinha o modelo trocado.",
                "Enviámos a peça certa e o técnico volta amanhã de manhã.",
                "As encomendas passam agora a ser conferidas com o número de série.",
            ),
            explanation(
                "Rēķinā bija iekļauts dubults maksājums par oktobra abonementu.",
                "Pārmaksātā summa tiks atmaksāta jūsu kontā piecu darba dienu laikā.",
                "Abonementu maksājumi tagad tiek pārbaudīti pirms rēķina nosūtīšanas.",
            ),
        ] {
            assert_eq!(check(&e), [], "{e:?}");
        }
    }

    #[test]
    fn empty_and_stock_statements_are_refused_with_their_part() {
        let e = explanation(
            "There was a technical issue.",
            "",
            "It will not happen again. Sorry!",
        );
        assert_eq!(
            check(&e),
            [
                ("cause", Problem::Boilerplate),
                ("fix", Problem::Empty),
                ("prevention", Problem::Boilerplate)
            ]
        );
        for stock in [
            "Lo sentimos, hubo un problema técnico.",
            "Pedimos desculpa pelo incómodo, já está resolvido.",
            "Atvainojamies par sagadītajām neērtībām, tehniska kļūda.",
            "n/a",
            "...",
        ] {
            assert_eq!(
                check(&explanation(stock, "x", "y"))[0],
                ("cause", Problem::Boilerplate),
                "{stock}"
            );
        }
    }

    #[test]
    fn a_statement_that_repeats_another_is_refused_and_courtesies_must_be_there() {
        let same = "The courier lost the parcel in the Porto depot.";
        let mut e = explanation(same, "We send a new parcel by express today.", same);
        assert_eq!(check(&e), [("prevention", Problem::Repeats("cause"))]);
        e.prevention = "Porto parcels are now scanned at both ends of the route.";
        e.apology = " ";
        e.thanks = "";
        assert_eq!(
            check(&e),
            [("apology", Problem::Empty), ("thanks", Problem::Empty)]
        );
    }

    #[test]
    fn stock_phrases_are_recognised_without_accents_or_case() {
        assert_eq!(content_words("LO SENTIMOS, HUBO UN PROBLEMA TECNICO"), 0);
        assert_eq!(content_words("paldies par pacietibu"), 0);
        assert_eq!(content_words("Sorry: the 3 pallets went to Riga"), 4);
    }
}
