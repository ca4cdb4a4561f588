//! The site-wide pages: the knowledge layer (topics, citation listings, the
//! timeline, exports) and the reading aids (search page and index, the list of
//! all documents, the map of the corpus). Split from `render` to keep each
//! file to one concern; the `Renderer` is shared.

use super::page_kinds::{KnowledgePage, Later, Listings};
use super::{citations, knowledge, map, paging, root_prefix, Out, OutputFile, Placed, Renderer};
use crate::config::Config;
use crate::Laps;
use anyhow::Result;
use rayon::prelude::*;

impl Renderer<'_> {
    /// The topics index, topic pages, citation pages and the timeline, each
    /// split into pages when long (see `paging`), all rendered in parallel;
    /// and the exports under `data/`.
    pub(super) fn knowledge_pages(
        &self,
        config: &Config,
        out: &mut Out,
        laps: &mut Laps,
    ) -> Result<()> {
        let site = self.site;
        let plan = &self.plan;
        let lists = self.listings();
        let mut pages: Vec<KnowledgePage> = Vec::new();
        if !site.topic_map.is_empty() {
            pages.push(KnowledgePage::TopicsIndex);
        }
        for (t, topic_pages) in plan.topic_pages.pages.iter().enumerate() {
            pages.extend((0..topic_pages.len()).map(|k| KnowledgePage::Topic(t, k)));
        }
        if !site.citations.works.is_empty() {
            pages
                .extend((0..plan.citations.citation_pages.len()).map(KnowledgePage::CitationIndex));
            for (l, (_, _, _, groups)) in lists.iter().enumerate() {
                let sizes: Vec<usize> = groups.iter().map(|g| g.works.len()).collect();
                let chunks = paging::chunks(&sizes, paging::LIMIT);
                let total = chunks.len();
                pages.extend(
                    chunks
                        .into_iter()
                        .enumerate()
                        .map(|(k, r)| KnowledgePage::CitationList(l, k, total, r)),
                );
            }
        }
        if !site.timeline.entries.is_empty() {
            pages.extend((0..plan.timeline.timeline_pages.len()).map(KnowledgePage::Timeline));
        }
        // The timeline's frame, once per way back to the root (the first
        // page and the others sit at different depths).
        let frames: std::collections::HashMap<String, super::timeline::TimelineFrame> = plan
            .timeline
            .page_urls
            .iter()
            .map(|url| root_prefix(url))
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .map(|root| {
                let shown = super::timeline::shown_range(config, plan);
                let frame = super::timeline::TimelineFrame::new(plan, shown, &root);
                (root, frame)
            })
            .collect();
        let placed: Vec<Placed> = pages
            .into_par_iter()
            .map(|page| {
                self.knowledge_file(page, &lists, &frames, config)
                    .and_then(|f| out.place(f))
            })
            .collect::<Result<_>>()?;
        out.record(placed);
        laps.lap("  topic, citation, timeline pages");
        let placed = self.exports(config, out)?;
        out.record(placed);
        laps.lap("  exports");
        Ok(())
    }

    /// The search page and index, the list of all documents with filters,
    /// and the map of the corpus.
    pub(super) fn reading_pages(&self, out: &mut Out, laps: &mut Laps) -> Result<()> {
        let site = self.site;
        let plan = &self.plan;
        let placed = self.with_search_urls(|urls| {
            crate::search::build(site, urls, &self.cache.search, &|f| out.place(f))
        })?;
        out.record(placed);
        laps.lap("  search index");
        let mut files = Vec::new();
        let url = "search/index.html";
        let ctx = self.context(url, Some("Search"), None);
        files.push(OutputFile::new(url, self.page("search.html", ctx, url)?));

        files.push(self.document_list()?);
        laps.lap("  document list");

        let url = "graph/index.html";
        let mut ctx = self.context(url, Some("Map of the corpus"), None);
        let topic_url = |t: usize| knowledge::topic_url(&site.topic_map.topics[t].id);
        let work_url = |w: usize| citations::work_url(site, plan, w);
        let urls = map::Urls {
            topic: &topic_url,
            work: &work_url,
        };
        let (svg, caption) = map::corpus_map(site, &root_prefix(url), &urls);
        ctx.insert("svg", &svg);
        ctx.insert("caption", &caption);
        files.push(OutputFile::new(url, self.page("graph.html", ctx, url)?));
        laps.lap("  map");
        out.extend(files)
    }

    /// The citation listings other than the index: URL, title,
    /// description, groups.
    fn listings(&self) -> Listings<'_> {
        let [by_year, by_container, by_author] = &self.plan.citations.listings;
        [
            (
                citations::YEARS_URL,
                self.word("works_by_year"),
                self.word("works_by_year_intro"),
                by_year,
            ),
            (
                citations::CONTAINERS_URL,
                self.word("works_by_container"),
                self.word("works_by_container_intro"),
                by_container,
            ),
            (
                citations::AUTHORS_URL,
                self.word("cited_authors"),
                self.word("cited_authors_intro"),
                by_author,
            ),
        ]
    }

    /// One knowledge page, found by its quick key or made.
    fn knowledge_file(
        &self,
        page: KnowledgePage,
        lists: &Listings,
        frames: &std::collections::HashMap<String, super::timeline::TimelineFrame>,
        config: &Config,
    ) -> Result<OutputFile> {
        let url = page.url(self.site, &self.plan, lists);
        let base = match page {
            KnowledgePage::TopicsIndex | KnowledgePage::Topic(..) => self.knowledge_keys.topics,
            KnowledgePage::Timeline(_) => self.knowledge_keys.timeline,
            KnowledgePage::CitationIndex(_) | KnowledgePage::CitationList(..) => {
                self.knowledge_keys.citations
            }
        };
        let quick = self.cache.key(|k| k.add((base, &url)));
        let bytes = self.quick_page(quick, |quick| {
            self.knowledge_page(&page, url.clone(), lists, frames, config, quick)
        })?;
        if let KnowledgePage::Timeline(_) = page {
            // Its rows stay stored while it holds them (see
            // `memo::RowStore`).
            self.record_rows(&url, None);
        }
        Ok(OutputFile::new(url, bytes))
    }

    /// Pages `k` of topics `t`, for each (`t`, `k`) of `pages` (a patch,
    /// see `render::patch`).
    pub(super) fn topic_pages(
        &self,
        pages: impl IntoIterator<Item = (usize, usize)>,
    ) -> Result<Vec<OutputFile>> {
        let lists = self.listings();
        let frames = std::collections::HashMap::new();
        pages
            .into_iter()
            .map(|(t, k)| {
                self.knowledge_file(KnowledgePage::Topic(t, k), &lists, &frames, self.config)
            })
            .collect()
    }

    /// `f` given where the search index's entries link to.
    pub(super) fn with_search_urls<R>(&self, f: impl FnOnce(&crate::search::Urls) -> R) -> R {
        let site = self.site;
        let plan = &self.plan;
        let topic_url = |t: usize| knowledge::topic_url(&site.topic_map.topics[t].id);
        let work_url = |w: usize| citations::work_url(site, plan, w);
        let years: Vec<(i32, String)> = plan
            .timeline
            .years
            .iter()
            .enumerate()
            .map(|(y, (year, _))| {
                (
                    *year,
                    plan.timeline.page_urls[plan.timeline.year_page[y]].clone(),
                )
            })
            .collect();
        let work_label = |w: usize| citations::short(&site.citations.works[w].reference);
        let languages: Vec<String> = site
            .docs
            .iter()
            .map(|d| d.language.as_str())
            .chain([self.config.language.as_str()])
            .map(crate::extract::language::primary)
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .collect();
        f(&crate::search::Urls {
            topic: &topic_url,
            work: &work_url,
            work_label: &work_label,
            works_key: self.cache.key(|k| k.add(&plan.citations.work_keys)),
            entry_keys: &plan.timeline.entry_keys,
            years: &years,
            language: &self.config.language,
            languages: &languages,
        })
    }

    /// One knowledge page; its costly part is made only when it is not
    /// reused.
    fn knowledge_page(
        &self,
        page: &KnowledgePage,
        url: String,
        lists: &Listings,
        frames: &std::collections::HashMap<String, super::timeline::TimelineFrame>,
        config: &Config,
        quick: super::Quick,
    ) -> Result<crate::output::Contents> {
        let site = self.site;
        let plan = &self.plan;
        // The costly part of a page, made only if it is not reused.
        let mut later = Later::Nothing;
        let (template, ctx) = match page.clone() {
            KnowledgePage::TopicsIndex => {
                let mut ctx = self.context(&url, Some("Topics"), None);
                ctx.insert("kinds", &knowledge::topics_index(site, &self.theme.strings));
                ("topics.html", ctx)
            }
            KnowledgePage::Topic(t, k) => {
                let topic = &site.topic_map.topics[t];
                let base = knowledge::topic_url(&topic.id);
                let title = super::views::paged_title(&topic.title, k + 1, &self.theme.strings);
                let described = Some(topic.description.as_str()).filter(|d| !d.is_empty());
                let mut ctx = self.context(&url, Some(&title), described);
                let range = plan.topic_pages.pages[t][k].clone();
                ctx.insert(
                    "topic",
                    &knowledge::topic_view(site, plan, t, range.clone(), false, config.unsafe_html),
                );
                later = Later::Passages(t, range);
                ctx.insert(
                    "paginator",
                    &knowledge::paginator(&base, k + 1, plan.topic_pages.pages[t].len()),
                );
                ("topic.html", ctx)
            }
            KnowledgePage::CitationIndex(k) => {
                let mut ctx = self.citation_context(
                    &url,
                    self.word("citation_index"),
                    self.word("citation_index_intro"),
                    k + 1,
                );
                ctx.insert("full", &true);
                ctx.insert("letters", &plan.citations.letters);
                later = Later::CitationIndex(k);
                ctx.insert(
                    "paginator",
                    &knowledge::paginator(
                        citations::INDEX_URL,
                        k + 1,
                        plan.citations.citation_pages.len(),
                    ),
                );
                ("citations.html", ctx)
            }
            KnowledgePage::CitationList(l, k, total, range) => {
                let (base, title, intro, groups) = &lists[l];
                let mut ctx = self.citation_context(&url, title, intro, k + 1);
                ctx.insert("full", &false);
                later = Later::Groups(&groups[range]);
                ctx.insert("paginator", &knowledge::paginator(base, k + 1, total));
                ("citations.html", ctx)
            }
            KnowledgePage::Timeline(k) => {
                let title = match &plan.timeline.page_spans[k] {
                    Some(span) => format!("{}, {span}", self.word("timeline")),
                    None => self.word("timeline").to_string(),
                };
                let ctx = self.context(&url, Some(&title), None);
                later = Later::Timeline(k, &frames[&root_prefix(&url)]);
                ("timeline.html", ctx)
            }
        };
        let inputs = self.cache.key(|k| k.add(later.key(site, plan, config)));
        self.page_with(template, ctx, &url, inputs, quick, |ctx| {
            match later {
                Later::Nothing => {}
                Later::Passages(t, range) => {
                    ctx.insert(
                        "topic",
                        &knowledge::topic_view(site, plan, t, range, true, config.unsafe_html),
                    );
                }
                Later::CitationIndex(k) => {
                    ctx.insert("groups", &citations::by_author(site, plan, k));
                }
                Later::Groups(groups) => {
                    let mut views: Vec<citations::GroupView> =
                        groups.iter().map(|g| g.view(site, plan)).collect();
                    // These pages are under `citations/` and link to the
                    // index's own pages: relative to `citations/` the links
                    // are shorter than through the site's root.
                    for w in views.iter_mut().flat_map(|g| g.works.iter_mut()) {
                        w.url = match w.url.strip_prefix("citations/") {
                            Some(rest) => rest.to_string(),
                            None => format!("../{}", w.url),
                        };
                    }
                    let depth = url.matches('/').count();
                    ctx.insert("works_root", &"../".repeat(depth.saturating_sub(1)));
                    ctx.insert("groups", &views);
                }
                Later::Timeline(k, frame) => {
                    let root = root_prefix(&url);
                    let shown = super::timeline::shown_range(config, plan);
                    let mut all = Vec::new();
                    let view = super::timeline::timeline_view(
                        site,
                        plan,
                        shown,
                        k,
                        frame,
                        &mut |entries| {
                            let rows = self.timeline_rows(entries, &root, shown)?;
                            let marker = ctx.fragment(super::rows::join(&rows));
                            all.extend(rows);
                            Ok(marker)
                        },
                    )?;
                    ctx.insert("timeline", &view);
                    self.record_rows(&url, Some(all));
                }
            }
            Ok(())
        })
    }

    fn citation_context(
        &self,
        url: &str,
        title: &str,
        intro: &str,
        page: usize,
    ) -> super::PageContext {
        let mut ctx = self.context(
            url,
            Some(&super::views::paged_title(title, page, &self.theme.strings)),
            Some(intro),
        );
        ctx.insert("title", title);
        ctx.insert("intro", intro);
        ctx.insert("count", &self.site.citations.works.len());
        ctx
    }
}
