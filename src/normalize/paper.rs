//! The front of a paper as converters leave it, under its title: who wrote
//! it, when, and its abstract.
//!
//! 1. **Authors**: the blocks before the abstract or the first section
//!    that hold names — a list of names (`A. Berg, C. Dahl and E. Fors`)
//!    with affiliation marks (`¹`, `*`, `$^{1,2}$`, `<sup>1</sup>`), or one
//!    block per author with an ORCID link, affiliation and e-mail
//!    (`[Ilse Varga](https://orcid.org/…) Institute … ivarga@…`), even when
//!    a converter made it a heading. Such blocks, and affiliation and
//!    e-mail lines among them, leave the body.
//! 2. **Date**: an arXiv stamp (`arXiv:2101.03961v3 [cs.LG] 16 Jun 2022`,
//!    removed), else a `©`/`Copyright` year, within the first blocks.
//! 3. **Abstract**: the paragraph after an `Abstract` heading, or one that
//!    starts `Abstract.`/`Abstract:`, is the summary.

use super::paper_front::{arxiv_date, copyright_year};
use super::pdfmd::{Block, Kind};
use super::Inferred;

/// How many blocks after the title the front may take.
pub(super) const WINDOW: usize = 12;

/// Applies the rules to the blocks after the title.
pub(super) fn front(blocks: &mut Vec<Block>, inferred: &mut Inferred) {
    let mut remove = vec![false; blocks.len()];
    let mut stamps = vec![false; blocks.len()];
    let mut authors: Vec<String> = Vec::new();
    let mut notes = None;
    let mut affiliations = vec![false; blocks.len()];
    for (i, b) in blocks.iter().enumerate().take(WINDOW) {
        let t = b.text.trim();
        // `### William Fedus∗` over an e-mail line: an author a converter
        // made a heading.
        let heading_name = b.kind == Kind::Heading && {
            let line = t.trim_start_matches('#').trim();
            let marked = strip_marks(line).len() < line.len();
            let next = blocks.get(i + 1).map(|n| n.text.trim()).unwrap_or("");
            author_block(line).is_some() && (marked || is_affiliation(next))
        };
        if !heading_name && ends_front(b) {
            break;
        }
        if b.kind != Kind::Other && b.kind != Kind::Heading {
            continue;
        }
        let line = t.trim_start_matches('#').trim();
        // `Author Note` and its paragraphs (APA): the note, not the text.
        if super::title_page::is_note_label(line) {
            let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
            let (n, note) = super::title_page::note_after(&texts, i);
            notes = Some((i, n, note));
            break;
        }
        if let Some(date) = arxiv_date(line) {
            if inferred.date.is_none() {
                inferred.date = Some(date);
                inferred.stated.push("stated_date_arxiv");
            }
            if line.split_whitespace().count() <= 8 {
                stamps[i] = true;
            }
            continue;
        }
        if let Some(names) = author_block(line).or_else(|| email_author(line).map(|n| vec![n])) {
            authors.extend(names);
            remove[i] = true;
        } else if !authors.is_empty() && is_affiliation(line) {
            remove[i] = true;
        } else if authors.is_empty() && !inferred.authors.is_empty() && is_affiliation(line) {
            // Under the names line the title took.
            affiliations[i] = true;
        } else if line.split_whitespace().count() > 12 {
            // Running text: the front is over.
            break;
        }
    }
    // Two-column first pages put an author's block beside the text: it
    // comes out a little later, between paragraphs.
    if !authors.is_empty() {
        for (i, b) in blocks.iter().enumerate().take(3 * WINDOW) {
            if b.kind == Kind::Other && !remove[i] {
                if let Some(name) = email_author(b.text.trim()) {
                    authors.push(name);
                    remove[i] = true;
                }
            }
        }
    }
    if inferred.date.is_none() {
        inferred.date = blocks
            .iter()
            .take(2 * WINDOW)
            .find_map(|b| copyright_year(&b.text));
        if inferred.date.is_some() {
            inferred.stated.push("stated_date_copyright");
        }
    }
    // Names are authors only in the front of a paper: an abstract, an
    // affiliation, an e-mail or an affiliation mark nearby.
    let paper = blocks.iter().take(WINDOW + 4).any(|b| {
        let t = b.text.trim().trim_start_matches('#').trim();
        opening_lower(t.trim_matches(['*', '_'])).starts_with("abstract")
            || super::paper_cjk::abstract_after_label(t).is_some()
            || t.contains("orcid.org")
            || t.contains("$^{")
            || t.contains(['¹', '²', '∗', '†'])
            || t.split_whitespace()
                .any(|w| w.contains('@') && w.contains('.'))
            || t.split_whitespace().nth(20).is_none() && is_affiliation(t)
    });
    let take = paper && inferred.authors.is_empty() && !authors.is_empty();
    if take {
        inferred.authors = authors;
        inferred.stated.push("stated_authors");
    }
    let mut gone: Vec<bool> = (0..blocks.len())
        .map(|i| stamps[i] || take && remove[i])
        .collect();
    // The title page's own lines (affiliations under names the title
    // took, an author note) go without rejoining what is around them.
    let mut front_page = affiliations;
    if let Some((label, n, note)) = notes {
        front_page[label..=label + n]
            .iter_mut()
            .for_each(|g| *g = true);
        if inferred.author_note.is_none() {
            inferred.author_note = note;
        }
    }
    super::drop_marked(&mut gone, &front_page);
    super::drop_marked(blocks, &front_page);
    super::rejoin::rejoin(blocks, &gone, false);
}

