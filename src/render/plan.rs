//! The pagination plan of the knowledge pages, decided once per build so
//! that every link to an entry, a passage or a work points to the right
//! page, with the per-work, per-entry and per-document keys made with it.
//! It is made in four parts, each kept in the memo with the key of its own
//! inputs ([`PlanKeys`]) and reused while that key is unchanged: an edit
//! that adds a topic mention does not hash the timeline's entries again.

use super::knowledge::year_anchor;
use super::paging::{chunks, page_of, timeline_pages, TimelinePage, LIMIT};
use crate::graph::citations::PlaceName;
use crate::graph::Site;
use crate::memo::KeyHasher;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// How the long knowledge listings are split into pages, and the keys
/// made with them. Its parts are shared with the memo.
#[derive(PartialEq)]
pub struct Plan {
    pub timeline: Arc<TimelinePlan>,
    pub topic_pages: Arc<TopicPlan>,
    pub citations: Arc<CitationPlan>,
    /// Per document, when results are kept: its URL and title, with which
    /// a page links to it or quotes it.
    pub doc_keys: Arc<Vec<u64>>,
}

/// The topic pages' part of a plan (see [`topic_pages`]).
#[derive(PartialEq)]
pub struct TopicPlan {
    /// Per topic: the documents that mention it, ranked.
    pub ranked: Vec<Vec<Ranked>>,
    /// Per topic: its pages, as ranges of `ranked[t]`.
    pub pages: Vec<Vec<Range<usize>>>,
}

/// A document in a topic's ranking.
#[derive(Debug, PartialEq)]
pub struct Ranked {
    pub doc: usize,
    /// Its passages' range in `site.topics.passages[t]`.
    pub passages: Range<usize>,
    /// How often those passages mention the topic.
    pub mentions: usize,
}

/// The timeline's part of a plan.
#[derive(PartialEq)]
pub struct TimelinePlan {
    /// Timeline years (with their entries), in order.
    pub years: Vec<(i32, Vec<usize>)>,
    /// Pages of the timeline, as ranges of `years` (see [`timeline_pages`]).
    pub timeline_pages: Vec<Range<usize>>,
    /// Per page: its URL, root-relative; named by what it holds, so that
    /// a year added elsewhere moves no entry to another page.
    pub page_urls: Vec<String>,
    /// Per page: the years it holds (`1950–1959`, `1951`); `None` on the
    /// first page.
    pub page_spans: Vec<Option<String>>,
    /// Per timeline entry: its page (0-based).
    pub entry_page: Vec<usize>,
    /// Per year index: its page.
    pub year_page: Vec<usize>,
    /// Per timeline entry, when results are kept: a hash of what it shows
    /// wherever it is shown (see [`super::timeline::add_entry`]).
    pub entry_keys: Vec<u64>,
}

/// The citations' part of a plan.
#[derive(PartialEq)]
pub struct CitationPlan {
    /// The citation index's letter groups (a long one in pieces), as
    /// ranges of the sorted works.
    pub letter_groups: Vec<Range<usize>>,
    /// Each letter of the index, linked to where it starts.
    pub letters: Vec<super::citations::LetterLink>,
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
    /// The citation listings other than the index: works by year, by
    /// container, and cited authors.
    pub listings: [Vec<super::citations::Group>; 3],
}

/// The keys of the inputs of a plan's parts, when results are kept: the
/// documents' titles and URLs (`doc_keys`), the timeline's part, the topic
/// pages' part and the citations' part.
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
        type Add<'a> =
            dyn Fn(&mut KeyHasher, &crate::graph::Doc, &crate::memo::PartKeys) + Sync + 'a;
        let each = |add: &Add| -> u64 {
            let per_doc: Vec<u64> = site
                .docs
                .par_iter()
                .zip(&site.keys)
                .map(|(d, keys)| KeyHasher::of(|k| add(k, d, &keys.parts)))
                .collect();
            KeyHasher::of(|k| k.add(per_doc))
        };
        let docs = each(&|k, d, _| k.add((&d.url, &d.title, d.lang_attrs())));
        // Topic pages rank documents by date too.
        let dates = each(&|k, d, _| k.add(&d.date));
        let dated = each(&|k, _, parts| k.add(parts.dated_ids));
        let notes = each(&|k, _, parts| k.add(parts.notes));
        Some(PlanKeys {
            docs,
            timeline: KeyHasher::of(|k| k.add((docs, timeline, dated))),
            topics: KeyHasher::of(|k| k.add((docs, topics, dates))),
            citations: KeyHasher::of(|k| k.add((docs, citations, notes))),
        })
    }
}

impl Plan {
    /// Paginates the knowledge pages; `keys` says whether to hash each
    /// work, entry and document for the keys of the pages that show it.
    pub fn new(site: &Site, keys: bool) -> Plan {
        let doc_keys = Arc::new(doc_keys(site, keys));
        Plan {
            timeline: Arc::new(TimelinePlan::new(site, &doc_keys, keys)),
            topic_pages: Arc::new(topic_pages(site)),
            citations: Arc::new(CitationPlan::new(site, keys)),
            doc_keys,
        }
    }

