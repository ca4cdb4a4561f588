//! Locators after a cited key: `p. 12`, `pp. 33-35, 38`, `chap. 3`,
//! `§ 4`, or a bare number (a page), with what follows them as the
//! citation's suffix.

use hayagriva::citationberg::taxonomy::Locator;

/// Locator terms, longest first within each start.
const TERMS: &[(&str, Locator)] = &[
    ("pages", Locator::Page),
    ("page", Locator::Page),
    ("pp.", Locator::Page),
    ("pp", Locator::Page),
    ("p.", Locator::Page),
    ("p", Locator::Page),
    ("chapters", Locator::Chapter),
    ("chapter", Locator::Chapter),
    ("chap.", Locator::Chapter),
    ("ch.", Locator::Chapter),
    ("sections", Locator::Section),
    ("section", Locator::Section),
    ("sec.", Locator::Section),
    ("§§", Locator::Section),
    ("§", Locator::Section),
    ("paragraph", Locator::Paragraph),
    ("para.", Locator::Paragraph),
    ("¶", Locator::Paragraph),
    ("volume", Locator::Volume),
    ("vols.", Locator::Volume),
    ("vol.", Locator::Volume),
    ("figure", Locator::Figure),
    ("fig.", Locator::Figure),
    ("notes", Locator::Note),
    ("note", Locator::Note),
    ("nn.", Locator::Note),
    ("n.", Locator::Note),
    ("lines", Locator::Line),
    ("line", Locator::Line),
    ("ll.", Locator::Line),
    ("l.", Locator::Line),
    ("column", Locator::Column),
    ("col.", Locator::Column),
    ("book", Locator::Book),
    ("bk.", Locator::Book),
    ("part", Locator::Part),
    ("pt.", Locator::Part),
    ("verse", Locator::Verse),
    ("v.", Locator::Verse),
    ("folio", Locator::Folio),
    ("fol.", Locator::Folio),
    ("table", Locator::Table),
    ("tbl.", Locator::Table),
];

/// A locator at the start of `s` (`p. 12`, `pp. 33-35, 38`, `chap. 3`,
/// or a bare number: a page) and the suffix after it.
pub fn locator(s: &str) -> (Option<(Locator, String)>, String) {
    let lower = s.to_lowercase();
    let mut kind = None;
    let mut rest = s;
    if lower.len() == s.len() {
        for (term, loc) in TERMS {
            if let Some(r) = lower.strip_prefix(term) {
                if r.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit()) {
                    kind = Some(*loc);
                    rest = s[term.len()..].trim_start();
                    break;
                }
            }
        }
    }
    let value_end = value_len(rest);
    if value_end == 0 {
        return (None, s.to_string());
    }
    let value = rest[..value_end].trim_end_matches([',', ' ']).to_string();
    let suffix = rest[value_end..]
        .trim()
        .trim_start_matches(',')
        .trim()
        .to_string();
    (Some((kind.unwrap_or(Locator::Page), value)), suffix)
}

/// How much of `s` is a locator's value: numbers (Arabic or lower-case
/// Roman), ranges and lists of them (`33-35, 38`, `xii–xv`).
fn value_len(s: &str) -> usize {
    let mut end = 0;
    let mut seen_digit = false;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (k, c) = chars[i];
        if c.is_ascii_digit() || "ivxlcdm".contains(c) {
            // A word that only looks Roman (`mild`) is not a number.
            let word_end = chars[i..]
                .iter()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(s.len(), |(k, _)| *k);
            let word = &s[k..word_end];
            let roman = is_roman(word);
            let number = word
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
                && word.starts_with(|c: char| c.is_ascii_digit());
            if !(roman || number) {
                break;
            }
            seen_digit = true;
            end = word_end;
            i += word.chars().count();
            continue;
        }
        if seen_digit && "-–—, ".contains(c) {
            // `, ` continues only before another number.
            if c == ',' || c == ' ' {
                let next = chars[i + 1..].iter().find(|(_, c)| *c != ' ' && *c != ',');
                if !next.is_some_and(|(_, c)| c.is_ascii_digit()) {
                    break;
                }
            }
            i += 1;
            continue;
        }
        break;
    }
    end
}

/// A lower-case Roman numeral in its usual form (`xiv`, not `mild`).
fn is_roman(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut rest = word.trim_start_matches('m');
    for (one, five, ten) in [("c", "d", "m"), ("x", "l", "c"), ("i", "v", "x")] {
        let nine = format!("{one}{ten}");
        let four = format!("{one}{five}");
        if let Some(r) = rest
            .strip_prefix(nine.as_str())
            .or_else(|| rest.strip_prefix(four.as_str()))
        {
            rest = r;
        } else {
            rest = rest.strip_prefix(five).unwrap_or(rest);
            for _ in 0..3 {
                rest = rest.strip_prefix(one).unwrap_or(rest);
            }
        }
    }
    rest.is_empty()
}
