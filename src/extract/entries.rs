//! Entries of a reference list (a References or Bibliography section, or a
//! run of entry-shaped blocks; see `parse::refs`) parsed into references
//! for the citation index, with the label the text cites them by.
//!
//! 1. **Label**: `[12]`, `[Ber12]`, `12.` or `(12)` at the start; a
//!    converter's citation label before the authors (`Berg et al. (2012)
//!    Anna Berg, …`) is dropped.
//! 2. **URLs and DOI** as in footnotes.
//! 3. **Author–date** entries (APA, Harvard, Chicago author–date, ACM):
//!    the authors, then the year (`(2015).`, `2015.`, `(2015, May 3).`),
//!    then the title and the rest.
//! 4. **Author–title** entries (IEEE, Vancouver, MLA, Chicago notes
//!    bibliography): the authors up to the first full stop that does not
//!    end an initial (or up to a quoted title), then the title, then the
//!    rest, whose last year is the entry's.
//! 5. The title is quoted text, emphasised text, or the leading phrase up
//!    to a sentence end; the rest is read field by field as in footnotes
//!    (`fields`): container, volume, issue, pages, publisher.
//! 6. Names (see [`names_in`]): `Family, I.` pairs (`Dinar, S., Katz, D.,
//!    & De Stefano, L.`), names in reading order (`Anna Berg and Karl
//!    Moser`, `P. Ivanova`), Vancouver (`Berg A, Moser KL`), an inverted
//!    first name (`Keller, Jonas, and Anna Berg`), particles (`van den
//!    Berg`); a list that is none of these is one corporate author
//!    (`Central Register of Transmission Lines`) when short.
//!
//! An entry needs an author, a title and a year (or, numbered, a title of
//! three words: a page end may have cut its year off); other blocks of a
//! reference section (remarks, headings of groups) are not entries.

use super::citations::{clean, find_doi, Reference};
use super::entry_forms;
use super::entry_labels::skip_citation_label;
pub(super) use super::entry_labels::take_label;
use super::entry_names::{is_name_word, is_particle, names_in};
use super::entry_numbers::{first_year, last_year, numbers, title_date};
use super::entry_preprint;
use super::entry_tagged::Tagged;
use super::entry_titles::{self, split_title};
use super::fields::{kind, read_fields};
use super::names::Person;
use unicode_normalization::UnicodeNormalization;

/// A parsed entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// How the text cites it, when it is numbered or keyed: `12`, `Ber12`.
    pub label: Option<String>,
    pub reference: Reference,
}

/// Parses one entry from its marked text (`*italic*`, `{link text}`, see
/// `citations::marked_text`) and the URLs of its links.
pub fn parse_entry(marked: &str, urls: Vec<String>) -> Option<Entry> {
    // Letters with combining accents (`Thra\u{301}insson`) as one character
    // each, as names and words are read.
    let composed: String;
    let marked = if unicode_normalization::is_nfc(marked) {
        marked
    } else {
        composed = marked.nfc().collect();
        &composed
    };
    // `Lund," A Theory ,"Phys. Rev.`: quotes a converter moved.
    let repaired = entry_titles::repaired(marked);
    // `A. Lund (ed.), Title`: the editors' names read as the entry's.
    let repaired = match super::entry_editors::without_editor_mark(&repaired) {
        std::borrow::Cow::Owned(unmarked) => unmarked,
        std::borrow::Cow::Borrowed(_) => repaired,
    };
    // `arXiv :1002 . 4459`, `hep-ph/0606054`: arXiv numbers whole.
    let repaired = match entry_preprint::whole_arxiv_numbers(&repaired) {
        std::borrow::Cow::Owned(whole) => whole,
        std::borrow::Cow::Borrowed(_) => repaired,
    };
    let marked = repaired.as_str();
    let tagged = Tagged::new(marked);
    super::entry_gbt::gbt_entry(marked, &urls)
        .or_else(|| labelled(marked, &urls, super::note_chinese::read))
        .or_else(|| labelled(marked, &urls, super::note_gost::entry))
        .or_else(|| super::entry_collab::collaboration_entry(marked, &urls))
        .or_else(|| super::entry_standard::standard_entry(marked, &urls))
        .or_else(|| entry_preprint::preprint_entry(marked, &urls, true))
        .or_else(|| entry_preprint::arxiv_entry(marked, &urls, &tagged))
        .or_else(|| super::entry_iop::entry(marked, &urls))
        .or_else(|| read(marked, urls.clone(), &tagged))
        .or_else(|| {
            let (label, _) = take_label(marked);
            let reference = tagged.reference(urls.clone(), label.is_some())?;
            Some(Entry {
                label: label.map(str::to_string),
                reference,
            })
        })
        .or_else(|| entry_preprint::preprint_entry(marked, &urls, false))
        .or_else(|| entry_preprint::untitled_entry(marked, &urls))
        .or_else(|| labelled(marked, &urls, super::entry_journal::journal_only))
        .map(|mut entry| {
            if !super::entry_iop::split(&mut entry.reference, marked) {
                super::entry_journal_start::give_back(&mut entry.reference, marked);
            }
            super::entry_years::settle(&mut entry.reference, marked);
            // `S. 101–130`: German's word for pages is no part of them.
            if let Some(pages) = entry.reference.pages.as_mut() {
                if let Some(bare) = pages
                    .strip_prefix("S. ")
                    .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()))
                {
                    *pages = bare.to_string();
                }
            }
            entry
        })
}

