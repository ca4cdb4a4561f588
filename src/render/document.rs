//! Document pages: the body (topic links, footnotes with their parsed
//! references, rewritten links between documents) and what surrounds it
//! (topics, dates, related documents, backlinks, neighbours). The body is
//! made only when the page is not reused from the last build.

use super::images::{Target, Targets};
use super::views::{breadcrumbs, DocView, Link, TocEntry};
use super::{citations, html, knowledge, root_prefix, OutputFile, Quick, Renderer};
use crate::render::highlight::Highlighter;
use anyhow::Result;

impl Renderer<'_> {
    pub(super) fn document(&self, i: usize, hl: &Highlighter) -> Result<OutputFile> {
        let bytes = self.quick_page(self.document_quick_key(i), |quick| {
            self.document_page(i, hl, quick)
        })?;
        Ok(OutputFile::new(self.site.docs[i].url.clone(), bytes))
    }

    /// The quick key of document `i`'s page: its source key (which covers
    /// its text, metadata, and what it was extracted with), its place,
    /// and the keys of what it shows of other documents (their titles and
    /// URLs), of its topics, cited works and timeline entries.
    fn document_quick_key(&self, i: usize) -> u64 {
        let site = self.site;
        let d = &site.docs[i];
        let plan = &self.plan;
        let conn = &site.connections;
        self.cache.key(|k| {
            k.add((self.site_key, site.keys[i].source, &d.url, d.section));
            k.add(&site.topics.doc_topics[i]);
            for r in &conn.related[i] {
                k.add((plan.doc_keys[r.doc], &r.topics, r.works.len()));
            }
            k.add(conn.backlinks[i].len());
            for &b in &conn.backlinks[i] {
                k.add(plan.doc_keys[b]);
            }
            let section = &site.sections[d.section];
            let pos = Some(self.place[i]);
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| section.docs.get(j))
                    .map(|&n| plan.doc_keys[n])
            };
            k.add(neighbour(pos.and_then(|p| p.checked_sub(1))));
            k.add(neighbour(pos.map(|p| p + 1)));
            let by_note = &site.citations.by_footnote[i];
            for f in 0..d.body.footnotes.len() {
                k.add(by_note.get(&f).map(|&w| plan.citations.work_keys[w]));
            }
            add_entry_works(k, &site.citations.by_entry[i], plan);
            for &e in &site.timeline.by_doc[i] {
                k.add((plan.timeline.entry_keys[e], plan.timeline.entry_page_url(e)));
            }
            let mut targets: Vec<_> = conn.targets[i]
                .iter()
                .map(|(dest, (t, fragment))| (dest, plan.doc_keys[*t], fragment))
                .collect();
            targets.sort();
            k.add(&targets);
        })
    }

    fn document_page(
        &self,
        i: usize,
        hl: &Highlighter,
        quick: Quick,
    ) -> Result<crate::output::Contents> {
        let d = &self.site.docs[i];
        let root = root_prefix(&d.url);
        let topics = &self.site.topic_map.topics;
        let mut view = DocView::summary(d, &self.theme.strings);
        let conn = &self.site.connections;
        let mut rewrites: Targets = conn.targets[i]
            .iter()
            .map(|(dest, (t, fragment))| {
                let target = &self.site.docs[*t];
                let frag = fragment
                    .as_ref()
                    .map(|f| format!("#{f}"))
                    .unwrap_or_default();
                let href = format!("{root}{}{frag}", target.url);
                (dest.clone(), Target { href, size: None })
            })
            .collect();
        // Links and images to files beside the text, from the page's place.
        for dest in &d.extracted.links_out {
            // At its relative path, else by its file name (`![[map.png]]`).
            let at = crate::graph::files::target(&d.rel, dest)
                .filter(|t| self.site.assets.contains_key(t))
                .or_else(|| {
                    crate::graph::wiki::file_by_name(&self.site.asset_names, dest).cloned()
                });
            if let Some(t) = at {
                if let Some(&size) = self.site.assets.get(&t) {
                    if !rewrites.contains_key(dest) {
                        let frag = dest.find('#').map_or("", |i| &dest[i..]);
                        let href = crate::graph::files::href(&d.url, &t);
                        let href = format!("{href}{frag}");
                        rewrites.insert(dest.clone(), Target { href, size });
                    }
                }
            }
        }
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
            .map(|&(t, count)| knowledge::TopicLinkView::in_document(self.site, i, t, count))
            .collect();
        let allow = self.config.unsafe_html;
        view.author_note_html = d
            .author_note
            .as_deref()
            .map(|n| html::markdown_html(n, allow));
        view.note = d.note.as_deref();
        view.stated = d
            .stated
            .iter()
            .map(|k| crate::theme::strings::get(&self.theme.strings, k))
            .collect();
        view.updated = d.updated.as_deref();
        view.extra = Some(&d.extra);
        view.citation_date = d.date.as_deref().map(|s| s.replace('-', "/"));
        let pdf = format!(
            "{}.pdf",
            d.rel
                .rsplit_once('.')
                .map_or(d.rel.as_str(), |(stem, _)| stem)
        );
        view.pdf_url = self.site.assets.contains_key(&pdf).then(|| {
            format!(
                "{}{}",
                self.config.base_url,
                crate::graph::files::href("index.html", &pdf)
            )
        });
        let canonical = format!(
            "{}{}",
            self.config.base_url,
            d.url.strip_suffix("index.html").unwrap_or(&d.url)
        );
        view.json_ld = Some(super::views::json_ld(
            d,
            &canonical,
            &self.config.title,
            &d.language,
        ));
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
        let pos = Some(self.place[i]);
        let neighbour = |j: Option<usize>| {
            j.and_then(|j| section.docs.get(j)).map(|&k| Link {
                title: &self.site.docs[k].title,
                url: &self.site.docs[k].url,
            })
        };
        let mut ctx = self.context(&d.url, Some(&d.title), Some(&d.summary));
        // The body is the costly part: it is made only when the page is not
        // reused, and its inputs are in the key instead.
        ctx.insert("doc", &view);
        ctx.insert("doc_topics", &doc_topics);
        ctx.insert("related", &related);
        ctx.insert("backlinks", &backlinks);
        ctx.insert("prev", &neighbour(pos.and_then(|p| p.checked_sub(1))));
        ctx.insert("next", &neighbour(pos.map(|p| p + 1)));
        ctx.insert(
            "breadcrumbs",
            &breadcrumbs(self.site, d.section, &self.theme.strings),
        );
        // The local map, drawn by `map.js` from the page's lists of
        // topics, related texts and cited works: whether it has any.
        ctx.insert(
            "local_map",
            &(!self.site.topics.doc_topics[i].is_empty()
                || !conn.related[i].is_empty()
                || !self.site.citations.by_footnote[i].is_empty()),
        );
        // The topic links come from the document's extraction and the topic
        // map, both covered by its source key (see `memo::source_key`), and
        // from its URL, which the context holds. Its timeline entries are
        // made from the document alone, and shown with their place on the
        // timeline; its notes, with the works they cite.
        let by_note = &self.site.citations.by_footnote[i];
        let dates = &self.site.timeline.by_doc[i];
        let by_entry = &self.site.citations.by_entry[i];
        let inputs = self.cache.key(|k| {
            k.add(self.site.keys[i].source);
            for f in 0..d.body.footnotes.len() {
                k.add(by_note.get(&f).map(|&w| self.plan.citations.work_keys[w]));
            }
            add_entry_works(k, by_entry, &self.plan);
            for &e in dates {
                k.add((
                    self.plan.timeline.entry_keys[e],
                    self.plan.timeline.entry_page_url(e),
                ));
            }
            let mut sorted: Vec<(&String, &Target)> = rewrites.iter().collect();
            sorted.sort();
            k.add(&sorted);
        });
        // A `template` from the metadata, when the theme has it.
        let template = d
            .template
            .as_deref()
            .filter(|t| self.theme.tera.get_template_names().any(|n| n == *t))
            .unwrap_or("document.html");
        self.page_with(template, ctx, &d.url, inputs, quick, |ctx| {
            // Its title, the work's short name, is the work's label on the
            // local map.
            let in_index = |w: usize| {
                format!(
                    "<a class=\"cite\" href=\"{root}{}\" title=\"{}\">{}</a>",
                    citations::work_url(self.site, &self.plan, w),
                    super::highlight::escape(&super::map::work_label(self.site, w)),
                    self.word("js_in_index"),
                )
            };
            let note_extras: Vec<Option<String>> = (0..d.body.footnotes.len())
                .map(|f| by_note.get(&f).map(|&w| in_index(w)))
                .collect();
            let mut entry_extras: Vec<(usize, String)> = by_entry
                .iter()
                .map(|(&p, &w)| (p, format!(" {}", in_index(w))))
                .collect();
            entry_extras.sort();
            let dates: Vec<super::timeline::EntryView> = dates
                .iter()
                .map(|&e| {
                    super::timeline::entry_view(self.site, &self.plan, e, &self.theme.strings)
                })
                .collect();
            ctx.insert("dates", &dates);
            ctx.insert("cited_years", &d.extracted.cited_years);
            // A topic's link parts, made on its first link and shared by
            // the others (a text names its topics hundreds of times).
            let mut parts: Vec<Option<TopicLink>> = vec![None; topics.len()];
            let mut links: Vec<html::LinkSpan> = d
                .extracted
                .links
                .iter()
                .map(|l| {
                    let t = &topics[l.topic];
                    let p = parts[l.topic].get_or_insert_with(|| TopicLink {
                        href: format!("{root}{}", knowledge::topic_url(&t.id)).into(),
                        id: t.id.as_str().into(),
                        preview: preview_text(t).into(),
                        label: t.title.as_str().into(),
                    });
                    html::LinkSpan {
                        node: l.node,
                        start: l.start,
                        end: l.end,
                        href: p.href.clone(),
                        topic: p.id.clone(),
                        preview: p.preview.clone(),
                        label: p.label.clone(),
                        whole: false,
                    }
                })
                .chain(d.extracted.cite_links.iter().map(|l| {
                    let entry = &d.body.paragraphs[l.entry];
                    let label = d
                        .extracted
                        .citations
                        .iter()
                        .find(|c| c.at == crate::extract::Place::Entry(l.entry))
                        .and_then(|c| c.label.as_deref())
                        .map_or(String::new(), |n| format!("[{n}]"));
                    html::LinkSpan {
                        node: l.node,
                        start: l.start,
                        end: l.end,
                        href: format!("#{}", entry.id).into(),
                        topic: "".into(),
                        preview: super::views::plain_summary(&entry.text, 300).into(),
                        label: label.into(),
                        whole: l.whole,
                    }
                }))
                .collect();
            links.sort_by_key(|l| (l.node, l.start));
            let extras = html::Extras {
                notes: &note_extras,
                blocks: &entry_extras,
            };
            view.content = match d.body.full_from(&d.path, self.reread) {
                Some(full) => html::document_html_with(&full, hl, &links, &extras, &rewrites),
                // Its text changed after it was read: the rest of the site
                // shows what was read, this page cannot (the build says so).
                None => format!(
                    "<p class=\"notice\">{}</p>",
                    crate::chars::escape_html(self.word("text_changed"))
                ),
            };
            ctx.insert("doc", &view);
            Ok(())
        })
    }
}

