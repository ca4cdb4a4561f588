//! The site-wide timeline: every dated sentence of every document, in time
//! order.

use super::Doc;
use crate::extract::years::Precision;
use rayon::prelude::*;
use std::sync::Arc;

/// A dated sentence: where it is (its texts stay in the document; see
/// [`Entry::label`] and [`Entry::sentence`]) and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub doc: usize,
    /// Index into the document's `Extracted::dates`.
    pub dated: usize,
    pub paragraph: usize,
    pub year: i32,
    pub end_year: Option<i32>,
    pub precision: Precision,
    /// Month and day within the year, 0 where unknown (see
    /// `YearHit::within_year`).
    pub within: (u8, u8),
    pub clipped: bool,
    /// Byte span of the time expression inside the sentence.
    pub mark: (usize, usize),
    /// Its id on the timeline, from what it is and where (its document's
    /// URL, paragraph, mark and label), so that it stays while other
    /// entries come and go: links to it from its document need not change.
    pub anchor: Anchor,
}

/// An entry's id on the timeline, `y1987-` and six base-36 digits of a
/// hash (31 bits) of what and where it is; the `n`th entry of a year with
/// the same hash gets `-n` (from 2): a suffix no other id can end with.
/// Held as numbers and written when shown (a large site's timeline holds
/// millions of entries, each copied when an edit patches the timeline).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Anchor {
    year: i32,
    bits: u32,
    n: u32,
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = crate::chars::base36(self.bits as usize);
        write!(f, "y{}-{digits:0>6}", self.year)?;
        if self.n > 1 {
            write!(f, "-{}", self.n)?;
        }
        Ok(())
    }
}

impl serde::Serialize for Anchor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Entry {
    /// The normalised time expression: `1947–1991`, `mid-1950s`.
    pub fn label<'a>(&self, docs: &'a [Arc<Doc>]) -> &'a str {
        &docs[self.doc].extracted.dates[self.dated].hit.label
    }

    /// The sentence that holds it.
    pub fn sentence<'a>(&self, docs: &'a [Arc<Doc>]) -> &'a str {
        let doc = &docs[self.doc];
        let dated = &doc.extracted.dates[self.dated];
        doc.body.paragraphs[dated.paragraph]
            .text
            .get(dated.sentence.clone())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    pub entries: Vec<Entry>,
    /// Per document: indexes of its entries, in time order.
    pub by_doc: Vec<Vec<usize>>,
    /// Per document: a hash of what its entries are made from (its title,
    /// URL and dated sentences), for [`update`].
    pub sources: Vec<u64>,
}

impl Timeline {
    /// Entries per year that has any, in order (a range counts in its first
    /// year).
    pub fn years(&self) -> Vec<(i32, Vec<usize>)> {
        let mut out: Vec<(i32, Vec<usize>)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            match out.last_mut() {
                Some((y, list)) if *y == e.year => list.push(i),
                _ => out.push((e.year, vec![i])),
            }
        }
        out
    }
}

/// Collects and sorts the dated sentences of all documents.
pub fn build(docs: &[Arc<Doc>], keys: &[super::DocKeys]) -> Timeline {
    let mut entries: Vec<Entry> = (0..docs.len())
        .into_par_iter()
        .flat_map_iter(|d| entries_of(docs, d))
        .collect();
    // The order of `entry_order`: a stable sort of entries pushed by
    // document, then dated sentence; the titles compared once, as ranks,
    // not at every comparison (each a visit to two documents far apart in
    // memory: a large site's timeline holds millions of entries).
    let rank = title_ranks(docs);
    entries.par_sort_by_key(|e| {
        let (when, _, paragraph, mark) = entry_key(docs, e);
        (when, rank[e.doc], paragraph, mark)
    });
    // `y1987-` and 31 bits of a hash in base 36 (six characters): among
    // 10,000 entries of one year, a clash about once in 40 sites (a clash
    // gets `-2`, `-3`: a suffix no other anchor can end with).
    let bits: Vec<u32> = entries.par_iter().map(|e| anchor_bits(docs, e)).collect();
    let mut seen: rustc_hash::FxHashMap<(i32, u32), u32> = Default::default();
    let nth: Vec<u32> = entries
        .iter()
        .zip(&bits)
        .map(|(e, &b)| {
            let n = seen.entry((e.year, b)).or_default();
            *n += 1;
            *n
        })
        .collect();
    entries
        .par_iter_mut()
        .zip(bits.par_iter().zip(&nth))
        .for_each(|(e, (&bits, &n))| {
            e.anchor = Anchor {
                year: e.year,
                bits,
                n,
            }
        });
    finish(docs, keys, entries)
}