/// An entry read by `read` from the text after its label, with `urls`.
fn labelled(marked: &str, urls: &[String], read: fn(&str) -> Option<Reference>) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let reference = read(body)?;
    Some(Entry {
        label: label.map(str::to_string),
        reference: Reference {
            urls: urls.to_vec(),
            ..reference
        },
    })
}

/// The rules' reading, amended by the labeller's (`entry_tagged`).
pub(super) fn read(marked: &str, mut urls: Vec<String>, tagged: &Tagged) -> Option<Entry> {
    let mut words: Vec<&str> = Vec::new();
    for token in marked.split_whitespace() {
        let bare = token.trim_matches(|c: char| "<>{},.;()".contains(c));
        if bare.starts_with("http://") || bare.starts_with("https://") {
            if !urls.iter().any(|u| u == bare) {
                urls.push(bare.to_string());
            }
            continue;
        }
        words.push(token);
    }
    let text = words.join(" ");
    let (label, body) = take_label(&text);
    let body = skip_citation_label(body);
    let mut r = Reference {
        urls,
        ..Reference::default()
    };
    r.doi = find_doi(body).or_else(|| {
        r.urls
            .iter()
            .find_map(|u| u.split_once("doi.org/").map(|(_, d)| d.to_string()))
    });
    // `A. Berg, Phys. Rev. D 58, 114029 (1998)`: no title;
    // `김하늘, '제목,' 학회지, 2015.`: names in an East Asian script.
    let own_form = super::entry_journal::read(body)
        .or_else(|| super::entry_journal::book(body))
        .or_else(|| super::entry_cjk::read(body));
    if let Some(j) = own_form {
        let reference = Reference {
            urls: r.urls,
            doi: r.doi,
            ..j
        };
        return Some(Entry {
            label: label.map(str::to_string),
            reference,
        });
    }
    let dated = author_date(body, &mut r).filter(|(_, after)| !after.trim().is_empty());
    if dated.is_none() {
        r.year = None;
    }
    let mut comma_form = false;
    let (authors, after) = dated
        .or_else(|| author_title(body))
        .or_else(|| entry_forms::initials_end(body))
        .or_else(|| entry_forms::colon_end(body))
        .or_else(|| {
            comma_form = true;
            entry_forms::comma_end(body)
        })
        // `[16] “Aeronautical Information Manual,” February 2012.`: a
        // quoted title with no author.
        .or_else(|| {
            comma_form = false;
            body.starts_with(['"', '“', '«'])
                .then(|| (Vec::new(), body))
        })?;
    r.authors = authors;
    // `J. Appl. Phys. 87, 334 (2000)`: no title, the journal at once.
    let bare_numbers = entry_forms::journal_and_numbers(after);
    let untitled = entry_forms::abbreviated_journal(after) || bare_numbers;
    let (title, rest) = if bare_numbers {
        // The fields are all there is: name, volume, page.
        let text = after.trim().trim_end_matches('.');
        let mut fields = text.split(", ");
        r.container = fields.next().map(str::to_string);
        r.volume = fields.next().map(str::to_string);
        r.pages = fields.next().map(str::to_string);
        (String::new(), "")
    } else if untitled {
        (String::new(), after)
    } else if comma_form {
        entry_titles::comma_title(after)
    } else {
        split_title(after)
    };
    // `Title, 2018.` or `Title, February 2023.`: the date after the title
    // with nothing between (a later year in the rest is another date's).
    let title = match title_date(&title) {
        Some((t, year)) if r.year.is_none() => {
            r.year = Some(year);
            t.to_string()
        }
        _ => title,
    };
    // `Title (Cambridge: Cambridge University Press)`: the publication
    // facts in parentheses after the title are not part of it.
    let (title, facts) = entry_titles::publication_facts(&title);
    if let (Some(p), None) = (facts, &r.publisher) {
        r.publisher = Some(p);
    }
    // Stray accents a PDF left before the title (`¨ Learning to count`).
    let title = title.trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"“*'‘(".contains(c));
    r.title = Some(clean(title)).filter(|t| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !t.eq_ignore_ascii_case("url")
    });
    // `In Proceedings of …`, `In *Book*, edited by …`: a part of a larger work.
    let part_of = rest.starts_with("In ") || rest.starts_with("in ");
    let rest = if part_of { &rest[3..] } else { rest };
    // `Title, Phys. Lett. B 776 (2018) 249`: a journal's short name and
    // its numbers as physics writes them, all there is after the title.
    let journal_line = (!part_of)
        .then(|| super::entry_journal::journal_only(rest))
        .flatten()
        .filter(|j| super::entry_journal::reads_every_number(rest, j));
    let rest = match journal_line {
        Some(j) => {
            r.container = j.container;
            r.volume = j.volume;
            r.issue = j.issue;
            r.pages = j.pages;
            r.year = r.year.or(j.year);
            ""
        }
        None => rest,
    };
    // `J. Acoust. Soc. Am.` is one field, not four.
    let rest = entry_forms::join_abbreviations(rest);
    let rest = numbers(&rest, &mut r);
    let rest = rest.as_str();
    let genre = read_fields(rest, &mut r);
    entry_forms::tidy_fields(&mut r);
    if !bare_numbers {
        tagged.amend(&mut r);
    }
    // (`ApJ, 475, 1549`: a page, not a year.)
    if r.year.is_none() && !bare_numbers {
        r.year = last_year(rest).map(|(y, _)| y);
    }
    r.kind = kind(&r, genre.as_deref());
    super::fields::separate_publisher(&mut r);
    let container = r.container.as_deref().unwrap_or("").to_lowercase();
    if container.starts_with("arxiv") || container.contains("preprint") {
        r.kind = "article";
    } else if part_of && matches!(r.kind, "document" | "webpage") {
        r.kind = if ["proceedings", "conference", "symposium", "workshop"]
            .iter()
            .any(|w| container.contains(w))
        {
            "paper-conference"
        } else {
            "chapter"
        };
    } else if r.kind == "document" && r.container.is_none() && r.publisher.is_some() {
        // `Lopes, R. (2019). *Harvest Work*. Lisbon: Tinta Press.`: a
        // title and its publisher, in no container: a book.
        r.kind = "book";
    }
    // A numbered entry a page end cut short still names its work.
    let dated = r.year.is_some()
        || label.is_some()
            && r.title
                .as_deref()
                .is_some_and(|t| t.split_whitespace().count() >= 3);
    let named = r.title.is_some() || untitled && r.container.is_some();
    let authored = !r.authors.is_empty() || body.starts_with(['"', '“', '«']) && r.year.is_some();
    (named && dated && authored).then(|| Entry {
        label: label.map(str::to_string),
        reference: r,
    })
}