/// The abstract or the first section begins: the front ends.
fn ends_front(b: &Block) -> bool {
    let t = b.text.trim();
    let plain = t
        .trim_start_matches('#')
        .trim()
        .trim_matches(['*', '_'])
        .trim();
    // Only the opening words are compared: a whole paragraph is not
    // lower-cased to read its first word.
    let lower = opening_lower(plain);
    (b.kind == Kind::Heading && !t.contains("](http"))
        || lower.starts_with("abstract")
        || super::paper_cjk::abstract_after_label(plain).is_some()
        || plain.starts_with("关键词")
        || t.split_whitespace().nth(60).is_some()
        || lower.starts_with("introduction")
}

/// The first few characters of `text`, lower-cased: enough to compare
/// with a heading word such as "introduction".
fn opening_lower(text: &str) -> String {
    text.chars().take(16).flat_map(char::to_lowercase).collect()
}

/// Rule 1: the names of a block that holds authors.
fn author_block(line: &str) -> Option<Vec<String>> {
    // One author with an ORCID (or other) link: the link text is the name.
    if let Some(link) = line.strip_prefix('[') {
        let (name, rest) = link.split_once("](")?;
        let (_, after) = rest.split_once(')')?;
        let after = strip_marks(after);
        let names = names_list(&strip_marks(name))?;
        let affiliation_follows =
            after.trim().is_empty() || is_affiliation(&after) || after.contains('@');
        return affiliation_follows.then_some(names);
    }
    let clean = strip_marks(line);
    if clean.contains('@') || clean.split_whitespace().count() > 30 {
        return None;
    }
    names_list(&clean).or_else(|| super::paper_cjk::names(line))
}

/// `Ada Lind Grid Lab, Lund ada@lab.example.org`: one author's block
/// without a link; the name is its first two words (three with a middle
/// initial).
fn email_author(line: &str) -> Option<String> {
    let clean = strip_marks(line);
    let words: Vec<&str> = clean.split_whitespace().collect();
    let email = words.iter().any(|w| w.contains('@') && w.contains('.'));
    if !email || words.len() > 25 || words.len() < 3 {
        return None;
    }
    let initial = words[1].len() == 2 && words[1].ends_with('.');
    let n = if initial { 3 } else { 2 };
    let name = words[..n].join(" ");
    let rest = words[n..].join(" ");
    let ok = names_list(&name).is_some_and(|v| v.len() == 1)
        && (is_affiliation(&rest) || rest.contains('@'));
    ok.then_some(name)
}

