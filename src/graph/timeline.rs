//! The site-wide timeline: every dated sentence of every document, in time
//! order.

use super::Doc;
use crate::extract::years::Precision;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub doc: usize,
    pub paragraph: usize,
    pub year: i32,
    pub end_year: Option<i32>,
    pub precision: Precision,
    pub label: String,
    pub clipped: bool,
    pub sentence: String,
    /// Byte span of the time expression inside `sentence`.
    pub mark: (usize, usize),
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
pub fn build(docs: &[Doc]) -> Timeline {
    let mut entries = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for dated in &doc.extracted.dates {
            let text = &doc.body.paragraphs[dated.paragraph].text;
            let s = dated.sentence.clone();
            let h = &dated.hit;
            let mark = (
                h.start.saturating_sub(s.start),
                h.end.min(s.end).saturating_sub(s.start),
            );
            entries.push(Entry {
                doc: d,
                paragraph: dated.paragraph,
                year: h.year,
                end_year: h.end_year,
                precision: h.precision,
                label: h.label.clone(),
                clipped: h.clipped,
                sentence: text[s].to_string(),
                mark,
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
    let mut by_doc = vec![Vec::new(); docs.len()];
    for (i, e) in entries.iter().enumerate() {
        by_doc[e.doc].push(i);
    }
    Timeline { entries, by_doc }
}
