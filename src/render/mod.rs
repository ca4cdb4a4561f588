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

pub mod citations;
mod doc_list;
mod document;
pub mod excerpt;
pub mod exports;
pub mod feeds;
pub mod highlight;
pub mod html;
pub mod knowledge;
pub mod map;
pub mod paging;
mod rows;
mod site_pages;
pub mod timeline;
pub mod views;

use crate::config::Config;
use crate::graph::Site;
use crate::memo::{RenderCache, RenderMemo};
use crate::theme::{error_chain, Theme};
use crate::{Laps, Timings};
use anyhow::{anyhow, Result};
use highlight::Highlighter;
use rayon::prelude::*;
use std::sync::Arc;
use tera::Context;
use views::{breadcrumbs, section_view, Link, Paginator, SiteView};

/// One file of the site, by its path relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    /// Shared: a page reused from the last build is not copied.
    pub bytes: Arc<Vec<u8>>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl IntoBytes) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into_bytes(),
        }
    }
}

/// What a file's contents can be made from.
pub trait IntoBytes {
    fn into_bytes(self) -> Arc<Vec<u8>>;
}

impl IntoBytes for Arc<Vec<u8>> {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        self
    }
}

impl IntoBytes for Vec<u8> {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self)
    }
}

impl IntoBytes for String {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self.into_bytes())
    }
}

impl IntoBytes for &str {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self.as_bytes().to_vec())
    }
}

/// How many documents of each sub-section the home page lists.
const HOME_PER_SECTION: usize = 10;
const FEED_ENTRIES: usize = 50;

/// Renders the whole site. Files come back sorted by path, with the time
/// each part took.
pub fn render(
    config: &Config,
    site: &Site,
    theme: &Theme,
    last: &RenderMemo,
) -> Result<(Vec<OutputFile>, Timings, RenderMemo)> {
    let mut laps = Laps::new();
    let hl = Highlighter::default();
    let site_view = SiteView {
        title: &config.title,
        description: &config.description,
        language: &config.language,
        author: &config.author,
        base_url: &config.base_url,
        extra: &config.extra,
    };
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
            title: "Topics",
            url: knowledge::TOPICS_URL,
        });
    }
    if !site.timeline.entries.is_empty() {
        nav.push(Link {
            title: "Timeline",
            url: knowledge::TIMELINE_URL,
        });
    }
    if !site.citations.works.is_empty() {
        nav.push(Link {
            title: "Citations",
            url: citations::INDEX_URL,
        });
    }
    nav.push(Link {
        title: "All documents",
        url: "documents/index.html",
    });
    nav.push(Link {
        title: "Map",
        url: "graph/index.html",
    });
    let mut cache = RenderCache::new(last);
    let active = cache.active();
    let plan_key = if active {
        knowledge::Plan::key(site)
    } else {
        None
    };
    let plan = cache.plan(plan_key, || knowledge::Plan::new(site, active));
    // What every page's context may hold besides its own inputs (see
    // `Renderer::quick_page`).
    let site_key = cache.key(|k| {
        k.add(theme.templates_key);
        k.add(format!("{config:?}"));
        k.add(format!("{:?}", site.topic_map));
        k.add_json(&nav);
        for s in &site.sections {
            k.add((&s.path, &s.title, &s.url));
        }
    });
    // What any knowledge page or export is made from: the site, the plan
    // (the indexes, each document's title, URL, dated paragraphs and
    // notes) and the paragraphs that topic pages quote.
    let knowledge_key = cache.key(|k| {
        k.add((site_key, plan_key));
        for d in &site.docs {
            k.add(d.part_keys.passages);
        }
    });
    // Each document's place in its section's listing.
    let mut place = vec![0; site.docs.len()];
    for s in &site.sections {
        for (p, &d) in s.docs.iter().enumerate() {
            place[d] = p;
        }
    }
    let r = Renderer {
        place,
        site_key,
        knowledge_key,
        theme,
        site_view,
        nav,
        site,
        plan,
        cache,
    };
    laps.lap("  plan and keys");
    let mut files: Vec<OutputFile> = site
        .docs
        .par_iter()
        .enumerate()
        .map(|(i, _)| r.document(i, &hl))
        .collect::<Result<_>>()?;
    laps.lap("  documents");
    for i in 0..site.sections.len() {
        files.extend(r.section(i)?);
    }
    laps.lap("  sections");
    files.extend(r.knowledge_pages(config, &mut laps)?);
    files.extend(r.reading_pages(&mut laps)?);
    let ctx = r.context("404.html", None);
    files.push(OutputFile::new(
        "404.html",
        r.page("404.html", ctx, "404.html")?,
    ));
    let mut pages: Vec<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| *p != "404.html")
        .collect();
    pages.sort_unstable();
    let sitemap = feeds::sitemap(config, &pages);
    files.push(OutputFile::new("sitemap.xml", sitemap));
    files.push(OutputFile::new("robots.txt", feeds::robots(config)));
    files.push(OutputFile::new(
        "atom.xml",
        feeds::atom(config, site, FEED_ENTRIES),
    ));
    files.push(OutputFile::new("syntax.css", highlight::stylesheet()));
    for (path, bytes) in &theme.static_files {
        files.retain(|f| &f.path != path);
        files.push(OutputFile::new(path.clone(), bytes.clone()));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    laps.lap("  feeds, static files");
    Ok((files, laps.list, r.cache.finish()))
}