/// Names in a list (`A. Berg, C. Dahl and E. Fors`): each two to four
/// capitalised words or initials.
pub(super) fn names_list(text: &str) -> Option<Vec<String>> {
    let unmarked = without_glued_marks(text);
    let t = unmarked.trim().trim_end_matches([',', ';']);
    if t.is_empty() || t.ends_with('.') && !t.ends_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let parts: Vec<String> = t
        .replace(" and ", ", ")
        .replace(" & ", ", ")
        .split([',', ';'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let name = |p: &String| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
                    || matches!(
                        *w,
                        "van" | "von" | "de" | "der" | "da" | "di" | "del" | "la"
                    )
            })
            && !words
                .iter()
                .any(|w| AFFILIATION.contains(&w.trim_end_matches(',')))
            && !words.iter().any(|w| NOT_NAMES.contains(w))
            // `Meta AI`, `North AI`: an organisation's capitals.
            && !words.iter().any(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.contains('.')
                    && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            })
    };
    (!parts.is_empty() && parts.iter().all(name)).then_some(parts)
}

/// `Ilse Marten1 and Tomas Rekšys2,*`: names without the affiliations'
/// digits and marks a PDF's text glued to them.
fn without_glued_marks(text: &str) -> std::borrow::Cow<'_, str> {
    let glued = |w: &str| {
        let bare = w.trim_end_matches([',', ';']);
        let t = bare.trim_end_matches(|c: char| c.is_ascii_digit() || "*†‡,".contains(c));
        t.len() < bare.len() && t.ends_with(char::is_alphabetic)
    };
    if !text.split_whitespace().any(glued) {
        return text.into();
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            if !glued(w) {
                return w.to_string();
            }
            let comma = if w.ends_with(',') { "," } else { "" };
            let t = w.trim_end_matches(|c: char| c.is_ascii_digit() || "*†‡,;".contains(c));
            format!("{t}{comma}")
        })
        .collect();
    words.join(" ").into()
}

/// Capitalised words that are not parts of names.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "Of", "In", "On", "For", "And", "To", "With", "See", "Our", "We", "This",
    "From", "By", "At", "Is", "Are", "Table", "Figure", "Fig.", "Section", "Chapter", "Author",
    "Note", "Notes", "Abstract", "Keywords",
];

/// Words that make a line an affiliation.
const AFFILIATION: &[&str] = &[
    "University",
    "Universität",
    "Université",
    "Universidad",
    "Institute",
    "Institut",
    "Department",
    "School",
    "College",
    "Laboratory",
    "Lab",
    "Labs",
    "Centre",
    "Center",
    "Faculty",
    "Inc.",
    "Research",
    "Academy",
    "Hospital",
    "Ministry",
    "Corporation",
    "GmbH",
    "Ltd",
];

pub(super) fn is_affiliation(line: &str) -> bool {
    if super::paper_cjk::is_affiliation(line) {
        return true;
    }
    let clean = strip_marks(line);
    let words: Vec<&str> = clean.split_whitespace().collect();
    let email = |w: &&str| w.contains('@') && w.contains('.');
    !words.is_empty()
        && words.len() <= 40
        && (words
            .iter()
            .any(|w| AFFILIATION.contains(&w.trim_end_matches([',', '.'])))
            || words.iter().all(|w| email(w) || w.len() <= 3)
            || words.len() <= 25 && words.iter().any(email))
}

/// The text without affiliation marks: `$^{1,2}$`, `<sup>…</sup>`,
/// superscript digits, `*`, `†`, `‡`, `§`.
fn strip_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let tex = ["$^{", "${}^{", "$ ^{", "${ }^{"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min();
        let sup = rest.find("<sup>");
        let at = match (tex, sup) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        // A TeX mark ends at the `$` after its `}`.
        let end = if rest[at..].starts_with('<') {
            rest[at..].find("</sup>").map(|k| k + "</sup>".len())
        } else {
            rest[at..]
                .find('}')
                .and_then(|k| rest[at + k..].find('$').map(|j| k + j + 1))
        };
        match end {
            Some(k) => rest = &rest[at + k..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !"¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§∗".contains(*c))
        .collect::<String>()
        .replace(" ,", ",")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[path = "paper_tests.rs"]
mod tests;
