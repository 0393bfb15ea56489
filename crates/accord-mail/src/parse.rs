//! Raw bytes to an [`InboundMail`]: every charset mail-parser knows (with `encoding_rs`),
//! encoded words, multipart/alternative and related, nested message/rfc822, attachments and
//! inline images. Parsing never fails: what cannot be read becomes a warning on the message,
//! which is then kept as it came.

use accord_core::mail::{
    Automatic, AutomaticHeaders, Bounce, InboundMail, MailAttachment, Mailbox,
};
use mail_parser::{Address, HeaderValue, Message, MessageParser, MimeHeaders, PartType};

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
    std::panic::catch_unwind(|| parse_message(raw, envelope_from, limits)).unwrap_or_else(|_| {
        unreadable(
            raw,
            "the message could not be read by the mail parser; it is kept as it came",
        )
    })
}

fn unreadable(raw: &[u8], warning: &str) -> InboundMail {
    InboundMail {
        text: String::from_utf8_lossy(raw).into_owned(),
        warnings: vec![warning.into()],
        ..InboundMail::default()
    }
}

fn parse_message(raw: &[u8], envelope_from: Option<&str>, limits: &Limits) -> InboundMail {
    let parsed = starts_with_header(raw)
        .then(|| MessageParser::default().parse(raw))
        .flatten();
    let Some(message) = parsed else {
        return unreadable(
            raw,
            "the message has no headers that could be read; it is kept as it came",
        );
    };
    let mut mail = InboundMail {
        message_id: message
            .message_id()
            .map(clean_id)
            .filter(|id| !id.is_empty()),
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        from: first_mailbox(message.from()),
        reply_to: first_mailbox(message.reply_to()),
        to: all_mailboxes(message.to()),
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
        mail.bounce = delivery_status(&message);
    }
    mail.text = body_text(&message);
    if mail.text.is_empty()
        && let Some(tail) = text_without_separator(raw)
    {
        mail.text = tail;
        mail.warnings
            .push("the message has no blank line after its headers".into());
    }
    mail.html = message
        .body_html(0)
        .filter(|_| message.html_body_count() > 0 && has_html_part(&message))
        .map(|html| crate::html::sanitize(&html, true));
    collect_attachments(&message, limits, &mut mail);
    if mail.from.is_none() {
        mail.warnings
            .push("the message names no sender (From)".into());
    }
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

/// The text of every text body, with forwarded messages after it, marked.
fn body_text(message: &Message<'_>) -> String {
    let mut text = String::new();
    for index in 0..message.text_body_count() {
        if let Some(part) = message.body_text(index) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(part.trim_end());
        }
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
            let from = first_mailbox(inner.from())
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

fn has_html_part(message: &Message<'_>) -> bool {
    message
        .html_bodies()
        .any(|part| matches!(part.body, PartType::Html(_)))
}

fn collect_attachments(message: &Message<'_>, limits: &Limits, mail: &mut InboundMail) {
    let mut skipped = 0;
    // Attachments, and body parts that carry a file name (a text file sent inline is both
    // read in the message and kept as the file it is).
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
        let filename = part
            .attachment_name()
            .map(str::to_owned)
            .unwrap_or_else(|| default_name(&content_type, part.message().is_some()));
        mail.attachments.push(MailAttachment {
            filename,
            content_type,
            bytes: bytes.to_vec(),
            inline,
        });
    }
    if skipped > 0 {
        mail.warnings.push(format!(
            "{skipped} more attachments than the limit of {} were not unpacked; they are in the original message",
            limits.max_attachments
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

/// Reads a delivery status notification (RFC 3464): the first recipient's action, status
/// and diagnostic, and the Message-ID of the message that was returned.
fn delivery_status(message: &Message<'_>) -> Option<Bounce> {
    let mut bounce: Option<Bounce> = None;
    let mut original = None;
    for part in message.parts.iter() {
        let Some(ct) = part.content_type() else {
            continue;
        };
        let kind = format!(
            "{}/{}",
            ct.ctype().to_ascii_lowercase(),
            ct.subtype().unwrap_or_default().to_ascii_lowercase()
        );
        match kind.as_str() {
            "message/delivery-status" | "message/global-delivery-status" => {
                let text = String::from_utf8_lossy(status_bytes(part));
                bounce = Some(read_status(&text));
            }
            "message/rfc822" | "text/rfc822-headers" | "message/rfc822-headers" => {
                original = match &part.body {
                    PartType::Message(inner) => inner.message_id().map(clean_id),
                    _ => find_message_id(&String::from_utf8_lossy(part.contents())),
                };
            }
            _ => {}
        }
    }
    let mut bounce = bounce?;
    bounce.original_message_id = original;
    Some(bounce)
}

fn status_bytes<'a>(part: &'a mail_parser::MessagePart<'_>) -> &'a [u8] {
    match &part.body {
        // Some parsers read the status fields as a nested message without a body.
        PartType::Message(inner) => inner.raw_message(),
        _ => part.contents(),
    }
}

fn read_status(text: &str) -> Bounce {
    let mut bounce = Bounce {
        original_message_id: None,
        recipient: None,
        action: String::new(),
        status: None,
        diagnostic: None,
    };
    for line in unfold(text) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let after_type = value.split_once(';').map_or(value, |(_, v)| v.trim());
        match name.trim().to_ascii_lowercase().as_str() {
            "final-recipient" | "original-recipient" if bounce.recipient.is_none() => {
                bounce.recipient = Some(after_type.to_ascii_lowercase());
            }
            "action" if bounce.action.is_empty() => bounce.action = value.to_ascii_lowercase(),
            "status" if bounce.status.is_none() => bounce.status = Some(value.to_owned()),
            "diagnostic-code" if bounce.diagnostic.is_none() => {
                bounce.diagnostic = Some(after_type.to_owned());
            }
            _ => {}
        }
    }
    bounce
}

/// Header lines with their continuation lines joined.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t'])
            && let Some(last) = lines.last_mut()
        {
            last.push(' ');
            last.push_str(line.trim());
        } else {
            lines.push(line.to_owned());
        }
    }
    lines
}

fn find_message_id(headers: &str) -> Option<String> {
    unfold(headers).into_iter().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("message-id")
            .then(|| clean_id(value))
    })
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

fn to_mailbox(addr: &mail_parser::Addr<'_>) -> Option<Mailbox> {
    let email = addr.address()?.trim().to_lowercase();
    if !email.contains('@') {
        return None;
    }
    let name = addr
        .name()
        .map(|n| n.trim().trim_matches('"').trim().to_owned())
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&email));
    Some(Mailbox { email, name })
}

fn first_mailbox(address: Option<&Address<'_>>) -> Option<Mailbox> {
    address?.iter().find_map(to_mailbox)
}

fn all_mailboxes(address: Option<&Address<'_>>) -> Vec<Mailbox> {
    address
        .map(|a| a.iter().filter_map(to_mailbox).collect())
        .unwrap_or_default()
}
