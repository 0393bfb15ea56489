//! Conversions between stored columns and domain values.

use jiff::Timestamp;

use crate::{Result, StoreError};

/// Instants are stored as unix microseconds: portable, indexable, and sorted correctly.
pub fn to_micros(t: Timestamp) -> i64 {
    t.as_microsecond()
}

pub fn from_micros(micros: i64) -> Result<Timestamp> {
    Timestamp::from_microsecond(micros)
        .map_err(|e| StoreError::Corrupt(format!("timestamp {micros}: {e}")))
}

/// Parses a stored enum text, naming the column when it does not decode.
pub fn parse<T>(text: &str, column: &str, parse: fn(&str) -> Option<T>) -> Result<T> {
    parse(text).ok_or_else(|| StoreError::Corrupt(format!("{column} holds unknown value {text:?}")))
}

pub fn parse_language(text: &str, column: &str) -> Result<accord_core::language::Language> {
    parse(text, column, accord_core::language::Language::from_tag)
}

pub fn now() -> Timestamp {
    Timestamp::now()
}
