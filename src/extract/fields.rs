//! Rule 5 of reference parsing (see `citations`): what follows the title,
//! field by field: volume, issue and pages; `(2014): 47- 69`; the first
//! date; genre labels and the site they name; `City: Publisher`; the
//! container. The reference's type from what was found is `work_kind`'s.

use super::citations::{clean, Reference};
pub(super) use super::work_kind::{kind, periodical_kind, separate_publisher, ORGANISATION_WORDS};
use super::years::{find_years, Precision, YearHit};

/// Rule 5. Returns the genre label, if any.
pub(super) fn read_fields(rest: &str, r: &mut Reference) -> Option<String> {
    let mut genre = None;
    for field in with_dates_whole(split_fields(rest)) {
        let f = field.trim().trim_end_matches('.').trim();
        let lower = f.to_lowercase();
        // `URL https://…` (the address itself is among the URLs already).
        // `*†`: a converter's marks, not a field.
        if !f.chars().any(char::is_alphanumeric)
            || lower.starts_with("doi")
            || lower == "url"
            || lower.starts_with("url ")
        {
            continue;
        }
        // Other languages' labels (`Bd. 45`, `n° 3`, `Heft 2`) only before
        // a number alone, or an issue's year and pages.
        let alone = |v: &String| v.chars().all(|c| c.is_ascii_digit() || "-–/".contains(c));
        let other_volume = strip_label(&lower, &["bd.", "tome", "т."]).filter(alone);
        let issue = strip_label(&lower, &["no.", "no", "issue"])
            .map(|v| (v, true))
            .or_else(|| strip_label(&lower, &["n°", "nº", "№", "heft", "вып."]).map(|v| (v, false)))
            .and_then(|(v, english)| issue_with_more(&v, english));
        if let Some(v) = strip_label(&lower, &["vol.", "vol", "volume"]).or(other_volume) {
            r.volume = Some(v);
        } else if let Some((v, year_pages)) = issue {
            r.issue = Some(v);
            // `Modern Philology 102, no. 4`: the number after the name,
            // before the issue, is the volume.
            if r.volume.is_none() {
                let split = r.container.as_deref().and_then(|c| {
                    let (name, n) = c.rsplit_once(' ')?;
                    let number = n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit());
                    (number && name.chars().any(char::is_alphabetic))
                        .then(|| (name.to_string(), n.to_string()))
                });
                if let Some((name, n)) = split {
                    r.container = Some(name);
                    r.volume = Some(n);
                }
            }
            if let Some((year, pages)) = year_pages {
                r.year.get_or_insert(year);
                r.pages.get_or_insert(pages);
            }
        } else if let Some(v) = strip_label(&lower, &["pp.", "p.", "pages"]) {
            r.pages = Some(v.replace(' ', ""));
        } else if let Some((before, year, pages)) = year_and_pages(f) {
            r.year.get_or_insert(year);
            r.pages.get_or_insert(pages);
            if !before.is_empty() {
                set_container(r, &before);
            }
        } else if let Some(g) = genre_label(&lower) {
            genre.get_or_insert(g.to_string());
            if let Some(site) = genre_site(f) {
                set_container(r, &site);
            }
        } else if let Some(date) = only_date(f) {
            if r.date.is_none() {
                r.year = Some(date.0);
                r.date = Some(date.1);
            }
        } else if f.starts_with('*') || f.starts_with('{') {
            let name = clean(f);
            if f.starts_with('{') && r.container.is_some() {
                continue;
            }
            r.container = Some(name);
        } else if let Some((_, publisher)) = f
            .split_once(": ")
            .filter(|(city, _)| city.split_whitespace().count() <= 2)
        {
            r.publisher = Some(clean(publisher));
        } else if f.chars().any(char::is_alphabetic) {
            set_container(r, f);
        }
    }
    genre
}

/// `April 22` and `1960` as one field, `April 22, 1960`: the comma of
/// an American date is no field's end.
fn with_dates_whole(fields: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(fields.len());
    for f in fields {
        let year = f.trim().trim_end_matches('.');
        let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let month_day = out.last().is_some_and(|prev| {
            let mut words = prev.split_whitespace();
            let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
                return false;
            };
            let bare = month.trim_end_matches('.').to_lowercase();
            crate::chars::MONTHS.iter().any(|m| {
                *m == bare
                    || bare.len() == 3 && m.starts_with(&bare)
                    || bare == "sept" && *m == "september"
            }) && day.len() <= 2
                && day.bytes().all(|b| b.is_ascii_digit())
        });
        match out.last_mut() {
            Some(prev) if is_year && month_day => {
                prev.push_str(", ");
                prev.push_str(f.trim());
            }
            _ => out.push(f),
        }
    }
    out
}

fn set_container(r: &mut Reference, name: &str) {
    let name = clean(name);
    if r.container.is_none() {
        r.container = Some(name);
    } else if r.publisher.is_none() && r.container.as_deref() != Some(name.as_str()) {
        r.publisher = Some(name);
    }
}

