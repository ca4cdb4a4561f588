//! A document's references: its footnotes read as references (notes that
//! refer back resolved, see `short_forms`) and the entries of its
//! reference lists (see `entries`).

use super::{citations, entries, note_entries, short_forms, Cited, Place};
use crate::parse::{Document, Node};
use pulldown_cmark::Event;

/// Parses every footnote; a note that refers back (`Ibid.`, `Id. at 12`,
/// `supra note 5`, `op. cit.`, a short form) takes the reference it means
/// (see [`short_forms`]); footnotes are in number order.
pub(super) fn read_citations(doc: &Document) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    // Names a note gives its work (`(hereinafter "DIAS PEREIRA 2011")`)
    // and the citation they stand for.
    let mut named: Vec<(String, usize)> = Vec::new();
    for (i, f) in doc.footnotes.iter().enumerate() {
        let (text, urls) = citations::marked_text(&f.body);
        // `Smith, A Title (2001); see also Jones, Other (2003).`: one note,
        // several works, when two of its parts read as references (a part
        // that does not is a remark) and every link's address stands in the
        // text, so that it knows its part.
        let (with_addresses, _) = citations::marked_text_in(&f.body, true);
        let parts = super::note_parts::split_works(&with_addresses);
        if parts.len() > 1 && urls.iter().all(|u| with_addresses.contains(u.as_str())) {
            // Each part is read after the ones before it, so that `id.`
            // in a part means the part before (`Hessick, supra note 4;
            // id. at 290`); they are taken back if fewer than two read.
            let mark = out.len();
            let mut read_parts: Vec<&str> = Vec::new();
            for p in &parts {
                if let Some(c) = cite(p, Vec::new(), i, &out, &named, doc) {
                    out.push(c);
                    read_parts.push(p);
                }
            }
            if read_parts.len() >= 2 {
                for (k, p) in read_parts.iter().enumerate() {
                    remember(p, &out[mark + k], mark + k, &mut named);
                }
                continue;
            }
            let read: Vec<(Cited, &str)> = out.drain(mark..).zip(read_parts).collect();
            // One part read: the note's citation, unless the whole note
            // reads as one (with the authors the part names).
            if let [(one, _)] = &read[..] {
                let whole = cite(&text, urls, i, &out, &named, doc).filter(|w| {
                    !w.reference.authors.is_empty() || one.reference.authors.is_empty()
                });
                let c = whole.unwrap_or_else(|| one.clone());
                remember(&text, &c, out.len(), &mut named);
                out.push(c);
                continue;
            }
        }
        if let Some(c) = cite(&text, urls, i, &out, &named, doc) {
            remember(&text, &c, out.len(), &mut named);
            out.push(c);
        }
    }
    out
}

/// Records the name `text` gives the work it cites, `(hereinafter
/// "OSS")`, `[hereinafter Nimmer]`, for the notes after it.
fn remember(text: &str, c: &Cited, at: usize, named: &mut Vec<(String, usize)>) {
    if c.ibid {
        return;
    }
    let Some(k) = text.find("hereinafter") else {
        return;
    };
    let after = text[k + "hereinafter".len()..].trim_start_matches([',', ':', ' ']);
    let after = after.strip_prefix("referred to as ").unwrap_or(after);
    let name = match after.chars().next() {
        Some(q @ ('"' | '“' | '*')) => {
            let close = if q == '“' { '”' } else { q };
            let inner = &after[q.len_utf8()..];
            inner.find(close).map(|e| &inner[..e])
        }
        _ => after.find([']', ')']).map(|e| &after[..e]),
    };
    if let Some(name) = name.map(|n| n.trim_matches(['*', ' ', ','])) {
        if !name.is_empty() && name.len() <= 60 {
            named.push((name.to_string(), at));
        }
    }
}

/// What the text of note `i` (or of one part of it) cites, given the
/// citations of the notes before it: a reference, or the earlier one it
/// refers back to; `None` for a remark.
fn cite(
    text: &str,
    urls: Vec<String>,
    i: usize,
    out: &[Cited],
    named: &[(String, usize)],
    doc: &Document,
) -> Option<Cited> {
    let text = short_forms::without_signal(text);
    let back = |c: &Cited| Cited {
        at: Place::Note(i),
        ibid: true,
        ..c.clone()
    };
    // `DIAS PEREIRA 2011, p. 351`: the name an earlier note gave its work.
    let by_name = named.iter().rev().find(|(name, _)| {
        text.strip_prefix(name.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([',', ' ', '.', ';']))
    });
    if let Some((_, k)) = by_name {
        return out.get(*k).map(back);
    }
    let form = short_forms::back(text);
    let earlier = match &form {
        // A short form with no full form before it is read as it is.
        short_forms::Back::Full => short_forms::short(text)
            .and_then(|(family, title)| {
                out.iter()
                    .rev()
                    .find(|c| !c.ibid && short_forms::is_full_form(family, title, &c.reference))
            })
            .map(Some),
        short_forms::Back::Previous => Some(previous(out, i)),
        short_forms::Back::Note(n) => {
            let in_note = out
                .iter()
                .filter(|c| matches!(c.at, Place::Note(k) if doc.footnotes[k].number == *n));
            Some(by_short_name(in_note, short_forms::supra_name(text)))
        }
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
                .is_some_and(|a| a.family.to_lowercase() == family.to_lowercase())
        })),
    };
    if let Some(found) = earlier {
        if let (None, short_forms::Back::Case(volume, reporter)) = (found, form) {
            // `Computer Assoc., 982 F.2d at 714` with no full citation
            // before it: the case, by its short name and report.
            let name = text
                .split(", ")
                .next()
                .unwrap_or("")
                .trim_matches(['*', ' ']);
            let r = citations::Reference {
                title: Some(name.to_string()),
                volume: Some(volume),
                container: Some(reporter),
                kind: "legal_case",
                ..citations::Reference::default()
            };
            return (!name.is_empty()).then(|| Cited::new(Place::Note(i), None, r));
        }
        // A back-reference that finds nothing is a remark.
        return found.map(back);
    }
    match citations::parse_reference(text, urls) {
        // `———, “Another Title,” …`: the authors of the note before.
        citations::Parsed::Reference(mut r)
            if r.authors.is_empty() && note_entries::repeated_authors(text).is_some() =>
        {
            r.authors = out.last()?.reference.authors.clone();
            Some(Cited::new(Place::Note(i), None, *r))
        }
        citations::Parsed::Reference(r) => Some(
            out.iter()
                .rev()
                .find(|c| !c.ibid && short_forms::shortens(&r, &c.reference))
                .map_or_else(|| Cited::new(Place::Note(i), None, *r), back),
        ),
        citations::Parsed::Ibid(_) => previous(out, i).map(back),
        citations::Parsed::Note => None,
    }
}

