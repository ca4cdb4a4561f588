//! Excerpts: a short, escaped piece of a paragraph around a mention, with the
//! mentions marked.

use super::highlight::escape;
use crate::extract::sentences::sentence_at;

/// Longest excerpt before it is cut to a window around the first mention.
const MAX_CHARS: usize = 320;
const CONTEXT: usize = 140;

/// The sentence holding the first span (or a window of it), HTML-escaped,
/// with every span inside it wrapped in `<mark>`; `lang` is the text's
/// language, for its sentence boundaries.
pub fn excerpt(text: &str, spans: &[(usize, usize)], lang: &str) -> String {
    let Some(&(first, _)) = spans.first() else {
        return escape(&crate::graph::first_words(text, 40));
    };
    let s = sentence_at(text, first, lang);
    let (mut start, mut end) = (s.start, s.end);
    if text[start..end].chars().count() > MAX_CHARS {
        start = snap_back(text, first.saturating_sub(CONTEXT).max(s.start));
        end = snap_forward(text, (first + CONTEXT).min(s.end));
    }
    let mut out = String::new();
    if start > s.start {
        out.push('…');
    }
    mark(text, start, end, spans, &mut out);
    if end < s.end {
        out.push('…');
    }
    out
}

/// Escapes `text[start..end]`, wrapping the spans that lie inside in `<mark>`.
pub fn mark(text: &str, start: usize, end: usize, spans: &[(usize, usize)], out: &mut String) {
    let mut at = start;
    for &(a, b) in spans {
        if a < at || b > end {
            continue;
        }
        out.push_str(&escape(&text[at..a]));
        out.push_str("<mark>");
        out.push_str(&escape(&text[a..b]));
        out.push_str("</mark>");
        at = b;
    }
    out.push_str(&escape(&text[at..end]));
}

fn snap_back(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    match text[..i].rfind(' ') {
        Some(sp) if i - sp < 20 => sp + 1,
        _ => i,
    }
}

fn snap_forward(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    match text[i..].find(' ') {
        Some(sp) if sp < 20 => i + sp,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_mention_in_its_sentence() {
        let t = "First sentence. The Arctic & Russia matter. Last one.";
        let a = t.find("Arctic").unwrap();
        assert_eq!(
            excerpt(t, &[(a, a + 6)], "en"),
            "The <mark>Arctic</mark> &amp; Russia matter."
        );
    }

    #[test]
    fn long_sentences_are_windowed() {
        let t = format!("{} Arctic {}", "word ".repeat(100), "more ".repeat(100));
        let a = t.find("Arctic").unwrap();
        let e = excerpt(&t, &[(a, a + 6)], "en");
        assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
        assert!(e.contains("<mark>Arctic</mark>"));
        assert!(e.chars().count() < 400);
    }

    #[test]
    fn multibyte_text_is_safe() {
        let t = format!("{}Россия Arctic {}", "é".repeat(300), "ü".repeat(300));
        let a = t.find("Arctic").unwrap();
        assert!(excerpt(&t, &[(a, a + 6)], "en").contains("<mark>Arctic</mark>"));
        assert_eq!(excerpt("", &[], "en"), "");
    }
}
