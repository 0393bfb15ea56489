//! Recognising requests in a customer's words: whether a message asks for a manager
//! (PRODUCT.md C2, the `asks_for_manager` escalation trigger).
//!
//! The phrases live in `data/manager-{en,es,pt,lv}.txt`, one per line. Matching ignores case
//! and accents (customers often type "vaditaju" for "vadītāju" or "atencion" for
//! "atención"); a word ending in `*` matches any ending, so one line covers the inflected
//! forms Latvian and Portuguese need; `..` allows up to three other words in between. Every
//! language's list is tried on every message, because customers do not always write in the
//! language their case is in.

use std::sync::LazyLock;

/// Most words a `..` gap may stand for.
const GAP: usize = 3;

#[derive(Debug, PartialEq)]
pub(crate) enum Token {
    Word(String),
    Prefix(String),
    Gap,
}

impl Token {
    fn matches(&self, word: &str) -> bool {
        match self {
            Token::Word(w) => w == word,
            Token::Prefix(p) => word.starts_with(p.as_str()),
            Token::Gap => true,
        }
    }
}

pub(crate) type Phrase = Vec<Token>;

static MANAGER: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    [
        include_str!("../data/manager-en.txt"),
        include_str!("../data/manager-es.txt"),
        include_str!("../data/manager-pt.txt"),
        include_str!("../data/manager-lv.txt"),
    ]
    .iter()
    .flat_map(|list| parse_list(list))
    .collect()
});

/// Phrases that accept an agreement, and the negations that undo them (`!` lines).
static ACCEPT: LazyLock<(Vec<Phrase>, Vec<String>)> = LazyLock::new(|| {
    let lists = [
        include_str!("../data/accept-en.txt"),
        include_str!("../data/accept-es.txt"),
        include_str!("../data/accept-pt.txt"),
        include_str!("../data/accept-lv.txt"),
    ];
    let negations = lists
        .iter()
        .flat_map(|list| list.lines())
        .filter_map(|line| line.trim().strip_prefix('!'))
        .map(|word| fold(word.trim()))
        .collect();
    let phrases = lists
        .iter()
        .map(|list| {
            list.lines()
                .filter(|line| !line.trim().starts_with('!'))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .flat_map(|list| parse_list(&list))
        .collect();
    (phrases, negations)
});

/// Whether a customer's email reply accepts the agreement it answers (PRODUCT.md D2): its
/// first line, above the quoted email, says so ("Aceito.", "Piekrītu, paldies") with no
/// negation in it ("No acepto").
pub fn accepts_agreement(reply: &str) -> bool {
    let Some(first) = reply
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('>'))
    else {
        return false;
    };
    // Multi-word negations ("don t") are matched as their words.
    let words = words(first);
    let (phrases, negations) = &*ACCEPT;
    let negated = negations.iter().any(|n| {
        let parts: Vec<&str> = n.split_whitespace().collect();
        words
            .windows(parts.len().max(1))
            .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
    });
    !negated && phrases.iter().any(|p| contains(&words, p))
}

/// Whether a customer's message asks to speak to a manager, supervisor or someone in charge.
pub fn asks_for_manager(message: &str) -> bool {
    let words = words(message);
    MANAGER.iter().any(|phrase| contains(&words, phrase))
}

pub(crate) fn parse_list(list: &str) -> Vec<Phrase> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            line.split_whitespace()
                .map(|token| match token {
                    ".." => Token::Gap,
                    t => match t.strip_suffix('*') {
                        Some(prefix) => Token::Prefix(fold(prefix)),
                        None => Token::Word(fold(t)),
                    },
                })
                .collect()
        })
        .collect()
}

/// The words of a text, lower case and without accents.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

fn contains(words: &[String], phrase: &[Token]) -> bool {
    (0..words.len()).any(|start| match_end(words, start, phrase).is_some())
}

