//! Years in running text: plain years, ranges, decades and dates, each with
//! its precision, within a configured range.
//!
//! The scanner looks at every run of exactly four digits and then at the
//! words around it:
//!
//! * **Not a year** when it is an amount (`$2021`), part of a number
//!   (`1,949`, `2021.5`), a percentage, a quantity (`1950 troops`), or inside a
//!   URL, DOI or e-mail token.
//! * **Range**: `2006-2007`, `(1947- 91)`, `2016 – 2020`, `between 1991 and
//!   2010`, `from 1991 to 2010`. Ranges that reach past the configured bounds
//!   are clipped to them and say so; a range wholly outside is dropped.
//! * **Decade**: `1960s`, `the mid-1950s`, `early 1990s`; two digits with a
//!   decade's mark (`the '90s`, `los años 80`): see `short_decades`.
//! * **Date**: `February 2012` (month), `25th May 2020`, `26 August 2020`,
//!   `October 12, 2019` (day); numeric (`28.12.1999`, `2019-05-17`), month
//!   names in other languages, seasons and quarters: see `forms`, which
//!   also holds the identifiers that are not years (`KKO:1999:115`).
//!
//! Footnote numbers never reach this module: the parse stage keeps them out of
//! paragraph text, and footnotes themselves are citations, not events.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    /// A season or a quarter: `spring 2014`, `Q3 2019`.
    Season,
    Year,
    Decade,
    Range,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Range => "range",
        }
    }
}

/// One time expression, with byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct YearHit {
    pub start: usize,
    pub end: usize,
    pub year: i32,
    pub end_year: Option<i32>,
    pub precision: Precision,
    /// A normalised label: `1947–1991`, `mid-1950s`, `25 May 2020`.
    pub label: String,
    /// The expression reached past the configured range and was cut to it.
    pub clipped: bool,
}

/// Month names, lower case; [`month_name`] capitalises.
pub use crate::chars::MONTHS;

/// Finds every time expression in `text` that falls within `range`.
pub fn find_years(text: &str, range: (i32, i32)) -> Vec<YearHit> {
    // No-break, thin and em spaces read as plain ones, byte for byte, so
    // that offsets stay those of `text` (`12 mai 2014` with no-break
    // spaces is a day).
    let plain = plain_spaces(text);
    let text = plain.as_ref();
    let bytes = text.as_bytes();
    let mut out: Vec<YearHit> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if out.last().is_some_and(|h| s < h.end) {
            continue;
        }
        // `the '90s`, `los años 80`, `80er Jahre`, `90-е годы`, `90年代`.
        if i - s == 2 {
            let hit = chinese::two_digit(text, s, i, range)
                .or_else(|| short_decades::hit(text, s, i, range))
                .or_else(|| fiscal_two_digit(text, s, i, range));
            if let Some(hit) = hit {
                i = i.max(hit.end);
                out.push(hit);
            }
            continue;
        }
        if i - s != 4 {
            continue;
        }
        if let Some(hit) = classify(text, s, i, range) {
            i = i.max(hit.end);
            out.push(hit);
        }
    }
    // Years in Chinese numerals (`一九四九年`) and decades in words
    // (`gli anni Cinquanta`) hold no digit.
    let words = chinese::numeral_hits(text, range)
        .into_iter()
        .chain(spelled_decades::hits(text, range));
    let before = out.len();
    out.extend(words);
    if out.len() > before {
        out.sort_by_key(|h| h.start);
    }
    out
}

