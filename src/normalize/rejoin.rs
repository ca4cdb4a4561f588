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

/// A paragraph a figure or table cut in a converted text (`… is our
/// main` / `Table 2: …` / the table / `series; wheat …`), as layout
/// converters place floats where they stood on the page: the halves
/// become one paragraph, before the floats.
pub(super) fn across_floats(blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len() {
        let floats = blocks[i + 1..].iter().take_while(|b| is_float(b)).count();
        let j = i + 1 + floats;
        let joins = floats > 0
            && is_prose(&blocks[i])
            && !ends_sentence(&blocks[i].text)
            && blocks
                .get(j)
                .is_some_and(|b| is_prose(b) && b.text.starts_with(|c: char| c.is_lowercase()));
        if joins {
            let rest = blocks.remove(j);
            let prev = &mut blocks[i];
            prev.text = format!("{} {}", prev.text.trim_end(), rest.text.trim_start());
        }
        i += 1;
    }
}

/// A figure or table as a converter places it: its caption (`Figure 2:`,
/// `Table 1.`, `Abb. 3:`, `Рис. 2.`), the mark left for a picture
/// (`<!-- image -->`), an image, or a pipe table.
fn is_float(b: &Block) -> bool {
    const LABELS: &[&str] = &[
        "Figure",
        "Fig.",
        "Table",
        "Tab.",
        "Exhibit",
        "Chart",
        "Map",
        "Abbildung",
        "Abb.",
        "Tabelle",
        "Tableau",
        "Рис.",
        "Рисунок",
        "Таблица",
    ];
    let t = b.text.trim();
    if b.kind != Kind::Other {
        return false;
    }
    if t.starts_with('|') || t.starts_with("![") || t.starts_with("<!--") && t.ends_with("-->") {
        return true;
    }
    LABELS.iter().any(|l| {
        t.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.trim_start();
            let n = rest
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | 'I' | 'V' | 'X')))
                .unwrap_or(rest.len());
            // `Figure 2:`, `Table 1.`, `Fig. 3.2:`; not `Table 1 shows`.
            let number = &rest[..n];
            !number.trim_end_matches('.').is_empty()
                && (number.ends_with('.') || rest[n..].starts_with([':', '.']))
        })
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::pdfmd::prose_blocks as blocks;

    #[test]
    fn a_paragraph_a_float_cut_is_whole_before_it() {
        let mut b = blocks(&[
            "The price of rye is our main",
            "Table 2: Mean price of rye.",
            "| Year | Samara |\n|---|---|\n| 1891 | 78.4 |",
            "series; wheat behaves the same way.",
            "We kept scanned documents",
            "Figure 2. Pages by category.",
            "<!-- image -->",
            "to a minimum.",
        ]);
        across_floats(&mut b);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts[0],
            "The price of rye is our main series; wheat behaves the same way."
        );
        assert_eq!(texts[1], "Table 2: Mean price of rye.");
        assert_eq!(texts[3], "We kept scanned documents to a minimum.");
        assert_eq!(b.len(), 6);
    }

    #[test]
    fn whole_paragraphs_and_prose_about_tables_stay_apart() {
        for texts in [
            ["Prices rose.", "Table 1: Prices.", "then they fell."],
            [
                "Prices rose and",
                "Table 1 shows the prices.",
                "then they fell.",
            ],
            ["Prices rose and", "Table 1: Prices.", "Then they fell."],
        ] {
            let mut b = blocks(&texts);
            across_floats(&mut b);
            assert_eq!(b.len(), 3, "{texts:?}");
        }
    }
}
