//! Citation pages: the works by author (the full entries, with anchors), and
//! lists by year, by container and by cited author that point to them.

use super::highlight::escape;
use super::knowledge::Plan;
use super::views::page_url;
use crate::extract::citations::Reference;
use crate::graph::citations::PlaceName;
use crate::graph::citations::Work;
use crate::graph::Site;
use serde::Serialize;
use std::ops::Range;

pub use super::citation_lists::{by_cited_author, by_container, by_year, cut_groups};

pub const INDEX_URL: &str = "citations/index.html";
pub const YEARS_URL: &str = "citations/years/index.html";
pub const CONTAINERS_URL: &str = "citations/containers/index.html";
pub const AUTHORS_URL: &str = "citations/authors/index.html";

/// Where work `w` stands in the citation index (which page, which anchor).
pub fn work_url(site: &Site, plan: &Plan, w: usize) -> String {
    format!(
        "{}#{}",
        page_url(INDEX_URL, plan.citations.work_page[w] + 1),
        site.citations.works[w].id
    )
}

/// The index groups works by the first letter of the first author (or of
/// the title): consecutive ranges of the sorted works, a letter with more
/// than `limit` works cut into pieces of `limit`.
pub fn letter_groups(site: &Site, limit: usize) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    let mut last: Option<String> = None;
    for (w, work) in site.citations.works.iter().enumerate() {
        let l = letter(work);
        match groups.last_mut() {
            Some(g) if last.as_deref() == Some(l.as_str()) => g.end = w + 1,
            _ => groups.push(w..w + 1),
        }
        last = Some(l);
    }
    super::paging::cut(groups, limit)
}

/// A link to where a letter starts in the index.
#[derive(Serialize, PartialEq)]
pub struct LetterLink {
    pub letter: String,
    pub url: String,
}

/// The letters of the index, each linked to its first piece.
pub fn letter_links(site: &Site, groups: &[Range<usize>], work_page: &[usize]) -> Vec<LetterLink> {
    let works = &site.citations.works;
    let mut links: Vec<LetterLink> = Vec::new();
    for r in groups {
        let Some(first) = works.get(r.start) else {
            continue;
        };
        let l = letter(first);
        if links.last().is_some_and(|k| k.letter == l) {
            continue;
        }
        links.push(LetterLink {
            url: format!(
                "{}#{}",
                page_url(INDEX_URL, work_page[r.start] + 1),
                letter_anchor(&l, 1)
            ),
            letter: l,
        });
    }
    links
}

/// The anchor of piece `piece` (1-based) of a group: `g-b`, `g-b-2`.
fn letter_anchor(title: &str, piece: usize) -> String {
    let slug = crate::parse::ids::slugify(title);
    if piece <= 1 {
        format!("g-{slug}")
    } else {
        format!("g-{slug}-{piece}")
    }
}

fn letter(work: &Work) -> String {
    let r = &work.reference;
    let first = r
        .authors
        .first()
        .map(|p| p.family.clone())
        .or_else(|| r.title.clone())
        .unwrap_or_default();
    first
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "#".into())
}

#[derive(Serialize)]
pub struct CitedInView<'a> {
    pub doc_title: &'a str,
    pub url: String,
    /// The footnote's number, or 0 for a reference-list entry.
    pub note: usize,
    /// The entry's label (`12`), or `""`.
    pub entry: &'a str,
    pub ibid: bool,
    /// How often the text cites the entry.
    pub in_text: usize,
}

#[derive(Serialize)]
pub struct WorkView<'a> {
    pub id: &'a str,
    pub url: String,
    pub html: String,
    pub short: String,
    pub kind: &'static str,
    /// How many places cite it.
    pub cited: usize,
    pub cited_in: Vec<CitedInView<'a>>,
}

#[derive(Serialize)]
pub struct GroupView<'a> {
    pub title: String,
    pub anchor: String,
    /// Whether it goes on from the page before (a piece of a long group).
    pub continued: bool,
    pub works: Vec<WorkView<'a>>,
}

/// A group of a citation listing before its views are made: its title,
/// anchor and works.
#[derive(Clone, PartialEq)]
pub struct Group {
    pub title: String,
    pub anchor: String,
    /// Whether it goes on from the page before (a piece of a long group).
    pub continued: bool,
    pub works: Vec<usize>,
}

impl Group {
    /// The group as its page shows it (the works as links).
    pub fn view<'a>(&self, site: &'a Site, plan: &Plan) -> GroupView<'a> {
        GroupView {
            title: self.title.clone(),
            anchor: self.anchor.clone(),
            continued: self.continued,
            works: self
                .works
                .iter()
                .map(|&w| work_link(site, plan, w))
                .collect(),
        }
    }
}

/// A hash of everything the views of `works` are made from: each work's
/// id, reference and page, and each place that cites it
/// ([`Plan::cited_keys`]; see `memo`).
pub fn works_key(plan: &Plan, works: impl Iterator<Item = usize>) -> u64 {
    crate::memo::KeyHasher::of(|key| {
        for w in works {
            key.add((w, plan.citations.cited_keys[w]));
        }
    })
}

/// The full entry of a work, as the index by author shows it.
pub fn work_view<'a>(site: &'a Site, plan: &Plan, w: usize) -> WorkView<'a> {
    let work = &site.citations.works[w];
    WorkView {
        html: reference_html(&work.reference),
        cited_in: work
            .cited_in
            .iter()
            .map(|c| {
                let doc = &site.docs[c.doc];
                let (id, name) = c.anchor(doc);
                let (note, entry) = match name {
                    PlaceName::Note(n) => (n, ""),
                    PlaceName::Entry(label) => (0, label),
                };
                CitedInView {
                    doc_title: &doc.title,
                    url: format!("{}#{id}", doc.url),
                    note,
                    entry,
                    ibid: c.ibid,
                    in_text: c.in_text,
                }
            })
            .collect(),
        ..work_link(site, plan, w)
    }
}

