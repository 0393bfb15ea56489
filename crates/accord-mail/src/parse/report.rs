//! Delivery status notifications (RFC 3464): which of Accord's messages came back, to whom,
//! and why.

use accord_core::mail::Bounce;
use mail_parser::{Message, MimeHeaders, PartType};

use super::clean_id;

/// Reads a delivery status notification (RFC 3464): the first recipient's action, status
/// and diagnostic, and the Message-ID of the message that was returned.
pub(super) fn delivery_status(message: &Message<'_>) -> Option<Bounce> {
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
