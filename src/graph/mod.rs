//! Site graph: every document and section with its final metadata, slug and
//! URL, in listing order.
//!
//! 1. Resolve each document's metadata: what the user gave (front matter or
//!    sidecar) wins over what the text states (normalise), which wins over
//!    fallbacks (first sentence, file name).
//! 2. Give each document a readable slug from its title, unique within its
//!    section and clear of the site's reserved paths.
//! 3. Build the section tree from the folders and `_index.md` files.
//! 4. Sort: by weight, then newest first, then title.
//!
//! URLs here are root-relative paths ending in a file (`slug/index.html`);
//! templates prefix them with the page's relative path to the root, so the
//! site works from `file://` and from any host folder.

pub(crate) mod aliases;
pub(crate) mod citations;
mod describe;
mod edit;
pub(crate) mod files;
mod indexes;
pub(crate) mod related;
mod sections;
pub(crate) mod timeline;
pub(crate) mod topics;
pub mod wiki;

use crate::diagnostics::Diagnostic;
use crate::extract::Extracted;
use crate::normalize::Normalized;
use crate::parse::Document;
use crate::sources::{SectionSource, Source};
use crate::topics::TopicMap;
use citations::CitationIndex;
pub use describe::{describe, first_words, Described};
pub use edit::{changed_topics, same_face, with_body};
pub use indexes::Indexes;
use indexes::{index_keys, reuse};
use rayon::prelude::*;
use sections::section_tree;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use timeline::Timeline;
use topics::TopicIndex;

/// A document prepared for the graph, with the warnings its parse gave.
pub type PreparedEntry = Arc<(Prepared, Vec<crate::diagnostics::Diagnostic>)>;

/// A document read, normalised and parsed: the input of this stage.
#[derive(Clone)]
pub struct Prepared {
    /// A hash of everything this document was prepared from (see `memo`).
    pub key: u64,
    pub source: Source,
    pub normalized: Normalized,
    /// Shared with the memo: reusing a prepared document copies no text.
    pub doc: Arc<Document>,
    pub extracted: Arc<Extracted>,
    /// Hashes of its paragraphs and dated sentences (empty for one-off
    /// builds): keys of pages that quote them (see `memo`).
    pub part_keys: Arc<crate::memo::PartKeys>,
    /// Its title, summary, tags and slug, decided when it is prepared.
    pub described: Arc<Described>,
}

/// What a document's pages are keyed by (see `memo`), beside it: the key
/// of the source it was prepared from and the hashes of its parts (empty
/// for one-off builds). Kept out of [`Doc`], which is what the site shows.
#[derive(Debug, Clone, Default)]
pub struct DocKeys {
    pub source: u64,
    pub parts: Arc<crate::memo::PartKeys>,
}

#[derive(Debug, Clone)]
pub struct Doc {
    pub path: PathBuf,
    pub rel: String,
    pub title: String,
    /// Its language, a BCP 47 tag: given, detected or the site's.
    pub language: String,
    /// Whether that is not the site's language (see `Described::foreign`).
    pub foreign: bool,
    /// Its writing direction where it differs from the site's (`rtl`,
    /// `ltr`).
    pub dir: Option<&'static str>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub category: Option<String>,
    pub source_url: Option<String>,
    pub summary: String,
    /// Markdown.
    pub author_note: Option<String>,
    /// What the text's own front stated (keys of interface strings, see
    /// `normalize::Inferred::stated`).
    pub stated: Vec<&'static str>,
    pub note: Option<String>,
    pub slug: String,
    pub url: String,
    pub section: usize,
    pub weight: Option<i64>,
    pub tags: Vec<String>,
    /// When the text was last revised (`updated` in its metadata).
    pub updated: Option<String>,
    /// Earlier URLs, each given a redirect page ([`aliases`]).
    pub aliases: Vec<String>,
    /// The theme template that renders its page, when not `document.html`.
    pub template: Option<String>,
    /// Metadata keys dossier does not know, and `[extra]`, for templates.
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub body: Arc<Document>,
    pub extracted: Arc<Extracted>,
    pub dropped: Vec<String>,
}

