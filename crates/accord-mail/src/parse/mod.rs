//! Raw bytes to an [`InboundMail`]: encoded words, multipart/alternative and related, nested
//! message/rfc822, attachments and inline images, read as mail clients read them — text
//! parts by what their bytes are ([`text`]), file names however they were folded
//! ([`names`]), the first valid sender address ([`address`]). Parsing never fails and never
//! changes text silently: what it could not read or had to change is a note on the message
//! (a NUL removed, a charset that was not what its label said), and a message that is not
//! email at all is held as unreadable with its bytes kept ([`clean`]).

mod address;
mod clean;
mod names;
mod report;
mod text;

pub(crate) use accord_core::mail::MailNote as Note;
use accord_core::mail::{Automatic, AutomaticHeaders, InboundMail, MailAttachment};
use mail_parser::{HeaderValue, Message, MessageParser, MimeHeaders, PartType};

/// How much of a message Accord keeps apart from its raw bytes.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Larger messages are refused at the door (SMTP 552).
    pub max_message_bytes: usize,
    /// Attachments beyond this many stay in the raw message only, with a warning.
    pub max_attachments: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 25 * 1024 * 1024,
            max_attachments: 20,
        }
    }
}

/// Parses a message as it arrived; `envelope_from` is the SMTP `MAIL FROM` (`Some("")` for
/// the null sender of bounces) when known.
pub fn parse(raw: &[u8], envelope_from: Option<&str>, limits: &Limits) -> InboundMail {
    // mail-parser can panic on some malformed nesting (a `debug_assert!` in 0.11, fired by
    // the fuzz target); such a message is kept as it came, like one without headers.
    let mut mail = std::panic::catch_unwind(|| parse_message(raw, envelope_from, limits))
        .unwrap_or_else(|_| unreadable(raw, "parser-failed"));
    clean::remove_nul(&mut mail);
    mail
}

/// A message that is not readable as email: its bytes as text for the agent, held.
fn unreadable(raw: &[u8], why: &str) -> InboundMail {
    InboundMail {
        text: String::from_utf8_lossy(raw).into_owned(),
        unreadable: Some(why.to_owned()),
        ..InboundMail::default()
    }
}

fn parse_message(raw: &[u8], envelope_from: Option<&str>, limits: &Limits) -> InboundMail {
    if let Some(kind) = clean::not_mail(raw) {
        return clean::kept_as_file(raw, kind);
    }
    let mut notes = Vec::new();
    // Mail clients read past blank lines and spaces before the first header.
    let raw = match raw.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(start) if start > 0 && starts_with_header(&raw[start..]) => {
            notes.push(Note::new("space-before-headers", ""));
            &raw[start..]
        }
        _ => raw,
    };
    let parsed = starts_with_header(raw)
        .then(|| MessageParser::default().parse(raw))
        .flatten();
    let Some(mut message) = parsed else {
        // Text without headers is readable: it names no sender, and is held for that.
        return InboundMail {
            text: String::from_utf8_lossy(raw).trim().to_owned(),
            notes: vec![Note::new("no-headers", ""), Note::new("no-sender", "")],
            ..InboundMail::default()
        };
    };
    text::reread_text_parts(&mut message, &mut notes);
    let mut mail = InboundMail {
        message_id: message
            .message_id()
            .map(clean_id)
            .filter(|id| !id.is_empty()),
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        from: address::first_mailbox(message.from(), header_text(&message, "From"), &mut notes),
        reply_to: address::first_mailbox(
            message.reply_to(),
            header_text(&message, "Reply-To"),
            &mut notes,
        ),
        to: address::all_mailboxes(message.to()),
        subject: message.subject().unwrap_or_default().trim().to_owned(),
        ..InboundMail::default()
    };
    let from_text = mail.from.as_ref().map(|m| m.email.clone());
    let is_report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    let headers = AutomaticHeaders {
        auto_submitted: header_text(&message, "Auto-Submitted"),
        precedence: header_text(&message, "Precedence"),
        list_id: header_text(&message, "List-Id"),
        list_unsubscribe: header_text(&message, "List-Unsubscribe"),
        x_auto_response_suppress: header_text(&message, "X-Auto-Response-Suppress"),
        x_autoreply: header_text(&message, "X-Autoreply"),
        from: from_text.as_deref(),
        envelope_from,
        content_type_report: is_report,
    };
    mail.automatic = Automatic::classify(&headers);
    if mail.automatic == Some(Automatic::DeliveryReport) {
        mail.bounce = report::delivery_status(&message);
    }
    mail.text = body_text(&message);
    if mail.text.is_empty() {
        if let Some(tail) = text_without_separator(raw) {
            mail.text = tail;
            notes.push(Note::new("no-blank-line", ""));
        } else if let Some(recovered) = recover_text(&message) {
            mail.text = recovered;
            notes.push(Note::new("text-recovered", ""));
        }
    }
    mail.html = message
        .body_html(0)
        .filter(|_| message.html_body_count() > 0 && has_html_part(&message))
        .map(|html| crate::html::sanitize(&html, true));
    collect_attachments(&message, limits, &mut mail, &mut notes);
    if mail.from.is_none() {
        notes.push(Note::new("no-sender", ""));
    }
    mail.notes = notes;
    mail
}

