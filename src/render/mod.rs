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
pub mod excerpt;
pub mod exports;
pub mod feeds;
pub mod highlight;
pub mod html;
pub mod knowledge;
pub mod map;
pub mod paging;
mod site_pages;
pub mod views;

use crate::config::Config;
use crate::graph::Site;
use crate::memo::{KeyHasher, RenderCache, RenderMemo};
use crate::theme::{error_chain, Theme};
use anyhow::{anyhow, Result};
use highlight::Highlighter;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use tera::Context;
use views::{breadcrumbs, section_view, DocView, Link, Paginator, SiteView, TocEntry};

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

impl IntoBytes for &[u8] {
    fn into_bytes(self) -> Arc<Vec<u8>> {
        Arc::new(self.to_vec())
    }
}

/// How many documents of each sub-section the home page lists.
const HOME_PER_SECTION: usize = 10;
const FEED_ENTRIES: usize = 50;

/// Time per part of the render stage, in order.
pub type Timings = Vec<(&'static str, std::time::Duration)>;

/// A stopwatch that records the time since the last lap under a name.
pub struct Laps {
    clock: std::time::Instant,
    pub list: Timings,
}

impl Laps {
    fn new() -> Self {
        Laps {
            clock: std::time::Instant::now(),
            list: Timings::new(),
        }
    }

    pub fn lap(&mut self, name: &'static str) {
        self.list.push((name, self.clock.elapsed()));
        self.clock = std::time::Instant::now();
    }
}

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
    let r = Renderer {
        theme,
        site_view,
        nav,
        site,
        plan: knowledge::Plan::new(site),
        cache: RenderCache::new(last),
    };
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
    theme: &'a Theme,
    site_view: SiteView<'a>,
    nav: Vec<Link<'a>>,
    site: &'a Site,
    plan: knowledge::Plan,
    cache: RenderCache<'a>,
}

/// A page's template context, kept as JSON values so that its key (a hash
/// of all of them) is known before the template runs: a page whose key the
/// last build saw is not rendered again.
pub(crate) struct PageContext {
    values: serde_json::Map<String, serde_json::Value>,
}

impl PageContext {
    fn new() -> Self {
        PageContext {
            values: serde_json::Map::new(),
        }
    }

    pub(crate) fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        // Views are plain structs and strings: they always serialise.
        let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
        self.values.insert(key.to_string(), value);
    }
}

