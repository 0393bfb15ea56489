//! Email as the domain sees it: a parsed inbound message, how replies find their case
//! (reply tokens, subject tags), which messages are automatic and must never be answered
//! automatically, and when a failed delivery is tried again. Parsing the bytes and the
//! protocols are the email adapter's (`accord-mail`); this module decides.

mod automatic;
mod backoff;
mod thread;

pub use automatic::{Automatic, AutomaticHeaders};
pub use backoff::{MAX_ATTEMPTS, retry_delay};
pub use thread::{ReplyTag, is_placeholder_subject, normalize_subject, reply_token, subject_tag};

use serde::{Deserialize, Serialize};

/// A mailbox: an address and the name shown with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    /// Lower case: addresses are compared without regard to case.
    pub email: String,
    pub name: Option<String>,
}

/// A file that came with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailAttachment {
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    /// An image shown inside the HTML body (Content-ID), not a file the sender attached.
    pub inline: bool,
}

/// What a delivery status notification (RFC 3464) says about one of our messages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bounce {
    /// The Message-ID of the message that could not be delivered, when the report says.
    pub original_message_id: Option<String>,
    pub recipient: Option<String>,
    /// `failed`, `delayed`, `delivered`, … (the report's Action).
    pub action: String,
    /// The status code, such as 5.1.1.
    pub status: Option<String>,
    pub diagnostic: Option<String>,
}

impl Bounce {
    /// Only a final failure marks the message failed; a delay is news, not an outcome.
    pub fn is_failure(&self) -> bool {
        self.action.eq_ignore_ascii_case("failed")
    }
}

/// An inbound message, parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboundMail {
    /// Without angle brackets.
    pub message_id: Option<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub from: Option<Mailbox>,
    pub reply_to: Option<Mailbox>,
    pub to: Vec<Mailbox>,
    pub subject: String,
    /// The text a person reads: the plain-text part, or the HTML part turned into text.
    pub text: String,
    /// The HTML part, sanitized; `None` for plain-text mail.
    pub html: Option<String>,
    pub attachments: Vec<MailAttachment>,
    pub automatic: Option<Automatic>,
    pub bounce: Option<Bounce>,
    /// What Accord noticed or changed while reading it (a charset that was not what its
    /// label said, a NUL removed, a second sender address): shown to staff with the message.
    pub notes: Vec<MailNote>,
    /// Why the message could not be read as email at all (`no-headers`, `not-mail:…`): it
    /// is held as unreadable, with its bytes kept.
    pub unreadable: Option<String>,
}

/// One thing noticed while reading a message: a stable code (translated by the interface
/// as `mail-note-<code>`) and what it is about (a charset label, a header, a limit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MailNote {
    /// not-base64 | charset-was-utf8 | charset-was-windows-1252 | charset-unlabelled | charset-unknown |
    /// charset-invalid | nul-removed | sender-several-addresses | space-before-headers |
    /// no-blank-line | text-recovered | no-sender | attachments-over-limit | not-mail
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

impl MailNote {
    pub fn new(code: &str, detail: impl Into<String>) -> MailNote {
        MailNote {
            code: code.to_owned(),
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for MailNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.detail.is_empty() {
            f.write_str(&self.code)
        } else {
            write!(f, "{}:{}", self.code, self.detail)
        }
    }
}

impl InboundMail {
    /// The address replies go to: Reply-To, else From.
    pub fn reply_address(&self) -> Option<&Mailbox> {
        self.reply_to.as_ref().or(self.from.as_ref())
    }

    /// Message-IDs this message answers, nearest first: In-Reply-To, then References from
    /// the newest back.
    pub fn answered_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.in_reply_to.iter().map(String::as_str).collect();
        for id in self.references.iter().rev() {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        ids
    }
}
