//! The identity of a message across deliveries. Only one message delivered twice may be
//! merged, so the key covers the whole message — headers and body — except what the
//! delivery itself adds: the trace headers an MTA writes on the way (`Received`,
//! `Return-Path`, `Delivered-To`, …), a leading mbox `From ` line, and the line ends (SMTP
//! carries CRLF, a pipe from the MTA usually LF). The same message by SMTP, LMTP, IMAP or
//! the pipe command therefore gets the same key; two messages that differ in any other byte
//! get two keys, with or without a Message-ID.

use sha2::{Digest, Sha256};

/// Header fields added in transit, left out of the key (compared without case).
const TRACE_FIELDS: [&str; 10] = [
    "received",
    "return-path",
    "delivered-to",
    "x-original-to",
    "x-received",
    "received-spf",
    "authentication-results",
    "arc-seal",
    "arc-message-signature",
    "arc-authentication-results",
];

/// The message's Message-ID (without brackets) and its de-duplication key.
pub fn dedupe_key(raw: &[u8]) -> (Option<String>, String) {
    let text = normalized_line_ends(raw);
    let text = without_mbox_line(&text);
    let (headers, body) = split_headers(text);
    let mut hasher = Sha256::new();
    let mut message_id = None;
    for field in fields(headers) {
        let name = field_name(field);
        if TRACE_FIELDS.iter().any(|t| name.eq_ignore_ascii_case(t)) {
            continue;
        }
        if message_id.is_none() && name.eq_ignore_ascii_case("message-id") {
            let colon = field.iter().position(|b| *b == b':').unwrap_or(0);
            message_id = clean_message_id(&field[colon + 1..]);
        }
        hasher.update(field);
    }
    hasher.update(b"\0");
    // A relay may add a line end at the very end; nothing else in the body is changed.
    let end = body.iter().rposition(|b| *b != b'\n').map_or(0, |p| p + 1);
    hasher.update(&body[..end]);
    (message_id, hex(&hasher.finalize()))
}

fn normalized_line_ends(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut bytes = raw.iter().peekable();
    while let Some(&b) = bytes.next() {
        if b == b'\r' && bytes.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(b);
    }
    out
}

fn without_mbox_line(text: &[u8]) -> &[u8] {
    if text.starts_with(b"From ") {
        let end = text
            .iter()
            .position(|b| *b == b'\n')
            .map_or(text.len(), |p| p + 1);
        return &text[end..];
    }
    text
}

/// The header section (each line with its LF) and the body after the blank line. Without a
/// header field on the first line, it is all body.
fn split_headers(text: &[u8]) -> (&[u8], &[u8]) {
    let first = text.split(|b| *b == b'\n').next().unwrap_or_default();
    let is_field = first
        .iter()
        .position(|b| *b == b':')
        .is_some_and(|colon| colon > 0 && first[..colon].iter().all(u8::is_ascii_graphic));
    if !is_field {
        return (&[], text);
    }
    match find(text, b"\n\n") {
        Some(at) => (&text[..=at], &text[at + 2..]),
        None => (text, &[]),
    }
}

/// Each header field with its continuation lines.
fn fields(headers: &[u8]) -> Vec<&[u8]> {
    let mut fields = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in headers.split_inclusive(|b| *b == b'\n') {
        if at > start && !line.starts_with(b" ") && !line.starts_with(b"\t") {
            fields.push(&headers[start..at]);
            start = at;
        }
        at += line.len();
    }
    if at > start {
        fields.push(&headers[start..at]);
    }
    fields
}

fn field_name(field: &[u8]) -> &str {
    let end = field.iter().position(|b| *b == b':').unwrap_or(0);
    std::str::from_utf8(&field[..end])
        .unwrap_or_default()
        .trim_end()
}

/// The id between its brackets; control characters (a NUL cannot be stored) and an empty id
/// count as none.
fn clean_message_id(value: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(value);
    let id: String = text
        .trim()
        .trim_start_matches('<')
        .split('>')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .take(500)
        .collect();
    (!id.is_empty()).then_some(id)
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

    fn key(raw: &str) -> String {
        dedupe_key(raw.as_bytes()).1
    }

    #[test]
    fn a_redelivery_with_trace_headers_line_ends_or_an_mbox_line_is_the_same_message() {
        let (id, original) = dedupe_key(MAIL.as_bytes());
        assert_eq!(id.as_deref(), Some("a1@cliente.pt"));
        let relayed = [
            format!("Received: from mx2.example by mx1.example\r\n\tfor <s@x>; Mon\r\n{MAIL}"),
            MAIL.replace("\r\n", "\n"),
            format!(
                "From MAILER-DAEMON Mon Nov 23 10:00:00 2026\n{}",
                MAIL.replace("\r\n", "\n")
            ),
            format!(
                "Return-Path: <ana@cliente.pt>\r\nDelivered-To: s@x\r\nX-Original-To: s@x\r\n{MAIL}"
            ),
            MAIL.replace(
                "Subject: Olá\r\n",
                "Subject: Olá\r\nAuthentication-Results: mx; spf=pass\r\n",
            ),
            format!("{MAIL}\r\n"),
        ];
        for other in relayed {
            assert_eq!(key(&other), original, "{other:?}");
        }
    }

    #[test]
    fn messages_that_differ_anywhere_else_are_two_messages_with_or_without_a_message_id() {
        let without_id = MAIL.replace("Message-ID: <a1@cliente.pt>\r\n", "");
        let no_blank_line = "From: a@x.lv\nDate: Mon, 23 Nov 2026 10:00:00 +0200\nSubject: Paldies\nContent-Type: text/plain\n";
        for base in [MAIL.to_owned(), without_id, no_blank_line.to_owned()] {
            let original = key(&base);
            let others = [
                base.replace("não chegou", "chegou partida"),
                base.replace("a1@", "a2@"),
                base.replace("Content-Type: text/plain", "Content-Type: image/gif"),
                base.replace("Subject:", "Cc: b@cliente.pt\r\nSubject:"),
                base.replace("10:00:00", "10:05:00"),
                format!("{base}second part\r\n"),
            ];
            for other in others.into_iter().filter(|o| *o != base) {
                assert_ne!(key(&other), original, "{other:?} merged with {base:?}");
            }
        }
    }

    #[test]
    fn a_message_id_with_control_characters_is_stored_without_them() {
        let (id, _) = dedupe_key(b"Message-ID: <a\0b@x>\r\nFrom: a@x\r\n\r\nx\r\n");
        assert_eq!(id.as_deref(), Some("ab@x"));
        let (id, _) = dedupe_key(b"Message-ID: <\0>\r\nFrom: a@x\r\n\r\nx\r\n");
        assert_eq!(id, None);
    }
}
