//! Volume, issue and pages in reference-list entries (see `entries`),
//! written as bare numbers in the forms styles use, and the years among
//! an entry's words.

use super::citations::Reference;
use super::fields::split_fields;

/// Volume, issue and pages written as bare numbers after the container
/// (`*Political Geography*, *45*, 55–66`, `Energy Policy Review 14, 3
/// (2012), 211–230`, `9(2):44-61`, `2016;14(3):211-30`), set on `r` and
/// taken out of the text the field reader gets.
pub(super) fn numbers(rest: &str, r: &mut Reference) -> String {
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
            // `Energy Policy Review 14`; `vol. 14` (MLA) leaves no name.
            if vol.len() < 4 {
                r.volume = Some(vol.to_string());
                if !is_volume_label(name) {
                    kept.push(name.to_string());
                }
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
pub(super) fn title_date(title: &str) -> Option<(&str, i32)> {
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

/// The first plausible publication year: four digits from 1500 to 2099
/// standing alone (an `a`/`b` suffix allowed); (year, byte offset).
pub(super) fn first_year(text: &str) -> Option<(i32, usize)> {
    years(text).next()
}

pub(super) fn last_year(text: &str) -> Option<(i32, usize)> {
    years(text).last()
}

fn years(text: &str) -> impl Iterator<Item = (i32, usize)> + '_ {
    let b = text.as_bytes();
    // Not a code's figures (`2005A`).
    four_figures(text)
        .filter(move |&(_, i)| b.get(i + 4).is_none_or(|c| !c.is_ascii_uppercase()))
        .filter(|(y, _)| (1500..2100).contains(y))
}

/// Every number of exactly four figures standing alone (no letter or
/// figure before it, no figure after it): (number, byte offset).
pub(super) fn four_figures(text: &str) -> impl Iterator<Item = (i32, usize)> + '_ {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).filter_map(move |i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let after = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !(digits && before && after) {
            return None;
        }
        Some((text[i..i + 4].parse().ok()?, i))
    })
}

/// `vol.`, `Vol`, `volume`, `Bd.`, `t.`, `tome`, `т.`, `том`: a word that
/// says the number after it is a volume.
fn is_volume_label(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    matches!(
        w.as_str(),
        "vol" | "vols" | "volume" | "bd" | "band" | "t" | "tome" | "т" | "том"
    )
}
