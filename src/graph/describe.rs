//! What a document says of itself: its title, summary, tags and slug,
//! from what the user gave, what the text states, or fallbacks (the first
//! heading or words, the file name), decided once when it is prepared.

use crate::extract::language::is_rtl;
use crate::normalize::Normalized;
use crate::parse::{
    ids::{slugify_as, SlugStyle},
    Document,
};
use crate::sources::Source;

/// What a document says of itself (given in its metadata, inferred, or
/// by fallbacks), decided once when it is prepared.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    /// The slug it asks for (made unique in its section by `place`).
    pub slug: String,
    /// Its language, a BCP 47 tag (see `extract::language`).
    pub language: String,
    /// Whether that is not the site's language: pages that show its text
    /// mark it with `lang` (and `dir`).
    pub foreign: bool,
    /// Its writing direction where it differs from the site's.
    pub dir: Option<&'static str>,
}

/// Decides a document's [`Described`].
pub fn describe(
    source: &Source,
    normalized: &Normalized,
    doc: &Document,
    language: String,
    site_language: &str,
    slugs: SlugStyle,
) -> Described {
    let slugify = |t: &str| slugify_as(t, slugs);
    let meta = &source.meta;
    let stem = source
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let title = meta
        .title
        .as_deref()
        .map(|t| match source.format {
            crate::sources::Format::Markdown => crate::normalize::title_dashes(t).into_owned(),
            crate::sources::Format::PlainText => t.to_string(),
        })
        .or_else(|| normalized.inferred.title.clone())
        .or_else(|| first_level_heading(doc))
        .or_else(|| named_file(&stem))
        .or_else(|| doc.headings.first().map(|h| h.text.clone()))
        .or_else(|| running_text(doc).map(|p| first_words(p, 10)))
        .unwrap_or_else(|| stem.clone());
    let summary = meta.summary.clone().unwrap_or_else(|| {
        let stated = normalized.inferred.summary.as_deref();
        stated
            .map(|a| first_words(&crate::parse::markdown_text(a), 60))
            .or_else(|| running_text(doc).map(|p| first_words(p, 45)))
            .unwrap_or_default()
    });
    let slug = meta
        .slug
        .as_deref()
        .map(slugify)
        .filter(|s| !s.is_empty())
        .or_else(|| Some(slugify(&title)).filter(|s| !s.is_empty()))
        .or_else(|| Some(slugify(&stem)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "document".to_string());
    Described {
        title,
        summary,
        tags: with_inline_tags(meta.all_tags(), doc),
        slug,
        foreign: !language.eq_ignore_ascii_case(site_language),
        dir: match (is_rtl(&language), is_rtl(site_language)) {
            (true, false) => Some("rtl"),
            (false, true) => Some("ltr"),
            _ => None,
        },
        language,
    }
}

/// The first paragraph of running text (not a caption, a note, a list
/// item, a table row or a reference), else the first block of text.
/// The tags of the metadata, then those the text writes inline, as
/// Obsidian does (`#border`, `#qing/diplomacy`): after a space or at the
/// start of a block, letters, digits, `_`, `-` and `/`, not digits only
/// (`#1` is a number), not in code or a link's address.
fn with_inline_tags(mut tags: Vec<String>, doc: &Document) -> Vec<String> {
    for p in doc.paragraphs.iter().filter(|p| p.text.contains('#')) {
        let text = p.text.as_str();
        for (at, _) in text.match_indices('#') {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| !c.is_whitespace() && !"([".contains(c)) {
                continue;
            }
            let tag: String = text[at + 1..]
                .chars()
                .take_while(|&c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
                .collect();
            let tag = tag.trim_end_matches(['-', '/']);
            if tag.is_empty()
                || tag.chars().all(|c| c.is_ascii_digit())
                || tag.chars().count() > 64
                || tags.iter().any(|t| t == tag)
            {
                continue;
            }
            tags.push(tag.to_string());
        }
    }
    tags
}

/// A first-level heading. (The node lists are gone by the time a text is
/// described, so where a heading stands is not known here; a `##` that
/// opens a note names its first part, not the note.)
fn first_level_heading(doc: &Document) -> Option<String> {
    doc.headings
        .iter()
        .find(|h| h.level == 1)
        .map(|h| h.text.clone())
}

/// A file name written as a title (`Kyakhta Treaty.md`, as Obsidian
/// names notes, or a daily note's `2024-02-19.md`): words with spaces or
/// a day, not a slug or a number.
fn named_file(stem: &str) -> Option<String> {
    let t = stem.trim();
    let words = t.split_whitespace().count();
    // A daily note is named by its day (`2024-02-19`).
    let day = crate::sources::meta::day_named(t).is_some();
    (day || (2..=16).contains(&words) && t.chars().any(char::is_alphabetic)).then(|| t.to_string())
}

fn running_text(doc: &Document) -> Option<&str> {
    let ps = &doc.paragraphs;
    ps.iter()
        .find(|p| !p.aside && !p.reference && p.kind == crate::parse::Block::P)
        .or_else(|| ps.iter().find(|p| !p.aside))
        .map(|p| p.text.as_str())
}

/// The first `n` words, ending at a sentence end when one comes early enough.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(n + 1).collect();
    if words.len() <= n {
        return words.join(" ");
    }
    let cut = words[..n].join(" ");
    match cut.rfind(". ") {
        Some(i) if i > cut.len() / 2 => cut[..=i].to_string(),
        _ => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags_join_the_metadata_s() {
        let (doc, _) = crate::parse::parse(
            "Key points #border #qing/diplomacy, and (#treaty).\n\nIssue #12, C# and a.org/#x; #border again.\n",
        );
        let tags = with_inline_tags(vec!["treaty".to_string()], &doc);
        assert_eq!(tags, ["treaty", "border", "qing/diplomacy"]);
    }

    #[test]
    fn a_note_is_titled_by_its_name_before_a_later_heading() {
        assert_eq!(
            named_file("Kyakhta Treaty").as_deref(),
            Some("Kyakhta Treaty")
        );
        assert_eq!(named_file("01020-accent-and-the-process"), None);
        assert_eq!(named_file("2021 03"), None);
        assert_eq!(named_file("2024-02-19").as_deref(), Some("2024-02-19"));
        assert_eq!(named_file("2024-13-19"), None);
        let day_named = crate::sources::meta::day_named;
        assert_eq!(day_named("2024-02-19").as_deref(), Some("2024-02-19"));
        assert_eq!(day_named("2024-02-1x"), None);
        assert_eq!(day_named("é2024-02-1"), None);
        let (doc, _) = crate::parse::parse("## Terms\n\nText.\n\n# Kyakhta\n");
        assert_eq!(first_level_heading(&doc).as_deref(), Some("Kyakhta"));
        let (doc, _) = crate::parse::parse("## Terms\n\nText.\n");
        assert_eq!(first_level_heading(&doc), None);
    }
}
