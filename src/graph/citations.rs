//! The citation index: references from every document merged into works.
//!
//! Two references are the same work when they share a DOI, a URL (scheme,
//! `www.` and trailing slash ignored) or the same authors, title and year
//! (names by [`Person::key`], titles by their letters and digits). Fields
//! missing in the first reference are filled from later ones.

use super::Doc;
use crate::extract::citations::{letters, match_keys, normalise_url, Reference};
use crate::extract::name_forms;
use crate::extract::names::Person;
use crate::extract::Place;
use crate::parse::ids::{slugify, IdSet};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One place that cites a work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedIn {
    pub doc: usize,
    /// The note or reference-list entry.
    pub at: Place,
    pub ibid: bool,
    /// How often the document's text cites this entry.
    pub in_text: usize,
}

impl CitedIn {
    /// The place's anchor on its document's page, and its footnote number
    /// or its entry's label (`""` for an entry without one).
    pub fn anchor<'a>(&self, doc: &'a Doc) -> (&'a str, PlaceName<'a>) {
        match self.at {
            Place::Note(n) => {
                let note = &doc.body.footnotes[n];
                (&note.id, PlaceName::Note(note.number))
            }
            Place::Entry(p) => {
                let label = doc
                    .extracted
                    .citations
                    .iter()
                    .find(|c| c.at == self.at)
                    .and_then(|c| c.label.as_deref())
                    .unwrap_or("");
                (&doc.body.paragraphs[p].id, PlaceName::Entry(label))
            }
        }
    }
}

/// How a place that cites a work is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceName<'a> {
    /// A footnote, by its number.
    Note(usize),
    /// A reference-list entry, by its label.
    Entry(&'a str),
}

#[derive(Debug, Clone)]
pub struct Work {
    /// Anchor and CSL id, readable: `ong-2009-chinas-strategic`.
    pub id: String,
    /// The first citing document's reference, shared with it until later
    /// references add to it or its names are tidied.
    pub reference: Arc<Reference>,
    pub cited_in: Vec<CitedIn>,
}

