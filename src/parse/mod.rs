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

mod callouts;
mod document;
mod guard;
pub(crate) mod ids;
pub(crate) mod lines;
pub mod packed;
pub(crate) mod refs;
mod walk;

pub use document::{
    text_key, Block, Document, Footnote, Heading, Node, Paragraph, Reread, CELL_SEP,
};
pub use guard::guard;

use ids::slugify;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};
use walk::Parsing;

/// Parses an author's Markdown, raw HTML shown as text (see [`guard`]);
/// the second value lists warnings for the source's author.
#[cfg(test)]
pub fn parse(markdown: &str) -> (Document, Vec<String>) {
    parse_with(markdown, false)
}

/// [`parse`], keeping raw HTML when `allow_html` (the site opted in, or the
/// HTML is normalisation's own).
pub fn parse_with(markdown: &str, allow_html: bool) -> (Document, Vec<String>) {
    let markdown = &*bracketed_link_texts(markdown);
    let mut p = Parsing::default();
    p.keep_html = allow_html;
    p.ids.reserve("notes");
    let mut lines = lines::LineIndex::new(markdown);
    let mut link_lines: Vec<(String, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut math_warnings: Vec<String> = Vec::new();
    let mut events: Vec<Event<'static>> = callouts::callouts(guard(
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
    ));
    wiki_links(&mut events);
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

/// Wiki links as a reader sees them: a link within the text
/// (`[[#The sieges]]`) leads to the heading's id; one without its own text
/// shows its target as a path (`Albazin#The sieges` → `Albazin › The
/// sieges`, `#^core` → nothing of the block id).
fn wiki_links(events: &mut [Event]) {
    let mut bare = false;
    for e in events.iter_mut() {
        match e {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => {
                // A block id (`#^core`) is the anchors' to retarget.
                if let Some(f) = dest_url.strip_prefix('#').filter(|f| !f.starts_with('^')) {
                    *dest_url = format!("#{}", ids::fragment_id(f)).into();
                }
                bare = !*has_pothole;
            }
            Event::Text(t) if bare && t.contains('#') => {
                if let Some(shown) = ids::wiki_shown(t) {
                    *t = shown.into();
                }
            }
            Event::End(TagEnd::Link) => bare = false,
            _ => {}
        }
    }
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

/// `[[12]](#ref-12)`, as converters write a numbered citation, is a link
/// whose text is in brackets, not a wiki link followed by text: its inner
/// brackets are escaped (`[\[12\]](#ref-12)`) before the wiki-link rule
/// reads it. Line numbers do not move.
fn bracketed_link_texts(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains("]](") {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut rest = markdown;
    while let Some(at) = rest.find("[[") {
        let inner = &rest[at + 2..];
        let close = inner.find(['[', ']', '\n']);
        match close {
            Some(c) if inner[c..].starts_with("]](") => {
                out.push_str(&rest[..at]);
                out.push_str("[\\[");
                out.push_str(&inner[..c]);
                out.push_str("\\]](");
                rest = &inner[c + 3..];
            }
            _ => {
                out.push_str(&rest[..at + 2]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
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
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_GFM
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
    let mut pieces: Vec<&str> = Vec::with_capacity(events.len());
    for (k, e) in events.iter().enumerate() {
        if superscript_marker(events, k, pieces.last().copied()) {
            continue;
        }
        pieces.extend(piece(e));
    }
    // Sized exactly: a site keeps every paragraph's text.
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for text in pieces {
        s.push_str(text);
    }
    s
}

/// Whether `events[k]` is the number of a note marked by hand in
/// superscript after a sentence's or clause's punctuation (`in 1923.^1^`,
/// as Pandoc writes a Word document's hand-made note numbers), which the
/// text leaves out as it does note references: it would glue to a year
/// (`1923.1`) and run the sentence on. A superscript after a letter stays
/// (`m^3^`, `1^st^`).
fn superscript_marker(events: &[Event], k: usize, before: Option<&str>) -> bool {
    let Event::Text(t) = &events[k] else {
        return false;
    };
    let html = |i: Option<usize>, tag: &str| matches!(i.and_then(|i| events.get(i)), Some(Event::InlineHtml(h)) if h.eq_ignore_ascii_case(tag));
    html(k.checked_sub(1), "<sup>")
        && html(Some(k + 1), "</sup>")
        && !t.is_empty()
        && t.len() <= 8
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'-')
        && before.is_some_and(|b| b.ends_with(['.', ',', ';', ':', '!', '?', '"', '”', '’', ')']))
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
