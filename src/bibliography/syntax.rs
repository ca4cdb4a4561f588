//! Pandoc's citation syntax, found in Markdown:
//!
//! - `[@doe99]`, `[see @doe99, pp. 33–35; also @roe04, chap. 1]`: a
//!   group in brackets, citations separated by `;`, each with an optional
//!   prefix, a key and a locator with a suffix;
//! - `[-@doe99]`: the author left out (the text named them);
//! - `@doe99 says`, `@doe99 [p. 33] says`: in the sentence (only for a
//!   key the bibliography has, so that `@handles` in pasted news stay
//!   text).
//!
//! A key starts with a letter, digit or `_` and may hold `:.#$%&-+?<>~/`
//! inside (`@{odd key}` for any other). Citations are not looked for in
//! code, math, HTML, links, or after a backslash; a bracket followed by
//! `(`, `[` or `:` is a link. Everything is linear in the text: each `@`
//! looks back and forward a bounded distance.

use super::locators::locator;
use hayagriva::citationberg::taxonomy::Locator;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// One cited key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub prefix: String,
    /// The locator (`p. 12` → page "12").
    pub locator: Option<(Locator, String)>,
    /// What follows the locator (`, emphasis added`).
    pub suffix: String,
    /// `-@key`.
    pub suppress_author: bool,
}

/// A citation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The bytes it takes in the Markdown.
    pub range: Range<usize>,
    pub items: Vec<Item>,
    /// `@key` in the sentence rather than a bracketed group.
    pub narrative: bool,
    /// Inside a footnote's definition: its label.
    pub in_note: Option<String>,
}

/// How far a bracketed group may reach from its `@`.
const REACH: usize = 1_000;

/// Finds the citations of `markdown`; `known` says whether a key is in the
/// bibliography (narrative citations need it).
pub fn find(markdown: &str, known: &dyn Fn(&str) -> bool) -> Vec<Found> {
    if !markdown.contains('@') {
        return Vec::new();
    }
    let (skip, notes) = regions(markdown);
    let bytes = markdown.as_bytes();
    let mut out: Vec<Found> = Vec::new();
    let mut done = 0usize;
    for at in memchr::memchr_iter(b'@', bytes) {
        if at < done || inside(&skip, at) {
            continue;
        }
        let found = bracketed(markdown, at).or_else(|| narrative(markdown, at, known));
        if let Some(mut f) = found {
            if f.range.start < done || skip_overlaps(&skip, &f.range) {
                continue;
            }
            f.in_note = note_at(&notes, f.range.start);
            done = f.range.end;
            out.push(f);
        }
    }
    out
}

/// Byte ranges where citations are not looked for, and footnote
/// definitions; both sorted by start.
type Notes = Vec<(Range<usize>, String)>;

fn regions(markdown: &str) -> (Vec<Range<usize>>, Notes) {
    let mut skip = Vec::new();
    let mut notes = Vec::new();
    for (e, r) in Parser::new_ext(markdown, crate::parse::options()).into_offset_iter() {
        match e {
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::HtmlBlock
                | Tag::MetadataBlock(_),
            )
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::InlineHtml(_)
            | Event::Html(_) => skip.push(r),
            Event::Start(Tag::FootnoteDefinition(label)) => notes.push((r, label.to_string())),
            Event::End(TagEnd::FootnoteDefinition) => {}
            _ => {}
        }
    }
    skip.sort_by_key(|r| r.start);
    notes.sort_by_key(|(r, _)| r.start);
    (skip, notes)
}

/// Whether `at` falls in one of the sorted `ranges` (nested ranges are
/// covered by their outer one).
fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let k = ranges.partition_point(|r| r.start <= at);
    ranges[..k].iter().rev().take(8).any(|r| r.contains(&at))
}

/// The label of the footnote definition holding `at`.
fn note_at(notes: &Notes, at: usize) -> Option<String> {
    let k = notes.partition_point(|(r, _)| r.start <= at);
    notes[..k]
        .iter()
        .rev()
        .find(|(r, _)| r.contains(&at))
        .map(|(_, label)| label.clone())
}

/// Whether a skipped region (code, math, a link) holds either edge of
/// `range`; one wholly inside a group (`` `passim` `` in a suffix) is part
/// of its text.
fn skip_overlaps(skip: &[Range<usize>], range: &Range<usize>) -> bool {
    inside(skip, range.start) || inside(skip, range.end - 1)
}

