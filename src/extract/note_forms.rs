//! Footnotes in the note styles: the author's given name first and the
//! parts of the citation joined by commas (Chicago notes, Bluebook,
//! OSCOLA, continental law writing), as opposed to the reference-list
//! forms that put the family name first and end each part with a full
//! stop (those are `citations`' and `entries`').
//!
//! 1. **Cases**: `Name v. Name, 412 F.3d 118, 124 (2d Cir. 2005)`
//!    (Bluebook) and `Name v Name [1998] AC 412 (HL)` (OSCOLA): the case
//!    name is the title, the reporter the container, the year the one in
//!    the brackets.
//! 2. **Works**: names given first (`Helen Okafor and David Marsh`, `K.
//!    HALDEN`, `J. VAN DER BERG & L. KOOPMAN`, `Chen Weiming`), a comma,
//!    then the title: quoted (an article or chapter), emphasised (a book,
//!    or a law review article in Bluebook), or plain; then what the style
//!    puts after it (see [`publication`]).
//! 3. **Lead-ins**: a note may open with prose (`For the opposite view,
//!    see …`, `A useful survey is …`). The citation is looked for after
//!    it, and taken only with strong evidence: a title set apart, a
//!    reporter or a publisher, and a year.
//! 4. **Laws**: `Copyright Act, Art. 95` (see [`legislation`]), at the
//!    note's start.
//! 5. **Court decisions** cited by court and date, docket or reporter
//!    (`BGH, 12.10.2006, I ZR 4/04`, `HR 4 June 1999, NJ 2000, 12`; see
//!    [`decision`]), tried with the cases.

use super::citations::{clean, Reference};
use super::note_cases::case;
use super::note_courts::decision;
use super::note_facts::publication;
use super::note_laws::legislation;
use super::note_names::given_first;
use super::note_precedents::precedent;
use super::years::find_years;

/// The citation in a note written in one of the note styles, or `None`.
/// A signal at the very start is already dropped. `listed`: the note
/// opens with names in a reference-list form (`Lo, Bobo.`), which only a
/// case or a law at its start overrides.
pub(super) fn read(text: &str, listed: bool) -> Option<Reference> {
    let text = text.trim();
    for (at, first) in starts(text) {
        let t = &text[at..];
        if let Some(r) = case(t).or_else(|| decision(t)).or_else(|| precedent(t)) {
            return Some(r);
        }
        if let Some(r) = first.then(|| legislation(t)).flatten() {
            return Some(r);
        }
        if listed {
            return None;
        }
        if let Some(r) = work(t, first) {
            return Some(r);
        }
    }
    None
}

/// Where a citation may begin: the note's start, then the start of every
/// capitalised word after a lowercase word, a comma or a colon (the end
/// of a lead-in), in the note's first 400 bytes.
fn starts(text: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    let later = text.match_indices(' ').filter_map(move |(i, _)| {
        let at = i + 1;
        let next = text[at..].chars().next()?;
        let before = text[..i].split(' ').next_back()?;
        let lead = before.ends_with([',', ':', '.'])
            || before.chars().next().is_some_and(char::is_lowercase)
            || matches!(before, "See" | "Compare" | "Also" | "Contra");
        (at < 400 && lead && (next.is_uppercase() || OPEN_QUOTES.contains(&next)))
            .then_some((at, false))
    });
    std::iter::once((0, true)).chain(later)
}

const OPEN_QUOTES: &[char] = &['"', '“', '‘', '«', '„'];

/// Rule 2: names, then a title, then the publication facts.
fn work(t: &str, first: bool) -> Option<Reference> {
    let (authors, at) = given_first(t).or_else(|| first.then(|| corporate(t)).flatten())?;
    let rest = &t[at..];
    let mut r = Reference {
        authors,
        ..Reference::default()
    };
    let (title, kind, rest) = if strip_in(rest).is_some() {
        // `WERNER, in: Dreier/Schulze (ed.), *Title*`: a commentary's author.
        (None, Set::Plain, rest)
    } else {
        split_title(rest)?
    };
    r.title = title
        .map(|t| caps_title(&clean(&t)))
        .filter(|t| !t.is_empty());
    let facts = publication(rest, kind, &mut r);
    let apart = kind != Set::Plain || facts.reporter;
    // After a lead-in: a title set apart, or one followed by its
    // publisher (`Casebook on Contract (Hart Publishing, 2007)`).
    // Continental writing puts authors in capitals (`MARLY, Title, ref.
    // 926`): a citation even without a year.
    let capitals = t
        .split(',')
        .next()
        .is_some_and(|a| a.len() >= 3 && !a.chars().any(char::is_lowercase));
    // `…, DREIER, in: Dreier/Schulze (ed.), UrhG, § 69a`: a commentary's
    // author in capitals is no prose.
    let commentary = capitals && strip_in(rest).is_some();
    let strong = (apart || r.publisher.is_some()) && r.year.is_some() || commentary;
    let enough = first
        && (apart || r.year.is_some() || r.container.is_some() || capitals && r.title.is_some());
    if !(strong || enough) || (r.title.is_none() && r.container.is_none()) {
        return None;
    }
    // A container and a date with its day or month (`*New York Times*,
    // March 3, 1985`): a newspaper's or magazine's, not a book's chapter.
    let dated = r.date.as_deref().is_some_and(|d| d.len() > 4);
    r.kind = facts
        .kind
        .unwrap_or(if r.volume.is_some() || r.issue.is_some() {
            "article-journal"
        } else if r.container.is_some() && dated {
            super::fields::periodical_kind(&r)
        } else if r.container.is_some() {
            "chapter"
        } else {
            "book"
        });
    Some(r)
}