/// The works a document's reference-list entries are in, for its keys.
fn add_entry_works(
    k: &mut crate::memo::KeyHasher,
    by_entry: &rustc_hash::FxHashMap<usize, usize>,
    plan: &super::knowledge::Plan,
) {
    let mut entries: Vec<(usize, u64)> = by_entry
        .iter()
        .map(|(&p, &w)| (p, plan.citations.work_keys[w]))
        .collect();
    entries.sort_unstable();
    k.add(&entries);
}

/// The parts of a topic's links on one page.
#[derive(Clone)]
struct TopicLink {
    href: std::rc::Rc<str>,
    id: std::rc::Rc<str>,
    preview: std::rc::Rc<str>,
    label: std::rc::Rc<str>,
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
/// markup, or its aliases; at most `PREVIEW` characters (the topic's page
/// has the rest).
fn preview_text(t: &crate::topics::Topic) -> String {
    let text = if t.description.trim().is_empty() {
        let aliases: Vec<&str> = t.aliases.iter().map(|a| a.text.as_str()).collect();
        format!("Also written as: {}", aliases.join(", "))
    } else {
        t.description.replace(['*', '_', '`'], "")
    };
    super::views::plain_summary(&text, PREVIEW)
}

/// The longest topic preview, in characters: about three lines of the
/// preview box.
const PREVIEW: usize = 160;
