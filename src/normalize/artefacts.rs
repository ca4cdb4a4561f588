//! What PDF converters leave that is not the text, found so that `pdfmd`
//! can remove it (and rejoin the paragraphs it cut), each kind reported in
//! one warning per document:
//!
//! 1. **Page separators**: `{12}------------------------------------------------`
//!    (a converter's paginated output).
//! 2. **Missing pages**: `[MISSING_PAGE_POST]`, `[MISSING_PAGE_EMPTY:7]`,
//!    `[MISSING_PAGE_FAIL:7]`, and `+++ ==WARNING: …+++` / `+++ ==ERROR: …+++`
//!    notices: the converter lost text there, which the warning says.
//! 3. **Running heads and page numbers**, in texts that show signs of
//!    conversion (page anchors, separators, missing-page marks, converter
//!    notes): a one-line paragraph of at most twenty words that occurs three
//!    times or more, digits ignored (`Journal of Things 12 (2019)`,
//!    `Smith et al.`, `14`).

use super::pdfmd::{Block, Kind};
use std::collections::HashMap;

/// Marks the artefacts in `remove`; returns warnings and the removed text.
pub(super) fn mark(
    blocks: &[Block],
    converted: bool,
    remove: &mut [bool],
) -> (Vec<String>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut dropped = Vec::new();
    let mut separators = 0;
    let mut missing: Vec<String> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let t = b.text.trim();
        if is_separator(t) {
            separators += 1;
        } else if let Some(what) = missing_page(t) {
            missing.push(what);
        } else {
            continue;
        }
        remove[i] = true;
        dropped.push(t.to_string());
    }
    if separators > 0 {
        warnings.push(format!(
            "{separators} page separator{} of a PDF converter removed",
            plural(separators)
        ));
    }
    if !missing.is_empty() {
        warnings.push(format!(
            "the converter lost text here: {} (removed; the text of those pages is missing)",
            missing.join(", ")
        ));
    }
    if converted || separators > 0 || !missing.is_empty() {
        let heads = running_heads(blocks, remove);
        if !heads.is_empty() {
            let example = blocks[heads[0]].text.trim();
            warnings.push(format!(
                "{} running head{} or page number{} removed (such as `{}`)",
                heads.len(),
                plural(heads.len()),
                plural(heads.len()),
                crate::chars::after(example, 0, 60)
            ));
            for h in heads {
                remove[h] = true;
                dropped.push(blocks[h].text.trim().to_string());
            }
        }
    }
    (warnings, dropped)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `{12}-----…`.
fn is_separator(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('{') else {
        return false;
    };
    let Some((n, dashes)) = rest.split_once('}') else {
        return false;
    };
    !n.is_empty()
        && n.len() <= 5
        && n.bytes().all(|b| b.is_ascii_digit())
        && dashes.len() >= 8
        && dashes.bytes().all(|b| b == b'-')
}

/// A missing-page mark or a converter's notice, as the warning names it.
fn missing_page(t: &str) -> Option<String> {
    if let Some(rest) = t.strip_prefix("[MISSING_PAGE_") {
        let inner = rest.strip_suffix(']')?;
        let ok = inner.len() <= 16
            && inner
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b':');
        return ok.then(|| match inner.split_once(':') {
            Some((_, page)) => format!("page {page}"),
            None => "a page".to_string(),
        });
    }
    let notice = t.starts_with("+++") && t.ends_with("+++") && t.contains("==");
    notice.then(|| {
        let inner = t.trim_matches('+').trim().trim_matches('=');
        let what = inner.split("==").next().unwrap_or(inner).trim();
        format!("`{}`", crate::chars::after(what, 0, 60))
    })
}

/// One-line paragraphs that recur three times or more (digits ignored).
fn running_heads(blocks: &[Block], removed: &[bool]) -> Vec<usize> {
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        let t = b.text.trim();
        let candidate = b.kind == Kind::Other
            && !removed[i]
            && !t.contains('\n')
            && t.split_whitespace().count() <= 20
            && !t.starts_with(['|', '!', '<', '#', '>', '-', '*', '+', '$', '['])
            && t.chars().any(|c| c.is_alphanumeric());
        if candidate {
            let shape: String = t
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
            seen.entry(shape).or_default().push(i);
        }
    }
    let mut out: Vec<usize> = seen
        .into_values()
        .filter(|v| v.len() >= 3)
        .flatten()
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::pdfmd::prose_blocks as blocks;

    #[test]
    fn separators_and_missing_pages_are_marked() {
        let b = blocks(&[
            "Text one.",
            "{3}------------------------------------------------",
            "[MISSING_PAGE_EMPTY:4]",
            "[MISSING_PAGE_POST]",
            "+++ ==WARNING: Truncated because of repetitions==\nsome text\n+++",
            "{not a separator}---",
        ]);
        let mut remove = vec![false; b.len()];
        let (warnings, dropped) = mark(&b, false, &mut remove);
        assert_eq!(remove, [false, true, true, true, true, false]);
        assert_eq!(dropped.len(), 4);
        assert!(warnings[0].starts_with("1 page separator "), "{warnings:?}");
        assert!(
            warnings[1].contains("page 4, a page, `WARNING: Truncated"),
            "{warnings:?}"
        );
    }

    #[test]
    fn running_heads_recur_with_other_page_numbers() {
        let b = blocks(&[
            "Journal of Border Studies 12 (2019) 101",
            "A paragraph of the article that says something.",
            "Journal of Border Studies 12 (2019) 102",
            "Another paragraph.",
            "Journal of Border Studies 12 (2019) 103",
            "Yes.",
            "Yes.",
        ]);
        let mut remove = vec![false; b.len()];
        mark(&b, true, &mut remove);
        assert_eq!(remove, [true, false, true, false, true, false, false]);
        // Not in a text without signs of conversion.
        let mut remove = vec![false; b.len()];
        mark(&b, false, &mut remove);
        assert!(remove.iter().all(|r| !r));
    }
}
