//! Normalise: turn each source, as people really have it, into clean Markdown
//! plus the metadata the text itself states.
//!
//! * Plain text (`.txt`, see `plaintext`): paragraphs, title line, byline,
//!   headings, photo captions, editor's notes, trailing web boilerplate.
//! * Markdown (see `pdfmd`): text converted from PDF, whose `<sup>N</sup>`
//!   footnotes sit in blocks after `---` at page breaks that also cut
//!   paragraphs in two; an ALL-CAPS title heading and an emphasised byline;
//!   Pandoc grid tables (see `grid`) made pipe tables; Obsidian's comments,
//!   highlights, block ids and callouts, and inline notes (see `obsidian`);
//!   Pandoc's title block, fenced divs, spans, line blocks and example
//!   lists (see `pandoc`).
//!   Tables a converter wrote in HTML (see `html_tables`) made pipe tables.
//! * Both: glyphs a converter wrote by name (`GLYPH<endash>`, see
//!   `glyphs`) as their characters, or out.
//!
//! Normalisation never fails and does no I/O: a rule that does not apply
//! leaves the text as it is. What it removes is listed in
//! [`Normalized::dropped`] so that tests can prove no sentence of the article
//! is lost.

mod accents;
mod artefacts;
mod boilerplate;
mod circled;
mod credits;
mod dash_tables;
mod dashes;
mod glyphs;
mod grid;
mod html_tables;
mod lines;
mod markers;
pub(crate) mod notes;
mod obsidian;
mod pandoc;
mod paper;
mod paper_cjk;
mod paper_front;
pub(crate) mod pdfmd;
mod pdfmd_title;
mod plain_notes;
mod plain_tables;
pub(crate) mod plaintext;
mod rejoin;
mod running_head;
mod spaced_notes;
mod text;
mod title_page;
mod wrap;

use crate::sources::{Format, Source};
pub use text::title_case;

/// The outcome of normalising one source.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Normalized {
    /// CommonMark (with footnotes) ready for the parse stage.
    pub markdown: String,
    pub inferred: Inferred,
    /// Text removed from the body (boilerplate), kept for reports and tests.
    pub dropped: Vec<String>,
    /// What the reader of the build should know (converter artefacts
    /// removed, notes without markers).
    pub warnings: Vec<String>,
}

/// Metadata the text itself states.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Inferred {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// A byline's section label (`By X | China/Russia`).
    pub category: Option<String>,
    /// A note about the authors (Markdown), shown under the byline.
    pub author_note: Option<String>,
    /// When it appeared (`YYYY`, `YYYY-MM-DD`), from a paper's arXiv stamp
    /// or copyright line.
    pub date: Option<String>,
    /// A paper's abstract (Markdown), its summary.
    pub summary: Option<String>,
    /// What a paper's front said of it, for the page to tell: the keys of
    /// the interface strings that name it (`stated_authors`,
    /// `stated_date_arxiv`, `stated_date_copyright`, `stated_summary`).
    pub stated: Vec<&'static str>,
}

/// Drops the items `marked` says (one flag per item, in order).
fn drop_marked<T>(items: &mut Vec<T>, marked: &[bool]) {
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        !marked[k - 1]
    });
}

/// A title from a Markdown text's front matter with Pandoc's dashes, as
/// Pandoc reads metadata (`Chapter 4 --- Liability` → `Chapter 4 — Liability`).
pub fn title_dashes(title: &str) -> std::borrow::Cow<'_, str> {
    dashes::dashes(title)
}

/// Normalises one source according to its format.
pub fn normalize(source: &Source) -> Normalized {
    match source.format {
        Format::Markdown => {
            let styles = source
                .meta
                .format
                .as_deref()
                .and_then(notes::Style::parse)
                .unwrap_or(&notes::Style::ALL);
            let body = glyphs::named(&source.body);
            let body = html_tables::convert(&body);
            let (markdown, block) = pandoc::convert(&body);
            // A daily note (`2024-02-19.md`) is titled by its day: a
            // heading it opens with (`## Reading`) is its first part.
            let day = source
                .path
                .file_stem()
                .and_then(|s| crate::sources::meta::day_named(&s.to_string_lossy()));
            let given = source.meta.title.as_deref().or(block.title.as_deref());
            let mut n = pdfmd::normalize_with(
                &accents::join(&obsidian::convert(&grid::convert(&dash_tables::convert(
                    &markdown,
                )))),
                given.or(day.as_deref()),
                styles,
            );
            // A Pandoc title block states what the text's front would.
            let inferred = &mut n.inferred;
            if inferred.title.is_none() {
                inferred.title = block.title;
            }
            if inferred.authors.is_empty() {
                inferred.authors = block.authors;
            }
            if inferred.date.is_none() {
                inferred.date = block.date;
            }
            n
        }
        Format::PlainText => plaintext::normalize(&glyphs::named(&source.body)),
    }
}

#[cfg(test)]
mod pdf_text_tests;
#[cfg(test)]
mod seed_tests;
#[cfg(test)]
mod web_news_tests;
