//! Messages no person wrote: auto-replies, bulk and list mail, bounces. Accord files them
//! but never answers them automatically, so two auto-responders cannot start a storm
//! (RFC 3834 §2 and the older conventions that mailers still use).

use serde::{Deserialize, Serialize};

/// The headers that tell whether a message was sent by a program.
#[derive(Clone, Debug, Default)]
pub struct AutomaticHeaders<'a> {
    pub auto_submitted: Option<&'a str>,
    pub precedence: Option<&'a str>,
    pub list_id: Option<&'a str>,
    pub list_unsubscribe: Option<&'a str>,
    /// Microsoft Exchange's way of saying "do not auto-reply to this".
    pub x_auto_response_suppress: Option<&'a str>,
    pub x_autoreply: Option<&'a str>,
    pub from: Option<&'a str>,
    /// `Some("")` when the envelope sender was the null path `<>` (bounces use it).
    pub envelope_from: Option<&'a str>,
    pub content_type_report: bool,
}

/// Why a message counts as automatic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Automatic {
    /// `Auto-Submitted` other than `no`: an auto-reply or a generated message.
    AutoSubmitted,
    /// `Precedence: bulk | junk | list | auto_reply`.
    Precedence,
    /// Mailing-list headers.
    List,
    /// A delivery report or a message from a mailer daemon.
    DeliveryReport,
    /// `X-Autoreply`, `X-Auto-Response-Suppress: All/AutoReply/OOF`.
    AutoReplyHeader,
}

impl Automatic {
    pub fn as_str(self) -> &'static str {
        match self {
            Automatic::AutoSubmitted => "auto_submitted",
            Automatic::Precedence => "precedence",
            Automatic::List => "list",
            Automatic::DeliveryReport => "delivery_report",
            Automatic::AutoReplyHeader => "auto_reply_header",
        }
    }

    /// The first reason the headers give for treating the message as automatic.
    pub fn classify(h: &AutomaticHeaders<'_>) -> Option<Automatic> {
        let value = |v: Option<&str>| v.map(|v| v.trim().to_ascii_lowercase());
        if h.content_type_report || h.envelope_from.is_some_and(|f| f.trim().is_empty()) {
            return Some(Automatic::DeliveryReport);
        }
        if let Some(from) = value(h.from) {
            let local = from.split('@').next().unwrap_or_default();
            if matches!(local, "mailer-daemon" | "postmaster") {
                return Some(Automatic::DeliveryReport);
            }
        }
        if let Some(auto) = value(h.auto_submitted) {
            // "no; comment" means a person sent it.
            let kind = auto.split(';').next().unwrap_or_default().trim().to_owned();
            if !kind.is_empty() && kind != "no" {
                return Some(Automatic::AutoSubmitted);
            }
        }
        if let Some(p) = value(h.precedence)
            && matches!(p.as_str(), "bulk" | "junk" | "list" | "auto_reply")
        {
            return Some(Automatic::Precedence);
        }
        if h.list_id.is_some() || h.list_unsubscribe.is_some() {
            return Some(Automatic::List);
        }
        if h.x_autoreply.is_some() {
            return Some(Automatic::AutoReplyHeader);
        }
        if let Some(s) = value(h.x_auto_response_suppress)
            && s.split(',')
                .map(str::trim)
                .any(|v| matches!(v, "all" | "autoreply" | "oof"))
        {
            return Some(Automatic::AutoReplyHeader);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(h: AutomaticHeaders<'_>) -> Option<Automatic> {
        Automatic::classify(&h)
    }

    #[test]
    fn a_person_writing_is_not_automatic() {
        assert_eq!(classify(AutomaticHeaders::default()), None);
        let h = AutomaticHeaders {
            auto_submitted: Some("no"),
            from: Some("ana@cliente.es"),
            envelope_from: Some("ana@cliente.es"),
            precedence: Some("normal"),
            ..Default::default()
        };
        assert_eq!(classify(h), None);
        let h = AutomaticHeaders {
            auto_submitted: Some(" No ; sent by a person "),
            ..Default::default()
        };
        assert_eq!(classify(h), None);
    }

    #[test]
    fn auto_replies_and_generated_mail_are_automatic() {
        for value in [
            "auto-replied",
            "auto-generated",
            "Auto-Notified; owner-email=x",
        ] {
            let h = AutomaticHeaders {
                auto_submitted: Some(value),
                ..Default::default()
            };
            assert_eq!(classify(h), Some(Automatic::AutoSubmitted), "{value}");
        }
    }

    #[test]
    fn bulk_list_and_out_of_office_conventions_are_automatic() {
        for p in ["bulk", "JUNK", "list", "auto_reply"] {
            let h = AutomaticHeaders {
                precedence: Some(p),
                ..Default::default()
            };
            assert_eq!(classify(h), Some(Automatic::Precedence), "{p}");
        }
        let h = AutomaticHeaders {
            list_unsubscribe: Some("<mailto:leave@list.example>"),
            ..Default::default()
        };
        assert_eq!(classify(h), Some(Automatic::List));
        let h = AutomaticHeaders {
            x_auto_response_suppress: Some("DR, OOF"),
            ..Default::default()
        };
        assert_eq!(classify(h), Some(Automatic::AutoReplyHeader));
        let h = AutomaticHeaders {
            x_auto_response_suppress: Some("DR"),
            ..Default::default()
        };
        assert_eq!(classify(h), None);
    }

    #[test]
    fn bounces_are_delivery_reports() {
        let null_sender = AutomaticHeaders {
            envelope_from: Some(""),
            ..Default::default()
        };
        assert_eq!(classify(null_sender), Some(Automatic::DeliveryReport));
        let daemon = AutomaticHeaders {
            from: Some("MAILER-DAEMON@mx.example"),
            ..Default::default()
        };
        assert_eq!(classify(daemon), Some(Automatic::DeliveryReport));
        let report = AutomaticHeaders {
            content_type_report: true,
            ..Default::default()
        };
        assert_eq!(classify(report), Some(Automatic::DeliveryReport));
    }
}