struct Renderer<'a> {
    /// Per document: its place in its section's listing.
    place: Vec<usize>,
    /// A hash of the templates, the config, the topic map, the navigation
    /// and the sections: what any page may show besides its own inputs.
    site_key: u64,
    /// A hash of everything the knowledge pages and exports are made from,
    /// their quick keys' base.
    knowledge_key: u64,
    theme: &'a Theme,
    site_view: SiteView<'a>,
    nav: Vec<Link<'a>>,
    site: &'a Site,
    plan: Arc<knowledge::Plan>,
    cache: RenderCache<'a>,
}

/// What [`Renderer::page_with`] does with a page's quick key.
#[derive(Clone, Copy)]
enum Quick {
    /// The page has none.
    None,
    /// The page is made: its quick key is recorded with its full key.
    Record(u64),
    /// The page was found by its quick key (first), and had the full key
    /// (second): only check that its full key is that one.
    Check(u64, u64),
}

/// A page's template context, kept serialised so that its key (a hash of
/// all of it) is known before the template runs: a page whose key the last
/// build saw is not rendered again. When results are kept (`keyed`), each
/// value is held as JSON text (cheap to make and to hash; parsed only for a
/// page that is rendered), else as a JSON value, ready for the template.
pub(crate) struct PageContext {
    keyed: bool,
    values: std::collections::BTreeMap<String, Slot>,
    /// HTML put in after the template runs, in place of the markers the
    /// context holds (see [`PageContext::fragment`]).
    fragments: Vec<Vec<u8>>,
}

enum Slot {
    Value(serde_json::Value),
    Text(Vec<u8>),
}

impl PageContext {
    fn new(keyed: bool) -> Self {
        PageContext {
            keyed,
            values: std::collections::BTreeMap::new(),
            fragments: Vec::new(),
        }
    }

    pub(crate) fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        // Views are plain structs and strings: they always serialise.
        let slot = if self.keyed {
            Slot::Text(serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec()))
        } else {
            Slot::Value(serde_json::to_value(value).unwrap_or(serde_json::Value::Null))
        };
        self.values.insert(key.to_string(), slot);
    }

    /// A marker to put in the context in place of `html`, which replaces
    /// it in the rendered page: long HTML made elsewhere (rows rendered one
    /// by one and reused) then goes neither through JSON nor through the
    /// template engine. Only for contexts completed when a page is made
    /// (`Renderer::page_with`), whose key covers what `html` is made from.
    pub(crate) fn fragment(&mut self, html: Vec<u8>) -> String {
        self.fragments.push(html);
        rows::marker(self.fragments.len() - 1)
    }

    fn add_to(&self, key: &mut crate::memo::KeyHasher) {
        for (name, slot) in &self.values {
            key.add(name);
            match slot {
                Slot::Text(text) => key.add(text),
                Slot::Value(value) => key.add_json(value),
            }
        }
    }

    fn into_context(self) -> std::result::Result<(Context, Vec<Vec<u8>>), tera::Error> {
        let mut map = serde_json::Map::new();
        for (name, slot) in self.values {
            let value = match slot {
                Slot::Value(v) => v,
                Slot::Text(text) => serde_json::from_slice(&text).map_err(|e| {
                    tera::Error::msg(format!("context value `{name}` is not JSON: {e}"))
                })?,
            };
            map.insert(name, value);
        }
        Ok((
            Context::from_value(serde_json::Value::Object(map))?,
            self.fragments,
        ))
    }
}

