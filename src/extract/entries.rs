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
use super::fields::{kind, read_fields, split_fields};
use super::names::Person;

/// A parsed entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// How the text cites it, when it is numbered or keyed: `12`, `Ber12`.
    pub label: Option<String>,
    pub reference: Reference,
}

/// Parses one entry from its marked text (`*italic*`, `{link text}`, see
/// `citations::marked_text`) and the URLs of its links.
pub fn parse_entry(marked: &str, mut urls: Vec<String>) -> Option<Entry> {
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
    let dated = author_date(body, &mut r).filter(|(_, after)| !after.trim().is_empty());
    if dated.is_none() {
        r.year = None;
    }
    let (authors, after) = dated.or_else(|| author_title(body))?;
    r.authors = authors;
    let (title, rest) = split_title(after);
    // `Title, 2018.` or `Title, February 2023.`: the date after the title
    // with nothing between (a later year in the rest is another date's).
    let title = match title_date(&title) {
        Some((t, year)) if r.year.is_none() => {
            r.year = Some(year);
            t.to_string()
        }
        _ => title,
    };
    // Stray accents a PDF left before the title (`¨ Learning to count`).
    let title = title.trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"“*'‘(".contains(c));
    r.title = Some(clean(title)).filter(|t| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !t.eq_ignore_ascii_case("url")
    });
    // `In Proceedings of …`, `In *Book*, edited by …`: a part of a larger work.
    let part_of = rest.starts_with("In ") || rest.starts_with("in ");
    let rest = if part_of { &rest[3..] } else { rest };
    let rest = numbers(rest, &mut r);
    let rest = rest.as_str();
    let genre = read_fields(rest, &mut r);
    if r.year.is_none() {
        r.year = last_year(rest).map(|(y, _)| y);
    }
    r.kind = kind(&r, genre.as_deref());
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
    }
    // A numbered entry a page end cut short still names its work.
    let dated = r.year.is_some()
        || label.is_some()
            && r.title
                .as_deref()
                .is_some_and(|t| t.split_whitespace().count() >= 3);
    (r.title.is_some() && dated && !r.authors.is_empty()).then(|| Entry {
        label: label.map(str::to_string),
        reference: r,
    })
}

/// Rule 1: (label, the rest).
fn take_label(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start();
    // `{[28]} Y. Zhang`: a label a converter made a link.
    if let Some((inner, rest)) = t.strip_prefix('{').and_then(|r| r.split_once('}')) {
        if let (Some(label), "") = take_label(inner) {
            return (Some(label), rest.trim_start());
        }
    }
    let bracket = t
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .or_else(|| t.strip_prefix('(').and_then(|r| r.split_once(')')));
    if let Some((label, rest)) = bracket {
        if (1..=12).contains(&label.len()) && label.chars().all(|c| c.is_alphanumeric() || c == '+')
        {
            return (Some(label), rest.trim_start());
        }
    }
    if let Some((n, rest)) = t.split_once(['.', ')']) {
        if (1..=4).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(' ')
        {
            return (Some(n), rest.trim_start());
        }
    }
    (None, t)
}

/// `Berg et al. (2012) Anna Berg, …` → `Anna Berg, …`.
fn skip_citation_label(text: &str) -> &str {
    let Some(open) = text.find(" (") else {
        return text;
    };
    if open > 60 {
        return text;
    }
    let after = &text[open + 2..];
    let Some(close) = after.find(") ") else {
        return text;
    };
    let year = &after[..close];
    let is_year = year.len() >= 4
        && year[..4].bytes().all(|b| b.is_ascii_digit())
        && year[4..].chars().all(|c| c.is_ascii_lowercase());
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = &after[close + 2..];
    // The label names the entry's first author again.
    let repeats = rest
        .split([',', '.'])
        .next()
        .is_some_and(|a| a.contains(first));
    if is_year && repeats && first.starts_with(char::is_uppercase) {
        rest
    } else {
        text
    }
}