/// Of the works a note cites, the one a `supra` names (`Okonjo, *supra*
/// note 7`): its first author's family name, or its title's first words.
/// With no name, the note's first work; with a name no work of the note
/// bears (one the note cites in a form not read), none.
fn by_short_name<'a>(
    mut in_note: impl Iterator<Item = &'a Cited>,
    name: Option<&str>,
) -> Option<&'a Cited> {
    let Some(name) = name.map(str::to_lowercase) else {
        return in_note.next();
    };
    in_note.find(|c| {
        let r = &c.reference;
        let family = r.authors.first().map(|a| a.family.to_lowercase());
        let first_word = name.split([' ', ',']).next().unwrap_or("");
        family.is_some_and(|f| f == first_word || f == name)
            || r.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().starts_with(&name))
    })
}

/// What `Ibid.` or `Id.` in note `i` stands for: the last citation, when
/// it is in this note or the one just before. After a note that cites
/// nothing read here (a remark, or a citation in a form not read), it
/// stands for nothing rather than for an older work.
fn previous(out: &[Cited], i: usize) -> Option<&Cited> {
    out.last()
        .filter(|c| matches!(c.at, Place::Note(k) if k + 1 >= i))
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
        let parts = numbered_entries(&text);
        for part in &parts {
            // `———. Another Title.`: the authors of the entry before.
            let before: Option<Vec<_>> = out
                .last()
                .map(|c: &Cited| c.reference.authors.clone())
                .filter(|a| !a.is_empty());
            // Each entry of a paragraph holding several keeps the addresses
            // written in it.
            let urls = if parts.len() == 1 {
                urls.clone()
            } else {
                urls.iter()
                    .filter(|u| part.contains(u.as_str()))
                    .cloned()
                    .collect()
            };
            if let Some(e) = parse_list_entry(part, urls, before) {
                out.push(Cited::new(Place::Entry(i), e.label, e.reference));
            }
        }
    }
    out
}

/// The entries of one paragraph: several when its lines were numbered
/// entries a blank line did not part (`[1] A. … [2] B. …`, the numbers
/// one after another), else the whole.
fn numbered_entries(text: &str) -> Vec<&str> {
    let label = |t: &str| -> Option<u32> {
        let inner = t.strip_prefix('[')?;
        let close = inner.find(']').filter(|c| *c > 0 && *c <= 4)?;
        inner[..close].parse().ok()
    };
    let Some(mut next) = label(text).map(|n| n + 1) else {
        return vec![text];
    };
    let mut parts = Vec::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(k) = text[search..].find(" [") {
        let at = search + k + 1;
        search = at + 1;
        if label(&text[at..]) == Some(next) {
            parts.push(text[from..at].trim());
            from = at;
            next += 1;
        }
    }
    parts.push(text[from..].trim());
    parts
}

/// An entry of a reference list, given the authors of the entry before
/// it: one that opens with a rule of dashes (`———.`, `–––––,`) is theirs,
/// or, with none before, has no authors.
pub fn parse_list_entry(
    marked: &str,
    urls: Vec<String>,
    before: Option<Vec<super::names::Person>>,
) -> Option<entries::Entry> {
    match (note_entries::repeated_authors(marked), before) {
        (Some(rest), Some(authors)) => {
            entries::parse_entry(&format!("Anon, A. {rest}"), urls).map(|mut e| {
                e.reference.authors = authors;
                e
            })
        }
        // No entry before to take the authors from (the list's first, or
        // after one that was not read): the work, its authors unknown,
        // unless the text reads with names of its own.
        (Some(rest), None) => entries::parse_entry(marked, urls.clone())
            .filter(|e| !e.reference.authors.is_empty())
            .or_else(|| {
                let reference = note_entries::after_rule(rest, urls)?;
                Some(entries::Entry {
                    label: None,
                    reference,
                })
            }),
        _ => entries::parse_entry(marked, urls),
    }
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
#[path = "references_tests.rs"]
mod tests;
