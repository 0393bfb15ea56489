//! Language tools that need no I/O: readability scores suited to each language (PRODUCT.md
//! G2) with flags for long sentences and bureaucratic jargon, and recognising a customer who
//! asks for a manager (C2), and whether a resolution explanation says something (D4).

pub mod detect;
pub mod explanation;
pub mod phrases;
pub mod readability;
pub mod syllables;
