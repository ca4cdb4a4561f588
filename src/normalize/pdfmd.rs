//! Markdown converted from PDF, and Markdown in general.
//!
//! 1. **Blocks.** The body is cut into blank-line separated blocks; fenced
//!    code blocks stay whole.
//! 2. **Title.** A heading before any text, or a plain first line that
//!    reads as a headline (see `lines::is_headline`), becomes the title
//!    (ALL CAPS is title-cased), unless it is numbered (`4.1 The framework`) or the
//!    metadata gives another title; an emphasised names line under it, marked `\*`, becomes
//!    the authors, and the `*\* …*` block it points to the author note.
//! 3. **Page-break footnotes.** A rule (`---`) followed by footnote
//!    definitions (`<sup>N</sup> text`) is a page foot: the rule goes, the
//!    definitions are collected. A run of definitions that ends the text is
//!    collected too.
//! 4. **Rejoining.** When a page foot cut a paragraph in two (the part before
//!    does not end a sentence, or the part after starts in lower case), the two
//!    halves become one paragraph again.
//! 5. **Markers.** `<sup>N</sup>` with a collected definition becomes `[^N]`,
//!    and the definitions are appended as `[^N]: text` in number order.
//!    Markers without a definition are left alone (the parse stage warns).
//! 6. **Converters' notes** (see [`super::notes`]): notes where a page
//!    ended, in the styles of current converters, become `[^N]` notes and
//!    leave the running text.
//! 7. **Artefacts** (see [`super::artefacts`]): page separators,
//!    missing-page marks, running heads and page numbers are removed with a
//!    warning. Where a removed note or artefact cut a paragraph, the halves
//!    are rejoined as in rule 4.
//! 8. **Dashes.** Pandoc's `---` and `--` in running text become `—` and
//!    `–` (lines of text only: rules, table lines, HTML comments and code
//!    are left as they are).

use super::notes::{self, Style};
use super::text::ends_sentence;
use super::{artefacts, Inferred, Normalized};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Rule,
    Heading,
    /// `<sup>N</sup> text`: a footnote definition.
    Definition,
    /// `*\* text*`: the note an author marker points to.
    AuthorNote,
    Code,
    Other,
}

#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) kind: Kind,
    pub(super) text: String,
}

/// Blocks of running text, one per string, for the rules' tests.
#[cfg(test)]
pub(super) fn prose_blocks(texts: &[&str]) -> Vec<Block> {
    texts
        .iter()
        .map(|t| Block {
            kind: Kind::Other,
            text: t.to_string(),
        })
        .collect()
}

/// Applies all rules to a Markdown body.
#[cfg(test)]
pub fn normalize(body: &str) -> Normalized {
    normalize_with(body, None, &Style::ALL)
}

/// [`normalize`] for a document whose metadata gives it `title` (a first
/// heading is then the title only when it says the same), reading notes
/// in the converter styles `styles`.
pub fn normalize_with(body: &str, title: Option<&str>, styles: &[Style]) -> Normalized {
    let mut blocks = blocks(body);
    let heads = super::running_head::remove(&mut blocks, |b| &mut b.text);
    let mut inferred = Inferred::default();
    super::pdfmd_title::take_title(&mut blocks, &mut inferred, title);
    super::paper::front(&mut blocks, &mut inferred);
    let defs = take_page_feet(&mut blocks, &mut inferred);
    // Rules 6 and 7: converters' notes and artefacts.
    let used: Vec<String> = defs.iter().map(|(l, _)| l.clone()).collect();
    let mut notes = notes::take(&mut blocks, styles, &used);
    if notes.defs.is_empty() && defs.is_empty() && styles.contains(&Style::Lines) {
        let spaced = super::spaced_notes::take(&mut blocks);
        notes.defs = spaced.defs;
        notes.remove = spaced.remove;
    }
    let mut remove = notes.remove;
    if !notes.author_notes.is_empty() && inferred.author_note.is_none() {
        inferred.author_note = Some(notes.author_notes.join(" "));
    }
    let converted = !notes.defs.is_empty()
        || !defs.is_empty()
        || body.contains("<span id=\"page-")
        || body.contains("<!-- image -->");
    let (mut warnings, mut dropped) = artefacts::mark(&blocks, converted, &mut remove);
    if let Some(head) = heads.first() {
        warnings.push(super::running_head::warning(heads.len(), head));
        dropped.extend(heads);
    }
    warnings.extend(notes.warnings);
    super::rejoin::rejoin(&mut blocks, &remove, converted);
    if converted {
        super::rejoin::across_floats(&mut blocks);
    }
    inferred.summary = super::paper_front::abstract_text(&blocks);
    if inferred.summary.is_some() {
        inferred.stated.push("stated_summary");
    }
    let mut markdown = String::with_capacity(body.len() + 256);
    for b in &blocks {
        if b.kind == Kind::Code {
            markdown.push_str(&b.text);
        } else if b.kind == Kind::Heading {
            let text = super::text::heading_unbolded(&b.text);
            markdown.push_str(&super::dashes::dashes(&replace_markers(&text, &defs)));
        } else {
            let text = super::text::tight_after_emphasis(&b.text);
            markdown.push_str(&super::dashes::dashes(&replace_markers(&text, &defs)));
        }
        markdown.push_str("\n\n");
    }
    for (label, text) in &defs {
        markdown.push_str(&format!("[^{label}]: {}\n\n", replace_markers(text, &defs)));
    }
    for (label, text) in &notes.defs {
        markdown.push_str(&format!("[^{label}]: {}\n\n", super::dashes::dashes(text)));
    }
    Normalized {
        markdown,
        inferred,
        dropped,
        warnings,
    }
}

