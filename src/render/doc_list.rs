//! The list of all documents, with the data its filters use. It changes
//! with every edit (it shows each document's word count), and at 10,000
//! documents rendering it whole is the costliest page of a rebuild; so each
//! row is rendered on its own (`partials/document_row.html`) and reused
//! while its data is unchanged, and the page gets the rows as HTML.

use super::views::{self, Link};
use super::{root_prefix, OutputFile, Renderer};
use crate::theme::error_chain;
use anyhow::{anyhow, Result};
use rayon::prelude::*;

const URL: &str = "documents/index.html";
const ROW: &str = "partials/document_row.html";

/// A document on the list of all documents, with what the filters need.
#[derive(serde::Serialize, Hash)]
struct DocListItem<'a> {
    title: &'a str,
    url: &'a str,
    authors: String,
    date: Option<String>,
    words: usize,
    topics: Vec<&'a str>,
    decades: Vec<i32>,
}

impl Renderer<'_> {
    pub(super) fn document_list(&self) -> Result<OutputFile> {
        let site = self.site;
        let mut order: Vec<usize> = (0..site.docs.len()).collect();
        order.sort_by_cached_key(|&d| (site.docs[d].title.to_lowercase(), d));
        let root = root_prefix(URL);
        let rows: Vec<std::sync::Arc<Vec<u8>>> = order
            .par_iter()
            .map(|&d| {
                let item = self.list_item(d);
                let key = self.cache.key(|k| {
                    k.add((ROW, self.theme.templates_key, &root));
                    k.add(&item);
                });
                self.cache.get_or(key, || {
                    let mut ctx = tera::Context::new();
                    ctx.insert("d", &item);
                    ctx.insert("root", &root);
                    self.theme
                        .tera
                        .render(ROW, &ctx)
                        .map(String::into_bytes)
                        .map_err(|e| {
                            anyhow!(
                                "cannot render {URL} with template {ROW}: {}",
                                error_chain(&e)
                            )
                        })
                })
            })
            .collect::<Result<_>>()?;
        let mut html = String::with_capacity(rows.iter().map(|r| r.len()).sum());
        for row in &rows {
            html.push_str(&String::from_utf8_lossy(row));
        }
        let mut decades: Vec<i32> = site
            .timeline
            .entries
            .iter()
            .map(|e| e.year / 10 * 10)
            .collect();
        decades.sort_unstable();
        decades.dedup();
        let topics: Vec<Link> = site
            .topic_map
            .topics
            .iter()
            .map(|t| Link {
                title: &t.title,
                url: &t.id,
            })
            .collect();
        let mut ctx = self.context(URL, Some("All documents"));
        ctx.insert("rows", &html);
        ctx.insert("count", &rows.len());
        ctx.insert(
            "filter_topics",
            &topics
                .iter()
                .map(|l| serde_json::json!({"id": l.url, "title": l.title}))
                .collect::<Vec<_>>(),
        );
        ctx.insert("filter_decades", &decades);
        Ok(OutputFile::new(URL, self.page("documents.html", ctx, URL)?))
    }

    fn list_item(&self, d: usize) -> DocListItem<'_> {
        let site = self.site;
        let doc = &site.docs[d];
        let mut decades: Vec<i32> = site.timeline.by_doc[d]
            .iter()
            .map(|&e| site.timeline.entries[e].year / 10 * 10)
            .collect();
        decades.sort_unstable();
        decades.dedup();
        DocListItem {
            title: &doc.title,
            url: &doc.url,
            authors: views::join_names(&doc.authors),
            date: doc.date.as_deref().map(views::display_date),
            words: doc.body.words,
            topics: site.topics.doc_topics[d]
                .iter()
                .map(|&(t, _)| site.topic_map.topics[t].id.as_str())
                .collect(),
            decades,
        }
    }
}
