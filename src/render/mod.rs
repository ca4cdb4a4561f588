//! Render: the site graph into output files, in memory. Nothing is written
//! here (see `output`).
//!
//! 1. Document pages, in parallel: body HTML (ids, footnotes, highlighted
//!    code) into the `document.html` template.
//! 2. The home page and one page per section.
//! 3. `404.html`, the Atom feed, `sitemap.xml`, `robots.txt`.
//! 4. Static files: the theme's and the site's, and the generated
//!    `syntax.css`.
//!
//! Each page's context holds that page and its neighbours only, so render time
//! grows linearly with the number of pages.

pub(crate) mod assets;
mod bib;
mod cache;
mod citation_lists;
pub(crate) mod citations;
mod data_files;
mod doc_list;
mod document;
pub(crate) mod excerpt;
pub(crate) mod exports;
pub(crate) mod feeds;
pub(crate) mod highlight;
pub(crate) mod html;
pub(crate) mod images;
pub(crate) mod knowledge;
pub(crate) mod map;
mod out;
mod page;
mod page_kinds;
pub(crate) mod paging;
pub(crate) mod patch;
pub(crate) mod plan;
mod rows;
mod site_pages;
pub(crate) mod timeline;
pub(crate) mod views;

use crate::config::Config;
use crate::graph::Site;
use crate::theme::strings::Strings;
use crate::theme::Theme;
use crate::{Laps, Timings};
use anyhow::Result;
use cache::RenderCache;
pub use cache::RenderMemo;
use highlight::Highlighter;
use page::{PageContext, Quick};
use rayon::prelude::*;
use std::sync::Arc;
use views::{breadcrumbs, section_view, Link, Paginator, SiteView};

pub use crate::output::{Emit, OutputFile};
pub use out::{Out, Placed};

/// How many documents of each sub-section the home page lists.
const HOME_PER_SECTION: usize = 10;
const FEED_ENTRIES: usize = 50;

