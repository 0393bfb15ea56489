//! The text of a part as its writer meant it, read again from the part's raw bytes: mail
//! in the wild lies about itself, and mail clients read what the bytes are rather than
//! what the labels say.
//!
//! - A part labelled base64 that is not base64 (plain text under a wrong label) is kept as
//!   written, instead of being decoded into binary garbage.
//! - Bytes that are valid UTF-8 are read as UTF-8 whatever the label says (us-ascii,
//!   GB2312, ISO-8859-1): legacy text is almost never valid UTF-8 by chance, while UTF-8
//!   under a wrong label is common.
//! - Other bytes are decoded by the label's real decoder (encoding_rs, the WHATWG rules web
//!   browsers use: Big5, GBK, Shift_JIS, EUC-KR, KOI8-R, windows-125x, …).
//!
//! Each departure from the label is noted on the message (see [`super::Note`]).

use std::borrow::Cow;

use base64::Engine as _;
use mail_parser::{Encoding, Message, MimeHeaders, PartType};

use super::Note;

/// Reads every text and HTML part of the message (and of forwarded messages in it) again.
pub(super) fn reread_text_parts(message: &mut Message<'_>, notes: &mut Vec<Note>) {
    // The raw bytes and the parts are two fields: borrowed apart, nothing is copied.
    let Message {
        raw_message: raw,
        parts,
        ..
    } = message;
    for part in parts.iter_mut() {
        match &mut part.body {
            PartType::Message(inner) => reread_text_parts(inner, notes),
            PartType::Text(_) | PartType::Html(_) => {
                let start = part.offset_body as usize;
                let end = part.offset_end as usize;
                let Some(bytes) = raw.get(start..end.max(start)) else {
                    continue;
                };
                let label = part
                    .content_type()
                    .and_then(|ct| ct.attribute("charset"))
                    .map(str::to_owned);
                // As labelled: mail-parser drops the label of a part it could not decode.
                let encoding = match part.content_transfer_encoding() {
                    Some(e) if e.trim().eq_ignore_ascii_case("base64") => Encoding::Base64,
                    Some(e) if e.trim().eq_ignore_ascii_case("quoted-printable") => {
                        Encoding::QuotedPrintable
                    }
                    _ => Encoding::None,
                };
                if let Some(text) = read_part(bytes, encoding, label.as_deref(), notes) {
                    match &mut part.body {
                        PartType::Text(t) | PartType::Html(t) => *t = Cow::Owned(text),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// The text of one part from its raw (transfer-encoded) bytes, or `None` to keep what
/// mail-parser read.
pub(super) fn read_part(
    raw: &[u8],
    encoding: Encoding,
    label: Option<&str>,
    notes: &mut Vec<Note>,
) -> Option<String> {
    let decoded: Cow<'_, [u8]> = match encoding {
        Encoding::Base64 => match decode_base64(raw) {
            Some(bytes) => Cow::Owned(bytes),
            None => {
                notes.push(Note::new("not-base64", ""));
                Cow::Borrowed(raw)
            }
        },
        Encoding::QuotedPrintable => {
            Cow::Owned(mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)?)
        }
        Encoding::None => Cow::Borrowed(raw),
    };
    decode_charset(&decoded, label, notes)
}

/// Base64 that is base64: only its alphabet and line ends, whole groups with padding only
/// at the end, and a result that is not binary noise (a text part decodes to text).
fn decode_base64(raw: &[u8]) -> Option<Vec<u8>> {
    let mut compact = Vec::with_capacity(raw.len());
    for line in raw.split(|b| *b == b'\n') {
        let line = line.trim_ascii_end();
        if line
            .iter()
            .any(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')))
        {
            return None;
        }
        compact.extend_from_slice(line);
    }
    let data_end = compact
        .iter()
        .rposition(|b| *b != b'=')
        .map_or(0, |p| p + 1);
    // MIME encoders always pad to whole groups of four.
    if compact[..data_end].contains(&b'=') || compact.len() % 4 != 0 {
        return None;
    }
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireCanonical)
            .with_decode_allow_trailing_bits(true),
    );
    let bytes = engine.decode(&compact[..data_end]).ok()?;
    looks_like_text(&bytes).then_some(bytes)
}

/// Few control characters: text in any charset (ESC starts ISO-2022 shifts).
fn looks_like_text(bytes: &[u8]) -> bool {
    let controls = bytes
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 20 <= bytes.len()
}

/// Charsets whose text is all 7-bit bytes: ASCII-looking bytes still need their decoder.
fn is_seven_bit_charset(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    l.starts_with("iso-2022") || l == "utf-7" || l == "hz-gb-2312" || l.starts_with("utf-16")
}

fn is_ascii_label(label: &str) -> bool {
    matches!(
        label.to_ascii_lowercase().as_str(),
        "us-ascii" | "ascii" | "ansi_x3.4-1968" | "iso646-us" | "us"
    )
}

fn decode_charset(bytes: &[u8], label: Option<&str>, notes: &mut Vec<Note>) -> Option<String> {
    let label = label.map(str::trim).filter(|l| !l.is_empty());
    let real = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
    if let Some(l) = label
        && is_seven_bit_charset(l)
    {
        // UTF-16 and UTF-7 are not judged by their bytes; ISO-2022 by its decoder.
        let encoding = real?;
        return Some(decode_with(encoding, bytes, l, notes));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(l) = label
            && !text.is_ascii()
            && real != Some(encoding_rs::UTF_8)
        {
            notes.push(Note::new("charset-was-utf8", l));
        }
        return Some(text.to_owned());
    }
    match (label, real) {
        (Some(l), Some(encoding)) if encoding != encoding_rs::UTF_8 && !is_ascii_label(l) => {
            Some(decode_with(encoding, bytes, l, notes))
        }
        // Labelled UTF-8 or ASCII but not: mostly Windows-1252 from an old client.
        (Some(l), Some(_)) => {
            notes.push(Note::new("charset-was-windows-1252", l));
            Some(decode_with(encoding_rs::WINDOWS_1252, bytes, l, notes))
        }
        // A label encoding_rs does not know: mail-parser may (IBM code pages).
        (Some(l), None)
            if mail_parser::decoders::charsets::map::charset_decoder(l.as_bytes()).is_some() =>
        {
            None
        }
        (Some(l), None) => {
            notes.push(Note::new("charset-unknown", l));
            Some(decode_with(encoding_rs::WINDOWS_1252, bytes, l, notes))
        }
        (None, _) => {
            notes.push(Note::new("charset-unlabelled", ""));
            Some(decode_with(encoding_rs::WINDOWS_1252, bytes, "", notes))
        }
    }
}

fn decode_with(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    label: &str,
    notes: &mut Vec<Note>,
) -> String {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        notes.push(Note::new("charset-invalid", label));
    }
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &[u8], encoding: Encoding, label: Option<&str>) -> (Option<String>, Vec<String>) {
        let mut notes = Vec::new();
        let text = read_part(raw, encoding, label, &mut notes);
        (text, notes.iter().map(Note::to_string).collect())
    }

    #[test]
    fn valid_utf8_under_a_wrong_label_is_read_as_utf8_and_noted() {
        let latvian = "Sveiki, rēķins atnāca divreiz.".as_bytes();
        let chinese = "您好，发票重复了。".as_bytes();
        for (bytes, label) in [
            (latvian, "us-ascii"),
            (latvian, "iso-8859-1"),
            (chinese, "gb2312"),
            (chinese, "big5"),
            (latvian, "windows-1257"),
        ] {
            let (text, notes) = read(bytes, Encoding::None, Some(label));
            assert_eq!(text.as_deref(), std::str::from_utf8(bytes).ok(), "{label}");
            assert_eq!(notes, [format!("charset-was-utf8:{label}")]);
        }
        let (text, notes) = read(latvian, Encoding::None, Some("UTF-8"));
        assert_eq!(text.as_deref(), std::str::from_utf8(latvian).ok());
        assert!(notes.is_empty());
    }

    #[test]
    fn legacy_cjk_and_cyrillic_text_is_read_by_its_labels_real_decoder() {
        let cases: [(&str, &str); 5] = [
            ("您好，发票重复了。", "gb2312"),
            ("您好，發票重複了。", "big5"),
            ("こんにちは、請求書が二重です。", "shift_jis"),
            ("Здравствуйте, счёт пришёл дважды.", "koi8-r"),
            ("Здравствуйте, счёт пришёл дважды.", "windows-1251"),
        ];
        for (text, label) in cases {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).expect("label");
            let (bytes, _, _) = encoding.encode(text);
            assert!(
                std::str::from_utf8(&bytes).is_err(),
                "{label} bytes are not UTF-8"
            );
            let (read_text, notes) = read(&bytes, Encoding::None, Some(label));
            assert_eq!(read_text.as_deref(), Some(text), "{label}");
            assert!(notes.is_empty(), "{label}: {notes:?}");
        }
        let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode("請求書");
        let (text, _) = read(&bytes, Encoding::None, Some("iso-2022-jp"));
        assert_eq!(text.as_deref(), Some("請求書"));
    }

    #[test]
    fn latin1_labelled_utf8_or_unlabelled_is_read_as_windows_1252_and_noted() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Não chegou a fatura.");
        for label in [Some("utf-8"), Some("us-ascii"), None] {
            let (text, notes) = read(&bytes, Encoding::None, label);
            assert_eq!(text.as_deref(), Some("Não chegou a fatura."), "{label:?}");
            assert_eq!(notes.len(), 1, "{notes:?}");
            assert!(
                notes[0].starts_with("charset-was-windows-1252")
                    || notes[0] == "charset-unlabelled"
            );
        }
        let (text, notes) = read(&bytes, Encoding::None, Some("x-unheard-of"));
        assert_eq!(text.as_deref(), Some("Não chegou a fatura."));
        assert_eq!(notes, ["charset-unknown:x-unheard-of"]);
    }

    #[test]
    fn plain_text_under_a_base64_label_is_kept_as_written() {
        for text in [
            "Hello, the invoice came twice.\r\nPlease check.",
            "Labdien! Rēķins atnāca divreiz.",
            "Bom dia",
            "Ok",
            "Thanks\r\n",
        ] {
            let (read_text, notes) = read(text.as_bytes(), Encoding::Base64, Some("utf-8"));
            assert_eq!(read_text.as_deref(), Some(text), "{text:?}");
            assert_eq!(notes, ["not-base64"], "{text:?}");
        }
        // Real base64 with line breaks is decoded.
        let (text, notes) = read(
            b"Qm9tIGRpYSwgYSBlbmNvbWVuZGEg\r\nbsOjbyBjaGVnb3Uu\r\n",
            Encoding::Base64,
            Some("utf-8"),
        );
        assert_eq!(text.as_deref(), Some("Bom dia, a encomenda não chegou."));
        assert!(notes.is_empty());
    }
}
