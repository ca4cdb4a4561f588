//! What an edit to a document's text leaves as it was in the graph. Other
//! pages show a document's metadata, title, summary and place, the
//! paragraphs where it mentions topics, its dated sentences, its notes and
//! citations and its links; when none of these changed, the graph is the
//! last build's with the document's body replaced (see `crate::patch`).

use super::{Doc, Prepared};

/// Whether `new` (the same source, edited) shows the same face as `old`
/// everywhere but on its own page, in its word count and in the search
/// index: the same path, metadata, inferred metadata, title, summary,
/// tags and slug, and the same topic passages, dates, citations, notes
/// and links (by their part keys, see `memo::PartKeys`).
pub fn same_face(old: &Prepared, new: &Prepared) -> bool {
    let (a, b) = (&old.source, &new.source);
    let (ka, kb) = (&old.part_keys, &new.part_keys);
    a.path == b.path
        && a.rel == b.rel
        && a.section == b.section
        && a.format == b.format
        && a.meta == b.meta
        && old.normalized.inferred == new.normalized.inferred
        && old.normalized.dropped == new.normalized.dropped
        && old.described == new.described
        && ka.mentions == kb.mentions
        && ka.passages == kb.passages
        && ka.dates == kb.dates
        && ka.dated_ids == kb.dated_ids
        && ka.citations == kb.citations
        && ka.notes == kb.notes
        && ka.links == kb.links
}

/// `old` with the body, extraction and keys of `new`, which has the
/// [`same_face`] as the document `old` was made from: what resolving
/// `new` and placing it where `old` is would give.
pub fn with_body(old: &Doc, new: &Prepared) -> Doc {
    Doc {
        key: new.key,
        body: std::sync::Arc::clone(&new.doc),
        extracted: std::sync::Arc::clone(&new.extracted),
        part_keys: std::sync::Arc::clone(&new.part_keys),
        ..old.clone()
    }
}
