//! Plain text's lines into paragraphs.
//!
//! Blocks are separated by blank lines. In a hard-wrapped file (an editor's
//! or a PDF converter's: most lines stop mid-sentence at a similar width)
//! a block's lines are joined; inside a block, a line that ends a sentence
//! well short of its neighbours' width, before a line that opens like a
//! sentence, ends a paragraph (a PDF's text often has no blank line
//! between paragraphs, nor between the text and a page's notes). Otherwise
//! every line is a paragraph of its own, as in text pasted from the web.
//!
//! A PDF's furniture goes first, with its lines listed as dropped: a table
//! of contents (lines with dot leaders and a page number, and the lone
//! part labels `I.`, `A.` between them) and page marks (a line of one to
//! three symbols, such as `!` or `††`, where a symbol font's page number
//! or a note mark stood; in a hard-wrapped file also a bare page number
//! alone between blank lines).

use super::text::ends_sentence;

/// A body's paragraphs, and the lines taken out as page furniture.
#[derive(Debug, Default)]
pub struct Paragraphs {
    pub paras: Vec<String>,
    pub dropped: Vec<String>,
    /// Page marks were found: a paragraph may run on across them.
    pub pages: bool,
}

/// Splits a body into paragraphs (trimmed), without its page furniture.
pub fn read(body: &str) -> Paragraphs {
    let mut lines: Vec<&str> = body.split('\n').map(str::trim).collect();
    let mut dropped = contents(&mut lines);
    // Page marks part blocks, wherever they stand.
    let mut pages = false;
    for l in lines.iter_mut().filter(|l| is_page_mark(l)) {
        dropped.push(l.to_string());
        *l = "";
        pages = true;
    }
    // Headings set in small capitals, split where the font changed.
    let joined: Vec<std::borrow::Cow<str>> = lines.iter().map(|l| join_small_caps(l)).collect();
    let groups: Vec<Vec<&str>> = joined
        .split(|l| l.is_empty())
        .filter(|g| !g.is_empty())
        .map(|g| g.iter().map(|l| l.as_ref()).collect())
        .collect();
    let wrapped = is_hard_wrapped(&groups);
    let width = usual_width(&groups);
    let mut paras = Vec::with_capacity(groups.len());
    for (k, mut g) in groups.into_iter().enumerate() {
        // A bare page number, alone or ending a page's last block.
        if wrapped && g.last().is_some_and(|l| is_page_number(l)) {
            dropped.push(g.pop().unwrap_or_default().to_string());
            pages |= g.is_empty();
        }
        if g.is_empty() {
            continue;
        }
        if wrapped {
            paras.extend(split_group(&g, width, k == 0));
        } else {
            paras.extend(g.into_iter().map(str::to_string));
        }
    }
    Paragraphs {
        paras,
        dropped,
        pages,
    }
}

/// A file is hard-wrapped when at least three lines continue onto a next
/// line, and either four in five of them are 30–100 characters long and
/// most stop mid-sentence, or at least three stop mid-sentence at that
/// length and run on into a line that opens without a capital or a digit,
/// and at most a fifth of all lines are longer than 100 characters (a
/// PDF's text, with its tables, titles and reference lists). Pasted web
/// text has one whole paragraph per line instead, and a table's rows each
/// open with a capital or a number.
fn is_hard_wrapped(groups: &[Vec<&str>]) -> bool {
    let (mut inner, mut sized, mut open, mut runs_on) = (0, 0, 0, 0);
    let lines: usize = groups.iter().map(Vec::len).sum();
    let long = groups
        .iter()
        .flatten()
        .filter(|l| l.chars().count() > 100)
        .count();
    for g in groups {
        for pair in g.windows(2) {
            let (line, next) = (pair[0], pair[1]);
            let fits = (30..=100).contains(&line.chars().count());
            let mid = !ends_sentence(line);
            let lower = next
                .chars()
                .next()
                .is_some_and(|c| !c.is_uppercase() && !c.is_ascii_digit());
            inner += 1;
            sized += usize::from(fits);
            open += usize::from(mid);
            runs_on += usize::from(fits && mid && lower);
        }
    }
    inner >= 3 && (sized * 5 >= inner * 4 && open * 2 > inner || runs_on >= 3 && long * 5 <= lines)
}

/// The text's usual line length: the median length of the lines that
/// run on into the next (of all lines, if none does).
fn usual_width(groups: &[Vec<&str>]) -> usize {
    let len = |l: &str| l.chars().count();
    let mut lens: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.windows(2))
        .filter(|p| !ends_sentence(p[0]) && p[1].starts_with(char::is_lowercase))
        .map(|p| len(p[0]))
        .collect();
    if lens.is_empty() {
        lens = groups.iter().flatten().map(|l| len(l)).collect();
    }
    lens.sort_unstable();
    lens.get(lens.len() / 2).copied().unwrap_or(0)
}