#[derive(Debug, Clone)]
pub struct Author {
    pub person: Person,
    pub works: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct CitationIndex {
    /// Sorted by first author's family name, then year and title.
    pub works: Vec<Work>,
    /// Per document: footnote index → work.
    pub by_footnote: Vec<FxHashMap<usize, usize>>,
    /// Per document: reference-list entry (paragraph index) → work.
    pub by_entry: Vec<FxHashMap<usize, usize>>,
    /// Cited authors, sorted by family name.
    pub authors: Vec<Author>,
}

/// Merges the references of all documents into works.
pub fn index(docs: &[Arc<Doc>]) -> CitationIndex {
    let mut works: Vec<Work> = Vec::new();
    let count: usize = docs.iter().map(|d| d.extracted.citations.len()).sum();
    // Each reference's match keys, made in parallel and kept only while
    // the works are merged.
    let made: Vec<Vec<Vec<String>>> = docs
        .par_iter()
        .map(|d| {
            let cited = &d.extracted.citations;
            cited.iter().map(|c| match_keys(&c.reference)).collect()
        })
        .collect();
    let mut keys: FxHashMap<&str, usize> = FxHashMap::default();
    keys.reserve(count * 2);
    for (d, (doc, made)) in docs.iter().zip(&made).enumerate() {
        for (c, ks) in doc.extracted.citations.iter().zip(made) {
            let found = ks.iter().find_map(|k| keys.get(k.as_str()).copied());
            let w = match found {
                Some(w) => {
                    fill(&mut works[w].reference, &c.reference);
                    w
                }
                None => {
                    let mut reference = Arc::clone(&c.reference);
                    let tidied: Vec<Person> =
                        reference.authors.iter().map(name_forms::tidy).collect();
                    if tidied != reference.authors {
                        Arc::make_mut(&mut reference).authors = tidied;
                    }
                    works.push(Work {
                        id: String::new(),
                        reference,
                        cited_in: Vec::new(),
                    });
                    works.len() - 1
                }
            };
            for k in ks {
                keys.entry(k.as_str()).or_insert(w);
            }
            works[w].cited_in.push(CitedIn {
                doc: d,
                at: c.at,
                ibid: c.ibid,
                in_text: c.in_text,
            });
        }
    }
    unify_spellings(&mut works);
    // Sort, then give readable ids in that order.
    let mut sorted = works;
    sorted.sort_by_cached_key(|w| sort_key(&w.reference));
    let mut ids = IdSet::default();
    for w in &mut sorted {
        w.id = ids.unique(&readable_id(&w.reference));
    }
    let mut by_footnote = vec![FxHashMap::default(); docs.len()];
    let mut by_entry = vec![FxHashMap::default(); docs.len()];
    for (w, work) in sorted.iter().enumerate() {
        for c in &work.cited_in {
            match c.at {
                // A note citing several works links to the first.
                Place::Note(n) => *by_footnote[c.doc].entry(n).or_insert(w),
                Place::Entry(p) => *by_entry[c.doc].entry(p).or_insert(w),
            };
        }
    }
    let authors = authors(&sorted);
    CitationIndex {
        works: sorted,
        by_footnote,
        by_entry,
        authors,
    }
}

/// One spelling per person across the works (`Kendall-Taylor, Andrea`
/// for `Taylor, Andrea Kendall` too, `Ng, J.` for `Ng`): the one whose
/// family name keeps the compound whole, else the first seen. Names whose
/// initials differ (`Ng, J.` and `Ng, A.`) are two people.
fn unify_spellings(works: &mut [Work]) {
    // Names are grouped by their key, so within a group only the family
    // names and initials are compared (`name_forms::same_person`); a name
    // without a key is the same as no other.
    struct Spelling {
        person: Person,
        family: Vec<String>,
        initials: String,
    }
    let spelling = |p: &Person| Spelling {
        person: p.clone(),
        family: name_forms::family_parts(&p.family),
        initials: name_forms::initials(&p.given),
    };
    let same = |c: &Spelling, a: &Spelling| {
        name_forms::same_family_parts(&c.family, &a.family)
            && name_forms::initials_agree(&c.initials, &a.initials)
    };
    let mut chosen: FxHashMap<String, Vec<Spelling>> = FxHashMap::default();
    for w in works.iter() {
        for a in &w.reference.authors {
            let key = a.key();
            if key.is_empty() {
                continue;
            }
            let a = spelling(a);
            let group = chosen.entry(key).or_default();
            match group.iter_mut().find(|c| same(c, &a)) {
                Some(c) => {
                    if a.family.len() > c.family.len() {
                        *c = a;
                    }
                }
                None => group.push(a),
            }
        }
    }
    for w in works.iter_mut() {
        for i in 0..w.reference.authors.len() {
            let a = &w.reference.authors[i];
            let Some(group) = chosen.get(&a.key()) else {
                continue;
            };
            let a = spelling(a);
            if let Some(c) = group
                .iter()
                .find(|c| same(c, &a))
                .filter(|c| c.person != a.person)
            {
                Arc::make_mut(&mut w.reference).authors[i] = c.person.clone();
            }
        }
    }
}

/// Fills empty fields of `into` from `from`, copying `into` first only
/// when `from` adds something.
fn fill(into: &mut Arc<Reference>, from: &Reference) {
    let new_url = |into: &Reference, u: &String| {
        !into.urls.contains(u)
            && !into
                .urls
                .iter()
                .any(|x| normalise_url(x) == normalise_url(u))
    };
    macro_rules! adds {
        ($($f:ident),*) => { false $( || (into.$f.is_none() && from.$f.is_some()) )* };
    }
    let adds = adds!(title, container, publisher, volume, issue, pages, year, date, doi)
        || (into.authors.is_empty() && !from.authors.is_empty())
        || from.urls.iter().any(|u| new_url(into, u));
    if !adds {
        return;
    }
    let into = Arc::make_mut(into);
    macro_rules! take {
        ($($f:ident),*) => { $( if into.$f.is_none() { into.$f = from.$f.clone(); } )* };
    }
    take!(title, container, publisher, volume, issue, pages, year, date, doi);
    if into.authors.is_empty() {
        into.authors = from.authors.iter().map(name_forms::tidy).collect();
    }
    for u in &from.urls {
        if new_url(into, u) {
            into.urls.push(u.clone());
        }
    }
}

fn sort_key(r: &Reference) -> (String, i32, String) {
    let first = r
        .authors
        .first()
        .map(|p| p.family.to_lowercase())
        .unwrap_or_else(|| letters(r.title.as_deref().unwrap_or("")));
    (
        first,
        r.year.unwrap_or(0),
        letters(r.title.as_deref().unwrap_or("")),
    )
}

fn readable_id(r: &Reference) -> String {
    let who = r
        .authors
        .first()
        .map(|p| p.family.clone())
        .unwrap_or_default();
    let title: Vec<&str> = r
        .title
        .as_deref()
        .unwrap_or("work")
        .split_whitespace()
        .take(3)
        .collect();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let slug = slugify(&format!("{who} {year} {}", title.join(" ")));
    if slug.is_empty() {
        "work".to_string()
    } else {
        slug
    }
}

/// Cited authors, one entry per person key, with the spelling seen first.
fn authors(works: &[Work]) -> Vec<Author> {
    // Spellings are one per person by now (`unify_spellings`).
    let mut by_key: BTreeMap<(String, String), Author> = BTreeMap::new();
    for (w, work) in works.iter().enumerate() {
        for p in &work.reference.authors {
            let key = (p.key(), name_forms::initials(&p.given));
            let a = by_key.entry(key).or_insert_with(|| Author {
                person: p.clone(),
                works: Vec::new(),
            });
            // Works are visited in order, so a repeat can only be the last.
            if a.works.last() != Some(&w) {
                a.works.push(w);
            }
        }
    }
    let mut list: Vec<Author> = by_key.into_values().collect();
    list.sort_by_key(|a| {
        (
            a.person.family.to_lowercase(),
            a.person.given.to_lowercase(),
        )
    });
    list
}
