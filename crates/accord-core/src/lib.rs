//! Accord's domain core: the rules about cases, people and permissions.
//!
//! This crate does no I/O and has no async code: every function takes what it needs
//! (including "now") as arguments and returns a value, so the rules can be tested
//! exhaustively. Storage, channels and the web interface depend on it, never the reverse.

pub mod access;
pub mod agreement;
pub mod case;
pub mod clock;
pub mod entry;
pub mod error;
pub mod ids;
pub mod language;
pub mod mail;
pub mod people;
pub mod remedy;
pub mod survey;
pub mod validate;

pub use error::{DomainError, FieldError};
