//! Template contexts: borrowed, serialisable views of the site graph. The
//! core types stay free of `Serialize`; only what a template shows is here,
//! and never the whole site in one page's context.

use crate::graph::{Doc, Section, Site};
use serde::Serialize;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    /// Whether the site's language is written right to left.
    pub rtl: bool,
    pub author: &'a str,
    pub base_url: &'a str,
    pub extra: &'a toml::Table,
    pub favicon: Option<&'a str>,
}

#[derive(Serialize, Clone)]
pub struct Link<'a> {
    pub title: &'a str,
    pub url: &'a str,
}

/// One document as listings and its own page show it.
#[derive(Serialize)]
pub struct DocView<'a> {
    pub title: &'a str,
    /// ` lang="…"` (and ` dir="rtl"`) when the text is not in the site's
    /// language; written raw in an element's start tag.
    pub lang: String,
    /// The text's language tag.
    pub language: &'a str,
    pub url: &'a str,
    pub authors: &'a [String],
    pub authors_line: String,
    pub date: Option<&'a str>,
    pub date_display: Option<String>,
    pub publisher: Option<&'a str>,
    pub category: Option<&'a str>,
    pub summary: &'a str,
    pub tags: &'a [String],
    pub words: usize,
    pub reading_minutes: usize,
    pub author_note_html: Option<String>,
    pub note: Option<&'a str>,
    /// What the text's own front stated, in the site's words.
    pub stated: Vec<&'a str>,
    pub source_file: &'a str,
    pub source_url: Option<&'a str>,
    pub toc: Vec<TocEntry<'a>>,
    pub content: String,
    /// Document pages only: `updated` and the metadata dossier does not
    /// know (`extra`), for templates.
    pub updated: Option<&'a str>,
    pub extra: Option<&'a serde_json::Map<String, serde_json::Value>>,
    /// Document pages only: the Highwire Press date (`2021/03/05`) and the
    /// schema.org description as JSON-LD, safe inside `<script>`.
    pub citation_date: Option<String>,
    pub json_ld: Option<String>,
    /// The absolute URL of a PDF of the text beside it (`x.md` + `x.pdf`).
    pub pdf_url: Option<String>,
}

#[derive(Serialize)]
pub struct TocEntry<'a> {
    pub level: u8,
    pub id: &'a str,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub intro_html: String,
    pub docs: Vec<DocView<'a>>,
    pub children: Vec<ChildView<'a>>,
}

#[derive(Serialize)]
pub struct ChildView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub count: usize,
    pub more: usize,
    pub docs: Vec<DocView<'a>>,
}

impl<'a> DocView<'a> {
    /// The listing form: no body, no note.
    pub fn summary(d: &'a Doc, strings: &crate::theme::strings::Strings) -> Self {
        let words = d.body.words;
        DocView {
            title: &d.title,
            lang: d.lang_attrs(),
            language: &d.language,
            url: &d.url,
            authors: &d.authors,
            authors_line: join_names(&d.authors),
            date: d.date.as_deref(),
            date_display: d.date.as_deref().map(|x| display_date_in(x, strings)),
            publisher: d.publisher.as_deref(),
            category: d.category.as_deref(),
            summary: &d.summary,
            tags: &d.tags,
            words,
            reading_minutes: words.div_ceil(230).max(1),
            author_note_html: None,
            note: None,
            stated: Vec::new(),
            source_file: &d.rel,
            source_url: d.source_url.as_deref(),
            toc: Vec::new(),
            content: String::new(),
            updated: None,
            extra: None,
            citation_date: None,
            json_ld: None,
            pdf_url: None,
        }
    }
}

/// Sections and documents on the way from the home page to a section.
pub fn breadcrumbs<'a>(
    site: &'a Site,
    section: usize,
    strings: &'a crate::theme::strings::Strings,
) -> Vec<Link<'a>> {
    section_path(site, section)
        .into_iter()
        .map(|i| &site.sections[i])
        .map(|s| Link {
            title: if s.path.is_empty() {
                crate::theme::strings::get(strings, "home")
            } else {
                &s.title
            },
            url: &s.url,
        })
        .collect()
}

/// The sections from the root to `section` (itself included), by index.
pub fn section_path(site: &Site, section: usize) -> Vec<usize> {
    let path = &site.sections[section].path;
    (0..=path.len())
        .filter_map(|depth| {
            site.sections
                .iter()
                .position(|s| s.path[..] == path[..depth])
        })
        .collect()
}

