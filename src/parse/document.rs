//! The document model: what parsing gives for one text (its body as
//! nodes, paragraphs, headings, footnotes), and how a document compacted
//! for a large site gives its nodes again.

use super::{packed, parse_with};
use pulldown_cmark::Event;

/// One unit of a document body: a Markdown event passed through, or a place
/// where dossier renders something of its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Md(Event<'static>),
    /// The start of a block of text with an id: a paragraph (in place of
    /// its Markdown start), a tight list item or definition (likewise), or
    /// a table row (inside its first cell, the row itself kept).
    ParagraphStart {
        id: String,
        kind: Block,
    },
    HeadingStart {
        level: u8,
        id: String,
        classes: Vec<String>,
    },
    FootnoteRef {
        id: String,
        number: usize,
        nth: usize,
    },
    CodeBlock {
        lang: Option<String>,
        code: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
    /// Inside a caption, note or other HTML wrapper: not running text.
    pub aside: bool,
    pub kind: Block,
    /// In a reference list or bibliography (see [`refs`]): not running
    /// text, its years publication dates.
    pub reference: bool,
}

/// What kind of block a [`Paragraph`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    P,
    /// A list item whose text is not wrapped in a paragraph (tight).
    Item,
    /// A table body row: its cells' text joined by [`CELL_SEP`].
    Row,
    /// A term in a definition list.
    Term,
    /// A definition in a definition list.
    Definition,
}

/// What stands between the cells of a table row in its text.
pub const CELL_SEP: &str = " · ";

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub label: String,
    /// Id of the footnote's list item; references are `fnref-…`.
    pub id: String,
    pub number: usize,
    pub body: Vec<Node>,
    /// Its plain text (empty once the document is compacted).
    pub text: String,
    /// How many times the body refers to it.
    pub refs: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub body: Vec<Node>,
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    /// Words in the body, for reading time.
    pub words: usize,
    /// Each link's or image's target as written, with the line (1-based,
    /// in the Markdown parsed) where it first appears: for messages.
    pub link_lines: Vec<(String, usize)>,
    /// Set by [`Document::compact`]: the Markdown the node lists are parsed
    /// from again when needed (deflated), and whether it may hold raw HTML;
    /// `None` when it was not kept (see [`Document::full_from`]).
    pub markdown: Option<(packed::Packed, bool)>,
    /// Set by [`Document::compact`]: the [`text_key`] of that Markdown, by
    /// which a text read again is known to be the same.
    pub text_key: u64,
    /// Empty anchors in the text (`<span id="page-6-3"></span>`) and the
    /// id of the block each stood in, which links to it now lead to; sorted
    /// by anchor.
    pub anchors: Vec<(String, String)>,
}

impl Document {
    /// Drops the node lists (the body's and the notes') and the notes'
    /// texts, the largest part of a parsed document, keeping the Markdown
    /// they came from: the extract stage has read them, and only the
    /// document's own page needs them again ([`Document::full`]). A
    /// site's documents then take about the size of their text in memory,
    /// not five times it; the Markdown is kept deflated (a third of its
    /// size).
    ///
    /// Without `keep`, the Markdown is not kept either: whoever needs the
    /// node lists again reads the text again ([`Document::full_from`]). A
    /// one-off build does that, so that its memory does not hold every
    /// text twice (10,000 pages: about 200 MB less at its peak).
    pub fn compact(&mut self, markdown: &str, allow_html: bool, keep: bool) {
        self.body = Vec::new();
        self.text_key = text_key(markdown, allow_html);
        // The notes' texts too: the extract stage has read them, and the
        // page shows the notes from their node lists.
        for f in &mut self.footnotes {
            f.body = Vec::new();
            f.text = String::new();
        }
        self.markdown = keep.then(|| (packed::Packed::new(markdown), allow_html));
    }

    /// [`Document::full`], or when the Markdown was not kept, the document
    /// parsed from the Markdown `again` gives for its source (`path`) and
    /// [`Document::text_key`]: `None` when there is none (the text changed
    /// or went away since it was read).
    pub fn full_from(
        &self,
        path: &std::path::Path,
        again: Option<&Reread>,
    ) -> Option<std::borrow::Cow<'_, Document>> {
        if !self.body.is_empty() || self.markdown.is_some() {
            return Some(self.full());
        }
        let again = again?;
        let (markdown, allow_html) = again(path, self.text_key)?;
        Some(std::borrow::Cow::Owned(parse_with(&markdown, allow_html).0))
    }

    /// The document with its node lists: itself, or when compacted, parsed
    /// again (parsing is a pure function of the Markdown: the same nodes,
    /// ids and offsets).
    pub fn full(&self) -> std::borrow::Cow<'_, Document> {
        match &self.markdown {
            Some((md, allow_html)) if self.body.is_empty() => {
                std::borrow::Cow::Owned(parse_with(&md.text(), *allow_html).0)
            }
            _ => std::borrow::Cow::Borrowed(self),
        }
    }
}

/// Gives a compacted document's Markdown again (see
/// [`Document::full_from`]): from its source's path and its text key, the
/// Markdown and whether it may hold raw HTML, when the text read again
/// has that key.
pub type Reread<'a> = dyn Fn(&std::path::Path, u64) -> Option<(String, bool)> + Sync + 'a;

/// What tells one Markdown text (and whether raw HTML is kept) from
/// another, for [`Document::text_key`].
pub fn text_key(markdown: &str, allow_html: bool) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(markdown.as_bytes(), u64::from(allow_html))
}