    /// The plan of `site` (whose keys are `keys`) from `last` (whose keys
    /// were `was`): the parts whose keys are the same are shared, the
    /// others made again.
    pub fn update(site: &Site, keys: PlanKeys, last: &Plan, was: PlanKeys) -> Plan {
        let doc_keys = if keys.docs == was.docs {
            Arc::clone(&last.doc_keys)
        } else {
            Arc::new(doc_keys(site, true))
        };
        Plan {
            timeline: if keys.timeline == was.timeline {
                Arc::clone(&last.timeline)
            } else {
                Arc::new(TimelinePlan::new(site, &doc_keys, true))
            },
            topic_pages: if keys.topics == was.topics {
                Arc::clone(&last.topic_pages)
            } else {
                Arc::new(topic_pages(site))
            },
            citations: if keys.citations == was.citations {
                Arc::clone(&last.citations)
            } else {
                Arc::new(CitationPlan::new(site, true))
            },
            doc_keys,
        }
    }

    pub fn entry_url(&self, site: &Site, i: usize) -> String {
        let page = self.timeline.entry_page_url(i);
        format!("{page}#{}", site.timeline.entries[i].anchor)
    }

    pub fn year_url(&self, y: usize) -> String {
        let page = &self.timeline.page_urls[self.timeline.year_page[y]];
        format!("{page}#{}", year_anchor(self.timeline.years[y].0))
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

/// Per document: its URL and title, with which a page links to it, and
/// the language its quoted text is marked with.
fn doc_keys(site: &Site, keys: bool) -> Vec<u64> {
    hash_each(keys, site.docs.len(), &|key, d| {
        let doc = &site.docs[d];
        key.add((&doc.url, &doc.title, doc.lang_attrs()));
    })
}

impl TimelinePlan {
    fn new(site: &Site, doc_keys: &[u64], keys: bool) -> TimelinePlan {
        let years = site.timeline.years();
        let (timeline_pages, names) = timeline_pages(&years, LIMIT);
        let year_page = page_of(&timeline_pages, years.len());
        let page_urls = names.iter().map(|n| n.url()).collect();
        let page_spans = names.iter().map(TimelinePage::span).collect();
        let mut entry_page = vec![0; site.timeline.entries.len()];
        for (y, (_, entries)) in years.iter().enumerate() {
            for &e in entries {
                entry_page[e] = year_page[y];
            }
        }
        let entry_keys = hash_each(keys, site.timeline.entries.len(), &|key, e| {
            super::timeline::add_entry(key, site, doc_keys, e);
        });
        TimelinePlan {
            years,
            timeline_pages,
            page_urls,
            page_spans,
            entry_page,
            year_page,
            entry_keys,
        }
    }
}

impl TimelinePlan {
    /// The URL of entry `i`'s page (what a link to the entry depends on).
    pub fn entry_page_url(&self, i: usize) -> &str {
        &self.page_urls[self.entry_page[i]]
    }
}

/// Documents listed per topic page.
pub const DOCS_PER_TOPIC_PAGE: usize = 50;

/// The topic pages' part of a plan: per topic, the documents that
/// mention it, ranked by how often (then the latest first, then in the
/// site's order), each with the range of its passages in the topic's
/// passages; and the topic's pages, as ranges of that ranking.
fn topic_pages(site: &Site) -> TopicPlan {
    let ranked: Vec<Vec<Ranked>> = site
        .topics
        .passages
        .par_iter()
        .map(|passages| {
            let mut groups: Vec<Ranked> = Vec::new();
            let mut start = 0;
            for i in 1..=passages.len() {
                if i == passages.len() || passages[i].doc != passages[start].doc {
                    let mentions: usize = passages[start..i]
                        .iter()
                        .map(|p| p.spans(&site.docs).len())
                        .sum();
                    groups.push(Ranked {
                        doc: passages[start].doc,
                        passages: start..i,
                        mentions,
                    });
                    start = i;
                }
            }
            groups.sort_by(|a, b| {
                b.mentions
                    .cmp(&a.mentions)
                    .then_with(|| site.docs[b.doc].date.cmp(&site.docs[a.doc].date))
                    .then(a.doc.cmp(&b.doc))
            });
            groups
        })
        .collect();
    let pages = ranked
        .iter()
        .map(|docs| {
            if docs.is_empty() {
                // A topic no text mentions still has its page.
                return std::iter::once(0..0).collect();
            }
            (0..docs.len())
                .step_by(DOCS_PER_TOPIC_PAGE)
                .map(|s| s..(s + DOCS_PER_TOPIC_PAGE).min(docs.len()))
                .collect()
        })
        .collect();
    TopicPlan { ranked, pages }
}

impl CitationPlan {
    fn new(site: &Site, keys: bool) -> CitationPlan {
        let letter_groups = super::citations::letter_groups(site, LIMIT);
        let sizes: Vec<usize> = letter_groups.iter().map(|g| g.len()).collect();
        let citation_pages = chunks(&sizes, LIMIT);
        let letter_page = page_of(&citation_pages, letter_groups.len());
        let mut work_page = vec![0; site.citations.works.len()];
        for (g, works) in letter_groups.iter().enumerate() {
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
                let (id, name) = c.anchor(doc);
                let name = match name {
                    PlaceName::Note(n) => (n, ""),
                    PlaceName::Entry(label) => (0, label),
                };
                key.add((&doc.title, &doc.url, id, name, c.ibid, c.in_text));
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
            [years, containers, authors].map(|groups| super::citations::cut_groups(groups, LIMIT))
        };
        let letters = super::citations::letter_links(site, &letter_groups, &work_page);
        CitationPlan {
            letters,
            letter_groups,
            citation_pages,
            work_page,
            work_keys,
            cited_keys,
            listings,
        }
    }
}
