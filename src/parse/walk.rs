//! The walk from pulldown-cmark events to dossier's nodes: paragraph and
//! block ids, heading slugs, code blocks, footnote references and
//! definitions, reference sections (see `refs`).

use super::ids::{slugify, IdSet};
use super::{
    footnote_slug, is_block, looks_generated, matching_end, nodes_text, plain_text, raw_text, refs,
    Block, Document, Footnote, Heading, Node, Paragraph, CELL_SEP,
};
use pulldown_cmark::{CodeBlockKind, Event, Tag};
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Parsing {
    pub(super) doc: Document,
    pub(super) ids: IdSet,
    /// Footnote label → (number, references so far, id).
    numbers: HashMap<String, (usize, usize, String)>,
    /// Depth of open HTML wrappers (`<figure>`, `<aside>`) around the text.
    wrappers: usize,
    /// Inside a reference section: the level of the heading that opened it
    /// (7 for a section opened by a line that only names it).
    references: Option<u8>,
    /// The innermost block being walked: its id, or the label of the
    /// footnote being walked.
    pub(super) at: Option<At>,
    /// Converters' empty anchors and where they stand.
    pub(super) anchors: Vec<(String, At)>,
    /// Raw HTML is kept (the site opted in): anchors stay on the page too.
    pub(super) keep_html: bool,
}

/// Where an anchor stands.
#[derive(Clone, Debug)]
pub(super) enum At {
    Block(String),
    Note(String),
}

