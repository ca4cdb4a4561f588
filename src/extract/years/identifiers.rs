//! Four digits that name a thing rather than a year: provisions, codes,
//! reports, case numbers, clock times, products and companies.

/// Contexts in which four digits are not a year: glued by `:` to other
/// characters (`KKO:1999:115`, `35(8):1915`), a page range after `pp.`,
/// a company year (`(1986) Ltd.`), a clock time (`2010 GMT`), a product
/// (`Windows 2000`).
pub fn is_identifier(before: &str, after: &str) -> bool {
    // The end of a range whose start is an identifier (`pp. 1950–1960`).
    let head = before.trim_end_matches(['-', '–', '—']);
    if head.len() < before.len() {
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits > 0 && is_identifier(&head[..head.len() - digits], "") {
            return true;
        }
    }
    let glued = |c: Option<char>| c.is_some_and(|c| c == ':');
    if glued(before.chars().next_back())
        && before
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_alphanumeric() || c == ')')
    {
        return true;
    }
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        // `1999:115`, but not a clock time after a year (`2019: 14:00`).
        return true;
    }
    let prev_word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if matches!(prev_word, "pp." | "p." | "S." | "с." | "pages") {
        return true;
    }
    // A French code's article: `L. 1233-3`, `R. 4624-10`, `D. 3141-2`.
    if matches!(prev_word.trim_start_matches('('), "L." | "R." | "D." | "A.")
        && after.starts_with('-')
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    if after_article_word(before) || after_small_number(before) || after_code(before) {
        return true;
    }
    // A product, or a numbered thing (`resolution 1441`, `flight 1549`).
    if [
        "Windows",
        "Office",
        "Server",
        "Excel",
        "Word",
        "Studio",
        "resolution",
        "Resolution",
        "flight",
        "Flight",
        "No.",
        "no.",
        "Nos.",
        "nos.",
        "number",
        "Number",
        "model",
        "Model",
        "version",
        "Version",
        "route",
        "Route",
        "room",
        "Room",
    ]
    .contains(&prev_word)
    {
        return true;
    }
    // A law report's volume (`2003 F. Supp. 3d 41`, `550 U.S. 544`): an
    // abbreviation and then a number; a pin cite (`41, at 2004`).
    let mut tokens = after.split_whitespace();
    if tokens.next().is_some_and(|t| {
        t.ends_with('.') && t.starts_with(char::is_uppercase) && t.chars().count() <= 6
    }) && tokens
        .take(3)
        .any(|t| t.trim_end_matches(',').bytes().all(|b| b.is_ascii_digit()) && !t.is_empty())
    {
        return true;
    }
    if prev_word == "at" {
        let head = before
            .trim_end()
            .strip_suffix("at")
            .unwrap_or("")
            .trim_end();
        if head.ends_with(',')
            && head
                .trim_end_matches(',')
                .ends_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
        // A pin cite after a reporter: `535 F.3d at 1381`, `550 U.S. at 1999`.
        let reporter = head.rsplit(char::is_whitespace).next().unwrap_or("");
        if is_reporter(reporter) && reporter.chars().count() <= 8 {
            return true;
        }
    }
    // A case's number after its date: `Helsingin HO 20.06.2006 1891`.
    if before.ends_with(char::is_whitespace)
        && prev_word.split('.').count() == 3
        && prev_word
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    let next = after
        .trim_start_matches([')', ']'])
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if after.starts_with(')')
        && ["Ltd", "Limited", "Inc", "LLC", "GmbH", "Pty", "plc", "PLC"].contains(&next)
    {
        return true;
    }
    let clock = ["GMT", "UTC", "BST", "hrs", "hours", "CET", "EST", "MSK"].contains(&next)
        || after.trim_start().starts_with("local time");
    !after.starts_with(')') && clock
}

