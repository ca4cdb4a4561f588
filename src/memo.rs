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

use crate::diagnostics::Diagnostic;
use crate::graph::Prepared;
use crate::search::index::Index;
use crate::search::Group;
use crate::sources::Source;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A document prepared for the graph, with the warnings its parse gave.
pub type PreparedEntry = Arc<(Prepared, Vec<Diagnostic>)>;

/// The results of one build, for the next. `Memo::default()` is inactive:
/// a one-off build neither computes keys nor keeps results.
#[derive(Default)]
pub struct Memo {
    /// Whether builds given this memo compute keys and keep their results.
    pub active: bool,
    pub prepared: HashMap<u64, PreparedEntry>,
    /// Each source read or reused, by path: its stamp and key.
    pub sources: HashMap<std::path::PathBuf, (crate::sources::Stamp, u64)>,
    /// When the sources were read, and the extraction context's hash then.
    pub read_at: Option<std::time::SystemTime>,
    pub context: u64,
    pub render: RenderMemo,
    /// The site-wide indexes, by the keys of their inputs.
    pub indexes: crate::graph::Indexes,
    /// The parsed templates, by the key of their texts.
    pub templates: Option<crate::theme::Compiled>,
    /// How much of this build was reused.
    pub stats: Stats,
}

impl Memo {
    /// An empty, active memo: the first build of a series.
    pub fn new() -> Self {
        Memo {
            active: true,
            render: RenderMemo {
                active: true,
                ..RenderMemo::default()
            },
            indexes: crate::graph::Indexes::keyed(),
            ..Memo::default()
        }
    }

    /// The key of the source at `path` when the last build read it and it
    /// has not changed since (by its [`Stamp`](crate::sources::Stamp)), in
    /// the same extraction `context`.
    pub fn unchanged_source(&self, path: &std::path::Path, context: u64) -> Option<u64> {
        let (stamp, key) = self.sources.get(path)?;
        let read_at = self.read_at?;
        let same = self.active
            && context == self.context
            && stamp.settled_before(read_at)
            && self.prepared.contains_key(key)
            && crate::sources::Stamp::of(path).as_ref() == Some(stamp);
        same.then_some(*key)
    }
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

/// Rendered bytes by key. Reads come from the last build's memo; this
/// build's results are collected (from parallel renderers) into `next`.
#[derive(Default)]
pub struct RenderMemo {
    pub(crate) active: bool,
    pub(crate) entries: HashMap<u64, Arc<Vec<u8>>>,
    /// Each document's search entries with their weighted tokens.
    pub(crate) search: HashMap<u64, Arc<Group>>,
    /// The merged search postings and their encoded shards, taken by the
    /// next build to patch.
    pub(crate) index: Mutex<Option<Index>>,
    /// Renders reused from the last build and made anew.
    pub reused: usize,
    pub made: usize,
}

/// Looks results up in the last build's memo and records this build's.
pub struct RenderCache<'a> {
    last: &'a RenderMemo,
    next: Mutex<HashMap<u64, Arc<Vec<u8>>>>,
    next_search: Mutex<HashMap<u64, Arc<Group>>>,
    next_index: Mutex<Option<Index>>,
    reused: AtomicUsize,
}

impl<'a> RenderCache<'a> {
    pub fn new(last: &'a RenderMemo) -> Self {
        RenderCache {
            last,
            next: Mutex::default(),
            next_search: Mutex::default(),
            next_index: Mutex::default(),
            reused: AtomicUsize::new(0),
        }
    }

    /// Whether keys are worth computing (the memo is active).
    pub fn active(&self) -> bool {
        self.last.active
    }

    /// A key made by `add`, which runs only when the memo is active (a
    /// one-off build computes no keys; any key serves it).
    pub fn key(&self, add: impl FnOnce(&mut KeyHasher)) -> u64 {
        if !self.active() {
            return 0;
        }
        KeyHasher::of(add)
    }

