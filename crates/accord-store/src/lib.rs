//! Accord's storage: one SQL codebase over SQLite (default, one file) or PostgreSQL.
//!
//! Statements are written once in the SQL both engines understand (`$1` placeholders,
//! `RETURNING`, `ON CONFLICT`); dynamic filters are built with sea-query. [`db::Conn`] runs
//! them on either engine and returns rows decoded by position, whatever the native column
//! types (UUID/BLOB ids, BOOLEAN/INTEGER flags, JSONB/TEXT documents).
//!
//! Every query that reads customer data takes the caller's [`accord_core::access::Scope`]:
//! a customer's query cannot return another organization's rows, whatever the handler does.

#[macro_use]
mod value;
pub mod acknowledge;
pub mod agreements;
pub mod audit;
pub mod auth;
pub mod blobs;
pub mod calendars;
pub mod cases;
pub mod clocks;
mod codec;
mod db;
mod error;
mod escalation;
mod facts;
mod follow_ups;
pub mod guidance;
pub mod idempotency;
pub mod mail;
pub mod notifications;
pub mod people;
pub mod policies;
pub mod policy_diff;
pub mod portal_links;
pub mod rate_limits;
pub mod remedies;
pub mod resolution;
mod review;
pub mod rule_matches;
pub mod signing;
pub mod staff;
pub mod supervision;
pub mod survey_results;
pub mod surveys;
pub mod timers;

pub use db::{Engine, Store, StoreOptions};
pub use error::StoreError;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