impl Renderer<'_> {
    /// The context every page shares: the site, the way back to the root, the
    /// navigation.
    fn context(&self, url: &str, description: Option<&str>) -> PageContext {
        let mut ctx = PageContext::new(self.cache.active());
        ctx.insert("site", &self.site_view);
        ctx.insert("root", &root_prefix(url));
        ctx.insert("page_url", url);
        ctx.insert("nav", &self.nav);
        ctx.insert(
            "description",
            &description.unwrap_or(self.site_view.description),
        );
        ctx
    }

    /// Renders `template` with `ctx`, or reuses the last build's bytes for
    /// the same templates, template name and context.
    fn page(&self, template: &str, ctx: PageContext, url: &str) -> Result<Arc<Vec<u8>>> {
        self.page_with(template, ctx, url, 0, Quick::None, |_| Ok(()))
    }

    /// A page found by its quick key when the last build made it (see
    /// [`RenderCache::by_quick`]), else made by `page`, which is handed how
    /// to use the quick key. Debug builds make the full key of every page
    /// found by a quick key and check that it is the one the quick key
    /// found: a quick key that misses an input fails the tests.
    fn quick_page(
        &self,
        quick: u64,
        page: impl Fn(Quick) -> Result<Arc<Vec<u8>>>,
    ) -> Result<Arc<Vec<u8>>> {
        match self.cache.by_quick(quick) {
            Some((key, bytes)) => {
                if cfg!(debug_assertions) {
                    page(Quick::Check(quick, key))?;
                }
                Ok(bytes)
            }
            None => page(Quick::Record(quick)),
        }
    }

    /// [`Self::page`] for a page whose costly part is made only when it is
    /// rendered: the key covers `ctx` and `inputs` (a hash of everything
    /// `finish` adds to the context), and `finish` completes the context
    /// when the page is not reused.
    fn page_with(
        &self,
        template: &str,
        ctx: PageContext,
        url: &str,
        inputs: u64,
        quick: Quick,
        finish: impl FnOnce(&mut PageContext) -> Result<()>,
    ) -> Result<Arc<Vec<u8>>> {
        let key = self.cache.key(|key| {
            key.add(self.theme.templates_key);
            key.add(template);
            key.add(inputs);
            ctx.add_to(key);
        });
        self.keyed(key, quick, url, || {
            // What `finish` adds is not hashed: it goes in as values.
            let mut ctx = ctx;
            ctx.keyed = false;
            finish(&mut ctx)?;
            let (ctx, fragments) = ctx
                .into_context()
                .map_err(|e| anyhow!("cannot render {url}: {e}"))?;
            self.theme
                .tera
                .render(template, &ctx)
                .map(|page| rows::splice(page, &fragments))
                .map_err(|e| {
                    anyhow!(
                        "cannot render {url} with template {template}: {}",
                        error_chain(&e)
                    )
                })
        })
    }

    /// The bytes for `key`, reused or made (see [`RenderCache::get_or`]),
    /// with `quick` recorded or checked (see [`Self::quick_page`]).
    fn keyed(
        &self,
        key: u64,
        quick: Quick,
        path: &str,
        make: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<Arc<Vec<u8>>> {
        match quick {
            Quick::None => {}
            Quick::Record(q) => self.cache.quick_is(q, key),
            Quick::Check(q, found) => {
                assert_eq!(
                    key, found,
                    "{path}: its quick key {q:016x} found a file with other inputs"
                );
                return Ok(Arc::default());
            }
        }
        self.cache.get_or(key, make)
    }

    /// A section's listing pages (more than one when it paginates).
    fn section(&self, i: usize) -> Result<Vec<OutputFile>> {
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
        let crumbs = breadcrumbs(self.site, i);
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
                let mut ctx = self.context(&url, Some(&s.title));
                ctx.insert(
                    "section",
                    &section_view(self.site, s, docs, HOME_PER_SECTION),
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
        let doc = &self.site.docs[d];
        (doc.key, &doc.url)
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
