//! What the trained labeller (`reftagger`) adds to a reference-list
//! entry the rules read: the title's and the container's bounds, which
//! rules find poorly when the fields are separated only by full stops or
//! commas; and an entry the rules could not read at all, read from the
//! labels alone.
//!
//! Measured on held-out labelled reference strings (BENCHMARKS.md,
//! "Reference strings: rules and a trained labeller"): the labeller's
//! title and container bounds are right more often than the rules' in
//! every style measured, so where it finds a title it decides both.

use super::citations::{clean, find_doi, join_broken_hyphens, letters, Reference};
use super::entry_names::names_in;
use super::entry_numbers::first_year;
use super::fields::{genre_label, kind};
use super::names::Person;
use super::reftagger::{self, Label};
use std::ops::Range;

/// An entry's text as the labeller reads it: without the emphasis and
/// link marks of `citations::marked_text` and line-break hyphens, URLs
/// kept.
pub(super) struct Tagged {
    text: String,
    labels: Vec<(Range<usize>, Label)>,
}

impl Tagged {
    pub(super) fn new(marked: &str) -> Tagged {
        // A PDF's line-break hyphen (`Biden- Putin`) joined again: the
        // two halves are one token.
        let text: String = join_broken_hyphens(marked)
            .chars()
            .filter(|c| !matches!(c, '*' | '{' | '}'))
            .collect();
        let labels = reftagger::tag(&text);
        Tagged { text, labels }
    }

    fn field(&self, label: Label) -> Option<String> {
        cleaned(&reftagger::field(&self.text, &self.labels, label)?)
    }

    /// Whether the words of `field` stand in a title, a publisher, a
    /// place or a name as labelled.
    fn claimed(&self, field: &str) -> bool {
        [
            Label::Title,
            Label::Publisher,
            Label::Location,
            Label::Author,
            Label::Editor,
        ]
        .into_iter()
        .filter_map(|l| self.field(l))
        .any(|f| letters(&f).contains(&letters(field)))
    }

    /// Whether `title` stands in the text whole between quotation marks
    /// (`"Title"`, `“Title,”`, `«Title»`).
    fn quoted(&self, title: &str) -> bool {
        let title = title.trim_end_matches(['.', ',']);
        if title.split_whitespace().count() < 2 {
            return false;
        }
        self.text.match_indices(title).any(|(at, _)| {
            let before = self.text[..at].chars().next_back();
            let rest = &self.text[at + title.len()..];
            let inner = rest.trim_start_matches(['.', ',', '?', '!']);
            let mut chars = inner.chars();
            let close = chars.next();
            // The field ends with the quotation: a stop inside or after
            // the mark (`“A Study” and “Another”` is one title).
            let ends =
                inner.len() < rest.len() || matches!(chars.next(), None | Some('.' | ',' | ';'));
            // A quotation that opens the entry may be its authors'
            // names (`"Lund, A., and B. Roe", 1990, Title`).
            ends && at > 1
                && matches!(
                    (before, close),
                    (Some('"'), Some('"'))
                        | (Some('“'), Some('”'))
                        | (Some('«'), Some('»'))
                        | (Some('„'), Some('“'))
                )
        })
    }

    fn has(&self, label: Label) -> bool {
        self.labels.iter().any(|(_, l)| *l == label)
    }

