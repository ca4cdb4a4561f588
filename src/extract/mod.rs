//! Extract: what each document says, found per document and in parallel.
//!
//! 1. [`mentions`]: topic aliases in paragraph text, never inside code, links,
//!    headings or footnote markers; which of them become links.
//! 2. [`years`]: years, ranges, decades and dates in paragraph text, each
//!    with its sentence ([`sentences`]).
//!
//! Extraction does no I/O and never fails.

pub mod mentions;
pub mod sentences;
pub mod years;
