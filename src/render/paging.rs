//! Long listings split into pages: consecutive groups (documents of a topic,
//! years of the timeline, letters of the citation index) are packed into
//! pages of at most `limit` items; a group is never split. Page 1 lives at
//! the listing's own URL, page `n` at `page/<n>/index.html` under it.

use std::ops::Range;

/// Items per listing page before it splits.
pub const LIMIT: usize = 600;

/// Packs groups of the given sizes into pages; returns group ranges.
pub fn chunks(sizes: &[usize], limit: usize) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let (mut start, mut fill) = (0, 0);
    for (i, &n) in sizes.iter().enumerate() {
        if fill > 0 && fill + n > limit {
            pages.push(start..i);
            start = i;
            fill = 0;
        }
        fill += n;
    }
    if start < sizes.len() || pages.is_empty() {
        pages.push(start..sizes.len());
    }
    pages
}

/// For each group, the index of the page that holds it.
pub fn page_of(pages: &[Range<usize>], groups: usize) -> Vec<usize> {
    let mut out = vec![0; groups];
    for (p, r) in pages.iter().enumerate() {
        for g in r.clone() {
            out[g] = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_groups_without_splitting_them() {
        assert_eq!(chunks(&[3, 3, 3], 6), vec![0..2, 2..3]);
        assert_eq!(
            chunks(&[10, 1], 6),
            vec![0..1, 1..2],
            "an oversized group gets a page of its own"
        );
        assert_eq!(
            chunks(&[], 6),
            vec![0..0],
            "an empty listing is one empty page"
        );
        assert_eq!(chunks(&[1; 5], 100), vec![0..5]);
        assert_eq!(page_of(&chunks(&[3, 3, 3], 6), 3), vec![0, 0, 1]);
    }
}