/// Rule 3: authors, then the year. Returns the authors and the text after
/// the year, and sets the year (and date) on `r`.
fn author_date<'a>(text: &'a str, r: &mut Reference) -> Option<(Vec<Person>, &'a str)> {
    let (year, at) = first_year(text)?;
    let before = text[..at].trim_end();
    let paren = before.ends_with('(');
    let names = before.trim_end_matches('(').trim_end();
    if names.is_empty() || !names.ends_with(['.', ',']) && !paren {
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
    let quote = text.find(['"', '“']);
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
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase)
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

/// Volume, issue and pages written as bare numbers after the container
/// (`*Political Geography*, *45*, 55–66`, `Energy Policy Review 14, 3
/// (2012), 211–230`, `9(2):44-61`, `2016;14(3):211-30`), set on `r` and
/// taken out of the text the field reader gets.
fn numbers(rest: &str, r: &mut Reference) -> String {
    let mut kept: Vec<String> = Vec::new();
    for seg in split_fields(rest) {
        let raw = seg.trim();
        let s = raw.trim_end_matches('.').replace('*', "");
        let mut s = s.trim();
        // `… 3 (2011)`: the year again, after volume or issue.
        if let Some((before, y)) = s.rsplit_once(" (") {
            let y = y.trim_end_matches(')');
            if y.len() == 4
                && y.bytes().all(|b| b.is_ascii_digit())
                && before.ends_with(|c: char| c.is_ascii_digit())
            {
                r.year.get_or_insert(y.parse().unwrap_or(0));
                s = before;
            }
        }
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let range = |t: &str| {
            let t = t.trim();
            t.split_once(['–', '-'])
                .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
        };
        // `2016;14(3):211-30`: a Vancouver year first.
        let s = match s.split_once(';') {
            Some((y, more)) if y.len() == 4 && digits(y) => {
                r.year.get_or_insert(y.parse().unwrap_or(0));
                more
            }
            _ => s,
        };
        let (vol_issue, pages) = match s.split_once(':') {
            Some((a, b)) if range(b) || digits(b.trim()) => (a.trim(), Some(b.trim())),
            _ => (s, None),
        };
        let (vol, issue) = match vol_issue.split_once('(') {
            Some((v, i)) => (v.trim(), i.strip_suffix(')').map(str::trim)),
            None => (vol_issue, None),
        };
        let is_year = vol.len() == 4 && issue.is_none() && pages.is_none();
        if digits(vol) && !is_year && issue.is_none_or(digits) {
            if r.volume.is_some() && r.issue.is_none() && issue.is_none() && pages.is_none() {
                // `Review 14, 3`: the issue after the volume.
                r.issue = Some(vol.to_string());
            } else {
                r.volume.get_or_insert(vol.to_string());
                if let Some(i) = issue {
                    r.issue.get_or_insert(i.to_string());
                }
            }
            if let Some(p) = pages {
                r.pages.get_or_insert(p.replace(' ', ""));
            }
        } else if range(s) && r.pages.is_none() {
            r.pages = Some(s.replace(' ', ""));
        } else if let Some((name, vol)) = s.rsplit_once(' ').filter(|(n, v)| {
            digits(v) && v.len() <= 4 && n.chars().any(char::is_alphabetic) && r.volume.is_none()
        }) {
            // `Energy Policy Review 14`.
            if vol.len() < 4 {
                r.volume = Some(vol.to_string());
                kept.push(name.to_string());
            } else {
                kept.push(raw.to_string());
            }
        } else {
            kept.push(raw.to_string());
        }
    }
    kept.join(", ")
}

/// `Title, 2018` or `Title, February 2023`: (title, year).
fn title_date(title: &str) -> Option<(&str, i32)> {
    let (t, date) = title.rsplit_once(", ")?;
    let mut words = date.split_whitespace().rev();
    let year = words.next()?;
    let month = words.next();
    if words.next().is_some() || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(m) = month {
        let m = m.to_lowercase();
        if !super::years::MONTHS.iter().any(|name| {
            m.starts_with(&name[..3.min(name.len())]) && name.starts_with(m.trim_end_matches('.'))
        }) {
            return None;
        }
    }
    let y: i32 = year.parse().ok()?;
    (1500..2100).contains(&y).then_some((t, y))
}

/// Rule 5: (title, rest).
fn split_title(text: &str) -> (String, &str) {
    let t = text.trim_start();
    for (open, close) in [('"', '"'), ('“', '”'), ('*', '*')] {
        if let Some(inner) = t.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                let rest = &inner[end + close.len_utf8()..];
                let rest =
                    rest.trim_start_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
                return (inner[..end].trim_end_matches([',', '.']).to_string(), rest);
            }
        }
    }
    let mut depth = 0i32;
    for (i, c) in t.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '.' | '?' | '!' if depth <= 0 => {
                let next = t[i + 1..].chars().next();
                if next.is_none_or(char::is_whitespace) {
                    let keep = if c == '.' { i } else { i + 1 };
                    return (t[..keep].to_string(), t[i + 1..].trim_start());
                }
            }
            _ => {}
        }
    }
    (t.to_string(), "")
}

/// The first plausible publication year: four digits from 1500 to 2099
/// standing alone (an `a`/`b` suffix allowed); (year, byte offset).
fn first_year(text: &str) -> Option<(i32, usize)> {
    years(text).next()
}

fn last_year(text: &str) -> Option<(i32, usize)> {
    years(text).last()
}

fn years(text: &str) -> impl Iterator<Item = (i32, usize)> + '_ {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).filter_map(move |i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let after = b
            .get(i + 4)
            .is_none_or(|c| !c.is_ascii_digit() && !c.is_ascii_uppercase());
        if !(digits && before && after) {
            return None;
        }
        let y: i32 = text[i..i + 4].parse().ok()?;
        (1500..2100).contains(&y).then_some((y, i))
    })
}

