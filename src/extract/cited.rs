//! Author–year citations in running text: `(Raffel et al., 2019)`,
//! `(Okafor 2011; Harrow, 1998, p. 4)`, `Marsh and Ibe (2021)`. The year
//! in one is when a work appeared, not when something happened, so the
//! timeline leaves it out.
//!
//! A year is cited when it stands in parentheses or brackets and the part
//! of them around it (parts are cut at `;`) is only names before it —
//! capitalised words, `et al.`, `and`/`&`, particles such as `van`, other
//! years — and at most a page after it. A year alone in parentheses is
//! cited when `et al.` stands before them, or, in a text with a reference
//! list, a capitalised name does. Month names are not names: `(June 2011)`
//! is a date.
//!
//! Chinese and Japanese citations use full-width marks and names with no
//! spaces (`（王缉思，2015：23）`, `（李静杰等, 2019；Lukin, 2018）`,
//! `王缉思（2015）指出`); a year with `年` after it is an event there
//! (`《瑷珲条约》（1858年）`), never a citation.

/// A case's year after its report: `535 F.3d 1381 (2008)`, `535 F.3d at
/// 1381 (2008)`, `[2004] UKHL 22 (2004)`: a page number after a reporter's
/// abbreviation. A code's edition after a section: `42 U.S.C. § 1983
/// (2018)`, `29 C.F.R. §§ 1604.11–.12 (2019)`.
fn after_law_report(outside: &str) -> bool {
    let mut words = outside.split_whitespace().rev();
    let page = words.next().unwrap_or("").trim_end_matches(',');
    let section = page.starts_with(|c: char| c.is_ascii_digit())
        && page
            .chars()
            .all(|c| c.is_alphanumeric() || "().-–".contains(c));
    let mut ahead = words.clone();
    if section && matches!(ahead.next(), Some("§" | "§§")) {
        return true;
    }
    if page.is_empty() || !page.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut reporter = words.next().unwrap_or("");
    if reporter == "at" {
        reporter = words.next().unwrap_or("");
    }
    super::years::is_reporter(reporter)
}

/// A law report's volume year or a neutral citation's year in square
/// brackets, before the report or court (`[1932] AC 562`, `[1994] 1 AC
/// 212`, `[2004] UKHL 22`, `[2014] ECLI:EU:C:2014:317`, `[2003] All ER`).
fn report_volume(text: &str, start: usize, end: usize) -> bool {
    if !text[..start].ends_with('[') {
        return false;
    }
    let Some(after) = text[end..].strip_prefix(']') else {
        return false;
    };
    let mut words = after.split_whitespace();
    let mut word = words.next().unwrap_or("");
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        word = words.next().unwrap_or("");
    }
    let letters: Vec<char> = word.chars().take_while(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        || ["All", "Ch", "Fam", "Lloyd's", "Cr", "Crim"]
            .contains(&word.trim_end_matches([',', '.']))
}

/// Words that end a statute's short title before its year (`Human Rights
/// Act 1998`, `Data Protection Regulations 2018`).
const STATUTES: &[&str] = &[
    "Act",
    "Regulations",
    "Order",
    "Rules",
    "Ordinance",
    "Measure",
];

/// The year of a statute's short title: `… Act ` after a capitalised word
/// (`the Human Rights Act 1998`); the year names the law, which is cited.
fn statute_title(before: &str) -> bool {
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let mut words = head.rsplit(' ');
    let kind = words.next().unwrap_or("");
    STATUTES.contains(&kind)
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1)
}

/// Courts as civil-law and European citations abbreviate them, before a
/// decision's date: `Cass. soc., 21 sept. 2017`, `CE, 5 juill. 2010`,
/// `CJUE, 13 mai 2015`, `BGH, Urt. v. 12.3.2019`, `CA Paris, 3 mai 2012`.
const COURTS: &[&str] = &[
    "Cass.", "CE", "CA", "CAA", "TA", "TGI", "TJ", "CJUE", "CJCE", "CEDH", "const.", "Crim.",
    "Civ.", "Soc.", "Com.", "BGH", "BVerfG", "BAG", "BFH", "BVerwG", "BSG", "OLG", "LG", "EuGH",
    "EGMR", "ECJ", "CJEU", "ECtHR", "Trib.", "TS", "STS", "Cass", "CC",
];

