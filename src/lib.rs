//! dossier turns a folder of source texts and a topic map into a cross-linked
//! research website.
//!
//! The build is a one-way pipeline; each stage is a module entered by one free
//! function, and values flow from stage to stage:
//!
//! 1. [`config`]: read and check `config.toml` ([`config::load`]).
//! 2. [`sources`]: discover and read the texts, front matter and sidecars
//!    ([`sources::discover`]).
//! 3. [`normalize`]: clean plain text and PDF-style Markdown into Markdown
//!    ([`normalize::normalize`]), per document, in parallel.
//! 4. `parse`: Markdown into the document model with paragraph ids and
//!    footnotes (`parse::parse`), per document, in parallel.
//! 5. [`extract`]: topic mentions and dates per document
//!    ([`extract::extract`]), in parallel; the [`topics`] map is read with the
//!    config.
//! 6. `graph`: the site graph: metadata, slugs, URLs, sections, order, and
//!    the site-wide topic index and timeline (`graph::build_graph`).
//! 7. `render`: templates (`theme`) and feeds into in-memory files
//!    (`render::render`).
//! 8. `output`: write each file into a staging folder as it is made,
//!    then swap it in for the output folder (`output::Staging`).
//!
//! `build` runs the stages in order ([`build()`], [`build_in_memory`],
//! [`build_incremental`] given the last build's [`Memo`]); [`session`]
//! sits on top: a series of builds of one site, each patched or rebuilt
//! from the last ([`Session`], what `serve` uses). `memo` holds the
//! containers the stages keep their results in, and knows nothing of them.
//! [`check`] verifies a rendered site's links.
//!
//! The public API is what the binary, the tests and the examples use;
//! the other modules are the crate's own.

mod bibliography;
mod build;
mod chars;
pub mod check;
pub mod config;
pub mod diagnostics;
pub mod extract;
#[doc(hidden)]
pub mod fuzz;
mod graph;
pub mod init;
mod math;
mod memo;
pub mod normalize;
mod output;
mod parse;
mod paths;
mod prepare;
mod render;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod session;
pub mod sources;
mod theme;
pub mod timings;
pub mod topics;
mod zlib;

pub use build::{build, build_in_memory, build_incremental, Built, Memo};
pub use output::Contents;
pub use session::Session;
pub use timings::{Laps, Timings};
