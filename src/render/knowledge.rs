//! Knowledge pages: the topics index, one page per topic, and the timeline.
//! Their contexts are built from the site-wide indexes of the graph stage;
//! each page holds only what it shows.

use super::excerpt::excerpt;
use super::views::{page_url, Paginator};
use crate::graph::Site;
use crate::memo::KeyHasher;
use crate::topics::Kind;
use serde::Serialize;
use std::ops::Range;

pub use super::plan::{Plan, PlanKeys};

/// The paginator of page `n` (1-based) of `total` under `base`.
pub fn paginator(base: &str, n: usize, total: usize) -> Paginator {
    Paginator {
        current: n,
        total,
        prev: (n > 1).then(|| page_url(base, n - 1)),
        next: (n < total).then(|| page_url(base, n + 1)),
    }
}

pub const TOPICS_URL: &str = "topics/index.html";
pub const TIMELINE_URL: &str = "timeline/index.html";

pub fn topic_url(id: &str) -> String {
    format!("topics/{id}/index.html")
}

/// The anchor of the first timeline entry of a year.
pub fn year_anchor(year: i32) -> String {
    format!("y{year}")
}

#[derive(Serialize)]
pub struct TopicLinkView<'a> {
    pub title: &'a str,
    pub url: String,
    pub count: usize,
    /// On a document page: the anchor of the topic's entry (`t-arctic`),
    /// which topic pages link to, and the paragraphs that mention it, three
    /// or more in a row as one run (`¶ 4, 7–12, 15`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<ParagraphRef<'a>>,
}

/// A paragraph of the page, by its anchor and number; with `through`, the
/// first of a run of paragraphs that ends with that one.
#[derive(Serialize)]
pub struct ParagraphRef<'a> {
    pub id: &'a str,
    pub number: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Box<ParagraphRef<'a>>>,
}

/// `refs` (in order, without repeats) with every run of three or more
/// consecutive paragraphs made one.
fn runs(refs: Vec<ParagraphRef<'_>>) -> Vec<ParagraphRef<'_>> {
    let mut out: Vec<ParagraphRef> = Vec::with_capacity(refs.len());
    let mut refs = refs.into_iter().peekable();
    while let Some(first) = refs.next() {
        let mut last: Option<ParagraphRef> = None;
        let mut len = 1;
        while let Some(next) = refs.next_if(|n| n.number == first.number + len) {
            len += 1;
            last = Some(next);
        }
        match last {
            Some(last) if len >= 3 => out.push(ParagraphRef {
                through: Some(Box::new(last)),
                ..first
            }),
            Some(last) => out.extend([first, last]),
            None => out.push(first),
        }
    }
    out
}

impl<'a> TopicLinkView<'a> {
    /// A link to topic `t` with a count beside it.
    pub fn new(site: &'a Site, t: usize, count: usize) -> Self {
        let topic = &site.topic_map.topics[t];
        TopicLinkView {
            title: &topic.title,
            url: topic_url(&topic.id),
            count,
            anchor: None,
            paragraphs: Vec::new(),
        }
    }

    /// Topic `t` in the list of document `d`'s topics: with its anchor and
    /// each paragraph of `d` that mentions it.
    pub fn in_document(site: &'a Site, d: usize, t: usize, count: usize) -> Self {
        let doc = &site.docs[d];
        let paragraphs = doc
            .extracted
            .passages
            .iter()
            .filter(|p| p.topic() == t)
            .map(|p| ParagraphRef {
                id: &doc.body.paragraphs[p.paragraph()].id,
                number: p.paragraph() + 1,
                through: None,
            })
            .collect();
        TopicLinkView {
            anchor: Some(topic_anchor(&site.topic_map.topics[t].id)),
            paragraphs: runs(paragraphs),
            ..TopicLinkView::new(site, t, count)
        }
    }
}

/// The anchor of a topic's entry on a document page.
pub fn topic_anchor(id: &str) -> String {
    format!("t-{id}")
}

#[derive(Serialize)]
pub struct KindView<'a> {
    pub name: &'static str,
    pub title: &'a str,
    pub topics: Vec<TopicLinkView<'a>>,
}

/// The topics index, grouped by kind, with mention counts.
pub fn topics_index<'a>(
    site: &'a Site,
    strings: &'a crate::theme::strings::Strings,
) -> Vec<KindView<'a>> {
    Kind::ALL
        .iter()
        .map(|&kind| KindView {
            name: kind.name(),
            title: crate::theme::strings::get(strings, kind.title_key()),
            topics: site
                .topic_map
                .topics
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == kind)
                .map(|(i, _)| TopicLinkView::new(site, i, site.topics.mentions[i]))
                .collect(),
        })
        .filter(|k| !k.topics.is_empty())
        .collect()
}

#[derive(Serialize)]
pub struct PassageView {
    pub url: String,
    pub paragraph: String,
    pub excerpt: String,
}

/// A document on a topic page: how often it mentions the topic, its
/// best passages quoted, and links to each of the others.
#[derive(Serialize)]
pub struct DocPassagesView<'a> {
    pub title: &'a str,
    /// See `DocView::lang`.
    pub lang: String,
    pub url: &'a str,
    pub date: Option<&'a str>,
    pub mentions: usize,
    pub passages: Vec<PassageView>,
    /// How many other passages, and the link to the list of them all on
    /// the document's page.
    pub more: usize,
    pub more_url: String,
}

/// Passages quoted per document on a topic page.
pub const BEST_PASSAGES: usize = 2;

