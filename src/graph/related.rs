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

#[derive(Debug, Clone, Default)]
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
    let n = docs.len();
    // Topic → its documents by mentions (most first); document frequency.
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
    // Document → its works.
    let mut doc_works: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (w, work) in citations.works.iter().enumerate() {
        for c in &work.cited_in {
            if !doc_works[c.doc].contains(&w) {
                doc_works[c.doc].push(w);
            }
        }
    }
    // Each document's related list depends on the shared indexes only.
    // Candidates are gathered in a slot per document (a scratch array per
    // worker, cleared after use), in order of first sight.
    let related = (0..n)
        .into_par_iter()
        .map_init(
            || vec![usize::MAX; n],
            |slot, d| {
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
                for &w in &doc_works[d] {
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
                            let shared =
                                count_in(mine, *t).min(count_in(&topics.doc_topics[r.doc], *t));
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
                list.into_iter().map(|(_, r)| r).collect()
            },
        )
        .collect();
    let (backlinks, targets) = links(docs);
    Connections {
        related,
        backlinks,
        targets,
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
    let mut backlinks = vec![Vec::new(); docs.len()];
    let mut targets = vec![HashMap::new(); docs.len()];
    for (d, doc) in docs.iter().enumerate() {
        for dest in &doc.extracted.links_out {
            let (path, fragment) = match dest.split_once('#') {
                Some((p, f)) => (p, Some(f.to_string())),
                None => (dest.as_str(), None),
            };
            let Some(resolved) = crate::paths::resolve_relative(&doc.rel, path) else {
                continue;
            };
            if let Some(&t) = by_rel.get(resolved.as_str()) {
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