/// A work as the other listings show it: a short label linking to its entry.
pub fn work_link<'a>(site: &'a Site, plan: &Plan, w: usize) -> WorkView<'a> {
    let work = &site.citations.works[w];
    WorkView {
        id: &work.id,
        url: work_url(site, plan, w),
        html: String::new(),
        short: short(&work.reference),
        kind: work.reference.kind,
        cited: work.cited_in.len(),
        cited_in: Vec::new(),
    }
}

/// `Ong 2009, China's Strategic Convergence with Russia`.
pub fn short(r: &Reference) -> String {
    let who = crate::extract::names::short_names(&r.authors);
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let head = [who, year]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let title = r.title.clone().unwrap_or_default();
    if head.is_empty() {
        title
    } else {
        format!("{head}, {title}")
    }
}

/// A reference in a Chicago-like style, as escaped HTML.
pub fn reference_html(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !r.authors.is_empty() {
        let names: Vec<String> = r
            .authors
            .iter()
            .enumerate()
            .map(|(i, p)| if i == 0 { p.sort_name() } else { p.display() })
            .collect();
        let joined = match names.as_slice() {
            [one] => one.clone(),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
            [] => String::new(),
        };
        parts.push(format!("{}.", escape(joined.trim_end_matches('.'))));
    }
    if let Some(t) = &r.title {
        // Quotes inside the title become single quotes inside the double.
        let t = inner_quotes(t.trim_end_matches('.'));
        let stop = if t.ends_with(['?', '!']) { "" } else { "." };
        parts.push(format!("“{}{stop}”", escape(&t)));
    }

    let mut where_ = String::new();
    if let Some(c) = &r.container {
        where_.push_str(&format!("<i>{}</i>", escape(c)));
    }
    if let Some(v) = &r.volume {
        where_.push_str(&format!(" {}", escape(v)));
    }
    if let Some(i) = &r.issue {
        where_.push_str(&format!(", no. {}", escape(i)));
    }
    if let Some(d) = r.date.as_deref() {
        where_.push_str(&format!(
            " ({})",
            escape(&crate::render::views::display_date(d))
        ));
    } else if let Some(y) = r.year {
        where_.push_str(&format!(" ({y})"));
    }
    if let Some(p) = &r.pages {
        where_.push_str(&format!(": {}", escape(&p.replace('-', "–"))));
    }
    if !where_.trim().is_empty() {
        parts.push(format!("{}.", where_.trim()));
    }
    if let Some(p) = &r.publisher {
        parts.push(format!("{}.", escape(p)));
    }
    if let Some(doi) = &r.doi {
        let url = format!("https://doi.org/{doi}");
        parts.push(format!(
            "<a href=\"{}\">doi:{}</a>.",
            escape(&url),
            escape(doi)
        ));
    }
    for u in &r.urls {
        if r.doi.as_ref().is_some_and(|d| u.contains(d.as_str())) {
            continue;
        }
        parts.push(format!("<a href=\"{}\">{}</a>.", escape(u), escape(u)));
    }
    parts.join(" ")
}

/// Double quotes inside a title become single ones, opening and closing in
/// turn where they are straight.
fn inner_quotes(title: &str) -> String {
    let mut open = false;
    title
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '"' => {
                open = !open;
                if open {
                    '‘'
                } else {
                    '’'
                }
            }
            c => c,
        })
        .collect()
}

/// Page `page` of the index: its letter groups with the full entries.
pub fn by_author<'a>(site: &'a Site, plan: &Plan, page: usize) -> Vec<GroupView<'a>> {
    let works = &site.citations.works;
    let groups = &plan.citations.letter_groups;
    plan.citations.citation_pages[page]
        .clone()
        .map(|g| {
            let r = groups[g].clone();
            let title = letter(&works[r.start]);
            // Which piece of its letter this is.
            let piece = 1 + groups[..g]
                .iter()
                .rev()
                .take_while(|b| works.get(b.start).is_some_and(|w| letter(w) == title))
                .count();
            GroupView {
                anchor: letter_anchor(&title, piece),
                title,
                continued: piece > 1,
                works: r.map(|w| work_view(site, plan, w)).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::names::Person;

    #[test]
    fn formats_a_journal_article() {
        let r = Reference {
            authors: vec![Person {
                family: "Ong".into(),
                given: "Russell".into(),
            }],
            title: Some("China's Strategic Convergence with Russia".into()),
            container: Some("Korean Journal Of Defense Analysis".into()),
            volume: Some("21".into()),
            issue: Some("3".into()),
            pages: Some("315-328".into()),
            year: Some(2009),
            doi: Some("10.1080/10163270903087329".into()),
            kind: "article-journal",
            ..Reference::default()
        };
        assert_eq!(
            reference_html(&r),
            "Ong, Russell. “China&#39;s Strategic Convergence with Russia.” <i>Korean Journal Of Defense Analysis</i> 21, no. 3 (2009): 315–328. <a href=\"https://doi.org/10.1080/10163270903087329\">doi:10.1080/10163270903087329</a>."
        );
        assert_eq!(
            short(&r),
            "Ong 2009, China's Strategic Convergence with Russia"
        );
    }
}
