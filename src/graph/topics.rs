//! The site-wide topic index, built once from every document's mentions:
//! passages per topic, topics per document, and co-occurrence counts.

use super::Doc;
use crate::topics::TopicMap;
use std::collections::BTreeMap;

/// A paragraph that mentions a topic, with the byte spans of the mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub doc: usize,
    pub paragraph: usize,
    pub spans: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct TopicIndex {
    /// Per topic: its passages, by document (in title order) then paragraph.
    pub passages: Vec<Vec<Passage>>,
    /// Per topic: how many mentions in all.
    pub mentions: Vec<usize>,
    /// Per document: (topic, mentions), most mentioned first.
    pub doc_topics: Vec<Vec<(usize, usize)>>,
    /// Per topic: (other topic, paragraphs mentioning both), most first.
    pub cooccurring: Vec<Vec<(usize, usize)>>,
}

/// Builds the index in one pass over all mentions.
pub fn index(docs: &[Doc], map: &TopicMap) -> TopicIndex {
    let n = map.topics.len();
    let mut idx = TopicIndex {
        passages: vec![Vec::new(); n],
        mentions: vec![0; n],
        doc_topics: vec![Vec::new(); docs.len()],
        cooccurring: vec![Vec::new(); n],
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        docs[a]
            .title
            .to_lowercase()
            .cmp(&docs[b].title.to_lowercase())
            .then(a.cmp(&b))
    });
    let mut pairs: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for d in order {
        // (paragraph, topic) → spans, in document order.
        let mut by_para: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
        let mut per_topic = vec![0usize; n];
        for m in &docs[d].extracted.mentions {
            by_para
                .entry((m.paragraph, m.topic))
                .or_default()
                .push((m.start, m.end));
            per_topic[m.topic] += 1;
            idx.mentions[m.topic] += 1;
        }
        let mut current: Option<usize> = None;
        let mut in_para: Vec<usize> = Vec::new();
        for ((p, t), spans) in by_para {
            if current != Some(p) {
                count_pairs(&in_para, &mut pairs);
                in_para.clear();
                current = Some(p);
            }
            in_para.push(t);
            idx.passages[t].push(Passage {
                doc: d,
                paragraph: p,
                spans,
            });
        }
        count_pairs(&in_para, &mut pairs);
        let mut topics: Vec<(usize, usize)> = per_topic
            .into_iter()
            .enumerate()
            .filter(|(_, c)| *c > 0)
            .collect();
        topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        idx.doc_topics[d] = topics;
    }
    for ((a, b), count) in pairs {
        idx.cooccurring[a].push((b, count));
        idx.cooccurring[b].push((a, count));
    }
    for list in &mut idx.cooccurring {
        list.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    }
    idx
}

fn count_pairs(topics: &[usize], pairs: &mut BTreeMap<(usize, usize), usize>) {
    for (i, &a) in topics.iter().enumerate() {
        for &b in &topics[i + 1..] {
            *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
        }
    }
}
