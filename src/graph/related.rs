//! How documents connect: related documents (shared topics, shared cited
//! works) and links between them (backlinks, and the targets that render
//! rewrites from source paths to page URLs).
//!
//! Related documents are scored without comparing every pair: a document's
//! candidates are the most-mentioning documents of each of its topics and the
//! other documents citing its works, so the cost grows linearly with the
//! site.

use super::citations::CitationIndex;
use super::topics::TopicIndex;
use super::Doc;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Candidates taken from each topic: its most-mentioning documents.
const PER_TOPIC: usize = 40;
/// Related documents shown per document.
const SHOWN: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub doc: usize,
    pub topics: Vec<usize>,
    pub works: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Connections {
    pub related: Vec<Vec<Related>>,
    /// Per document: the documents that link to it.
    pub backlinks: Vec<Vec<usize>>,
    /// Per document: link target as written → (document, fragment).
    pub targets: Vec<Targets>,
}

/// Link targets of one document: as written → (document, fragment).
pub type Targets = HashMap<String, (usize, Option<String>)>;

pub fn connect(docs: &[Arc<Doc>], topics: &TopicIndex, citations: &CitationIndex) -> Connections {
    let scoring = Scoring::new(docs, topics, citations);
    let related = scoring.related(0..docs.len());
    let (backlinks, targets) = links(docs);
    Connections {
        related,
        backlinks,
        targets,
    }
}

/// [`connect`] from `last`, the connections made with the topic index
/// `was`, when the documents, their links and the citations are the same
/// and only topic counts changed: the related documents of the documents
/// whose counts changed are made again, and of those that mention a topic
/// whose change reaches others; the others are kept.
///
/// A document's related list depends on its own counts, on each of its
/// topics' document frequency and most-mentioning documents (the
/// candidates), and on its candidates' counts of the topics it found them
/// by. So a changed count of topic `t` in document `d` reaches other
/// documents only when `d` starts or stops mentioning `t`, or is (or was)
/// among `t`'s most-mentioning documents. Self-checks (see `memo::self_check`) compare the result
/// with connections made anew.
pub fn update(
    docs: &[Arc<Doc>],
    topics: &TopicIndex,
    citations: &CitationIndex,
    last: &Connections,
    was: &TopicIndex,
) -> Connections {
    let scoring = Scoring::new(docs, topics, citations);
    // (document, topic, count before, count now) for each changed count.
    let mut counts: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut asked = vec![false; topics.mentions.len()];
    for (d, (new, old)) in topics.doc_topics.iter().zip(&was.doc_topics).enumerate() {
        if new != old {
            let mut ts: Vec<usize> = new.iter().chain(old).map(|&(t, _)| t).collect();
            ts.sort_unstable();
            ts.dedup();
            for t in ts {
                let (before, now) = (count_in(old, t), count_in(new, t));
                if before != now {
                    counts.push((d, t, before, now));
                    if let Some(a) = asked.get_mut(t) {
                        *a = true;
                    }
                }
            }
        }
    }
    // The most-mentioning documents of the changed topics, before.
    let mut before: Vec<Vec<(usize, usize)>> = vec![Vec::new(); topics.mentions.len()];
    for (d, list) in was.doc_topics.iter().enumerate() {
        for &(t, count) in list {
            if asked.get(t).copied().unwrap_or(false) {
                before[t].push((d, count));
            }
        }
    }
    let top = |list: &mut Vec<(usize, usize)>| {
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(PER_TOPIC);
    };
    for list in &mut before {
        top(list);
    }
    let mut reaching = vec![false; topics.mentions.len()];
    for &(d, t, was_count, count) in &counts {
        let among = |list: &[(usize, usize)]| list.iter().take(PER_TOPIC).any(|&(o, _)| o == d);
        if (was_count == 0) != (count == 0) || among(&before[t]) || among(&scoring.topic_docs[t]) {
            reaching[t] = true;
        }
    }
    let again: Vec<usize> = (0..docs.len())
        .filter(|&d| {
            topics.doc_topics[d] != was.doc_topics[d]
                || topics.doc_topics[d].iter().any(|&(t, _)| reaching[t])
        })
        .collect();
    let mut related = last.related.clone();
    for (d, list) in again.iter().zip(scoring.related(again.par_iter().copied())) {
        related[*d] = list;
    }
    Connections {
        related,
        backlinks: last.backlinks.clone(),
        targets: last.targets.clone(),
    }
}

