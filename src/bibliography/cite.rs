//! A text's Pandoc citations formatted by the site's CSL style and written
//! back into its Markdown, before it is parsed:
//!
//! - note styles: each citation in the running text becomes a footnote
//!   (`[^cite-1]`, its definition appended); a citation inside a footnote
//!   is written in place;
//! - in-text styles (author–date, numeric): the citation is written in
//!   place, each work in it linked to its entry in a reference list
//!   appended to the text (under a heading in the site's language, or at
//!   Pandoc's `::: {#refs}` / `<div id="refs">` when the text has one).
//!
//! The references of those notes and entries are handed to extraction
//! ([`Given`]), so the citation index has the bibliography's fields, not
//! what a parser reads back from the formatted text.

use super::markdown::{block_start, escape, markdown_of};
use super::syntax::{self, Found};
use super::Bibliography;
use crate::extract::Given;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, CitePurpose,
    ElemChildren, LocatorPayload, SpecificLocator,
};
use std::fmt::Write;

/// A text with its citations written out.
#[derive(Debug, Default)]
pub struct Cited {
    pub markdown: String,
    pub given: Given,
    /// (line in the Markdown, message).
    pub warnings: Vec<(usize, String)>,
}

/// Formats the citations of `markdown`; `None` when it has none (the text
/// is used as it is).
pub fn cite(markdown: &str, bib: &Bibliography) -> Option<Cited> {
    let known = |k: &str| bib.entry(k).is_some();
    let found = syntax::find(markdown, &known);
    if found.is_empty() {
        return None;
    }
    let mut out = Cited::default();
    let usable: Vec<&Found> = found
        .iter()
        .filter(|f| {
            let unknown: Vec<&str> = f
                .items
                .iter()
                .filter(|i| !known(&i.key))
                .map(|i| i.key.as_str())
                .collect();
            if unknown.is_empty() {
                return true;
            }
            // Quarto's and pandoc-crossref's references to a figure, a
            // table or a section (`[@fig-map]`, `@sec-data`) are no
            // citations: left as written, without a warning.
            if unknown.iter().all(|k| is_cross_reference(k)) {
                return false;
            }
            let line = super::read::line_of(markdown, f.range.start);
            out.warnings.push((
                line,
                if bib.named {
                    format!(
                        "no entry `{}` in the bibliography; the citation is shown as written",
                        unknown.join("`, `")
                    )
                } else {
                    format!(
                        "the text cites `@{}` but names no bibliography (`bibliography: refs.bib` in its front matter, or bibliography = [\"refs.bib\"] in config.toml)",
                        unknown.join("`, `@")
                    )
                },
            ));
            false
        })
        .collect();
    if usable.is_empty() {
        return if out.warnings.is_empty() {
            None
        } else {
            out.markdown = markdown.to_string();
            Some(out)
        };
    }
    let rendered = render(&usable, bib);
    let notes = bib.notes();
    let label_base = if markdown.contains("[^cite-") {
        "dossier-cite-"
    } else {
        "cite-"
    };
    let mut text = String::with_capacity(markdown.len() + usable.len() * 80);
    let mut definitions = String::new();
    let mut last = 0;
    let mut note = 0;
    for (f, cite) in usable.iter().zip(&rendered.citations) {
        if f.range.start < last {
            continue;
        }
        text.push_str(&markdown[last..f.range.start]);
        last = f.range.end;
        let keys: Vec<&str> = f.items.iter().map(|i| i.key.as_str()).collect();
        let refs: Vec<_> = keys
            .iter()
            .filter_map(|k| bib.reference(k).cloned())
            .collect();
        if let (true, None) = (notes, &f.in_note) {
            note += 1;
            let label = format!("{label_base}{note}");
            if f.narrative {
                // `@key says`: the author in the sentence, the work in the note.
                text.push_str(&escape(&names(&refs)));
            }
            // The mark goes after the sentence's punctuation, with no
            // space before it: `in 1991.[^1]`.
            if !f.narrative {
                text.truncate(text.trim_end_matches([' ', '\t']).len());
                if let Some(p) = markdown[last..]
                    .chars()
                    .next()
                    .filter(|c| ".,;:!?".contains(*c))
                {
                    text.push(p);
                    last += p.len_utf8();
                }
            }
            let _ = write!(text, "[^{label}]");
            let mut body = String::new();
            affixed(f, &markdown_of(&cite.citation, None), &mut body);
            let _ = write!(
                definitions,
                "\n\n[^{label}]: {}",
                block_start(&capitalised(&body))
            );
            out.given.notes.push((label, refs));
        } else {
            let link = |i: usize| keys.get(i).map(|k| anchor(k));
            let mut written = markdown_of(&cite.citation, (!notes).then_some(&link));
            if notes {
                // Inside a note's sentence, without the note's full stop.
                written = written.trim_end_matches('.').to_string();
            } else if f.items.iter().all(|i| i.suppress_author) && !written.starts_with(['(', '\\'])
            {
                // `[-@key]`: the year, in parentheses as Pandoc writes it.
                written = format!("({written})");
            }
            let before = text.len();
            affixed(f, &written, &mut text);
            // Its years date works, not events (see `Given::in_text`).
            let plain = crate::parse::markdown_text(&text[before..]);
            let plain = plain.trim();
            if !plain.is_empty() && !out.given.in_text.iter().any(|t| t == plain) {
                out.given.in_text.push(plain.to_string());
            }
            if let Some(label) = &f.in_note {
                match out.given.notes.iter_mut().find(|(l, _)| l == label) {
                    Some((_, known)) => known.extend(refs),
                    None => out.given.notes.push((label.clone(), refs)),
                }
            }
        }
    }
    text.push_str(&markdown[last..]);
    if let Some(list) = rendered.bibliography.filter(|_| !notes) {
        let mut entries = String::new();
        for item in &list.items {
            let id = anchor(&item.key);
            let mut line = format!("<span id=\"{id}\"></span>");
            if let Some(first) = &item.first_field {
                line.push_str(&markdown_of(&ElemChildren(vec![first.clone()]), None));
                line.push(' ');
            }
            line.push_str(&markdown_of(&item.content, None));
            let _ = write!(entries, "\n\n{line}");
            if let Some(r) = bib.reference(&item.key) {
                out.given.entries.push((id, r.clone()));
            }
        }
        text = place_list(text, &entries, &bib.language);
    }
    text.push_str(&definitions);
    text.push('\n');
    out.markdown = text;
    Some(out)
}

