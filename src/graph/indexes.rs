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
    pub(super) connections: Option<(u64, Arc<related::Connections>)>,
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

/// The keys of the indexes' inputs: (topics, timeline, citations,
/// connections). Connections are made from the topic and citation indexes
/// and each document's title, source path and relative links.
pub(super) fn index_keys(docs: &[Arc<Doc>], topic_map: &TopicMap) -> (u64, u64, u64, u64) {
    let each = |add: &dyn Fn(&mut KeyHasher, &Doc)| {
        KeyHasher::of(|h| {
            h.add(docs.len());
            for doc in docs {
                add(h, doc);
            }
        })
    };
    let topics = each(&|h, doc| h.add((&doc.title, doc.part_keys.mentions)));
    let topics = KeyHasher::of(|h| h.add((topics, topic_map.topics.len())));
    let timeline = each(&|h, doc| {
        h.add((&doc.title, &doc.url));
        h.add(&doc.part_keys.dates);
        h.add(doc.extracted.dates.len());
    });
    let citations = each(&|h, doc| h.add(doc.part_keys.citations));
    let links = each(&|h, doc| h.add((&doc.title, &doc.rel, doc.part_keys.links)));
    let connections = KeyHasher::of(|h| h.add((topics, citations, links)));
    (topics, timeline, citations, connections)
}