/// Where a listing page sits among the pages of its section.
#[derive(Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// The longest page description (`<meta name="description">`, Open Graph,
/// JSON-LD), in characters: search engines show about 160.
pub const DESCRIPTION: usize = 200;

/// `text` as one line of plain text of at most `max` characters, cut at a
/// word: for `<meta name="description">` and previews.
pub fn plain_summary(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// The schema.org type of a document: `NewsArticle` for news, a
/// `ScholarlyArticle` when it cites works in notes, else `Article`.
pub fn schema_type(d: &crate::graph::Doc) -> &'static str {
    let category = d.category.as_deref().unwrap_or("").to_lowercase();
    if category.contains("news") {
        "NewsArticle"
    } else if category.contains("opinion") || category.contains("editorial") {
        "OpinionNewsArticle"
    } else if d.extracted.citations.len() >= 3 {
        "ScholarlyArticle"
    } else {
        "Article"
    }
}

/// The document as schema.org JSON-LD, escaped so that no text in it can
/// close its `<script>` element.
pub fn json_ld(d: &crate::graph::Doc, canonical: &str, site_title: &str, language: &str) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": schema_type(d),
        "headline": d.title,
        "url": canonical,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_title},
    });
    let o = v.as_object_mut().expect("an object");
    if !d.authors.is_empty() {
        let people: Vec<serde_json::Value> = d
            .authors
            .iter()
            .map(|a| serde_json::json!({"@type": "Person", "name": a}))
            .collect();
        o.insert("author".into(), people.into());
    }
    if let Some(date) = &d.date {
        o.insert("datePublished".into(), date.clone().into());
    }
    if let Some(date) = &d.updated {
        o.insert("dateModified".into(), date.clone().into());
    }
    if let Some(p) = &d.publisher {
        o.insert(
            "publisher".into(),
            serde_json::json!({"@type": "Organization", "name": p}),
        );
    }
    if let Some(u) = &d.source_url {
        o.insert("sameAs".into(), u.clone().into());
    }
    // The summary is the page's `<meta name="description">` and
    // `og:description` already: a third copy here would add nothing.
    if !d.tags.is_empty() {
        o.insert("keywords".into(), d.tags.join(", ").into());
    }
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `title`, or `title (page n)` on the later pages of a paginated listing.
pub fn paged_title(title: &str, page: usize, strings: &crate::theme::strings::Strings) -> String {
    if page <= 1 {
        title.to_string()
    } else {
        crate::theme::strings::get(strings, "page_n")
            .replace("{title}", title)
            .replace("{n}", &page.to_string())
    }
}

/// The URL of listing page `n` (1-based) of a section: page 1 is the
/// section's own URL, later pages are `page/<n>/index.html` under it.
pub fn page_url(section_url: &str, n: usize) -> String {
    if n <= 1 {
        section_url.to_string()
    } else {
        format!(
            "{}page/{n}/index.html",
            section_url.trim_end_matches("index.html")
        )
    }
}

/// A section's listing showing the documents `docs` (one page of them).
pub fn section_view<'a>(
    site: &'a Site,
    s: &'a Section,
    docs: &[usize],
    per_child: usize,
    allow_html: bool,
    strings: &crate::theme::strings::Strings,
) -> SectionView<'a> {
    SectionView {
        title: &s.title,
        url: &s.url,
        intro_html: if s.intro.trim().is_empty() {
            String::new()
        } else {
            super::html::markdown_html(&s.intro, allow_html)
        },
        docs: docs
            .iter()
            .map(|&i| DocView::summary(&site.docs[i], strings))
            .collect(),
        children: s
            .children
            .iter()
            .map(|&c| {
                let child = &site.sections[c];
                let count = count_docs(site, c);
                let docs: Vec<DocView> = child
                    .docs
                    .iter()
                    .take(per_child)
                    .map(|&i| DocView::summary(&site.docs[i], strings))
                    .collect();
                ChildView {
                    title: &child.title,
                    url: &child.url,
                    count,
                    more: count - docs.len(),
                    docs,
                }
            })
            .collect(),
    }
}

pub fn count_docs(site: &Site, section: usize) -> usize {
    let s = &site.sections[section];
    s.docs.len()
        + s.children
            .iter()
            .map(|&c| count_docs(site, c))
            .sum::<usize>()
}