/// Whether the first line is a header field (`Name: value`), or an mbox `From ` line.
/// Otherwise the bytes are all body, and reading a header from them would lose text.
fn starts_with_header(raw: &[u8]) -> bool {
    let line = raw.split(|b| *b == b'\n').next().unwrap_or_default();
    if line.starts_with(b"From ") {
        return true;
    }
    match line.iter().position(|b| *b == b':') {
        Some(colon) if colon > 0 => line[..colon].iter().all(|b| b.is_ascii_graphic()),
        _ => false,
    }
}

/// The text of a message whose headers run into its body with no blank line between:
/// from the first line that is not a header field.
fn text_without_separator(raw: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(raw);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\r', '\n']);
        if bare.is_empty() {
            return None;
        }
        let continuation = bare.starts_with([' ', '\t']);
        if !continuation && !starts_with_header(bare.as_bytes()) {
            let rest = text[offset..].trim();
            return (!rest.is_empty()).then(|| rest.to_owned());
        }
        offset += line.len();
    }
    None
}

/// The parts a person reads, in order: the text bodies, and text files sent inline with
/// a name (read here and also kept as the file they are).
fn readable_parts<'a>(message: &'a Message<'a>) -> Vec<&'a str> {
    let mut texts = Vec::new();
    let text_bodies: Vec<usize> = message.text_body.iter().map(|i| *i as usize).collect();
    for (index, part) in message.parts.iter().enumerate() {
        let PartType::Text(text) = &part.body else {
            continue;
        };
        let named_inline = part.attachment_name().is_some()
            && part.is_content_type("text", "plain")
            && part
                .content_disposition()
                .is_none_or(|d| !d.is_attachment());
        if text_bodies.contains(&index) || named_inline {
            texts.push(text.as_ref());
        }
    }
    texts
}

/// The text of every text body, with forwarded messages after it, marked.
fn body_text(message: &Message<'_>) -> String {
    let mut text = String::new();
    for part in readable_parts(message) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(part.trim_end());
    }
    if text.trim().is_empty()
        && let Some(part) = unnamed_text_part(message)
    {
        // "Content-Type: text" without a subtype, or text the parser took for a file.
        text = String::from_utf8_lossy(part.contents()).into_owned();
    }
    for part in message.attachments() {
        if let Some(inner) = part.message() {
            let inner_text = body_text(inner);
            let from = address::all_mailboxes(inner.from())
                .into_iter()
                .next()
                .map(|m| m.email)
                .unwrap_or_default();
            let subject = inner.subject().unwrap_or_default();
            text.push_str(&format!(
                "\n\n---------- Forwarded message ----------\nFrom: {from}\nSubject: {subject}\n\n{}",
                inner_text.trim_end()
            ));
        }
    }
    // Mail clients end lines with CRLF; the case shows plain lines.
    text.replace("\r\n", "\n").trim().to_owned()
}

