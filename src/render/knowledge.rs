//! Knowledge pages: the topics index, one page per topic, and the timeline.
//! Their contexts are built from the site-wide indexes of the graph stage;
//! each page holds only what it shows.

use super::excerpt::{excerpt, mark};
use crate::graph::Site;
use crate::topics::Kind;
use serde::Serialize;

pub const TOPICS_URL: &str = "topics/index.html";
pub const TIMELINE_URL: &str = "timeline/index.html";

pub fn topic_url(id: &str) -> String {
    format!("topics/{id}/index.html")
}

/// The anchor of the first timeline entry of a year.
pub fn year_anchor(year: i32) -> String {
    format!("y{year}")
}

pub fn entry_anchor(i: usize) -> String {
    format!("e{}", i + 1)
}

#[derive(Serialize)]
pub struct TopicLinkView<'a> {
    pub title: &'a str,
    pub url: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct KindView<'a> {
    pub name: &'static str,
    pub title: &'static str,
    pub topics: Vec<TopicLinkView<'a>>,
}

/// The topics index, grouped by kind, with mention counts.
pub fn topics_index(site: &Site) -> Vec<KindView<'_>> {
    Kind::ALL
        .iter()
        .map(|&kind| KindView {
            name: kind.name(),
            title: kind.plural_title(),
            topics: site
                .topic_map
                .topics
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == kind)
                .map(|(i, t)| TopicLinkView {
                    title: &t.title,
                    url: topic_url(&t.id),
                    count: site.topics.mentions[i],
                })
                .collect(),
        })
        .filter(|k| !k.topics.is_empty())
        .collect()
}

#[derive(Serialize)]
pub struct PassageView {
    pub url: String,
    pub paragraph: String,
    pub excerpt: String,
}

#[derive(Serialize)]
pub struct DocPassagesView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub passages: Vec<PassageView>,
}

#[derive(Serialize)]
pub struct TopicView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub kind: &'static str,
    pub description_html: String,
    pub aliases: Vec<&'a str>,
    pub mentions: usize,
    pub passages: usize,
    pub documents: Vec<DocPassagesView<'a>>,
    pub cooccurring: Vec<TopicLinkView<'a>>,
    pub related: Vec<TopicLinkView<'a>>,
}

/// One topic's page: every passage, grouped by document.
pub fn topic_view(site: &Site, t: usize) -> TopicView<'_> {
    let topic = &site.topic_map.topics[t];
    let mut documents: Vec<DocPassagesView> = Vec::new();
    for p in &site.topics.passages[t] {
        let doc = &site.docs[p.doc];
        if documents.last().is_none_or(|d| d.url != doc.url) {
            documents.push(DocPassagesView {
                title: &doc.title,
                url: &doc.url,
                passages: Vec::new(),
            });
        }
        let para = &doc.body.paragraphs[p.paragraph];
        if let Some(d) = documents.last_mut() {
            d.passages.push(PassageView {
                url: format!("{}#{}", doc.url, para.id),
                paragraph: format!("¶ {}", p.paragraph + 1),
                excerpt: excerpt(&para.text, &p.spans),
            });
        }
    }
    let link = |(i, count): (usize, usize)| {
        let other = &site.topic_map.topics[i];
        TopicLinkView {
            title: &other.title,
            url: topic_url(&other.id),
            count,
        }
    };
    TopicView {
        id: &topic.id,
        title: &topic.title,
        kind: topic.kind.name(),
        description_html: super::html::markdown_html(&topic.description),
        aliases: topic.aliases.iter().map(|a| a.text.as_str()).collect(),
        mentions: site.topics.mentions[t],
        passages: site.topics.passages[t].len(),
        documents,
        cooccurring: site.topics.cooccurring[t]
            .iter()
            .copied()
            .take(12)
            .map(link)
            .collect(),
        related: topic
            .related
            .iter()
            .map(|&r| link((r, site.topics.mentions[r])))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct EntryView<'a> {
    pub anchor: String,
    pub label: &'a str,
    pub precision: &'static str,
    pub clipped: bool,
    pub sentence_html: String,
    pub doc_title: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct YearView<'a> {
    pub year: i32,
    pub anchor: String,
    pub entries: Vec<EntryView<'a>>,
}

#[derive(Serialize)]
pub struct DecadeView<'a> {
    pub label: String,
    pub years: Vec<YearView<'a>>,
}

#[derive(Serialize)]
pub struct TimelineView<'a> {
    pub start: i32,
    pub end: i32,
    pub count: usize,
    pub decades: Vec<DecadeView<'a>>,
    pub strip_svg: String,
}

pub fn entry_view(site: &Site, i: usize) -> EntryView<'_> {
    let e = &site.timeline.entries[i];
    let doc = &site.docs[e.doc];
    let mut sentence_html = String::new();
    mark(
        &e.sentence,
        0,
        e.sentence.len(),
        &[e.mark],
        &mut sentence_html,
    );
    EntryView {
        anchor: entry_anchor(i),
        label: &e.label,
        precision: e.precision.name(),
        clipped: e.clipped,
        sentence_html,
        doc_title: &doc.title,
        url: format!("{}#{}", doc.url, doc.body.paragraphs[e.paragraph].id),
    }
}

/// The timeline page: decades, years, entries, and the density strip.
pub fn timeline_view(site: &Site, range: (i32, i32)) -> TimelineView<'_> {
    let years = site.timeline.years();
    let mut decades: Vec<DecadeView> = Vec::new();
    for (year, entries) in &years {
        let label = format!("{}s", year / 10 * 10);
        if decades.last().is_none_or(|d| d.label != label) {
            decades.push(DecadeView {
                label,
                years: Vec::new(),
            });
        }
        let view = YearView {
            year: *year,
            anchor: year_anchor(*year),
            entries: entries.iter().map(|&i| entry_view(site, i)).collect(),
        };
        if let Some(d) = decades.last_mut() {
            d.years.push(view);
        }
    }
    TimelineView {
        start: range.0,
        end: range.1,
        count: site.timeline.entries.len(),
        decades,
        strip_svg: density_strip(&years, range),
    }
}

/// A static SVG bar per year of the range, its height by the number of
/// entries; years with entries link to their place on the page. Works
/// without JavaScript and prints.
fn density_strip(years: &[(i32, Vec<usize>)], (lo, hi): (i32, i32)) -> String {
    let span = (hi - lo + 1).max(1) as usize;
    let max = years.iter().map(|(_, e)| e.len()).max().unwrap_or(1).max(1);
    let (w, h) = (8usize, 48usize);
    let mut svg = format!(
        "<svg class=\"density\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Entries per year, {lo} to {hi}\" preserveAspectRatio=\"none\">",
        span * w,
        h + 14
    );
    for (year, entries) in years {
        let x = (year - lo) as usize * w;
        let bar = (entries.len() * h).div_ceil(max).max(3);
        svg.push_str(&format!(
            "<a href=\"#{}\"><title>{year}: {} {}</title><rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{bar}\"/></a>",
            year_anchor(*year),
            entries.len(),
            if entries.len() == 1 { "entry" } else { "entries" },
            h - bar,
            w - 1
        ));
    }
    let mut decade = (lo + 9) / 10 * 10;
    while decade <= hi {
        let x = (decade - lo) as usize * w;
        svg.push_str(&format!("<text x=\"{x}\" y=\"{}\">{decade}</text>", h + 12));
        decade += 10;
    }
    svg.push_str("</svg>");
    svg
}
