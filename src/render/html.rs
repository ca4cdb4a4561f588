//! The document model into HTML.
//!
//! Markdown events go through pulldown-cmark's HTML writer in one pass; the
//! nodes dossier owns (paragraphs and headings with ids, footnote references,
//! code blocks) become raw HTML events in the same stream, so writer state
//! such as table alignment is never split.

use super::highlight::{escape, Highlighter};
use super::images::{self, Targets};
use crate::parse::{Block, Document, Footnote, Node};
use pulldown_cmark::{html, CowStr, Event, Tag, TagEnd};
use std::borrow::Cow;
use std::rc::Rc;

/// A topic link to insert into the text of body node `node`.
#[derive(Debug, Clone)]
pub struct LinkSpan {
    pub node: usize,
    pub start: usize,
    pub end: usize,
    pub href: Rc<str>,
    /// The topic's id; empty for a citation linked to its reference entry.
    pub topic: Rc<str>,
    /// Text of the link's preview, and its heading. A topic's are made once
    /// for all its links (shared).
    pub preview: Rc<str>,
    pub label: Rc<str>,
    /// The node is a link of the text's own (to a reference entry), which
    /// gets the preview; `start` and `end` are unused.
    pub whole: bool,
}

/// HTML appended to parts of a document: `notes[i]` to footnote `i`,
/// `blocks` (sorted by paragraph) to the blocks of text with those indices
/// (their entry in the citation index).
#[derive(Default)]
pub struct Extras<'a> {
    pub notes: &'a [Option<String>],
    pub blocks: &'a [(usize, String)],
}

/// The body of a document followed by its footnotes. `links` must be sorted
/// by node and offset.
pub fn document_html(
    doc: &Document,
    hl: &Highlighter,
    links: &[LinkSpan],
    extras: &Extras,
) -> String {
    document_html_with(doc, hl, links, extras, &Targets::new())
}

/// [`document_html`], with links and images retargeted (see [`images`]):
/// `targets` maps a link target as written to where it leads.
pub fn document_html_with(
    doc: &Document,
    hl: &Highlighter,
    links: &[LinkSpan],
    extras: &Extras,
    targets: &Targets,
) -> String {
    let doc = doc.full();
    let mut out = String::with_capacity(doc.words * 8 + 256);
    let body = with_links(&doc.body, links);
    let body = with_block_extras(body, extras.blocks);
    nodes_html(&body, hl, targets, &mut out);
    if !doc.footnotes.is_empty() {
        footnotes_html(&doc.footnotes, hl, extras.notes, targets, &mut out);
    }
    out
}

/// Puts `extras` (paragraph index, HTML) at the end of those blocks.
fn with_block_extras<'a>(nodes: Cow<'a, [Node]>, extras: &[(usize, String)]) -> Cow<'a, [Node]> {
    if extras.is_empty() {
        return nodes;
    }
    let mut out = Vec::with_capacity(nodes.len() + extras.len());
    let mut extras = extras.iter().peekable();
    let mut paragraph = 0usize;
    // The block waiting for its end: (depth of events inside it, HTML).
    let mut open: Option<(usize, &str)> = None;
    for n in nodes.iter() {
        match n {
            Node::ParagraphStart { .. } | Node::HeadingStart { .. } => {
                if let Node::ParagraphStart { .. } = n {
                    while extras.next_if(|(p, _)| *p < paragraph).is_some() {}
                    open = extras
                        .next_if(|(p, _)| *p == paragraph)
                        .map(|(_, h)| (0, h.as_str()));
                    paragraph += 1;
                } else {
                    open = None;
                }
            }
            Node::Md(Event::Start(_)) => {
                if let Some((depth, _)) = &mut open {
                    *depth += 1;
                }
            }
            Node::Md(Event::End(_)) => match &mut open {
                Some((0, html)) => {
                    out.push(Node::Md(raw(html.to_string())));
                    open = None;
                }
                Some((depth, _)) => *depth -= 1,
                None => {}
            },
            _ => {}
        }
        out.push(n.clone());
    }
    Cow::Owned(out)
}

fn nodes_html(nodes: &[Node], hl: &Highlighter, targets: &Targets, out: &mut String) {
    let nodes = images::retarget(nodes, targets);
    let events = nodes.iter().map(|n| match n {
        Node::Md(Event::InlineMath(tex)) => raw(crate::math::mathml(tex, false)),
        Node::Md(Event::DisplayMath(tex)) => raw(crate::math::mathml(tex, true)),
        Node::Md(e) => e.clone(),
        Node::ParagraphStart { id, kind } => raw(match kind {
            Block::P => format!("<p id=\"{id}\">"),
            Block::Item => format!("<li id=\"{id}\">"),
            Block::Term => format!("<dt id=\"{id}\">"),
            Block::Definition => format!("<dd id=\"{id}\">"),
            Block::Row => format!("<span id=\"{id}\"></span>"),
        }),
        Node::HeadingStart { level, id, classes } => {
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", escape(&classes.join(" ")))
            };
            raw(format!("<h{level} id=\"{id}\"{class}>"))
        }
        Node::FootnoteRef { id, number, nth } => raw(format!(
            "<sup><a href=\"#{id}\" id=\"{}\" role=\"doc-noteref\" aria-describedby=\"notes\">{number}</a></sup>",
            ref_id(id, *nth)
        )),
        Node::CodeBlock { lang, code } => raw(hl.highlight(lang.as_deref(), code)),
    });
    html::push_html(out, events);
}

