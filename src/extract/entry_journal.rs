//! Entries that name no title, as physics and chemistry journals write
//! them: given names as initials first, then the journal's short name and
//! its numbers (`A. Berg, B. Cole, and C. Dunn, Phys. Rev. D 58, 114029
//! (1998)`, `K. Moro et L. Petit. J. Am. Chem. Soc. 103, 2450 (1981)`,
//! `P.W. Lund, Physica 27 (1961) 1209`, `J. Chem. Phys. 1992, 96, 1709`),
//! often with the spaces a PDF converter leaves (`114029( 1998)`).

use super::citations::Reference;
pub(super) use super::entry_journal_names::initials_first;
use super::entry_journal_names::lead_author;

/// The entry read as authors, journal, volume, pages and year; `None`
/// unless the whole text has that form.
pub(super) fn read(text: &str) -> Option<Reference> {
    let text = tidy(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let (authors, at) = initials_first(&words).or_else(|| lead_author(&words))?;
    // `Liu C et al 2016 Phys. Rev. Lett. 116 112501`: the year first.
    let (container, found, year) = journal_numbers(&words[at..])?;
    Some(Reference {
        authors,
        ..article(container, found, Some(year?))
    })
}

/// A journal's short name and its numbers at the start of `words`, after
/// a year that may come first (`2016 Phys. Rev. Lett. 116 112501`): the
/// name, the numbers, and the year from either place.
fn journal_numbers(words: &[&str]) -> Option<(String, Numbers, Option<i32>)> {
    let year_first = words
        .first()
        .and_then(|w| w.trim_end_matches(',').parse::<i32>().ok())
        .filter(|y| (1700..=2100).contains(y));
    let from = usize::from(year_first.is_some());
    let (container, at) = journal(&words[from..])?;
    let found = numbers(&words[from + at..], year_first.is_some())?;
    let year = year_first.or(found.year);
    Some((container, found, year))
}

/// An article in `container` with the numbers found after its name.
fn article(container: String, found: Numbers, year: Option<i32>) -> Reference {
    Reference {
        container: Some(container),
        volume: Some(found.volume),
        issue: found.issue,
        pages: found.pages,
        year,
        date: year.map(|y| y.to_string()),
        kind: "article-journal",
        ..Reference::default()
    }
}

/// An entry that is only a journal and its numbers (`Bioresource
/// Technology 99 (2008) 4919–4928`, `J Nucl Med 28: 1192-1198, 1987`): the
/// line a PDF parted from its authors, or a running head; read in
/// reference lists only.
pub(super) fn journal_only(text: &str) -> Option<Reference> {
    // A run of names and numbers with no stop, comma or bracket is a
    // figure's labels or a table row, not a citation.
    if !text.contains(['.', ',', ':', ';', '(']) {
        return None;
    }
    let text = tidy(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    // `2011 New J. Phys. 13 013025`: the year first, as a running head
    // gives it.
    let (container, found, year) = journal_numbers(&words)?;
    found.pages.as_ref()?;
    Some(article(container, found, year))
}

/// Whether every number of `text` is one of `r`'s (volume, issue, pages,
/// year): `14, 3 (2012), 211–230` is more than a volume, page and year.
pub(super) fn reads_every_number(text: &str, r: &Reference) -> bool {
    let year = r.year.map(|y| y.to_string());
    let fields = [&r.volume, &r.issue, &r.pages, &year];
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .all(|n| {
            fields.iter().any(|f| {
                f.as_deref()
                    .is_some_and(|f| f.split(|c: char| !c.is_ascii_digit()).any(|m| m == n))
            })
        })
}

/// A book as physics writes it: names with initials first, the title,
/// then publisher, place and year in parentheses (`S. Lund, Gravitation
/// and Rings (Wiley, New York, 1972)`, `… (Wiley, New York ), 1977.`,
/// `… (Westview, New York , 1995 ), Ch. 4.`).
pub(super) fn book(text: &str) -> Option<Reference> {
    let text = tidy(text);
    let open = text.find(" (")?;
    let words: Vec<&str> = text[..open].split_whitespace().collect();
    let (authors, at) = initials_first(&words)?;
    let title = words[at..].join(" ");
    let title = title.trim_end_matches([',', ' ']);
    let numbered = title
        .split_whitespace()
        .any(|w| w.bytes().all(|b| b.is_ascii_digit()));
    // A full stop inside parts the title from something else (a
    // proceedings' name): not this form.
    if title.split_whitespace().count() < 2
        || numbered
        || title.contains(['"', '“'])
        || title.contains(". ")
    {
        return None;
    }
    let close = open + text[open..].find(')')?;
    let facts: Vec<&str> = text[open + 2..close].split(',').map(str::trim).collect();
    let as_year = |s: &str| s.parse::<i32>().ok().filter(|y| (1500..=2100).contains(y));
    // What follows: a year, a chapter or page, or nothing.
    let after =
        text[close + 1..].trim_matches(|c: char| c == '.' || c == ',' || c == ';' || c == ' ');
    let year = facts
        .iter()
        .find_map(|f| as_year(f))
        .or_else(|| as_year(after.get(..4)?))?;
    let tail_ok = after.is_empty()
        || as_year(after.get(..4).unwrap_or("")).is_some() && after.len() <= 6
        || after.starts_with(['p', 'C', 'V']) && after.len() <= 16;
    let publisher = facts
        .first()
        .filter(|p| as_year(p).is_none() && !p.is_empty())?;
    if !tail_ok || facts.len() > 4 || !publisher.starts_with(char::is_uppercase) {
        return None;
    }
    Some(Reference {
        authors,
        title: Some(title.to_string()),
        publisher: Some(publisher.to_string()),
        year: Some(year),
        date: Some(year.to_string()),
        kind: "book",
        ..Reference::default()
    })
}

/// `114029( 1998) .` → `114029 (1998).`, `1021 -1060` → `1021-1060`: the
/// spaces a PDF converter moved.
pub(super) fn tidy(text: &str) -> String {
    let mut t = super::entry_titles::parentheses(text).unwrap_or_else(|| text.to_string());
    for (from, to) in [(" ,", ","), (" .", "."), (" ;", ";"), (" :", ":")] {
        t = t.replace(from, to);
    }
    let mut out = String::with_capacity(t.len() + 8);
    for (i, c) in t.char_indices() {
        if c == '(' && t[..i].ends_with(|p: char| p.is_alphanumeric()) {
            out.push(' ');
        }
        // `1021 -1060`, `1021- 1060`: one page range.
        let digit_after = |k: usize| t[k..].starts_with(|d: char| d.is_ascii_digit());
        let in_range = c == ' '
            && (t[i + 1..].starts_with(['-', '–'])
                && digit_after(i + 1 + t[i + 1..].chars().next().map_or(1, char::len_utf8))
                && out.ends_with(|d: char| d.is_ascii_digit())
                || out.ends_with(['-', '–'])
                    && digit_after(i + 1)
                    && out
                        .trim_end_matches(['-', '–'])
                        .ends_with(|d: char| d.is_ascii_digit()));
        if !in_range {
            out.push(c);
        }
    }
    out
}

/// The journal's short name at the start of `words`, up to the first
/// number: abbreviations (`Phys. Rev. Lett.`, `Prog.Part.Nucl.Phys.`), a
/// section letter (`D`), or one or two plain capitalised names
/// (`Physica`, `Nature`).
fn journal(words: &[&str]) -> Option<(String, usize)> {
    let mut i = 0;
    let mut abbreviated = false;
    while let Some(w) = words.get(i) {
        if w.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
            break;
        }
        let bare = w.trim_end_matches(',');
        // `Phys.`, `Phys.Rev.E` (a converter's lost spaces).
        let dotted = bare.starts_with(char::is_uppercase)
            && bare.contains('.')
            && bare.chars().all(|c| c.is_alphabetic() || c == '.');
        let section = bare.chars().count() <= 2 && bare.chars().all(char::is_uppercase);
        let name = bare.starts_with(char::is_uppercase) && bare.chars().all(char::is_alphabetic);
        // `Expert Systems with Applications`, `JOURNAL OF VIROLOGY`.
        let joining = matches!(
            bare.to_lowercase().as_str(),
            "of" | "&" | "and" | "de" | "für" | "with" | "in" | "on" | "for" | "the"
        ) && i > 0;
        if !(dotted || section || name || joining) || i >= 8 {
            return None;
        }
        abbreviated |= dotted;
        i += 1;
        // A comma ends the name (`J. Geophys. Res., 114`).
        if w.ends_with(',') {
            break;
        }
    }
    let plain_names = words[..i]
        .iter()
        .filter(|w| !w.ends_with('.') && w.starts_with(char::is_uppercase))
        .count();
    (i > 0 && (abbreviated || plain_names <= 4)).then(|| {
        let name = words[..i].join(" ");
        // Without its last full stop, as other entries' journals are.
        (name.trim_end_matches([',', '.']).to_string(), i)
    })
}

/// The numbers after a journal's name.
struct Numbers {
    volume: String,
    issue: Option<String>,
    pages: Option<String>,
    year: Option<i32>,
}

/// Volume, issue, pages and year after the journal: `58, 114029 (1998)`,
/// `27 (1961) 1209`, `1992, 96, 1709-15`, `64 (4): 1590-1597, 1990`, `22:
/// 707, 1973`. Text after them (an arXiv number, `[INSPIRE]`) is left.
/// With `dated` the year came before the journal.
fn numbers(words: &[&str], dated: bool) -> Option<Numbers> {
    let mut year = None;
    let mut rest: Vec<String> = Vec::new();
    let mut issue = None;
    // The year was the first number (`1992, 96, 1709`), unless a year in
    // parentheses follows (`JHEP 1703, 101 (2017)`: 1703 is the volume).
    let mut year_first = false;
    for (k, w) in words.iter().take(5).enumerate() {
        let bracketed = w.starts_with('(');
        let bare = w.trim_matches(|c: char| ",;.:()".contains(c));
        if bare.is_empty() || !bare.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        let as_year = bare
            .parse::<i32>()
            .ok()
            .filter(|y| (1700..=2100).contains(y));
        let number = bare
            .chars()
            .all(|c| c.is_alphanumeric() || "-–".contains(c))
            && bare.chars().filter(char::is_ascii_alphabetic).count() <= 2;
        // The year in parentheses, or first (`1992, 96, 1709`), or last.
        match as_year {
            Some(y) if !dated && year.is_none() && (bracketed || k == 0 || rest.len() >= 2) => {
                year = Some(y);
                year_first = k == 0 && !bracketed;
            }
            Some(y) if bracketed && year_first => {
                if let Some(first) = year.replace(y) {
                    rest.insert(0, first.to_string());
                }
                year_first = false;
            }
            // `64 (4): 1590`: the issue, in parentheses after the volume.
            _ if bracketed && rest.len() == 1 && issue.is_none() && number => {
                issue = Some(bare.to_string());
            }
            _ if number => rest.push(bare.to_string()),
            _ => break,
        }
        if w.ends_with(['.', ';']) && !w.ends_with("..") {
            break;
        }
    }
    let mut rest = rest.into_iter();
    Some(Numbers {
        volume: rest.next()?,
        issue,
        pages: rest.next(),
        year: if dated { None } else { Some(year?) },
    })
}

#[cfg(test)]
#[path = "entry_journal_tests.rs"]
mod tests;
