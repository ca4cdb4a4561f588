//! Dates with a month (and a day) before their year, alone or as a span
//! inside one year: `February 2012`, `25th May 2020`, `October 12, 2019`,
//! `June–August 2009`, `between March and May 2012`, `12–19 July 2010`,
//! `from 3 May to 7 June 2011`. A span is labelled whole and dated by its
//! start; [`YearHit::within_year`] reads a label back for time order.

use super::{is_month_name, month_name, Precision, YearHit, MONTHS};

/// A month (and day) before the year, or a span of them ending in it:
/// the start offset in `before`, the label and the precision.
pub(super) fn date_before(before: &str, year: i32) -> Option<(usize, String, Precision)> {
    let words = before.trim_end_matches([' ', ',']);
    // `7 de junio de 2017`: the joining words out
    // (offsets are kept: only the ends are cut).
    let words = without_de(words);
    let (rest, last) = split_last_word(words);
    // `October 12, 2019`
    if let Some(day) = day_number(last) {
        let (rest2, month_word) = split_last_word(rest.trim_end());
        // `(Sept. 13, 2007)`: the parenthesis is not the date's.
        let bare_month = month_word.trim_start_matches(['(', '[']);
        if let Some(m) = month_index(bare_month) {
            return Some((
                rest2.len() + (month_word.len() - bare_month.len()),
                format!("{day} {} {year}", month_name(m)),
                Precision::Day,
            ));
        }
    }
    // `(June 2011)`, `June–August 2009`
    let bare = last.trim_start_matches(['(', '[']);
    let month_start = rest.len() + (last.len() - bare.len());
    if let Some((first, then)) = bare.split_once(['–', '-']) {
        let (m0, m) = (month_index(first)?, month_index(then)?);
        return (m0 < m).then(|| {
            let label = format!("{}–{} {year}", month_name(m0), month_name(m));
            (month_start, label, Precision::Month)
        });
    }
    let m = month_index(bare)?;
    let (rest2, day_word) = split_last_word(without_de(rest.trim_end()));
    // `12–19 July 2010`; not pages before a date (`pp. 12-24, October`).
    if let Some((d0, d)) = day_word
        .split_once(['–', '-'])
        .filter(|_| !day_word.ends_with(','))
    {
        if let (Some(d0), Some(d)) = (day_number(d0), day_number(d)) {
            return (d0 < d).then(|| {
                let label = format!("{d0}–{d} {} {year}", month_name(m));
                (rest2.len(), label, Precision::Day)
            });
        }
    }
    // `the 31st of July 1689`: an ordinal day, `of`, the month.
    if day_word == "of" {
        let (rest3, ordinal) = split_last_word(rest2.trim_end());
        let spelled = ordinal.ends_with(char::is_alphabetic);
        if let Some(day) = day_number(ordinal).filter(|_| spelled) {
            let label = format!("{day} {} {year}", month_name(m));
            return Some((rest3.len(), label, Precision::Day));
        }
    }
    // `(12 June 2009)`: the parenthesis is not the date's.
    let bare_day = day_word.trim_start_matches(['(', '[']);
    if let Some(day) = day_number(bare_day) {
        let label = format!("{day} {} {year}", month_name(m));
        let opened_at = rest2.len() + (day_word.len() - bare_day.len());
        let (start, label) = day_span_start(rest2, day, m, &label).unwrap_or((opened_at, label));
        return Some((start, label, Precision::Day));
    }
    if let Some((start, m0)) = month_span_start(rest, m) {
        let label = format!("{}–{} {year}", month_name(m0), month_name(m));
        return Some((start, label, Precision::Month));
    }
    Some((
        month_start,
        format!("{} {year}", month_name(m)),
        Precision::Month,
    ))
}

/// The word that joins the two ends of a span (`from March to May`,
/// `between March and May`, `March – May`); `and` needs `between` before
/// the first end (`in March and May` names two months).
fn span_join(before_end: &str) -> Option<(&str, bool)> {
    let t = before_end.trim_end();
    // English, then French, German, Spanish and Italian, Russian.
    for join in [
        "–", "-", "to", "until", "till", "through", "and", "au", "bis", "al", "по", "до",
    ] {
        if let Some(head) = t.strip_suffix(join) {
            // A word joins after a space; a dash may touch the month.
            if head.ends_with(' ') || !join.starts_with(char::is_alphabetic) {
                return Some((head.trim_end(), join == "and"));
            }
        }
    }
    None
}

