//! Paragraphs a page end cut in two, made whole again (rules 4 and 7 of
//! `pdfmd`).

use super::notes;
use super::pdfmd::{Block, Kind};
use super::text::ends_sentence;

/// Removes the blocks marked in `remove`; where a removed run cut a
/// paragraph in two (the part before does not end a sentence, or the part
/// after starts in lower case), the halves become one paragraph again. In
/// a `converted` text, a paragraph that starts in lower case after one
/// that does not end a sentence continues it even with nothing removed
/// between (a page or column end), and so does one after a list whose
/// last item was cut.
pub(super) fn rejoin(blocks: &mut Vec<Block>, remove: &[bool], converted: bool) {
    if !remove.contains(&true) && !converted {
        return;
    }
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut gap = false;
    for (b, gone) in std::mem::take(blocks).into_iter().zip(remove) {
        if *gone {
            gap = !out.is_empty();
            continue;
        }
        let after_gap = std::mem::take(&mut gap);
        if let Some(prev) = out.last_mut().filter(|_| after_gap || converted) {
            // A paragraph cut after `of`, `the`, `on`… goes on whatever
            // the case of what follows.
            let lower =
                b.text.starts_with(|c: char| c.is_lowercase()) || ends_on_small_word(&prev.text);
            let open = !ends_sentence(&prev.text);
            let cut = if after_gap {
                open || lower
            } else {
                open && lower
            };
            let list = converted && lower && open && is_list(prev);
            if cut && is_prose(&b) && (is_prose(prev) || list) {
                prev.text = format!("{} {}", prev.text.trim_end(), b.text.trim_start());
                continue;
            }
        }
        out.push(b);
    }
    *blocks = out;
}

/// Whether `text` ends on a word that cannot end a sentence.
fn ends_on_small_word(text: &str) -> bool {
    let last = text
        .trim_end()
        .trim_end_matches(['*', '_'])
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    matches!(
        last,
        "of" | "on"
            | "the"
            | "and"
            | "in"
            | "for"
            | "to"
            | "with"
            | "a"
            | "an"
            | "by"
            | "from"
            | "or"
            | "at"
    )
}

/// Whether a block is running prose (a paragraph that may be cut by a page
/// end), not a list, table, quote, figure or HTML. Converters' empty
/// anchors before a paragraph do not count.
fn is_prose(b: &Block) -> bool {
    let mut t = b.text.trim_start();
    while let Some((_, rest)) = notes::empty_anchor(t) {
        t = rest.trim_start();
    }
    let numbered = t.split_once(". ").is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit())
    });
    b.kind == Kind::Other
        && !t.is_empty()
        && !t.starts_with(['|', '>', '<', '!', '{'])
        && !["- ", "+ ", "* ", "$$", "---", "***"]
            .iter()
            .any(|p| t.starts_with(p))
        && !numbered
}

/// Whether a block is a Markdown list (bulleted or numbered).
fn is_list(b: &Block) -> bool {
    let t = b.text.trim_start();
    b.kind == Kind::Other
        && (["- ", "* ", "+ "].iter().any(|p| t.starts_with(p))
            || t.split_once(". ").is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit())
            }))
}
