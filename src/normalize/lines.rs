//! What one line of plain text is: a headline, a heading, a date line, a
//! byline or a photo caption's credit. The rules are numbered as in
//! [`super::plaintext`], which applies them.

use super::text::{ends_sentence, is_small_word, split_names};

/// A title: short, no final full stop or comma, mostly capitalised words.
/// Rule 3: the first line is the headline when it is short, does not end
/// like a sentence, is mostly words, and text follows it. Its case does
/// not matter: news headlines are mostly in sentence case
/// (`Russia and China sign a new gas deal`).
pub fn is_headline(line: &str, next: &str) -> bool {
    let words = line.split_whitespace().count();
    // Body text follows: a longer line, a sentence, or a byline.
    headline_shape(line)
        && (next.split_whitespace().count() > words
            || ends_sentence(next)
            || parse_byline(next).is_some())
}

/// A line shaped like a headline: at most twenty words, mostly words, no
/// final stop, not a byline, a date line or a photo credit.
pub fn headline_shape(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 20 || line.chars().count() > 160 {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':']) || photo_credit(line).is_some() {
        return false;
    }
    parse_byline(line).is_none() && mostly_words(line) && !is_date_line(line)
}

/// Rule 7: a line inside the text is a heading only with evidence: short,
/// mostly words (never a number such as `1,375` or a score line such as
/// `Arsenal 2 Chelsea 1`), no list of names, in title case, capitals or
/// numbered, and between running text: a longer sentence follows it and it
/// does not continue a run of short lines (a list of results or names).
pub fn is_heading(line: &str, prev: Option<&str>, next: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 10 || line.chars().count() > 100 {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':']) || line.matches(',').count() > 1 || exclaims(line) {
        return false;
    }
    // The text after a heading opens like a sentence; a lower-case word or
    // a stop there continues a line that was cut in two.
    if !next
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘«„(".contains(c))
    {
        return false;
    }
    let numbers = line
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    let numbered = line
        .split_whitespace()
        .next()
        .is_some_and(is_section_number);
    if !mostly_words(line) || numbers > usize::from(numbered) {
        return false;
    }
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    let body = |p: &str| ends_sentence(p) && p.split_whitespace().count() >= (2 * words).max(8);
    // Not the last of a run of short lines of words (a list of names).
    let listed = |p: &str| {
        p.split_whitespace().count() <= 12
            && !ends_sentence(p)
            && !p.contains(':')
            && !p.chars().any(|c| c.is_ascii_digit())
    };
    if !body(next) || prev.is_some_and(listed) {
        return false;
    }
    // A sentence-case subhead (`Storage and the next harvest`) inside the
    // text, with no figures in it.
    let sentence_case =
        words <= 8 && numbers == 0 && prev.is_some() && line.starts_with(char::is_uppercase);
    numbered || capitals || is_title_like(line) || sentence_case
}

/// An exclamation, a doubled mark or a trailing ellipsis (`Rainbow!`,
/// `Really??`, `Give us a break...`), or two sentences in one line
/// (`Veritas? It's the same party`): a reader's remark, not a heading.
fn exclaims(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(['!', '…'])
        || line.ends_with("...")
        || line.contains("??")
        || line.contains("?!")
        || line.match_indices(['?', '!']).any(|(i, _)| {
            line[i + 1..].starts_with(' ')
                && line[i + 1..].trim_start().starts_with(char::is_uppercase)
        })
}

/// `1.`, `2.3`, `IV.`: a section number.
fn is_section_number(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    !w.is_empty()
        && (w.chars().all(|c| c.is_ascii_digit() || c == '.')
            || w.chars().all(|c| "IVXLC".contains(c)))
}

/// Letters make up most of a line (not `1,375`, `2:1`, `Q3 2019`).
fn mostly_words(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    letters * 10 >= chars.len() * 6
        && line
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// A line that is only a date or a date and time (`March 3, 2021`,
/// `03.03.2021 14:05`, `Updated: 2 May 2019`): not a headline.
pub fn is_date_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 10
        && words.iter().any(|w| {
            let d: String = w.chars().filter(char::is_ascii_digit).collect();
            d.len() >= 4
        })
        && words.iter().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            w.is_empty()
                || w.chars().all(|c| c.is_ascii_digit() || ".:/-".contains(c))
                || crate::chars::MONTHS
                    .iter()
                    .any(|m| m.starts_with(&w) && w.len() >= 3)
                || DATE_LINE_WORDS.contains(&w.as_str())
                || is_zone_offset(&w)
        })
}

/// Words a page's date line holds besides the date: labels, weekdays,
/// the time of day and its zone.
const DATE_LINE_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "first",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "msk",
    "ist",
    "jst",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `gmt+1`, `utc-05:00`: a time zone with its offset.
