//! Sentence boundaries, for timeline entries and passage excerpts.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets)
//! followed by white space and anything but a lower-case letter; CJK full
//! stops end a sentence without the space.
//! A full stop after an abbreviation (`U.S.`, `Mr.`, `pp.`, a lone initial)
//! does not end a sentence.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "no", "vol", "pp", "p", "ed",
    "eds", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "col", "lt", "sen", "rep", "gov", "pres", "inc", "ltd", "co", "corp", "jr", "sr",
];

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
            && !(c == '.' && is_abbreviation(&text[start..pos]))
        {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | ']') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let ws = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            // Anything but a lower-case letter may open a sentence: capitals,
            // digits, quotes, and scripts without case.
            let next_starts = chars.get(k).is_none_or(|&(_, n)| !n.is_lowercase());
            let cjk_stop = matches!(c, '。' | '！' | '？');
            if j == chars.len() || ((ws || cjk_stop) && next_starts) {
                push_trimmed(text, start..end, &mut out);
                start = chars.get(k).map_or(text.len(), |&(p, _)| p);
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
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
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['"', '“', '\'']);
    if bare.is_empty() {
        return false;
    }
    // `U.S` (before its last dot) or a lone initial `A`.
    let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    initial || bare.contains('.') || ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
}

/// The sentence of `text` that contains byte `offset`.
pub fn sentence_at(text: &str, offset: usize) -> Range<usize> {
    sentences(text)
        .into_iter()
        .find(|r| r.start <= offset && offset < r.end.max(r.start + 1))
        .unwrap_or(0..text.len())
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
    fn hostile() {
        assert!(split("").is_empty());
        assert_eq!(split("..."), vec!["..."]);
        assert_eq!(split("   "), Vec::<&str>::new());
        assert_eq!(
            split("Ünïcödé. Ещё. 北京。"),
            vec!["Ünïcödé.", "Ещё.", "北京。"]
        );
    }
}
