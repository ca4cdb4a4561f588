//! The site-wide topic index, built once from every document's mentions:
//! passages per topic, topics per document, and co-occurrence counts.

use super::Doc;
use crate::topics::TopicMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A paragraph that mentions a topic (the byte spans of the mentions stay
/// in the document: [`Passage::spans`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub doc: usize,
    pub paragraph: u32,
    /// Index into the document's `Extracted::passages`.
    pub item: u32,
}

impl Passage {
    /// Byte spans of the mentions in the paragraph's text.
    pub fn spans<'a>(&self, docs: &'a [Arc<Doc>]) -> &'a [(u32, u32)] {
        &self.of(docs).spans
    }

    /// The document's passage this is.
    pub fn of<'a>(&self, docs: &'a [Arc<Doc>]) -> &'a crate::extract::TopicPassage {
        &docs[self.doc].extracted.passages[self.item as usize]
    }

    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
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
    /// Per topic: the candidate mentions that did not count, by reason.
    pub rejected: Vec<crate::extract::Rejected>,
}

/// Builds the index in one pass over all mentions.
pub fn index(docs: &[Arc<Doc>], map: &TopicMap) -> TopicIndex {
    let n = map.topics.len();
    let mut idx = TopicIndex {
        passages: vec![Vec::new(); n],
        mentions: vec![0; n],
        doc_topics: vec![Vec::new(); docs.len()],
        cooccurring: vec![Vec::new(); n],
        rejected: vec![Default::default(); n],
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_cached_key(|&d| (docs[d].title.to_lowercase(), d));
    let mut pairs: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut in_para: Vec<usize> = Vec::new();
    for d in order {
        let extracted = &docs[d].extracted;
        // Grouped by paragraph, then topic (see `extract`).
        let mut current: Option<usize> = None;
        for (item, tp) in extracted.passages.iter().enumerate() {
            if current != Some(tp.paragraph()) {
                count_pairs(&in_para, &mut pairs);
                in_para.clear();
                current = Some(tp.paragraph());
            }
            in_para.push(tp.topic());
            idx.passages[tp.topic()].push(Passage {
                doc: d,
                paragraph: tp.paragraph,
                item: u32::try_from(item).unwrap_or(u32::MAX),
            });
        }
        count_pairs(&in_para, &mut pairs);
        in_para.clear();
        for &(t, count) in &extracted.topic_counts {
            idx.mentions[t] += count;
        }
        idx.doc_topics[d] = extracted.topic_counts.clone();
        for &(t, r) in &extracted.rejected {
            let sum = &mut idx.rejected[t];
            sum.ambiguous += r.ambiguous;
            sum.excluded += r.excluded;
            sum.in_references += r.in_references;
        }
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