fn unnamed_text_part<'a>(message: &'a Message<'_>) -> Option<&'a mail_parser::MessagePart<'a>> {
    message.parts.iter().find(|part| {
        !matches!(
            part.body,
            PartType::Multipart(_) | PartType::Message(_) | PartType::Html(_)
        ) && part.attachment_name().is_none()
            && part.content_type().is_none_or(|ct| {
                ct.ctype().eq_ignore_ascii_case("text")
                    && !ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("html"))
            })
    })
}

/// A message with no text part that can be read as one (a broken content type such as
/// `<html>`, a missing closing boundary): the first unnamed part whose bytes are text,
/// HTML turned into text.
fn recover_text(message: &Message<'_>) -> Option<String> {
    message.parts.iter().find_map(|part| {
        if part.attachment_name().is_some() || part.message().is_some() {
            return None;
        }
        let bytes = match &part.body {
            PartType::Text(t) | PartType::Html(t) => t.as_bytes(),
            PartType::Binary(b) | PartType::InlineBinary(b) => b.as_ref(),
            _ => return None,
        };
        let text = std::str::from_utf8(bytes).ok()?;
        if text.contains('\0') || text.trim().is_empty() {
            return None;
        }
        let lower = text.to_ascii_lowercase();
        let text = if ["<html", "<body", "<p>", "<div", "<br"]
            .iter()
            .any(|tag| lower.contains(tag))
        {
            mail_parser::decoders::html::html_to_text(text)
        } else {
            text.to_owned()
        };
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    })
}

fn has_html_part(message: &Message<'_>) -> bool {
    message
        .html_bodies()
        .any(|part| matches!(part.body, PartType::Html(_)))
}

fn collect_attachments(
    message: &Message<'_>,
    limits: &Limits,
    mail: &mut InboundMail,
    notes: &mut Vec<Note>,
) {
    let mut skipped = 0;
    // Attachments, and body parts that carry a file name (a text file sent inline is both
    // read in the message and kept as the file it is).
    let raw = message.raw_message();
    let parts = message.parts.iter().enumerate().filter(|(index, part)| {
        let id = u32::try_from(*index).unwrap_or(u32::MAX);
        message.attachments.contains(&id) || part.attachment_name().is_some()
    });
    for (_, part) in parts {
        if matches!(part.body, PartType::Multipart(_)) {
            continue;
        }
        let content_type = part
            .content_type()
            .map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_owned(),
            })
            .unwrap_or_else(|| "application/octet-stream".into())
            .to_ascii_lowercase();
        // A delivery report's own parts are read as the bounce, not kept as files.
        if mail.bounce.is_some()
            && matches!(
                content_type.as_str(),
                "message/delivery-status" | "text/rfc822-headers"
            )
        {
            continue;
        }
        let bytes = part.contents();
        if bytes.is_empty() {
            continue;
        }
        if mail.attachments.len() >= limits.max_attachments {
            skipped += 1;
            continue;
        }
        let inline = part.content_id().is_some()
            && !part.is_content_type("message", "rfc822")
            && part
                .content_disposition()
                .is_none_or(|d| !d.is_attachment());
        let filename = names::attachment_name(part, raw)
            .or_else(|| part.attachment_name().map(str::to_owned))
            .unwrap_or_else(|| default_name(&content_type, part.message().is_some()));
        mail.attachments.push(MailAttachment {
            filename,
            content_type,
            bytes: bytes.to_vec(),
            inline,
        });
    }
    if skipped > 0 {
        notes.push(Note::new(
            "attachments-over-limit",
            limits.max_attachments.to_string(),
        ));
    }
}

fn default_name(content_type: &str, is_message: bool) -> String {
    if is_message {
        return "forwarded-message.eml".into();
    }
    let extension = match content_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "application/pdf" => "pdf",
        "text/plain" => "txt",
        "text/html" => "html",
        "text/calendar" => "ics",
        _ => "bin",
    };
    format!("attachment.{extension}")
}

fn clean_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_owned()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(id) => vec![clean_id(id)],
        HeaderValue::TextList(list) => list.iter().map(|id| clean_id(id)).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|id| !id.is_empty())
    .collect()
}

fn header_text<'a>(message: &'a Message<'a>, name: &'static str) -> Option<&'a str> {
    message.header_raw(name).map(str::trim)
}