/// Whether a date follows a court's abbreviation in a citation: the court,
/// at most three short words (a chamber, a city, an abbreviation such as
/// `soc.` or `Urt.`), then a comma or
/// `v.`/`vom`/`du` just before the date. The decision is cited; an
/// `arrêt du 12 mars 2019` in a sentence is not a citation.
fn after_court(before: &str) -> bool {
    let window = crate::chars::before(before, before.len(), 80);
    let segment = &window[window.rfind(['(', ';']).map_or(0, |k| k + 1)..];
    let head = segment.trim_end();
    let Some(head) = head
        .strip_suffix(',')
        .or_else(|| head.strip_suffix(" v."))
        .or_else(|| head.strip_suffix(" vom"))
        .or_else(|| head.strip_suffix(" du"))
    else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    (0..words.len()).rev().take(4).any(|k| {
        let court = words[k].trim_end_matches(',');
        COURTS.contains(&court)
            && words[k + 1..].iter().all(|w| {
                let w = w.trim_end_matches(',');
                let short = w.chars().count() <= 12;
                let abbreviated = w.ends_with('.');
                let capital = w.starts_with(char::is_uppercase);
                short && (abbreviated || capital) || is_chamber(w)
            })
    })
}

/// A chamber's number (`1re`, `2e`, `3.`).
fn is_chamber(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "re" | "e" | "." | "ème")
}

/// Whether the year at `start..end` of `text` is an author–year citation;
/// `has_references` says whether the document has a reference list.
pub fn is_cited(text: &str, start: usize, end: usize, has_references: bool) -> bool {
    if report_volume(text, start, end)
        || statute_title(&text[..start])
        || after_court(&text[..start])
    {
        return true;
    }
    let Some((open, close)) = enclosing(text, start, end) else {
        return false;
    };
    let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    // The part of the parentheses that holds the year.
    let part_start = text[inner_start..start]
        .rfind([';', '；'])
        .map_or(inner_start, |k| {
            inner_start
                + k
                + text[inner_start + k..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        });
    let part_end = text[end..close]
        .find([';', '；'])
        .map_or(close, |k| end + k);
    let before = text[part_start..start].trim();
    let after = text[end..part_end].trim();
    if !after_is_page(after) {
        return false;
    }
    // Only a year written as digits alone is cited (`2015`, not `2015年`).
    let bare = text[start..end].bytes().all(|b| b.is_ascii_alphanumeric());
    if before.is_empty() && bare {
        // `王缉思（2015）`: a name written with no space before it.
        let outside = &text[..open];
        if outside.ends_with(crate::chars::is_cjk) && !outside.ends_with(CJK_NOT_NAMES) {
            return has_references || has_locator(after);
        }
    }
    if before.is_empty() {
        // `(2019)` or `(2019a)`: a narrative citation when a name or
        // `et al.` stands before it.
        let outside = text[..open].trim_end();
        if outside.ends_with("et al.") || outside.ends_with("et al") {
            return true;
        }
        let last = outside.rsplit(char::is_whitespace).next().unwrap_or("");
        // A page after the year makes it a citation, reference list or
        // not: `Weber (2015, S. 44)`.
        let cites = has_references || has_locator(after);
        return cites && is_name(last) && !is_month(last) || after_law_report(outside);
    }
    let before = before.trim_end_matches([',', '，', '、']).trim_end();
    let words: Vec<&str> = before.split_whitespace().collect();
    if bare && words.iter().any(|w| w.contains(crate::chars::is_cjk)) {
        return words
            .iter()
            .all(|w| is_cjk_names(w) || is_name(w) || is_year_word(w));
    }
    let Some(last) = words.last() else {
        return false;
    };
    let name = |w: &&str| is_name(w) && !is_month(w);
    let names_end = *last == "al."
        || *last == "al"
        || name(last)
        || (is_year_word(last) && words.iter().any(name));
    names_end
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            is_name(w) && !is_month(w)
                || CONNECTORS.contains(&w.to_lowercase().as_str())
                || is_year_word(w)
        })
}

/// What a run of characters with no space ends with when it is not a
/// name but the words before a year: `始建于`, `截至`, `自`, `在`.
const CJK_NOT_NAMES: [char; 10] = ['于', '至', '自', '从', '在', '到', '为', '是', '年', '月'];

/// Names written in Chinese or Japanese characters with no space between
/// them (`王缉思`, `王缉思、李静杰`, `李静杰等`, `马克·吐温`): at most a dozen
/// characters, which do not end as words before a year do.
fn is_cjk_names(w: &str) -> bool {
    let w = w.trim_end_matches([',', '，', '、']);
    let count = w.chars().count();
    (2..=12).contains(&count)
        && w.chars()
            .all(|c| crate::chars::is_cjk(c) || "、，·・".contains(c))
        && !w.ends_with(CJK_NOT_NAMES)
}

