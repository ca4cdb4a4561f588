//! dossier turns a folder of source texts and a topic map into a cross-linked
//! research website.
//!
//! The build is a one-way pipeline; each stage is a module entered by one free
//! function, and values flow from stage to stage:
//!
//! 1. [`config`]: read and check `config.toml`.
//! 2. [`sources`]: discover and read the texts, front matter and sidecars.
//! 3. [`normalize`]: clean plain text and PDF-style Markdown into Markdown.
//! 4. [`parse`]: Markdown into a document model with ids and footnotes.
//! 5. [`graph`]: the site graph: slugs, URLs, sections, ordering.
//! 6. [`render`]: templates and feeds into in-memory output files.
//! 7. [`output`]: write the files atomically (staging folder, then swap).
//!
//! [`check`] verifies a rendered site's links; [`build`] runs the stages.

pub mod config;
pub mod diagnostics;
pub mod normalize;
pub mod sources;
