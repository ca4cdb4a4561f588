//! Which blocks of a text are reference lists rather than running text:
//! what a section headed "References" (or "Bibliography", "Literatur",
//! "Список литературы", "参考文献", …) holds, and runs of blocks shaped like
//! bibliography entries wherever they stand. Their years are publication
//! dates, not events, and their words are titles, not passages: the
//! extract stage leaves them out of the timeline and the topic passages.
//!
//! Rules, each tested below on text in the style of its source:
//!
//! 1. A heading whose whole text (numbering, case and a final colon
//!    aside) names a reference section starts one; it ends at the next
//!    heading of the same or a higher level.
//! 2. A paragraph that is only such a name (PDF converters often leave
//!    "References" as a plain or bold line) starts one that ends at the
//!    next heading.
//! 3. Three blocks in a row shaped like entries (two when they are list
//!    items): an author list or a `[12]` label first, a year, and a second
//!    sign of a reference (a year in parentheses, a DOI or URL, pages,
//!    a volume, a publisher, a quoted title).

use super::{Block, Paragraph};

/// Section names, lower-case, in the languages dossier reads.
const NAMES: &[&str] = &[
    // English
    "references",
    "reference list",
    "bibliography",
    "select bibliography",
    "selected bibliography",
    "works cited",
    "literature cited",
    "literature",
    "cited literature",
    "sources",
    "sources and literature",
    "notes",
    "endnotes",
    "notes and references",
    "references and notes",
    "further reading",
    "works consulted",
    "citations",
    // The reference to the text itself that journals print on its first page.
    "acm reference format",
    "acmreference format",
    "reference format",
    "cite this article",
    "how to cite",
    "how to cite this article",
    // French
    "références",
    "références bibliographiques",
    "bibliographie",
    "ouvrages cités",
    // German
    "literatur",
    "literaturverzeichnis",
    "quellen",
    "quellenverzeichnis",
    "quellen und literatur",
    "anmerkungen",
    // Spanish, Italian, Portuguese
    "referencias",
    "referencias bibliográficas",
    "bibliografía",
    "notas",
    "fuentes",
    "obras citadas",
    "riferimenti",
    "riferimenti bibliografici",
    "bibliografia",
    "note",
    "fonti",
    "referências",
    // Russian
    "литература",
    "список литературы",
    "список использованной литературы",
    "список источников",
    "библиография",
    "источники",
    "источники и литература",
    "примечания",
    "библиографический список",
    // Chinese
    "参考文献",
    "参考资料",
    "引用文献",
    "注释",
];

/// Whether a heading (or a line standing alone) names a reference
/// section: `References`, `7. REFERENCES`, `Bibliography:`, `参考文献`.
pub fn is_reference_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.', '：']).trim();
    if t.chars().count() > 45 {
        return false;
    }
    // Section numbering: `7.`, `7`, `VII.`, `A.`.
    let t = match t.split_once(char::is_whitespace) {
        Some((num, rest))
            if num
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit() || "IVXLC".contains(c))
                && !num.trim_end_matches('.').is_empty() =>
        {
            rest.trim()
        }
        _ => t,
    };
    let lower = t.to_lowercase();
    NAMES.contains(&lower.as_str()) || is_reading_list(&lower)
}

/// Words that qualify a reading list's name (`Recommended literature`,
/// `Further reading`, `Weiterführende Literatur`).
const QUALIFIERS: &[&str] = &[
    "recommended",
    "suggested",
    "selected",
    "select",
    "further",
    "additional",
    "general",
    "key",
    "main",
    "other",
    "useful",
    "comprehensive",
    "primary",
    "secondary",
    "weiterführende",
    "empfohlene",
    "ausgewählte",
    "рекомендуемая",
    "дополнительная",
    "основная",
    "bibliografia",
];

/// Names that make a heading a reading list even with more words after
/// them (`References and recommended literature`, `Literature on
/// copyright law`, `Recommended literature in German`); `Notes`,
/// `Sources`, `Books` and `Articles` only after a qualifier
/// (`Comprehensive books`, not `Sources of law` or `Books in the public
/// domain`).
const LIST_NAMES: &[&str] = &[
    "references",
    "bibliography",
    "literature",
    "reading",
    "readings",
    "literatur",
    "bibliographie",
    "bibliografia",
    "bibliografía",
    "lectures",
    "литература",
];

/// A heading that opens with a reading list's name, qualified or not,
/// followed only by a phrase joined by `in`, `on`, `or`, `and`, `for`,
/// `about` (`Recommended literature or websites`).
fn is_reading_list(lower: &str) -> bool {
    let head = [
        " in ", " on ", " or ", " and ", " for ", " about ", " zum ", " zur ",
    ]
    .iter()
    .filter_map(|c| lower.find(c))
    .min()
    .map_or(lower, |i| &lower[..i]);
    let mut words: Vec<&str> = head.split_whitespace().collect();
    let qualified = words.first().is_some_and(|w| QUALIFIERS.contains(w));
    if qualified {
        words.remove(0);
    }
    let name = words.join(" ");
    let joined = head.len() < lower.len();
    let name = name.as_str();
    (qualified || joined) && LIST_NAMES.contains(&name)
        || qualified && (NAMES.contains(&name) || ["books", "articles"].contains(&name))
}

