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
        // `Smith, A Title (2001); see also Jones, Other (2003).`: one note,
        // several works, when every part reads as a reference (and the
        // note has no links, whose addresses would not know their part).
        let parts = split_works(&text);
        if parts.len() > 1 && urls.is_empty() {
            let read: Vec<Box<citations::Reference>> = parts
                .iter()
                .filter_map(|p| match citations::parse_reference(p, Vec::new()) {
                    citations::Parsed::Reference(r) => Some(r),
                    _ => None,
                })
                .collect();
            if read.len() == parts.len() {
                for r in read {
                    out.push(Cited::new(Place::Note(i), None, *r));
                }
                continue;
            }
        }
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
            short_forms::Back::Case(volume, reporter) => Some(out.iter().rev().find(|c| {
                let r = &c.reference;
                r.kind == "legal_case"
                    && r.volume.as_deref() == Some(volume.as_str())
                    && r.container.as_deref() == Some(reporter.as_str())
            })),
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
                    None => Cited::new(Place::Note(i), None, *r),
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

/// A note's text cut at `; ` outside brackets and quotes.
fn split_works(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut from) = (0i32, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            ';' if depth <= 0 && !quoted && text[i + 1..].starts_with(' ') => {
                parts.push(text[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(text[from..].trim());
    parts.retain(|p| !p.is_empty());
    parts
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
        // `———. Another Title.`: the authors of the entry before.
        let before: Option<Vec<_>> = out
            .last()
            .map(|c: &Cited| c.reference.authors.clone())
            .filter(|a| !a.is_empty());
        let parsed = parse_list_entry(&text, urls, before);
        if let Some(e) = parsed {
            out.push(Cited::new(Place::Entry(i), e.label, e.reference));
        }
    }
    out
}

/// An entry of a reference list, given the authors of the entry before
/// it: one that opens with a rule of dashes (`———.`, `–––––,`) is theirs.
pub fn parse_list_entry(
    marked: &str,
    urls: Vec<String>,
    before: Option<Vec<super::names::Person>>,
) -> Option<entries::Entry> {
    match (repeated_authors(marked), before) {
        (Some(rest), Some(authors)) => {
            entries::parse_entry(&format!("Anon, A. {rest}"), urls).map(|mut e| {
                e.reference.authors = authors;
                e
            })
        }
        _ => entries::parse_entry(marked, urls),
    }
}

/// The rest of an entry that starts with a rule of dashes standing for
/// the previous entry's authors (`———.`, `–––––,`, `----.`).
fn repeated_authors(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let dashes = t
        .chars()
        .take_while(|c| matches!(c, '—' | '–' | '-' | '_' | '―'))
        .count();
    if dashes < 2 {
        return None;
    }
    let at: usize = t.chars().take(dashes).map(char::len_utf8).sum();
    let rest = t[at..].trim_start_matches(['.', ',', ' ']);
    (!rest.is_empty()).then_some(rest)
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

/// Puts the given references (see [`super::Given`]) in place of what was
/// read from the same notes and entries, keeping the order of places.
pub(super) fn apply_given(doc: &Document, given: &super::Given, cited: &mut Vec<Cited>) {
    if given.notes.is_empty() && given.entries.is_empty() {
        return;
    }
    let mut add: Vec<Cited> = Vec::new();
    for (label, refs) in &given.notes {
        let Some(i) = doc.footnotes.iter().position(|f| &f.label == label) else {
            continue;
        };
        cited.retain(|c| c.at != Place::Note(i));
        add.extend(
            refs.iter()
                .map(|r| Cited::new(Place::Note(i), None, r.clone())),
        );
    }
    for (anchor, r) in &given.entries {
        // `Document::anchors` is sorted.
        let Ok(k) = doc
            .anchors
            .binary_search_by(|(a, _)| a.as_str().cmp(anchor))
        else {
            continue;
        };
        let block = &doc.anchors[k].1;
        let Some(p) = doc.paragraphs.iter().position(|p| &p.id == block) else {
            continue;
        };
        let label = cited
            .iter()
            .find(|c| c.at == Place::Entry(p))
            .and_then(|c| c.label.clone());
        cited.retain(|c| c.at != Place::Entry(p));
        add.push(Cited::new(Place::Entry(p), label, r.clone()));
    }
    cited.extend(add);
    // Notes first, in number order, then entries in text order.
    cited.sort_by_key(|c| match c.at {
        Place::Note(i) => (0, i),
        Place::Entry(p) => (1, p),
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_note_citing_several_works_gives_each() {
        let md = "A[^1] B[^2]\n\n\
[^1]: Hartley, Zora. *The Long Frontier*. Northern Press, 2004; see also Okafor, Nia. \"River Law.\" *Journal of Waters* 3, no. 2 (2011): 1-20.\n\
[^2]: Hartley, Zora. *The Long Frontier*. Northern Press, 2004; on this, the argument is weak.\n";
        let (doc, _) = crate::parse::parse(md);
        let cited = super::read_citations(&doc);
        let titles: Vec<(super::Place, String)> = cited
            .iter()
            .map(|c| (c.at, c.reference.title.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            titles,
            [
                (super::Place::Note(0), "The Long Frontier".to_string()),
                (super::Place::Note(0), "River Law".to_string()),
                (super::Place::Note(1), "The Long Frontier".to_string()),
            ]
        );
    }

    #[test]
    fn a_rule_of_dashes_repeats_the_authors_before() {
        let md = "Text.\n\n## Bibliography\n\n\
Okafor, Nia. *River Law in the Delta*. Lagos: Delta Press, 2004.\n\n\
———. *The Second Flood: A Memoir*. Paris: Semeion, 2011.\n\n\
–––––. \"Dams and Their Neighbours.\" *Water Review* 37, no. 2 (2011): 315-347.\n";
        let (doc, _) = crate::parse::parse(md);
        let cited = super::read_entries(&doc);
        let got: Vec<(String, String, Option<i32>)> = cited
            .iter()
            .map(|c| {
                (
                    c.reference.authors[0].family.clone(),
                    c.reference.title.clone().unwrap_or_default(),
                    c.reference.year,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Okafor".to_string(),
                    "River Law in the Delta".to_string(),
                    Some(2004)
                ),
                (
                    "Okafor".to_string(),
                    "The Second Flood: A Memoir".to_string(),
                    Some(2011)
                ),
                (
                    "Okafor".to_string(),
                    "Dams and Their Neighbours".to_string(),
                    Some(2011)
                ),
            ]
        );
    }
}
