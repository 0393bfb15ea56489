//! Language tools that need no I/O: readability scores suited to each language (PRODUCT.md
//! G2) with flags for long sentences and bureaucratic jargon.

pub mod readability;
pub mod syllables;