/// One of two clock times a slash joins, local and another zone's, as
/// fixture lists give kick-off times: `(1930/1830)`. The two share their
/// minutes and are whole hours apart; two years a slash joins
/// (`2003/2004`, `1999/2000`) never are.
pub fn is_clock_pair(before: &str, year: i32, after: &str) -> bool {
    let digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let digit_at = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    // Four digits right after the slash, and no fifth.
    let after_slash = after.strip_prefix('/').and_then(|rest| {
        let four = rest.get(..4).filter(|d| digits(d))?;
        (!digit_at(&rest[4..])).then_some(four)
    });
    // Four digits right before the slash, and none before them.
    let before_slash = || {
        let head = before.strip_suffix('/')?;
        let at = head.len().checked_sub(4)?;
        let four = head.get(at..).filter(|d| digits(d))?;
        (!head[..at].ends_with(|c: char| c.is_ascii_digit())).then_some(four)
    };
    let Some(other) = after_slash
        .or_else(before_slash)
        .and_then(|d| d.parse::<i32>().ok())
    else {
        return false;
    };
    let clock = |t: i32| t / 100 < 24 && t % 100 < 60;
    other != year
        && other % 100 == year % 100
        && (other - year).abs() <= 1200
        && clock(other)
        && clock(year)
}

