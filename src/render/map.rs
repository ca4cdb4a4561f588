//! The map of the corpus: a static SVG of documents, topics and cited works,
//! drawn at build time. Three rings (works inside, documents in the middle,
//! topics outside), straight edges from each document to its main topics and
//! to the works it cites; every node is a link, every node has a `<title>`.
//! Readable without JavaScript; sizes are capped so that a large site still
//! gives a legible picture of its most connected parts.

use super::highlight::escape;
use crate::graph::Site;
use std::f64::consts::PI;
use std::fmt::Write;

const MAX_TOPICS: usize = 24;
const MAX_DOCS: usize = 48;
const MAX_WORKS: usize = 24;
/// Edges from a document to at most this many of its topics.
const TOPICS_PER_DOC: usize = 4;
const SIZE: f64 = 1000.0;

struct Node {
    label: String,
    title: String,
    url: String,
    class: &'static str,
    x: f64,
    y: f64,
}

/// The SVG and a caption saying what was left out.
pub fn corpus_map(
    site: &Site,
    root: &str,
    topic_url: &dyn Fn(usize) -> String,
    work_url: &dyn Fn(usize) -> String,
) -> (String, String) {
    let mut topics: Vec<usize> = (0..site.topic_map.topics.len())
        .filter(|&t| site.topics.mentions[t] > 0)
        .collect();
    topics.sort_by(|&a, &b| {
        site.topics.mentions[b]
            .cmp(&site.topics.mentions[a])
            .then(a.cmp(&b))
    });
    topics.truncate(MAX_TOPICS);
    let mut works: Vec<usize> = (0..site.citations.works.len()).collect();
    works.sort_by(|&a, &b| {
        site.citations.works[b]
            .cited_in
            .len()
            .cmp(&site.citations.works[a].cited_in.len())
            .then(a.cmp(&b))
    });
    works.truncate(MAX_WORKS);
    let degree = |d: usize| site.topics.doc_topics[d].len() + site.citations.by_footnote[d].len();
    let mut docs: Vec<usize> = (0..site.docs.len()).collect();
    docs.sort_by(|&a, &b| degree(b).cmp(&degree(a)).then(a.cmp(&b)));
    docs.truncate(MAX_DOCS);
    docs.sort_by(|&a, &b| site.docs[a].title.cmp(&site.docs[b].title));
    let c = SIZE / 2.0;
    let ring = |i: usize, n: usize, r: f64| {
        let a = 2.0 * PI * (i as f64 + 0.5) / n.max(1) as f64 - PI / 2.0;
        (c + r * a.cos(), c + r * a.sin())
    };
    let node = |label: &str, url: String, class: &'static str, (x, y): (f64, f64)| Node {
        label: short(label, 26),
        title: label.to_string(),
        url,
        class,
        x,
        y,
    };
    let topic_nodes: Vec<Node> = topics
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            node(
                &site.topic_map.topics[t].title,
                topic_url(t),
                "topic",
                ring(i, topics.len(), 420.0),
            )
        })
        .collect();
    let doc_nodes: Vec<Node> = docs
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            node(
                &site.docs[d].title,
                site.docs[d].url.clone(),
                "doc",
                ring(i, docs.len(), 280.0),
            )
        })
        .collect();
    let work_nodes: Vec<Node> = works
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            let r = &site.citations.works[w].reference;
            let who = r
                .authors
                .first()
                .map(|p| p.family.clone())
                .or_else(|| r.title.clone())
                .unwrap_or_default();
            let label = format!(
                "{who} {}",
                r.year.map(|y| y.to_string()).unwrap_or_default()
            );
            let mut n = node(
                label.trim(),
                work_url(w),
                "work",
                ring(i, works.len(), 140.0),
            );
            n.title = r.title.clone().unwrap_or_default();
            n
        })
        .collect();
    let mut svg = format!("<svg class=\"map\" viewBox=\"-120 -20 {} {}\" aria-labelledby=\"map-title\"><title id=\"map-title\">Documents, topics and cited works</title>", SIZE + 240.0, SIZE + 40.0);
    svg.push_str("<g class=\"edges\">");
    for (i, &d) in docs.iter().enumerate() {
        let from = &doc_nodes[i];
        for &(t, _) in site.topics.doc_topics[d].iter().take(TOPICS_PER_DOC) {
            if let Some(j) = topics.iter().position(|&x| x == t) {
                line(&mut svg, from, &topic_nodes[j], "e-topic");
            }
        }
        // Sorted: the footnote map has no order of its own.
        let mut cited: Vec<usize> = site.citations.by_footnote[d].values().copied().collect();
        cited.sort_unstable();
        cited.dedup();
        for w in cited {
            if let Some(j) = works.iter().position(|&x| x == w) {
                line(&mut svg, from, &work_nodes[j], "e-work");
            }
        }
    }
    svg.push_str("</g>");
    for n in topic_nodes.iter().chain(&doc_nodes).chain(&work_nodes) {
        let anchor = if n.x < c - 1.0 { "end" } else { "start" };
        let dx = if n.x < c - 1.0 { -9.0 } else { 9.0 };
        let _ = write!(
            svg,
            "<a href=\"{}{}\" class=\"node {}\"><title>{}</title><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text></a>",
            escape(root),
            escape(&n.url),
            n.class,
            escape(&n.title),
            n.x,
            n.y,
            n.x + dx,
            n.y + 4.0,
            escape(&n.label)
        );
    }
    svg.push_str("</svg>");
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

fn line(svg: &mut String, a: &Node, b: &Node, class: &str) {
    let _ = write!(
        svg,
        "<line class=\"{class}\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        a.x, a.y, b.x, b.y
    );
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>().trim_end())
    }
}
