//! Sentence boundaries, for timeline entries and passage excerpts.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets)
//! followed by white space and anything but a lower-case letter; CJK full
//! stops end a sentence without the space.
//! A full stop after an abbreviation (`U.S.`, `Mr.`, `pp.`, a lone initial)
//! does not end a sentence.

use crate::chars;
use std::ops::Range;

/// How far back a full stop's word is looked for: longer "words" are not
/// abbreviations, and the bound keeps a paragraph of dots linear.
const WORD_WINDOW: usize = 48;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "no", "vol", "pp", "p", "ed",
    "eds", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "col", "lt", "sen", "rep", "gov", "pres", "inc", "ltd", "co", "corp", "jr", "sr", "art",
    "arts", "al", "n", "nn", "fig", "figs", "ch", "chap", "sec", "para", "cf", "op", "cit",
    "approx", "dept", "univ", "gaz", "repr", "trans", "cl", "reg", "vols",
    // Scholarly and legal citation.
    "ibid", "id", "loc", "ff", "ca", "c", "v", "nos", "paras", "ss", "subs", "sch", "cir", "ct",
    "supp", "app", "stat", "fed", "rev", "crim", "civ", "admin", "const", "amend", "dist", "ord",
    "cal", "mass", "wash", "penn", "yale", "harv", "colum", "ann", "hist", "pol", "sci", "soc",
    "stud", "int", "intl", "nat", "natl", "rel", "res", "sess", "doc",
    // Points and letters of a provision (`Article 2 pt. 5`, `Art. 6 lit. a`,
    // Polish `art. 5 ust. 2 pkt 3`, German `Rn.`, `Ziff.`).
    "pt", "pts", "lit", "subpara", "subsec", "ust", "pkt", "poz", "rn", "ziff", "aufl",
    // French, German, Spanish, Italian.
    "mme", "mlle", "mm", "éd", "coll", "bzw", "vgl", "nr", "abs", "hrsg", "ders", "dies", "sra",
    "dña", "pág", "págs", "sig", "sigg", "cap", "ecc",
    // Russian: г. (year), гг., т. (volume), с. (page), см., ср., им., ул., д.
    "г", "гг", "т", "тт", "с", "сс", "см", "ср", "им", "ул", "д", "вып", "изд", "ред", "пер",
];

/// How far back an open parenthesis keeps a full stop from ending the
/// sentence (`(Lepikhin et al. 2018; see also p. 4)`): longer asides are
/// sentences of their own.
const PAREN_WINDOW: usize = 300;

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (pos, c) in text.char_indices() {
        if pos < start {
            continue;
        }
        if let Some((end, next)) = boundary(text, start, pos, c) {
            push_trimmed(text, start..end, &mut out);
            start = next;
        }
    }
    if start < text.len() {
        push_trimmed(text, start..text.len(), &mut out);
    }
    out
}

/// If the character `c` at `pos` ends a sentence that began at `start`:
/// the sentence's end and where the next one begins.
fn boundary(text: &str, start: usize, pos: usize, c: char) -> Option<(usize, usize)> {
    if !matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
        || (c == '.' && is_abbreviation(&text[start..pos]))
        || in_parentheses(&text[start..pos])
    {
        return None;
    }
    let after = &text[pos + c.len_utf8()..];
    let closers = after.len()
        - after
            .trim_start_matches(['"', '\'', '”', '’', ')', ']'])
            .len();
    let end = pos + c.len_utf8() + closers;
    let rest = &text[end..];
    if rest.is_empty() {
        return Some((end, text.len()));
    }
    let trimmed = rest.trim_start();
    let ws = trimmed.len() < rest.len();
    // Anything but a lower-case letter may open a sentence: capitals,
    // digits, quotes, and scripts without case.
    let next_starts = trimmed.chars().next().is_none_or(|n| !n.is_lowercase());
    let cjk_stop = matches!(c, '。' | '！' | '？');
    ((ws || cjk_stop) && next_starts).then(|| (end, text.len() - trimmed.len()))
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Is the word before a full stop an abbreviation?
fn is_abbreviation(before: &str) -> bool {
    let near = chars::before(before, before.len(), WORD_WINDOW);
    let word = &near[chars::after_last(near, |c| c.is_whitespace() || c == '(')..];
    let bare = word.trim_start_matches(['"', '“', '\'']);
    if bare.is_empty() {
        return false;
    }
    // `U.S` (before its last dot) or a lone initial `A`; a number with a
    // point (`A$4.67`, `3.5`) is no abbreviation.
    let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    let dotted = bare.contains('.') && bare.chars().all(|c| c.is_alphabetic() || c == '.');
    initial || dotted || ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// Whether a parenthesis opened in the last [`PAREN_WINDOW`] bytes of
/// `sentence` is still open.
fn in_parentheses(sentence: &str) -> bool {
    let near = chars::before(sentence, sentence.len(), PAREN_WINDOW);
    let mut depth = 0i32;
    for c in near.chars().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return true,
            '(' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// The sentence of `text` that contains byte `offset`, found by scanning
/// outwards from it rather than splitting the whole text.
pub fn sentence_at(text: &str, offset: usize) -> Range<usize> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // Walk back over candidate stops; a stop is a boundary only in the
    // context of its own sentence start, so confirm from the earliest one.
    let mut start = 0;
    for (pos, c) in text[..offset].char_indices().rev() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
            let from = sentence_start_before(text, pos);
            if let Some((_, next)) = boundary(text, from, pos, c) {
                if next <= offset {
                    start = next;
                    break;
                }
            }
        }
    }
    for (i, c) in text[start..].char_indices() {
        let pos = start + i;
        if pos >= offset {
            if let Some((end, _)) = boundary(text, start, pos, c) {
                return trim(text, start..end);
            }
        } else if let Some((end, next)) = boundary(text, start, pos, c) {
            if next > offset {
                return trim(text, start..end);
            }
        }
    }
    trim(text, start..text.len())
}

