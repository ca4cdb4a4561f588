//! Reuse of the site-wide indexes between rebuilds: each is kept with a
//! hash of its inputs and reused while that hash is unchanged (see `memo`).

use super::citations::CitationIndex;
use super::related;
use super::timeline::Timeline;
use super::topics::TopicIndex;
use super::Doc;
use crate::memo::KeyHasher;
use crate::topics::TopicMap;
use std::sync::Arc;

/// The site-wide indexes of a build, each with the key of its inputs, for
/// the next build to reuse those whose inputs did not change. Inputs are
/// hashed from each document's part keys (`memo::PartKeys`), its place and
/// its title, only when `keyed` (results are kept).
#[derive(Debug, Default)]
pub struct Indexes {
    pub(super) keyed: bool,
    /// The documents, by the key of the source they were prepared from.
    pub(super) docs: std::collections::HashMap<u64, Arc<Doc>>,
    pub(super) topics: Option<(u64, Arc<TopicIndex>)>,
    pub(super) timeline: Option<(u64, Arc<Timeline>)>,
    pub(super) citations: Option<(u64, Arc<CitationIndex>)>,
    /// With the keys of the topic index, citation index and links they
    /// were made from.
    pub(super) connections: Option<(ConnectionKeys, Arc<related::Connections>)>,
}

impl Indexes {
    /// No indexes yet, but keys are made and results kept.
    pub fn keyed() -> Self {
        Indexes {
            keyed: true,
            ..Indexes::default()
        }
    }
}

/// `last`'s value when its key is `key`, else `make`'s; and the pair to
/// keep (when `key` is some).
pub(super) fn reuse<T>(
    key: Option<u64>,
    last: &Option<(u64, Arc<T>)>,
    make: impl FnOnce() -> T,
) -> (Arc<T>, Option<(u64, Arc<T>)>) {
    let value = match (key, last) {
        (Some(k), Some((l, v))) if k == *l => Arc::clone(v),
        _ => Arc::new(make()),
    };
    let keep = key.map(|k| (k, Arc::clone(&value)));
    (value, keep)
}

/// The timeline of `docs`: updated from the last build's when it can be
/// (see [`super::timeline::update`]; self-checks compare with one built
/// anew), else built.
pub(super) fn timeline(
    docs: &[Arc<Doc>],
    keys: &[super::DocKeys],
    last: &Option<(u64, Arc<Timeline>)>,
) -> Timeline {
    let updated = last
        .as_ref()
        .and_then(|(_, t)| super::timeline::update(docs, keys, t));
    match updated {
        Some(t) => {
            if crate::memo::self_check() {
                assert!(
                    t == super::timeline::build(docs, keys),
                    "the timeline updated otherwise than built anew"
                );
            }
            t
        }
        None => super::timeline::build(docs, keys),
    }
}

/// The keys of the connections' inputs: the topic index, the citation
/// index, each document's title, source path and relative links, and the
/// topics' ids in order (what the topic index's numbers mean).
pub(super) type ConnectionKeys = (u64, u64, u64, u64);

/// The connections for `keys`: the last build's when its keys are the
/// same; updated from them when only the topic index changed (see
/// [`related::update`]; self-checks compare with connections made anew);
/// else made anew. With the pair to keep.
pub(super) fn connections(
    keys: Option<ConnectionKeys>,
    last: &Indexes,
    docs: &[Arc<Doc>],
    topics: &TopicIndex,
    citations: &CitationIndex,
) -> (
    Arc<related::Connections>,
    Option<(ConnectionKeys, Arc<related::Connections>)>,
) {
    let made = match (keys, &last.connections, &last.topics) {
        (Some(k), Some((was, c)), _) if k == *was => Arc::clone(c),
        (Some(k), Some((was, c)), Some((_, old)))
            if (k.1, k.2, k.3) == (was.1, was.2, was.3) && old.doc_topics.len() == docs.len() =>
        {
            let updated = related::update(docs, topics, citations, c, old);
            if crate::memo::self_check() {
                assert!(
                    updated == related::connect(docs, topics, citations),
                    "related documents updated otherwise than made anew"
                );
            }
            Arc::new(updated)
        }
        _ => Arc::new(related::connect(docs, topics, citations)),
    };
    let keep = keys.map(|k| (k, Arc::clone(&made)));
    (made, keep)
}

/// The keys of the indexes' inputs: (topics, timeline, citations, links).
/// Connections are made from the topic and citation indexes and each
/// document's title, source path, aliases (names it is linked by) and
/// relative links.
pub(super) fn index_keys(
    docs: &[Arc<Doc>],
    keys: &[super::DocKeys],
    topic_map: &TopicMap,
) -> (u64, u64, u64, u64) {
    let each = |add: &dyn Fn(&mut KeyHasher, &Doc, &crate::memo::PartKeys)| {
        KeyHasher::of(|h| {
            h.add(docs.len());
            for (doc, k) in docs.iter().zip(keys) {
                add(h, doc, &k.parts);
            }
        })
    };
    let topics = each(&|h, doc, parts| h.add((&doc.title, parts.mentions)));
    let topics = KeyHasher::of(|h| h.add((topics, topic_map.topics.len())));
    let timeline = each(&|h, doc, parts| {
        h.add((&doc.title, &doc.url));
        h.add(&parts.dates);
        h.add(doc.extracted.dates.len());
    });
    let citations = each(&|h, _, parts| h.add(parts.citations));
    let links = each(&|h, doc, parts| h.add((&doc.title, &doc.rel, &doc.aliases, parts.links)));
    (topics, timeline, citations, links)
}