fn is_zone_offset(w: &str) -> bool {
    let Some(at) = w.find(['+', '-']) else {
        return false;
    };
    matches!(&w[..at], "gmt" | "utc") && w[at + 1..].chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// The date of a page's date line (`Updated 14 November 2022`,
/// `Published: May 3, 2019 10:42 GMT`, `2019-05-03`) as `YYYY-MM-DD`, or
/// `YYYY` when it names no day.
pub fn date_of_line(line: &str) -> Option<String> {
    let (mut year, mut month, mut day) = (None, None, None);
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let lower = w.to_lowercase();
        if let Some((y, m, d)) = iso_parts(w) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        if let Ok(n) = w.parse::<u32>() {
            match n {
                1000..=2999 if year.is_none() => year = Some(n),
                1..=31 if day.is_none() => day = Some(n),
                _ => {}
            }
        } else if lower.len() >= 3 {
            if let Some(m) = crate::chars::MONTHS
                .iter()
                .position(|m| m.starts_with(&lower))
            {
                month = month.or(Some(m as u32 + 1));
            }
        }
    }
    match (year?, month, day) {
        (y, Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (y, _, _) => Some(format!("{y:04}")),
    }
}

/// `2019-05-03` → (2019, 5, 3).
fn iso_parts(w: &str) -> Option<(u32, u32, u32)> {
    let mut parts = w.split('-');
    let y: u32 = parts.next()?.parse().ok().filter(|_| w.len() == 10)?;
    let m: u32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let d: u32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

/// A line whose significant words are mostly capitalised.
pub fn is_title_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || line.chars().count() > 100 {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':']) || photo_credit(line).is_some() {
        return false;
    }
    if !line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c))
    {
        return false;
    }
    let significant: Vec<&&str> = words.iter().filter(|w| !is_small_word(w)).collect();
    let capitalised = significant
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    !significant.is_empty() && capitalised * 5 >= significant.len() * 3
}

/// Rule 4: `By Andrew Zirkle | China/Russia` → (authors, category).
pub fn parse_byline(line: &str) -> Option<(Vec<String>, Option<String>)> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))?;
    if line.split_whitespace().count() > 16 || ends_sentence(line) && !line.contains('|') {
        return None;
    }
    let (names, mut category) = match rest.split_once('|') {
        Some((n, c)) => (n, Some(c.trim().to_string()).filter(|c| !c.is_empty())),
        None => (rest, None),
    };
    let mut authors = split_names(names);
    // `By Ilse Marten, Transport correspondent`, `By A and B in Moscow`:
    // the writer's role or place, not a name.
    if authors.len() > 1 && is_role(authors.last().map_or("", String::as_str)) {
        let role = authors.pop().unwrap_or_default();
        category = category.or(Some(role));
    }
    if let Some(last) = authors.last_mut() {
        if let Some((name, _place)) = last.split_once(" in ") {
            *last = name.to_string();
        }
    }
    let plausible = authors.iter().all(|a| {
        a.split_whitespace().count() <= 5
            && a.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) || is_small_word(w))
    });
    (!authors.is_empty() && plausible).then_some((authors, category))
}

/// A writer's role after the names of a byline (`Transport correspondent`,
/// `Staff writer`, `Senior reporter`).
fn is_role(part: &str) -> bool {
    const ROLES: &[&str] = &[
        "correspondent",
        "reporter",
        "writer",
        "editor",
        "columnist",
        "contributor",
        "staff",
        "analyst",
        "journalist",
        "producer",
        "bureau",
        "chief",
    ];
    part.split_whitespace()
        .any(|w| ROLES.contains(&w.to_lowercase().as_str()))
}

/// Rule 5: the credit of a photo caption (`… Far East. /VCG` → `VCG`).
pub fn photo_credit(line: &str) -> Option<&str> {
    caption_parts(line).map(|(_, credit)| credit)
}

/// A caption line's text and its photo credit (see [`photo_credit`]).
pub fn caption_parts(line: &str) -> Option<(&str, &str)> {
    // `… on March 8. (Photo: Ana Ribeiro/Reuters)`, `(Photo by X/Getty)`.
    if let Some(open) = line.trim_end().strip_suffix(')').and_then(|l| l.rfind('(')) {
        let inner = &line.trim_end()[open + 1..line.trim_end().len() - 1];
        let lower = inner.to_lowercase();
        let labelled = [
            "photo:",
            "photo by ",
            "photograph:",
            "foto:",
            "image:",
            "picture:",
        ]
        .iter()
        .find(|l| lower.starts_with(*l));
        if let Some(label) = labelled {
            let credit = inner[label.len()..].trim();
            let text = line[..open].trim_end();
            return (!credit.is_empty() && credit.len() <= 80).then_some((text, credit));
        }
    }
    let (text, credit) = line.rsplit_once(" /")?;
    let credit = credit.trim();
    let ok = (2..=24).contains(&credit.len())
        && credit.starts_with(|c: char| c.is_uppercase())
        && credit
            .chars()
            .all(|c| c.is_alphanumeric() || " .&-".contains(c));
    ok.then_some((text.trim_end(), credit))
}
