//! References: a footnote's text parsed into authors, title, container,
//! volume, issue, pages, date, URLs, DOI and a type.
//!
//! 1. URLs come from the footnote's links and autolinks (and bare `http…`
//!    tokens); a DOI from `doi:10.…` or a `doi.org` URL.
//! 2. `Ibid.` refers to the previous reference of the same document.
//! 3. An author list at the start (`super::names`).
//! 4. The title: quoted (`"…"`, `“…”`), italic (`*…*`, a book) or the leading
//!    phrase up to the first sentence end.
//! 5. The rest, field by field (split at `. ` and `, `): italic or linked
//!    text is the container; `vol`, `no.`, `pp.`; `(2014): 47- 69`; the first
//!    date; genre labels such as `Research report` or `Newspaper article- BBC
//!    World`; `City: Publisher`; other text is the container, then the
//!    publisher.
//!
//! A footnote without a title and without any of date, URL or container is a
//! remark, not a reference, and stays out of the citation index.

use super::fields::{kind, read_fields, year_and_pages};
use super::names::{parse_authors, Person};
use super::note_entries;

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Reference {
    pub authors: Vec<Person>,
    pub title: Option<String>,
    pub container: Option<String>,
    pub publisher: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub year: Option<i32>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub urls: Vec<String>,
    pub doi: Option<String>,
    /// A CSL type: `article-journal`, `article-newspaper`, `report`,
    /// `webpage`, `book` or `document`.
    pub kind: &'static str,
}

pub use super::marked::marked_text;
pub(super) use super::marked::marked_text_in;
pub use super::work_keys::{letters, match_keys, normalise_url};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Reference(Box<Reference>),
    /// `Ibid.`, with any locator after it (`Ibid., p. 4`).
    Ibid(Option<String>),
    /// A remark or author note: not a reference.
    Note,
}

/// Parses one footnote.
pub fn parse_reference(marked: &str, urls: Vec<String>) -> Parsed {
    match read_reference(marked, urls) {
        Parsed::Reference(mut r) => {
            // A page or a reprint's year taken for the year.
            super::entry_years::settle(&mut r, marked);
            super::note_facts::journal_in(&mut r, marked);
            Parsed::Reference(r)
        }
        other => other,
    }
}