/// Splits at `. ` and `, ` outside `*…*`, `{…}` and brackets.
pub(super) fn split_fields(rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut italic, mut depth) = (false, 0i32);
    let chars: Vec<char> = rest.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '*' => italic = !italic,
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
        let next_space = chars.get(i + 1).is_none_or(|n| *n == ' ');
        // `no. 3`, `pp. 315`, `vol. 2`: the full stop of a label.
        let label = c == '.' && {
            let word = cur.rsplit(' ').next().unwrap_or("").to_lowercase();
            matches!(word.as_str(), "no" | "pp" | "p" | "vol" | "ed" | "eds")
        };
        if (c == '.' || c == ',') && next_space && !italic && depth <= 0 && !label {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// An issue's number and, after it, the year and pages Chicago puts
/// there (`no. 2 (2019): 301–25`). Else the whole value after an English
/// label, or nothing after another language's label (a value with more
/// than a number is left to the other rules).
fn issue_with_more(v: &str, english: bool) -> Option<(String, Option<(i32, String)>)> {
    let n = v
        .find(|c: char| !(c.is_ascii_digit() || "-–/".contains(c)))
        .unwrap_or(v.len());
    let (number, more) = v.split_at(n);
    match year_and_pages(more) {
        Some((before, year, pages)) if before.is_empty() && !number.is_empty() => {
            Some((number.to_string(), Some((year, pages))))
        }
        _ if more.is_empty() || english => Some((v.to_string(), None)),
        _ => None,
    }
}

fn strip_label(lower: &str, labels: &[&str]) -> Option<String> {
    labels.iter().find_map(|l| {
        let rest = lower.strip_prefix(l)?;
        let v = rest.trim();
        (v.starts_with(|c: char| c.is_ascii_digit())
            && (rest.starts_with(' ') || !l.ends_with(char::is_alphabetic)))
        .then(|| v.to_string())
    })
}

/// `Air university press (2014): 47- 69` or `SETA VAKFI [2018]: 25- 38`.
pub(super) fn year_and_pages(f: &str) -> Option<(String, i32, String)> {
    let open = f.rfind(['(', '['])?;
    let close = open + f[open..].find([')', ']'])?;
    // `74(1): 25-31` is an issue, not the year 1.
    let year: i32 = f[open + 1..close]
        .trim()
        .parse()
        .ok()
        .filter(|y| (1000..=2100).contains(y))?;
    let pages = f[close + 1..]
        .trim_start()
        .strip_prefix(':')?
        .trim()
        .replace(' ', "");
    (!pages.is_empty()
        && pages
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '–'))
    .then(|| (f[..open].trim().to_string(), year, pages))
}

pub(super) const GENRES: &[(&str, &str)] = &[
    ("journal article", "article-journal"),
    ("research article", "article-journal"),
    ("newspaper article", "article-newspaper"),
    ("news website article", "article-newspaper"),
    ("news article", "article-newspaper"),
    ("opinion piece", "article-newspaper"),
    ("research report", "report"),
    ("research paper", "report"),
    ("report", "report"),
    ("document", "document"),
    ("web page", "webpage"),
];

pub(super) fn genre_label(lower: &str) -> Option<&'static str> {
    let parts: Vec<&str> = lower.split("- ").map(str::trim).collect();
    GENRES
        .iter()
        .find(|(label, _)| parts.contains(label))
        .map(|(_, kind)| *kind)
}

/// `Newspaper article- BBC World` or `NBC News- opinion piece`: the site.
fn genre_site(f: &str) -> Option<String> {
    f.split("- ")
        .map(str::trim)
        .find(|p| genre_label(&p.to_lowercase()).is_none() && !p.is_empty())
        .map(str::to_string)
}

/// A field that is nothing but a date: (year, ISO date).
fn only_date(f: &str) -> Option<(i32, String)> {
    let hits = find_years(f, (1000, 2100));
    let h = hits.first()?;
    let rest: String = format!("{}{}", &f[..h.start], &f[h.end..]);
    if rest.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some((h.year, iso_of(h)))
}

/// A date finer than its year, as an ISO date (`2020-05-25`, `2012-02`);
/// `None` for a year alone (the reference's `year` holds it).
pub(super) fn finer_date(h: &YearHit) -> Option<String> {
    Some(iso_of(h)).filter(|d| d.len() > 4)
}

/// A date found in the text as an ISO date of its precision: `2020-05-25`,
/// `2012-02`, else the year.
pub(super) fn iso_of(h: &YearHit) -> String {
    match h.precision {
        Precision::Day | Precision::Month => {
            iso_date(&h.label).unwrap_or_else(|| h.year.to_string())
        }
        _ => h.year.to_string(),
    }
}

/// `25 May 2020` → `2020-05-25`; `February 2012` → `2012-02`.
fn iso_date(label: &str) -> Option<String> {
    let month = |m: &str| {
        super::years::MONTHS
            .iter()
            .position(|x| x.eq_ignore_ascii_case(m))
    };
    let parts: Vec<&str> = label.split(' ').collect();
    match parts.as_slice() {
        [d, m, y] => Some(format!(
            "{y}-{:02}-{:02}",
            month(m)? + 1,
            d.parse::<u32>().ok()?
        )),
        [m, y] => Some(format!("{y}-{:02}", month(m)? + 1)),
        _ => None,
    }
}
