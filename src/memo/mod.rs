//! Incremental rebuilds: what the previous build computed, keyed by a hash
//! of everything it was computed from. `serve` keeps one [`Memo`] between
//! rebuilds; a build given it reuses each result whose key is unchanged and
//! computes the others, and hands back a memo holding exactly its own
//! results (so nothing stale accumulates). A key covers every input of its
//! result, so the output equals a clean build's by construction;
//! `tests/serve.rs` checks that byte for byte after random edits.
//!
//! Kept: each source's normalised, parsed and extracted document (keyed by
//! the source and by what extraction depends on: the config and the topic
//! map); the parsed templates (by their texts); each rendered page, export
//! and search file (by its template and context, or by the inputs of its
//! costly part, see `render`); each document's search entries. Pages,
//! exports and search chunks share one map of bytes: their keys start from
//! a template name or a file path, so they do not meet.

use crate::sources::Source;
use std::hash::{Hash, Hasher};

mod packed;
mod rows;
mod table;
pub use packed::{Held, Pack, Reader, Writer};
pub use rows::RowStore;
pub use table::{KeyLog, Recorder, Slot, Table};

/// Whether reused results are checked against results made anew (a patch
/// against a clean build, an updated timeline, plan or row against a new
/// one). Costly, so off unless the environment sets `DOSSIER_SELF_CHECK`
/// (the tests do); a failed check panics, which `serve` catches, reports
/// and answers with a whole build.
pub fn self_check() -> bool {
    std::env::var_os("DOSSIER_SELF_CHECK").is_some_and(|v| !v.is_empty() && v != "0")
}

/// What a build reused from the last one and what it made anew.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Sources read from disk (the others were known unchanged).
    pub sources_read: usize,
    pub documents_reused: usize,
    pub documents_made: usize,
    pub renders_reused: usize,
    pub renders_made: usize,
}

/// A hasher that serialised values can be written into: 64-bit XXH3 (fast
/// on long inputs, and with accidental collisions as unlikely as any 64-bit
/// hash's) over the bytes written, which are gathered first: keys are made
/// of many small writes, cheaper to append than to feed one by one.
#[derive(Default, Clone)]
pub struct KeyHasher(Vec<u8>);

impl KeyHasher {
    /// The hash of what `add` writes.
    pub fn of(add: impl FnOnce(&mut KeyHasher)) -> u64 {
        let mut h = KeyHasher::default();
        add(&mut h);
        h.finish()
    }

    pub fn add(&mut self, v: impl Hash) {
        v.hash(self);
    }

    /// Adds a value by its JSON form (what templates see).
    pub fn add_json<T: serde::Serialize + ?Sized>(&mut self, v: &T) {
        // Writing into a hasher cannot fail; a value that cannot be
        // serialised fails again, with a message, when rendered.
        let _ = serde_json::to_writer(&mut *self, v);
    }

    pub fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.0)
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        KeyHasher::finish(self)
    }
}

impl std::io::Write for KeyHasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The key of a source's prepared document: the source itself and the
/// `context` it is extracted in (a hash of the config and topic map).
pub fn source_key(source: &Source, context: u64) -> u64 {
    let mut h = KeyHasher::default();
    h.add(context);
    h.add(&source.path);
    h.add(&source.rel);
    h.add(&source.section);
    h.add(&source.body);
    h.add(source.body_line_offset);
    // The metadata's values, as the config's: not its `Debug` text.
    h.add_json(&(source.format, &source.meta));
    h.finish()
}

/// Hashes of parts of a document, made once with it, for the keys of the
/// pages that show those parts elsewhere (see [`part_keys`]).
#[derive(Debug, Default)]
pub struct PartKeys {
    /// Per paragraph: its text.
    pub paragraphs: Vec<u64>,
    /// Per paragraph: its id.
    pub paragraph_ids: Vec<u64>,
    /// Per dated sentence (`Extracted::dates`): the time expression (its
    /// place counted from the sentence's start) and the sentence with it.
    pub dates: Vec<u64>,
    /// The topic mentions, grouped (`Extracted::passages`, `topic_counts`).
    pub mentions: u64,
    /// The citations (`Extracted::citations`).
    pub citations: u64,
    /// The relative links (`Extracted::links_out`).
    pub links: u64,
    /// The text and id of each paragraph with a topic passage, per
    /// passage (what a topic page quotes and links to).
    pub passages: u64,
    /// The ids of the paragraphs with dated sentences, per dated sentence
    /// (what the timeline links to).
    pub dated_ids: u64,
    /// The footnotes' ids and numbers (what a citation's places show of
    /// its notes).
    pub notes: u64,
}

/// The [`PartKeys`] of a parsed and extracted document.
pub fn part_keys(doc: &crate::parse::Document, extracted: &crate::extract::Extracted) -> PartKeys {
    let hash = |add: &dyn Fn(&mut KeyHasher)| KeyHasher::of(add);
    let paragraphs: Vec<u64> = doc
        .paragraphs
        .iter()
        .map(|p| hash(&|h| h.add(&p.text)))
        .collect();
    let paragraph_ids: Vec<u64> = doc
        .paragraphs
        .iter()
        .map(|p| hash(&|h| h.add(&p.id)))
        .collect();
    PartKeys {
        passages: hash(&|h| {
            for p in &extracted.passages {
                h.add((paragraphs[p.paragraph()], paragraph_ids[p.paragraph()]));
            }
        }),
        paragraphs,
        paragraph_ids,
        dates: extracted
            .dates
            .iter()
            .map(|d| {
                // The hit's place within its sentence, not within the
                // paragraph: what the timeline shows (an edit earlier in
                // the paragraph moves both and shows nothing new).
                let hit = crate::extract::years::YearHit {
                    start: d.hit.start.saturating_sub(d.sentence.start),
                    end: d.hit.end.saturating_sub(d.sentence.start),
                    ..d.hit.clone()
                };
                hash(&|h| {
                    h.add((d.paragraph, &hit));
                    h.add(&doc.paragraphs[d.paragraph].text[d.sentence.clone()]);
                })
            })
            .collect(),
        mentions: hash(&|h| {
            for p in &extracted.passages {
                h.add((p.paragraph, p.topic, &p.spans));
            }
            h.add(&extracted.topic_counts);
        }),
        citations: hash(&|h| {
            for c in &extracted.citations {
                h.add((c.at, &c.label, c.in_text, &*c.reference, c.ibid));
            }
            for l in &extracted.cite_links {
                h.add(l);
            }
        }),
        links: hash(&|h| h.add(&extracted.links_out)),
        dated_ids: hash(&|h| {
            for d in &extracted.dates {
                h.add(&doc.paragraphs[d.paragraph].id);
            }
        }),
        notes: hash(&|h| {
            for f in &doc.footnotes {
                h.add((&f.id, f.number));
            }
        }),
    }
}