/// Marks runs of blocks shaped like bibliography entries (rule 3).
pub fn mark_runs(paragraphs: &mut [Paragraph]) {
    let shaped: Vec<bool> = paragraphs
        .iter()
        .map(|p| !p.reference && looks_like_entry(&p.text))
        .collect();
    let mut i = 0;
    while i < paragraphs.len() {
        if !shaped[i] {
            i += 1;
            continue;
        }
        let end = (i..paragraphs.len())
            .find(|&j| !shaped[j])
            .unwrap_or(paragraphs.len());
        let items = paragraphs[i..end].iter().all(|p| p.kind == Block::Item);
        if end - i >= 3 || (items && end - i >= 2) {
            for p in &mut paragraphs[i..end] {
                p.reference = true;
            }
        }
        i = end;
    }
}

/// Whether one block reads as a bibliography entry.
pub fn looks_like_entry(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    if !(20..=1200).contains(&n) {
        return false;
    }
    let (labelled, rest) = strip_label(t);
    if !has_year(rest) {
        return false;
    }
    (labelled || starts_with_authors(rest)) && second_sign(rest)
}

/// `[12] `, `12. `, `(12) `, `12) ` before an entry.
fn strip_label(t: &str) -> (bool, &str) {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    if let Some(rest) = t.strip_prefix('[') {
        let d = digits(rest);
        if d > 0 && d < 4 && rest[d..].starts_with(']') {
            return (true, rest[d + 1..].trim_start());
        }
    }
    if let Some(rest) = t.strip_prefix('(') {
        let d = digits(rest);
        if d > 0 && d < 4 && rest[d..].starts_with(')') {
            return (true, rest[d + 1..].trim_start());
        }
    }
    let d = digits(t);
    if d > 0 && d < 4 && (t[d..].starts_with(". ") || t[d..].starts_with(") ")) {
        return (false, t[d + 1..].trim_start());
    }
    (false, t)
}

/// A year of publication: four digits from 1500 to 2099 standing alone
/// (`2019`, `2019a`, `(2019)`).
fn has_year(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            let y: u32 = t[i..i + 4].parse().unwrap_or(0);
            if (1500..2100).contains(&y) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// An author list first: `Surname, I.`, `Surname, Given`, `Surname I. I.`
/// (Russian style), `I. Surname,` (IEEE style), `SURNAME, I.`.
fn starts_with_authors(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let initial = |w: &str| {
        let w = w.trim_end_matches([',', ';']);
        let mut cs = w.chars();
        // `A.`, `A.B.`, `J.-P.`
        cs.next().is_some_and(char::is_uppercase)
            && w.ends_with('.')
            && w.chars().filter(|c| c.is_alphabetic()).count() <= 3
    };
    let name = |w: &str| {
        capital(w)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || "-'’.,".contains(c))
    };
    // `Surname, I.` / `Surname, Given` / `van der Berg, …` is rarer and left.
    if name(a) && a.ends_with(',') && (initial(b) || name(b)) {
        return true;
    }
    // `Surname I.` (Иванов И. И.)
    if name(a) && !a.ends_with('.') && initial(b) {
        return true;
    }
    // `I. Surname,` / `I. I. Surname,`
    if initial(a) {
        let c = if initial(b) { words.next() } else { Some(b) };
        return c.is_some_and(|c| name(c) && c.ends_with(','));
    }
    false
}

/// A second sign that the block is a reference, beyond names and a year.
fn second_sign(t: &str) -> bool {
    let lower = t.to_lowercase();
    let b = t.as_bytes();
    let paren_year = b.windows(6).any(|w| {
        w[0] == b'('
            && w[1..5].iter().all(u8::is_ascii_digit)
            && matches!(w[5], b')' | b'a'..=b'z' | b',')
    });
    paren_year
        || [
            "doi",
            "http",
            "www.",
            "pp.",
            " p. ",
            "vol.",
            " no. ",
            "press",
            "journal",
            "university",
            "(ed.)",
            "(eds.)",
            " eds.",
            " ed.",
            "in:",
            "retrieved",
            "accessed",
            "isbn",
            "issn",
            "proceedings",
            "conference",
            "working paper",
            "report",
            "—",
            " с.",
            " т.",
            "изд",
            "м.:",
            "спб",
            "вып.",
            "hrsg",
            "verlag",
            "éd.",
            "éditions",
            " s. ",
        ]
        .iter()
        .any(|s| lower.contains(s))
        || t.contains('“')
        || t.contains('«')
        || t.contains('"')
        || ends_with_year(t)
        || year_then_period(t)
}

/// `Okafor, T. 2011. Ports and power.`: a year closed by a full stop early
/// in the block, after the names (Harvard style).
fn year_then_period(t: &str) -> bool {
    let head = &t.as_bytes()[..t.len().min(120)];
    head.windows(6)
        .any(|w| w[0] == b' ' && w[1..5].iter().all(u8::is_ascii_digit) && w[5] == b'.')
}

/// `…, 2019.` or `… 2019.`: a year as the last thing in the block.
fn ends_with_year(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ' ']);
    t.len() >= 4
        && t.is_char_boundary(t.len() - 4)
        && t[t.len() - 4..].bytes().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
#[path = "refs_tests.rs"]
mod tests;