/// [`build`] from `last`, the timeline of the same documents (as many, in
/// the same order) before some changed: the entries of the documents whose
/// title, URL or dated sentences changed are taken out and theirs now put
/// in, in order. `None` (build anew) when the documents are not the same
/// ones, or when a changed entry's anchor hash clashes with another's in
/// its year (a clash's suffix depends on the order of all of them).
pub fn update(docs: &[Arc<Doc>], keys: &[super::DocKeys], last: &Timeline) -> Option<Timeline> {
    if last.sources.len() != docs.len() {
        return None;
    }
    let sources: Vec<u64> = docs
        .iter()
        .zip(keys)
        .map(|(d, k)| source_of(d, k))
        .collect();
    let changed: Vec<usize> = (0..docs.len())
        .filter(|&d| sources[d] != last.sources[d])
        .collect();
    let mut is_changed = vec![false; docs.len()];
    for &d in &changed {
        is_changed[d] = true;
    }
    let mut added: Vec<Entry> = changed.iter().flat_map(|&d| entries_of(docs, d)).collect();
    added.sort_by(|a, b| entry_order(docs, a, b));
    // The anchors of the entries added: unless one clashes with another
    // entry of its year, it is its hash alone.
    let mut kept_bits: rustc_hash::FxHashSet<(i32, u32)> = Default::default();
    let years: rustc_hash::FxHashSet<i32> = added
        .iter()
        .map(|e| e.year)
        .chain(
            last.entries
                .iter()
                .filter(|e| is_changed[e.doc])
                .map(|e| e.year),
        )
        .collect();
    for e in last.entries.iter().filter(|e| years.contains(&e.year)) {
        if !is_changed[e.doc] {
            kept_bits.insert((e.year, e.anchor.bits));
        }
    }
    // An entry taken out of a clash with a kept entry would renumber it,
    // one put in would be numbered after it: then the timeline is built.
    // (Clashes among kept entries keep their order, and so their
    // suffixes; clashes among the entries put in are numbered here as a
    // build numbers them, in timeline order.)
    for e in last.entries.iter().filter(|e| is_changed[e.doc]) {
        if kept_bits.contains(&(e.year, e.anchor.bits)) {
            return None;
        }
    }
    let mut seen: rustc_hash::FxHashMap<(i32, u32), u32> = Default::default();
    for e in &mut added {
        let bits = anchor_bits(docs, e);
        if kept_bits.contains(&(e.year, bits)) {
            return None;
        }
        let n = seen.entry((e.year, bits)).or_default();
        *n += 1;
        e.anchor = Anchor {
            year: e.year,
            bits,
            n: *n,
        };
    }
    // Merge the kept entries (in order) with the added ones (in order).
    let mut entries = Vec::with_capacity(last.entries.len() + added.len());
    let mut added = added.into_iter().peekable();
    for e in last.entries.iter().filter(|e| !is_changed[e.doc]) {
        while let Some(a) = added.next_if(|a| entry_order(docs, a, e).is_lt()) {
            entries.push(a);
        }
        entries.push(e.clone());
    }
    entries.extend(added);
    Some(finish(docs, keys, entries))
}

/// The timeline of `entries` (in order, anchored).
fn finish(docs: &[Arc<Doc>], keys: &[super::DocKeys], entries: Vec<Entry>) -> Timeline {
    let mut by_doc = vec![Vec::new(); docs.len()];
    for (i, e) in entries.iter().enumerate() {
        by_doc[e.doc].push(i);
    }
    Timeline {
        entries,
        by_doc,
        sources: docs
            .par_iter()
            .zip(keys)
            .map(|(d, k)| source_of(d, k))
            .collect(),
    }
}

/// What a document's entries are made from: its title and URL (the order
/// and anchors of its entries) and its dated sentences.
fn source_of(doc: &Doc, keys: &super::DocKeys) -> u64 {
    crate::memo::KeyHasher::of(|h| {
        h.add((&doc.title, &doc.url, &keys.parts.dates));
        h.add(doc.extracted.dates.len());
    })
}

/// Document `d`'s entries, in the order of its dated sentences, not yet
/// anchored.
fn entries_of(docs: &[Arc<Doc>], d: usize) -> Vec<Entry> {
    let doc = &docs[d];
    doc.extracted
        .dates
        .iter()
        .enumerate()
        .map(|(j, dated)| {
            let s = dated.sentence.clone();
            let h = &dated.hit;
            let mark = (
                h.start.saturating_sub(s.start),
                h.end.min(s.end).saturating_sub(s.start),
            );
            Entry {
                doc: d,
                dated: j,
                paragraph: dated.paragraph,
                year: h.year,
                end_year: h.end_year,
                precision: h.precision,
                within: h.within_year(),
                clipped: h.clipped,
                mark,
                anchor: Anchor::default(),
            }
        })
        .collect()
}

/// When an entry is, for time order: year, end year, month and day (a
/// whole year's entries before its dated ones), precision.
type When = (i32, i32, (u8, u8), Precision);

/// Time order: [`When`], then the document's title, the paragraph and the
/// place in it.
fn entry_key<'a>(docs: &'a [Arc<Doc>], e: &Entry) -> (When, &'a String, usize, (usize, usize)) {
    let end = e.end_year.unwrap_or(e.year);
    (
        (e.year, end, e.within, e.precision),
        &docs[e.doc].title,
        e.paragraph,
        e.mark,
    )
}

/// Each document's place in the order of titles (equal titles, equal
/// places).
fn title_ranks(docs: &[Arc<Doc>]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].title.cmp(&docs[b].title));
    let mut rank = vec![0u32; docs.len()];
    let mut r = 0u32;
    for (k, &d) in order.iter().enumerate() {
        if k > 0 && docs[order[k - 1]].title != docs[d].title {
            r += 1;
        }
        rank[d] = r;
    }
    rank
}

/// The timeline's order: [`entry_key`], then document and dated sentence
/// (the order of a stable sort of entries pushed in that order).
fn entry_order(docs: &[Arc<Doc>], a: &Entry, b: &Entry) -> std::cmp::Ordering {
    entry_key(docs, a)
        .cmp(&entry_key(docs, b))
        .then((a.doc, a.dated).cmp(&(b.doc, b.dated)))
}

/// 31 bits of a hash of what and where an entry is, for its anchor.
fn anchor_bits(docs: &[Arc<Doc>], e: &Entry) -> u32 {
    let doc = &docs[e.doc];
    let hash = crate::memo::KeyHasher::of(|h| {
        h.add((&doc.url, e.paragraph, e.mark, e.label(docs)));
    });
    (hash & ((1 << 31) - 1)) as u32
}
