//! Obsidian's callouts (`> [!warning]- Disputed wording`): a quote whose
//! first line names a kind becomes a quote of that kind (one of the five
//! GitHub alerts, which the parser reads itself when written alone on
//! their line: `> [!NOTE]`), its title a paragraph of its own in bold
//! (the kind's name when none is given).

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};

/// `events` with each callout made a quote of its kind.
pub fn callouts(mut events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if t.starts_with("[!")))
    {
        return events;
    }
    let mut i = 0;
    while i + 2 < events.len() {
        let found = match (&events[i], &events[i + 1], &events[i + 2]) {
            (Event::Start(Tag::BlockQuote(None)), Event::Start(Tag::Paragraph), Event::Text(t)) => {
                callout_line(t)
            }
            _ => None,
        };
        let Some((kind, title)) = found else {
            i += 1;
            continue;
        };
        let end = super::matching_end(&events, i);
        events[i] = Event::Start(Tag::BlockQuote(Some(kind)));
        events[end] = Event::End(TagEnd::BlockQuote(Some(kind)));
        // The title, then the rest of the first paragraph (from the line
        // after the title's) as a paragraph of its own.
        let mut made = vec![
            Event::Start(Tag::Strong),
            Event::Text(CowStr::from(title)),
            Event::End(TagEnd::Strong),
        ];
        let mut skip = 1;
        if let Some(Event::SoftBreak | Event::HardBreak) = events.get(i + 3) {
            made.push(Event::End(TagEnd::Paragraph));
            made.push(Event::Start(Tag::Paragraph));
            skip = 2;
        }
        let n = made.len();
        events.splice(i + 2..i + 2 + skip, made);
        i += 2 + n;
    }
    events
}

/// `[!warning]- Disputed wording` → its kind and its title (the rest of
/// the line).
fn callout_line(text: &str) -> Option<(BlockQuoteKind, String)> {
    let rest = text.strip_prefix("[!")?;
    let close = rest.find(']')?;
    let name = &rest[..close];
    if name.is_empty()
        || name.len() > 32
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let after = rest[close + 1..].trim_start_matches(['+', '-']);
    let title = after.trim();
    let lower = name.to_lowercase();
    let title = if title.is_empty() {
        let mut c = lower.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        title.to_string()
    };
    Some((kind(&lower), title))
}

/// The alert kind nearest to an Obsidian callout type.
fn kind(name: &str) -> BlockQuoteKind {
    match name {
        "tip" | "hint" | "success" | "check" | "done" => BlockQuoteKind::Tip,
        "important" | "question" | "help" | "faq" => BlockQuoteKind::Important,
        "warning" | "caution" | "attention" => BlockQuoteKind::Warning,
        "danger" | "error" | "bug" | "failure" | "fail" | "missing" => BlockQuoteKind::Caution,
        _ => BlockQuoteKind::Note,
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::{parse, Node};
    use pulldown_cmark::{BlockQuoteKind, Event, Tag};

    /// The quote kinds of a text and its paragraphs' texts.
    fn read(md: &str) -> (Vec<Option<BlockQuoteKind>>, Vec<String>) {
        let (doc, _) = parse(md);
        let kinds = doc
            .body
            .iter()
            .filter_map(|n| match n {
                Node::Md(Event::Start(Tag::BlockQuote(k))) => Some(*k),
                _ => None,
            })
            .collect();
        let texts = doc.paragraphs.iter().map(|p| p.text.clone()).collect();
        (kinds, texts)
    }

    #[test]
    fn a_callout_is_a_quote_of_its_kind_with_its_title() {
        let (kinds, texts) = read("> [!warning]- Disputed wording\n> The texts differ.\n");
        assert_eq!(kinds, [Some(BlockQuoteKind::Warning)]);
        assert_eq!(texts, ["Disputed wording", "The texts differ."]);
        let (kinds, texts) = read("> [!summary]\n> Signed in 1689.\n");
        assert_eq!(kinds, [Some(BlockQuoteKind::Note)]);
        assert_eq!(texts, ["Summary", "Signed in 1689."]);
        let (kinds, _) = read("> [!faq] Why?\n");
        assert_eq!(kinds, [Some(BlockQuoteKind::Important)]);
        // GitHub's own alerts, and quotes that are no callouts.
        assert_eq!(
            read("> [!NOTE]\n> Plain.\n").0,
            [Some(BlockQuoteKind::Note)]
        );
        let (kinds, texts) = read("> [!not a callout] text\n");
        assert_eq!(kinds, [None]);
        assert_eq!(texts, ["[!not a callout] text"]);
    }
}
