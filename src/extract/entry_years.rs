//! The year of an entry, settled after it is read, where the number taken
//! for it is another's: a page after the year in parentheses (`Phys. Rev.
//! D 57 (1998) 1878`), a volume numbered by year and month (`JHEP 1403,
//! 118 (2014)`), a reprint's year (`Oxford 1971 (Rpt. 1987)`), or the
//! end of a span (`Copenhagen 1955-1958`).

use super::citations::Reference;

/// Marks of a reprint or a later edition in parentheses.
const REPRINTS: &[&str] = &[
    "(Rpt.", "(rpt.", "(Repr.", "(repr.", "(Reprint", "(reprint", "(rist.", "(reimpr.", "(Nachdr.",
];

/// Sets `r.year` (and a date that was only the year) right.
pub(super) fn settle(r: &mut Reference, text: &str) {
    let Some(year) = r.year else {
        return;
    };
    let Some(settled) = better_year(year, text) else {
        return;
    };
    if r.date.as_deref() == Some(year.to_string().as_str()) {
        r.date = Some(settled.to_string());
    }
    r.year = Some(settled);
}

fn better_year(year: i32, text: &str) -> Option<i32> {
    let tokens = years(text);
    let at = tokens.iter().find(|t| t.year == year)?;
    // A year alone in parentheses, before the number taken: that number
    // is a page; right after it (a volume and a page between): a volume.
    if let Some(b) = tokens
        .iter()
        .find(|t| t.bracketed && t.year != year && !t.in_reprint && t.year >= 1500)
    {
        let page_after = b.at < at.at && !at.bracketed;
        let volume_before = at.at < b.at && {
            let between = &text[at.end..b.at];
            between.len() <= 12
                && between
                    .chars()
                    .all(|c| c.is_ascii_digit() || " ,(".contains(c))
        };
        if page_after || volume_before {
            return Some(b.year);
        }
    }
    // `N Engl J Med 1998; 339: 1875-1881` (Vancouver): the number after
    // the volume's colon is a page; the year is the one before the volume.
    if let Some(year) = vancouver_year(&text[..at.at]) {
        return Some(year);
    }
    // A reprint's year: the one before the reprint's mark.
    if at.in_reprint {
        return tokens
            .iter()
            .rev()
            .find(|t| t.at < at.at && !t.in_reprint)
            .map(|t| t.year);
    }
    // `1955-1958`: the span's start.
    let before = text[..at.at].trim_end_matches([' ', '(']);
    before
        .strip_suffix(['-', '–'])
        .map(|b| b.trim_end())
        .filter(|b| b.len() >= 4 && b.is_char_boundary(b.len() - 4))
        .and_then(|b| b[b.len() - 4..].parse::<i32>().ok())
        .filter(|s| (1500..year).contains(s) && year - s <= 30)
}

/// The year of `… 1998; 339: ` or `… 2009; 108(1): `, the text before a
/// page in the Vancouver style.
fn vancouver_year(before: &str) -> Option<i32> {
    let head = before.trim_end().strip_suffix(':')?.trim_end();
    let head = match head.strip_suffix(')') {
        Some(h) => &h[..h.rfind('(')?],
        None => head,
    };
    let volume = head.trim_end_matches(|c: char| c.is_ascii_digit());
    if volume.len() == head.len() {
        return None;
    }
    let head = volume.trim_end().strip_suffix(';')?.trim_end();
    let year = head
        .get(head.len().checked_sub(4)?..)?
        .parse::<i32>()
        .ok()?;
    let bounded = !head[..head.len() - 4].ends_with(|c: char| c.is_ascii_digit());
    (bounded && (1500..=2100).contains(&year)).then_some(year)
}

/// A four-figure year in the text: where it stands, whether alone in
/// parentheses, whether inside a reprint's parentheses.
struct Token {
    year: i32,
    at: usize,
    end: usize,
    bracketed: bool,
    in_reprint: bool,
}

fn years(text: &str) -> Vec<Token> {
    let reprint_from = crate::chars::first_of(text, REPRINTS).map(|(k, _)| k);
    super::entry_numbers::four_figures(text)
        // Wider than years are: the number taken may be a volume.
        .filter(|(year, _)| (1000..2100).contains(year))
        .map(|(year, i)| {
            let open = text[..i].trim_end_matches(' ').ends_with('(');
            let rest = text[i + 4..].trim_start_matches(|c: char| c.is_ascii_lowercase());
            let close = rest.trim_start_matches(' ').starts_with(')');
            let in_reprint = reprint_from.is_some_and(|r| r < i)
                && !text[reprint_from.unwrap_or(0)..i].contains(')');
            Token {
                year,
                at: i,
                end: i + 4,
                bracketed: open && close,
                in_reprint,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled(year: i32, text: &str) -> i32 {
        let mut r = Reference {
            year: Some(year),
            ..Reference::default()
        };
        settle(&mut r, text);
        r.year.unwrap()
    }

    #[test]
    fn the_year_in_parentheses_beats_a_page_or_a_volume() {
        assert_eq!(
            settled(1878, "K. Lund, Tides, Phys. Rev. D 57 (1998) 1878."),
            1998
        );
        assert_eq!(
            settled(1403, "K. Lund, “Tides,” JHEP 1403, 118 (2014)."),
            2014
        );
        assert_eq!(
            settled(
                1565,
                "K. Lund, Tides, J. Math. Phys. 21 (7) (1980) 1562-1565."
            ),
            1980
        );
    }

    #[test]
    fn a_reprint_or_a_span_gives_the_first_year() {
        assert_eq!(
            settled(1987, "K. Lund, Tides, Oxford 1971 (Rpt. 1987)."),
            1971
        );
        assert_eq!(settled(1958, "K. Lund, Tides, Copenhagen 1955-1958."), 1955);
        assert_eq!(
            settled(1990, "K. Lund, Tides, CW 83 (1989-1990), pp. 393-461."),
            1989
        );
    }

    #[test]
    fn a_right_year_stays() {
        // Author and date first: the year after the names stands.
        assert_eq!(
            settled(2010, "Lund, K. (2010). Tides. Harbour Letters 3 (1999): 4."),
            2010
        );
        assert_eq!(settled(2010, "Lund, K. 2010. Tides. Oslo: Fjord."), 2010);
        assert_eq!(settled(1998, "K. Lund, Phys. Rev. D 57 (1998) 1878."), 1998);
        // Pages far from the year in a span are no span.
        assert_eq!(settled(2001, "Lund, K. 1950-2001. Oslo."), 2001);
        assert_eq!(settled(1999, "Tides 1999"), 1999);
        assert_eq!(
            settled(1999, "Berg A. Tides. Mar Rev 1999; 12: 40-51."),
            1999
        );
    }

    #[test]
    fn a_page_after_a_vancouver_volume_is_no_year() {
        let t = "Berg A, Lund K. Tides. Summary of a trial. Mar Rev 1998; 339: 1875-1881.";
        assert_eq!(settled(1875, t), 1998);
        let t = "Berg A. Tides. Mar Rev 2009; 108(1): 1811-1816.";
        assert_eq!(settled(1811, t), 2009);
        // Hostile text around the colon: no panic.
        for t in [
            "\u{e9}; 1: 1875",
            "(: 1875",
            "); 3: 1875",
            "\u{e9}\u{e9}1998; 3(: 1875",
        ] {
            let _ = settled(1875, t);
        }
        // Not after a year and a volume: left alone.
        assert_eq!(settled(1875, "Berg A. Tides. Vol 339: 1875-1881."), 1875);
    }
}
