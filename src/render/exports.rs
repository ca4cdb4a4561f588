//! Machine-readable exports under `data/`: CSL-JSON and BibTeX for the
//! citation index, JSON for the documents, the timeline and the topics,
//! and `manifest.json` naming them with the format's version.
//!
//! Format 2 names a document once: `documents.json` gives each page path
//! (`doc`, relative to `base_url`) its title and absolute URL, and the
//! other exports point at a document by that path and at a place in it
//! by its anchor (`paragraph`, `note`). At 10,000 documents this made the
//! exports 40 % smaller than writing every place's title and URL in full.

/// The version of the exports' format, in `data/manifest.json`. Raise it
/// when a field is renamed or removed or its meaning changes.
pub const FORMAT_VERSION: u32 = 4;

/// The folder of the timeline's export, a file per decade.
pub const TIMELINE_DIR: &str = "data/timeline/";

use super::knowledge::Plan;
use crate::config::Config;
use crate::extract::citations::Reference;
use crate::graph::citations::PlaceName;
use crate::graph::Site;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// `data/citations.json`: an array of CSL-JSON items, each with the
/// places that cite it in `custom.cited-in`.
pub fn csl_json(site: &Site) -> String {
    // Each item is written out as soon as it is made (in parallel): the
    // export never holds the JSON trees of all the works at once.
    let items: Vec<Vec<u8>> = site
        .citations
        .works
        .par_iter()
        .map(|w| {
            let r = &w.reference;
            let mut item = Map::new();
            item.insert("id".into(), json!(w.id));
            item.insert("type".into(), json!(csl_type(r)));
            if let Some(t) = &r.title {
                item.insert("title".into(), json!(t));
            }
            if !r.authors.is_empty() {
                let authors: Vec<Value> = r
                    .authors
                    .iter()
                    .map(|p| {
                        if p.given.is_empty() {
                            // An organisation, or a name in one part.
                            json!({ "literal": p.family })
                        } else {
                            json!({"family": p.family, "given": p.given})
                        }
                    })
                    .collect();
                item.insert("author".into(), Value::Array(authors));
            }
            // A report's container is its series: reference managers keep
            // a series for reports, not a container.
            let container = if r.kind == "report" {
                "collection-title"
            } else {
                "container-title"
            };
            // A court is a decision's authority in CSL, not its publisher.
            let publisher = if r.kind == "legal_case" {
                "authority"
            } else {
                "publisher"
            };
            let fields = [
                (container, &r.container),
                (publisher, &r.publisher),
                ("volume", &r.volume),
                ("issue", &r.issue),
                ("page", &r.pages),
                ("DOI", &r.doi),
            ];
            for (key, value) in fields {
                if let Some(v) = value {
                    item.insert(key.into(), json!(v));
                }
            }
            if let Some(parts) = date_parts(r) {
                item.insert("issued".into(), json!({ "date-parts": [parts] }));
            }
            if let Some(u) = r.urls.first() {
                item.insert("URL".into(), json!(u));
            }
            let cited: Vec<Value> = w
                .cited_in
                .iter()
                .map(|c| {
                    let doc = &site.docs[c.doc];
                    match c.anchor(doc) {
                        (id, PlaceName::Note(number)) => json!({
                            "doc": doc_path(&doc.url),
                            "note": id,
                            "footnote": number,
                        }),
                        (id, PlaceName::Entry(label)) => json!({
                            "doc": doc_path(&doc.url),
                            "entry": id,
                            "label": label,
                            "in-text": c.in_text,
                        }),
                    }
                })
                .collect();
            // What dossier adds goes under `custom`, where the CSL-JSON
            // schema keeps extensions.
            item.insert("custom".into(), json!({ "cited-in": cited }));
            array_item(&Value::Object(item))
        })
        .collect();
    String::from_utf8(array(items.iter().map(Vec::as_slice))).unwrap_or_default()
}

/// The CSL type written for a work: a `document` that appeared in
/// something (a container) is a web page when it has an address, else an
/// article in a periodical, so that readers such as Zotero keep the
/// container and pages (their `document` has neither).
fn csl_type(r: &Reference) -> &'static str {
    match r.kind {
        "document" if r.container.is_some() && !r.urls.is_empty() => "webpage",
        "document" if r.container.is_some() => "article-magazine",
        kind => kind,
    }
}

fn date_parts(r: &Reference) -> Option<Vec<u32>> {
    let date = r.date.clone().or_else(|| r.year.map(|y| y.to_string()))?;
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    (!parts.is_empty()).then_some(parts)
}

