//! The list of all documents, with the data its filters use. It changes
//! with every edit (it shows each document's word count), and at 10,000
//! documents rendering it whole is the costliest page of a rebuild; so each
//! row is rendered on its own (`partials/document_row.html`) and reused
//! while its data is unchanged, and the page gets the rows as HTML.

use super::views::{self, Link};
use super::{root_prefix, rows, OutputFile, Quick, Renderer};
use anyhow::Result;
use rayon::prelude::*;

pub(super) const URL: &str = "documents/index.html";
pub(super) const ROW: &str = "partials/document_row.html";

/// A document on the list of all documents, with what the filters need.
#[derive(serde::Serialize)]
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
        let keys: Vec<u64> = order
            .par_iter()
            .map(|&d| self.row_key(&root, site.keys[d].source, &site.docs[d].url))
            .collect();
        // The rows go in only when the page is made; its key covers theirs.
        let inputs = self.cache.key(|k| k.add(&keys));
        // The plan's years are in order.
        let mut decades: Vec<i32> = self
            .plan
            .timeline
            .years
            .iter()
            .map(|(y, _)| y / 10 * 10)
            .collect();
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
        let mut ctx = self.context(URL, Some("All documents"), None);
        ctx.insert("count", &order.len());
        ctx.insert(
            "filter_topics",
            &topics
                .iter()
                .map(|l| serde_json::json!({"id": l.url, "title": l.title}))
                .collect::<Vec<_>>(),
        );
        ctx.insert("filter_decades", &decades);
        let bytes = self.page_with("documents.html", ctx, URL, inputs, Quick::None, |ctx| {
            let rows = self.template_rows(ROW, keys, URL, |i| self.row_context(order[i], &root))?;
            let marker = ctx.fragment(rows::join(&rows));
            ctx.insert("rows", &marker);
            self.record_rows(URL, Some(rows));
            Ok(())
        })?;
        self.record_rows(URL, None);
        Ok(OutputFile::new(URL, bytes))
    }

    /// The list with the rows of documents `docs` (each with its source
    /// key in the last build) made again in place of their rows in `old`,
    /// the last build's list: for a patch that changed nothing else the
    /// list shows (see `crate::patch`). `None` when an old row is not
    /// found.
    pub(super) fn document_list_patch(
        &self,
        old: &[u8],
        docs: &[(usize, u64)],
    ) -> Result<Option<OutputFile>> {
        let root = root_prefix(URL);
        let Some(mut store) = self.cache.rows() else {
            return Ok(None);
        };
        let mut page = old.to_vec();
        let mut replaced = Vec::with_capacity(docs.len());
        for &(d, old_key) in docs {
            let doc = &self.site.docs[d];
            let old_row_key = self.row_key(&root, old_key, &doc.url);
            let Some(Some(old_row)) = store.lookup(&[old_row_key]).pop() else {
                return Ok(None);
            };
            // A row holds its document's URL: it is found once.
            let Some(at) = memchr::memmem::find(&page, &old_row) else {
                return Ok(None);
            };
            let row = self.render_template(ROW, &self.row_context(d, &root), URL)?;
            page.splice(at..at + old_row.len(), row.bytes());
            let new_key = self.row_key(&root, self.site.keys[d].source, &doc.url);
            replaced.push((old_row_key, new_key, std::sync::Arc::new(row.into_bytes())));
        }
        if !store.replace_rows(URL, replaced) {
            return Ok(None);
        }
        Ok(Some(OutputFile::new(URL, page)))
    }

    /// The key of a row: it shows its document, its topics and its dates'
    /// decades, all made from its source (with the topic map, in the site
    /// key) and its URL.
    fn row_key(&self, root: &str, source: u64, url: &str) -> u64 {
        self.cache.key(|k| {
            k.add((ROW, self.site_key, root));
            k.add((source, url));
        })
    }

    fn row_context(&self, d: usize, root: &str) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("d", &self.list_item(d));
        ctx.insert("root", root);
        ctx.insert("tr", &self.row_strings);
        ctx
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
            date: doc
                .date
                .as_deref()
                .map(|d| views::display_date_in(d, &self.theme.strings)),
            words: doc.body.words,
            topics: site.topics.doc_topics[d]
                .iter()
                .map(|&(t, _)| site.topic_map.topics[t].id.as_str())
                .collect(),
            decades,
        }
    }
}
