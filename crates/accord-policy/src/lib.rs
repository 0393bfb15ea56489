//! The service policy (PRODUCT.md B1–B3): the document a support manager writes, compiled
//! into rules Accord runs, and the checks that tell the author what to fix.
//!
//! Pure: no I/O. Loading a file and storing versions are the adapters' business.

pub mod condition;
