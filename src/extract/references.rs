//! A document's references: its footnotes read as references (notes that
//! refer back resolved, see `short_forms`) and the entries of its
//! reference lists (see `entries`).

use super::{citations, entries, short_forms, Cited, Place};
use crate::parse::{Document, Node};
use pulldown_cmark::Event;

/// Parses every footnote; a note that refers back (`Ibid.`, `Id. at 12`,
/// `supra note 5`, `op. cit.`, a short form) takes the reference it means
/// (see [`short_forms`]); footnotes are in number order.
pub(super) fn read_citations(doc: &Document) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    for (i, f) in doc.footnotes.iter().enumerate() {
        let (text, urls) = citations::marked_text(&f.body);
        let text = short_forms::without_signal(&text);
        let earlier = match short_forms::back(text) {
            // A short form with no full form before it is read as it is.
            short_forms::Back::Full => short_forms::short(text)
                .and_then(|(family, title)| {
                    out.iter()
                        .rev()
                        .find(|c| !c.ibid && short_forms::is_full_form(family, title, &c.reference))
                })
                .map(Some),
            short_forms::Back::Previous => Some(out.last()),
            short_forms::Back::Note(n) => Some(
                out.iter()
                    .find(|c| matches!(c.at, Place::Note(k) if doc.footnotes[k].number == n)),
            ),
            short_forms::Back::Author(family) => Some(out.iter().rev().find(|c| {
                c.reference
                    .authors
                    .first()
                    .is_some_and(|a| a.family.eq_ignore_ascii_case(&family))
            })),
        };
        if let Some(found) = earlier {
            // A back-reference that finds nothing is a remark.
            if let Some(c) = found.cloned() {
                out.push(Cited {
                    at: Place::Note(i),
                    ibid: true,
                    ..c
                });
            }
            continue;
        }
        match citations::parse_reference(text, urls) {
            citations::Parsed::Reference(r) => {
                let full = out
                    .iter()
                    .rev()
                    .find(|c| !c.ibid && short_forms::shortens(&r, &c.reference))
                    .cloned();
                out.push(match full {
                    Some(c) => Cited {
                        at: Place::Note(i),
                        ibid: true,
                        ..c
                    },
                    None => Cited {
                        at: Place::Note(i),
                        label: None,
                        in_text: 0,
                        keys: citations::match_keys(&r),
                        reference: *r,
                        ibid: false,
                    },
                });
            }
            citations::Parsed::Ibid(_) => {
                if let Some(prev) = out.last().cloned() {
                    out.push(Cited {
                        at: Place::Note(i),
                        ibid: true,
                        ..prev
                    });
                }
            }
            citations::Parsed::Note => {}
        }
    }
    out
}

/// Parses the entries of the document's reference lists.
pub(super) fn read_entries(doc: &Document) -> Vec<Cited> {
    if !doc.paragraphs.iter().any(|p| p.reference) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut paragraph = 0;
    let body = &doc.body;
    for (k, n) in body.iter().enumerate() {
        let Node::ParagraphStart { .. } = n else {
            continue;
        };
        let i = paragraph;
        paragraph += 1;
        if !doc.paragraphs.get(i).is_some_and(|p| p.reference) {
            continue;
        }
        let (text, urls) = citations::marked_text(block_nodes(&body[k + 1..]));
        if let Some(e) = entries::parse_entry(&text, urls) {
            out.push(Cited {
                at: Place::Entry(i),
                label: e.label,
                in_text: 0,
                keys: citations::match_keys(&e.reference),
                reference: e.reference,
                ibid: false,
            });
        }
    }
    out
}

/// The nodes of one block, from just after its start to its end (or the
/// next block's start).
fn block_nodes(nodes: &[Node]) -> &[Node] {
    let mut depth = 0usize;
    for (j, n) in nodes.iter().enumerate() {
        match n {
            Node::ParagraphStart { .. } | Node::HeadingStart { .. } => return &nodes[..j],
            Node::Md(Event::Start(_)) => depth += 1,
            Node::Md(Event::End(_)) => {
                if depth == 0 {
                    return &nodes[..j];
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    nodes
}