/// A document's path in the exports: its page's URL relative to
/// `base_url`, without the final `index.html` (`posts/a/`).
pub fn doc_path(url: &str) -> &str {
    url.strip_suffix("index.html").unwrap_or(url)
}

#[derive(Serialize)]
struct DocumentItem<'a> {
    doc: &'a str,
    title: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    authors: &'a [String],
    section: &'a str,
    source: &'a str,
}

/// `data/documents.json`: every document once, in the site's order.
pub fn documents(config: &Config, site: &Site) -> Vec<u8> {
    let items: Vec<Vec<u8>> = site
        .docs
        .par_iter()
        .map(|d| {
            let path = doc_path(&d.url);
            array_item(&DocumentItem {
                doc: path,
                title: &d.title,
                url: format!("{}{}", config.base_url, d.url),
                date: d.date.as_deref(),
                authors: &d.authors,
                section: doc_path(&site.sections[d.section].url),
                source: &d.rel,
            })
        })
        .collect();
    array(items.iter().map(Vec::as_slice))
}

/// The key of `data/documents.json`, when results are kept: what it
/// shows of each document.
pub fn documents_key(config: &Config, site: &Site) -> u64 {
    let per_doc: Vec<u64> = site
        .docs
        .par_iter()
        .map(|d| {
            crate::memo::KeyHasher::of(|key| {
                key.add((&d.url, &d.title, &d.date, &d.authors, &d.rel));
                key.add(&site.sections[d.section].url);
            })
        })
        .collect();
    crate::memo::KeyHasher::of(|key| key.add(("data/documents.json", &config.base_url, per_doc)))
}

/// `data/manifest.json`: the format's version and what each export holds
/// (`timeline`: the parts [`timeline_parts`] gave).
pub fn manifest(
    config: &Config,
    site: &Site,
    timeline: &[(String, std::ops::Range<usize>)],
) -> Vec<u8> {
    let mut files = vec![("documents", json!("data/documents.json"))];
    let parts: Vec<&str> = timeline.iter().map(|(p, _)| p.as_str()).collect();
    files.push(("timeline", json!(parts)));
    if !site.topic_map.is_empty() {
        files.push(("topics", json!("data/topics.json")));
    }
    if !site.citations.works.is_empty() {
        files.push(("citations", json!("data/citations.json")));
        files.push(("bibtex", json!("data/citations.bib")));
        files.push(("ris", json!("data/citations.ris")));
    }
    let files: Map<String, Value> = files.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let manifest = json!({
        "generator": "dossier",
        "version": FORMAT_VERSION,
        "base_url": config.base_url,
        "documents": site.docs.len(),
        "timeline_entries": site.timeline.entries.len(),
        "works": site.citations.works.len(),
        "files": files,
    });
    let mut out = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The timeline's export files, in time order: one per decade of the
/// entries' (first) years, `data/timeline/1950s.json`, with the entries it
/// holds. A decade is a tenth of the whole at most for a timeline of a
/// century, and an edit that dates a sentence remakes only its decade.
pub fn timeline_parts(site: &Site) -> Vec<(String, std::ops::Range<usize>)> {
    let decade = |i: usize| site.timeline.entries[i].year.div_euclid(10) * 10;
    let mut parts: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    for i in 1..=site.timeline.entries.len() {
        if i == site.timeline.entries.len() || decade(i) != decade(start) {
            parts.push((format!("{TIMELINE_DIR}{}s.json", decade(start)), start..i));
            start = i;
        }
    }
    parts
}

#[derive(Serialize)]
struct TimelineItem<'a> {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_year: Option<i32>,
    precision: &'static str,
    label: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    clipped: bool,
    text: &'a str,
    doc: &'a str,
    paragraph: &'a str,
}

/// Entry `i` of the timeline's export, as it stands in its decade's array.
pub fn timeline_item(site: &Site, i: usize) -> Vec<u8> {
    let e = &site.timeline.entries[i];
    let doc = &site.docs[e.doc];
    array_item(&TimelineItem {
        year: e.year,
        end_year: e.end_year,
        precision: e.precision.name(),
        label: e.label(&site.docs),
        clipped: e.clipped,
        text: e.sentence(&site.docs),
        doc: doc_path(&doc.url),
        paragraph: &doc.body.paragraphs[e.paragraph].id,
    })
}

#[derive(Serialize)]
struct TopicItem<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    aliases: Vec<&'a str>,
    mentions: usize,
    url: String,
    passages: Vec<Passages<'a>>,
}

/// The passages of one topic in one document.
#[derive(Serialize)]
struct Passages<'a> {
    doc: &'a str,
    paragraphs: Vec<&'a str>,
}