    /// The title and container as labelled, where the labeller finds a
    /// title: a container the rules found is taken off where the labeller
    /// read its words as a publisher, a place or the title, and a
    /// publisher the rules missed is added. Two readings of the
    /// rules stand: a title that holds the first author's family name the
    /// rules' title does not (names after a converter's label, `Lind et
    /// al. (2017) Astrid Lind, …`), and a publisher the labeller took for
    /// a container.
    pub(super) fn amend(&self, r: &mut Reference) {
        let Some(title) = self.field(Label::Title).filter(|t| letter_count(t) >= 3) else {
            return;
        };
        let family = r.authors.first().map(|p| p.family.as_str()).unwrap_or("");
        let names_taken = !family.is_empty()
            && title.contains(family)
            && !r.title.as_deref().is_some_and(|t| t.contains(family));
        // `Lund, A., Roe, B.: Title`: the labeller's title opens with the
        // last name the rules read, or its initials (`Roe, B.: Title`,
        // `B.: Title`).
        let last_taken = r.authors.last().is_some_and(|p| {
            let opens = |prefix: String| {
                title.starts_with(&prefix)
                    && !r.title.as_deref().is_some_and(|t| t.starts_with(&prefix))
            };
            !p.family.is_empty() && opens(format!("{}, ", p.family))
                || !p.given.is_empty() && opens(format!("{}:", p.given))
        });
        let names_taken = names_taken || last_taken;
        if names_taken {
            return;
        }
        // `"Famous Atlas across Conference". *Transactions…*`: a title the
        // rules found whole between quotation marks stands, and a
        // container the labeller began inside it is not taken.
        if let Some(quoted) = r.title.as_deref().filter(|t| self.quoted(t)) {
            let inside = |c: &str| {
                let first = c.split_whitespace().next().unwrap_or("");
                quoted.contains(first) && c.contains(['"', '”', '»', '’'])
            };
            let container = self.field(Label::Container);
            if let Some(c) = container.filter(|c| !inside(c) && !bare_label(c)) {
                r.container = Some(without_in(&c).to_string());
            }
            if r.publisher.is_none() {
                r.publisher = self
                    .field(Label::Publisher)
                    .filter(|p| !quoted.contains(p.as_str()));
            }
            return;
        }
        // `Warren G. GRASP65, a protein …`: the rules' title holds the
        // labeller's and a word before it that names no author (the
        // labeller took it for one).
        let longer = r.title.as_deref().is_some_and(|t| {
            let head = t.strip_suffix(without_genre(&title)).unwrap_or("");
            let head = head.trim_end_matches([',', ' ', ':']);
            !head.is_empty()
                && head.split_whitespace().count() <= 3
                && head.chars().any(|c| c.is_ascii_digit())
                && !r.authors.iter().any(|p| head.contains(p.family.as_str()))
        });
        if !longer {
            r.title = Some(without_genre(&title).to_string());
        }
        let ruled = r.container.take();
        // `Icdar 2013 table competition. In 2013 12th International
        // Conference …`: a container the labeller began inside the title
        // the rules kept is not the container; a later one may be.
        let container = match r.title.as_deref().filter(|_| longer) {
            Some(kept) => reftagger::runs(&self.text, &self.labels, Label::Container)
                .filter_map(|c| cleaned(&c))
                .find(|c| !kept.contains(c.as_str())),
            None => self.field(Label::Container),
        };
        r.container = match container.filter(|c| !bare_label(c)) {
            Some(c) => Some(without_in(&c).to_string()),
            // The rules' container stands unless the labeller read its
            // words as another field (a publisher, a place, the title).
            None => ruled.filter(|c| !self.claimed(c) && !is_genre(c)),
        }
        .filter(|c| r.publisher.as_deref() != Some(c));
        // `Princeton University Press, Princeton, NJ.` (ACM's order): the
        // rules took the place after the publisher for it; the labeller
        // read the place as one.
        let place = |p: &str| {
            self.field(Label::Location)
                .is_some_and(|l| letters(&l).contains(&letters(p)))
        };
        if r.publisher.as_deref().is_none_or(place) {
            if let Some(p) = self.field(Label::Publisher) {
                r.publisher = Some(p);
            }
        }
    }

    /// As `amend`, for a note whose authors the labeller found too (a
    /// note that opens with its title is the rules' to read).
    pub(super) fn amend_note(&self, r: &mut Reference) {
        if self
            .labels
            .first()
            .is_some_and(|(_, l)| *l == Label::Author)
        {
            self.amend(r);
        }
    }

