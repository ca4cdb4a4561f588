//! Knowledge pages: the topics index, one page per topic, and the timeline.
//! Their contexts are built from the site-wide indexes of the graph stage;
//! each page holds only what it shows.

use super::excerpt::excerpt;
use super::paging::{chunks, page_of, LIMIT};
use super::views::{page_url, Paginator};
use crate::graph::Site;
use crate::memo::KeyHasher;
use crate::topics::Kind;
use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;

/// How the long knowledge listings are split into pages, decided once so
/// that every link to an entry, a passage or a work points to the right page.
#[derive(PartialEq)]
pub struct Plan {
    /// Timeline years (with their entries), in order.
    pub years: Vec<(i32, Vec<usize>)>,
    /// Pages of the timeline, as ranges of `years`.
    pub timeline_pages: Vec<Range<usize>>,
    /// Per timeline entry: its page (0-based).
    pub entry_page: Vec<usize>,
    /// Per year index: its page.
    pub year_page: Vec<usize>,
    /// Per topic: pages as ranges of its passages.
    pub topic_pages: Vec<Vec<Range<usize>>>,
    /// The citation index's letter groups, as ranges of the sorted works.
    pub letter_groups: Vec<Range<usize>>,
    /// Pages of the citation index by author, as ranges of its letter groups.
    pub citation_pages: Vec<Range<usize>>,
    /// Per work: its page of the citation index.
    pub work_page: Vec<usize>,
    /// Per work, when results are kept (see `memo`): a hash of what any
    /// page shows of it wherever it is cited (id, page, reference).
    pub work_keys: Vec<u64>,
    /// Per work, when results are kept: its key with the places that cite
    /// it (document title and URL, note id and number, Ibid.), what the
    /// citation index shows of it (see [`super::citations::works_key`]).
    pub cited_keys: Vec<u64>,
    /// Per document, when results are kept: its URL and title, with which
    /// a page links to it or quotes it.
    pub doc_keys: Vec<u64>,
    /// Per timeline entry, when results are kept: a hash of what it shows
    /// wherever it is shown (see [`super::timeline::add_entry`]).
    pub entry_keys: Vec<u64>,
    /// The citation listings other than the index: works by year, by
    /// container, and cited authors.
    pub listings: [Vec<super::citations::Group>; 3],
}

/// The keys of the inputs of a plan's parts, when results are kept: the
/// documents' titles and URLs (`doc_keys`), the timeline's part, the topic
/// pages' part and the citations' part. A rebuild makes again only the
/// parts whose keys changed ([`Plan::update`]): an edit that adds a topic
/// mention does not hash the timeline's entries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlanKeys {
    pub docs: u64,
    pub timeline: u64,
    pub topics: u64,
    pub citations: u64,
}

impl PlanKeys {
    /// The keys of `site`'s plan, when results are kept: from the
    /// indexes' keys and each document's title, URL, dated paragraphs'
    /// ids and notes.
    pub fn of(site: &Site) -> Option<PlanKeys> {
        let (topics, timeline, citations, _) = site.index_keys?;
        let each = |add: &(dyn Fn(&mut KeyHasher, &crate::graph::Doc) + Sync)| -> u64 {
            let per_doc: Vec<u64> = site
                .docs
                .par_iter()
                .map(|d| KeyHasher::of(|k| add(k, d)))
                .collect();
            KeyHasher::of(|k| k.add(per_doc))
        };
        let docs = each(&|k, d| k.add((&d.url, &d.title)));
        let dated = each(&|k, d| k.add(d.part_keys.dated_ids));
        let notes = each(&|k, d| k.add(d.part_keys.notes));
        Some(PlanKeys {
            docs,
            timeline: KeyHasher::of(|k| k.add((docs, timeline, dated))),
            topics: KeyHasher::of(|k| k.add((docs, topics))),
            citations: KeyHasher::of(|k| k.add((docs, citations, notes))),
        })
    }
}

impl Plan {
    /// Paginates the knowledge pages; `keys` says whether to hash each
    /// work for the keys of the pages that show it.
    pub fn new(site: &Site, keys: bool) -> Plan {
        let doc_keys = doc_keys(site, keys);
        let (years, timeline_pages, entry_page, year_page, entry_keys) =
            timeline_part(site, &doc_keys, keys);
        let (letter_groups, citation_pages, work_page, work_keys, cited_keys, listings) =
            citation_part(site, keys);
        Plan {
            years,
            timeline_pages,
            entry_page,
            year_page,
            topic_pages: topic_part(site),
            letter_groups,
            citation_pages,
            work_page,
            work_keys,
            cited_keys,
            doc_keys,
            entry_keys,
            listings,
        }
    }

