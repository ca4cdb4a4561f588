//! Dates found in a document that do not stand as dates of it:
//!
//! - page furniture that survived conversion: a running head or foot that
//!   a converter left on every page (`KDD '22, August 14-18, 2022,
//!   Washington, DC, USA`) names a date many times over. A short dated
//!   line whose whole text appears three times or more in one document
//!   (alone or glued into other paragraphs) is such a line, and its dates
//!   are not dated statements;
//! - lone numbers: four digits with no preposition of time before them
//!   (`like the Wang 1200`, `and 1591 carry three`, `a network of 1024`,
//!   a table's `1390`) and more than a century from every date the
//!   document states plainly (with a month, a decade, a range or a
//!   preposition such as `in`, `since`, `by`). With no such date, a lone
//!   number counts only from 1900 on;
//! - a paper's publication history (`Received 14 March 2011; revised 2
//!   August 2011; accepted …`, `Received: 3 May 2019 / Published online:
//!   …`): when the article was handled, not what it is about.

use super::years::{self, Precision, YearHit};
use super::Dated;
use crate::parse::Document;

/// Takes out of `dates` the furniture and the lone numbers of `doc`.
pub fn drop_doubtful(dates: &mut Vec<Dated>, doc: &Document) {
    let text = |d: &Dated| doc.paragraphs[d.paragraph].text.as_str();
    let heads = running_heads(dates.iter().map(text), doc);
    let furniture: Vec<bool> = dates
        .iter()
        .map(|d| in_running_head(text(d), d.hit.start, d.hit.end, &heads))
        .collect();
    let bare: Vec<bool> = dates.iter().map(|d| is_bare(text(d), &d.hit)).collect();
    let anchors: Vec<i32> = dates
        .iter()
        .zip(&bare)
        .filter(|(_, b)| !**b)
        .map(|(d, _)| d.hit.year)
        .collect();
    let lone: Vec<bool> = dates
        .iter()
        .zip(&bare)
        .map(|(d, b)| *b && is_lone(d.hit.year, &anchors))
        .collect();
    let history: Vec<bool> = dates.iter().map(|d| is_history(text(d))).collect();
    let mut k = 0;
    dates.retain(|_| {
        let keep = !furniture[k] && !lone[k] && !history[k];
        k += 1;
        keep
    });
}

/// The longest publication-history line: a paper's front matter states
/// three or four dates on one short line.
const HISTORY_MAX: usize = 400;

/// What opens a publication-history line, lower case, in the languages
/// papers are published in.
const HISTORY_OPENS: &[&str] = &[
    "received",
    "submitted",
    "accepted for publication",
    "accepted",
    "published online",
    "first published",
    "available online",
    "manuscript received",
    "article history",
    "date of publication",
    "reçu",
    "eingegangen",
    "recibido",
    "ricevuto",
    "поступила",
    "получено",
];

/// Whether `text` is a paper's publication history: a short line that
/// opens with `Received`, `Submitted`, `Article history` and the like,
/// with a date right after the opening words (`Received wisdom held
/// until 1989` is a statement).
pub fn is_history(text: &str) -> bool {
    if text.len() > HISTORY_MAX {
        return false;
    }
    let t = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    HISTORY_OPENS.iter().any(|o| {
        t.strip_prefix(o).is_some_and(|rest| {
            rest.starts_with([' ', ':', ',']) && rest.chars().take(14).any(|c| c.is_ascii_digit())
        })
    })
}

/// A plain year with no word before it that leads a year.
fn is_bare(text: &str, hit: &YearHit) -> bool {
    hit.precision == Precision::Year
        && hit.end - hit.start == 4
        && !years::has_year_lead(&text[..hit.start])
}

/// Far from every plainly stated date (a century), or before 1900 when
/// there is none.
fn is_lone(year: i32, anchors: &[i32]) -> bool {
    if anchors.is_empty() {
        return year < 1900;
    }
    anchors.iter().all(|a| (a - year).abs() > 100)
}

/// A running head is a short line.
const HEAD_MAX: usize = 120;

/// How often a line must appear to be furniture.
const REPEATS: usize = 3;

/// How many short dated lines are looked for: a bound on the work.
const CANDIDATES: usize = 64;

/// The short dated paragraphs of `texts` whose whole text appears three
/// times or more across the paragraphs of `doc` (as a paragraph of its
/// own or inside another, where a converter glued it).
fn running_heads<'a>(texts: impl Iterator<Item = &'a str>, doc: &Document) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for t in texts {
        let t = t.trim();
        if t.len() <= HEAD_MAX && !t.is_empty() && !seen.contains(&t) && seen.len() < CANDIDATES {
            seen.push(t);
        }
    }
    seen.into_iter()
        .filter(|line| {
            doc.paragraphs
                .iter()
                .map(|p| p.text.matches(*line).count())
                .sum::<usize>()
                >= REPEATS
        })
        .collect()
}

/// Whether the date at `start..end` of `text` lies inside one of `heads`.
fn in_running_head(text: &str, start: usize, end: usize, heads: &[&str]) -> bool {
    heads.iter().any(|h| {
        text.match_indices(*h)
            .any(|(at, m)| at <= start && end <= at + m.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_history_lines() {
        for line in [
            "Received 14 March 2011; revised 2 August 2011; accepted 9 September 2011",
            "Received: 3 May 2019 / Accepted: 12 June 2019 / Published online: 1 July 2019",
            "*Article history:* Received 2 January 2020, Available online 5 May 2020",
            "Manuscript received May 3, 2018; revised July 9, 2018.",
            "Reçu le 4 mars 2015 ; accepté le 2 juin 2015",
            "Поступила в редакцию 12.04.2016",
        ] {
            assert!(is_history(line), "{line}");
        }
        for statement in [
            "Received wisdom held until 1989 that the border was closed.",
            "The treaty was received in Moscow on 4 March 2001 with some relief.",
            "Accepted",
        ] {
            assert!(!is_history(statement), "{statement}");
        }
    }

    #[test]
    fn lone_numbers() {
        assert!(is_lone(1200, &[1868, 1983, 2006]));
        assert!(!is_lone(1948, &[2004, 2005]));
        assert!(is_lone(1591, &[]));
        assert!(!is_lone(1991, &[]));
    }

    #[test]
    fn running_heads_repeat_and_statements_do_not() {
        let head = "KDD ’22, August 14-18, 2022, Washington, DC, USA";
        let glued = format!("{head} Birgit Pfitzmann and Peter Staar");
        let inside = format!("these are Picture , {head} Table 5: results");
        let body = "The dataset was released in 2022 after two years of work.";
        let (doc, _) = crate::parse::parse(&format!("{head}\n\n{body}\n\n{glued}\n\n{inside}\n"));
        let texts = [head, body];
        let heads = running_heads(texts.into_iter(), &doc);
        assert_eq!(heads, vec![head]);
        let s = glued.find("2022").unwrap();
        assert!(in_running_head(&glued, s, s + 4, &heads));
        let s = body.find("2022").unwrap();
        assert!(!in_running_head(body, s, s + 4, &heads));
        // Lines that differ (a list of dated statements) are no furniture.
        let text: String = (0..5)
            .map(|n| format!("In 1950 the port moved {n} crates.\n\n"))
            .collect();
        let (doc, _) = crate::parse::parse(&text);
        let lines: Vec<String> = (0..5)
            .map(|n| format!("In 1950 the port moved {n} crates."))
            .collect();
        assert!(running_heads(lines.iter().map(String::as_str), &doc).is_empty());
    }
}