/// Rule 6: the people of an author list, or `None` when it is not one.
pub fn names_in(list: &str) -> Option<Vec<Person>> {
    let list = list.trim().trim_end_matches([',', ' ']);
    // A final full stop ends the list, unless it is an initial's.
    let last = list.rsplit([' ', ',', '.']).nth(1).unwrap_or("");
    let list = if list.ends_with('.')
        && !(last.chars().count() == 1 && last.starts_with(char::is_uppercase))
    {
        &list[..list.len() - 1]
    } else {
        list
    };
    let list = list
        .strip_suffix("et al")
        .or_else(|| list.strip_suffix("et al."))
        .unwrap_or(list)
        .trim_end_matches([',', ' ']);
    if list.is_empty() || list.len() > 600 {
        return None;
    }
    let normalised = list
        .replace(", and ", ", ")
        .replace(", & ", ", ")
        .replace(" & ", ", ")
        .replace(" and ", ", ")
        .replace("; ", ", ");
    let parts: Vec<&str> = normalised
        .split(", ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    people(&parts).or_else(|| corporate(list))
}

fn people(parts: &[&str]) -> Option<Vec<Person>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let part = parts[i];
        let next = parts.get(i + 1).copied();
        if is_family(part) && next.is_some_and(is_initials) {
            out.push(Person {
                family: part.to_string(),
                given: next.unwrap_or_default().to_string(),
            });
            i += 2;
        } else if i == 0
            && !part.contains(' ')
            && is_family(part)
            && next.is_some_and(is_given)
            && parts.get(2).is_none_or(|p| direct(p).is_some())
        {
            // `Keller, Jonas, and Anna Berg`: the first name inverted.
            out.push(Person {
                family: part.to_string(),
                given: next.unwrap_or_default().to_string(),
            });
            i += 2;
        } else if matches!(part, "Jr." | "Jr" | "Sr." | "II" | "III") {
            i += 1;
        } else {
            out.push(direct(part)?);
            i += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `Anna Berg`, `P. Ivanova`, `Rianne van den Berg`, `Berg KL`.
fn direct(part: &str) -> Option<Person> {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() < 2
        || words.len() > 5
        || !words.iter().all(|w| is_name_word(w) || is_particle(w))
        // `Sutton.` ends a sentence; only an initial ends in a full stop.
        || words.iter().any(|w| w.ends_with('.') && !is_initials(w))
        || words
            .iter()
            .any(|w| ORGANISATION.contains(&w.trim_end_matches('.')))
    {
        return None;
    }
    let last = words[words.len() - 1];
    // Vancouver: `Berg KL`.
    if last.len() <= 3 && last.chars().all(|c| c.is_ascii_uppercase()) && words.len() >= 2 {
        let family = words[..words.len() - 1].join(" ");
        return is_family(&family).then(|| Person {
            family,
            given: last.to_string(),
        });
    }
    if last.ends_with('.') || is_particle(last) {
        return None;
    }
    let mut k = words.len() - 1;
    while k > 1 && is_particle(words[k - 1]) {
        k -= 1;
    }
    Some(Person {
        family: words[k..].join(" "),
        given: words[..k].join(" "),
    })
}

/// A family name: one to three capitalised words (particles allowed before).
fn is_family(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| is_name_word(w) && !w.ends_with('.') && w.chars().count() > 1)
        && words
            .iter()
            .all(|w| (is_name_word(w) && !w.ends_with('.')) || is_particle(w))
}

/// `S.`, `S. M. A.`, `J.-P.`, `SM`.
fn is_initials(part: &str) -> bool {
    let compact: String = part.chars().filter(|c| !c.is_whitespace()).collect();
    !compact.is_empty()
        && compact.len() <= 12
        && (compact.ends_with('.')
            || compact.chars().all(|c| c.is_uppercase()) && compact.chars().count() <= 3)
        && compact
            .split(['.', '-'])
            .all(|s| s.is_empty() || s.chars().count() == 1 && s.starts_with(char::is_uppercase))
}

/// Given names: capitalised words and initials (`Jonas`, `Daniel R.`).
fn is_given(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=3).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
}

fn is_name_word(w: &str) -> bool {
    let core = w.trim_end_matches('.');
    core.starts_with(char::is_uppercase)
        && core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Words that make a name an organisation's.
const ORGANISATION: &[&str] = &[
    "Agency",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Commission",
    "Committee",
    "Company",
    "Corporation",
    "Council",
    "Department",
    "Foundation",
    "Fund",
    "Group",
    "Inc",
    "Institute",
    "Ltd",
    "Ministry",
    "Nations",
    "Office",
    "Organisation",
    "Organization",
    "Register",
    "Service",
    "Society",
    "Survey",
    "Union",
    "University",
];

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "van"
            | "von"
            | "der"
            | "den"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "el"
            | "ter"
    )
}

/// A short name that is not a person's: an organisation.
fn corporate(list: &str) -> Option<Vec<Person>> {
    let words: Vec<&str> = list.split_whitespace().collect();
    // Not a sentence run on (`Harris. Distributional Structure. WORD`),
    // nor numbers.
    let ok = (1..=8).contains(&words.len())
        && list.starts_with(char::is_uppercase)
        && !list.contains(['"', '“', '*', '{', ':'])
        && !list.contains(". ")
        && !list.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            * 2
            > words.len();
    ok.then(|| {
        vec![Person {
            family: list.to_string(),
            given: String::new(),
        }]
    })
}

#[cfg(test)]
#[path = "entries_tests.rs"]
mod tests;