/// What related documents are scored with: the shared indexes, each
/// topic's documents by mentions (most first) and document frequency, and
/// each document's works.
struct Scoring<'a> {
    docs: &'a [Arc<Doc>],
    topics: &'a TopicIndex,
    citations: &'a CitationIndex,
    topic_docs: Vec<Vec<(usize, usize)>>,
    idf: Vec<f64>,
    doc_works: Vec<Vec<usize>>,
}

impl<'a> Scoring<'a> {
    fn new(docs: &'a [Arc<Doc>], topics: &'a TopicIndex, citations: &'a CitationIndex) -> Self {
        let n = docs.len();
        let mut topic_docs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); topics.mentions.len()];
        for (d, list) in topics.doc_topics.iter().enumerate() {
            for &(t, count) in list {
                topic_docs[t].push((d, count));
            }
        }
        for list in &mut topic_docs {
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        let idf: Vec<f64> = topic_docs
            .iter()
            .map(|l| ((n as f64 + 1.0) / (l.len() as f64 + 1.0)).ln())
            .collect();
        let mut doc_works: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (w, work) in citations.works.iter().enumerate() {
            for c in &work.cited_in {
                if !doc_works[c.doc].contains(&w) {
                    doc_works[c.doc].push(w);
                }
            }
        }
        Scoring {
            docs,
            topics,
            citations,
            topic_docs,
            idf,
            doc_works,
        }
    }

    /// The related documents of each of `which`, in parallel.
    fn related<I>(&self, which: I) -> Vec<Vec<Related>>
    where
        I: IntoParallelIterator<Item = usize>,
        I::Iter: IndexedParallelIterator,
    {
        let n = self.docs.len();
        // Candidates are gathered in a slot per document (a scratch array
        // per worker, cleared after use), in order of first sight.
        which
            .into_par_iter()
            .map_init(|| vec![usize::MAX; n], |slot, d| self.related_of(d, slot))
            .collect()
    }

    fn related_of(&self, d: usize, slot: &mut [usize]) -> Vec<Related> {
        let (docs, topics, citations) = (self.docs, self.topics, self.citations);
        let (topic_docs, idf) = (&self.topic_docs, &self.idf);
        let mut cands: Vec<Related> = Vec::new();
        let mut add = |o: usize, cands: &mut Vec<Related>| -> usize {
            if slot[o] == usize::MAX {
                slot[o] = cands.len();
                cands.push(Related {
                    doc: o,
                    topics: Vec::new(),
                    works: Vec::new(),
                });
            }
            slot[o]
        };
        for &(t, _) in &topics.doc_topics[d] {
            if idf[t] <= 0.0 {
                continue;
            }
            for &(o, _) in topic_docs[t].iter().take(PER_TOPIC) {
                if o != d {
                    let i = add(o, &mut cands);
                    cands[i].topics.push(t);
                }
            }
        }
        for &w in &self.doc_works[d] {
            for c in citations.works[w].cited_in.iter().take(PER_TOPIC) {
                if c.doc != d {
                    let i = add(c.doc, &mut cands);
                    if !cands[i].works.contains(&w) {
                        cands[i].works.push(w);
                    }
                }
            }
        }
        for r in &cands {
            slot[r.doc] = usize::MAX;
        }
        let mine = &topics.doc_topics[d];
        let score = |r: &Related| -> f64 {
            let t: f64 = r
                .topics
                .iter()
                .map(|t| {
                    let shared = count_in(mine, *t).min(count_in(&topics.doc_topics[r.doc], *t));
                    idf[*t] * (shared as f64).ln_1p()
                })
                .sum();
            t + 3.0 * r.works.len() as f64
        };
        let mut list: Vec<(f64, Related)> = cands
            .into_iter()
            .map(|r| (score(&r), r))
            .filter(|(s, _)| *s > 0.0)
            .collect();
        // Best first; ties by title, then by place (the candidates'
        // order of sight differs from the document order). Only the
        // first few are sorted.
        let order = |a: &(f64, Related), b: &(f64, Related)| {
            b.0.total_cmp(&a.0)
                .then(docs[a.1.doc].title.cmp(&docs[b.1.doc].title))
                .then(a.1.doc.cmp(&b.1.doc))
        };
        if list.len() > SHOWN {
            list.select_nth_unstable_by(SHOWN, order);
            list.truncate(SHOWN);
        }
        list.sort_by(order);
        // A new list, not the candidates' (which collecting in place
        // would keep, at its whole capacity, for every document).
        let mut shown: Vec<Related> = Vec::with_capacity(list.len());
        shown.extend(list.into_iter().map(|(_, r)| r));
        shown
    }
}