/// Topic `t` of `data/topics.json`, as it stands in the array.
pub fn topic_item(config: &Config, site: &Site, t: usize) -> Vec<u8> {
    let topic = &site.topic_map.topics[t];
    array_item(&TopicItem {
        id: &topic.id,
        title: &topic.title,
        kind: topic.kind.name(),
        aliases: topic.aliases.iter().map(|a| a.text.as_str()).collect(),
        mentions: site.topics.mentions[t],
        url: format!(
            "{}{}",
            config.base_url,
            super::knowledge::topic_url(&topic.id)
        ),
        passages: site.topics.passages[t]
            .chunk_by(|a, b| a.doc == b.doc)
            .map(|run| {
                let doc = &site.docs[run[0].doc];
                Passages {
                    doc: doc_path(&doc.url),
                    paragraphs: run
                        .iter()
                        .map(|p| doc.body.paragraphs[p.paragraph()].id.as_str())
                        .collect(),
                }
            })
            .collect(),
    })
}

/// The key of topic `t`'s item in `data/topics.json`, when results are
/// kept: its fields and each passage's document (title and URL) and
/// paragraph id.
pub fn topic_item_key(config: &Config, site: &Site, plan: &Plan, t: usize) -> u64 {
    let topic = &site.topic_map.topics[t];
    crate::memo::KeyHasher::of(|key| {
        key.add(("data/topics.json", &config.base_url));
        key.add((&topic.id, &topic.title, topic.kind.name()));
        for a in &topic.aliases {
            key.add(&a.text);
        }
        key.add(site.topics.mentions[t]);
        for p in &site.topics.passages[t] {
            let ids = &site.keys[p.doc].parts.paragraph_ids;
            key.add((plan.doc_keys[p.doc], ids[p.paragraph()]));
        }
    })
}

/// The key of entry `i`'s item in the timeline's export, when results are
/// kept.
pub fn timeline_item_key(config: &Config, plan: &Plan, i: usize) -> u64 {
    crate::memo::KeyHasher::of(|key| {
        key.add((TIMELINE_DIR, &config.base_url, config.timeline));
        key.add(plan.timeline.entry_keys[i]);
    })
}

/// An item of a JSON array as the exports write it: compact, on a line
/// of its own (JSON strings hold no raw newlines), so that the file is
/// read a line at a time as easily as parsed whole.
fn array_item<T: Serialize>(item: &T) -> Vec<u8> {
    serde_json::to_vec(item).unwrap_or_else(|_| b"null".to_vec())
}

/// A JSON array of items made by `array_item`: `[`, one item per line,
/// `]` (with a final newline).
pub fn array<'a>(items: impl ExactSizeIterator<Item = &'a [u8]> + Clone) -> Vec<u8> {
    if items.len() == 0 {
        return b"[]\n".to_vec();
    }
    let size: usize = items.clone().map(|i| i.len() + 2).sum();
    let mut out = Vec::with_capacity(size + 4);
    out.extend_from_slice(b"[\n");
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.extend_from_slice(b",\n");
        }
        out.extend_from_slice(item);
    }
    out.extend_from_slice(b"\n]\n");
    out
}

/// A hash of everything the citation export at `path` is made from: the
/// works and where they are cited, with absolute URLs (see `memo`).
pub fn citations_key(path: &str, config: &Config, site: &Site, plan: &Plan) -> u64 {
    crate::memo::KeyHasher::of(|key| {
        key.add((path, &config.base_url));
        key.add(super::citations::works_key(
            plan,
            0..site.citations.works.len(),
        ));
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSON array written as [`array`] writes it: one item per line.
    fn lines<T: Serialize>(items: &[T]) -> String {
        let parts: Vec<Vec<u8>> = items.iter().map(array_item).collect();
        String::from_utf8(array(parts.iter().map(Vec::as_slice))).unwrap_or_default()
    }

    #[test]
    fn arrays_hold_one_compact_item_per_line_and_parse_back() {
        let items = vec![
            json!({"a": 1, "b": ["x", "y\nz"], "c": {"d": null}}),
            json!({"e": "quote \" and \\"}),
            json!([]),
        ];
        let text = lines(&items);
        assert_eq!(text.lines().count(), items.len() + 2, "{text}");
        assert!(
            text.starts_with("[\n{\"a\":1,") && text.ends_with("\n]\n"),
            "{text}"
        );
        let back: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, items);
        let none: Vec<Value> = Vec::new();
        assert_eq!(lines(&none), "[]\n");
        assert_eq!(
            serde_json::from_str::<Vec<Value>>(&lines(&none)).unwrap(),
            none
        );
    }
}
