//! The timeline pages: entries grouped by year, years by decade, with a
//! density strip over the whole range; and the view of one entry, which
//! document pages show too.

use super::excerpt::mark;
use super::knowledge::{year_anchor, Plan};
use crate::extract::years::Precision;
use crate::graph::Site;
use serde::Serialize;

#[derive(Serialize)]
pub struct EntryView<'a> {
    pub anchor: crate::graph::timeline::Anchor,
    pub sentence: &'a str,
    pub timeline_url: String,
    /// The entry's time in the site's language (`21 мая 2014 г.`).
    pub label: String,
    pub precision: &'static str,
    pub clipped: bool,
    /// Its time is its year and nothing more: under the year's heading it
    /// needs no label of its own.
    pub plain: bool,
    pub sentence_html: String,
    pub doc_title: &'a str,
    /// See `DocView::lang`.
    pub lang: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct YearView {
    pub year: i32,
    pub anchor: String,
    /// The year's entries as HTML, each rendered with
    /// `partials/timeline_entry.html` (see [`ENTRY_TEMPLATE`]).
    pub entries_html: String,
}

#[derive(Serialize)]
pub struct DecadeView {
    pub label: String,
    pub years: Vec<YearView>,
}

/// The template of one timeline entry; its context: `e` (an [`EntryView`]),
/// `root`, and `timeline.start` and `timeline.end`.
pub const ENTRY_TEMPLATE: &str = "partials/timeline_entry.html";

#[derive(Serialize)]
pub struct TimelineView {
    pub start: i32,
    pub end: i32,
    /// The years this page holds (`1950–1959`, `1951`); none on the first
    /// page.
    pub span: Option<String>,
    /// On the first page: the number of entries (with the strip, the
    /// overview of the whole timeline).
    pub count: Option<usize>,
    pub decades: Vec<DecadeView>,
    pub all_decades: Vec<DecadeLink>,
    /// On the first page: the density strip.
    pub strip_svg: Option<String>,
    /// The pages before and after this one (the first page, the overview,
    /// is linked from every page's introduction instead).
    pub prev: Option<DecadeLink>,
    pub next: Option<DecadeLink>,
}

#[derive(Serialize)]
pub struct DecadeLink {
    pub label: String,
    /// Root-relative.
    pub url: String,
}

pub fn entry_view<'a>(
    site: &'a Site,
    plan: &Plan,
    i: usize,
    strings: &crate::theme::strings::Strings,
) -> EntryView<'a> {
    let e = &site.timeline.entries[i];
    let doc = &site.docs[e.doc];
    let sentence = e.sentence(&site.docs);
    let mut sentence_html = String::new();
    mark(sentence, 0, sentence.len(), &[e.mark], &mut sentence_html);
    let label = super::views::localize_label(e.label(&site.docs), strings);
    EntryView {
        anchor: e.anchor,
        sentence,
        timeline_url: plan.entry_url(site, i),
        plain: e.precision == Precision::Year && !e.clipped && label == e.year.to_string(),
        label,
        precision: e.precision.name(),
        clipped: e.clipped,
        sentence_html,
        doc_title: &doc.title,
        lang: doc.lang_attrs(),
        url: format!("{}#{}", doc.url, doc.body.paragraphs[e.paragraph].id),
    }
}

/// What every timeline page shows alike: the decades of the whole timeline
/// (each linking to its heading on its first page) and the density strip.
/// Made once per build, not once per page.
pub struct TimelineFrame {
    all_decades: Vec<(String, String)>,
    strip_svg: String,
}

impl TimelineFrame {
    pub fn new(plan: &Plan, range: (i32, i32), root: &str) -> Self {
        TimelineFrame {
            all_decades: decade_links(plan),
            strip_svg: density_strip(plan, range, root),
        }
    }
}

/// A year's decade as the timeline labels it (`1950s`).
fn decade_label(year: i32) -> String {
    format!("{}s", year.div_euclid(10) * 10)
}

/// Each decade of the timeline with the URL of its heading on the first
/// page that holds it: what every page's decade links show.
fn decade_links(plan: &Plan) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = Vec::new();
    for (y, (year, _)) in plan.timeline.years.iter().enumerate() {
        let label = decade_label(*year);
        if links.last().is_none_or(|(l, _)| *l != label) {
            let page = &plan.timeline.page_urls[plan.timeline.year_page[y]];
            let url = format!("{page}#decade-{label}");
            links.push((label, url));
        }
    }
    links
}

/// The link to page `k` of the timeline, by the years it holds.
fn page_link(plan: &Plan, k: usize) -> Option<DecadeLink> {
    Some(DecadeLink {
        label: plan.timeline.page_spans.get(k)?.clone()?,
        url: plan.timeline.page_urls[k].clone(),
    })
}