/// Rule 3: authors, then the year. Returns the authors and the text after
/// the year, and sets the year (and date) on `r`.
fn author_date<'a>(text: &'a str, r: &mut Reference) -> Option<(Vec<Person>, &'a str)> {
    let (year, at) = first_year(text)?;
    let before = text[..at].trim_end();
    let paren = before.ends_with('(');
    let names = before.trim_end_matches('(').trim_end();
    // `Frege, Gottlob 1892. Title`: the year may follow the names bare
    // when a full stop ends it.
    let bare = text[at + 4..].starts_with(". ") && names.contains(", ");
    if names.is_empty() || !names.ends_with(['.', ',']) && !paren && !bare {
        return None;
    }
    let people = names_in(names)?;
    let mut rest = &text[at + 4..];
    rest = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
    if paren {
        let close = rest.find(')')?;
        if close > 24 {
            return None;
        }
        rest = &rest[close + 1..];
    }
    r.year = Some(year);
    let rest =
        rest.trim_start_matches(|c: char| c == '.' || c == ',' || c == ':' || c.is_whitespace());
    Some((people, rest))
}

/// Rule 4: authors up to the first full stop that ends them.
fn author_title(text: &str) -> Option<(Vec<Person>, &str)> {
    let end = authors_end(text)?;
    let names = &text[..end];
    let people = names_in(names)?;
    let rest = text[end..].trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
    Some((people, rest))
}

