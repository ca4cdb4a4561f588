//! Notes as layout-model converters (Docling and its kind) write them:
//! the marker a bare number set apart by spaces where the superscript
//! stood (`eight smaller ports. 1 The committees began…`, `made available
//! to the public 1 in order to…`), the note a paragraph of its own that
//! opens with its number, where the page ended (`1 The eight smaller ports
//! are Kamyshin, …`).
//!
//! A bare number in running text is far more often a count than a marker,
//! so both halves must agree: note paragraphs are taken in the order of
//! their numbers, 1, 2, 3…, and each needs a marker of its number before
//! it and after the marker of the note before; a marker after a clause's
//! punctuation (`ports. 1 The`) is preferred to one after a word, and a
//! number after a word that counts or names things (`Table 1`, `page 3`,
//! `the 11 classes`) is none. The run of notes ends at the first note
//! without a marker; the notes after it stay paragraphs.

use super::pdfmd::{Block, Kind};

/// What was found: note definitions (label, text) and the blocks they
/// leave, marked for removal.
pub(super) struct Taken {
    pub defs: Vec<(String, String)>,
    pub remove: Vec<bool>,
}

/// Words after which a number counts or names something, not a note.
const NAMING: &[&str] = &[
    "table", "tables", "figure", "figures", "fig", "section", "sections", "chapter", "chapters",
    "page", "pages", "p", "pp", "no", "nos", "vol", "part", "article", "art", "step", "phase",
    "level", "grade", "class", "type", "version", "appendix", "equation", "eq", "model", "case",
    "and", "or", "to", "than", "from", "between", "of", "the", "a", "an", "about", "over", "under",
    "nearly", "almost", "some", "only", "all", "by", "at", "in", "on", "with", "for", "per",
    "every", "each", "first", "last", "next", "these", "those", "its", "their", "our", "his",
    "her", "were", "are", "was", "is", "be", "had", "have", "has", "top", "group", "round", "week",
    "day", "month", "year", "years", "n", "k", "x", "rank", "line", "lines",
];

/// Pairs spaced markers with numbered note paragraphs in `blocks`,
/// replacing each marker with `[^N]`.
pub(super) fn take(blocks: &mut [Block]) -> Taken {
    let mut taken = Taken {
        defs: Vec::new(),
        remove: vec![false; blocks.len()],
    };
    // Where the last marker stood: (block, byte offset after it).
    let mut after = (0usize, 0usize);
    let mut next = 1u32;
    let mut replace: Vec<(usize, std::ops::Range<usize>, u32)> = Vec::new();
    for i in 0..blocks.len() {
        let Some(bodies) = note_bodies(&blocks[i], next) else {
            continue;
        };
        // Every note of the block needs its marker, in order.
        let mut found = Vec::new();
        let mut from = after;
        for n in next..next + bodies.len() as u32 {
            let Some((block, range)) = marker(blocks, &taken.remove, n, from, i) else {
                break;
            };
            from = (block, range.end);
            found.push((block, range, n));
        }
        if found.len() < bodies.len() {
            break;
        }
        after = from;
        next += bodies.len() as u32;
        for (body, (block, range, n)) in bodies.into_iter().zip(found) {
            taken.defs.push((n.to_string(), body));
            replace.push((block, range, n));
        }
        taken.remove[i] = true;
    }
    // From the end, so that earlier offsets in a block stay right.
    for (block, range, n) in replace.into_iter().rev() {
        blocks[block].text.replace_range(range, &format!("[^{n}]"));
    }
    taken
}

/// The notes of a note paragraph whose first is numbered `n`: `n The …`,
/// and on later lines `n+1 …` and so on (a page's notes in one block),
/// each of words that open as a sentence or a citation does.
fn note_bodies(b: &Block, n: u32) -> Option<Vec<String>> {
    if b.kind != Kind::Other || b.text.contains('|') {
        return None;
    }
    let mut notes: Vec<Vec<&str>> = Vec::new();
    for line in b.text.trim().lines() {
        let line = line.trim();
        let number = n + notes.len() as u32;
        match opening(line, number) {
            Some(rest) => notes.push(vec![rest]),
            None => notes.last_mut()?.push(line),
        }
    }
    let bodies: Vec<String> = notes
        .iter()
        .map(|lines| {
            lines
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    bodies
        .iter()
        .all(|t| (3..=200).contains(&t.split_whitespace().count()))
        .then_some(bodies)
}

/// A line that opens note `n`: its text after the number.
fn opening(line: &str, n: u32) -> Option<&str> {
    let rest = line.strip_prefix(&n.to_string())?.strip_prefix(' ')?;
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '*' | '_' | '[' | '('))
        .then_some(rest)
}

/// The marker of note `n`: a bare `n` set apart by spaces in a paragraph
/// after `from` and before block `note`; (block, range of the space and
/// the number).
fn marker(
    blocks: &[Block],
    notes: &[bool],
    n: u32,
    from: (usize, usize),
    note: usize,
) -> Option<(usize, std::ops::Range<usize>)> {
    let label = n.to_string();
    let mut after_word = None;
    for b in (from.0..note).rev() {
        if blocks[b].kind != Kind::Other || notes[b] {
            continue;
        }
        let text = &blocks[b].text;
        let start = if b == from.0 { from.1 } else { 0 };
        let found: Vec<(usize, bool)> = text[start..]
            .match_indices(label.as_str())
            .map(|(k, _)| k + start)
            .filter_map(|k| spaced(text, k, label.len()))
            .collect();
        if let Some(&(k, _)) = found.iter().rev().find(|(_, punct)| *punct) {
            return Some((b, k - 1..k + label.len()));
        }
        if after_word.is_none() {
            after_word = found.last().map(|&(k, _)| (b, k - 1..k + label.len()));
        }
    }
    after_word
}

