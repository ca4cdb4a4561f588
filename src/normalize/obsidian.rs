//! The syntax Obsidian (and, for inline notes, Pandoc) adds to Markdown,
//! written as the Markdown and the few inline tags the parser reads:
//!
//! * `%% a comment %%`, on one line or several: removed (it is the
//!   author's, not the reader's);
//! * `==highlighted==`: `<mark>highlighted</mark>`;
//! * `^[an inline note]`: a footnote, its text added after the document;
//! * a block id at the end of a paragraph or item (`… text. ^core-clause`):
//!   an empty anchor `<span id="^core-clause"></span>`, which the parser
//!   turns into the block's own id, so that `[[Note#^core-clause]]` and
//!   `[[#^core-clause]]` lead to the paragraph;
//!
//! Wiki links and embeds (`[[Note|text]]`, `![[map.png|400]]`) and
//! callouts are read by the parser (see `parse::callouts`); links are
//! resolved in the site graph (`graph::wiki`). Fenced code and code
//! spans are left as they are.

use super::text::{closes_fence, opens_fence, split_end};
use std::borrow::Cow;

/// `markdown` with the syntax above rewritten; borrowed when it has none.
pub fn convert(markdown: &str) -> Cow<'_, str> {
    if !["%%", "==", "^[", " ^", "\n^"]
        .iter()
        .any(|m| markdown.contains(m))
    {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + 64);
    let mut notes: Vec<String> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    // A comment opens only where one closes after it: a lone `%%` hides
    // nothing. (Where the last mark stands, found once.)
    let last_mark = markdown.rfind("%%");
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        offset += line.len();
        let closes_later = last_mark.is_some_and(|at| at >= offset);
        let (body, end) = split_end(line);
        if let Some(f) = fence {
            out.push_str(line);
            if closes_fence(body, f) {
                fence = None;
            }
            continue;
        }
        if !in_comment {
            if let Some(f) = opens_fence(body) {
                fence = Some(f);
                out.push_str(line);
                continue;
            }
        }
        let (kept, still) = without_comments(body, in_comment, closes_later);
        let dropped_all =
            kept.trim().is_empty() && (in_comment || still || kept.len() < body.len());
        in_comment = still;
        if dropped_all {
            // A line that was all comment is left empty, so that the lines
            // after it keep their numbers (for messages).
            out.push_str(end);
            continue;
        }
        out.push_str(&inline(&kept, &mut notes));
        out.push_str(end);
    }
    if !notes.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        for (n, text) in notes.iter().enumerate() {
            out.push_str(&format!("\n[^inline-note-{}]: {text}\n", n + 1));
        }
    }
    Cow::Owned(out)
}

/// The line without its comments (`%% … %%`, outside code spans), and
/// whether a comment is still open at its end.
fn without_comments(line: &str, mut open: bool, closes_later: bool) -> (String, bool) {
    if !open && !line.contains("%%") {
        return (line.to_string(), false);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        if open {
            match rest.find("%%") {
                Some(at) => {
                    rest = &rest[at + 2..];
                    open = false;
                }
                None => return (out.trim_end().to_string(), true),
            }
        } else {
            match outside_code(rest, "%%") {
                Some(at) if closes_later || rest[at + 2..].contains("%%") => {
                    out.push_str(&rest[..at]);
                    rest = &rest[at + 2..];
                    open = true;
                }
                _ => {
                    out.push_str(rest);
                    return (out, false);
                }
            }
        }
    }
}

/// Where `needle` first stands in `text` outside code spans.
fn outside_code(text: &str, needle: &str) -> Option<usize> {
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let tick = rest.find('`');
        let hit = rest.find(needle);
        match (hit, tick) {
            (Some(h), Some(t)) if t < h => {
                let run = rest[t..].chars().take_while(|&c| c == '`').count();
                let ticks = &rest[t..t + run];
                match rest[t + run..].find(ticks) {
                    Some(close) => at += t + run + close + run,
                    None => return Some(at + h),
                }
            }
            (Some(h), _) => return Some(at + h),
            (None, _) => return None,
        }
    }
    None
}

/// Highlights, inline notes and a trailing block id on one line.
fn inline(line: &str, notes: &mut Vec<String>) -> String {
    let line = block_id(line);
    let line = inline_notes(&line, notes);
    highlights(&line)
}

/// `… text. ^core-clause` → `… text.<span id="^core-clause"></span>`; a
/// line that is only a block id (after a table or a list) is dropped.
fn block_id(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim_end();
    let Some(at) = trimmed.rfind('^') else {
        return Cow::Borrowed(line);
    };
    let id = &trimmed[at + 1..];
    let before = &trimmed[..at];
    let is_id = !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && id.chars().any(|c| c.is_ascii_alphabetic());
    if !is_id || !(before.is_empty() || before.ends_with([' ', '\t'])) {
        return Cow::Borrowed(line);
    }
    if before.trim().is_empty() {
        return Cow::Owned(String::new());
    }
    Cow::Owned(format!("{}<span id=\"^{id}\"></span>", before.trim_end()))
}