impl Doc {
    /// The `lang` and `dir` attributes (with a leading space) for an
    /// element holding this document's text, when its language is not the
    /// site's; empty otherwise.
    pub fn lang_attrs(&self) -> String {
        if !self.foreign {
            return String::new();
        }
        match self.dir {
            Some(dir) => format!(" lang=\"{}\" dir=\"{dir}\"", self.language),
            None => format!(" lang=\"{}\"", self.language),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub path: Vec<String>,
    pub title: String,
    pub url: String,
    /// Markdown introduction from `_index.md`.
    pub intro: String,
    pub docs: Vec<usize>,
    pub children: Vec<usize>,
    pub sort_by: SortBy,
    /// Documents per listing page; 0 means one page.
    pub paginate_by: usize,
}

/// How a section lists its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Weight, then newest first, then title.
    #[default]
    Date,
    Title,
    Weight,
}

#[derive(Debug, Default)]
pub struct Site {
    /// Shared with the memo: a document whose source, section and URL did
    /// not change is the last build's (see `Indexes`).
    pub docs: Vec<Arc<Doc>>,
    /// Each document's keys, in the order of `docs`.
    pub keys: Vec<DocKeys>,
    /// `sections[0]` is the root (the home page).
    pub sections: Vec<Section>,
    pub topic_map: TopicMap,
    pub topics: Arc<TopicIndex>,
    pub timeline: Arc<Timeline>,
    pub citations: Arc<CitationIndex>,
    pub connections: Arc<related::Connections>,
    /// Redirect pages for documents' earlier URLs.
    pub redirects: Vec<aliases::Redirect>,
    /// Files beside the texts, by their content-relative paths (see
    /// [`files`]), with the pixel size of each image.
    pub assets: files::Assets,
    /// The files beside the texts by lower-case file name, for links that
    /// name a file without its folder ([`wiki::file_by_name`]).
    pub asset_names: std::collections::HashMap<String, String>,
    /// The keys of the indexes' inputs (topics, timeline, citations, and
    /// the documents' links), when results are kept (see `memo`).
    pub index_keys: Option<(u64, u64, u64, u64)>,
}

/// Root names that dossier's own pages use.
pub const RESERVED: &[&str] = &[
    "topics",
    "timeline",
    "citations",
    "data",
    "search",
    "static",
    "assets",
    "documents",
    "404",
];

/// Builds the site graph. Warnings cover renamed slugs.
pub fn build_graph(
    prepared: Vec<PreparedEntry>,
    section_sources: Vec<SectionSource>,
    assets: Vec<(String, Option<files::Size>)>,
    topic_map: TopicMap,
    last: &Indexes,
    laps: &mut crate::Laps,
) -> (Site, Vec<Diagnostic>, Indexes) {
    let mut diags = Vec::new();
    let mut sections = section_tree(&prepared, section_sources);
    let mut taken: HashSet<String> = RESERVED.iter().map(|s| format!("{s}/index.html")).collect();
    for s in &sections {
        taken.insert(s.url.clone());
    }
    // Each document's metadata is resolved on its own, in parallel (or
    // taken from the last build when its source and section are the
    // same); then slugs are made unique in order.
    let mut docs: Vec<(Arc<Doc>, String, DocKeys)> = prepared
        .into_par_iter()
        .map(|entry| {
            let p = &entry.0;
            let section = sections
                .iter()
                .position(|s| s.path == p.source.section)
                .unwrap_or(0);
            let keys = DocKeys {
                source: p.key,
                parts: Arc::clone(&p.part_keys),
            };
            match last.docs.get(&p.key) {
                Some(doc) if doc.section == section => {
                    (Arc::clone(doc), p.described.slug.clone(), keys)
                }
                _ => {
                    let (doc, base) = resolve(p.clone(), section);
                    (Arc::new(doc), base, keys)
                }
            }
        })
        .collect();
    for (doc, base, _) in &mut docs {
        place(doc, base, &sections[doc.section], &mut taken, &mut diags);
    }
    let (docs, keys): (Vec<Arc<Doc>>, Vec<DocKeys>) =
        docs.into_iter().map(|(doc, _, keys)| (doc, keys)).unzip();
    let redirects = aliases::redirects(&docs, &taken, &mut diags);
    let assets: files::Assets = assets.into_iter().collect();
    let asset_names = wiki::file_names(assets.keys());
    files::missing(&docs, &assets, &asset_names, &mut diags);
    for (i, d) in docs.iter().enumerate() {
        sections[d.section].docs.push(i);
    }
    let lower: Vec<String> = docs.iter().map(|d| d.title.to_lowercase()).collect();
    for s in &mut sections {
        let by = s.sort_by;
        s.docs
            .sort_by(|&a, &b| listing_order((&docs[a], &lower[a]), (&docs[b], &lower[b]), by));
    }
    laps.lap("  documents and sections");
    // The three site-wide indexes are independent of each other; each is
    // reused when its inputs did not change.
    let doc_keys = keys;
    let keys = last.keyed.then(|| index_keys(&docs, &doc_keys, &topic_map));
    let ((topics, keep_topics), ((timeline, keep_timeline), (citations, keep_citations))) =
        rayon::join(
            || {
                reuse(keys.map(|k| k.0), &last.topics, || {
                    topics::index(&docs, &topic_map)
                })
            },
            || {
                rayon::join(
                    || {
                        reuse(keys.map(|k| k.1), &last.timeline, || {
                            indexes::timeline(&docs, &doc_keys, &last.timeline)
                        })
                    },
                    || {
                        reuse(keys.map(|k| k.2), &last.citations, || {
                            citations::index(&docs)
                        })
                    },
                )
            },
        );
    laps.lap("  topics, timeline, citations");
    let topic_ids = keys.map(|_| {
        crate::memo::KeyHasher::of(|h| {
            for t in &topic_map.topics {
                h.add(&t.id);
            }
        })
    });
    let (connections, keep_connections) = indexes::connections(
        keys.zip(topic_ids).map(|(k, ids)| (k.0, k.2, k.3, ids)),
        last,
        &docs,
        &topics,
        &citations,
    );
    laps.lap("  related documents and links");
    let next = Indexes {
        keyed: last.keyed,
        docs: if last.keyed {
            docs.iter()
                .zip(&doc_keys)
                .map(|(d, k)| (k.source, Arc::clone(d)))
                .collect()
        } else {
            Default::default()
        },
        topics: keep_topics,
        timeline: keep_timeline,
        citations: keep_citations,
        connections: keep_connections,
    };
    (
        Site {
            docs,
            keys: doc_keys,
            sections,
            topic_map,
            topics,
            timeline,
            citations,
            connections,
            redirects,
            assets,
            asset_names,
            index_keys: keys,
        },
        diags,
        next,
    )
}

/// The order of two documents, each with its lower-case title, in a
/// section sorted `by`.
fn listing_order(
    (a, a_lower): (&Doc, &String),
    (b, b_lower): (&Doc, &String),
    by: SortBy,
) -> std::cmp::Ordering {
    let weight = |d: &Doc| d.weight.unwrap_or(i64::MAX);
    let newest = b
        .date
        .is_some()
        .cmp(&a.date.is_some())
        .then_with(|| b.date.cmp(&a.date));
    let title = a_lower.cmp(b_lower);
    let first = match by {
        SortBy::Date => weight(a).cmp(&weight(b)).then(newest),
        SortBy::Title => title,
        SortBy::Weight => weight(a).cmp(&weight(b)).then(title),
    };
    first
        .then(newest)
        .then(title)
        .then_with(|| a.rel.cmp(&b.rel))
}

/// A document's metadata (given, inferred, or fallbacks), with the slug it
/// asks for; its URL is set by [`place`].
fn resolve(p: Prepared, section: usize) -> (Doc, String) {
    let Prepared {
        source,
        normalized,
        doc,
        extracted,
        described,
        ..
    } = p;
    let meta = source.meta;
    let inferred = normalized.inferred;
    // What the text stated and the page says so: only what the metadata
    // did not give.
    let stated: Vec<&'static str> = inferred
        .stated
        .iter()
        .copied()
        .filter(|k| match *k {
            "stated_authors" => meta.authors.is_none(),
            "stated_summary" => meta.summary.is_none(),
            _ => meta.date.is_none(),
        })
        .collect();
    let authors = meta.authors.map(|a| a.to_vec()).unwrap_or(inferred.authors);
    let named_day = source
        .path
        .file_stem()
        .and_then(|s| crate::sources::meta::day_named(&s.to_string_lossy()));
    let Described {
        title,
        summary,
        tags,
        slug: base,
        language,
        foreign,
        dir,
    } = Described::clone(&described);
    let doc = Doc {
        url: String::new(),
        path: source.path,
        rel: source.rel,
        title,
        language,
        foreign,
        dir,
        authors,
        date: meta.date.or(inferred.date).or(named_day),
        publisher: meta.publisher,
        category: meta.category.or(inferred.category),
        source_url: meta.url,
        summary,
        author_note: inferred.author_note,
        stated,
        note: meta.note,
        slug: String::new(),
        section,
        weight: meta.weight,
        tags,
        updated: meta.updated,
        aliases: meta.aliases,
        template: meta.template,
        extra: meta.extra,
        body: doc,
        extracted,
        dropped: normalized.dropped,
    };
    (doc, base)
}

/// Gives `doc` the slug `base` in its section, numbered when another
/// document has it.
fn place(
    doc: &mut Arc<Doc>,
    base: &str,
    sec: &Section,
    taken: &mut HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let prefix = sec.url.trim_end_matches("index.html");
    let mut slug = base.to_string();
    let mut n = 1;
    while !taken.insert(format!("{prefix}{slug}/index.html")) {
        n += 1;
        slug = format!("{base}-{n}");
    }
    if n > 1 {
        diags.push(Diagnostic::warning(
            &doc.path,
            0,
            0,
            format!("slug `{base}` is taken; this document is published as `{slug}`"),
        ));
    }
    let url = format!("{prefix}{slug}/index.html");
    if doc.url != url {
        let doc = Arc::make_mut(doc);
        doc.url = url;
        doc.slug = slug;
    }
}