/// A sentence longer than this (a list run together, a table pasted as
/// one paragraph) is cut to a window around what it is quoted for.
pub const MAX_SENTENCE: usize = 600;

/// `sentence`, or when it is longer than [`MAX_SENTENCE`] bytes, the part
/// of it around `hit` cut at spaces: what a timeline entry shows, so that
/// entries never hold a whole long paragraph each.
pub fn around(text: &str, sentence: Range<usize>, hit: Range<usize>) -> Range<usize> {
    if sentence.len() <= MAX_SENTENCE {
        return sentence;
    }
    let half = (MAX_SENTENCE.saturating_sub(hit.len())) / 2;
    let lo = chars::ceil(text, hit.start.saturating_sub(half).max(sentence.start));
    let hi = chars::floor(text, (hit.end + half).min(sentence.end));
    // Start after a space and end before one, unless there is none.
    let start = match text[lo..hit.start].find(char::is_whitespace) {
        Some(i) if lo > sentence.start => chars::ceil(text, lo + i + 1),
        _ => lo,
    };
    let end = match text[hit.end..hi].rfind(char::is_whitespace) {
        Some(i) if hi < sentence.end => hit.end + i,
        _ => hi,
    };
    trim(text, start.min(hit.start)..end.max(hit.end))
}

/// The start of the word run before `pos`, for the abbreviation test (which
/// only looks at the last word).
fn sentence_start_before(text: &str, pos: usize) -> usize {
    let near = chars::before(text, pos, WORD_WINDOW);
    let base = pos - near.len();
    match chars::after_last(near, char::is_whitespace) {
        0 if base > 0 => base,
        i => base + i,
    }
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let mut out = Vec::new();
    push_trimmed(text, r.clone(), &mut out);
    out.pop().unwrap_or(r.start..r.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_sentence_ends() {
        assert_eq!(
            split("One. Two! Three? Four"),
            vec!["One.", "Two!", "Three?", "Four"]
        );
        assert_eq!(
            split("He said “go.” Then left."),
            vec!["He said “go.”", "Then left."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = "U.S. Secretary of State Antony Blinken spoke. Mr. Lavrov replied in pp. 3-4.";
        assert_eq!(
            split(s),
            vec![
                "U.S. Secretary of State Antony Blinken spoke.",
                "Mr. Lavrov replied in pp. 3-4."
            ]
        );
        assert_eq!(
            split("Daniel R. Depetris wrote."),
            vec!["Daniel R. Depetris wrote."]
        );
    }

    #[test]
    fn lower_case_after_stop_continues() {
        assert_eq!(
            split("It grew 2.5 percent. e.g. this"),
            vec!["It grew 2.5 percent. e.g. this"]
        );
    }

    #[test]
    fn seed_sentence_with_year() {
        let p = "In the present day, Russia and China may not agree. Threat assessment reports suggest that “Russia and China are more aligned now than at any point since in the mid-1950s and their relationship is likely to strengthen in the coming years” due to the convergence of interests.";
        let at = p.find("mid-1950s").unwrap();
        assert!(p[sentence_at(p, at)].starts_with("Threat assessment"));
    }

    #[test]
    fn sentence_at_agrees_with_sentences() {
        let texts = [
            "One. Two! Three? Four",
            "U.S. Secretary of State Antony Blinken spoke. Mr. Lavrov replied in pp. 3-4. Then “quoted.” Done",
            "He said “go.” Then left. e.g. this continues. Ünïcödé. Ещё. 北京。上海。",
            "   Leading space. Trailing space.   ",
            "No stop at all",
            "",
        ];
        for t in texts {
            let all = sentences(t);
            for (i, _) in t.char_indices() {
                let expected = all.iter().find(|r| r.start <= i && i < r.end);
                if let Some(r) = expected {
                    assert_eq!(sentence_at(t, i), r.clone(), "{t:?} at {i}");
                }
            }
        }
    }

    #[test]
    fn citation_and_legal_abbreviations_and_prices() {
        let split = |t: &str| -> Vec<String> {
            sentences(t).into_iter().map(|r| t[r].to_string()).collect()
        };
        assert_eq!(
            split("As Lepikhin et al. argued in 2018, the border held. It did."),
            vec![
                "As Lepikhin et al. argued in 2018, the border held.",
                "It did."
            ]
        );
        assert_eq!(
            split("See Smith v. Jones, 12 F. Supp. 3d 45 (2019). The court agreed."),
            vec![
                "See Smith v. Jones, 12 F. Supp. 3d 45 (2019).",
                "The court agreed."
            ]
        );
        assert_eq!(
            split("Shares closed at A$4.67. Trading was thin."),
            vec!["Shares closed at A$4.67.", "Trading was thin."]
        );
        assert_eq!(
            split("The rule (Art. 5, cf. n. 12; Ibid. p. 4. Also Id. at 7) applied in 2001. Next."),
            vec![
                "The rule (Art. 5, cf. n. 12; Ibid. p. 4. Also Id. at 7) applied in 2001.",
                "Next."
            ]
        );
        assert_eq!(
            split("Договор подписан в 2001 г. Москвой и Пекином. Далее."),
            vec!["Договор подписан в 2001 г. Москвой и Пекином.", "Далее."]
        );
        assert_eq!(
            split("Under Article 2 pt. 5 of the Act of 18 July 2002 it applies. So do Art. 6 lit. A and art. 5 ust. 2 pkt. 3. Next."),
            vec![
                "Under Article 2 pt. 5 of the Act of 18 July 2002 it applies.",
                "So do Art. 6 lit. A and art. 5 ust. 2 pkt. 3.",
                "Next."
            ]
        );
        assert_eq!(
            split("Prof. Ivanova wrote c. 1950. Then\u{2003}the war."),
            vec!["Prof. Ivanova wrote c. 1950.", "Then\u{2003}the war."]
        );
    }

    #[test]
    fn hostile() {
        assert!(split("").is_empty());
        assert_eq!(split("..."), vec!["..."]);
        assert_eq!(split("   "), Vec::<&str>::new());
        assert_eq!(
            split("Ünïcödé. Ещё. 北京。"),
            vec!["Ünïcödé.", "Ещё.", "北京。"]
        );
    }

    #[test]
    fn wide_spaces_before_abbreviations() {
        for space in ['\u{2009}', '\u{00a0}', '\u{202f}', '\u{3000}'] {
            let t = format!(
                "It was obtained{space}—{space}e.g., use p.{space}4 and Art.{space}5. Next one."
            );
            let all = sentences(&t);
            assert_eq!(all.len(), 2, "{t:?}");
            for (i, _) in t.char_indices() {
                let r = sentence_at(&t, i);
                assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            }
        }
    }

    /// Work per full stop is bounded: ten times the dots take about ten
    /// times as long, not a hundred (checked as a ratio of two sizes).
    #[test]
    fn many_dots_stay_linear() {
        let time = |n: usize| {
            let t = "a.".repeat(n) + " End. " + &"x ".repeat(n);
            let start = std::time::Instant::now();
            let all = sentences(&t);
            let _ = sentence_at(&t, t.len() - 1);
            let _ = sentence_at(&t, t.len() / 3);
            assert!(!all.is_empty());
            start.elapsed().as_secs_f64()
        };
        let small = time(10_000).max(1e-4);
        let large = time(100_000);
        assert!(
            large / small < 40.0,
            "{small} s for 10,000 dots, {large} s for 100,000"
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_hit() {
        let t = format!("{} in 1991 {}", "word ".repeat(500), "more ".repeat(500));
        let at = t.find("1991").unwrap();
        let r = around(&t, 0..t.len(), at..at + 4);
        assert!(r.len() <= MAX_SENTENCE, "{}", r.len());
        assert!(r.start <= at && r.end >= at + 4);
        assert!(t[r.clone()].starts_with("word") && t[r].ends_with("more"));
        let short = around("In 1991.", 0..8, 3..7);
        assert_eq!(short, 0..8);
    }
}