/// Whether the text before a span's first end opens it: `between` for a
/// span joined by `and`.
fn opened(head: &str, needs_between: bool) -> bool {
    let (_, word) = split_last_word(head.trim_end());
    !needs_between || word.eq_ignore_ascii_case("between")
}

/// `from March to May`: the start of the first month and its number, when
/// it comes before month `m` in the year.
fn month_span_start(rest: &str, m: usize) -> Option<(usize, usize)> {
    let (head, needs_between) = span_join(rest)?;
    let (before_first, first) = split_last_word(head);
    let m0 = month_index(first)?;
    (m0 < m && opened(before_first, needs_between)).then_some((before_first.len(), m0))
}

/// `from 12 to 19 July`, `from 3 May to 7 June`: the start of the first
/// day and the span's label, when it comes before day `day` of month `m`
/// (labelled `end`).
fn day_span_start(rest: &str, day: u32, m: usize, end: &str) -> Option<(usize, String)> {
    let (head, needs_between) = span_join(rest)?;
    let (before_last, last) = split_last_word(head);
    if let Some(d0) = day_number(last).filter(|&d0| d0 < day) {
        return opened(before_last, needs_between)
            .then(|| (before_last.len(), format!("{d0}–{end}")));
    }
    let m0 = month_index(last).filter(|&m0| m0 < m)?;
    let (before_day, day_word) = split_last_word(before_last.trim_end());
    let d0 = day_number(day_word)?;
    opened(before_day, needs_between)
        .then(|| (before_day.len(), format!("{d0} {} – {end}", month_name(m0))))
}

/// `words` without a last `de` or `del` (Spanish joins a
/// day, a month and a year with them).
fn without_de(words: &str) -> &str {
    for de in [" de", " del"] {
        if let Some(head) = words.strip_suffix(de) {
            return head;
        }
    }
    words
}

fn split_last_word(s: &str) -> (&str, &str) {
    match s.rfind(' ') {
        Some(i) => (&s[..i + 1], &s[i + 1..]),
        None => ("", s),
    }
}

pub(super) fn month_index(word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && *m == "september")
        })
        .or_else(|| super::forms::foreign_month(word))
}

/// `25`, `25th`, `1st`, `12,`, `7.` (an ordinal, as German writes the
/// day) → the day number.
fn day_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(',');
    let w = w.strip_suffix('.').unwrap_or(w);
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    // English ordinals; French `1er`, `1re`; Spanish `1º`.
    let ok_suffix = matches!(
        suffix,
        "" | "st" | "nd" | "rd" | "th" | "er" | "re" | "º" | "°"
    );
    let d: u32 = digits.parse().ok()?;
    (ok_suffix && (1..=31).contains(&d) && digits.len() <= 2).then_some(d)
}

impl YearHit {
    /// Where in its year the expression falls, for time order: the month
    /// and day it starts on, from its label (`1 June 2022` → (6, 1), `May
    /// 2022` → (5, 0), `12–19 July 2010` → (7, 12), `June–August 2009` →
    /// (6, 0); a season or quarter gives its first month: `spring 2014` →
    /// (3, 0), `Q3 2019` → (7, 0)); (0, 0) for a year, decade or range.
    pub fn within_year(&self) -> (u8, u8) {
        if !matches!(
            self.precision,
            Precision::Day | Precision::Month | Precision::Season
        ) {
            return (0, 0);
        }
        let start = |w: &str| w.split('–').next().unwrap_or("").to_string();
        let mut words = self.label.split(' ').map(start);
        let first = words.next().unwrap_or_default();
        let (day, month_word) = match first.parse::<u8>() {
            Ok(day) => (day, words.next().unwrap_or_default()),
            Err(_) => (0, first),
        };
        let month = (0..12)
            .find(|&i| is_month_name(&month_word, i))
            .map(|i| i as u8 + 1)
            .or(match month_word.as_str() {
                "Q1" => Some(1),
                "spring" => Some(3),
                "Q2" => Some(4),
                "summer" => Some(6),
                "Q3" => Some(7),
                "autumn" | "fall" => Some(9),
                "Q4" => Some(10),
                "winter" => Some(12),
                _ => None,
            });
        month.map_or((0, 0), |m| (m, day))
    }
}