/// Whether the digits at `k..k+len` stand as a marker: a space before and
/// after, a word or clause ending before, a word after; `Some((k, true))`
/// after punctuation, `Some((k, false))` after a word.
fn spaced(text: &str, k: usize, len: usize) -> Option<(usize, bool)> {
    // A space before; a space or a line's end after (a converter that
    // writes a PDF's lines as they were).
    let before = text[..k].strip_suffix(' ')?;
    let rest = &text[k + len..];
    let after = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\n'));
    // Or the paragraph's end (`… from the south. 3`).
    let after = if rest.is_empty() { Some("") } else { after };
    if !after?.is_empty() && !after?.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let prev = before.chars().next_back()?;
    if matches!(prev, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"') {
        // `p. 3`, `No. 4`: an abbreviation names what follows.
        let word = before.rsplit(' ').next().unwrap_or("");
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // `pages 12, 3 and`: a list of numbers (a year may end a
        // sentence, `in 1861. 1 Yet`).
        let number = matches!(prev, ',' | ';')
            && word
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .ends_with(|c: char| c.is_ascii_digit());
        return (!NAMING.contains(&bare.as_str()) && !number).then_some((k, true));
    }
    let word = before.rsplit(' ').next().unwrap_or("");
    let named = NAMING.contains(&word.to_lowercase().as_str());
    (prev.is_lowercase() && word.chars().count() >= 3 && !named).then_some((k, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::pdfmd::prose_blocks as blocks;

    #[test]
    fn markers_and_notes_pair_in_order() {
        let mut b = blocks(&[
            "The bulletins of eight smaller ports. 1 The committees began in 1881.",
            "Saratov lacks the years 1905 and 1906 during the strikes. 2 We fill the gap.",
            "It was made available to the public 3 in order to help.",
            "1 The eight smaller ports are Kamyshin, Volsk and Khvalynsk.",
            "2 The closure is reported in the annual report for 1906.",
            "3 See the archive's own guide, published in 1999.",
        ]);
        let t = take(&mut b);
        assert_eq!(t.defs.len(), 3);
        assert_eq!(t.remove, [false, false, false, true, true, true]);
        assert_eq!(
            b[0].text,
            "The bulletins of eight smaller ports.[^1] The committees began in 1881."
        );
        assert!(b[1].text.ends_with("strikes.[^2] We fill the gap."));
        assert_eq!(
            b[2].text,
            "It was made available to the public[^3] in order to help."
        );
        assert_eq!(
            t.defs[1].1,
            "The closure is reported in the annual report for 1906."
        );
    }

    #[test]
    fn a_marker_may_end_a_line() {
        // As a converter writes a PDF's lines, each span set apart.
        let mut b = blocks(&[
            "a direct line to the grain districts of the upper Dvina. 1\nYet for twenty years",
            "1 On the opening of the line see Hartmann (1962), pp. 41–58.",
        ]);
        let t = take(&mut b);
        assert_eq!(t.defs.len(), 1);
        assert!(b[0].text.contains("Dvina.[^1]\nYet"), "{}", b[0].text);
    }

    #[test]
    fn a_page_of_notes_in_one_block() {
        let mut b = blocks(&[
            "The line opened in 1861. 1 Yet the share barely moved.",
            "We read every tariff from 1850 to 1914. 2 Each lists a charge",
            "per last of grain, which fell after the reform. 3",
            "1 On the opening of the line see Hartmann (1962).\n2 The tariffs are printed in the\nports' annual reports.\n3 Reval's own reform came later.",
        ]);
        let t = take(&mut b);
        let labels: Vec<&str> = t.defs.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        assert_eq!(
            t.defs[1].1,
            "The tariffs are printed in the ports' annual reports."
        );
        assert!(b[2].text.ends_with("reform.[^3]"), "{}", b[2].text);
        assert_eq!(t.remove, [false, false, false, true]);
    }

    #[test]
    fn counts_and_names_are_no_markers() {
        for text in [
            "As Table 1 shows, the ports differ.",
            "We found the 1 case where it failed.",
            "The series has 2 parts and 1 appendix.",
            "See p. 1 The rest follows.",
        ] {
            let mut b = blocks(&[text, "1 The note that would pair, if a marker stood."]);
            let t = take(&mut b);
            assert!(t.defs.is_empty(), "{text}");
            assert_eq!(b[0].text, text);
        }
    }

    #[test]
    fn the_run_ends_at_a_note_without_a_marker() {
        let mut b = blocks(&[
            "Prices converged. 1 Then the famine came.",
            "1 The series is in the appendix.",
            "2 Ports reported weekly until the war.",
        ]);
        let t = take(&mut b);
        assert_eq!(t.defs.len(), 1);
        assert_eq!(t.remove, [false, true, false]);
    }
}