/// `A`, `A and B`, `A, B and C`.
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// [`display_date`] in the words of `strings` (its `months_of`,
/// `months`, `date_day` and `date_month`); in English when a table lacks
/// twelve month names.
pub fn display_date_in(date: &str, strings: &crate::theme::strings::Strings) -> String {
    let get = |k: &str| strings.get(k).map_or("", String::as_str);
    let names = |k: &str| -> Vec<&str> { get(k).split_whitespace().collect() };
    let (months, months_of) = (names("months"), names("months_of"));
    if months.len() != 12 || months_of.len() != 12 {
        return display_date(date);
    }
    let fill = |pattern: &str, day: &str, month: &str, year: &str| {
        pattern
            .replace("{day}", day)
            .replace("{month}", month)
            .replace("{year}", year)
    };
    write_date(
        date,
        |d, m, y| fill(get("date_day"), &d.to_string(), months_of[m], y),
        |m, y| fill(get("date_month"), "", months[m], y),
    )
}

/// A timeline label (`21 May 2014`, `May 2014`, `1990s`, `late-1980s`,
/// `winter 2018`, `Q2 2022`, `H1 2021`, as extraction writes them) in the
/// words of `strings`; ranges, and every label of an English site, as
/// they are.
pub fn localize_label(label: &str, strings: &crate::theme::strings::Strings) -> String {
    use crate::extract::years::is_month_name;
    let get = |k: &str| strings.get(k).map_or("", String::as_str);
    // Asked for every entry of every page: compared without allocating.
    let mut months = get("months").split_whitespace();
    let english = (0..12).all(|i| months.next().is_some_and(|w| is_month_name(w, i)))
        && months.next().is_none();
    if english && get("decade") == "{n}s" {
        return label.to_string();
    }
    let month = |m: &str| {
        (0..12)
            .position(|i| is_month_name(m, i))
            .map(|i| format!("{:02}", i + 1))
    };
    let parts: Vec<&str> = label.split(' ').collect();
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [d, m, y] if year(y) && d.parse::<u32>().is_ok() => month(m).map_or_else(
            || label.to_string(),
            |m| display_date_in(&format!("{y}-{m}-{d}"), strings),
        ),
        // `winter 2018`, `Q2 2022`, `H1 2021`.
        [w, y] if year(y) && month(w).is_none() => {
            let (key, n) = match *w {
                "spring" | "summer" | "autumn" | "winter" => (format!("season_{w}"), ""),
                "fall" => ("season_autumn".to_string(), ""),
                _ if w.len() == 2 && w.starts_with('Q') => ("quarter".to_string(), &w[1..]),
                _ if w.len() == 2 && w.starts_with('H') => ("half".to_string(), &w[1..]),
                _ => return label.to_string(),
            };
            match get(&key) {
                "" => label.to_string(),
                form => form.replace("{y}", y).replace("{q}", n).replace("{h}", n),
            }
        }
        [m, y] if year(y) => month(m).map_or_else(
            || label.to_string(),
            |m| display_date_in(&format!("{y}-{m}"), strings),
        ),
        [decade] if decade.len() == 5 && decade.ends_with('s') && year(&decade[..4]) => {
            get("decade").replace("{n}", &decade[..4])
        }
        // `early-1990s`, `mid-1950s`, `late-1980s`.
        [qualified] => match qualified.split_once('-') {
            Some((q @ ("early" | "mid" | "late"), decade))
                if decade.len() == 5 && decade.ends_with('s') && year(&decade[..4]) =>
            {
                let key = match q {
                    "early" => "decade_early",
                    "mid" => "decade_mid",
                    _ => "decade_late",
                };
                match get(key) {
                    "" => label.to_string(),
                    form => form.replace("{n}", &decade[..4]),
                }
            }
            _ => label.to_string(),
        },
        _ => label.to_string(),
    }
}

/// A date as English prose: `2021-06-05` → `5 June 2021`, `2021-03` →
/// `March 2021`, `2021` as it is.
pub fn display_date(date: &str) -> String {
    use crate::extract::years::month_name;
    write_date(
        date,
        |d, m, y| format!("{d} {} {y}", month_name(m)),
        |m, y| format!("{} {y}", month_name(m)),
    )
}

/// `YYYY-MM-DD` through `day(day, month index, year)`, `YYYY-MM` through
/// `month(month index, year)`; anything else (a year, a bad month or day)
/// as it is.
fn write_date(
    date: &str,
    day: impl Fn(u32, usize, &str) -> String,
    month: impl Fn(usize, &str) -> String,
) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let index = |m: &str| {
        m.parse::<usize>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| m - 1)
    };
    match parts.as_slice() {
        [y, m, d] => match (index(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => day(d, m, y),
            _ => date.to_string(),
        },
        [y, m] => index(m).map_or_else(|| date.to_string(), |m| month(m, y)),
        _ => date.to_string(),
    }
}

#[cfg(test)]
#[path = "views_tests.rs"]
mod tests;
