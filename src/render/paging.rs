//! Long listings split into pages: consecutive groups (documents of a topic,
//! letters of the citation index) are packed into pages of at most `limit`
//! items; a group longer than a page is first cut into pieces ([`cut`]),
//! so that no page grows with the corpus. Page 1 lives at the listing's own URL,
//! page `n` at `page/<n>/index.html` under it. The timeline's pages are
//! named by their years instead (see [`timeline_pages`]).

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

/// `ranges` with each range longer than `limit` cut into consecutive
/// pieces of `limit` items (the last may be shorter).
pub fn cut(ranges: Vec<Range<usize>>, limit: usize) -> Vec<Range<usize>> {
    let limit = limit.max(1);
    let mut out = Vec::with_capacity(ranges.len());
    for r in ranges {
        if r.len() <= limit {
            out.push(r);
            continue;
        }
        let mut start = r.start;
        while start < r.end {
            out.push(start..(start + limit).min(r.end));
            start += limit;
        }
    }
    out
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

/// What a timeline page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelinePage {
    /// `timeline/index.html`: every year when the whole timeline fits on
    /// one page, else the overview alone.
    First,
    /// The decade starting in that year.
    Decade(i32),
    /// One year of a decade too long for one page.
    Year(i32),
}

impl TimelinePage {
    pub fn url(&self) -> String {
        match self {
            TimelinePage::First => super::knowledge::TIMELINE_URL.to_string(),
            TimelinePage::Decade(d) => format!("timeline/{d}s/index.html"),
            TimelinePage::Year(y) => format!("timeline/{y}/index.html"),
        }
    }

    pub fn span(&self) -> Option<String> {
        match self {
            TimelinePage::First => None,
            TimelinePage::Decade(d) => Some(format!("{d}\u{2013}{}", d + 9)),
            TimelinePage::Year(y) => Some(y.to_string()),
        }
    }
}

/// The timeline's pages: one page with every year when the entries number
/// at most `limit`; else a first page with the overview alone, then a page
/// per decade, or a page per year for a decade with more than `limit`
/// entries (a year is never split). Pages are named by their years, not
/// numbered, so that an entry's page changes only when its own decade
/// grows past the limit.
pub fn timeline_pages(
    years: &[(i32, Vec<usize>)],
    limit: usize,
) -> (Vec<Range<usize>>, Vec<TimelinePage>) {
    let total: usize = years.iter().map(|(_, e)| e.len()).sum();
    if total <= limit {
        return (
            std::iter::once(0..years.len()).collect(),
            vec![TimelinePage::First],
        );
    }
    let mut pages: Vec<Range<usize>> = std::iter::once(0..0).collect();
    let mut names = vec![TimelinePage::First];
    let decade = |y: i32| y.div_euclid(10) * 10;
    let mut start = 0;
    while start < years.len() {
        let d = decade(years[start].0);
        let end = start
            + years[start..]
                .iter()
                .take_while(|(y, _)| decade(*y) == d)
                .count();
        let size: usize = years[start..end].iter().map(|(_, e)| e.len()).sum();
        if size <= limit {
            pages.push(start..end);
            names.push(TimelinePage::Decade(d));
        } else {
            for (y, (year, _)) in years.iter().enumerate().take(end).skip(start) {
                pages.push(y..y + 1);
                names.push(TimelinePage::Year(*year));
            }
        }
        start = end;
    }
    (pages, names)
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

    #[test]
    fn a_group_longer_than_a_page_is_cut_into_pieces() {
        assert_eq!(
            cut(vec![0..3, 3..10, 10..11], 3),
            vec![0..3, 3..6, 6..9, 9..10, 10..11]
        );
        let one = |r: Range<usize>| std::iter::once(r).collect::<Vec<_>>();
        assert_eq!(cut(one(0..0), 3), one(0..0));
        assert_eq!(cut(one(0..4), 0), vec![0..1, 1..2, 2..3, 3..4]);
        // Each full piece fills a page of its own.
        let pieces = cut(vec![0..2, 2..9], 3);
        let sizes: Vec<usize> = pieces.iter().map(|r| r.len()).collect();
        assert_eq!(chunks(&sizes, 3), vec![0..1, 1..2, 2..3, 3..4]);
    }

    fn years(sizes: &[(i32, usize)]) -> Vec<(i32, Vec<usize>)> {
        sizes.iter().map(|&(y, n)| (y, vec![0; n])).collect()
    }

    #[test]
    fn a_short_timeline_is_one_page() {
        let (pages, names) = timeline_pages(&years(&[(1931, 2), (1990, 5)]), 10);
        assert_eq!(pages, vec![0..2]);
        assert_eq!(names, vec![TimelinePage::First]);
    }

    #[test]
    fn a_long_timeline_has_a_page_per_decade_and_per_year_of_a_long_decade() {
        let y = years(&[(-5, 1), (1931, 2), (1950, 8), (1955, 3), (1990, 5)]);
        let (pages, names) = timeline_pages(&y, 10);
        assert_eq!(pages, vec![0..0, 0..1, 1..2, 2..3, 3..4, 4..5]);
        assert_eq!(
            names,
            vec![
                TimelinePage::First,
                TimelinePage::Decade(-10),
                TimelinePage::Decade(1930),
                TimelinePage::Year(1950),
                TimelinePage::Year(1955),
                TimelinePage::Decade(1990),
            ]
        );
        let urls: Vec<String> = names.iter().map(TimelinePage::url).collect();
        assert_eq!(urls[0], "timeline/index.html");
        assert_eq!(urls[2], "timeline/1930s/index.html");
        assert_eq!(urls[3], "timeline/1950/index.html");
        assert_eq!(names[2].span().as_deref(), Some("1930\u{2013}1939"));
    }
}