#[derive(Serialize)]
pub struct TopicView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub kind: &'static str,
    pub description_html: String,
    pub aliases: Vec<&'a str>,
    /// Whether this is the topic's first page, the only one that shows its
    /// figures, aliases and neighbours (so that a mention added anywhere
    /// changes that page, not every page of the topic).
    pub first: bool,
    pub mentions: usize,
    pub passages: usize,
    pub document_count: usize,
    pub documents: Vec<DocPassagesView<'a>>,
    pub cooccurring: Vec<TopicLinkView<'a>>,
    pub related: Vec<TopicLinkView<'a>>,
}

/// One page of a topic: the documents in `range` of its ranking (see
/// `plan::TopicPlan`), each with its best passages quoted (those with the
/// most mentions, in the order of the text) and the others linked. Without
/// `passages` the documents are left out: the excerpts are the costly part,
/// made only when the page is rendered (see [`topic_passages_key`]). The
/// topic's figures and neighbours are on its first page only (the page of
/// `range` starting at 0).
pub fn topic_view<'a>(
    site: &'a Site,
    plan: &Plan,
    t: usize,
    range: Range<usize>,
    passages: bool,
    allow_html: bool,
) -> TopicView<'a> {
    let topic = &site.topic_map.topics[t];
    let all = &site.topics.passages[t];
    let first = range.start == 0;
    let range = if passages { range } else { 0..0 };
    let documents: Vec<DocPassagesView> = plan.topic_pages.ranked[t][range]
        .iter()
        .map(|ranked| {
            let doc = &site.docs[ranked.doc];
            let group = &all[ranked.passages.clone()];
            let mut best: Vec<usize> = (0..group.len()).collect();
            best.sort_by_key(|&i| (std::cmp::Reverse(group[i].spans(&site.docs).len()), i));
            best.truncate(BEST_PASSAGES);
            best.sort_unstable();
            let view = |i: usize| {
                let p = &group[i];
                let para = &doc.body.paragraphs[p.paragraph()];
                PassageView {
                    url: format!("{}#{}", doc.url, para.id),
                    paragraph: format!("¶ {}", p.paragraph + 1),
                    excerpt: excerpt(&para.text, &p.of(&site.docs).byte_spans(), &doc.language),
                }
            };
            DocPassagesView {
                title: &doc.title,
                lang: doc.lang_attrs(),
                url: &doc.url,
                date: doc.date.as_deref(),
                mentions: ranked.mentions,
                passages: best.iter().map(|&i| view(i)).collect(),
                more: group.len() - best.len(),
                more_url: format!("{}#{}", doc.url, topic_anchor(&topic.id)),
            }
        })
        .collect();
    let link = |(i, count): (usize, usize)| TopicLinkView::new(site, i, count);
    TopicView {
        id: &topic.id,
        title: &topic.title,
        kind: topic.kind.name(),
        description_html: super::html::markdown_html(&topic.description, allow_html),
        aliases: topic.aliases.iter().map(|a| a.text.as_str()).collect(),
        first,
        mentions: if first { site.topics.mentions[t] } else { 0 },
        passages: if first { all.len() } else { 0 },
        document_count: if first {
            plan.topic_pages.ranked[t].len()
        } else {
            0
        },
        documents,
        cooccurring: site.topics.cooccurring[t]
            .iter()
            .copied()
            .take(if first { 12 } else { 0 })
            .map(link)
            .collect(),
        related: topic
            .related
            .iter()
            .filter(|_| first)
            .map(|&r| link((r, site.topics.mentions[r])))
            .collect(),
    }
}

/// A hash of everything the documents of a topic page are made from:
/// each document's URL, title and date ([`Plan::doc_keys`], and the
/// ranking's range), and each of its passages' paragraph (number, hashes
/// of its id and text) and spans. An edit elsewhere in a document leaves
/// the key as it was.
pub fn topic_passages_key(site: &Site, plan: &Plan, t: usize, range: Range<usize>) -> u64 {
    KeyHasher::of(|key| {
        for ranked in &plan.topic_pages.ranked[t][range] {
            let doc = &site.docs[ranked.doc];
            let parts = &site.keys[ranked.doc].parts;
            // The passages' count, not their place in the topic's list:
            // a passage added to an earlier document moves every later
            // one's place, and would change every page's key.
            key.add((plan.doc_keys[ranked.doc], &doc.date, ranked.passages.len()));
            for p in &site.topics.passages[t][ranked.passages.clone()] {
                key.add((
                    p.paragraph,
                    parts.paragraph_ids[p.paragraph()],
                    parts.paragraphs[p.paragraph()],
                    p.spans(&site.docs),
                ));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_or_more_paragraphs_in_a_row_are_one_run() {
        let ids: Vec<String> = (1..=20).map(|n| format!("p-{n}")).collect();
        let show = |numbers: &[usize]| {
            let refs = numbers
                .iter()
                .map(|&n| ParagraphRef {
                    id: &ids[n - 1],
                    number: n,
                    through: None,
                })
                .collect();
            runs(refs)
                .iter()
                .map(|p| match &p.through {
                    Some(t) => format!("{}–{}", p.id, t.id),
                    None => p.id.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        assert_eq!(show(&[]), "");
        assert_eq!(show(&[4]), "p-4");
        assert_eq!(show(&[1, 2, 4]), "p-1, p-2, p-4");
        assert_eq!(
            show(&[1, 2, 3, 5, 7, 8, 9, 10, 12]),
            "p-1–p-3, p-5, p-7–p-10, p-12"
        );
        assert_eq!(show(&[18, 19, 20]), "p-18–p-20");
    }
}