/// Rule 1.
fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            cur.push(line);
            if trimmed.starts_with(f)
                && trimmed
                    .trim_end()
                    .chars()
                    .all(|c| c == f.chars().next().unwrap_or('`'))
            {
                fence = None;
                flush(&mut out, &mut cur, Kind::Code);
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush_classified(&mut out, &mut cur);
            fence = Some(&trimmed[..3]);
            cur.push(line);
        } else if line.trim().is_empty() {
            flush_classified(&mut out, &mut cur);
        } else {
            cur.push(line);
        }
    }
    if fence.is_some() {
        flush(&mut out, &mut cur, Kind::Code);
    }
    flush_classified(&mut out, &mut cur);
    out
}

fn flush(out: &mut Vec<Block>, cur: &mut Vec<&str>, kind: Kind) {
    if !cur.is_empty() {
        out.push(Block {
            kind,
            text: cur.join("\n"),
        });
        cur.clear();
    }
}

fn flush_classified(out: &mut Vec<Block>, cur: &mut Vec<&str>) {
    if cur.is_empty() {
        return;
    }
    let text = cur.join("\n");
    let kind = classify(&text);
    out.push(Block { kind, text });
    cur.clear();
}

fn classify(text: &str) -> Kind {
    let t = text.trim();
    if is_rule(t) {
        Kind::Rule
    } else if t.starts_with('#') {
        Kind::Heading
    } else if definition_label(t).is_some() {
        Kind::Definition
    } else if t.starts_with("*\\*") || t.starts_with("\\*") {
        Kind::AuthorNote
    } else {
        Kind::Other
    }
}

/// A thematic break: one line of three or more `-`, `*` or `_` (the same
/// one), spaces between them allowed.
fn is_rule(t: &str) -> bool {
    let mut marks = t.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3 && !t.contains('\n')
}

/// `<sup>12</sup> text` → (`12`, `text`).
fn definition_label(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("<sup>")?;
    let (label, rest) = rest.split_once("</sup>")?;
    let ok = !label.is_empty() && label.len() <= 4 && label.bytes().all(|b| b.is_ascii_digit());
    (ok && rest.starts_with(char::is_whitespace)).then(|| (label, rest.trim()))
}

/// Rules 3 and 4. Returns the definitions in number order.
fn take_page_feet(blocks: &mut Vec<Block>, inferred: &mut Inferred) -> Vec<(String, String)> {
    let mut defs: Vec<(String, String)> = Vec::new();
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let foot_len = page_foot_len(&blocks[i..]);
        if foot_len == 0 {
            out.push(b.clone());
            i += 1;
            continue;
        }
        for d in &blocks[i..i + foot_len] {
            match d.kind {
                Kind::Definition => {
                    if let Some((label, text)) = definition_label(d.text.trim()) {
                        defs.push((label.to_string(), join_lines(text)));
                    }
                }
                Kind::AuthorNote => {
                    let note = d
                        .text
                        .trim()
                        .trim_start_matches('*')
                        .trim_start_matches("\\*");
                    let note = note.trim_end_matches('*').trim();
                    inferred.author_note = Some(join_lines(note));
                }
                _ => {}
            }
        }
        i += foot_len;
        // Rule 4: rejoin a paragraph cut by the page foot.
        if let (Some(prev), Some(next)) = (out.last_mut(), blocks.get(i)) {
            let cut =
                !ends_sentence(&prev.text) || next.text.starts_with(|c: char| c.is_lowercase());
            if prev.kind == Kind::Other && next.kind == Kind::Other && cut {
                prev.text = format!("{} {}", prev.text.trim_end(), next.text.trim_start());
                i += 1;
            }
        }
    }
    *blocks = out;
    defs.sort_by_key(|(l, _)| l.parse::<u32>().unwrap_or(u32::MAX));
    defs.dedup_by(|a, b| a.0 == b.0);
    defs
}

/// How many blocks from the start of `rest` form a page foot: a rule and the
/// definitions after it, or a run of definitions that ends the text.
fn page_foot_len(rest: &[Block]) -> usize {
    let is_note = |b: &Block| matches!(b.kind, Kind::Definition | Kind::AuthorNote);
    let first = &rest[0];
    if first.kind == Kind::Rule {
        let n = rest[1..].iter().take_while(|b| is_note(b)).count();
        return if n > 0 || rest.len() == 1 { n + 1 } else { 0 };
    }
    if first.kind == Kind::Definition && rest.iter().all(is_note) {
        return rest.len();
    }
    0
}

fn join_lines(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// Rule 5: `<sup>N</sup>` → `[^N]` where N has a definition; `<sup>1, 2</sup>`
/// becomes two references.
fn replace_markers(text: &str, defs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<sup>") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 5..];
        let Some(end) = after.find("</sup>") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let labels: Vec<&str> = after[..end].split(',').map(str::trim).collect();
        let known = labels.iter().all(|l| defs.iter().any(|(d, _)| d == l));
        if known && !labels.is_empty() {
            for l in labels {
                out.push_str(&format!("[^{l}]"));
            }
        } else {
            out.push_str(&rest[start..start + 5 + end + 6]);
        }
        rest = &after[end + 6..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "pdfmd_tests.rs"]
mod tests;
