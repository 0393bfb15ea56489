//! How a reply finds its case without headers: a tag in the subject such as
//! `[#1042-k3f9q2ab]`, or the same tag after a `+` in the address it was sent to
//! (`support+1042-k3f9q2ab@example.com`). The number alone would let anyone write into any
//! case; the token, taken from the random bits of the case's id, makes the tag unguessable.

use crate::ids::CaseId;

const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
const TOKEN_LEN: usize = 8;

/// The case's reply token: 40 random bits of its id in 8 letters and digits that cannot
/// be mistaken for one another (no l, o, 0, 1).
pub fn reply_token(case: CaseId) -> String {
    let bytes = case.0.as_bytes();
    // UUIDv7: bytes 10..16 are random (62 random bits in all after the variant).
    let mut bits: u64 = 0;
    for b in &bytes[11..16] {
        bits = (bits << 8) | u64::from(*b);
    }
    (0..TOKEN_LEN)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// The tag written into the subject of every message about a case.
pub fn subject_tag(number: i64, case: CaseId) -> String {
    format!("[#{number}-{}]", reply_token(case))
}

/// A case number and token read back from a subject or an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyTag {
    pub number: i64,
    pub token: String,
}

impl ReplyTag {
    /// Whether this tag belongs to the case.
    pub fn is_of(&self, number: i64, case: CaseId) -> bool {
        self.number == number && self.token == reply_token(case)
    }

    /// The last tag in a subject (a forwarded thread may carry older ones first).
    pub fn in_subject(subject: &str) -> Option<ReplyTag> {
        let mut found = None;
        let mut rest = subject;
        while let Some(start) = rest.find("[#") {
            let after = &rest[start + 2..];
            if let Some(end) = after.find(']')
                && let Some(tag) = parse_tag(&after[..end])
            {
                found = Some(tag);
            }
            rest = after;
        }
        found
    }

    /// The tag after `+` in the local part of an address.
    pub fn in_address(address: &str) -> Option<ReplyTag> {
        let local = address.split('@').next()?;
        let (_, tag) = local.split_once('+')?;
        parse_tag(tag)
    }
}

fn parse_tag(text: &str) -> Option<ReplyTag> {
    let (number, token) = text.trim().split_once('-')?;
    let number: i64 = number.parse().ok()?;
    let token = token.to_ascii_lowercase();
    let valid = token.len() == TOKEN_LEN && token.bytes().all(|b| ALPHABET.contains(&b));
    (number > 0 && valid).then_some(ReplyTag { number, token })
}

/// Prefixes that mail clients put before a subject when replying or forwarding, in the
/// four languages and the common others: "Re:", "Fwd:", "RE:", "Aw:", "Res:", "Enc:", "RV:", "Atb.:", "Pārs.:".
const PREFIXES: &[&str] = &[
    "re", "fw", "fwd", "aw", "wg", "res", "enc", "rv", "tr", "sv", "vs", "atb", "atb.", "pārs",
    "pārs.", "pars", "antw", "r",
];