/// A law reporter's abbreviation (`F.3d`, `U.S.`, `S.Ct.`): capitalised,
/// with a full stop and few letters.
pub fn is_reporter(word: &str) -> bool {
    word.contains('.')
        && word.starts_with(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 5
}

/// The far end of a span of small numbers: `between 11 and 2010`, `from 3
/// to 1500`, `12–1999`.
fn after_small_number(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let small = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    if matches!(last, "and" | "to") {
        return before.ends_with(char::is_whitespace) && words.next().is_some_and(small);
    }
    let dashed = last.trim_end_matches(['-', '–']);
    dashed.len() < last.len() && !before.ends_with(char::is_whitespace) && small(dashed)
}

/// Glued by a hyphen to a code in capitals: `XXX-XX-1234`, `ISO-2001`.
fn after_code(before: &str) -> bool {
    let Some(head) = before.strip_suffix('-') else {
        return false;
    };
    let code = head
        .rsplit(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or("");
    code.chars().any(|c| c.is_uppercase()) && !code.chars().any(|c| c.is_lowercase())
}

/// Words that number a provision or a standard: `Art. 1429`, `Article
/// 1150`, `§ 1983`, `Section 1983`, `n° 2006-961`, `ISO 9001`.
const ARTICLE_WORDS: &[&str] = &[
    "Art.",
    "art.",
    "Arts.",
    "arts.",
    "Art",
    "Article",
    "article",
    "Articles",
    "articles",
    "§",
    "§§",
    "Section",
    "section",
    "Sections",
    "sections",
    "Sec.",
    "sec.",
    "para.",
    "Para.",
    "n°",
    "N°",
    "nº",
    "n.",
    "Nr.",
    "nr.",
    "Nº",
    "ISO",
    "RFC",
    "DIN",
    "IEC",
    "EN",
    "ст.",
    "статья",
    "статьи",
    "Artikel",
    "artikel",
    "Artículo",
    "artículo",
    "articolo",
    "Articolo",
];

/// The number follows a provision word, directly or through a list of
/// numbers (`Art. 1429`, `Articles 1224 and 1225`, `Art. 2056 and 2059`).
fn after_article_word(before: &str) -> bool {
    for t in before.split_whitespace().rev().take(8) {
        let bare = t
            .trim_end_matches([',', ';'])
            .trim_start_matches(['(', '[']);
        if ARTICLE_WORDS.contains(&bare) {
            return true;
        }
        let numeric = bare.starts_with(|c: char| c.is_ascii_digit());
        if !(numeric
            || matches!(
                bare,
                "and" | "or" | "to" | "&" | "et" | "und" | "e" | "y" | "и"
            ))
        {
            return false;
        }
    }
    false
}

/// Extensions of the files texts embed or link by name: a year in
/// `map-1689.png` or `report_2019.pdf` names the file.
const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "tif", "tiff", "bmp", "pdf", "doc", "docx", "odt",
    "xls", "xlsx", "ods", "csv", "tsv", "txt", "md", "html", "htm", "xml", "json", "zip", "mp3",
    "mp4", "wav", "mov", "avi", "epub", "ppt", "pptx", "tex", "bib",
];

/// Whether a token is a file's name: it ends with a known extension.
pub(super) fn is_file_name(token: &str) -> bool {
    let t = token.trim_end_matches(|c: char| ".,;:!?)]}\"'”’»|".contains(c));
    t.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty() && FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kick_off_times_in_two_zones_are_clock_times() {
        assert!(is_clock_pair("Rovers v Town (", 1930, "/1830)"));
        assert!(is_clock_pair("Rovers v Town (1930/", 1830, ")"));
        assert!(is_clock_pair("(", 2000, "/1900)"));
        // Years a slash joins.
        assert!(!is_clock_pair("in ", 2003, "/2004 the"));
        assert!(!is_clock_pair("the ", 1999, "/2000 season"));
        assert!(!is_clock_pair("the 1999/", 2000, " season"));
        assert!(!is_clock_pair("in ", 2003, "/20041"));
        // Letters of several bytes next to the slash.
        assert!(!is_clock_pair("svg”/", 1930, "/”wi“"));
        assert!(!is_clock_pair("é/", 1930, "/1é"));
    }

    #[test]
    fn identifiers_are_not_years() {
        assert!(is_identifier("KKO:", ":115"));
        assert!(is_identifier("35(8):", "–1929"));
        assert!(is_identifier("see pp. ", "–2010"));
        assert!(is_identifier("Acme Holdings (", ") Ltd."));
        assert!(is_identifier("at ", " GMT on Monday"));
        assert!(is_identifier("Troops moved at ", " hours."));
        assert!(is_identifier("from ", " local time (0100 GMT)"));
        assert!(is_identifier("(art. ", " ICC)"));
        assert!(is_identifier("l’article L. ", "-3 du Code du travail"));
        assert!(is_identifier("(art. R. ", "-10)"));
        assert!(!is_identifier("M. L. ", " fut élu"));
        assert!(is_identifier("According to Art. ", " of the Code"));
        assert!(is_identifier("Articles 1224 and ", " of the Civil Code"));
        assert!(is_identifier("under 42 U.S.C. § ", ","));
        assert!(is_identifier("Law n° ", "-961 of 1st August 2006"));
        assert!(!is_identifier("in 1991 and ", " the treaty"));
        assert!(is_identifier("Jacobsen 535 F.3d at ", " (2008)."));
        assert!(is_identifier(
            "Appeal Court (HO) 20.06.2006 ",
            " (The plaintiff"
        ));
        assert!(!is_identifier("the decision of 20.06.2006 in ", " was"));
        assert!(!is_identifier("He arrived at ", "."));
        assert!(is_identifier("sizes between 11 and ", " (rows)"));
        assert!(is_identifier("pages 12-", " of"));
        assert!(is_identifier("for example, XXX-XX-", ")."));
        assert!(!is_identifier("between 1990 and ", " the"));
        assert!(!is_identifier("the mid-", "s"));
        assert!(!is_identifier("post-", " order"));
        assert!(!is_identifier("Article 5 of the ", " Act"));
        assert!(is_identifier("running Windows ", " and"));
        assert!(!is_identifier("In ", ", the talks"));
        assert!(!is_identifier("(", ")"));
        assert!(!is_identifier("the year ", ": a review"));
        assert!(is_identifier("State, ", " F. Supp. 3d 41"));
        assert!(is_identifier("3d 41, at ", "--2006"));
        assert!(!is_identifier("In ", " U.S. forces invaded"));
    }
}
