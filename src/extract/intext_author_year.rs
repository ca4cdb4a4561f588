//! Rule 2 of `intext`: author–year citations, in parentheses (`(Raffel
//! et al., 2019)`, `（王缉思等，2015）`) or told in the sentence (`Shazeer
//! et al. (2018)`, `据李丹慧（2002）`), matched to the one entry of that year
//! whose authors they name.

use super::{count, CiteLink, Target};
use crate::extract::names::Person;

/// Rule 2.
pub(super) fn author_year(
    node: usize,
    t: &str,
    targets: &[Target],
    out: &mut Vec<CiteLink>,
    counts: &mut Vec<(usize, usize)>,
    ambiguous: &mut Vec<String>,
) {
    for (year, ys, ye) in years(t) {
        let Some((names, start)) = cited_names(t, ys) else {
            continue;
        };
        if names.contains(crate::chars::is_cjk) {
            if let Some((one, at)) = cjk_fit(names, year, targets) {
                // Told in the sentence, the link is on the year alone.
                let start = if start == ys { ys } else { start + at };
                out.push(CiteLink {
                    node,
                    start,
                    end: ye,
                    entry: one,
                    whole: false,
                });
                count(counts, one);
            }
            continue;
        }
        let Some(cite) = Cite::read(names) else {
            continue;
        };
        let fits: Vec<&Target> = targets
            .iter()
            .filter(|e| e.year == Some(year) && cite.fits(e.authors))
            .collect();
        let fits = if fits.len() > 1 && cite.second.is_none() && !cite.et_al {
            // `(Wolf, 1999)`: a single author's work first.
            let single: Vec<&Target> = fits
                .iter()
                .copied()
                .filter(|e| e.authors.len() == 1)
                .collect();
            if single.is_empty() {
                fits
            } else {
                single
            }
        } else {
            fits
        };
        match fits.as_slice() {
            [one] => {
                out.push(CiteLink {
                    node,
                    start,
                    end: ye,
                    entry: one.paragraph,
                    whole: false,
                });
                count(counts, one.paragraph);
            }
            [] => {}
            _ => ambiguous.push(format!("{} {}", names.trim(), &t[ys..ye])),
        }
    }
}

