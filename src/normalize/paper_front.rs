//! What the front of a paper says besides its authors (see `paper`):
//! the date of its arXiv stamp or copyright line, and its abstract.

use super::paper::WINDOW;
use super::pdfmd::{Block, Kind};

/// Rule 2: `arXiv:2101.03961v3 [cs.LG] 16 Jun 2022` → `2022-06-16`.
pub(super) fn arxiv_date(line: &str) -> Option<String> {
    let at = line.find("arXiv:")?;
    let words: Vec<&str> = line[at..].split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let day: u32 = w[0].parse().ok().filter(|d| (1..=31).contains(d))?;
        let month = MONTHS
            .iter()
            .position(|m| w[1].to_lowercase().starts_with(m))?
            + 1;
        let year: u32 = w[2]
            .trim_end_matches([',', '.'])
            .parse()
            .ok()
            .filter(|y| (1991..2100).contains(y))?;
        Some(format!("{year}-{month:02}-{day:02}"))
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `© 2022 …`, `Copyright 2021 …`, `(c) 2019`: the year.
pub(super) fn copyright_year(text: &str) -> Option<String> {
    const MARKS: [&str; 4] = ["©", "Copyright", "(c)", "(C)"];
    // Most blocks hold none of the marks: one pass tells.
    crate::chars::first_of(text, &MARKS)?;
    for mark in MARKS {
        let Some(at) = text.find(mark) else { continue };
        let after = text[at + mark.len()..].trim_start();
        let after = after.strip_prefix("©").unwrap_or(after).trim_start();
        let year = after.get(..4)?;
        let next = after[4..].chars().next();
        if year.bytes().all(|b| b.is_ascii_digit()) && next.is_none_or(|c| !c.is_ascii_digit()) {
            let y: u32 = year.parse().ok()?;
            if (1900..2100).contains(&y) {
                return Some(year.to_string());
            }
        }
    }
    None
}

/// Rule 3: the abstract's text (Markdown, without note markers), if the
/// front has one; read once notes are out of the text.
pub(super) fn abstract_text(blocks: &[Block]) -> Option<String> {
    read_abstract(blocks).map(|a| without_markers(&a))
}

/// `text[^1] more`, `text<sup>1, 2</sup> more` → `text more`.
fn without_markers(text: &str) -> String {
    let mut out = text.to_string();
    for (open, close) in [("[^", "]"), ("<sup>", "</sup>")] {
        let mut kept = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(open) {
            kept.push_str(&rest[..at]);
            let inner = &rest[at + open.len()..];
            match inner.find(close) {
                Some(k)
                    if k <= 16
                        && (open == "[^"
                            || inner[..k]
                                .chars()
                                .all(|c| c.is_ascii_digit() || ", *".contains(c))) =>
                {
                    rest = &inner[k + close.len()..];
                }
                _ => {
                    kept.push_str(open);
                    rest = inner;
                }
            }
        }
        kept.push_str(rest);
        out = kept;
    }
    out
}

fn read_abstract(blocks: &[Block]) -> Option<String> {
    for (i, b) in blocks.iter().enumerate().take(WINDOW + 4) {
        let t = b.text.trim();
        let plain = t.trim_start_matches('#').trim();
        let bare = plain
            .trim_matches(['*', '_'])
            .trim()
            .trim_end_matches([':', '.']);
        if bare.eq_ignore_ascii_case("abstract") {
            return blocks
                .get(i + 1)
                .filter(|n| n.kind == Kind::Other)
                .map(|n| n.text.clone());
        }
        if let Some(rest) = super::paper_cjk::abstract_after_label(plain) {
            return Some(rest.to_string());
        }
        for lead in [
            "Abstract.",
            "Abstract:",
            "**Abstract**",
            "**Abstract.**",
            "*Abstract*",
            "ABSTRACT",
        ] {
            if let Some(rest) = plain.strip_prefix(lead) {
                let rest = rest.trim_start_matches([':', '.', '—', '–', ' ']);
                if rest.split_whitespace().count() > 10 {
                    return Some(rest.to_string());
                }
            }
        }
    }
    None
}
