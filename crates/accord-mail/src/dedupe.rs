//! The identity of a message across deliveries: an MTA that retries (or two MX hosts that
//! both deliver) adds its own `Received:` lines, so the key is the Message-ID with a hash of
//! the body, never of the whole bytes.

use mail_parser::MessageParser;
use sha2::{Digest, Sha256};

/// The message's Message-ID (without brackets) and its de-duplication key.
pub fn dedupe_key(raw: &[u8]) -> (Option<String>, String) {
    let headers = MessageParser::new().parse_headers(raw);
    let message_id = headers
        .as_ref()
        .and_then(|m| m.message_id())
        .map(|id| id.trim().trim_matches(['<', '>']).to_owned())
        .filter(|id| !id.is_empty());
    let mut hasher = Sha256::new();
    match &message_id {
        Some(id) => hasher.update(id.as_bytes()),
        // Without a Message-ID, the sender, date and subject stand in for it.
        None => {
            if let Some(m) = &headers {
                for name in ["From", "Date", "Subject"] {
                    hasher.update(m.header_raw(name).unwrap_or_default().trim().as_bytes());
                    hasher.update(b"\n");
                }
            }
        }
    }
    hasher.update(b"\0");
    hasher.update(normalized_body(raw));
    let key = hex(&hasher.finalize());
    (message_id, key)
}

/// The body after the blank line, with line endings and trailing space made uniform
/// (relays may rewrite both).
fn normalized_body(raw: &[u8]) -> Vec<u8> {
    let start = find(raw, b"\r\n\r\n")
        .map(|at| at + 4)
        .or_else(|| find(raw, b"\n\n").map(|at| at + 2))
        .unwrap_or(raw.len());
    let body = &raw[start..];
    let mut out = Vec::with_capacity(body.len());
    for line in body.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let end = line
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |p| p + 1);
        out.extend_from_slice(&line[..end]);
        out.push(b'\n');
    }
    while out.last() == Some(&b'\n') {
        out.pop();
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIL: &str = "Message-ID: <a1@cliente.pt>\r\nFrom: ana@cliente.pt\r\nSubject: Olá\r\n\r\nBom dia,\r\na encomenda não chegou.\r\n";

    #[test]
    fn a_redelivery_with_other_received_lines_and_line_endings_is_the_same_message() {
        let (id, key) = dedupe_key(MAIL.as_bytes());
        assert_eq!(id.as_deref(), Some("a1@cliente.pt"));
        let relayed = format!(
            "Received: from mx2.example by mx1.example\r\n{}",
            MAIL.replace("\r\n", "\n")
        );
        assert_eq!(dedupe_key(relayed.as_bytes()).1, key);
    }

    #[test]
    fn another_body_or_another_id_is_another_message() {
        let (_, key) = dedupe_key(MAIL.as_bytes());
        let other_body = MAIL.replace("não chegou", "chegou partida");
        assert_ne!(dedupe_key(other_body.as_bytes()).1, key);
        let other_id = MAIL.replace("a1@", "a2@");
        assert_ne!(dedupe_key(other_id.as_bytes()).1, key);
    }

    #[test]
    fn without_a_message_id_sender_date_and_subject_tell_messages_apart() {
        let one = "From: a@x.lv\r\nDate: Mon, 23 Nov 2026 10:00:00 +0200\r\nSubject: Paldies\r\n\r\nPaldies!\r\n";
        let two = one.replace("10:00:00", "10:05:00");
        assert_eq!(dedupe_key(one.as_bytes()).0, None);
        assert_ne!(dedupe_key(one.as_bytes()).1, dedupe_key(two.as_bytes()).1);
        assert_eq!(dedupe_key(one.as_bytes()).1, dedupe_key(one.as_bytes()).1);
    }
}