/// The one entry of `year` whose first author a citation in Chinese
/// names (`王缉思`, `王缉思等`, `王缉思、李静杰`, or, told in the sentence,
/// the characters before the parenthesis ending with the name: `据李丹慧`),
/// and where the name starts in `names`. Two entries that fit: none.
fn cjk_fit(names: &str, year: i32, targets: &[Target]) -> Option<(usize, usize)> {
    let first = names
        .split(['、', '，', ',', '和', '与'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('等')
        .trim();
    let mut fits = targets.iter().filter_map(|e| {
        let family = e.authors.first()?.family.as_str();
        let at = first
            .rfind(family)
            .filter(|k| k + family.len() == first.len())?;
        (e.year == Some(year) && !family.is_empty()).then_some((e.paragraph, at))
    });
    let one = fits.next()?;
    let offset = names.len() - names.trim_start().len();
    fits.next().is_none().then_some((one.0, offset + one.1))
}

/// Years (1500–2099, an `a`/`b` suffix allowed) standing alone:
/// (year, start, end).
fn years(t: &str) -> Vec<(i32, usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if digits && before {
            let mut end = i + 4;
            if b.get(end).is_some_and(u8::is_ascii_lowercase)
                && b.get(end + 1).is_none_or(|c| !c.is_ascii_alphanumeric())
            {
                end += 1;
            }
            let alone = b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
            if let (true, Ok(y)) = (alone, t[i..i + 4].parse::<i32>()) {
                if (1500..2100).contains(&y) {
                    out.push((y, i, end));
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The names of the citation whose year starts at `ys`, and where the
/// link starts: inside parentheses, the part before the year (cut at
/// `(` or `;`); right after `(`, the words before the parenthesis.
fn cited_names(t: &str, ys: usize) -> Option<(&str, usize)> {
    let window = crate::chars::before(t, ys, 160);
    let base = ys - window.len();
    let open = window.rfind(['(', '[', '（'])?;
    if window[open..].contains([')', ']', '）']) {
        return None;
    }
    let open_len = window[open..].chars().next().map_or(1, char::len_utf8);
    let inside = &window[open + open_len..];
    let part_at = inside.rfind([';', '；']).map_or(0, |k| {
        k + inside[k..].chars().next().map_or(1, char::len_utf8)
    });
    let part = &inside[part_at..];
    // Other years of the same authors: `(Wolf, 1999, 2003)`.
    let mut names = part.trim_end();
    loop {
        let trimmed = names.trim_end_matches([',', ' ', '，', '、']);
        let last = trimmed.rsplit(' ').next().unwrap_or("");
        if last.len() >= 4 && last.len() <= 5 && last.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        {
            names = &trimmed[..trimmed.len() - last.len()];
        } else {
            names = trimmed;
            break;
        }
    }
    if names.trim().is_empty() {
        // Narrative: `Shazeer et al. (2018)`, the link on the year.
        let outside = window[..open].trim_end();
        // `据李丹慧（2002）`: the Chinese characters before the parenthesis
        // (which of them are the name, the entries' names decide).
        if outside.ends_with(crate::chars::is_cjk) {
            let run = outside
                .char_indices()
                .rev()
                .take_while(|(_, c)| crate::chars::is_cjk(*c))
                .take(8)
                .last()
                .map_or(outside.len(), |(k, _)| k);
            return Some((&t[base + run..base + outside.len()], ys));
        }
        let words: Vec<&str> = outside.split_whitespace().collect();
        let take = words
            .iter()
            .rev()
            .take(6)
            .take_while(|w| {
                is_name(w) || matches!(**w, "et" | "al." | "and" | "&") || is_particle(w)
            })
            .count();
        if take == 0 {
            return None;
        }
        // Where the last `take` words of `outside` start.
        let mut at = outside.len();
        for _ in 0..take {
            at = outside[..at]
                .trim_end()
                .rfind(char::is_whitespace)
                .map_or(0, |k| k + 1);
        }
        return Some((&t[base + at..base + outside.len()], ys));
    }
    // Lead-ins (`see`, `e.g.,`, `cf.`) stay outside the link.
    let mut lead = names.len() - names.trim_start().len();
    while let Some(w) = names[lead..].split_whitespace().next() {
        if !w.starts_with(char::is_lowercase) || is_particle(&w) {
            break;
        }
        lead += w.len();
        lead += names[lead..].len() - names[lead..].trim_start().len();
    }
    let start = base + open + open_len + part_at + lead;
    Some((
        &t[start..base + open + open_len + part_at + names.len()],
        start,
    ))
}

/// A citation's names.
struct Cite {
    first: String,
    second: Option<String>,
    et_al: bool,
}

impl Cite {
    fn read(names: &str) -> Option<Cite> {
        let mut words: Vec<&str> = names.split_whitespace().collect();
        // Lead-ins: `see`, `e.g.,`, `cf.`, `see also`.
        while words
            .first()
            .is_some_and(|w| w.starts_with(char::is_lowercase) && !is_particle(w))
        {
            words.remove(0);
        }
        let et_al = words
            .windows(2)
            .any(|w| w[0] == "et" && w[1].starts_with("al"));
        if let Some(k) = words.iter().position(|w| *w == "et") {
            words.truncate(k);
        }
        let (first, second) = match words.iter().position(|w| *w == "and" || *w == "&") {
            Some(k) => (words[..k].join(" "), Some(words[k + 1..].join(" "))),
            None => (words.join(" "), None),
        };
        let first = first.trim_end_matches(',').to_string();
        let ok = first.split_whitespace().count() <= 4
            && first.split_whitespace().last().is_some_and(|w| is_name(&w))
            && !crate::extract::years::MONTHS
                .iter()
                .any(|m| first.to_lowercase().ends_with(m));
        ok.then_some(Cite {
            first,
            second,
            et_al,
        })
    }

    fn fits(&self, authors: &[Person]) -> bool {
        let Some(a) = authors.first() else {
            return false;
        };
        if !same_family(&self.first, &a.family) {
            return false;
        }
        match &self.second {
            Some(s) => authors.len() == 2 && same_family(s, &authors[1].family),
            None if self.et_al => authors.len() >= 2,
            None => true,
        }
    }
}

/// `De Stefano` and `de Stefano`; `Stefano` for `De Stefano`.
fn same_family(cited: &str, family: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (c, f) = (norm(cited), norm(family));
    !c.is_empty() && (c == f || c.chars().count() >= 3 && f.ends_with(&c))
}

fn is_name(w: &&str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
}

fn is_particle(w: &&str) -> bool {
    matches!(
        *w,
        "van" | "von" | "der" | "den" | "de" | "da" | "di" | "du" | "la" | "le" | "al"
    )
}

#[cfg(test)]
mod tests {
    /// A name of a few bytes that ends inside a character where a year's
    /// four digits would end (found by the fuzz pass).
    #[test]
    fn a_short_name_in_other_scripts_is_read_without_panic() {
        let t = "(é†, 2001)";
        let _ = super::cited_names(t, t.find("2001").unwrap());
    }
}