impl Parsing {
    /// Turns events into nodes. `in_body` is false inside footnotes, whose
    /// paragraphs take no ids.
    pub(super) fn walk(&mut self, events: &[Event<'static>], out: &mut Vec<Node>, in_body: bool) {
        let mut i = 0;
        while i < events.len() {
            match &events[i] {
                Event::Start(Tag::Paragraph) if in_body => {
                    let end = matching_end(events, i);
                    // Untrimmed, so that offsets of text events add up to it.
                    let text = raw_text(&events[i + 1..end]);
                    if refs::is_reference_heading(&text) {
                        self.references = Some(7);
                    }
                    let id = self.paragraph(text, Block::P);
                    out.push(Node::ParagraphStart {
                        id: id.clone(),
                        kind: Block::P,
                    });
                    self.walk_in(id, &events[i + 1..end], out, in_body);
                    out.push(Node::Md(events[end].clone()));
                    i = end + 1;
                }
                Event::Start(
                    Tag::Item | Tag::DefinitionListTitle | Tag::DefinitionListDefinition,
                ) if in_body => {
                    let end = matching_end(events, i);
                    // A tight item's text runs to its first block (a list
                    // nested in it) or its end.
                    let stop = (i + 1..end)
                        .find(|&j| matches!(&events[j], Event::Start(t) if is_block(t)))
                        .unwrap_or(end);
                    let text = raw_text(&events[i + 1..stop]);
                    if text.trim().is_empty() {
                        out.push(Node::Md(events[i].clone()));
                        i += 1;
                        continue;
                    }
                    let kind = match &events[i] {
                        Event::Start(Tag::Item) => Block::Item,
                        Event::Start(Tag::DefinitionListTitle) => Block::Term,
                        _ => Block::Definition,
                    };
                    let id = self.paragraph(text, kind);
                    out.push(Node::ParagraphStart {
                        id: id.clone(),
                        kind,
                    });
                    self.walk_in(id, &events[i + 1..end], out, in_body);
                    out.push(Node::Md(events[end].clone()));
                    i = end + 1;
                }
                Event::Start(Tag::TableRow) if in_body => {
                    let end = matching_end(events, i);
                    let text = raw_text(&events[i + 1..end]);
                    out.push(Node::Md(events[i].clone()));
                    let first_cell =
                        matches!(events.get(i + 1), Some(Event::Start(Tag::TableCell)));
                    if text.replace(CELL_SEP, "").trim().is_empty() || !first_cell {
                        i += 1;
                        continue;
                    }
                    let text = text
                        .strip_suffix(CELL_SEP)
                        .map_or(text.clone(), str::to_string);
                    let id = self.paragraph(text, Block::Row);
                    out.push(Node::Md(events[i + 1].clone()));
                    out.push(Node::ParagraphStart {
                        id: id.clone(),
                        kind: Block::Row,
                    });
                    self.walk_in(id, &events[i + 2..end], out, in_body);
                    out.push(Node::Md(events[end].clone()));
                    i = end + 1;
                }
                Event::Start(Tag::Heading {
                    level, id, classes, ..
                }) => {
                    let end = matching_end(events, i);
                    let text = plain_text(&events[i + 1..end]);
                    let base = id
                        .as_ref()
                        .map_or_else(|| slugify(&text), |s| s.to_string());
                    let base = if looks_generated(&base) {
                        format!("h-{base}")
                    } else {
                        base
                    };
                    let id = self.ids.unique(&base);
                    let level = *level as u8;
                    if in_body {
                        if refs::is_reference_heading(&text) {
                            self.references = Some(level);
                        } else if self.references.is_some_and(|l| level <= l) {
                            self.references = None;
                        }
                        self.doc.headings.push(Heading {
                            level,
                            id: id.clone(),
                            text,
                        });
                    }
                    let classes = classes.iter().map(|c| c.to_string()).collect();
                    out.push(Node::HeadingStart {
                        level,
                        id: id.clone(),
                        classes,
                    });
                    self.walk_in(id, &events[i + 1..end], out, in_body);
                    out.push(Node::Md(events[end].clone()));
                    i = end + 1;
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let end = matching_end(events, i);
                    let code: String = events[i + 1..end]
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect();
                    let lang = match kind {
                        CodeBlockKind::Fenced(l) => fence_language(l),
                        CodeBlockKind::Indented => None,
                    };
                    // A Quarto or R Markdown chunk (```` ```{r} ````) opens
                    // with its options (`#| label: fig-x`), which Quarto
                    // does not show either.
                    let chunk =
                        matches!(kind, CodeBlockKind::Fenced(l) if l.trim_start().starts_with('{'));
                    let code = if chunk && code.starts_with("#|") {
                        let options: usize = code
                            .split_inclusive('\n')
                            .take_while(|l| l.starts_with("#|"))
                            .map(str::len)
                            .sum();
                        code[options..].to_string()
                    } else {
                        code
                    };
                    out.push(Node::CodeBlock { lang, code });
                    i = end + 1;
                }
                Event::FootnoteReference(label) => {
                    out.push(self.reference(label));
                    i += 1;
                }
                Event::InlineHtml(h) if super::guard::anchor_id(h).is_some() => {
                    let id = super::guard::anchor_id(h).unwrap_or_default().to_string();
                    if let Some(at) = &self.at {
                        self.anchors.push((id.clone(), at.clone()));
                    }
                    if self.keep_html {
                        out.push(Node::Md(events[i].clone()));
                    } else if id.starts_with('^') {
                        // A wiki's block id stays on the page, for links
                        // from other texts (its closing tag was dropped).
                        out.push(Node::Md(Event::InlineHtml(
                            format!("<span id=\"{}\"></span>", crate::chars::escape_html(&id))
                                .into(),
                        )));
                    }
                    i += 1;
                }
                e => {
                    if let Event::Html(h) = e {
                        self.track_wrappers(h);
                    }
                    if in_body {
                        if let Event::Text(t) = e {
                            self.doc.words += t.split_whitespace().count();
                        }
                    }
                    out.push(Node::Md(e.clone()));
                    i += 1;
                }
            }
        }
    }

    /// [`Parsing::walk`] inside the block `id` (for the anchors in it).
    fn walk_in(
        &mut self,
        id: String,
        events: &[Event<'static>],
        out: &mut Vec<Node>,
        in_body: bool,
    ) {
        let outer = self.at.replace(At::Block(id));
        self.walk(events, out, in_body);
        self.at = outer;
    }

    /// Records a block of text and returns its id.
    fn paragraph(&mut self, text: String, kind: Block) -> String {
        let id = format!("p-{}", self.doc.paragraphs.len() + 1);
        self.ids.reserve(&id);
        self.doc.paragraphs.push(Paragraph {
            id: id.clone(),
            text,
            aside: self.wrappers > 0,
            kind,
            reference: self.references.is_some(),
        });
        id
    }

    /// Follows raw HTML blocks that open or close wrapper elements.
    fn track_wrappers(&mut self, html: &str) {
        for tag in ["figure", "aside"] {
            let opens = html.matches(&format!("<{tag}")).count();
            let closes = html.matches(&format!("</{tag}>")).count();
            self.wrappers = (self.wrappers + opens).saturating_sub(closes);
        }
    }

    fn reference(&mut self, label: &str) -> Node {
        let next = self.numbers.len() + 1;
        let ids = &mut self.ids;
        let entry = self
            .numbers
            .entry(label.to_string())
            .or_insert_with(|| (next, 0, ids.unique(&format!("fn-{}", footnote_slug(label)))));
        entry.1 += 1;
        Node::FootnoteRef {
            id: entry.2.clone(),
            number: entry.0,
            nth: entry.1,
        }
    }

    pub(super) fn finish_footnotes(&mut self, defs: Vec<(String, Vec<Node>)>) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut notes = Vec::new();
        for (label, body) in defs {
            if notes.iter().any(|n: &Footnote| n.label == label) {
                warnings.push(format!(
                    "footnote `{label}` is defined twice; the first definition is used"
                ));
                continue;
            }
            let (number, refs, id) = match self.numbers.get(&label) {
                Some(n) => n.clone(),
                None => {
                    warnings.push(format!("footnote `{label}` is never referenced"));
                    let next = self.numbers.len() + 1;
                    let id = self.ids.unique(&format!("fn-{}", footnote_slug(&label)));
                    self.numbers.insert(label.clone(), (next, 0, id.clone()));
                    (next, 0, id)
                }
            };
            let text = nodes_text(&body);
            notes.push(Footnote {
                label,
                id,
                number,
                body,
                text,
                refs,
            });
        }
        let mut missing: Vec<&String> = self
            .numbers
            .keys()
            .filter(|l| !notes.iter().any(|n| &n.label == *l))
            .collect();
        missing.sort();
        for label in missing {
            warnings.push(format!(
                "footnote `{label}` is referenced but never defined"
            ));
        }
        notes.sort_by_key(|n| n.number);
        self.doc.footnotes = notes;
        warnings
    }
}

/// A fenced block's language from its info string: `rust`, or as Pandoc,
/// Quarto and R Markdown write it, `{.python}`, `{r}`, `{r, echo=FALSE}`,
/// `{python label="x"}`.
fn fence_language(info: &str) -> Option<String> {
    let info = info.trim();
    let word = match info.strip_prefix('{') {
        Some(inner) => inner
            .trim_start()
            .trim_start_matches('.')
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | '='))
            .next()?,
        None => info.split_whitespace().next()?,
    };
    (!word.is_empty()).then(|| word.to_string())
}