    /// The bytes for `key`: the last build's when it had them, else made
    /// by `make`; either way remembered for the next build.
    pub fn get_or<E>(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Arc<Vec<u8>>, E> {
        let (bytes, reused) = self.remember(&self.last.entries, &self.next, key, make)?;
        if reused {
            self.reused.fetch_add(1, Ordering::Relaxed);
        }
        Ok(bytes)
    }

    /// A document's search entries for `key`, as [`Self::get_or`].
    pub fn search_entries(&self, key: u64, make: impl FnOnce() -> Group) -> Arc<Group> {
        self.infallible(&self.last.search, &self.next_search, key, make)
    }

    /// The search index `make` gives, handed the last build's to patch
    /// (when results are kept and the last build made one).
    pub fn search_index(&self, make: impl FnOnce(Option<Index>) -> Index) -> Index {
        let last = if self.active() {
            self.last
                .index
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
        } else {
            None
        };
        make(last)
    }

    /// Keeps this build's search index for the next (when results are
    /// kept).
    pub fn keep_search_index(&self, index: Index) {
        if self.active() {
            *self.next_index.lock().unwrap_or_else(|e| e.into_inner()) = Some(index);
        }
    }

    fn infallible<T>(
        &self,
        last: &HashMap<u64, Arc<T>>,
        next: &Mutex<HashMap<u64, Arc<T>>>,
        key: u64,
        make: impl FnOnce() -> T,
    ) -> Arc<T> {
        let made = self.remember(
            last,
            next,
            key,
            || Ok::<_, std::convert::Infallible>(make()),
        );
        match made {
            Ok((value, _)) => value,
            Err(never) => match never {},
        }
    }

    /// The one lookup every kind of result goes through: `last`'s value
    /// for `key`, or `make`'s, recorded in `next` (when the memo is active)
    /// and said whether it was reused.
    fn remember<T, E>(
        &self,
        last: &HashMap<u64, Arc<T>>,
        next: &Mutex<HashMap<u64, Arc<T>>>,
        key: u64,
        make: impl FnOnce() -> Result<T, E>,
    ) -> Result<(Arc<T>, bool), E> {
        if !self.active() {
            return Ok((Arc::new(make()?), false));
        }
        let (value, reused) = match last.get(&key) {
            Some(v) => (Arc::clone(v), true),
            None => (Arc::new(make()?), false),
        };
        next.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, Arc::clone(&value));
        Ok((value, reused))
    }

    /// This build's results.
    pub fn finish(self) -> RenderMemo {
        let entries = self.next.into_inner().unwrap_or_else(|e| e.into_inner());
        let reused = self.reused.into_inner().min(entries.len());
        RenderMemo {
            active: self.last.active,
            made: entries.len() - reused,
            reused,
            entries,
            search: self
                .next_search
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
            index: Mutex::new(
                self.next_index
                    .into_inner()
                    .unwrap_or_else(|e| e.into_inner()),
            ),
        }
    }
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
    h.add(format!("{:?}|{:?}", source.format, source.meta));
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
    /// Per dated sentence (`Extracted::dates`): the time expression and
    /// the sentence with it.
    pub dates: Vec<u64>,
    /// The topic mentions, grouped (`Extracted::passages`, `topic_counts`).
    pub mentions: u64,
    /// The citations (`Extracted::citations`).
    pub citations: u64,
    /// The relative links (`Extracted::links_out`).
    pub links: u64,
}

/// The [`PartKeys`] of a parsed and extracted document.
pub fn part_keys(doc: &crate::parse::Document, extracted: &crate::extract::Extracted) -> PartKeys {
    let hash = |add: &dyn Fn(&mut KeyHasher)| KeyHasher::of(add);
    PartKeys {
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| hash(&|h| h.add(&p.text)))
            .collect(),
        paragraph_ids: doc
            .paragraphs
            .iter()
            .map(|p| hash(&|h| h.add(&p.id)))
            .collect(),
        dates: extracted
            .dates
            .iter()
            .map(|d| {
                hash(&|h| {
                    h.add((d.paragraph, &d.hit, &d.sentence));
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
                h.add((c.footnote, &c.reference, c.ibid, &c.keys));
            }
        }),
        links: hash(&|h| h.add(&extracted.links_out)),
    }
}