/// Where `phrase` ends if it matches the words from `start` on (the shortest match).
pub(crate) fn match_end(words: &[String], start: usize, phrase: &[Token]) -> Option<usize> {
    match phrase.split_first() {
        None => Some(start),
        Some((Token::Gap, rest)) => (0..=GAP)
            .filter(|skip| start + skip <= words.len())
            .find_map(|skip| match_end(words, start + skip, rest)),
        Some((token, rest)) => {
            if words.get(start).is_some_and(|w| token.matches(w)) {
                match_end(words, start + 1, rest)
            } else {
                None
            }
        }
    }
}

/// Lower case with the accents of Spanish, Portuguese and Latvian letters removed.
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ā' => 'a',
            'é' | 'ê' | 'ē' => 'e',
            'í' | 'ī' => 'i',
            'ó' | 'ô' | 'õ' => 'o',
            'ú' | 'ü' | 'ū' => 'u',
            'ç' | 'č' => 'c',
            'ñ' | 'ņ' => 'n',
            'ģ' => 'g',
            'ķ' => 'k',
            'ļ' => 'l',
            'š' => 's',
            'ž' => 'z',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_reply_accepts_an_agreement_only_when_its_first_line_says_so() {
        for yes in [
            "I accept.\n\n> Our agreement on case 1042...",
            "Aceito, obrigado!",
            "Acepto el acuerdo.",
            "De acuerdo, adelante.",
            "Piekrītu, paldies.",
            "pienemu", // typed without diacritics
            "\n\nYes, I accept the agreement.",
        ] {
            assert!(accepts_agreement(yes), "not recognised: {yes}");
        }
        for no in [
            "I do not accept this.",
            "I don't accept: the deadline is too late.",
            "No acepto.",
            "Não aceito, o prazo é longo demais.",
            "Nepiekrītu.",
            "Ne, nepieņemu.",
            "Can we talk first?\nI accept only if the deadline is earlier.",
            "> I accept",
            "",
        ] {
            assert!(!accepts_agreement(no), "taken as acceptance: {no}");
        }
    }

    #[test]
    fn customers_asking_for_a_manager_are_recognised_in_each_language() {
        for message in [
            "This is the third time I write. I want to speak to your manager.",
            "Can I talk to a supervisor please?",
            "Please escalate this, nobody answers.",
            "Put me through to the duty manager now",
            "Quiero hablar con el responsable del servicio.",
            "Por favor, páseme con un supervisor.",
            "Exijo hablar con su jefe",
            "Quero falar com o gerente, por favor.",
            "Gostaria de falar com o responsável pela loja.",
            "Vēlos runāt ar jūsu vadītāju.",
            "Lūdzu, savienojiet mani ar vadītāju!",
            "velos runat ar vaditaju", // typed without diacritics
            "GRIBU RUNĀT AR PRIEKŠNIEKU",
        ] {
            assert!(asks_for_manager(message), "not recognised: {message}");
        }
    }

    #[test]
    fn ordinary_messages_are_not_taken_for_a_request_for_a_manager() {
        for message in [
            "My account manager said the invoice would be corrected.",
            "The manager app does not start after the update.",
            "Thanks, that solved it!",
            "El gerente de mi empresa aprobó el pedido ayer.",
            "Gracias por la respuesta rápida.",
            "O pedido chegou incompleto, faltam duas peças.",
            "Rēķins joprojām nav izlabots.",
            "Paldies par palīdzību, viss strādā.",
            "",
        ] {
            assert!(!asks_for_manager(message), "wrongly recognised: {message}");
        }
    }

    #[test]
    fn a_gap_stands_for_at_most_three_words() {
        assert!(asks_for_manager("speak with your duty manager"));
        assert!(!asks_for_manager(
            "we could speak about it later with the new office manager"
        ));
    }

    #[test]
    fn every_phrase_list_parses_into_phrases_that_start_and_end_with_a_word() {
        assert!(MANAGER.len() >= 40);
        for phrase in MANAGER.iter() {
            assert!(!matches!(phrase.first(), Some(Token::Gap) | None));
            assert!(!matches!(phrase.last(), Some(Token::Gap) | None));
        }
    }
}
