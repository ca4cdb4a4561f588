//! The render stage's share of a patch (see `crate::patch`): documents
//! edited in place, whose edits change nothing that other pages show of
//! them but their word counts and the text of their passages. Made again:
//! their own pages, the listings of their sections and of the sections
//! above (which show word counts), their rows of the list of all
//! documents, the topic pages that quote their changed passages, and the
//! search index's files that hold them. Every other file is the last
//! build's.

use super::cache::{RenderCache, RenderMemo};
use super::highlight::Highlighter;
use super::{doc_list, OutputFile, Renderer};
use crate::config::Config;
use crate::graph::Site;
use crate::theme::Theme;
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};

/// A document edited in place: its place in the site, its source key in
/// the last build, and the topics whose passages in it read differently.
pub struct Edited {
    pub doc: usize,
    pub old_key: u64,
    pub topics: Vec<usize>,
}

/// What a patch changed: files made again (some perhaps as they were) and
/// files gone.
pub struct Patched {
    pub files: Vec<OutputFile>,
    pub removed: Vec<String>,
}

/// The files that change when documents `docs` (each with its source key
/// in the last build) are edited in place in `site`, from the last build's
/// memo `last` and its files `old` (sorted by path). `None` when the last
/// build's results do not allow it: the whole site is then rendered.
/// The memo's search index and rows are patched in place; both stay valid
/// for a whole render even when this gives up half-way.
pub fn patch(
    config: &Config,
    site: &Site,
    theme: &Theme,
    last: &RenderMemo,
    docs: &[Edited],
    old: &[super::OutputFile],
    laps: &mut crate::Laps,
) -> Result<Option<Patched>> {
    let Some((plan_keys, plan)) = last.plan.clone() else {
        return Ok(None);
    };
    let cache = RenderCache::new(last);
    if !cache.active() {
        return Ok(None);
    }
    let r = Renderer::new(config, site, theme, cache, plan, Some(plan_keys));
    laps.lap("  keys");
    let made = r.patch(docs, old, laps);
    r.cache.give_back_rows();
    made
}

impl Renderer<'_> {
    fn patch(
        &self,
        docs: &[Edited],
        old: &[OutputFile],
        laps: &mut crate::Laps,
    ) -> Result<Option<Patched>> {
        let site = self.site;
        let hl = Highlighter::for_theme(self.theme);
        let mut files = Vec::new();
        for e in docs {
            files.push(self.document(e.doc, &hl)?);
        }
        laps.lap("  documents");
        // Listings show word counts: the page of each document's section
        // that lists it, and the pages of the sections above (which list
        // their sub-sections' first documents).
        // `None`: every page.
        let mut sections: BTreeMap<usize, Option<BTreeSet<usize>>> = BTreeMap::new();
        for e in docs {
            let own = site.docs[e.doc].section;
            for s in super::views::section_path(site, own) {
                if s != own {
                    sections.insert(s, None);
                }
            }
            if let Some(places) = sections.entry(own).or_insert_with(|| Some(BTreeSet::new())) {
                places.insert(self.place[e.doc]);
            }
        }
        for (s, places) in sections {
            files
                .extend(self.section_pages(s, |p| places.as_ref().is_none_or(|w| w.contains(&p)))?);
        }
        laps.lap("  sections");
        let list = old
            .binary_search_by(|f| f.path.as_str().cmp(doc_list::URL))
            .ok()
            .map(|at| &old[at].bytes);
        let Some(list) = list else {
            return Ok(None);
        };
        let rows: Vec<(usize, u64)> = docs.iter().map(|e| (e.doc, e.old_key)).collect();
        let Some(list) = self.document_list_patch(&list.plain(), &rows)? else {
            return Ok(None);
        };
        files.push(list);
        laps.lap("  document list");
        // The page of each changed topic that quotes the document. A patch
        // keeps every document's passages and mention counts
        // (`graph::same_face`), so its place in each topic's ranking, and
        // every page's list, are as they were.
        let mut quoting = BTreeSet::new();
        let topics = &self.plan.topic_pages;
        for e in docs {
            for &t in &e.topics {
                let place = topics.ranked[t].iter().position(|r| r.doc == e.doc);
                if let Some(place) = place {
                    let page = topics.pages[t].iter().position(|r| r.contains(&place));
                    quoting.extend(page.map(|k| (t, k)));
                }
            }
        }
        files.extend(self.topic_pages(quoting)?);
        laps.lap("  topic pages");
        let indices: Vec<usize> = docs.iter().map(|e| e.doc).collect();
        let search = self.with_search_urls(|urls| {
            crate::search::patch(site, urls, &self.cache.search, &indices)
        });
        let Some((search, removed)) = search else {
            return Ok(None);
        };
        files.extend(search);
        laps.lap("  search index");
        Ok(Some(Patched { files, removed }))
    }
}
