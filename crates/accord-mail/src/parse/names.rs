//! Attachment names as the sender's client wrote them, read from the raw header: RFC 2231
//! continuations (`filename*0*=UTF-8''…; filename*1*=….pdf`), RFC 2047 encoded words
//! folded over several lines, and plain quoted names folded at a space. mail-parser kept the
//! folding whitespace and dropped the last piece, so "…postępowaniu.pdf" lost its extension.

use mail_parser::{HeaderName, MessagePart};

/// The part's file name, from Content-Disposition's `filename` or else Content-Type's
/// `name`; `None` when neither is there.
pub(super) fn attachment_name(part: &MessagePart<'_>, raw: &[u8]) -> Option<String> {
    let header = |wanted: HeaderName<'static>| {
        part.headers
            .iter()
            .find(|h| h.name == wanted)
            .and_then(|h| raw.get(h.offset_start as usize..h.offset_end as usize))
            .map(String::from_utf8_lossy)
    };
    let disposition = header(HeaderName::ContentDisposition);
    let content_type = header(HeaderName::ContentType);
    [(disposition, "filename"), (content_type, "name")]
        .into_iter()
        .find_map(|(value, key)| name_parameter(&value?, key))
}

/// The value of parameter `key` in a header value (`type; key=value; …`), decoded.
pub(super) fn name_parameter(value: &str, key: &str) -> Option<String> {
    let params = parameters(&unfold(value));
    let mut pieces: Vec<(u32, bool, &str)> = Vec::new();
    let mut plain = None;
    for (name, value) in &params {
        let Some(rest) = name.strip_prefix(key) else {
            continue;
        };
        match rest {
            "" => plain = Some(value.as_str()),
            "*" => pieces.push((0, true, value)),
            _ => {
                let Some(rest) = rest.strip_prefix('*') else {
                    continue;
                };
                let (number, extended) = match rest.strip_suffix('*') {
                    Some(n) => (n, true),
                    None => (rest, false),
                };
                if let Ok(n) = number.parse::<u32>() {
                    pieces.push((n, extended, value));
                }
            }
        }
    }
    let name = if pieces.is_empty() {
        decode_encoded_words(plain?)
    } else {
        pieces.sort_by_key(|(n, _, _)| *n);
        continued(&pieces)
    };
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// RFC 2231: the pieces joined; extended pieces percent-encoded in the first one's charset.
fn continued(pieces: &[(u32, bool, &str)]) -> String {
    let mut charset = "utf-8";
    let mut bytes = Vec::new();
    for (index, (_, extended, value)) in pieces.iter().enumerate() {
        let mut value = *value;
        if *extended {
            if index == 0
                && let Some((cs, rest)) = value.split_once('\'')
                && let Some((_language, rest)) = rest.split_once('\'')
            {
                if !cs.is_empty() {
                    charset = cs;
                }
                value = rest;
            }
            bytes.extend(percent_decoded(value));
        } else {
            bytes.extend_from_slice(value.as_bytes());
        }
    }
    let encoding =
        encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    encoding.decode_without_bom_handling(&bytes).0.into_owned()
}

fn percent_decoded(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = value.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// RFC 5322 unfolding: a line end followed by a space or tab is the space or tab alone.
fn unfold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if c == '\n' {
            continue;
        }
        out.push(c);
    }
    out
}

/// `name=value` pairs after the first `;`, names lowercased, quoted strings unquoted.
fn parameters(value: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut chars = value.chars().peekable();
    // Skip the type itself (quoted parts of it too, though it has none).
    for c in chars.by_ref() {
        if c == ';' {
            break;
        }
    }
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == ';').is_some() {}
        let mut name = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && *c != ';') {
            name.push(c);
        }
        if chars.next_if_eq(&'=').is_none() {
            if chars.peek().is_none() {
                return params;
            }
            continue;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'"').is_some() {
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => value.extend(chars.next()),
                    _ => value.push(c),
                }
            }
            // Whatever follows the closing quote up to the next `;` is not the value.
            while chars.next_if(|c| *c != ';').is_some() {}
        } else {
            while let Some(c) = chars.next_if(|c| *c != ';') {
                value.push(c);
            }
            value = value.trim_end().to_owned();
        }
        params.push((name.trim().to_ascii_lowercase(), value));
        if chars.peek().is_none() {
            return params;
        }
    }
}

/// RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?ISO-8859-2?B?…?=`) decoded; the white
/// space between two adjacent encoded words (where the name was folded) goes.
pub(super) fn decode_encoded_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut pending_space = String::new();
    let mut after_word = false;
    while !rest.is_empty() {
        if let Some((decoded, len)) = encoded_word(rest) {
            if !after_word {
                out.push_str(&pending_space);
            }
            pending_space.clear();
            out.push_str(&decoded);
            rest = &rest[len..];
            after_word = true;
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            pending_space.push(c);
            continue;
        }
        out.push_str(&pending_space);
        pending_space.clear();
        out.push(c);
        after_word = false;
    }
    out.push_str(&pending_space);
    out
}

/// One encoded word at the start of `text`: its decoded text and its length.
fn encoded_word(text: &str) -> Option<(String, usize)> {
    let inner = text.strip_prefix("=?")?;
    let (charset, inner) = inner.split_once('?')?;
    let mut chars = inner.chars();
    let kind = chars.next()?.to_ascii_lowercase();
    let inner = chars.as_str().strip_prefix('?')?;
    let end = inner.find("?=")?;
    let payload = &inner[..end];
    if payload.contains(char::is_whitespace) {
        return None;
    }
    let bytes = match kind {
        'b' => {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD
                .decode(payload.trim_end_matches('='))
                .or_else(|_| {
                    base64::engine::general_purpose::STANDARD_NO_PAD
                        .decode(payload.trim_end_matches('='))
                })
                .ok()?
        }
        'q' => percent_decoded(&payload.replace('_', " ").replace('=', "%")),
        _ => return None,
    };
    // RFC 2231 allows a language after the charset: `UTF-8*pl`.
    let charset = charset.split('*').next().unwrap_or(charset);
    let encoding =
        encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let len = text.len() - inner.len() + end + 2;
    Some((
        encoding.decode_without_bom_handling(&bytes).0.into_owned(),
        len,
    ))
}

#[cfg(test)]
mod tests {
    use super::name_parameter;

    const NAME: &str = "Zawiadomienie o postępowaniu.pdf";

    #[test]
    fn folded_names_keep_every_piece_and_no_folding_whitespace() {
        let headers = [
            // RFC 2231 continuations, extended, one per line.
            "attachment;\r\n filename*0*=UTF-8''Zawiadomienie%20o%20post%C4%99;\r\n filename*1*=powaniu.pdf",
            // RFC 2231, the second piece not extended, numbered out of order.
            "attachment; filename*1=\"powaniu.pdf\";\r\n\tfilename*0*=utf-8'pl'Zawiadomienie%20o%20post%C4%99",
            // RFC 2047 words folded inside the quoted name.
            "attachment;\r\n\tfilename=\"=?UTF-8?Q?Zawiadomienie_o_post=C4=99?=\r\n =?UTF-8?Q?powaniu.pdf?=\"",
            // Base64 words in another charset, folded.
            "attachment; filename=\"=?ISO-8859-2?B?WmF3aWFkb21pZW5pZSBvIHBvc3Tq?=\r\n\t=?ISO-8859-2?B?cG93YW5pdS5wZGY=?=\"",
            // A plain quoted name folded at a space.
            "attachment; filename=\"Zawiadomienie o\r\n postępowaniu.pdf\"",
            // RFC 2231 with a single extended value.
            "attachment; filename*=UTF-8''Zawiadomienie%20o%20post%C4%99powaniu.pdf",
        ];
        for header in headers {
            assert_eq!(
                name_parameter(header, "filename").as_deref(),
                Some(NAME),
                "{header:?}"
            );
        }
        assert_eq!(
            name_parameter(
                "application/pdf;\r\n name=\"=?UTF-8?Q?fatura_n=C2=BA_7.pdf?=\"",
                "name"
            )
            .as_deref(),
            Some("fatura nº 7.pdf")
        );
        assert_eq!(name_parameter("attachment", "filename"), None);
        assert_eq!(
            name_parameter("inline; filename=report.txt", "filename").as_deref(),
            Some("report.txt")
        );
    }
}