    /// The plan of `site` (whose keys are `keys`) from `last` (whose keys
    /// were `was`): the parts whose keys are the same are copied, the
    /// others made again.
    pub fn update(site: &Site, keys: PlanKeys, last: &Plan, was: PlanKeys) -> Plan {
        let doc_keys = if keys.docs == was.docs {
            last.doc_keys.clone()
        } else {
            doc_keys(site, true)
        };
        let (years, timeline_pages, entry_page, year_page, entry_keys) =
            if keys.timeline == was.timeline {
                (
                    last.years.clone(),
                    last.timeline_pages.clone(),
                    last.entry_page.clone(),
                    last.year_page.clone(),
                    last.entry_keys.clone(),
                )
            } else {
                timeline_part(site, &doc_keys, true)
            };
        let (letter_groups, citation_pages, work_page, work_keys, cited_keys, listings) =
            if keys.citations == was.citations {
                (
                    last.letter_groups.clone(),
                    last.citation_pages.clone(),
                    last.work_page.clone(),
                    last.work_keys.clone(),
                    last.cited_keys.clone(),
                    last.listings.clone(),
                )
            } else {
                citation_part(site, true)
            };
        let topic_pages = if keys.topics == was.topics {
            last.topic_pages.clone()
        } else {
            topic_part(site)
        };
        Plan {
            years,
            timeline_pages,
            entry_page,
            year_page,
            topic_pages,
            letter_groups,
            citation_pages,
            work_page,
            work_keys,
            cited_keys,
            doc_keys,
            entry_keys,
            listings,
        }
    }

    pub fn entry_url(&self, site: &Site, i: usize) -> String {
        let page = timeline_page_url(self.entry_page[i]);
        format!("{page}#{}", site.timeline.entries[i].anchor)
    }

    pub fn year_url(&self, y: usize) -> String {
        let page = timeline_page_url(self.year_page[y]);
        format!("{page}#{}", year_anchor(self.years[y].0))
    }
}

/// Hashes `n` values with `add` in parallel (none unless `keys`).
fn hash_each(keys: bool, n: usize, add: &(dyn Fn(&mut KeyHasher, usize) + Sync)) -> Vec<u64> {
    if !keys {
        return Vec::new();
    }
    (0..n)
        .into_par_iter()
        .map(|i| KeyHasher::of(|key| add(key, i)))
        .collect()
}

/// Per document: its URL and title, with which a page links to it.
fn doc_keys(site: &Site, keys: bool) -> Vec<u64> {
    hash_each(keys, site.docs.len(), &|key, d| {
        let doc = &site.docs[d];
        key.add((&doc.url, &doc.title));
    })
}

/// The timeline's part of a plan: its years, pages, each entry's and
/// year's page, and each entry's key.
type TimelinePart = (
    Vec<(i32, Vec<usize>)>,
    Vec<Range<usize>>,
    Vec<usize>,
    Vec<usize>,
    Vec<u64>,
);

fn timeline_part(site: &Site, doc_keys: &[u64], keys: bool) -> TimelinePart {
    let years = site.timeline.years();
    let sizes: Vec<usize> = years.iter().map(|(_, e)| e.len()).collect();
    let timeline_pages = chunks(&sizes, LIMIT);
    let year_page = page_of(&timeline_pages, years.len());
    let mut entry_page = vec![0; site.timeline.entries.len()];
    for (y, (_, entries)) in years.iter().enumerate() {
        for &e in entries {
            entry_page[e] = year_page[y];
        }
    }
    let entry_keys = hash_each(keys, site.timeline.entries.len(), &|key, e| {
        super::timeline::add_entry(key, site, doc_keys, e);
    });
    (years, timeline_pages, entry_page, year_page, entry_keys)
}

/// Per topic: its pages, as ranges of its passages (grouped by document).
fn topic_part(site: &Site) -> Vec<Vec<Range<usize>>> {
    site.topics
        .passages
        .iter()
        .map(|passages| {
            // Groups are documents; pages are ranges of passages.
            let mut bounds = vec![0];
            for i in 1..passages.len() {
                if passages[i].doc != passages[i - 1].doc {
                    bounds.push(i);
                }
            }
            bounds.push(passages.len());
            let sizes: Vec<usize> = bounds.windows(2).map(|w| w[1] - w[0]).collect();
            chunks(&sizes, LIMIT)
                .into_iter()
                .map(|r| bounds[r.start]..bounds[r.end.min(sizes.len())])
                .collect()
        })
        .collect()
}

/// The citations' part of a plan: letter groups, index pages, each work's
/// page, work keys, cited keys and the other listings.
type CitationPart = (
    Vec<Range<usize>>,
    Vec<Range<usize>>,
    Vec<usize>,
    Vec<u64>,
    Vec<u64>,
    [Vec<super::citations::Group>; 3],
);