/// `^[an inline note]` → `[^inline-note-N]`, the note's text kept for the
/// end of the document.
fn inline_notes(line: &str, notes: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = outside_code(rest, "^[") {
        let body = &rest[at + 2..];
        let mut depth = 1usize;
        let mut close = None;
        for (i, c) in body.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close.filter(|&c| !body[..c].trim().is_empty()) else {
            out.push_str(&rest[..at + 2]);
            rest = body;
            continue;
        };
        notes.push(body[..close].trim().to_string());
        out.push_str(&rest[..at]);
        out.push_str(&format!("[^inline-note-{}]", notes.len()));
        rest = &body[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `==highlighted==` → `<mark>highlighted</mark>`: the marks hug the text
/// (`a == b` is no highlight), stand apart from other `=` (a table's rule
/// `+====+====+`, `a === b`) and close on the same line.
fn highlights(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let mut from = 0;
    let mut copied = 0;
    while let Some(found) = outside_code(&line[from..], "==") {
        let at = from + found;
        let body_start = at + 2;
        let opens = !line[..at].ends_with(['=', '+', '|'])
            && line[body_start..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '=');
        let close = opens
            .then(|| line[body_start..].find("==").map(|c| body_start + c))
            .flatten()
            .filter(|&c| {
                let inner = &line[body_start..c];
                !inner.ends_with(char::is_whitespace)
                    && !inner.contains('`')
                    && !line[c + 2..].starts_with(['=', '+', '|'])
            });
        match close {
            Some(c) => {
                out.push_str(&line[copied..at]);
                out.push_str("<mark>");
                out.push_str(&line[body_start..c]);
                out.push_str("</mark>");
                copied = c + 2;
                from = c + 2;
            }
            None => {
                // Past this run of `=`.
                from = at + line[at..].chars().take_while(|&c| c == '=').count();
            }
        }
    }
    out.push_str(&line[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_and_code_stays() {
        assert_eq!(
            convert("Kept %% the author's aside %% text.\n"),
            "Kept  text.\n"
        );
        assert_eq!(
            convert("One.\n\n%%\nA draft paragraph\nover lines.\n%%\n\nTwo.\n"),
            "One.\n\n\n\n\n\n\nTwo.\n"
        );
        let code = "```\nrate %% 2 == 0 ^[x]\n```\nAnd `a == b` %% here.\n";
        assert_eq!(
            convert(code),
            "```\nrate %% 2 == 0 ^[x]\n```\nAnd `a == b` %% here.\n"
        );
    }

    #[test]
    fn highlights_hug_their_text() {
        assert_eq!(
            convert("Signed ==in Latin== and x == y.\n"),
            "Signed <mark>in Latin</mark> and x == y.\n"
        );
        assert_eq!(convert("a ==b == c\n"), "a ==b == c\n");
        for plain in ["====\n", "+======+===+\n", "+==+==+\n", "a === b === c\n"] {
            assert_eq!(convert(plain), plain);
        }
    }

    #[test]
    fn inline_notes_become_footnotes() {
        let out = convert("Returned.^[Article 4 in the [Latin](l.md) text.] Then.\n");
        assert_eq!(
            out,
            "Returned.[^inline-note-1] Then.\n\n[^inline-note-1]: Article 4 in the [Latin](l.md) text.\n"
        );
        let (doc, _) = crate::parse::parse(&out);
        assert_eq!(doc.footnotes.len(), 1);
        assert_eq!(convert("x^[ ] y\n"), "x^[ ] y\n");
    }

    #[test]
    fn block_ids_become_anchors_of_their_block() {
        let out = convert("The core clause. ^core-clause\n\nSee [[#^core-clause]].\n");
        assert_eq!(
            out,
            "The core clause.<span id=\"^core-clause\"></span>\n\nSee [[#^core-clause]].\n"
        );
        let (doc, _) = crate::parse::parse(&out);
        assert_eq!(
            doc.anchors,
            vec![("^core-clause".to_string(), "p-1".to_string())]
        );
        // Not block ids: a power, a number, a caret inside a word.
        for line in ["x ^2\n", "2^10 ^12\n", "see a^b\n"] {
            assert_eq!(convert(line), line);
        }
        assert_eq!(convert("| a |\n^table-1\n"), "| a |\n\n");
    }

    #[test]
    fn text_without_the_syntax_is_borrowed() {
        assert!(matches!(convert("Plain text.\n"), Cow::Borrowed(_)));
    }
}
