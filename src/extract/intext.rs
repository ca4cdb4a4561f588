//! In-text citations linked to the entries of the document's reference
//! list (see `entries`):
//!
//! 1. **Numeric**: `[12]`, `[3, 7]`, `[3–5, 9]` — each number with an entry
//!    of that label becomes a link to it (the numbers inside a range are
//!    counted as cited too).
//! 2. **Author–year**, in parentheses (`(Raffel et al., 2019)`, `(Wang and
//!    Kanwar, 2019; Lee et al., 2021)`, `(see Wolf, 1999, p. 4)`) or in the
//!    sentence (`Shazeer et al. (2018)`): the first author's family name,
//!    the second's after `and`/`&`, `et al.` for three or more, and the
//!    year must match exactly one entry. Two entries that fit (two works
//!    by Smith in 2019) leave the citation unlinked and are reported; a
//!    citation is never guessed.
//!
//! Text already inside a link (converters link their citations to the
//! entries themselves, see `parse`) and the reference list itself are
//! left alone.

use super::names::Person;
use super::{Cited, Place};
use crate::parse::{Document, Node};
use pulldown_cmark::{Event, Tag, TagEnd};

#[path = "intext_author_year.rs"]
mod author_year;
use author_year::author_year;

/// A citation in the text linked to an entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CiteLink {
    /// The text node and the byte span in it.
    pub node: usize,
    pub start: usize,
    pub end: usize,
    /// The entry: a paragraph index.
    pub entry: usize,
    /// The node is the start of a link the text itself makes to the
    /// entry (a converter's), not text: `start` and `end` are 0.
    pub whole: bool,
}

/// An entry as citations find it.
struct Target<'a> {
    paragraph: usize,
    label: Option<&'a str>,
    authors: &'a [Person],
    year: Option<i32>,
}

/// Finds the in-text citations of `doc`; counts them on `cited` (the
/// entries' `in_text`) and reports ambiguous ones in `notes`.
pub fn link(doc: &Document, cited: &mut [Cited], notes: &mut Vec<String>) -> Vec<CiteLink> {
    let targets: Vec<Target> = cited
        .iter()
        .filter_map(|c| match c.at {
            Place::Entry(p) => Some(Target {
                paragraph: p,
                label: c.label.as_deref(),
                authors: &c.reference.authors,
                year: c.reference.year,
            }),
            Place::Note(_) => None,
        })
        .collect();
    if targets.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut ambiguous: Vec<String> = Vec::new();
    let mut paragraph: Option<usize> = None;
    let mut seen = 0usize;
    let mut in_link = 0usize;
    // The entry of the text's own link just before, with only spaces
    // since: a second link to it continues the same citation.
    let mut last_link: Option<usize> = None;
    for (k, n) in doc.body.iter().enumerate() {
        match n {
            Node::ParagraphStart { .. } => {
                last_link = None;
                paragraph = Some(seen);
                seen += 1;
            }
            Node::HeadingStart { .. } => paragraph = None,
            Node::Md(Event::Start(Tag::Link { dest_url, .. })) => {
                in_link += 1;
                // A converter's link to the entry (`[\[4\]](#page-6-3)`,
                // retargeted by `parse` to the entry's block).
                let to = dest_url.strip_prefix('#');
                let entry = targets
                    .iter()
                    .find(|e| to == doc.paragraphs.get(e.paragraph).map(|p| p.id.as_str()));
                if let (Some(e), Some(_)) = (entry, paragraph) {
                    out.push(CiteLink {
                        node: k,
                        start: 0,
                        end: 0,
                        entry: e.paragraph,
                        whole: true,
                    });
                    // `[Kaplan et al.](#e) [(2020)](#e)`: one citation a
                    // converter cut into two links.
                    if last_link != Some(e.paragraph) {
                        count(&mut counts, e.paragraph);
                    }
                    last_link = Some(e.paragraph);
                }
            }
            Node::Md(Event::End(TagEnd::Link)) => in_link = in_link.saturating_sub(1),
            Node::Md(Event::Text(t)) if in_link == 0 => {
                if !t.trim().is_empty() {
                    last_link = None;
                }
                let Some(p) = paragraph else { continue };
                if doc.paragraphs.get(p).is_none_or(|p| p.reference) {
                    continue;
                }
                numeric(k, t, &targets, &mut out, &mut counts);
                author_year(k, t, &targets, &mut out, &mut counts, &mut ambiguous);
            }
            _ => {}
        }
    }
    for (p, n) in counts {
        if let Some(c) = cited.iter_mut().find(|c| c.at == Place::Entry(p)) {
            c.in_text += n;
        }
    }
    ambiguous.sort();
    ambiguous.dedup();
    for a in ambiguous {
        notes.push(format!(
            "the citation `{a}` fits more than one entry of the reference list; it is not linked"
        ));
    }
    out.sort_by_key(|l| (l.node, l.start));
    out
}

fn count(counts: &mut Vec<(usize, usize)>, p: usize) {
    match counts.iter_mut().find(|(q, _)| *q == p) {
        Some((_, n)) => *n += 1,
        None => counts.push((p, 1)),
    }
}

/// Rule 1.
fn numeric(
    node: usize,
    t: &str,
    targets: &[Target],
    out: &mut Vec<CiteLink>,
    counts: &mut Vec<(usize, usize)>,
) {
    let by_label = |n: &str| targets.iter().find(|e| e.label == Some(n));
    let mut from = 0;
    while let Some(k) = t[from..].find('[') {
        let open = from + k;
        from = open + 1;
        let Some(len) = t[open + 1..].find(']').filter(|&l| l <= 60) else {
            continue;
        };
        let inner = &t[open + 1..open + 1 + len];
        let ok = !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || " ,–-".contains(c))
            && inner.starts_with(|c: char| c.is_ascii_digit());
        if !ok {
            continue;
        }
        let mut prev: Option<u32> = None;
        let mut range = false;
        let mut i = 0;
        let bytes = inner.as_bytes();
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let j = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let num = &inner[i..j];
                if let Some(e) = by_label(num) {
                    let start = open + 1 + i;
                    out.push(CiteLink {
                        node,
                        start,
                        end: start + num.len(),
                        entry: e.paragraph,
                        whole: false,
                    });
                    count(counts, e.paragraph);
                }
                let value: u32 = num.parse().unwrap_or(0);
                if range {
                    // The numbers between the ends of a range, up to 50.
                    for v in prev.unwrap_or(value) + 1..value.min(prev.unwrap_or(0) + 50) {
                        if let Some(e) = by_label(&v.to_string()) {
                            count(counts, e.paragraph);
                        }
                    }
                }
                prev = Some(value);
                range = false;
                i = j;
            } else {
                if !inner[i..].starts_with([',', ' ']) {
                    range = true;
                }
                i += inner[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        from = open + 1 + len;
    }
}

#[cfg(test)]
#[path = "intext_tests.rs"]
mod tests;