/// The citations in order, and the reference list, from one driver run.
fn render(found: &[&Found], bib: &Bibliography) -> hayagriva::Rendered {
    let mut driver = BibliographyDriver::new();
    let mut number = 0;
    for f in found {
        let items = f
            .items
            .iter()
            .filter_map(|i| {
                let entry = bib.entry(&i.key)?;
                let locator = i
                    .locator
                    .as_ref()
                    .map(|(kind, value)| SpecificLocator(*kind, LocatorPayload::Str(value)));
                let purpose = if f.narrative && !bib.notes() {
                    Some(CitePurpose::Prose)
                } else if i.suppress_author {
                    Some(CitePurpose::Year)
                } else {
                    None
                };
                Some(CitationItem::new(entry, locator, None, false, purpose))
            })
            .collect();
        if f.in_note.is_none() {
            number += 1;
        }
        driver.citation(CitationRequest::new(
            items,
            &bib.style,
            None,
            bib.locales(),
            Some(number.max(1)),
        ));
    }
    driver.finish(BibliographyRequest::new(&bib.style, None, bib.locales()))
}

/// The authors' family names as a sentence names them: `Doe`, `Doe and
/// Roe`, `Doe et al.` (or the title when there are none).
fn names(refs: &[crate::extract::citations::Reference]) -> String {
    let Some(r) = refs.first() else {
        return String::new();
    };
    if r.authors.is_empty() {
        return r.title.clone().unwrap_or_default();
    }
    crate::extract::names::short_names(&r.authors)
}

