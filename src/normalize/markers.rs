//! The markers of converters' notes in the running text (see `notes`):
//! `<sup>4</sup>`, TeX `$^{4}$` (spaces and an empty base allowed), links
//! to a note's anchor `[4](#page-7-2)`, digits glued to a word
//! (`model4,`, `[24]4`), and circled digits (`冲突①。`, `$\textcircled{1}$`).

use super::circled::{circled_marker, circled_value};
use super::notes::Style;

/// A marker found in the text: where, which labels (or anchor).
pub(super) struct Marker {
    pub(super) block: usize,
    pub(super) range: std::ops::Range<usize>,
    pub(super) style: Style,
    pub(super) labels: Vec<String>,
    /// The anchor a link marker points to.
    pub(super) anchor: Option<String>,
    pub(super) taken: bool,
}

/// A note label: up to three digits, or one note symbol.
pub(super) fn is_label(l: &str) -> bool {
    (!l.is_empty() && l.len() <= 3 && l.bytes().all(|b| b.is_ascii_digit()))
        || matches!(l, "*" | "∗" | "†" | "‡" | "§" | "¶")
}

/// A TeX superscript at the start of `t`: its labels and length.
pub(super) fn tex_marker(t: &str) -> Option<(Vec<String>, usize)> {
    // `$^{1}$`, `${ }^{1}$`, `$ ^{*} $`: spaces and an empty base allowed.
    let rest = t.strip_prefix('$')?.trim_start_matches(' ');
    let rest = rest
        .strip_prefix("{}")
        .or_else(|| rest.strip_prefix("{ }"))
        .unwrap_or(rest)
        .trim_start_matches(' ');
    let rest = rest.strip_prefix("^{")?;
    let close = rest.find('}')?;
    let inner = &rest[..close];
    let after = rest[close + 1..].trim_start_matches(' ');
    let after = after.strip_prefix('$')?;
    if inner.len() > 24 {
        return None;
    }
    let labels: Vec<String> = inner
        .split(',')
        .map(|l| match l.trim() {
            "\\ast" | "\\star" => "*".to_string(),
            "\\dagger" => "†".to_string(),
            "\\ddagger" => "‡".to_string(),
            other => other.to_string(),
        })
        .collect();
    if !labels.iter().all(|l| is_label(l)) {
        return None;
    }
    Some((labels, t.len() - after.len()))
}

/// Every marker of `styles` in one block's text.
pub(super) fn find_markers(
    block: usize,
    text: &str,
    styles: &[Style],
    anchors: &[&str],
    out: &mut Vec<Marker>,
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let b = bytes[i];
        if (b == b'$' || b >= 0xe2) && i > 0 && styles.contains(&Style::Circled) {
            // Where a clause ends, not before words (`包括①经济因素`).
            if let Some((label, len)) = circled_marker(rest) {
                let next = text[i + len..].chars().next();
                let ends = next.is_none_or(|c| {
                    c.is_whitespace()
                        || circled_value(c).is_some()
                        || "。，；：、！？”’）)】.,;:!?".contains(c)
                });
                if ends {
                    out.push(Marker {
                        block,
                        range: i..i + len,
                        style: Style::Circled,
                        labels: vec![label],
                        anchor: None,
                        taken: false,
                    });
                    i += len;
                    continue;
                }
            }
        }
        if b == b'<' && styles.contains(&Style::Sup) {
            if let Some(r) = rest.strip_prefix("<sup>") {
                if let Some(end) = r.find("</sup>") {
                    let labels: Vec<String> = r[..end]
                        .split(',')
                        .map(|l| l.trim().trim_end_matches('.').to_string())
                        .collect();
                    if labels.iter().all(|l| is_label(l)) {
                        out.push(Marker {
                            block,
                            range: i..i + 5 + end + 6,
                            style: Style::Sup,
                            labels,
                            anchor: None,
                            taken: false,
                        });
                        i += 5 + end + 6;
                        continue;
                    }
                }
            }
        } else if b == b'$' && styles.contains(&Style::Tex) {
            if let Some((labels, len)) = tex_marker(rest) {
                out.push(Marker {
                    block,
                    range: i..i + len,
                    style: Style::Tex,
                    labels,
                    anchor: None,
                    taken: false,
                });
                i += len;
                continue;
            }
        } else if b == b'[' && styles.contains(&Style::Anchors) {
            if let Some((len, anchor)) = link_marker(rest, anchors) {
                let (mut start, mut end) = (i, i + len);
                if text[..start].ends_with("<sup>") && text[end..].starts_with("</sup>") {
                    start -= 5;
                    end += 6;
                }
                out.push(Marker {
                    block,
                    range: start..end,
                    style: Style::Anchors,
                    labels: Vec::new(),
                    anchor: Some(anchor.to_string()),
                    taken: false,
                });
                i = end;
                continue;
            }
        } else if b.is_ascii_digit() && styles.contains(&Style::Lines) {
            let len = rest.bytes().take_while(u8::is_ascii_digit).count();
            if glued(text, i, len) {
                out.push(Marker {
                    block,
                    range: i..i + len,
                    style: Style::Lines,
                    labels: vec![rest[..len].to_string()],
                    anchor: None,
                    taken: false,
                });
            }
            i += len;
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
}

/// `[4](#page-7-2)`: a short link to a note's anchor; (length, anchor).
fn link_marker<'a>(t: &str, anchors: &[&'a str]) -> Option<(usize, &'a str)> {
    let close = t.find("](#")?;
    let inner = &t[1..close];
    let short = inner.chars().count() <= 8
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '*' | '∗' | '†' | '‡'));
    if !short || inner.trim().is_empty() {
        return None;
    }
    let after = &t[close + 3..];
    let end = after.find(')')?;
    let target = &after[..end];
    let anchor = anchors.iter().find(|a| **a == target)?;
    Some((close + 3 + end + 1, anchor))
}

/// Digits at `i..i+len` glued to the text before them as a note mark: after
/// a lower-case word of three letters or more, or after a closing bracket,
/// quote or punctuation, and followed by a space, punctuation or the end.
fn glued(text: &str, i: usize, len: usize) -> bool {
    if len > 2 || i == 0 {
        return false;
    }
    let before = &text[..i];
    let Some(prev) = before.chars().next_back() else {
        return false;
    };
    let next_ok = text[i + len..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')'));
    if !next_ok {
        return false;
    }
    if matches!(prev, ')' | ']' | '"' | '”' | '’') {
        return true;
    }
    if matches!(prev, '.' | ',' | ';') {
        // Not a decimal or a list of numbers (`3.14`, `1,5`).
        let before_prev = before[..before.len() - prev.len_utf8()].chars().next_back();
        return !before_prev.is_some_and(|c| c.is_ascii_digit());
    }
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.chars().count() >= 3 && word.chars().all(char::is_lowercase)
}
