//! A queued letter to MIME: text and HTML alternatives, the thread's headers (Message-ID,
//! In-Reply-To, References), the case's language (Content-Language), and RFC 3834's
//! `Auto-Submitted: auto-replied` on what Accord sends without a person, so that
//! well-behaved auto-responders do not answer it.

use accord_store::mail::Letter;
use mail_builder::MessageBuilder;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;

/// Who a letter is from.
#[derive(Clone, Debug)]
pub struct Sender<'a> {
    pub address: &'a str,
    pub name: &'a str,
}

/// The message's bytes, ready for the relay.
pub fn compose(
    letter: &Letter,
    message_id: &str,
    recipient: &str,
    from: &Sender<'_>,
    date_unix: i64,
) -> Vec<u8> {
    let to_name = letter.recipient_name.as_deref().unwrap_or("");
    let mut builder = MessageBuilder::new()
        .from((from.name, from.address))
        .to((to_name, recipient))
        .subject(letter.subject.as_str())
        .message_id(message_id)
        .date(date_unix)
        .header("Content-Language", Raw::new(letter.language.as_str()))
        .text_body(letter.text.as_str())
        .html_body(to_html(&letter.text, &letter.language));
    if let Some(answered) = &letter.in_reply_to {
        builder = builder.in_reply_to(answered.as_str());
    }
    if !letter.references.is_empty() {
        let ids = letter.references.iter().map(String::as_str);
        builder = builder.references(MessageId::new_list(ids));
    }
    if letter.automatic {
        builder = builder
            .header("Auto-Submitted", Raw::new("auto-replied"))
            .header("X-Auto-Response-Suppress", Raw::new("All"));
    }
    // Writing to a Vec cannot fail.
    builder.write_to_vec().unwrap_or_default()
}

/// The text as simple HTML: paragraphs at blank lines, line breaks kept, links not
/// guessed (the text is the agent's; the HTML only formats it).
pub fn to_html(text: &str, language: &str) -> String {
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"></head><body>",
        escape(language)
    );
    for paragraph in text.replace("\r\n", "\n").split("\n\n") {
        let paragraph = paragraph.trim();
        if paragraph.is_empty() {
            continue;
        }
        let lines: Vec<String> = paragraph.lines().map(escape).collect();
        html.push_str("<p>");
        html.push_str(&lines.join("<br>"));
        html.push_str("</p>");
    }
    html.push_str("</body></html>");
    html
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::{HeaderValue, MessageParser};

    fn letter() -> Letter {
        Letter {
            subject: "Re: Pedido atrasado [#7-abcdefgh]".into(),
            text: "Hola Ana:\n\nSu pedido <n.º 5> sale mañana.\nSaludos".into(),
            language: "es".into(),
            recipient_name: Some("Ana Pérez".into()),
            in_reply_to: Some("q1@cliente.es".into()),
            references: vec!["q0@cliente.es".into(), "q1@cliente.es".into()],
            automatic: false,
        }
    }

    #[test]
    fn a_reply_carries_the_thread_the_language_and_both_bodies() {
        let sender = Sender {
            address: "soporte@olmo.example",
            name: "Olmo Soporte",
        };
        let raw = compose(
            &letter(),
            "accord.1@olmo.example",
            "ana@cliente.es",
            &sender,
            1_795_000_000,
        );
        let parsed = MessageParser::default().parse(&raw).expect("parses");
        assert_eq!(parsed.message_id(), Some("accord.1@olmo.example"));
        assert_eq!(parsed.in_reply_to().as_text(), Some("q1@cliente.es"));
        match parsed.references() {
            HeaderValue::TextList(ids) => assert_eq!(ids.len(), 2),
            other => panic!("references: {other:?}"),
        }
        assert_eq!(parsed.subject(), Some("Re: Pedido atrasado [#7-abcdefgh]"));
        assert_eq!(
            parsed.header_raw("Content-Language").map(str::trim),
            Some("es")
        );
        assert!(parsed.body_text(0).expect("text").contains("sale mañana"));
        let html = parsed.body_html(0).expect("html");
        assert!(html.contains("&lt;n.º 5&gt;"), "{html}");
        assert!(html.contains("lang=\"es\""));
        assert!(parsed.header_raw("Auto-Submitted").is_none());
        let from = parsed.from().and_then(|a| a.first()).expect("from");
        assert_eq!(from.name(), Some("Olmo Soporte"));
    }

    #[test]
    fn what_accord_sends_on_its_own_says_so() {
        let mut automatic = letter();
        automatic.automatic = true;
        let sender = Sender {
            address: "a@b.example",
            name: "B",
        };
        let raw = compose(&automatic, "x@b.example", "ana@cliente.es", &sender, 0);
        let parsed = MessageParser::default().parse(&raw).expect("parses");
        assert_eq!(
            parsed.header_raw("Auto-Submitted").map(str::trim),
            Some("auto-replied")
        );
    }
}