/// `text` with every non-ASCII white space replaced by as many ASCII
/// spaces as it has bytes.
fn plain_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| !c.is_ascii() && c.is_whitespace()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii() && c.is_whitespace() {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How much text around a number is looked at: enough for the longest
/// date form, and a bound that keeps the scan linear in the paragraph.
const CONTEXT: usize = 96;

fn classify(text: &str, s: usize, e: usize, (lo, hi): (i32, i32)) -> Option<YearHit> {
    let year: i32 = text[s..e].parse().ok()?;
    let before = crate::chars::before(text, s, CONTEXT);
    let base = s - before.len();
    let after = crate::chars::after(text, e, CONTEXT);
    // Chinese and Japanese write a date with no space before it; so does
    // a fiscal year (`FY2019`).
    let fiscal = before
        .strip_suffix("FY")
        .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()));
    if !fiscal
        && before
            .chars()
            .next_back()
            .is_some_and(|c| (c.is_alphanumeric() || c == '_') && !crate::chars::is_cjk(c))
        || identifiers::is_identifier(before, after)
        || identifiers::is_clock_pair(before, year, after)
    {
        return None;
    }
    if let Some(hit) = chinese::after_year(text, s, e, year, (lo, hi)) {
        return Some(hit);
    }
    if let Some((len, label, precision)) = forms::east_asian_after(after, year) {
        return clip(s, e + len, year, None, precision, label, (lo, hi));
    }
    // `28.12.1999`, `17/05/2019`: before the checks for numbers and paths.
    if let Some((start, label, precision)) = forms::numeric_date_before(before, year) {
        if !after.starts_with(|c: char| {
            c.is_alphanumeric() || c == '.' && after[1..].starts_with(|d: char| d.is_ascii_digit())
        }) {
            return clip(base + start, e, year, None, precision, label, (lo, hi));
        }
        return None;
    }
    if values::is_amount_or_number(before, after) || in_link_token(text, s, e) {
        return None;
    }
    // Decade: `1960s`, `1960’s`; `1960-е`, `1960er`, `années 1960`.
    if let Some(len) = forms::foreign_decade(before, after, year) {
        return decade(before, base, s, e + len, year, (lo, hi));
    }
    let decade_suffix = ["s", "'s", "’s"].iter().find(|suf| {
        after.starts_with(**suf) && !after[suf.len()..].starts_with(|c: char| c.is_alphanumeric())
    });
    // `the 1960's` is a decade; `March 2020's lockdown`, `2019's budget`
    // a possessive.
    let decade_suffix =
        decade_suffix.filter(|suf| suf.len() == 1 || forms::apostrophe_decade(before));
    if let (Some(suf), true) = (decade_suffix, year % 10 == 0) {
        return decade(before, base, s, e + suf.len(), year, (lo, hi));
    }
    // `1992至1997年` is a span (see `ranges`).
    if after.starts_with(|c: char| c.is_alphabetic() && !matches!(c, '至' | '到')) {
        return None;
    }
    if let Some((len, label, precision)) = forms::iso_after(after, year) {
        return clip(s, e + len, year, None, precision, label, (lo, hi));
    }
    if let Some(hit) = range_after(text, s, e, year, (lo, hi)) {
        // `from 1130 to 1215 GMT`: a span of clock times.
        if identifiers::is_identifier("", &text[hit.end..]) {
            return None;
        }
        return Some(hit);
    }
    if next_word(after).is_some_and(|w| values::UNITS.contains(&w.to_lowercase().as_str()))
        || values::is_count(before, after, year)
        || values::is_compound_measure(after, year)
    {
        return None;
    }
    if let Some((start, label)) = forms::season_before(before, year) {
        return clip(
            base + start,
            e,
            year,
            None,
            Precision::Season,
            label,
            (lo, hi),
        );
    }
    if let Some((start, label, precision)) = date_before(before, year) {
        return clip(base + start, e, year, None, precision, label, (lo, hi));
    }
    clip(
        s,
        e,
        year,
        None,
        Precision::Year,
        year.to_string(),
        (lo, hi),
    )
}

/// The decade starting in `year` written at `start..end`, from the
/// qualifier `before` ends in, if any (`the mid-1950s`, `the mid-'80s`,
/// labelled `mid-1950s`); `before` is the text before `start`, from
/// `base`.
fn decade(
    before: &str,
    base: usize,
    start: usize,
    end: usize,
    year: i32,
    range: (i32, i32),
) -> Option<YearHit> {
    let (start, label) = match forms::decade_qualifier(before) {
        Some((q_start, q)) => (base + q_start, format!("{q}-{year}s")),
        None => (start, format!("{year}s")),
    };
    clip(
        start,
        end,
        year,
        Some(decade_end(year)),
        Precision::Decade,
        label,
        range,
    )
}