    /// A reference read from the labels alone, when it has a title,
    /// authors (or a label the text cites it by) and a year or the facts
    /// of its publication (an undated or forthcoming work).
    pub(super) fn reference(&self, urls: Vec<String>, numbered: bool) -> Option<Reference> {
        let Some(title) = self.field(Label::Title).filter(|t| letter_count(t) >= 3) else {
            return self.untitled_article(urls);
        };
        let year = self
            .field(Label::Date)
            .and_then(|d| first_year(&d))
            .map(|(y, _)| y);
        let authors = self
            .field(Label::Author)
            .and_then(|a| names_in(&a).or_else(|| organisation(&a)))
            .unwrap_or_default();
        if authors.is_empty() && !(numbered && self.has(Label::Author)) {
            return None;
        }
        let mut r = Reference {
            authors,
            title: Some(title),
            container: self
                .field(Label::Container)
                .map(|c| without_in(&c).to_string()),
            publisher: self.field(Label::Publisher),
            volume: self.field(Label::Volume),
            pages: self.field(Label::Pages),
            year,
            doi: find_doi(&self.text),
            urls,
            ..Reference::default()
        };
        let published = r.container.is_some() || r.publisher.is_some() || r.pages.is_some();
        if year.is_none() && !published {
            return None;
        }
        r.kind = kind(&r, None);
        Some(r)
    }

    /// An article cited without its title, as physics and chemistry
    /// write it (`Koike T and Hamamoto I 2004 Phys. Rev. Lett. 93
    /// 172502`, `Hirsch, J. E. Phys Rev Lett 1999, 83, 1834`): authors, a
    /// journal's name, a year and a volume or pages, all labelled.
    fn untitled_article(&self, urls: Vec<String>) -> Option<Reference> {
        // `Eur. J. Phys. 32`: one abbreviated word is the journal's first.
        let raw = reftagger::field(&self.text, &self.labels, Label::Author)?;
        let raw = raw.trim();
        if !raw.contains(' ') && raw.ends_with('.') {
            return None;
        }
        let authors = cleaned(raw).and_then(|a| names_in(&a))?;
        let container = self
            .field(Label::Container)
            .map(|c| without_in(&c).to_string())
            .filter(|c| c.split_whitespace().count() <= 10)?;
        let (year, _) = self.field(Label::Date).and_then(|d| first_year(&d))?;
        let volume = self.field(Label::Volume);
        let pages = self.field(Label::Pages);
        if volume.is_none() && pages.is_none() {
            return None;
        }
        Some(Reference {
            authors,
            container: Some(container),
            volume,
            pages,
            year: Some(year),
            date: Some(year.to_string()),
            doi: find_doi(&self.text),
            urls,
            kind: "article-journal",
            ..Reference::default()
        })
    }
}

/// A labelled field as it is read: cleaned, and with two letters or
/// figures at least.
fn cleaned(field: &str) -> Option<String> {
    Some(clean(field)).filter(|f| f.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
}

/// An author the labeller found that is not a list of people's names:
/// an organisation's name, when short and capitalised.
fn organisation(a: &str) -> Option<Vec<Person>> {
    let words = a.split_whitespace().count();
    ((1..=10).contains(&words) && a.starts_with(char::is_uppercase)).then(|| {
        vec![Person {
            family: a.to_string(),
            given: String::new(),
        }]
    })
}

fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// `Trends in X. Research report` → `Trends in X`: a genre label after
/// the title is not part of it.
fn without_genre(title: &str) -> &str {
    match title.rsplit_once(". ") {
        Some((head, last)) if genre_label(&last.to_lowercase()).is_some() => head,
        _ => title,
    }
}

/// `Technical report`, `PhD thesis`: what kind of work, not where it
/// appeared.
fn is_genre(c: &str) -> bool {
    let lower = c.to_lowercase();
    lower.split_whitespace().count() <= 4
        && [
            "report",
            "thesis",
            "dissertation",
            "working paper",
            "discussion paper",
            "white paper",
            "policy brief",
            "technical note",
        ]
        .iter()
        .any(|g| lower.ends_with(g))
}

/// `In: Proceedings` → `Proceedings`.
fn without_in(c: &str) -> &str {
    for lead in ["In: ", "in: ", "In ", "in "] {
        if let Some(rest) = c.strip_prefix(lead) {
            return rest.trim_start();
        }
    }
    c
}

/// `Bd.`, `vol.`, `Heft`, `n°`: a number's label the labeller took for a
/// container (it learned from English entries), not a container.
fn bare_label(c: &str) -> bool {
    let w = c.trim().trim_end_matches(['.', ',']).to_lowercase();
    matches!(
        w.as_str(),
        "bd" | "vol" | "no" | "heft" | "n°" | "nº" | "t" | "tome" | "s" | "p" | "pp" | "jg"
    )
}

#[cfg(test)]
#[path = "entry_tagged_tests.rs"]
mod tests;