/// `see Doe…` → `See Doe…` at the start of a note.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// The anchor of a key's entry in the reference list.
fn anchor(key: &str) -> String {
    let slug: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("ref-{slug}")
}

/// The citation with the first item's prefix and the last item's suffix:
/// inside its brackets when it has them (`(see Doe 2019, 12, n. 3)`).
fn affixed(f: &Found, written: &str, out: &mut String) {
    let prefix = f.items.first().map_or("", |i| i.prefix.as_str());
    let suffix = f.items.last().map_or("", |i| i.suffix.as_str());
    if prefix.is_empty() && suffix.is_empty() {
        out.push_str(written);
        return;
    }
    let (open, inner, close) = match (written.chars().next(), written.chars().last()) {
        (Some('('), Some(')')) => ("(", &written[1..written.len() - 1], ")"),
        (Some('\\'), _) if written.starts_with("\\[") && written.ends_with("\\]") => {
            ("\\[", &written[2..written.len() - 2], "\\]")
        }
        _ => ("", written, ""),
    };
    out.push_str(open);
    if !prefix.is_empty() {
        out.push_str(&escape(prefix));
        out.push(' ');
    }
    let inner_trim = inner.trim_end_matches('.');
    out.push_str(inner_trim);
    if !suffix.is_empty() {
        out.push_str(", ");
        out.push_str(&escape(suffix));
    }
    if inner_trim.len() < inner.len() {
        out.push('.');
    }
    out.push_str(close);
}

/// The reference list where the text asks for it (Pandoc's `refs` div),
/// else at the end under a heading of its own (unless the text already
/// ends with one).
fn place_list(mut text: String, entries: &str, language: &str) -> String {
    for marker in ["::: {#refs}", ":::{#refs}", "<div id=\"refs\">"] {
        if let Some(at) = text.find(marker) {
            let line_end = text[at..].find('\n').map_or(text.len(), |k| at + k);
            // Pandoc's closing `:::` (or `</div>`) on the next line.
            let rest = &text[line_end..];
            let close = rest
                .trim_start()
                .strip_prefix(":::")
                .or_else(|| rest.trim_start().strip_prefix("</div>"))
                .map(|r| text.len() - r.len());
            let end = close.unwrap_or(line_end);
            text.replace_range(at..end, entries.trim_start());
            return text;
        }
    }
    let last_line = text.trim_end().rsplit('\n').next().unwrap_or("");
    let ends_with_heading = last_line.starts_with('#')
        && crate::parse::refs::is_reference_heading(last_line.trim_start_matches('#'));
    if !ends_with_heading {
        let _ = write!(text, "\n\n## {}", heading(language));
    }
    text.push_str(entries);
    text
}

/// "References" in the site's language.
fn heading(language: &str) -> &'static str {
    match language.split(['-', '_']).next().unwrap_or("") {
        "fr" => "Références",
        "de" => "Literatur",
        "es" => "Referencias",
        "it" => "Bibliografia",
        "pt" => "Referências",
        "ru" => "Литература",
        "zh" | "ja" => "参考文献",
        _ => "References",
    }
}

/// Whether `key` is a cross-reference as Quarto and pandoc-crossref write
/// them (`fig-map`, `tbl:ledgers`, `sec-data`, `eq-1`).
fn is_cross_reference(key: &str) -> bool {
    const KINDS: &[&str] = &[
        "fig", "tbl", "sec", "eq", "lst", "thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr",
        "rem", "sol",
    ];
    key.split_once(['-', ':'])
        .is_some_and(|(kind, rest)| KINDS.contains(&kind) && !rest.is_empty())
}