/// Page `page` (0-based) of the timeline: its decades, years and entries
/// (as `entries` gives each year's HTML), in the frame every page shares.
pub fn timeline_view(
    site: &Site,
    plan: &Plan,
    range: (i32, i32),
    page: usize,
    frame: &TimelineFrame,
    entries: &mut dyn FnMut(&[usize]) -> anyhow::Result<String>,
) -> anyhow::Result<TimelineView> {
    let mut decades: Vec<DecadeView> = Vec::new();
    for y in plan.timeline.timeline_pages[page].clone() {
        let (year, entries_of) = &plan.timeline.years[y];
        let label = decade_label(*year);
        if decades.last().is_none_or(|d| d.label != label) {
            decades.push(DecadeView {
                label,
                years: Vec::new(),
            });
        }
        let view = YearView {
            year: *year,
            anchor: year_anchor(*year),
            entries_html: entries(entries_of)?,
        };
        if let Some(d) = decades.last_mut() {
            d.years.push(view);
        }
    }
    Ok(TimelineView {
        start: range.0,
        end: range.1,
        span: plan.timeline.page_spans[page].clone(),
        // The overview is on the first page only: the others then change
        // only when their own entries do.
        count: (page == 0).then_some(site.timeline.entries.len()),
        decades,
        all_decades: frame
            .all_decades
            .iter()
            .map(|(label, url)| DecadeLink {
                label: label.clone(),
                url: url.clone(),
            })
            .collect(),
        strip_svg: (page == 0).then(|| frame.strip_svg.clone()),
        prev: page.checked_sub(1).and_then(|k| page_link(plan, k)),
        next: page_link(plan, page + 1),
    })
}

/// A hash of everything page `page` of the timeline is made from: its
/// years and entries ([`Plan::entry_keys`]), the range, its URL and years,
/// the pages before and after it, the decade links, and on the first page
/// the overview: the number of entries and every year's count and URL.
/// A year added to another decade leaves the key as it was.
pub fn page_key(plan: &Plan, range: (i32, i32), page: usize) -> u64 {
    crate::memo::KeyHasher::of(|key| {
        let t = &plan.timeline;
        key.add((range, page, &t.page_urls[page], &t.page_spans[page]));
        for k in [page.checked_sub(1), Some(page + 1)].into_iter().flatten() {
            key.add((t.page_urls.get(k), t.page_spans.get(k)));
        }
        key.add(decade_links(plan));
        if page == 0 {
            for (y, (year, entries)) in t.years.iter().enumerate() {
                key.add((year, &t.page_urls[t.year_page[y]], entries.len()));
            }
            key.add(t.entry_page.len());
        }
        for y in plan.timeline.timeline_pages[page].clone() {
            for &i in &plan.timeline.years[y].1 {
                key.add(plan.timeline.entry_keys[i]);
            }
        }
    })
}

/// Adds what entry `i` shows wherever it is shown (timeline pages, the
/// timeline export, its document's page): its dates, label, sentence and
/// mark, its anchor, and the document and paragraph it links to.
pub fn add_entry(key: &mut crate::memo::KeyHasher, site: &Site, doc_keys: &[u64], i: usize) {
    let e = &site.timeline.entries[i];
    let parts = &site.keys[e.doc].parts;
    // The document's hash of the dated sentence covers its dates, label,
    // sentence and mark; its key, its title and URL.
    key.add(parts.dates[e.dated]);
    key.add((doc_keys[e.doc], parts.paragraph_ids[e.paragraph]));
    key.add(e.anchor);
}

/// A static SVG bar per year of the range, its height by the number of
/// entries; years with entries link to their place on the page. Works
/// without JavaScript and prints.
fn density_strip(plan: &Plan, (lo, hi): (i32, i32), root: &str) -> String {
    let years = &plan.timeline.years;
    let span = (hi - lo + 1).max(1) as usize;
    let max = years.iter().map(|(_, e)| e.len()).max().unwrap_or(1).max(1);
    let (w, h) = (8usize, 48usize);
    let mut svg = format!(
        "<svg class=\"density\" viewBox=\"0 0 {} {}\" aria-label=\"Entries per year, {lo} to {hi}\" preserveAspectRatio=\"none\">",
        span * w,
        h + 14
    );
    for (y, (year, entries)) in years.iter().enumerate() {
        let x = (year - lo).max(0) as usize * w;
        let bar = (entries.len() * h).div_ceil(max).max(3);
        svg.push_str(&format!(
            "<a href=\"{root}{}\"><title>{year}: {} {}</title><rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{bar}\"/></a>",
            plan.year_url(y),
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

/// The years the timeline shows: the configured range, or when the config
/// sets none, the years its entries have (a range counts in its first).
pub fn shown_range(config: &crate::config::Config, plan: &Plan) -> (i32, i32) {
    let years = &plan.timeline.years;
    match (config.timeline_given, years.first(), years.last()) {
        (false, Some(first), Some(last)) => (first.0, last.0),
        _ => config.timeline,
    }
}