/// Splits the text nodes that hold topic links into text and link parts.
fn with_links<'a>(nodes: &'a [Node], links: &[LinkSpan]) -> Cow<'a, [Node]> {
    if links.is_empty() {
        return Cow::Borrowed(nodes);
    }
    let mut out = Vec::with_capacity(nodes.len() + links.len() * 3);
    let mut links = links.iter().peekable();
    // A topic's preview is written once, on its first link; the others
    // link to the same topic page and `search.js` finds the preview there.
    let mut previewed: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (k, node) in nodes.iter().enumerate() {
        if let Node::Md(Event::Start(Tag::Link { dest_url, .. })) = node {
            if let Some(l) = links.next_if(|l| l.node == k && l.whole) {
                out.push(Node::Md(raw(format!(
                    "<a class=\"cite-ref\" href=\"{}\" data-preview-label=\"{}\" data-preview=\"{}\">",
                    escape(dest_url),
                    escape(&l.label),
                    escape(&l.preview)
                ))));
                continue;
            }
        }
        let Node::Md(Event::Text(text)) = node else {
            out.push(node.clone());
            continue;
        };
        let mut at = 0;
        while let Some(l) = links.next_if(|l| l.node == k) {
            if l.start < at || l.end > text.len() {
                continue;
            }
            if l.start > at {
                out.push(Node::Md(Event::Text(CowStr::from(
                    text[at..l.start].to_string(),
                ))));
            }
            let preview = if l.topic.is_empty() || previewed.insert(&l.topic) {
                format!(
                    " data-preview-label=\"{}\" data-preview=\"{}\"",
                    escape(&l.label),
                    escape(&l.preview)
                )
            } else {
                String::new()
            };
            out.push(Node::Md(raw(if l.topic.is_empty() {
                format!(
                    "<a class=\"cite-ref\" href=\"{}\"{preview}>",
                    escape(&l.href)
                )
            } else {
                format!("<a class=\"topic\" href=\"{}\"{preview}>", escape(&l.href))
            })));
            out.push(Node::Md(Event::Text(CowStr::from(
                text[l.start..l.end].to_string(),
            ))));
            out.push(Node::Md(raw("</a>".to_string())));
            at = l.end;
        }
        if at == 0 {
            out.push(node.clone());
        } else if at < text.len() {
            out.push(Node::Md(Event::Text(CowStr::from(text[at..].to_string()))));
        }
    }
    Cow::Owned(out)
}

fn raw(s: String) -> Event<'static> {
    Event::InlineHtml(CowStr::from(s))
}

/// The id of the `nth` reference to footnote `id`: `fnref-3`, `fnref-3-2`.
pub fn ref_id(id: &str, nth: usize) -> String {
    let base = id.replacen("fn-", "fnref-", 1);
    if nth <= 1 {
        base
    } else {
        format!("{base}-{nth}")
    }
}

fn footnotes_html(
    notes: &[Footnote],
    hl: &Highlighter,
    extras: &[Option<String>],
    targets: &Targets,
    out: &mut String,
) {
    out.push_str("<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">Notes</h2>\n<ol>\n");
    // A list item numbers itself one past the item before; its number is
    // written only where the notes skip one.
    let mut next = 1;
    for (i, note) in notes.iter().enumerate() {
        if note.number == next {
            out.push_str(&format!("<li id=\"{}\">", note.id));
        } else {
            out.push_str(&format!(
                "<li id=\"{}\" value=\"{}\">",
                note.id, note.number
            ));
        }
        next = note.number + 1;
        let backrefs: String = (1..=note.refs)
            .map(|nth| {
                // Named as GitHub names them: `Back to reference 3`, and
                // `Back to reference 3-2` for the second of several.
                let (label, which) = if note.refs > 1 {
                    (format!("↩{nth}"), format!("{}-{nth}", note.number))
                } else {
                    ("↩".to_string(), note.number.to_string())
                };
                format!(
                    " <a href=\"#{}\" role=\"doc-backlink\" aria-label=\"Back to reference {which}\">{label}</a>",
                    ref_id(&note.id, nth),
                )
            })
            .collect();
        let backrefs = match extras.get(i).and_then(Option::as_ref) {
            Some(extra) => format!("{backrefs} {extra}"),
            None => backrefs,
        };
        let mut body = note.body.clone();
        // A note of one paragraph is the list item's text itself.
        let paragraphs = body
            .iter()
            .filter(|n| matches!(n, Node::Md(Event::Start(Tag::Paragraph))))
            .count();
        if paragraphs == 1
            && matches!(body.first(), Some(Node::Md(Event::Start(Tag::Paragraph))))
            && matches!(body.last(), Some(Node::Md(Event::End(TagEnd::Paragraph))))
        {
            body.pop();
            body.remove(0);
        }
        // Back-links go inside the last paragraph, not on a line of their own.
        match body
            .iter()
            .rposition(|n| matches!(n, Node::Md(Event::End(TagEnd::Paragraph))))
        {
            Some(at) => body.insert(at, Node::Md(raw(backrefs))),
            None => body.push(Node::Md(raw(backrefs))),
        }
        nodes_html(&body, hl, targets, out);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// Renders a snippet of Markdown (an author note, a section introduction)
/// without ids; raw HTML only when `allow_html` (see `parse::guard`).
pub fn markdown_html(md: &str, allow_html: bool) -> String {
    let events = pulldown_cmark::Parser::new_ext(md, crate::parse::options())
        .map(Event::into_static)
        .collect();
    let mut out = String::new();
    html::push_html(
        &mut out,
        crate::parse::guard(events, allow_html)
            .into_iter()
            .map(|e| match e {
                Event::InlineMath(tex) => {
                    Event::InlineHtml(crate::math::mathml(&tex, false).into())
                }
                Event::DisplayMath(tex) => {
                    Event::InlineHtml(crate::math::mathml(&tex, true).into())
                }
                e => e,
            }),
    );
    out
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
