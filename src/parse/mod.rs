//! Parse: normalised Markdown into the document model.
//!
//! 1. Run pulldown-cmark (tables, footnotes, strikethrough, task lists,
//!    heading attributes) and merge adjacent text events.
//! 2. Give every paragraph an ordinal id (`p-1`, `p-2`, …) and every heading
//!    a slug id, unique within the page, so other pages can link to them.
//! 3. Lift code blocks out whole, for the highlighter.
//! 4. Lift footnote definitions out of the body and number them in order of
//!    first reference; each reference knows which occurrence it is, so the
//!    footnote can link back to every place that cites it.
//!
//! Parsing never fails: problems (a reference with no definition, a
//! definition never referenced) come back as warnings.

mod guard;
pub(crate) mod ids;
pub(crate) mod lines;
pub mod packed;
pub(crate) mod refs;
mod walk;

pub use guard::guard;

use ids::slugify;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};
use walk::Parsing;

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

/// Parses an author's Markdown, raw HTML shown as text (see [`guard`]);
/// the second value lists warnings for the source's author.
#[cfg(test)]
pub fn parse(markdown: &str) -> (Document, Vec<String>) {
    parse_with(markdown, false)
}

/// [`parse`], keeping raw HTML when `allow_html` (the site opted in, or the
/// HTML is normalisation's own).
pub fn parse_with(markdown: &str, allow_html: bool) -> (Document, Vec<String>) {
    let mut p = Parsing::default();
    p.keep_html = allow_html;
    p.ids.reserve("notes");
    let mut lines = lines::LineIndex::new(markdown);
    let mut link_lines: Vec<(String, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut math_warnings: Vec<String> = Vec::new();
    let events: Vec<Event<'static>> = guard(
        TextMergeWithOffset::new(Parser::new_ext(markdown, options()).into_offset_iter())
            .map(|(e, range)| {
                if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &e {
                    if seen.insert(dest_url.to_string()) {
                        link_lines.push((dest_url.to_string(), lines.line(range.start)));
                    }
                }
                if let Event::InlineMath(tex) | Event::DisplayMath(tex) = &e {
                    if let Some(why) = crate::math::problem(tex) {
                        let shown: String = tex.chars().take(60).collect();
                        math_warnings.push(format!(
                            "line {}: math `{shown}` cannot be read ({why}); it is shown as its TeX source",
                            lines.line(range.start)
                        ));
                    }
                }
                e.into_static()
            })
            .collect(),
        allow_html,
    );
    let mut body = Vec::with_capacity(events.len());
    let mut defs: Vec<(String, Vec<Node>)> = Vec::new();
    let (text, notes) = split_definitions(events);
    p.walk(&text, &mut body, true);
    for (label, events) in notes {
        let mut nodes = Vec::new();
        p.at = Some(walk::At::Note(label.clone()));
        p.walk(&events, &mut nodes, false);
        p.at = None;
        defs.push((label, nodes));
    }
    let mut warnings = p.finish_footnotes(defs);
    warnings.append(&mut math_warnings);
    refs::mark_runs(&mut p.doc.paragraphs);
    p.doc.anchors = retarget_anchors(&p.anchors, &mut body, &mut p.doc.footnotes);
    p.doc.body = body;
    p.doc.link_lines = link_lines;
    (p.doc, warnings)
}

/// Links to converters' empty anchors (`#page-6-3`) lead to the block the
/// anchor stood in (`#p-11`, a heading's slug, a note's id); the anchors
/// themselves are not on the page.
fn retarget_anchors(
    anchors: &[(String, walk::At)],
    body: &mut [Node],
    notes: &mut [Footnote],
) -> Vec<(String, String)> {
    if anchors.is_empty() {
        return Vec::new();
    }
    let mut to: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    for (anchor, at) in anchors {
        let id = match at {
            walk::At::Block(id) => Some(id.clone()),
            walk::At::Note(label) => notes
                .iter()
                .find(|n| &n.label == label)
                .map(|n| n.id.clone()),
        };
        if let Some(id) = id {
            to.entry(anchor.as_str()).or_insert(id);
        }
    }
    let fix = |nodes: &mut [Node]| {
        for n in nodes {
            if let Node::Md(Event::Start(Tag::Link { dest_url, .. })) = n {
                if let Some(id) = dest_url.strip_prefix('#').and_then(|a| to.get(a)) {
                    *dest_url = format!("#{id}").into();
                }
            }
        }
    };
    fix(body);
    for note in notes {
        fix(&mut note.body);
    }
    let mut kept: Vec<(String, String)> = to.into_iter().map(|(a, b)| (a.to_string(), b)).collect();
    kept.sort();
    kept
}

