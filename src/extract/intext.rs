//! In-text citations linked to the entries of the document's reference
//! list (see `entries`):
//!
//! 1. **Numeric**: `[12]`, `[3, 7]`, `[3–5, 9]` — each number with an entry
//!    of that label becomes a link to it (the numbers inside a range are
//!    counted as cited too).
//! 2. **Author–year**, in parentheses (`(Raffel et al., 2019)`, `(Wang and
//!    Kanwar, 2019; Lee et al., 2021)`, `(see Wolf, 1999, p. 4)`) or in the
//!    sentence (`Shazeer et al. (2018)`): the first author's family name,
//!    the second's after `and`/`&`, `et al.` for three or more, and the
//!    year must match exactly one entry. Two entries that fit (two works
//!    by Smith in 2019) leave the citation unlinked and are reported; a
//!    citation is never guessed.
//!
//! Text already inside a link (converters link their citations to the
//! entries themselves, see `parse`) and the reference list itself are
//! left alone.

use super::names::Person;
use super::{Cited, Place};
use crate::parse::{Document, Node};
use pulldown_cmark::{Event, Tag, TagEnd};

/// A citation in the text linked to an entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CiteLink {
    /// The text node and the byte span in it.
    pub node: usize,
    pub start: usize,
    pub end: usize,
    /// The entry: a paragraph index.
    pub entry: usize,
    /// The node is the start of a link the text itself makes to the
    /// entry (a converter's), not text: `start` and `end` are 0.
    pub whole: bool,
}

/// An entry as citations find it.
struct Target<'a> {
    paragraph: usize,
    label: Option<&'a str>,
    authors: &'a [Person],
    year: Option<i32>,
}

/// Finds the in-text citations of `doc`; counts them on `cited` (the
/// entries' `in_text`) and reports ambiguous ones in `notes`.
pub fn link(doc: &Document, cited: &mut [Cited], notes: &mut Vec<String>) -> Vec<CiteLink> {
    let targets: Vec<Target> = cited
        .iter()
        .filter_map(|c| match c.at {
            Place::Entry(p) => Some(Target {
                paragraph: p,
                label: c.label.as_deref(),
                authors: &c.reference.authors,
                year: c.reference.year,
            }),
            Place::Note(_) => None,
        })
        .collect();
    if targets.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut ambiguous: Vec<String> = Vec::new();
    let mut paragraph: Option<usize> = None;
    let mut seen = 0usize;
    let mut in_link = 0usize;
    // The entry of the text's own link just before, with only spaces
    // since: a second link to it continues the same citation.
    let mut last_link: Option<usize> = None;
    for (k, n) in doc.body.iter().enumerate() {
        match n {
            Node::ParagraphStart { .. } => {
                last_link = None;
                paragraph = Some(seen);
                seen += 1;
            }
            Node::HeadingStart { .. } => paragraph = None,
            Node::Md(Event::Start(Tag::Link { dest_url, .. })) => {
                in_link += 1;
                // A converter's link to the entry (`[\[4\]](#page-6-3)`,
                // retargeted by `parse` to the entry's block).
                let to = dest_url.strip_prefix('#');
                let entry = targets
                    .iter()
                    .find(|e| to == doc.paragraphs.get(e.paragraph).map(|p| p.id.as_str()));
                if let (Some(e), Some(_)) = (entry, paragraph) {
                    out.push(CiteLink {
                        node: k,
                        start: 0,
                        end: 0,
                        entry: e.paragraph,
                        whole: true,
                    });
                    // `[Kaplan et al.](#e) [(2020)](#e)`: one citation a
                    // converter cut into two links.
                    if last_link != Some(e.paragraph) {
                        count(&mut counts, e.paragraph);
                    }
                    last_link = Some(e.paragraph);
                }
            }
            Node::Md(Event::End(TagEnd::Link)) => in_link = in_link.saturating_sub(1),
            Node::Md(Event::Text(t)) if in_link == 0 => {
                if !t.trim().is_empty() {
                    last_link = None;
                }
                let Some(p) = paragraph else { continue };
                if doc.paragraphs.get(p).is_none_or(|p| p.reference) {
                    continue;
                }
                numeric(k, t, &targets, &mut out, &mut counts);
                author_year(k, t, &targets, &mut out, &mut counts, &mut ambiguous);
            }
            _ => {}
        }
    }
    for (p, n) in counts {
        if let Some(c) = cited.iter_mut().find(|c| c.at == Place::Entry(p)) {
            c.in_text += n;
        }
    }
    ambiguous.sort();
    ambiguous.dedup();
    for a in ambiguous {
        notes.push(format!(
            "the citation `{a}` fits more than one entry of the reference list; it is not linked"
        ));
    }
    out.sort_by_key(|l| (l.node, l.start));
    out
}

fn count(counts: &mut Vec<(usize, usize)>, p: usize) {
    match counts.iter_mut().find(|(q, _)| *q == p) {
        Some((_, n)) => *n += 1,
        None => counts.push((p, 1)),
    }
}

/// Rule 1.
fn numeric(
    node: usize,
    t: &str,
    targets: &[Target],
    out: &mut Vec<CiteLink>,
    counts: &mut Vec<(usize, usize)>,
) {
    let by_label = |n: &str| targets.iter().find(|e| e.label == Some(n));
    let mut from = 0;
    while let Some(k) = t[from..].find('[') {
        let open = from + k;
        from = open + 1;
        let Some(len) = t[open + 1..].find(']').filter(|&l| l <= 60) else {
            continue;
        };
        let inner = &t[open + 1..open + 1 + len];
        let ok = !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || " ,–-".contains(c))
            && inner.starts_with(|c: char| c.is_ascii_digit());
        if !ok {
            continue;
        }
        let mut prev: Option<u32> = None;
        let mut range = false;
        let mut i = 0;
        let bytes = inner.as_bytes();
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let j = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let num = &inner[i..j];
                if let Some(e) = by_label(num) {
                    let start = open + 1 + i;
                    out.push(CiteLink {
                        node,
                        start,
                        end: start + num.len(),
                        entry: e.paragraph,
                        whole: false,
                    });
                    count(counts, e.paragraph);
                }
                let value: u32 = num.parse().unwrap_or(0);
                if range {
                    // The numbers between the ends of a range, up to 50.
                    for v in prev.unwrap_or(value) + 1..value.min(prev.unwrap_or(0) + 50) {
                        if let Some(e) = by_label(&v.to_string()) {
                            count(counts, e.paragraph);
                        }
                    }
                }
                prev = Some(value);
                range = false;
                i = j;
            } else {
                if !inner[i..].starts_with([',', ' ']) {
                    range = true;
                }
                i += inner[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        from = open + 1 + len;
    }
}

/// Rule 2.
fn author_year(
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
        if last.len() >= 4 && last.len() <= 5 && last[..4].bytes().all(|b| b.is_ascii_digit()) {
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
            && !super::years::MONTHS
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
#[path = "intext_tests.rs"]
mod tests;
