//! What an edit to a document's text leaves as it was in the graph. Other
//! pages show a document's metadata, title, summary and place, the
//! paragraphs where it mentions topics, its dated sentences, its notes and
//! citations and its links; when none of these changed, the graph is the
//! last build's with the document's body replaced (see `crate::patch`).

use super::{Doc, Prepared};

/// Whether `new` (the same source, edited) shows the same face as `old`
/// everywhere but on its own page, in its word count, in the search index
/// and in the topic pages' quotes of its passages ([`changed_topics`]):
/// the same path, metadata, inferred metadata, title, summary, tags and
/// slug, the same passages (which paragraphs mention which topics, how
/// often), and the same dates, citations, notes and links (by their part
/// keys, see `memo::PartKeys`).
pub fn same_face(old: &Prepared, new: &Prepared) -> bool {
    let (a, b) = (&old.source, &new.source);
    let (ka, kb) = (&old.part_keys, &new.part_keys);
    a.path == b.path
        && a.rel == b.rel
        && a.section == b.section
        && a.format == b.format
        && a.meta == b.meta
        && a.notes == b.notes
        && old.normalized.inferred == new.normalized.inferred
        && old.normalized.dropped == new.normalized.dropped
        && old.described == new.described
        && same_passages(old, new)
        && ka.dates == kb.dates
        && ka.dated_ids == kb.dated_ids
        && ka.citations == kb.citations
        && ka.notes == kb.notes
        && ka.links == kb.links
}

/// `old` with the body, extraction and keys of `new`, which has the
/// [`same_face`] as the document `old` was made from: what resolving
/// `new` and placing it where `old` is would give.
pub fn with_body(old: &Doc, new: &Prepared) -> (Doc, super::DocKeys) {
    let doc = Doc {
        body: std::sync::Arc::clone(&new.doc),
        extracted: std::sync::Arc::clone(&new.extracted),
        ..old.clone()
    };
    let keys = super::DocKeys {
        source: new.key,
        parts: std::sync::Arc::clone(&new.part_keys),
    };
    (doc, keys)
}

/// Whether the two have the same passages but for their text: the same
/// paragraphs (by id) mention the same topics, as many times. The topic
/// index, related documents and everything made from them are then the
/// same; only the quotes on topic pages differ.
fn same_passages(old: &Prepared, new: &Prepared) -> bool {
    let (a, b) = (&old.extracted, &new.extracted);
    let ids = |p: &Prepared, paragraph: usize| p.part_keys.paragraph_ids.get(paragraph).copied();
    a.topic_counts == b.topic_counts
        && a.passages.len() == b.passages.len()
        && a.passages.iter().zip(&b.passages).all(|(x, y)| {
            x.topic == y.topic
                && x.paragraph == y.paragraph
                && x.spans.len() == y.spans.len()
                && ids(old, x.paragraph()) == ids(new, y.paragraph())
        })
}

/// The topics whose passages in `new` read differently from `old`'s
/// (their paragraph's text or the mentions' places changed), for two
/// documents with the same passages but for their text: the topic pages
/// that quote them are made again.
pub fn changed_topics(old: &Prepared, new: &Prepared) -> Vec<usize> {
    let text = |p: &Prepared, paragraph: usize| p.part_keys.paragraphs.get(paragraph).copied();
    let mut topics: Vec<usize> = old
        .extracted
        .passages
        .iter()
        .zip(&new.extracted.passages)
        .filter(|(x, y)| x.spans != y.spans || text(old, x.paragraph()) != text(new, y.paragraph()))
        .map(|(x, _)| x.topic())
        .collect();
    topics.sort_unstable();
    topics.dedup();
    topics
}