/// A block's lines joined, parted where a line ends a paragraph; `width`
/// is the text's usual line length.
fn split_group(lines: &[&str], width: usize, first: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, line) in lines.iter().enumerate() {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(line);
        // The text's first line, shaped like a title, is one.
        let title = first && i == 0 && super::lines::headline_shape(line);
        let next_opens = lines.get(i + 1).is_some_and(|n| opens_sentence(n));
        if i + 1 < lines.len() && (title && next_opens || ends_paragraph(lines, i, width)) {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Line `i` ends a paragraph when the next line opens like a sentence and
/// - line `i` ends a sentence (a note's number may follow, `monsoon.4`)
///   and the next line's first word would have fitted on it with a tenth
///   of the width to spare: the break was the writer's, not the wrapper's;
/// - or it ends a sentence and the next line opens a page's next note
///   (`See`, `Cf.`, `Id.`), a reference list's entry (`Lipping, H.`) or
///   a labelled line (`Keywords:`); or, sentence or not, the next line
///   opens with a signal no sentence goes on with (`Cf.`, `See also`)
///   or is much wider than the text's usual line (a note's smaller type);
/// - or the next line opens with a note's or a section's number (`2 On`);
/// - or it is a line in capitals (a title, a heading), or the next one is;
/// - or the next line's first word would have fitted on it with a fifth
///   of the text's usual width to spare: a title's, a name's, a heading's
///   or a table row's line, which ends where its text ends.
fn ends_paragraph(lines: &[&str], i: usize, usual: usize) -> bool {
    let line = lines[i];
    let next = lines[i + 1];
    if !opens_sentence(next) || line.ends_with([',', '-', '–', '—', '&']) {
        return false;
    }
    let len = |l: &str| l.chars().count();
    let sentence = ends_sentence(without_note_number(line));
    let first = next.split_whitespace().next().unwrap_or("");
    let signal = matches!(first, "See" | "See," | "Cf." | "Id." | "Ibid." | "Compare");
    let opens_part = sentence && (signal || opens_entry(next) || opens_label(next));
    if opens_part || numbered(next) || in_capitals(line) || sentence && in_capitals(next) {
        return true;
    }
    // A page's first note after running text that the page break cut
    // mid-sentence (`… Modern jurists have a` / `Cf. Wood v. Lucy, …`):
    // no sentence goes on with these.
    let second = next.split_whitespace().nth(1).unwrap_or("");
    let strong = matches!(first, "Cf." | "Id." | "Id.," | "Ibid." | "Ibid.," | "See,")
        || first == "See" && matches!(second, "generally" | "also" | "id." | "supra")
        || first == "But" && matches!(second, "see" | "cf.");
    // A line much wider than the text's usual one is set in smaller type:
    // a page's notes begin there.
    let wider = len(next) * 100 > usual * 115 && len(line) * 100 <= usual * 105;
    if (strong || wider) && line.split_whitespace().count() >= 4 {
        return true;
    }
    let width = len(next).max(i.checked_sub(1).map_or(0, |j| len(lines[j])));
    let word = len(first);
    let room = len(line) + 1 + word;
    sentence && room * 10 <= width * 9 || room * 10 <= usual * 8
}

/// `Lipping, H. (1996)`, `Kallas, M., and`: a reference list's entry.
fn opens_entry(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(name), Some(initial)) = (words.next(), words.next()) else {
        return false;
    };
    let initial = initial.trim_end_matches(',');
    name.ends_with(',')
        && name.starts_with(char::is_uppercase)
        && initial.ends_with('.')
        && initial.chars().filter(|c| c.is_alphabetic()).count() <= 2
        && initial.starts_with(char::is_uppercase)
}

/// `Keywords: …`, `JEL codes: …`, `Mots-clés : …`: a label of one or two
/// words.
fn opens_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(3).collect();
    // French sets a space before the colon: `Mots-clés : …`.
    words
        .iter()
        .take(2)
        .any(|w| w.ends_with(':') && w.len() > 1)
        || words.get(1).is_some_and(|w| *w == ":")
}

/// `1 The boards …`, `2 Data and methods`: a note's or a section's number
/// (one or two digits), then a capitalised word.
fn numbered(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(n), Some(w)) = (words.next(), words.next()) else {
        return false;
    };
    n.len() <= 2
        && n.bytes().all(|b| b.is_ascii_digit())
        && w.starts_with(char::is_uppercase)
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A line in capitals, with at least four letters: `I NTRODUCTION`.
fn in_capitals(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && !line.chars().any(char::is_lowercase)
}

/// `monsoon.4` → `monsoon.`: a note's number glued after a sentence's end.
fn without_note_number(line: &str) -> &str {
    let t = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = line.len() - t.len();
    let after_end = t.ends_with(['.', '!', '?', '"', '”', '’', ')']);
    if (1..=3).contains(&digits) && after_end {
        t
    } else {
        line
    }
}

/// Opens like a sentence or a note: a capital or a digit, or a quotation
/// mark or bracket before one.
fn opens_sentence(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    let strong = |c: Option<char>| c.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    strong(first)
        || first.is_some_and(|c| matches!(c, '“' | '"' | '‘' | '(' | '[' | '§')) && strong(second)
}