fn citation_part(site: &Site, keys: bool) -> CitationPart {
    let letters = super::citations::letter_groups(site);
    let sizes: Vec<usize> = letters.iter().map(|g| g.len()).collect();
    let citation_pages = chunks(&sizes, LIMIT);
    let letter_page = page_of(&citation_pages, letters.len());
    let mut work_page = vec![0; site.citations.works.len()];
    for (g, works) in letters.iter().enumerate() {
        for w in works.clone() {
            work_page[w] = letter_page[g];
        }
    }
    let works = &site.citations.works;
    let work_keys = hash_each(keys, works.len(), &|key, w| {
        key.add((&works[w].id, work_page[w], &works[w].reference));
    });
    let cited_keys = hash_each(keys, works.len(), &|key, w| {
        key.add(work_keys[w]);
        for c in &works[w].cited_in {
            let doc = &site.docs[c.doc];
            let note = &doc.body.footnotes[c.footnote];
            key.add((&doc.title, &doc.url, &note.id, note.number, c.ibid));
        }
    });
    let listings = if site.citations.works.is_empty() {
        Default::default()
    } else {
        use super::citations::{by_cited_author, by_container, by_year};
        let (years, (containers, authors)) = rayon::join(
            || by_year(site),
            || rayon::join(|| by_container(site), || by_cited_author(site)),
        );
        [years, containers, authors]
    };
    (
        letters,
        citation_pages,
        work_page,
        work_keys,
        cited_keys,
        listings,
    )
}

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

/// The URL of page `page` (0-based) of the timeline.
pub fn timeline_page_url(page: usize) -> String {
    page_url(TIMELINE_URL, page + 1)
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
}

impl<'a> TopicLinkView<'a> {
    /// A link to topic `t` with a count beside it.
    pub fn new(site: &'a Site, t: usize, count: usize) -> Self {
        let topic = &site.topic_map.topics[t];
        TopicLinkView {
            title: &topic.title,
            url: topic_url(&topic.id),
            count,
        }
    }
}

#[derive(Serialize)]
pub struct KindView<'a> {
    pub name: &'static str,
    pub title: &'static str,
    pub topics: Vec<TopicLinkView<'a>>,
}

/// The topics index, grouped by kind, with mention counts.
pub fn topics_index(site: &Site) -> Vec<KindView<'_>> {
    Kind::ALL
        .iter()
        .map(|&kind| KindView {
            name: kind.name(),
            title: kind.plural_title(),
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

#[derive(Serialize)]
pub struct DocPassagesView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub passages: Vec<PassageView>,
}

#[derive(Serialize)]
pub struct TopicView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub kind: &'static str,
    pub description_html: String,
    pub aliases: Vec<&'a str>,
    pub mentions: usize,
    pub passages: usize,
    pub document_count: usize,
    pub documents: Vec<DocPassagesView<'a>>,
    pub cooccurring: Vec<TopicLinkView<'a>>,
    pub related: Vec<TopicLinkView<'a>>,
}

/// One page of a topic: its passages in `range`, grouped by document.
/// A topic page's view. Without `passages` its documents are left out: the
/// excerpts are the costly part, made only when the page is rendered (see
/// [`topic_passages_key`]).
pub fn topic_view(site: &Site, t: usize, range: Range<usize>, passages: bool) -> TopicView<'_> {
    let topic = &site.topic_map.topics[t];
    let mut documents: Vec<DocPassagesView> = Vec::new();
    let range = if passages { range } else { 0..0 };
    for p in &site.topics.passages[t][range] {
        let doc = &site.docs[p.doc];
        if documents.last().is_none_or(|d| d.url != doc.url) {
            documents.push(DocPassagesView {
                title: &doc.title,
                url: &doc.url,
                passages: Vec::new(),
            });
        }
        let para = &doc.body.paragraphs[p.paragraph];
        if let Some(d) = documents.last_mut() {
            d.passages.push(PassageView {
                url: format!("{}#{}", doc.url, para.id),
                paragraph: format!("¶ {}", p.paragraph + 1),
                excerpt: excerpt(&para.text, p.spans(&site.docs)),
            });
        }
    }
    let link = |(i, count): (usize, usize)| TopicLinkView::new(site, i, count);
    TopicView {
        id: &topic.id,
        title: &topic.title,
        kind: topic.kind.name(),
        description_html: super::html::markdown_html(&topic.description),
        aliases: topic.aliases.iter().map(|a| a.text.as_str()).collect(),
        mentions: site.topics.mentions[t],
        passages: site.topics.passages[t].len(),
        document_count: site.topics.passages[t]
            .windows(2)
            .filter(|w| w[0].doc != w[1].doc)
            .count()
            + usize::from(!site.topics.passages[t].is_empty()),
        documents,
        cooccurring: site.topics.cooccurring[t]
            .iter()
            .copied()
            .take(12)
            .map(link)
            .collect(),
        related: topic
            .related
            .iter()
            .map(|&r| link((r, site.topics.mentions[r])))
            .collect(),
    }
}

/// A hash of everything the passages of a topic page are made from: each
/// passage's document (URL and title: [`Plan::doc_keys`]), paragraph
/// (number, hashes of its id and text) and spans. An edit elsewhere in a
/// document leaves the key as it was.
pub fn topic_passages_key(site: &Site, plan: &Plan, t: usize, range: Range<usize>) -> u64 {
    KeyHasher::of(|key| {
        for p in &site.topics.passages[t][range] {
            let doc = &site.docs[p.doc];
            key.add((
                plan.doc_keys[p.doc],
                p.paragraph,
                doc.part_keys.paragraph_ids[p.paragraph],
                doc.part_keys.paragraphs[p.paragraph],
                p.spans(&site.docs),
            ));
        }
    })
}
