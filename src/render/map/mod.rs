//! Maps, drawn at build time as static SVG (readable without JavaScript,
//! every node a link with its full name as a tooltip):
//!
//! - the corpus map: the most connected documents in the middle, the
//!   topics they mention most on the left, the works they cite on the
//!   right; sizes are capped so that a large site still gives a legible
//!   picture of its most connected part;
//!
//! A document's local map (its topics, related texts and cited works around
//! it) is drawn in the browser by the theme's `map.js` from the lists the
//! page shows, with the same layout; [`work_label`] names its works.
//!
//! The layout ([`layout`]) gives each label its own row at body-text size;
//! the SVG keeps its natural size (scrolling sideways on a narrow screen)
//! and scales crisply when the reader zooms.

mod layout;

use crate::graph::Site;
use layout::{Geometry, Graph, Item};

const MAX_TOPICS: usize = 24;
const MAX_DOCS: usize = 40;
const MAX_WORKS: usize = 30;
/// Edges from a document to at most this many of its topics.
const TOPICS_PER_DOC: usize = 6;

/// The map page's measures: fits a 60rem column.
const CORPUS: Geometry = Geometry {
    width: 940.0,
    left_dot: 230.0,
    box_from: 330.0,
    box_to: 620.0,
    right_dot: 720.0,
    row: 28.0,
    side_row: 24.0,
};

/// Links to knowledge pages, which the render stage paginates.
pub struct Urls<'a> {
    pub topic: &'a dyn Fn(usize) -> String,
    pub work: &'a dyn Fn(usize) -> String,
}

/// The corpus map's SVG and a caption saying what was left out.
pub fn corpus_map(site: &Site, root: &str, urls: &Urls) -> (String, String) {
    let degree = |d: usize| site.topics.doc_topics[d].len() + site.citations.by_footnote[d].len();
    let mut docs: Vec<usize> = (0..site.docs.len()).collect();
    docs.sort_by(|&a, &b| degree(b).cmp(&degree(a)).then(a.cmp(&b)));
    docs.truncate(MAX_DOCS);
    docs.sort_by(|&a, &b| site.docs[a].title.cmp(&site.docs[b].title).then(a.cmp(&b)));
    // The topics and works these documents reach, the most mentioned and
    // most cited first: a node on the map always has an edge.
    let mut topics: Vec<usize> = docs
        .iter()
        .flat_map(|&d| {
            site.topics.doc_topics[d]
                .iter()
                .take(TOPICS_PER_DOC)
                .map(|&(t, _)| t)
        })
        .collect();
    topics.sort_by(|&a, &b| {
        site.topics.mentions[b]
            .cmp(&site.topics.mentions[a])
            .then(a.cmp(&b))
    });
    topics.dedup();
    topics.truncate(MAX_TOPICS);
    let mut works: Vec<usize> = docs.iter().flat_map(|&d| cited_by(site, d)).collect();
    works.sort_by(|&a, &b| {
        let cited = |w: usize| site.citations.works[w].cited_in.len();
        cited(b).cmp(&cited(a)).then(a.cmp(&b))
    });
    works.dedup();
    works.truncate(MAX_WORKS);
    let mut graph = Graph {
        left: topics.iter().map(|&t| topic_item(site, t, urls)).collect(),
        middle: docs.iter().map(|&d| doc_item(site, d)).collect(),
        right: works.iter().map(|&w| work_item(site, w, urls)).collect(),
        left_edges: Vec::new(),
        right_edges: Vec::new(),
    };
    for (m, &d) in docs.iter().enumerate() {
        for &(t, _) in site.topics.doc_topics[d].iter().take(TOPICS_PER_DOC) {
            if let Some(l) = topics.iter().position(|&x| x == t) {
                graph.left_edges.push((l, m));
            }
        }
        for w in cited_by(site, d) {
            if let Some(r) = works.iter().position(|&x| x == w) {
                graph.right_edges.push((m, r));
            }
        }
    }
    let svg = layout::draw(
        &graph,
        &CORPUS,
        "Documents, topics and cited works",
        "map-title",
        root,
    );
    let caption = format!(
        "{} of {} documents, {} of {} topics, {} of {} cited works.",
        docs.len(),
        site.docs.len(),
        topics.len(),
        site.topic_map.topics.len(),
        works.len(),
        site.citations.works.len()
    );
    (svg, caption)
}

/// The works document `d` cites, in index order.
fn cited_by(site: &Site, d: usize) -> Vec<usize> {
    // Sorted: the footnote map has no order of its own.
    let mut cited: Vec<usize> = site.citations.by_footnote[d].values().copied().collect();
    cited.sort_unstable();
    cited.dedup();
    cited
}

fn topic_item(site: &Site, t: usize, urls: &Urls) -> Item {
    let title = site.topic_map.topics[t].title.clone();
    Item {
        label: title.clone(),
        title,
        url: Some((urls.topic)(t)),
        class: "topic",
    }
}

fn doc_item(site: &Site, d: usize) -> Item {
    let doc = &site.docs[d];
    Item {
        label: doc.title.clone(),
        title: doc.title.clone(),
        url: Some(doc.url.clone()),
        class: "doc",
    }
}

/// Work `w`'s label on a map: its first author's family name (its title
/// when it has no author) and its year, `Ong 2009`.
pub fn work_label(site: &Site, w: usize) -> String {
    let r = &site.citations.works[w].reference;
    let who = r
        .authors
        .first()
        .map(|p| p.family.as_str())
        .or(r.title.as_deref())
        .unwrap_or_default();
    match r.year {
        Some(year) => format!("{who} {year}").trim().to_string(),
        None => who.trim().to_string(),
    }
}

fn work_item(site: &Site, w: usize, urls: &Urls) -> Item {
    let r = &site.citations.works[w].reference;
    let label = work_label(site, w);
    let title = match &r.title {
        Some(t) => format!("{label}: {t}"),
        None => label.clone(),
    };
    Item {
        label,
        title,
        url: Some((urls.work)(w)),
        class: "work",
    }
}