/// One to three symbols alone: a page number in a symbol font (`!`, `#`),
/// or a note's mark (`†`, `††`). Rules of stars or dashes stay.
fn is_page_mark(line: &str) -> bool {
    let n = line.chars().filter(|c| !c.is_whitespace()).count();
    (1..=3).contains(&n)
        && !line.chars().any(char::is_alphanumeric)
        && !line.chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '*' | '-' | '–' | '—' | '_' | '=' | '~' | '·' | '•' | '…')
        })
}

/// `I NTRODUCTION` → `INTRODUCTION`, `G AP F ILLING’ S` → `GAP FILLING’S`:
/// a line in capitals whose words' first letters a PDF's text set apart
/// (the rest was in small capitals). `A` and `I` join only a rest that
/// no word opens with (`I NTRODUCTION`, not `A NEW`).
fn join_small_caps(line: &str) -> std::borrow::Cow<'_, str> {
    if !in_capitals(line) || !line.contains(' ') {
        return line.into();
    }
    let words: Vec<&str> = line.split(' ').collect();
    let caps = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let possessive = |k: usize| words[k] == "S" && k > 0 && words[k - 1].ends_with(['’', '\'']);
    let joins = |k: usize| {
        let (w, next) = (words[k], words.get(k + 1).copied().unwrap_or(""));
        let letter = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        letter && !possessive(k) && caps(next) && (!matches!(w, "A" | "I") || no_onset(next))
    };
    if !(0..words.len()).any(joins) {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 && !joins(k - 1) && !possessive(k) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.into()
}

/// No English word opens with these two letters (`NT`, `BS`, `PP`).
fn no_onset(rest: &str) -> bool {
    let mut c = rest.chars();
    let (Some(a), Some(b)) = (c.next(), c.next()) else {
        return false;
    };
    let vowel = |c: char| "AEIOUY".contains(c);
    if vowel(a) || vowel(b) {
        return false;
    }
    const ONSETS: &[&str] = &[
        "BL", "BR", "CH", "CL", "CR", "DR", "DW", "FL", "FR", "GL", "GN", "GR", "KN", "PH", "PL",
        "PR", "PS", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "ST", "SW", "TH", "TR", "TW", "WH",
        "WR", "SCH", "QU",
    ];
    let pair: String = [a, b].iter().collect();
    !ONSETS.contains(&pair.as_str())
}

/// A bare page number (`12`, `xiv`).
fn is_page_number(line: &str) -> bool {
    (1..=4).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_digit())
        || (1..=5).contains(&line.len()) && line.bytes().all(|b| b"ivxl".contains(&b))
}

/// Takes out a table of contents (at least two lines with dot leaders and
/// a page number, and the lone part labels beside them); returns its lines.
fn contents(lines: &mut Vec<&str>) -> Vec<String> {
    if lines.iter().filter(|l| is_leader_line(l)).count() < 2 {
        return Vec::new();
    }
    let near_leader = |i: usize, lines: &[&str]| {
        let next = lines[i + 1..].iter().find(|l| !l.is_empty());
        let prev = lines[..i].iter().rev().find(|l| !l.is_empty());
        next.into_iter().chain(prev).any(|l| is_leader_line(l))
    };
    let gone: Vec<bool> = (0..lines.len())
        .map(|i| is_leader_line(lines[i]) || is_part_label(lines[i]) && near_leader(i, lines))
        .collect();
    let dropped = lines
        .iter()
        .zip(&gone)
        .filter(|(_, g)| **g)
        .map(|(l, _)| l.to_string())
        .collect();
    super::drop_marked(lines, &gone);
    dropped
}

/// `Three Basins ........ 12`, `Conclusion……21`, `Preface . . . . . xi`.
fn is_leader_line(line: &str) -> bool {
    let Some((rest, page)) = line.rsplit_once(|c: char| !c.is_alphanumeric()) else {
        return false;
    };
    let page_like = !page.is_empty()
        && page.len() <= 5
        && (page.bytes().all(|b| b.is_ascii_digit()) || page.bytes().all(|b| b"ivxl".contains(&b)));
    let end = rest.len() + line[rest.len()..].chars().next().map_or(0, char::len_utf8);
    let leaders: usize = line[..end]
        .chars()
        .rev()
        .take_while(|c| matches!(c, '.' | '…' | '·' | ' '))
        .map(|c| if c == '…' { 3 } else { usize::from(c != ' ') })
        .sum();
    page_like && leaders >= 4
}

/// `I.`, `IV.`, `A.`, `12.`: a part's label on a line of its own.
fn is_part_label(line: &str) -> bool {
    let Some(label) = line.strip_suffix('.') else {
        return false;
    };
    let roman = !label.is_empty() && label.bytes().all(|b| b"IVXLC".contains(&b));
    let letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase());
    let number = (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit());
    roman || letter || number
}

#[cfg(test)]
#[path = "wrap_tests.rs"]
mod tests;
