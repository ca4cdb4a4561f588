//! Mentions found in a document's body: the walk over its nodes (which
//! text is searched, which hits count, which become links) and their
//! grouping by paragraph and topic.

use super::{mentions, Extracted, LinkMode, Mention, Options, Rejected, TopicLink, TopicPassage};
use crate::parse::{Document, Node};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::HashSet;

/// Groups the mentions by paragraph and topic, and counts them per topic.
pub(super) fn group_mentions(mentions: Vec<Mention>, out: &mut Extracted) {
    let mut by_para: std::collections::BTreeMap<(usize, usize), Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    let mut counts: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for m in &mentions {
        by_para
            .entry((m.paragraph, m.topic))
            .or_default()
            .push((m.start, m.end));
        *counts.entry(m.topic).or_default() += 1;
    }
    out.passages = by_para
        .into_iter()
        .map(|((paragraph, topic), spans)| TopicPassage {
            paragraph: narrow(paragraph),
            topic: narrow(topic),
            spans: spans
                .into_iter()
                .map(|(s, e)| (narrow(s), narrow(e)))
                .collect(),
        })
        .collect();
    out.topic_counts = counts.into_iter().collect();
    out.topic_counts
        .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// A paragraph's number, a topic's or an offset in a paragraph's text, as
/// a passage keeps it (texts are read whole into memory, so none reaches
/// 4 GiB; one that did would be cut short rather than wrap).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Walks the body: mentions in paragraph text outside links, images and
/// headings; footnote markers and code blocks are separate nodes and never
/// searched. A paragraph's hits are weighed together (an ambiguous alias
/// counts only beside another alias of its topic) before they become
/// mentions and links.
pub(super) fn find_mentions(doc: &Document, opts: &Options, out: &mut Extracted) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut paragraph: Option<(usize, bool)> = None;
    let mut next_paragraph = 0;
    let mut offset = 0;
    let mut in_link = 0usize;
    let mut linked: HashSet<usize> = HashSet::new();
    // The open paragraph's hits: (node, hit in the node, offset of the node).
    let mut pending: Vec<(usize, mentions::Hit, usize)> = Vec::new();
    let mut rejected: std::collections::BTreeMap<usize, Rejected> = Default::default();
    let mut flush = |p: Option<(usize, bool)>,
                     pending: &mut Vec<(usize, mentions::Hit, usize)>,
                     linked: &mut HashSet<usize>,
                     out: &mut Extracted,
                     found: &mut Vec<Mention>| {
        let Some((p, reference)) = p else {
            pending.clear();
            return;
        };
        let hits: Vec<mentions::Hit> = pending.iter().map(|(_, h, _)| *h).collect();
        let keep = mentions::keep_supported(&hits);
        for ((k, h, base), keep) in pending.drain(..).zip(keep) {
            if reference || !keep {
                let r = rejected.entry(h.topic).or_default();
                if h.excluded {
                    r.excluded += 1;
                } else if reference {
                    r.in_references += 1;
                } else {
                    r.ambiguous += 1;
                }
                continue;
            }
            found.push(Mention {
                topic: h.topic,
                paragraph: p,
                start: base + h.start,
                end: base + h.end,
            });
            let link = match opts.links {
                LinkMode::All => true,
                LinkMode::None => false,
                _ => linked.insert(h.topic),
            };
            if link {
                out.links.push(TopicLink {
                    node: k,
                    start: h.start,
                    end: h.end,
                    topic: h.topic,
                });
            }
        }
    };
    for (k, node) in doc.body.iter().enumerate() {
        match node {
            Node::ParagraphStart { .. } => {
                flush(paragraph, &mut pending, &mut linked, out, &mut found);
                // A reference list's words are titles, not passages: its
                // hits are only counted.
                paragraph = Some((next_paragraph, doc.paragraphs[next_paragraph].reference));
                next_paragraph += 1;
                offset = 0;
            }
            Node::HeadingStart { .. } => {
                flush(paragraph.take(), &mut pending, &mut linked, out, &mut found);
                if opts.links == LinkMode::FirstInSection {
                    linked.clear();
                }
            }
            Node::Md(Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ))
            | Node::Md(Event::Start(Tag::List(_))) => {
                flush(paragraph.take(), &mut pending, &mut linked, out, &mut found)
            }
            Node::Md(Event::End(TagEnd::TableCell)) if paragraph.is_some() => {
                offset += crate::parse::CELL_SEP.len()
            }
            Node::Md(Event::Start(Tag::Link { .. } | Tag::Image { .. })) => in_link += 1,
            Node::Md(Event::End(TagEnd::Link | TagEnd::Image)) => {
                in_link = in_link.saturating_sub(1)
            }
            Node::Md(Event::Text(t)) => {
                if paragraph.is_none() {
                    continue;
                }
                if in_link == 0 {
                    for h in opts.matcher.find(t) {
                        pending.push((k, h, offset));
                    }
                }
                offset += t.len();
            }
            // Code and math are in the paragraph's text, never searched.
            Node::Md(Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t))
                if paragraph.is_some() =>
            {
                offset += t.len()
            }
            Node::Md(Event::SoftBreak | Event::HardBreak) if paragraph.is_some() => offset += 1,
            _ => {}
        }
    }
    flush(paragraph, &mut pending, &mut linked, out, &mut found);
    out.rejected = rejected.into_iter().collect();
    found
}