/// Words that may stand among the names of a citation.
const CONNECTORS: &[&str] = &[
    "and", "&", "et", "al.", "al", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le",
    "y", "und", "и", "see", "cf.", "e.g.", "e.g.,", "i.e.", "also", "in", "quoted", "cited",
    "after", "ibid.", "vgl.", "voir", "см.", "ср.",
];

/// The innermost `(…)` or `[…]` around `start..end`, within 300 bytes.
fn enclosing(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let lo = start.saturating_sub(300);
    let lo = (lo..=start).find(|&k| text.is_char_boundary(k))?;
    let mut depth = 0i32;
    let mut open = None;
    for (k, c) in text[lo..start].char_indices().rev() {
        match c {
            ')' | ']' | '）' => depth += 1,
            '(' | '[' | '（' if depth == 0 => {
                open = Some(lo + k);
                break;
            }
            '(' | '[' | '（' => depth -= 1,
            _ => {}
        }
    }
    let open = open?;
    let want = match text[open..].chars().next() {
        Some('(') => ')',
        Some('（') => '）',
        _ => ']',
    };
    let hi = (end + 300).min(text.len());
    let hi = (hi..=text.len()).find(|&k| text.is_char_boundary(k))?;
    let close = end + text[end..hi].find(want)?;
    Some((open, close))
}

/// What may follow a cited year in its part: nothing, a letter (`2019a`),
/// a page (`, p. 12`, `: 12–14`, `, pp. 3-5`), or another year.
fn after_is_page(after: &str) -> bool {
    let mut a = after;
    let mut cs = a.chars();
    if cs.next().is_some_and(|c| c.is_ascii_lowercase())
        && cs.next().is_none_or(|c| !c.is_alphabetic())
    {
        a = &a[1..];
    }
    let a = a.trim().trim_start_matches([',', ':', '，', '：']).trim();
    if a.is_empty() {
        return true;
    }
    // `第23页`, `23—25页`.
    if let Some(pages) = a.strip_prefix('第').unwrap_or(a).strip_suffix(['页', '頁']) {
        return !pages.is_empty()
            && pages
                .chars()
                .all(|c| c.is_ascii_digit() || "–-—、，,".contains(c));
    }
    if let Some(part) = PART_LOCATORS.iter().find_map(|p| a.strip_prefix(p)) {
        // `Table 2`, `Fig. 3b`, `Appendix A.2`, `§ 4.1`.
        let part = part.trim();
        let mut cs = part.chars();
        let numbered = match (cs.next(), cs.next()) {
            (Some(c), _) if c.is_ascii_digit() => true,
            (Some(c), None) => c.is_ascii_uppercase(),
            (Some(c), Some(d)) => c.is_ascii_uppercase() && (d == '.' || d.is_ascii_digit()),
            _ => false,
        };
        return numbered
            && part.len() <= 8
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".–-".contains(c));
    }
    let a = LOCATORS
        .iter()
        .find_map(|p| a.strip_prefix(p))
        .unwrap_or(a)
        .trim();
    !a.is_empty() && a.chars().all(|c| c.is_ascii_digit() || "–-, ".contains(c))
}

/// Parts of a work a citation may point to instead of a page.
const PART_LOCATORS: &[&str] = &[
    "Table", "Tab.", "Fig.", "Figure", "Figs.", "Sect.", "Section", "Sec.", "§", "ch.", "chap.",
    "Chapter", "Appendix", "Eq.", "eq.", "Thm.", "Theorem", "Def.", "Lemma",
];

/// Whether a cited year's part goes on with a page: `, p. 12`, `, S. 44`.
fn has_locator(after: &str) -> bool {
    let a = after.trim_start_matches([',', ':', ' ', '，', '：']);
    let chinese = after.starts_with(['：', ':', '，']) || a.starts_with('第');
    (chinese || LOCATORS.iter().any(|p| a.starts_with(p))) && after_is_page(after)
}

const LOCATORS: &[&str] = &["pp.", "p.", "S.", "с.", "at", "para.", "n."];

fn is_year_word(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    digits == 4 && w.len() <= 5 && w[4..].chars().all(|c| c.is_ascii_lowercase())
}

/// A capitalised word of letters (`Raffel`, `O'Brien`, `Kendall-Taylor`,
/// `Воронцов`), or an organisation's initials (`OECD`).
fn is_name(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
}

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']).to_lowercase();
    super::years::MONTHS
        .iter()
        .any(|m| w == *m || (w.len() == 3 && m.starts_with(&w)))
}

#[cfg(test)]
#[path = "cited_tests.rs"]
mod tests;