/// A bracketed group around the `@` at `at`.
fn bracketed(text: &str, at: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let lo = at.saturating_sub(REACH);
    let mut open = None;
    for k in (lo..at).rev() {
        match bytes[k] {
            b'[' => {
                open = Some(k);
                break;
            }
            b']' => return None,
            b'\n' if k > 0 && bytes[k - 1] == b'\n' => return None,
            _ => {}
        }
    }
    let open = open?;
    if open > 0 && matches!(bytes[open - 1], b'\\' | b'!' | b']') {
        return None;
    }
    if bytes.get(open + 1) == Some(&b'^') {
        return None;
    }
    let hi = (at + REACH).min(bytes.len());
    let mut close = None;
    for (k, &b) in bytes.iter().enumerate().take(hi).skip(at) {
        match b {
            b']' if bytes[k - 1] != b'\\' => {
                close = Some(k);
                break;
            }
            b'[' => return None,
            b'\n' if bytes.get(k + 1) == Some(&b'\n') => return None,
            _ => {}
        }
    }
    let close = close?;
    if matches!(bytes.get(close + 1), Some(b'(' | b'[' | b':')) {
        return None;
    }
    let inner = &text[open + 1..close];
    let items: Option<Vec<Item>> = inner.split(';').map(item).collect();
    let items = items?;
    (!items.is_empty()).then(|| Found {
        range: open..close + 1,
        items,
        narrative: false,
        in_note: None,
    })
}

/// One part of a group: `prefix -@key locator, suffix`.
fn item(part: &str) -> Option<Item> {
    let at = part
        .char_indices()
        .find(|&(k, c)| {
            c == '@'
                && part[..k]
                    .chars()
                    .next_back()
                    .is_none_or(|p| p.is_whitespace() || p == '-' || p == '(')
        })
        .map(|(k, _)| k)?;
    let (mut prefix, suppress_author) = match part[..at].strip_suffix('-') {
        Some(p) if p.is_empty() || p.ends_with(char::is_whitespace) => (p, true),
        _ => (&part[..at], false),
    };
    prefix = prefix.trim();
    let (key, len) = key_at(&part[at + 1..])?;
    let rest = part[at + 1 + len..].trim();
    let rest = rest.trim_start_matches(',').trim_start();
    // `@smith{ii, A, D-Z}, suffix`: a locator in braces is one whole.
    let (locator, suffix) = match rest.strip_prefix('{').and_then(|r| r.split_once('}')) {
        Some((inner, after)) => {
            let inner = inner.trim();
            let found = match locator(inner) {
                (Some((kind, value)), s) if s.is_empty() => (kind, value),
                (Some((kind, _)), _) => (kind, strip_term(inner).to_string()),
                (None, _) => (Locator::Page, inner.to_string()),
            };
            let after = after.trim_start_matches(',').trim();
            (Some(found), after.to_string())
        }
        None => locator(rest),
    };
    Some(Item {
        key,
        prefix: prefix.to_string(),
        locator,
        suffix,
        suppress_author,
    })
}

/// A braced locator's value without its term (`pp. iv, vi-xi` → `iv,
/// vi-xi`).
fn strip_term(inner: &str) -> &str {
    match inner.split_once(char::is_whitespace) {
        Some((term, value)) if term.ends_with('.') || term.starts_with('§') => value.trim(),
        _ => inner,
    }
}

/// The key at the start of `s` (after the `@`) and the bytes it takes.
fn key_at(s: &str) -> Option<(String, usize)> {
    if let Some(rest) = s.strip_prefix('{') {
        let end = rest.find('}')?;
        let key = rest[..end].trim();
        return (!key.is_empty() && end <= 200).then(|| (key.to_string(), end + 2));
    }
    let first = s.chars().next()?;
    if !(first.is_alphanumeric() || first == '_') {
        return None;
    }
    let mut end = 0;
    let mut last_word = 0;
    for (k, c) in s.char_indices() {
        if c.is_alphanumeric() || c == '_' {
            end = k + c.len_utf8();
            last_word = end;
        } else if ":.#$%&-+?<>~/".contains(c) {
            end = k + c.len_utf8();
        } else {
            break;
        }
        if end > 200 {
            return None;
        }
    }
    // Punctuation inside only: `@doe99.` is `doe99`.
    let end = end.min(last_word);
    Some((s[..end].to_string(), end))
}

/// An `@key` in the sentence, with an optional `[locator]` after it.
fn narrative(text: &str, at: usize, known: &dyn Fn(&str) -> bool) -> Option<Found> {
    let before = text[..at].chars().next_back();
    // After `[`, a bracket that did not read as a group (a link's text).
    if before.is_some_and(|c| c.is_alphanumeric() || "._-@/\\:+[".contains(c)) {
        return None;
    }
    let (key, len) = key_at(&text[at + 1..])?;
    if !known(&key) {
        return None;
    }
    let mut end = at + 1 + len;
    let mut locator_part = (None, String::new());
    let after = &text[end..];
    if let Some(rest) = after.strip_prefix(" [") {
        if let Some(close) = rest.find(']') {
            let inner = &rest[..close];
            if !inner.contains(['@', '[', '\n'])
                && !matches!(rest.as_bytes().get(close + 1), Some(b'(' | b'[' | b':'))
            {
                locator_part = locator(inner.trim());
                end += 2 + close + 1;
            }
        }
    }
    let (locator, suffix) = locator_part;
    Some(Found {
        range: at..end,
        items: vec![Item {
            key,
            prefix: String::new(),
            locator,
            suffix,
            suppress_author: false,
        }],
        narrative: true,
        in_note: None,
    })
}