/// `THE LAW OF INTERNATIONAL WATERCOURSES` → `The Law of International
/// Watercourses`: a title in capitals (the Bluebook's large and small
/// capitals, as a PDF's text gives them), in title case; others as they
/// are.
fn caps_title(t: &str) -> String {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || t.chars().any(char::is_lowercase) || t.split_whitespace().count() < 2 {
        return t.to_string();
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
    ];
    t.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// `United Nations Conference on Trade and Development, *World …*`: an
/// organisation as the author, before a title set apart.
fn corporate(t: &str) -> Option<(Vec<super::names::Person>, usize)> {
    let comma = t.find(", ")?;
    let (name, after) = (&t[..comma], &t[comma + 2..]);
    let words: Vec<&str> = name.split(' ').collect();
    let fits = (2..=10).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && !matches!(words[0], "The" | "A" | "An" | "In" | "On" | "For" | "See")
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
                || matches!(
                    *w,
                    "of" | "on" | "and" | "for" | "the" | "&" | "de" | "du" | "des" | "für"
                )
        })
        && after.starts_with(['*', '“', '"', '‘', '«']);
    fits.then(|| {
        let org = super::names::Person {
            family: name.to_string(),
            given: String::new(),
        };
        (vec![org], comma + 2)
    })
}

/// What follows `in` or `in:` (a chapter's book, a commentary).
pub(super) fn strip_in(t: &str) -> Option<&str> {
    t.strip_prefix("in: ").or_else(|| t.strip_prefix("in "))
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Set {
    Quoted,
    Emphasis,
    Plain,
}

/// The title at the start of `t`, how it is set, and what follows it.
fn split_title(t: &str) -> Option<(Option<String>, Set, &str)> {
    let open = t.chars().next()?;
    if let Some(close) = closing_quote(open) {
        let body = &t[open.len_utf8()..];
        let end = body
            .char_indices()
            .find(|&(i, c)| {
                close.contains(&c)
                    && body[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_alphanumeric())
            })
            .map(|(i, _)| i)?;
        let close_len = body[end..].chars().next()?.len_utf8();
        let title = body[..end].trim().trim_end_matches([',', '.']);
        return Some((
            Some(title.to_string()),
            Set::Quoted,
            after_title(&body[end + close_len..]),
        ));
    }
    if let Some(inner) = t.strip_prefix('*') {
        let end = inner.find('*')?;
        return Some((
            Some(inner[..end].to_string()),
            Set::Emphasis,
            after_title(&inner[end + 1..]),
        ));
    }
    if !open.is_uppercase() && !open.is_ascii_digit() {
        return None;
    }
    // A plain title ends before a Bluebook volume (`, 81 Yale L.J.`), a
    // parenthesis, or pages and a parenthesis (`45–48 (3d ed. 2015)`),
    // else at its first comma or full stop.
    let mut end = t.len();
    for (i, w) in word_spans(t) {
        if i > 0 && w.starts_with('(') {
            end = i;
            break;
        }
        let bare = w.trim_end_matches(',');
        if i > 0
            && bare.starts_with(|c: char| c.is_ascii_digit())
            && bare.chars().all(|c| c.is_ascii_digit() || "–-".contains(c))
            && t[i..].contains('(')
        {
            end = i;
            break;
        }
        if w.ends_with(',') || (w.ends_with('.') && w.chars().count() > 3) {
            end = i + w.len() - 1;
            break;
        }
    }
    Some((
        Some(t[..end].to_string()),
        Set::Plain,
        after_title(&t[end..]),
    ))
}

fn after_title(rest: &str) -> &str {
    rest.trim_start_matches([',', '.', ';', ':', ' '])
}

fn closing_quote(open: char) -> Option<&'static [char]> {
    Some(match open {
        '"' => &['"'],
        '“' => &['”', '"'],
        '‘' => &['’'],
        '«' => &['»'],
        '„' => &['“', '”'],
        _ => return None,
    })
}

/// The note's first citation, as the readers of one form look at it: its
/// first `limit` bytes, up to the `; ` that would start another.
pub(super) fn first_citation(t: &str, limit: usize) -> &str {
    let window = &t[..crate::chars::floor(t, limit)];
    &window[..window.find("; ").unwrap_or(window.len())]
}

/// Words and their byte offsets.
pub(super) fn word_spans(t: &str) -> impl Iterator<Item = (usize, &str)> {
    t.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// A year written alone (`2005`, `2005)`, `2005,`).
pub(super) fn year_word(w: &str) -> Option<i32> {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1400..=2100).contains(y))
}

/// What [`publication`] found beyond the fields it set.
#[derive(Default)]
pub(super) struct Facts {
    /// A Bluebook or OSCOLA volume–journal–page citation.
    pub reporter: bool,
    pub kind: Option<&'static str>,
}

/// The first date in `t`, as a year and an ISO date of its precision.
pub(super) fn first_date(t: &str) -> Option<(i32, String)> {
    let h = find_years(t, (1400, 2100)).into_iter().next()?;
    Some((h.year, super::fields::iso_of(&h)))
}

#[cfg(test)]
#[path = "note_forms_tests.rs"]
mod tests;