/// [`parse_reference`]'s reading, before its year is settled.
fn read_reference(marked: &str, mut urls: Vec<String>) -> Parsed {
    let mut text = String::new();
    for token in marked.split_whitespace() {
        let bare =
            token.trim_matches(|c: char| matches!(c, '<' | '>' | ',' | '.' | ';' | '(' | ')'));
        if bare.starts_with("http://") || bare.starts_with("https://") {
            if !urls.iter().any(|u| u == bare) {
                urls.push(bare.to_string());
            }
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(token);
    }
    let text = super::short_forms::reference_text(&text);
    // `———. Title. …`: a rule of dashes stands for the authors of the
    // reference before (`references` gives them back); what follows is
    // written as a reference-list entry is.
    let text = match note_entries::repeated_authors(&text) {
        Some(rest) => {
            if let Some(r) = note_entries::after_rule(rest, urls.clone()) {
                return Parsed::Reference(Box::new(r));
            }
            rest.to_string()
        }
        None => text,
    };
    if text.to_lowercase().starts_with("ibid") {
        let locator = text[4..].trim_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
        return Parsed::Ibid((!locator.is_empty()).then(|| locator.to_string()));
    }
    // `同上，第15页。`, `同上书`, `同前注`: Chinese for ibid.
    if let Some(rest) = ["同上书", "同上注", "同上", "同前注", "同前书"]
        .iter()
        .find_map(|w| text.strip_prefix(w))
    {
        let locator = rest.trim_matches(|c: char| "，。,.；; ".contains(c));
        return Parsed::Ibid((!locator.is_empty()).then(|| locator.to_string()));
    }
    // `王缉思：《大国关系》，北京：中信出版社，2015年。`
    if let Some(r) = super::note_chinese::read(&text) {
        let doi = find_doi(&text);
        return Parsed::Reference(Box::new(Reference { urls, doi, ..r }));
    }
    // A treaty, a resolution or a report of the United Nations, a law by
    // its code, a hearing or a press release, an archive's document, a
    // note in the Russian style, read whole (`Int'l Law Comm'n, Rep. on …, U.N. Doc.
    // A/58/10` is no article, `Export Administration Regulations, 15
    // C.F.R. § 744.21` no person).
    let public = super::note_intl::treaty(&text)
        .or_else(|| super::note_intl::un_document(&text))
        .or_else(|| super::note_laws::code_cite(&text))
        .or_else(|| super::note_public::read(&text))
        .or_else(|| super::note_archive::read(&text))
        .or_else(|| super::note_gost::read(&text));
    if let Some(r) = public {
        return Parsed::Reference(Box::new(Reference { urls, ..r }));
    }
    // `TransUnion LLC v. Ramirez, 141 S. Ct. 2190 (2021)`: a case at the
    // note's start, before its parties can pass for names.
    if let Some(r) = super::note_cases::case(&text) {
        return Parsed::Reference(Box::new(Reference { urls, ..r }));
    }
    // `Berg, A. (2012). Title. …`: a note written as an author–date
    // reference-list entry is read as one.
    if note_entries::author_date_form(&text) {
        if let Some(e) =
            super::entries::parse_entry(note_entries::without_remark(&text), urls.clone())
        {
            if !e.reference.authors.is_empty() {
                return Parsed::Reference(Box::new(e.reference));
            }
        }
    }
    // `A. Berg, Phys. Rev. D 58, 114029 (1998).`: a journal and its
    // numbers, no title.
    // Not when a container follows `in:` (`Title nach 1945, in: Journal`).
    let read = (!text.contains(", in: "))
        .then(|| super::entry_journal::read(&text).or_else(|| super::entry_cjk::read(&text)))
        .flatten();
    if let Some(j) = read {
        let doi = find_doi(&text);
        return Parsed::Reference(Box::new(Reference { urls, doi, ..j }));
    }
    let entry_urls = urls.clone();
    let mut r = Reference {
        urls,
        ..Reference::default()
    };
    r.doi = find_doi(&text).or_else(|| {
        r.urls
            .iter()
            .find_map(|u| u.split_once("doi.org/").map(|(_, d)| d.to_string()))
    });
    let listed = parse_authors(&text);
    // Given names first and commas between the parts (Chicago notes,
    // Bluebook, OSCOLA, continental notes), or a case: `note_forms`.
    if let Some(n) = super::note_forms::read(&text, listed.is_some()) {
        let n = Reference {
            urls: r.urls,
            doi: r.doi,
            ..n
        };
        // Family names first, several of them (`Gibson, R. L., Reimold,
        // W. U., Title, …`): the entry parser reads such a list whole, where
        // the note rules may stop after the first name. A case or a law
        // (a title, no authors) is never read better so: the entry parser
        // is not asked.
        let may_read_more = !n.authors.is_empty() || n.title.is_none();
        return match may_read_more
            .then(|| note_entries::entry_reading(&text, entry_urls))
            .flatten()
        {
            Some(e) if note_entries::entry_reads_more(&text, &n, &e) => {
                Parsed::Reference(Box::new(e))
            }
            Some(e) => {
                let mut n = n;
                note_entries::journal_from_entry(&mut n, &e);
                Parsed::Reference(Box::new(n))
            }
            None => Parsed::Reference(Box::new(n)),
        };
    }
    let (authors, title_at) = listed.unwrap_or_default();
    r.authors = authors;
    let (title, rest) = split_title(&text[title_at..]);
    r.title = title
        .map(|t| {
            // `Code for X is available at {https://…}`: the work is X; the
            // braces that mark link text are not part of a title.
            let t = [
                "is available at",
                "are available at",
                "is available from",
                "can be found at",
            ]
            .iter()
            .find_map(|p| t.find(p).map(|k| t[..k].trim_end().to_string()))
            .unwrap_or(t);
            clean(&t.replace(['{', '}'], ""))
        })
        .filter(|t| !t.is_empty());
    let genre = read_fields(rest, &mut r);
    let set_apart = text[title_at..]
        .trim_start()
        .starts_with(['"', '“', '*', '{']);
    // A title the note sets apart is the rules' to read; after names
    // the rules and the labeller both found, the labeller finds where the
    // title and the container end.
    if !set_apart && !r.authors.is_empty() {
        super::entry_tagged::Tagged::new(&text).amend_note(&mut r);
    }
    r.kind = kind(&r, genre.as_deref());
    super::fields::separate_publisher(&mut r);
    // Without authors, a note is a reference only when it sets a title
    // apart (quotes, emphasis) or names a date, an address or a DOI: a
    // sentence followed by another (`Note that speed measurements are…`)
    // is a remark, whatever its second sentence looks like.
    let evidence = r.year.is_some()
        || !r.urls.is_empty()
        || r.doi.is_some()
        || r.container.is_some() && (set_apart || !r.authors.is_empty());
    let read = r.title.is_some() && (evidence || !r.authors.is_empty());
    // A note the note rules find no authors in may still be written as a
    // reference-list entry is, in a style they do not know (`Rovers, J.
    // P., Janosik, J. E. & Souney, P. F. Title. Journal 1993, 27, 634.`,
    // `Beautrais AL: Title. Crisis 26: 1-3, 2005`): the entry parser
    // reads it when it finds names, a title and a year or a container.
    if let Some(e) = note_entries::entry_reading(&text, entry_urls) {
        let named = !read || r.authors.is_empty();
        if named && note_entries::names_a_list(&e)
            || read && note_entries::entry_reads_more(&text, &r, &e)
        {
            return Parsed::Reference(Box::new(e));
        }
    }
    if !read {
        // `E. Lund, Notes on lattices, arXiv:1209.2199`: a preprint.
        return super::entry_preprint::preprint(&text, false, r.urls)
            .map_or(Parsed::Note, |p| Parsed::Reference(Box::new(p)));
    }
    Parsed::Reference(Box::new(r))
}

pub(super) fn clean(s: &str) -> String {
    join_broken_hyphens(s)
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '{' | '}'))
        .trim_end_matches(['.', ','])
        .trim()
        .to_string()
}