/// Where the names end: before a quoted title, or at a full stop that is
/// not an initial's (`A.`, `J.-P.`), `et al.` or a suffix's.
fn authors_end(text: &str) -> Option<usize> {
    let quote = text.find(['"', '“', '«']);
    if vancouver(text) {
        // `Berg A, Moser KL. Title`: the stop after a run of capitals.
        let mut from = 0;
        while let Some(k) = text[from..].find(". ") {
            let at = from + k;
            let word = text[..at].rsplit(' ').next().unwrap_or("");
            if word == "al" || (word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase())) {
                return Some(at);
            }
            from = at + 2;
        }
    }
    let mut from = 0;
    while let Some(k) = text[from..].find(". ") {
        let at = from + k;
        let word = text[..at].rsplit([' ', ',']).next().unwrap_or("");
        let word = word.rsplit('.').next().unwrap_or(word);
        let initial = super::entry_names::initial_letters(word)
            || word
                .strip_prefix('-')
                .is_some_and(|w| w.chars().count() == 1);
        // `…, Michael Isard, et al. Title`: the list ends there.
        if word == "al" && text[..at].trim_end_matches("al").trim_end().ends_with("et") {
            return Some(quote.map_or(at, |q| q.min(at)));
        }
        let keep = initial || matches!(word, "Jr" | "Sr" | "Ed" | "Eds" | "eds" | "ed" | "St");
        if !keep {
            return Some(quote.map_or(at, |q| q.min(at)));
        }
        from = at + 2;
    }
    quote
}

/// Whether the list starts `Family AB,` or `Family AB.` (Vancouver).
fn vancouver(text: &str) -> bool {
    let first = text.split([',', '.']).next().unwrap_or("");
    // `Berg A, Moser KL.`; `Zellig S. Harris.` is a given name's initial.
    if !text[first.len()..].starts_with(',') {
        return false;
    }
    let words: Vec<&str> = first.split_whitespace().collect();
    let Some((caps, family)) = words.split_last() else {
        return false;
    };
    !family.is_empty()
        && family.len() <= 3
        && caps.len() <= 3
        && caps.chars().all(|c| c.is_ascii_uppercase())
        && family
            .iter()
            .all(|w| is_name_word(w) && !w.ends_with('.') || is_particle(w))
}

#[cfg(test)]
#[path = "entries_names_tests.rs"]
mod names_tests;
#[cfg(test)]
#[path = "entries_tests.rs"]
mod tests;
