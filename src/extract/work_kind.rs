//! A reference's type from the fields found (`kind`): a journal article,
//! a newspaper's, a chapter, a book, a report, a web page; and a
//! publisher told apart from a container (see `fields`).

use super::citations::Reference;
use super::fields::GENRES;

const NEWS_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "diplomat",
    "wire",
    "bbc",
    "daily",
    "guardian",
    "herald",
    "tribune",
    "journal of commerce",
    "ribao",
    "pravda",
    "izvestiia",
    "izvestia",
    "zeitung",
    "gazette",
];

/// A dated article's kind by its container: a newspaper by its name's
/// words (`Times`, `Post`), else a magazine.
pub(super) fn periodical_kind(r: &Reference) -> &'static str {
    match kind(r, None) {
        "article-newspaper" => "article-newspaper",
        _ => "article-magazine",
    }
}

pub(super) fn kind(r: &Reference, genre: Option<&str>) -> &'static str {
    if r.doi.is_some() || r.volume.is_some() || r.issue.is_some() {
        return "article-journal";
    }
    if let Some(g) = genre {
        return GENRES
            .iter()
            .find(|(_, k)| *k == g)
            .map_or("document", |(_, k)| k);
    }
    let container = r.container.as_deref().unwrap_or("").to_lowercase();
    if NEWS_WORDS.iter().any(|w| {
        container
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| x == *w)
    }) {
        return "article-newspaper";
    }
    if !r.urls.is_empty() {
        "webpage"
    } else {
        "document"
    }
}

/// Words that name an organisation (in any case).
pub(super) const ORGANISATION_WORDS: &[&str] = &[
    "agency",
    "assembly",
    "bank",
    "association",
    "authority",
    "bureau",
    "center",
    "centre",
    "commission",
    "committee",
    "consortium",
    "council",
    "department",
    "fondation",
    "foundation",
    "fundación",
    "institute",
    "institut",
    "ministry",
    "office",
    "organisation",
    "organization",
    "programme",
    "program",
    "stiftung",
    "university",
    "vakfi",
    "vakfı",
];

/// Words that name a periodical even when an organisation word stands
/// beside them (`Journal of the Royal Society`).
const PERIODICAL_WORDS: &[&str] = &[
    "papers",
    "series",
    "revue",
    "revista",
    "rivista",
    "zeitschrift",
    "jahrbuch",
    "cahiers",
    "annales",
    "журнал",
    "вестник",
    "学报",
    "journal",
    "review",
    "quarterly",
    "bulletin",
    "proceedings",
    "transactions",
    "letters",
    "annals",
    "magazine",
    "gazette",
    "times",
    "news",
    "post",
    "newsletter",
    "yearbook",
];

/// A "container" that names an organisation and no periodical (`Wilson
/// Center`, `SETA VAKFI`, `Federal agency for tourism`) is who published
/// the work, not where it appeared: it becomes the publisher, and a work
/// typed as an article by it a report (a web page when it has an address).
pub(super) fn separate_publisher(r: &mut Reference) {
    let Some(c) = r.container.as_deref() else {
        return;
    };
    let lower = c.to_lowercase();
    let words: Vec<&str> = lower
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let organisation = words.iter().any(|w| ORGANISATION_WORDS.contains(w));
    let periodical = words.iter().any(|w| PERIODICAL_WORDS.contains(w));
    if !organisation || periodical {
        return;
    }
    let name = r.container.take();
    if r.publisher.is_none() {
        r.publisher = name;
    }
    if matches!(r.kind, "article-journal" | "article-magazine" | "document") {
        r.kind = if r.urls.is_empty() {
            "report"
        } else {
            "webpage"
        };
    }
}