fn count_in(doc_topics: &[(usize, usize)], topic: usize) -> usize {
    doc_topics
        .iter()
        .find(|(t, _)| *t == topic)
        .map_or(0, |(_, c)| *c)
}

/// Resolves each document's relative links against its source path.
fn links(docs: &[Arc<Doc>]) -> (Vec<Vec<usize>>, Vec<Targets>) {
    let by_rel: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.rel.as_str(), i))
        .collect();
    let names = super::wiki::Names::new(docs);
    let mut backlinks = vec![Vec::new(); docs.len()];
    let mut targets = vec![HashMap::new(); docs.len()];
    for (d, doc) in docs.iter().enumerate() {
        for dest in &doc.extracted.links_out {
            let (path, fragment) = match dest.split_once('#') {
                Some((p, f)) => (p, Some(f.to_string())),
                None => (dest.as_str(), None),
            };
            let by_path = crate::paths::resolve_relative(&doc.rel, path)
                .and_then(|r| by_rel.get(r.as_str()).copied())
                .map(|t| (t, fragment));
            // Else by name, as a wiki link names a text (see `wiki`).
            let found = by_path.or_else(|| names.resolve(docs, &doc.rel, dest));
            if let Some((t, fragment)) = found {
                targets[d].insert(dest.clone(), (t, fragment));
                if t != d && !backlinks[t].contains(&d) {
                    backlinks[t].push(d);
                }
            }
        }
    }
    for list in &mut backlinks {
        list.sort_by(|&a, &b| docs[a].title.cmp(&docs[b].title));
    }
    (backlinks, targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(n: usize) -> Arc<Doc> {
        Arc::new(Doc {
            path: format!("d{n}.md").into(),
            rel: format!("d{n}.md"),
            title: format!("Doc {:03}", n % 37),
            language: "en".into(),
            foreign: false,
            dir: None,
            authors: Vec::new(),
            date: None,
            publisher: None,
            category: None,
            source_url: None,
            summary: String::new(),
            author_note: None,
            stated: Vec::new(),
            note: None,
            slug: format!("d{n}"),
            url: format!("d{n}/index.html"),
            section: 0,
            weight: None,
            tags: Vec::new(),
            updated: None,
            aliases: Vec::new(),
            template: None,
            extra: Default::default(),
            body: Arc::default(),
            extracted: Arc::default(),
            dropped: Vec::new(),
        })
    }

    /// A topic index from each document's counts per topic (0: none).
    fn index(counts: &[Vec<usize>], topics: usize) -> TopicIndex {
        let mut idx = TopicIndex {
            mentions: vec![0; topics],
            ..TopicIndex::default()
        };
        for row in counts {
            let mut list: Vec<(usize, usize)> = row
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(t, c)| (t, *c))
                .collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(t, c) in &list {
                idx.mentions[t] += c;
            }
            idx.doc_topics.push(list);
        }
        idx
    }

    #[test]
    fn updated_related_documents_equal_ones_made_anew() {
        // 150 documents, 6 topics, counts from a fixed pseudo-random
        // sequence; then rounds of a few counts changed: raised, lowered,
        // set to nothing, or a topic newly mentioned, so that documents
        // enter and leave topics' first forty and topics' frequencies move.
        let (n, topics) = (150, 6);
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let docs: Vec<Arc<Doc>> = (0..n).map(doc).collect();
        let mut counts: Vec<Vec<usize>> = (0..n)
            .map(|_| (0..topics).map(|_| next(9).saturating_sub(3)).collect())
            .collect();
        let citations = CitationIndex {
            by_footnote: vec![Default::default(); n],
            ..CitationIndex::default()
        };
        let mut was = index(&counts, topics);
        let mut last = connect(&docs, &was, &citations);
        for _ in 0..40 {
            for _ in 0..1 + next(3) {
                let (d, t) = (next(n), next(topics));
                counts[d][t] = match next(4) {
                    0 => 0,
                    1 => counts[d][t] + 1 + next(12),
                    2 => counts[d][t].saturating_sub(1 + next(3)),
                    _ => 1 + next(5),
                };
            }
            let now = index(&counts, topics);
            let updated = update(&docs, &now, &citations, &last, &was);
            let made = connect(&docs, &now, &citations);
            assert!(updated == made, "updated related documents differ");
            was = now;
            last = made;
        }
    }
}
