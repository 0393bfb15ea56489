//! Sender and recipient addresses. A header that names two addresses where it should name
//! one (`From: A <a@x> B <b@x>`) must not become one glued-together address: the first
//! valid address is taken, and the message notes it.

use accord_core::mail::Mailbox;
use mail_parser::Address;

use super::Note;

/// Whether `email` is one address: a local part and a domain, nothing between them that
/// an address cannot hold.
pub(super) fn is_valid_address(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\@".contains(c);
    !local.is_empty()
        && !domain.is_empty()
        && !local.chars().any(bad)
        && !domain.chars().any(bad)
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && !domain.contains("..")
}

fn to_mailbox(addr: &mail_parser::Addr<'_>) -> Option<Mailbox> {
    let email = addr.address()?.trim().to_lowercase();
    if !is_valid_address(&email) {
        return None;
    }
    let name = addr
        .name()
        .map(|n| n.trim().trim_matches('"').trim().to_owned())
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&email));
    Some(Mailbox { email, name })
}

/// The first valid address of a sender header. When the parser's reading is not one valid
/// address, the raw header is searched for the first `<address>` (then bare address).
pub(super) fn first_mailbox(
    address: Option<&Address<'_>>,
    raw_header: Option<&str>,
    notes: &mut Vec<Note>,
) -> Option<Mailbox> {
    let parsed = address
        .map(|a| a.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    let glued = parsed
        .iter()
        .any(|a| a.address().is_some_and(|e| !is_valid_address(e.trim())));
    if let Some(mailbox) = parsed.iter().find_map(|a| to_mailbox(a))
        && !glued
    {
        return Some(mailbox);
    }
    let raw = raw_header?;
    let found = first_in_text(raw)?;
    notes.push(Note::new("sender-several-addresses", raw.trim()));
    Some(found)
}

/// The first address in a header's text: inside angle brackets first, then a bare one;
/// the words before the first bracket are its name.
fn first_in_text(raw: &str) -> Option<Mailbox> {
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            break;
        };
        let email = after[..close].trim().to_lowercase();
        if is_valid_address(&email) {
            let name = rest[..open].trim().trim_matches('"').trim();
            let name = (!name.is_empty() && rest.len() == raw.len()).then(|| name.to_owned());
            return Some(Mailbox { email, name });
        }
        rest = &after[close + 1..];
    }
    raw.split(|c: char| c.is_whitespace() || "<>,;\"()".contains(c))
        .map(str::to_lowercase)
        .find(|word| is_valid_address(word))
        .map(|email| Mailbox { email, name: None })
}

pub(super) fn all_mailboxes(address: Option<&Address<'_>>) -> Vec<Mailbox> {
    address
        .map(|a| a.iter().filter_map(to_mailbox).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_one_local_part_and_one_domain() {
        for good in [
            "a@x.pt",
            "beatriz.santos+nota@padaria-lusitana.pt",
            "ilze@acme.lv",
            "x@y",
        ] {
            assert!(is_valid_address(good), "{good}");
        }
        for bad in [
            "a@x> B <b@x",
            "a@x b@y",
            "a@@x",
            "@x",
            "a@",
            "a<b>@x",
            "a@x..pt",
            "a@-x.pt",
            "ab",
            "a@x,b@y",
        ] {
            assert!(!is_valid_address(bad), "{bad}");
        }
    }

    #[test]
    fn the_first_valid_address_of_a_header_is_found_in_its_text() {
        let cases = [
            ("A <a@x.pt> B <b@x.pt>", "a@x.pt", Some("A")),
            (
                "\"Ana\" <ana@x.pt>, Bruno <bruno@x.pt>",
                "ana@x.pt",
                Some("Ana"),
            ),
            ("<broken> Ana <ana@x.pt>", "ana@x.pt", None),
            ("ana@x.pt bruno@x.pt", "ana@x.pt", None),
            ("Ana <ANA@X.PT", "ana@x.pt", None),
        ];
        for (raw, email, name) in cases {
            let found = first_in_text(raw).unwrap_or_else(|| panic!("{raw}"));
            assert_eq!(found.email, email, "{raw}");
            assert_eq!(found.name.as_deref(), name, "{raw}");
        }
        assert_eq!(first_in_text("Ana <ana at x>"), None);
    }
}
