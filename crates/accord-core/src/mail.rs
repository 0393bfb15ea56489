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
    /// Why the message could not be read as email at all (`parser-failed`, `not-mail:…`):
    /// it is held as unreadable, with its bytes kept.
    pub unreadable: Option<String>,
    /// What sender authentication said, when it was checked.
    pub authentication: Option<MailAuthentication>,
}

/// What sender authentication (SPF, DKIM, DMARC) said about a received message. Results are
/// the RFC 8601 words: pass, fail, softfail, neutral, none, temperror, permerror.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MailAuthentication {
    pub spf: String,
    /// The domain SPF was checked for (the envelope sender's, else the HELO name's).
    pub spf_domain: String,
    pub dkim: String,
    /// The domains (`d=`) whose signatures verified.
    pub dkim_domains: Vec<String>,
    pub dmarc: String,
    /// The From domain DMARC was evaluated for.
    pub from_domain: String,
}

impl MailAuthentication {
    /// Whether the message comes from the domain of `address` on authority stronger than
    /// its own word: DMARC passed for that domain, or a verified DKIM signature is aligned
    /// with it (the same domain, or one a subdomain of the other: relaxed alignment).
    pub fn vouches_for(&self, address: &str) -> bool {
        let Some((_, domain)) = address.rsplit_once('@') else {
            return false;
        };
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        let aligned = |other: &str| {
            let other = other.trim_end_matches('.').to_ascii_lowercase();
            !other.is_empty()
                && (other == domain
                    || domain.ends_with(&format!(".{other}"))
                    || other.ends_with(&format!(".{domain}")))
        };
        (self.dmarc == "pass" && aligned(&self.from_domain))
            || self.dkim_domains.iter().any(|d| aligned(d))
    }

    /// Whether a check said the sender is not who the message claims (shown to agents).
    pub fn failed(&self) -> bool {
        self.dmarc == "fail" || [&self.spf, &self.dkim].iter().any(|r| *r == "fail")
    }
}

/// One thing noticed while reading a message: a stable code (translated by the interface
/// as `mail-note-<code>`) and what it is about (a charset label, a header, a limit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MailNote {
    /// not-base64 | charset-was-utf8 | charset-was-windows-1252 | charset-unlabelled | charset-unknown |
    /// charset-invalid | nul-removed | sender-several-addresses | space-before-headers | no-headers |
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

#[cfg(test)]
mod tests {
    use super::MailAuthentication;

    #[test]
    fn only_dmarc_or_an_aligned_dkim_signature_vouches_for_a_sender() {
        let dkim = |domains: &[&str]| MailAuthentication {
            dkim: "pass".into(),
            dkim_domains: domains.iter().map(|d| d.to_string()).collect(),
            ..Default::default()
        };
        assert!(dkim(&["acme.lv"]).vouches_for("ilze@acme.lv"));
        assert!(dkim(&["acme.lv"]).vouches_for("ilze@mail.acme.lv"));
        assert!(dkim(&["mail.acme.lv"]).vouches_for("ilze@ACME.lv"));
        assert!(!dkim(&["other.lv"]).vouches_for("ilze@acme.lv"));
        assert!(!dkim(&["notacme.lv"]).vouches_for("ilze@acme.lv"));
        assert!(!dkim(&[]).vouches_for("ilze@acme.lv"));
        let spf_only = MailAuthentication {
            spf: "pass".into(),
            spf_domain: "acme.lv".into(),
            dmarc: "none".into(),
            ..Default::default()
        };
        assert!(
            !spf_only.vouches_for("ilze@acme.lv"),
            "SPF alone says nothing of the From address"
        );
        let dmarc = MailAuthentication {
            dmarc: "pass".into(),
            from_domain: "acme.lv".into(),
            ..Default::default()
        };
        assert!(dmarc.vouches_for("ilze@acme.lv"));
        assert!(!dmarc.vouches_for("ilze@example.lv"));
    }
}
