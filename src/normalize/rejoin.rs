//! Paragraphs a page end cut in two, made whole again (rules 4 and 7 of
//! `pdfmd`).

use super::notes;
use super::pdfmd::Block;
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
            let list = converted && lower && open && notes::is_list(prev);
            if cut && notes::is_prose(&b) && (notes::is_prose(prev) || list) {
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