/// Renders the whole site, with the time each part took. With `emit`,
/// each file goes to it as soon as it is made (its path is kept); else the
/// files are kept, sorted by path. `reread` gives the Markdown of texts
/// whose documents did not keep it.
pub fn render<'e>(
    config: &Config,
    site: &Site,
    theme: &Theme,
    last: &RenderMemo,
    emit: Option<&'e dyn Emit>,
    reread: Option<&crate::parse::Reread>,
) -> Result<(Out<'e>, Timings, RenderMemo)> {
    let mut laps = Laps::new();
    let hl = Highlighter::for_theme(theme);
    let mut cache = RenderCache::new(last);
    let active = cache.active();
    let plan_keys = if active {
        knowledge::PlanKeys::of(site)
    } else {
        None
    };
    let plan = cache.plan(plan_keys, |last| match (plan_keys, last) {
        (Some(keys), Some((was, last))) => {
            let plan = knowledge::Plan::update(site, keys, last, was);
            // The parts' keys must cover their inputs: self-checks (all
            // tests) make the whole plan again and compare.
            if crate::memo::self_check() {
                assert!(
                    plan == knowledge::Plan::new(site, true),
                    "a plan part was reused whose inputs changed"
                );
            }
            plan
        }
        _ => knowledge::Plan::new(site, active),
    });
    let mut r = Renderer::new(config, site, theme, cache, plan, plan_keys);
    r.reread = reread;
    laps.lap("  plan and keys");
    let mut out = Out::new(emit);
    // Each page goes out as soon as it is made.
    let placed: Vec<Placed> = site
        .docs
        .par_iter()
        .enumerate()
        .map(|(i, _)| r.document(i, &hl).and_then(|f| out.place(f)))
        .collect::<Result<_>>()?;
    out.record(placed);
    laps.lap("  documents");
    for i in 0..site.sections.len() {
        out.extend(r.section(i)?)?;
    }
    laps.lap("  sections");
    r.knowledge_pages(config, &mut out, &mut laps)?;
    r.reading_pages(&mut out, &mut laps)?;
    let mut ctx = r.context("404.html", Some("Page not found"), None);
    // A host serves 404.html for a missing page at any depth: its links
    // resolve against the site's path on the host (see base.html).
    ctx.insert("base_href", &feeds::base_path(&config.base_url));
    out.add(OutputFile::new(
        "404.html",
        r.page("404.html", ctx, "404.html")?,
    ))?;
    // Pages only: not the search index's scripts or the exports.
    let mut pages: Vec<&str> = out
        .paths()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
        .collect();
    pages.sort_unstable();
    let sitemap = feeds::sitemap(config, site, &pages);
    out.add(OutputFile::new("sitemap.xml", sitemap))?;
    out.add(OutputFile::new("robots.txt", feeds::robots(config)))?;
    // Earlier URLs of documents (not listed in the sitemap).
    for r in &site.redirects {
        let d = &site.docs[r.doc];
        out.add(OutputFile::new(
            r.path.clone(),
            feeds::redirect(&r.path, &d.url, &d.title),
        ))?;
    }
    out.add(OutputFile::new(
        "atom.xml",
        feeds::atom(config, site, FEED_ENTRIES),
    ))?;
    out.add(OutputFile::new(
        highlight::SYNTAX_CSS,
        highlight::stylesheet(),
    ))?;
    // The theme's static files win over a page of the same path (emitted
    // last, they replace it).
    for (path, bytes) in &theme.static_files {
        out.files.retain(|f| &f.path != path);
        out.emitted.retain(|p| p != path);
        out.add(OutputFile::new(path.clone(), bytes.clone()))?;
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.emitted.sort_unstable();
    laps.lap("  feeds, static files");
    Ok((out, laps.list, r.cache.finish()))
}

/// The bases of the knowledge pages' and exports' quick keys, one per kind
/// (see `Renderer::new`): an edit that adds a topic mention finds the
/// timeline and citation pages by their quick keys.
struct KnowledgeKeys {
    topics: u64,
    timeline: u64,
    citations: u64,
}

/// The site-wide navigation: the top sections, then dossier's own pages
/// that the site has.
fn navigation<'a>(site: &'a Site, strings: &'a Strings) -> Vec<Link<'a>> {
    let word = |k: &'a str| crate::theme::strings::get(strings, k);
    let mut nav: Vec<Link> = site.sections[0]
        .children
        .iter()
        .map(|&c| Link {
            title: &site.sections[c].title,
            url: &site.sections[c].url,
        })
        .collect();
    if !site.topic_map.is_empty() {
        nav.push(Link {
            title: word("topics"),
            url: knowledge::TOPICS_URL,
        });
    }
    if !site.timeline.entries.is_empty() {
        nav.push(Link {
            title: word("timeline"),
            url: knowledge::TIMELINE_URL,
        });
    }
    if !site.citations.works.is_empty() {
        nav.push(Link {
            title: word("citations"),
            url: citations::INDEX_URL,
        });
    }
    nav.push(Link {
        title: word("all_documents"),
        url: "documents/index.html",
    });
    nav.push(Link {
        title: word("map"),
        url: "graph/index.html",
    });
    nav
}

struct Renderer<'a> {
    config: &'a Config,
    /// The strings `search.js` shows, as JSON, when the site's differ from
    /// its English ones; empty otherwise.
    js_strings: String,
    /// The strings a document row reads (rendered once per document).
    row_strings: crate::theme::strings::Strings,
    /// Per document: its place in its section's listing.
    place: Vec<usize>,
    /// A hash of the templates, the config, the topic map, the navigation
    /// and the sections: what any page may show besides its own inputs.
    site_key: u64,
    /// Hashes of everything each kind of knowledge page and export is made
    /// from, their quick keys' bases.
    knowledge_keys: KnowledgeKeys,
    theme: &'a Theme,
    site_view: SiteView<'a>,
    nav: Vec<Link<'a>>,
    site: &'a Site,
    plan: Arc<knowledge::Plan>,
    cache: RenderCache<'a>,
    /// What gives a document's Markdown again when it was not kept (a
    /// one-off build; see `parse::Document::full_from`).
    reread: Option<&'a crate::parse::Reread<'a>>,
}

