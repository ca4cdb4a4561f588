//! The site-wide timeline: every dated sentence of every document, in time
//! order.

use super::Doc;
use crate::extract::years::Precision;
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
    pub clipped: bool,
    /// Byte span of the time expression inside the sentence.
    pub mark: (usize, usize),
    /// Its id on the timeline, from what it is and where (its document's
    /// URL, paragraph, mark and label), so that it stays while other
    /// entries come and go: links to it from its document need not change.
    pub anchor: String,
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

#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub entries: Vec<Entry>,
    /// Per document: indexes of its entries, in time order.
    pub by_doc: Vec<Vec<usize>>,
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
pub fn build(docs: &[Arc<Doc>]) -> Timeline {
    let mut entries = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (j, dated) in doc.extracted.dates.iter().enumerate() {
            let s = dated.sentence.clone();
            let h = &dated.hit;
            let mark = (
                h.start.saturating_sub(s.start),
                h.end.min(s.end).saturating_sub(s.start),
            );
            entries.push(Entry {
                doc: d,
                dated: j,
                paragraph: dated.paragraph,
                year: h.year,
                end_year: h.end_year,
                precision: h.precision,
                clipped: h.clipped,
                mark,
                anchor: String::new(),
            });
        }
    }
    let key = |e: &Entry| {
        let end = e.end_year.unwrap_or(e.year);
        (
            e.year,
            end,
            e.precision,
            &docs[e.doc].title,
            e.paragraph,
            e.mark,
        )
    };
    entries.sort_by(|a, b| key(a).cmp(&key(b)));
    // `y1987-` and 31 bits of a hash in base 36 (six characters): among
    // 10,000 entries of one year, a clash about once in 40 sites (a clash
    // gets `-2`, `-3`: a suffix no other anchor can end with).
    let mut seen: rustc_hash::FxHashMap<(i32, usize), usize> = Default::default();
    for e in &mut entries {
        let doc = &docs[e.doc];
        let hash = crate::memo::KeyHasher::of(|h| {
            h.add((&doc.url, e.paragraph, e.mark, e.label(docs)));
        });
        let bits = (hash & ((1 << 31) - 1)) as usize;
        let n = seen.entry((e.year, bits)).or_default();
        *n += 1;
        let id = format!("y{}-{:0>6}", e.year, crate::search::encode::base36(bits));
        e.anchor = if *n == 1 { id } else { format!("{id}-{n}") };
    }
    let mut by_doc = vec![Vec::new(); docs.len()];
    for (i, e) in entries.iter().enumerate() {
        by_doc[e.doc].push(i);
    }
    Timeline { entries, by_doc }
}