/// `FY24`, `FY 24`: a fiscal year written with two digits (this
/// century's up to `FY50`, else the last's).
fn fiscal_two_digit(text: &str, s: usize, e: usize, range: (i32, i32)) -> Option<YearHit> {
    let before = text[..s].strip_suffix(' ').unwrap_or(&text[..s]);
    let lead = before.strip_suffix("FY")?;
    if lead.ends_with(|c: char| c.is_alphanumeric()) || text[e..].starts_with(char::is_alphanumeric)
    {
        return None;
    }
    let n: i32 = text[s..e].parse().ok()?;
    let year = if n <= 50 { 2000 + n } else { 1900 + n };
    let start = lead.len();
    clip(
        start,
        e,
        year,
        None,
        Precision::Year,
        year.to_string(),
        range,
    )
}

/// The last year of the decade `year` starts: `1960s` ends in 1969; but
/// a round hundred before 1900 names its century (`the 1800s`, `1700-е`
/// are 1800–1899 and 1700–1799), while `the 1900s` and `the 2000s` stay
/// decades, as news most often means them.
fn decade_end(year: i32) -> i32 {
    if year % 100 == 0 && year < 1900 {
        year + 99
    } else {
        year + 9
    }
}

fn clip(
    start: usize,
    end: usize,
    year: i32,
    end_year: Option<i32>,
    precision: Precision,
    label: String,
    (lo, hi): (i32, i32),
) -> Option<YearHit> {
    let last = end_year.unwrap_or(year);
    if last < lo || year > hi {
        return None;
    }
    let clipped = year < lo || last > hi;
    let (year, end_year) = (year.max(lo), end_year.map(|y| y.min(hi)));
    Some(YearHit {
        start,
        end,
        year,
        end_year,
        precision,
        label,
        clipped,
    })
}

/// Inside a URL, DOI, path or e-mail address.
fn in_link_token(text: &str, s: usize, e: usize) -> bool {
    let before = crate::chars::before(text, s, CONTEXT);
    let before = &before[crate::chars::after_last(before, char::is_whitespace)..];
    let after = crate::chars::after(text, e, CONTEXT);
    let after = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
    let token = format!("{before}{}{after}", &text[s..e]);
    // `2003/2004`, `2003/04`: a slashed range (a season, a fiscal year).
    let bare = token.trim_matches(|c: char| !c.is_ascii_digit());
    // `2001/29/EC` is a directive's number.
    let slashed = token.matches('/').count() == 1
        && bare.split_once('/').is_some_and(|(a, b)| {
            a.len() == 4
                && matches!(b.len(), 1 | 2 | 4)
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        });
    !slashed && token.contains('/')
        || identifiers::is_file_name(&token)
        || token.contains("www.")
        || token.contains('@')
        || token.to_lowercase().contains("doi")
}

fn next_word(after: &str) -> Option<&str> {
    let t = after.strip_prefix([' ', '-'])?;
    Some(
        t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or(""),
    )
}

/// `January` for 0.
pub fn month_name(i: usize) -> String {
    let m = MONTHS[i];
    m[..1].to_uppercase() + &m[1..]
}

/// Whether `word` names a month, in any language the dates are read in
/// (`June`, `Juni`, `juin`, `июня`, `Sept.`).
pub fn is_month_word(word: &str) -> bool {
    dates::month_index(word).is_some()
}

/// Whether `word` is [`month_name`]`(i)`, without making it.
pub fn is_month_name(word: &str, i: usize) -> bool {
    let m = MONTHS[i].as_bytes();
    let w = word.as_bytes();
    w.len() == m.len() && w[0] == m[0].to_ascii_uppercase() && w[1..] == m[1..]
}

mod chinese;
mod dates;
use dates::date_before;
mod editions;
pub use editions::is_edition;
mod forms;
pub use forms::RU_DECADE_ENDINGS;
mod identifiers;
pub use identifiers::is_reporter;
mod ranges;
use ranges::range_after;
mod short_decades;
mod spelled_decades;
mod values;
pub use values::{has_year_lead, in_table_of_figures};

#[cfg(test)]
#[path = "years/periods_tests.rs"]
mod periods_tests;
#[cfg(test)]
mod tests;