impl<'a> Renderer<'a> {
    /// The text of `key` in the site's language.
    fn word(&self, key: &'a str) -> &'a str {
        crate::theme::strings::get(&self.theme.strings, key)
    }

    /// The renderer of `site` with `plan` (whose keys are `plan_keys`).
    fn new(
        config: &'a Config,
        site: &'a Site,
        theme: &'a Theme,
        cache: RenderCache<'a>,
        plan: Arc<knowledge::Plan>,
        plan_keys: Option<knowledge::PlanKeys>,
    ) -> Self {
        let site_view = SiteView {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            rtl: crate::extract::language::is_rtl(&config.language),
            author: &config.author,
            base_url: &config.base_url,
            extra: &config.extra,
            // `static/favicon.ico`, `.png` or `.svg`, when the site has one.
            favicon: theme
                .static_files
                .keys()
                .find(|k| k.starts_with("favicon."))
                .map(String::as_str),
        };
        let nav = navigation(site, &theme.strings);
        // What every page's context may hold besides its own inputs (see
        // `Renderer::quick_page`).
        let site_key = cache.key(|k| {
            k.add(theme.templates_key);
            k.add_json(config);
            k.add(format!("{:?}", site.topic_map));
            k.add_json(&nav);
            for s in &site.sections {
                k.add((&s.path, &s.title, &s.url));
            }
            // Links to files beside the texts are rewritten on every page.
            let mut assets: Vec<_> = site.assets.iter().collect();
            assets.sort();
            k.add(&assets);
        });
        // What each kind of knowledge page or export is made from: the
        // site, its part of the plan (the indexes, each document's title
        // and URL, and its dated paragraphs or its notes), and for topics
        // the paragraphs their pages quote.
        let knowledge_keys = KnowledgeKeys {
            topics: cache.key(|k| {
                k.add((site_key, plan_keys.map(|p| p.topics)));
                for keys in &site.keys {
                    k.add(keys.parts.passages);
                }
            }),
            timeline: cache.key(|k| k.add((site_key, plan_keys.map(|p| p.timeline)))),
            citations: cache.key(|k| k.add((site_key, plan_keys.map(|p| p.citations)))),
        };
        // Each document's place in its section's listing.
        let mut place = vec![0; site.docs.len()];
        for s in &site.sections {
            for (p, &d) in s.docs.iter().enumerate() {
                place[d] = p;
            }
        }
        Renderer {
            js_strings: crate::theme::strings::for_script(&theme.strings),
            row_strings: theme.strings_for(doc_list::ROW),
            config,
            place,
            site_key,
            knowledge_keys,
            theme,
            site_view,
            nav,
            site,
            plan,
            cache,
            reread: None,
        }
    }

    /// A section's listing pages (more than one when it paginates).
    fn section(&self, i: usize) -> Result<Vec<OutputFile>> {
        self.section_pages(i, |_| true)
    }

    /// The listing pages of section `i` whose document (by its place in
    /// the listing) `wanted` says.
    fn section_pages(&self, i: usize, wanted: impl Fn(usize) -> bool) -> Result<Vec<OutputFile>> {
        let s = &self.site.sections[i];
        let template = if i == 0 { "index.html" } else { "section.html" };
        let per_page = if s.paginate_by == 0 {
            s.docs.len().max(1)
        } else {
            s.paginate_by
        };
        let chunks: Vec<&[usize]> = if s.docs.is_empty() {
            vec![&[]]
        } else {
            s.docs.chunks(per_page).collect()
        };
        let crumbs = breadcrumbs(self.site, i, &self.theme.strings);
        let mut files = Vec::with_capacity(chunks.len());
        // What a listing shows of its sub-sections: their counts and
        // first documents.
        let children = self.cache.key(|key| {
            for &c in &s.children {
                key.add(views::count_docs(self.site, c));
                for &d in self.site.sections[c].docs.iter().take(HOME_PER_SECTION) {
                    key.add(self.doc_face(d));
                }
            }
        });
        for (k, docs) in chunks.iter().enumerate() {
            if !(k * per_page..k * per_page + docs.len().max(1)).any(&wanted) {
                continue;
            }
            let n = k + 1;
            let url = views::page_url(&s.url, n);
            // A listing shows its documents' summaries, all made from
            // their sources and URLs.
            let quick = self.cache.key(|key| {
                key.add((self.site_key, i, n, chunks.len(), &s.intro, children));
                for &d in docs.iter() {
                    key.add(self.doc_face(d));
                }
            });
            let bytes = self.quick_page(quick, |quick| {
                let paginator = Paginator {
                    current: n,
                    total: chunks.len(),
                    prev: (n > 1).then(|| views::page_url(&s.url, n - 1)),
                    next: (n < chunks.len()).then(|| views::page_url(&s.url, n + 1)),
                };
                let title = views::paged_title(&s.title, n, &self.theme.strings);
                let home = s.path.is_empty() && n <= 1;
                let mut ctx = self.context(
                    &url,
                    (!home).then_some(title.as_str()),
                    Some(&s.intro)
                        .filter(|i| !i.trim().is_empty())
                        .map(|i| i.as_str()),
                );
                ctx.insert(
                    "section",
                    &section_view(
                        self.site,
                        s,
                        docs,
                        HOME_PER_SECTION,
                        self.config.unsafe_html,
                        &self.theme.strings,
                    ),
                );
                ctx.insert("breadcrumbs", &crumbs[..crumbs.len().saturating_sub(1)]);
                ctx.insert("paginator", &paginator);
                self.page_with(template, ctx, &url, 0, quick, |_| Ok(()))
            })?;
            files.push(OutputFile::new(url.clone(), bytes));
        }
        Ok(files)
    }
}

impl Renderer<'_> {
    /// What a summary of document `d` is made from: its source (which
    /// covers its metadata and text) and its URL.
    fn doc_face(&self, d: usize) -> (u64, &str) {
        (self.site.keys[d].source, &self.site.docs[d].url)
    }
}

/// `a/b/index.html` → `../../`; `index.html` → ``.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_prefixes() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("a/index.html"), "../");
        assert_eq!(root_prefix("a/b/index.html"), "../../");
    }
}