/// A hyphen a PDF line break left a space after (`China- Russia`,
/// `U.S.- Russia`) joins its words again when a capital follows.
pub(super) fn join_broken_hyphens(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("- ") {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("- ") {
        let before = rest[..at].chars().next_back();
        let after = rest[at + 2..].chars().next();
        out.push_str(&rest[..=at]);
        if before.is_some_and(|c| !c.is_whitespace()) && after.is_some_and(char::is_uppercase) {
            rest = &rest[at + 2..];
        } else {
            out.push(' ');
            rest = &rest[at + 2..];
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

pub(super) fn find_doi(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower
        .find("doi:")
        .map(|i| i + 4)
        .or_else(|| lower.find("doi ").map(|i| i + 4))?;
    let doi = text[at..]
        .split_whitespace()
        .next()?
        .trim_end_matches(['.', ',', ';']);
    doi.starts_with("10.").then(|| doi.to_string())
}

const QUOTES: &[char] = &['"', '“', '”', '\'', '‘', '’'];

/// Rule 4: the title and the text after it.
fn split_title(text: &str) -> (Option<String>, &str) {
    let t = text.trim_start();
    if let Some(open) = t.chars().next().filter(|c| matches!(c, '"' | '“' | '„')) {
        // The closing quote is one that punctuation precedes or follows.
        let body = &t[open.len_utf8()..];
        for (i, c) in body.char_indices() {
            if !QUOTES.contains(&c) || c == '\'' || c == '’' {
                continue;
            }
            let before = body[..i].chars().next_back();
            let after = body[i + c.len_utf8()..].chars().next();
            if before.is_some_and(|b| ".?!,".contains(b))
                || after.is_none_or(|a| ".,;:".contains(a))
            {
                let rest = body[i + c.len_utf8()..].trim_start_matches(['.', ',', ';', ':']);
                return (Some(body[..i].to_string()), rest);
            }
        }
    }
    if let Some(inner) = t.strip_prefix('*') {
        if let Some(end) = inner.find('*') {
            return (
                Some(inner[..end].to_string()),
                inner[end + 1..].trim_start_matches(['.', ',']),
            );
        }
    }
    // The leading phrase, up to `. `, `? ` or `! ` outside brackets.
    let mut depth = 0i32;
    let bytes = t.as_bytes();
    for (i, c) in t.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '.' | '?' | '!' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => {
                let keep = if c == '.' { i } else { i + 1 };
                // `Title, Publisher (2014): 3-40.`: the year-and-pages field
                // after the title's last comma is not part of it.
                if let Some(comma) = t[..keep].rfind(", ") {
                    if year_and_pages(&t[comma + 2..keep]).is_some() {
                        return (Some(t[..comma].to_string()), &t[comma + 1..]);
                    }
                }
                return (Some(t[..keep].to_string()), &t[i + 1..]);
            }
            _ => {}
        }
    }
    (Some(t.to_string()), "")
}

#[cfg(test)]
#[path = "citations_tests.rs"]
pub(super) mod tests;