/// Markdown as the plain text a reader sees (`*Beijing*` → `Beijing`),
/// one line: for snippets and descriptions.
pub fn markdown_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for e in Parser::new_ext(markdown, options()) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            // Blocks end in a space; inline markup (`un*believ*able`) joins.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_MATH
        | Options::ENABLE_SMART_PUNCTUATION
}

fn matching_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// Footnote definitions: each one's label and inner events, in order.
type Definitions = Vec<(String, Vec<Event<'static>>)>;

/// The events of the text without its footnote definitions, and the
/// definitions. A definition may stand inside a list item or a quote
/// (`1. [^b]: …`): it is taken out of it, and what held it stays whole.
fn split_definitions(events: Vec<Event<'static>>) -> (Vec<Event<'static>>, Definitions) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return (events, Vec::new());
    }
    let mut text = Vec::with_capacity(events.len());
    let mut defs: Definitions = Vec::new();
    // The open definition: its label, its events so far, and how deep
    // inside it they are.
    let mut open: Option<(String, Vec<Event<'static>>, usize)> = None;
    for e in events {
        match (&e, &mut open) {
            (Event::Start(Tag::FootnoteDefinition(label)), None) => {
                open = Some((label.to_string(), Vec::new(), 0));
            }
            (Event::End(_), Some((_, _, 0))) => {
                if let Some((label, inner, _)) = open.take() {
                    defs.push((label, inner));
                }
            }
            (_, Some((_, inner, depth))) => {
                match &e {
                    Event::Start(_) => *depth += 1,
                    Event::End(_) => *depth -= 1,
                    _ => {}
                }
                inner.push(e);
            }
            (_, None) => text.push(e),
        }
    }
    // A definition the events leave open (they never do) keeps its text.
    if let Some((label, inner, _)) = open {
        defs.push((label, inner));
    }
    (text, defs)
}

fn footnote_slug(label: &str) -> String {
    let s = slugify(label);
    if s.is_empty() {
        "note".to_string()
    } else {
        s
    }
}

/// Heading slugs must not collide with the ids dossier generates itself.
fn looks_generated(id: &str) -> bool {
    ["p-", "fn-", "fnref-"]
        .iter()
        .any(|p| id.strip_prefix(p).is_some_and(|rest| !rest.is_empty()))
}

/// The visible text of a run of events (footnote markers excluded), trimmed.
pub fn plain_text(events: &[Event]) -> String {
    raw_text(events).trim().to_string()
}

/// The visible text of a run of events, each text or code event in full and
/// each line break as one space.
fn raw_text(events: &[Event]) -> String {
    fn piece<'a>(e: &'a Event) -> Option<&'a str> {
        match e {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                Some(t)
            }
            Event::SoftBreak | Event::HardBreak => Some(" "),
            Event::End(TagEnd::TableCell) => Some(CELL_SEP),
            _ => None,
        }
    }
    // Sized exactly: a site keeps every paragraph's text.
    let len = events.iter().filter_map(piece).map(str::len).sum();
    let mut s = String::with_capacity(len);
    for text in events.iter().filter_map(piece) {
        s.push_str(text);
    }
    s
}

/// A block-level element that ends a tight list item's own text.
fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::List(_)
            | Tag::Paragraph
            | Tag::CodeBlock(_)
            | Tag::BlockQuote(_)
            | Tag::Heading { .. }
            | Tag::Table(_)
            | Tag::HtmlBlock
            | Tag::DefinitionList
    )
}

fn nodes_text(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Node::Md(
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t),
            ) => s.push_str(t),
            Node::Md(Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)) => {
                s.push(' ')
            }
            Node::CodeBlock { code, .. } => s.push_str(code),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