impl Renderer<'_> {
    /// The context every page shares: the site, the way back to the root, the
    /// navigation.
    fn context(&self, url: &str, description: Option<&str>) -> PageContext {
        let mut ctx = PageContext::new();
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
        self.page_with(template, ctx, url, 0, |_| Ok(()))
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
        finish: impl FnOnce(&mut PageContext) -> Result<()>,
    ) -> Result<Arc<Vec<u8>>> {
        let key = if self.cache.active() {
            let mut key = KeyHasher::default();
            key.add(self.theme.templates_key);
            key.add(template);
            key.add(inputs);
            key.add_json(&ctx.values);
            key.finish()
        } else {
            0
        };
        self.cache.get_or(key, || {
            let mut ctx = ctx;
            finish(&mut ctx)?;
            let ctx = Context::from_value(serde_json::Value::Object(ctx.values))
                .map_err(|e| anyhow!("cannot render {url}: {e}"))?;
            self.theme
                .tera
                .render(template, &ctx)
                .map(String::into_bytes)
                .map_err(|e| {
                    anyhow!(
                        "cannot render {url} with template {template}: {}",
                        error_chain(&e)
                    )
                })
        })
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
        for (k, docs) in chunks.iter().enumerate() {
            let n = k + 1;
            let url = views::page_url(&s.url, n);
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
            files.push(OutputFile::new(
                url.clone(),
                self.page(template, ctx, &url)?,
            ));
        }
        Ok(files)
    }

    fn document(&self, i: usize, hl: &Highlighter) -> Result<OutputFile> {
        let d = &self.site.docs[i];
        let root = root_prefix(&d.url);
        let topics = &self.site.topic_map.topics;
        let links: Vec<html::LinkSpan> = d
            .extracted
            .links
            .iter()
            .map(|l| html::LinkSpan {
                node: l.node,
                start: l.start,
                end: l.end,
                href: format!("{root}{}", knowledge::topic_url(&topics[l.topic].id)),
                topic: topics[l.topic].id.clone(),
                preview: preview_text(&topics[l.topic]),
                label: topics[l.topic].title.clone(),
            })
            .collect();
        let mut view = DocView::summary(d);
        let by_note = &self.site.citations.by_footnote[i];
        let note_extras: Vec<Option<String>> = (0..d.body.footnotes.len())
            .map(|f| {
                by_note.get(&f).map(|&w| {
                    // The parsed reference travels hidden with the note, for
                    // the preview of its footnote marker.
                    format!(
                        "<a class=\"cite\" href=\"{root}{}\">In the citation index</a><span class=\"ref-parsed\" hidden>{}</span>",
                        citations::work_url(self.site, &self.plan, w),
                        citations::reference_html(&self.site.citations.works[w].reference)
                    )
                })
            })
            .collect();
        let conn = &self.site.connections;
        let rewrites: HashMap<String, String> = conn.targets[i]
            .iter()
            .map(|(dest, (t, fragment))| {
                let target = &self.site.docs[*t];
                let frag = fragment
                    .as_ref()
                    .map(|f| format!("#{f}"))
                    .unwrap_or_default();
                (dest.clone(), format!("{root}{}{frag}", target.url))
            })
            .collect();
        let related: Vec<RelatedView> = conn.related[i]
            .iter()
            .map(|r| RelatedView {
                title: &self.site.docs[r.doc].title,
                url: &self.site.docs[r.doc].url,
                topics: r.topics.iter().map(|&t| topics[t].title.as_str()).collect(),
                works: r.works.len(),
            })
            .collect();
        let backlinks: Vec<Link> = conn.backlinks[i]
            .iter()
            .map(|&b| Link {
                title: &self.site.docs[b].title,
                url: &self.site.docs[b].url,
            })
            .collect();
        let doc_topics: Vec<knowledge::TopicLinkView> = self.site.topics.doc_topics[i]
            .iter()
            .map(|&(t, count)| knowledge::TopicLinkView::new(self.site, t, count))
            .collect();
        let dates: Vec<knowledge::EntryView> = self.site.timeline.by_doc[i]
            .iter()
            .map(|&e| knowledge::entry_view(self.site, &self.plan, e))
            .collect();
        view.author_note_html = d.author_note.as_deref().map(html::markdown_html);
        view.note = d.note.as_deref();
        view.toc = d
            .body
            .headings
            .iter()
            .filter(|h| h.level <= 4)
            .map(|h| TocEntry {
                level: h.level,
                id: &h.id,
                text: &h.text,
            })
            .collect();
        let section = &self.site.sections[d.section];
        let pos = section.docs.iter().position(|&x| x == i);
        let neighbour = |j: Option<usize>| {
            j.and_then(|j| section.docs.get(j)).map(|&k| Link {
                title: &self.site.docs[k].title,
                url: &self.site.docs[k].url,
            })
        };
        let mut ctx = self.context(&d.url, Some(&d.summary));
        // The body is the costly part: it is made only when the page is not
        // reused, and its inputs are in the key instead.
        ctx.insert("doc", &view);
        ctx.insert("doc_topics", &doc_topics);
        ctx.insert("dates", &dates);
        ctx.insert("related", &related);
        ctx.insert("backlinks", &backlinks);
        ctx.insert("prev", &neighbour(pos.and_then(|p| p.checked_sub(1))));
        ctx.insert("next", &neighbour(pos.map(|p| p + 1)));
        ctx.insert("breadcrumbs", &breadcrumbs(self.site, d.section));
        let mut inputs = KeyHasher::default();
        inputs.add(d.key);
        inputs.add(&links);
        inputs.add(&note_extras);
        let mut sorted: Vec<(&String, &String)> = rewrites.iter().collect();
        sorted.sort();
        inputs.add(&sorted);
        let bytes = self.page_with("document.html", ctx, &d.url, inputs.finish(), |ctx| {
            view.content = html::document_html_with(&d.body, hl, &links, &note_extras, &rewrites);
            ctx.insert("doc", &view);
            Ok(())
        })?;
        Ok(OutputFile::new(d.url.clone(), bytes))
    }
}

/// A related document and why: the topics and cited works it shares.
#[derive(serde::Serialize)]
struct RelatedView<'a> {
    title: &'a str,
    url: &'a str,
    topics: Vec<&'a str>,
    works: usize,
}

/// The text a topic link's preview shows: its description without Markdown
/// markup, or its aliases.
fn preview_text(t: &crate::topics::Topic) -> String {
    if t.description.trim().is_empty() {
        let aliases: Vec<&str> = t.aliases.iter().map(|a| a.text.as_str()).collect();
        format!("Also written as: {}", aliases.join(", "))
    } else {
        t.description.replace(['*', '_', '`'], "")
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
