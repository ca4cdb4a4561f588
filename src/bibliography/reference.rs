//! From the bibliography's model (hayagriva's entries) to the citation
//! index's ([`Reference`]).

use crate::extract::citations::Reference;
use crate::extract::names::Person;
use hayagriva::types::EntryType;
use hayagriva::Entry;

/// An entry as the citation index reads it.
pub(super) fn of(e: &Entry) -> Reference {
    let parent = e.parents().first();
    let from_parent = |f: &dyn Fn(&Entry) -> Option<String>| f(e).or_else(|| parent.and_then(f));
    let people = e
        .authors()
        .or_else(|| e.editors())
        .or_else(|| parent.and_then(|p| p.authors()))
        .unwrap_or(&[]);
    let authors = people
        .iter()
        .map(|p| Person {
            family: match &p.prefix {
                Some(prefix) if !prefix.is_empty() => format!("{prefix} {}", p.name),
                _ => p.name.clone(),
            },
            given: p.given_name.clone().unwrap_or_default(),
        })
        .collect();
    let date = e.date().or_else(|| parent.and_then(|p| p.date()));
    let date_text = date.map(|d| match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{:02}-{:02}", d.year, m + 1, day + 1),
        (Some(m), None) => format!("{:04}-{:02}", d.year, m + 1),
        _ => format!("{:04}", d.year),
    });
    let url = e.url().or_else(|| parent.and_then(|p| p.url()));
    Reference {
        authors,
        title: e.title().map(|t| t.value.to_string()),
        container: parent.and_then(|p| p.title()).map(|t| t.value.to_string()),
        publisher: from_parent(&|x: &Entry| {
            x.publisher()
                .and_then(|p| p.name())
                .map(|n| n.value.to_string())
        })
        .or_else(|| e.organization().map(|o| o.value.to_string())),
        volume: from_parent(&|x: &Entry| x.volume().map(|v| v.to_string())),
        issue: from_parent(&|x: &Entry| x.issue().map(|v| v.to_string())),
        pages: e.page_range().map(|p| p.to_string()),
        year: date.map(|d| d.year),
        date: date_text,
        urls: url.map(|u| vec![u.value.to_string()]).unwrap_or_default(),
        doi: e.doi().map(str::to_string),
        kind: kind(e),
    }
}

/// The CSL type the exports give the work.
fn kind(e: &Entry) -> &'static str {
    let parent = e.parents().first().map(|p| *p.entry_type());
    match (*e.entry_type(), parent) {
        (EntryType::Article, Some(EntryType::Newspaper)) => "article-newspaper",
        (EntryType::Article, Some(EntryType::Proceedings | EntryType::Conference)) => {
            "paper-conference"
        }
        (EntryType::Article, Some(EntryType::Periodical) | None) => "article-journal",
        (EntryType::Chapter | EntryType::Anthos, _) => "chapter",
        (EntryType::Book | EntryType::Anthology | EntryType::Proceedings, _) => "book",
        (EntryType::Report, _) => "report",
        (EntryType::Thesis, _) => "thesis",
        (EntryType::Web | EntryType::Blog | EntryType::Post, _) => "webpage",
        _ => "document",
    }
}