/// A subject without reply prefixes, case tags and surrounding space, in lower case: two
/// messages of one conversation have the same normalized subject.
pub fn normalize_subject(subject: &str) -> String {
    let mut text = subject.trim().to_string();
    // Tags first: they may sit between prefixes.
    while let Some(start) = text.find("[#") {
        match text[start..].find(']') {
            Some(end) => text.replace_range(start..start + end + 1, ""),
            None => break,
        }
    }
    let mut rest = text.trim();
    while let Some((head, tail)) = rest.split_once(':') {
        // "Re[2]:" and "Re (2):" count too.
        let word = head.trim().trim_end_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '[' | ']' | '(' | ')' | ' ')
        });
        if PREFIXES.contains(&word.to_lowercase().as_str()) {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    rest.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Subjects that mail clients and gateways put where the writer gave none: they say nothing
/// about the matter, so two messages that share one are not the same conversation.
const PLACEHOLDER_SUBJECTS: [&str; 16] = [
    "no subject",
    "subject unavailable",
    "encrypted message",
    "encrypted",
    "untitled",
    "none",
    "null",
    "sin asunto",
    "sin título",
    "sem assunto",
    "sem título",
    "bez temata",
    "bez nosaukuma",
    "kein betreff",
    "sans objet",
    "senza oggetto",
];

/// Whether a subject, once normalized ([`normalize_subject`]), tells nothing about the
/// matter: empty, only punctuation ("...", "???"), or a client's placeholder ("(no
/// subject)", "Subject Unavailable", "Encrypted message", "(sem assunto)").
pub fn is_placeholder_subject(normalized: &str) -> bool {
    if !normalized.chars().any(char::is_alphanumeric) {
        return true;
    }
    let bare = normalized
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    PLACEHOLDER_SUBJECTS.contains(&bare.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn placeholder_subjects_are_recognised_in_every_shape_and_real_ones_are_not() {
        for placeholder in [
            "",
            "...",
            "???",
            "-",
            "(no subject)",
            "[No Subject]",
            "Subject Unavailable",
            "Encrypted message",
            "Re: (no subject)",
            "Fwd: ...",
            "(sem assunto)",
            "Sin asunto",
            "(bez temata)",
            "Untitled",
            "  NO SUBJECT  ",
        ] {
            assert!(
                is_placeholder_subject(&normalize_subject(placeholder)),
                "{placeholder:?}"
            );
        }
        for real in [
            "Factura",
            "No subject line in my invoice",
            "Rēķins",
            "...e a farinha?",
            "ok",
        ] {
            assert!(
                !is_placeholder_subject(&normalize_subject(real)),
                "{real:?}"
            );
        }
    }

    #[test]
    fn a_tag_written_into_a_subject_is_read_back_as_the_same_case() {
        let case = CaseId::new();
        let subject = format!("Re: Broken drill {}", subject_tag(1042, case));
        let tag = ReplyTag::in_subject(&subject).expect("tag found");
        assert!(tag.is_of(1042, case));
        assert!(!tag.is_of(1043, case));
        assert!(!tag.is_of(1042, CaseId::new()));
    }

    #[test]
    fn a_tag_in_a_plus_address_is_read() {
        let case = CaseId::new();
        let address = format!("support+1042-{}@olmo.example", reply_token(case));
        assert!(
            ReplyTag::in_address(&address)
                .expect("tag")
                .is_of(1042, case)
        );
        assert_eq!(ReplyTag::in_address("support@olmo.example"), None);
        assert_eq!(ReplyTag::in_address("support+news@olmo.example"), None);
    }

    #[test]
    fn malformed_tags_are_not_tags() {
        for subject in [
            "[#1042]",
            "[#-abcdefgh]",
            "[#x-abcdefgh]",
            "[#12-abc]",
            "[#12-abcdefgl]",
            "[#12-abcdefgh",
            "[#0-abcdefgh]",
        ] {
            assert_eq!(ReplyTag::in_subject(subject), None, "{subject}");
        }
        assert_eq!(
            ReplyTag::in_subject("Fwd: [#5-abcdefgh] then [#7-bcdefghi]").map(|t| t.number),
            Some(7)
        );
    }

    #[test]
    fn reply_prefixes_in_many_languages_are_ignored() {
        let plain = normalize_subject("Broken drill");
        for subject in [
            "Re: Broken drill",
            "RE: RE: Broken   drill",
            "Fwd: Re: broken drill",
            "AW: Broken drill",
            "Res: Broken drill",
            "RV: Broken drill",
            "Enc: Broken drill",
            "Atb.: Broken drill",
            "Pārs.: Broken drill",
            "Re[2]: Broken drill",
            "Re: Broken drill [#12-abcdefgh]",
        ] {
            assert_eq!(normalize_subject(subject), plain, "{subject}");
        }
        assert_eq!(normalize_subject("Reminder: pay"), "reminder: pay");
        assert_eq!(normalize_subject(""), "");
    }

    proptest! {
        #[test]
        fn every_case_has_a_token_of_eight_unambiguous_characters(bytes in any::<[u8; 16]>()) {
            let token = reply_token(CaseId(uuid::Uuid::from_bytes(bytes)));
            prop_assert_eq!(token.len(), TOKEN_LEN);
            prop_assert!(token.bytes().all(|b| ALPHABET.contains(&b)));
        }

        #[test]
        fn normalizing_never_panics_and_is_idempotent(subject in "\\PC{0,60}") {
            let once = normalize_subject(&subject);
            prop_assert_eq!(normalize_subject(&once), once.clone());
        }
    }
}
