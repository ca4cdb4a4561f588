//! The kinds of site-wide page `site_pages` renders, described cheaply
//! (`KnowledgePage`), and the costly part of each, keyed before it is made
//! (`Later`).

use super::{citations, knowledge, views};
use crate::config::Config;

/// The costly part of a knowledge page, added to its context only when the
/// page is rendered; its key is found from the inputs.
pub(super) enum Later<'a> {
    Nothing,
    /// A topic page's passages: topic, range of its passages.
    Passages(usize, std::ops::Range<usize>),
    /// A page of the citation index by author.
    CitationIndex(usize),
    /// Groups of one of the other citation listings.
    Groups(&'a [citations::Group]),
    /// A page of the timeline, in its frame.
    Timeline(usize, &'a super::timeline::TimelineFrame),
}

impl Later<'_> {
    pub(super) fn key(
        &self,
        site: &crate::graph::Site,
        plan: &knowledge::Plan,
        config: &Config,
    ) -> u64 {
        match self {
            Later::Timeline(k, _) => {
                super::timeline::page_key(plan, super::timeline::shown_range(config, plan), *k)
            }
            Later::Nothing => 0,
            Later::Passages(t, range) => {
                knowledge::topic_passages_key(site, plan, *t, range.clone())
            }
            Later::CitationIndex(k) => {
                // The page's works, and where its groups start and end
                // (a piece of a letter is titled as going on).
                let range = plan.citations.citation_pages[*k].clone();
                let groups = &plan.citations.letter_groups[range.clone()];
                let works = groups.iter().flat_map(|g| g.clone());
                let mut key = crate::memo::KeyHasher::default();
                key.add((range.start, groups));
                key.add(citations::works_key(plan, works));
                key.finish()
            }
            Later::Groups(groups) => {
                let mut key = crate::memo::KeyHasher::default();
                for g in groups.iter() {
                    key.add((&g.title, &g.anchor, g.continued, g.works.len()));
                }
                let works = groups.iter().flat_map(|g| g.works.iter().copied());
                key.add(citations::works_key(plan, works));
                key.finish()
            }
        }
    }
}

/// The citation listings other than the index: (URL, title, introduction,
/// groups).
pub(super) type Listings<'a> = [(&'static str, &'a str, &'a str, &'a Vec<citations::Group>); 3];

/// One page of the knowledge layer, described cheaply so that building its
/// context and rendering it can both run in parallel.
#[derive(Clone)]
pub(super) enum KnowledgePage {
    TopicsIndex,
    /// Topic, page.
    Topic(usize, usize),
    /// Page of the citation index.
    CitationIndex(usize),
    /// Listing (years, containers, authors), page, pages, its groups.
    CitationList(usize, usize, usize, std::ops::Range<usize>),
    Timeline(usize),
}

impl KnowledgePage {
    pub(super) fn url(
        &self,
        site: &crate::graph::Site,
        plan: &super::plan::Plan,
        lists: &Listings,
    ) -> String {
        match self {
            KnowledgePage::TopicsIndex => knowledge::TOPICS_URL.to_string(),
            KnowledgePage::Topic(t, k) => {
                let base = knowledge::topic_url(&site.topic_map.topics[*t].id);
                views::page_url(&base, k + 1)
            }
            KnowledgePage::CitationIndex(k) => views::page_url(citations::INDEX_URL, k + 1),
            KnowledgePage::CitationList(l, k, _, _) => views::page_url(lists[*l].0, k + 1),
            KnowledgePage::Timeline(k) => plan.timeline.page_urls[*k].clone(),
        }
    }
}
