//! What must never reach the database as text, and what is not email at all.
//!
//! - NUL: PostgreSQL refuses it in text and SQLite cuts strings at it in places, so a NUL
//!   in a message's text, subject, names or ids is removed on both engines alike, and the
//!   message notes it (its raw bytes keep it).
//! - Files that are not MIME mail (an Outlook `.msg`, a PDF, a zip) delivered as if they
//!   were: held as unreadable, with the bytes kept as the file they are, never parsed into
//!   NUL-laden garbage.

use accord_core::mail::{InboundMail, MailAttachment};

use super::Note;

/// A kind of file that is not an email message, by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NotMail {
    pub code: &'static str,
    pub filename: &'static str,
    pub content_type: &'static str,
}

const SIGNATURES: [(&[u8], NotMail); 6] = [
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        NotMail {
            code: "outlook-msg",
            filename: "message.msg",
            content_type: "application/vnd.ms-outlook",
        },
    ),
    (
        b"%PDF-",
        NotMail {
            code: "pdf",
            filename: "document.pdf",
            content_type: "application/pdf",
        },
    ),
    (
        b"PK\x03\x04",
        NotMail {
            code: "zip",
            filename: "archive.zip",
            content_type: "application/zip",
        },
    ),
    (
        b"\x89PNG",
        NotMail {
            code: "image",
            filename: "image.png",
            content_type: "image/png",
        },
    ),
    (
        b"\xFF\xD8\xFF",
        NotMail {
            code: "image",
            filename: "image.jpg",
            content_type: "image/jpeg",
        },
    ),
    (
        b"GIF8",
        NotMail {
            code: "image",
            filename: "image.gif",
            content_type: "image/gif",
        },
    ),
];

const BINARY: NotMail = NotMail {
    code: "binary",
    filename: "message.bin",
    content_type: "application/octet-stream",
};

/// Whether the bytes are a file rather than a message: a known file signature, a NUL in
/// a first line that is no header field, or NULs all through the start (text mail has
/// none; a few stray ones in a header or body are removed, not a reason to hold it).
pub(super) fn not_mail(raw: &[u8]) -> Option<NotMail> {
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| raw.starts_with(sig)) {
        return Some(*kind);
    }
    let first_line = raw.split(|b| *b == b'\n').next().unwrap_or_default();
    let start = &raw[..raw.len().min(4096)];
    let nuls = start.iter().filter(|b| **b == 0).count();
    let nul_first_line = first_line.contains(&0) && !super::starts_with_header(first_line);
    // A few stray NULs in a text message are removed later; many are a file.
    (nul_first_line || (nuls >= 32 && nuls * 20 > start.len())).then_some(BINARY)
}

/// A file delivered as mail: held as unreadable, the bytes kept as the file.
pub(super) fn kept_as_file(raw: &[u8], kind: NotMail) -> InboundMail {
    InboundMail {
        unreadable: Some(format!("not-mail:{}", kind.code)),
        attachments: vec![MailAttachment {
            filename: kind.filename.to_owned(),
            content_type: kind.content_type.to_owned(),
            bytes: raw.to_vec(),
            inline: false,
        }],
        notes: vec![Note::new("not-mail", kind.code)],
        ..InboundMail::default()
    }
}

/// Removes NUL from every text the message gives the database; notes it when there was one.
pub(super) fn remove_nul(mail: &mut InboundMail) {
    let mut found = false;
    let mut clean = |s: &mut String| {
        if s.contains('\0') {
            s.retain(|c| c != '\0');
            found = true;
        }
    };
    clean(&mut mail.subject);
    clean(&mut mail.text);
    if let Some(html) = &mut mail.html {
        clean(html);
    }
    for id in mail
        .message_id
        .iter_mut()
        .chain(mail.in_reply_to.iter_mut())
        .chain(mail.references.iter_mut())
    {
        clean(id);
    }
    for mailbox in mail
        .from
        .iter_mut()
        .chain(mail.reply_to.iter_mut())
        .chain(mail.to.iter_mut())
    {
        clean(&mut mailbox.email);
        if let Some(name) = &mut mailbox.name {
            clean(name);
        }
    }
    for file in &mut mail.attachments {
        clean(&mut file.filename);
        clean(&mut file.content_type);
    }
    if let Some(bounce) = &mut mail.bounce {
        for field in [
            &mut bounce.original_message_id,
            &mut bounce.recipient,
            &mut bounce.status,
            &mut bounce.diagnostic,
        ]
        .into_iter()
        .flatten()
        {
            clean(field);
        }
        clean(&mut bounce.action);
    }
    for note in &mut mail.notes {
        clean(&mut note.detail);
    }
    if let Some(why) = &mut mail.unreadable {
        clean(why);
    }
    if found {
        mail.notes.push(Note::new("nul-removed", ""));
    }
    mail.message_id = mail.message_id.take().filter(|id| !id.is_empty());
}
