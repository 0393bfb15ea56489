//! Accord's email channel, an adapter around the domain core and the store:
//!
//! - [`parse`]: raw bytes to the domain's [`accord_core::mail::InboundMail`];
//! - [`html`]: sanitizing HTML for display;
//! - [`dedupe`]: the identity of a message across deliveries;
//! - [`auth`]: sender authentication (SPF, DKIM, DMARC);
//! - [`ingest`]: receive durably, then file in the background;
//! - [`listener`]: Accord's own SMTP and LMTP listener, and [`data`] its DATA reader;
//! - [`outbound`]: composing replies and sending them from the outbox through a relay;
//! - [`imap`]: polling IMAP mailboxes;
//! - [`config`]: the `[mail]` settings.
//!
//! Parsing, sanitizing and composing do no I/O; the rest speaks SMTP, LMTP and IMAP.

pub mod auth;
pub mod compose;
pub mod config;
pub mod data;
pub mod dedupe;
pub mod html;
pub mod imap;
pub mod ingest;
pub mod listener;
pub mod outbound;
pub mod parse;
pub mod service;
pub mod smtp_client;

pub use config::{MailConfig, MailSettings};
pub use ingest::{Inbound, Refused};
pub use parse::{Limits, parse};
