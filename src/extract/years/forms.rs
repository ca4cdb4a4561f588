//! Date forms beyond the English month names of `years`: numeric dates
//! (`28.12.1999`, `17/05/2019`, `2019-05-17`), seasons and quarters
//! (`spring 2014`, `Q3 2019`), month names in French, German, Italian,
//! Spanish and Russian, and the contexts in which four digits are an
//! identifier rather than a year (`KKO:1999:115`, `35(8):1915–1929`,
//! `(1986) Ltd.`, `2010 GMT`, `Windows 2000`).

use super::Precision;

/// Month names by language, lower case, January first (Russian in three
/// cases). The French,
/// Italian, Spanish and Russian names are matched only in lower case, as
/// those languages write them (`Mars 2020` is a rover, `22 mars 2011` a
/// date); German names also capitalised.
#[rustfmt::skip]
const FOREIGN: &[[&str; 12]] = &[
    ["janvier", "février", "mars", "avril", "mai", "juin",
     "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    ["januar", "februar", "märz", "april", "mai", "juni",
     "juli", "august", "september", "oktober", "november", "dezember"],
    ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
     "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    ["enero", "febrero", "marzo", "abril", "mayo", "junio",
     "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    ["января", "февраля", "марта", "апреля", "мая", "июня",
     "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    ["январь", "февраль", "март", "апрель", "май", "июнь",
     "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
    // Russian, after `в`: `в декабре 2019 года`.
    ["январе", "феврале", "марте", "апреле", "мае", "июне",
     "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"],
];

/// The month a non-English month name stands for (`aprile` → 3).
pub fn foreign_month(word: &str) -> Option<usize> {
    let w = word.trim_end_matches([',', '.']);
    let lower = w.to_lowercase();
    let german = FOREIGN[1].iter().position(|m| *m == lower);
    if let Some(m) = german {
        // `Januar`/`januar`; not the English-looking `April`, `August`,
        // `September`, `November`, which the English table has.
        return Some(m);
    }
    if w != lower {
        return None;
    }
    FOREIGN
        .iter()
        .find_map(|names| names.iter().position(|m| *m == lower))
}

/// `28.12.` or `17/05/` or `5/17/` just before the year: the start (in
/// `before`), the label and precision. A slashed date whose day and month
/// cannot be told apart (`03/04/2019`) gives the year alone.
pub fn numeric_date_before(before: &str, year: i32) -> Option<(usize, String, Precision)> {
    let b = before.as_bytes();
    let sep = *b.last()?;
    if sep != b'.' && sep != b'/' {
        return None;
    }
    let digits_back = |end: usize| -> usize {
        let mut k = end;
        while k > 0 && b[k - 1].is_ascii_digit() && end - k < 2 {
            k -= 1;
        }
        k
    };
    let second_end = b.len() - 1;
    let second_start = digits_back(second_end);
    if second_start == second_end || second_start == 0 || b[second_start - 1] != sep {
        return None;
    }
    let first_end = second_start - 1;
    let first_start = digits_back(first_end);
    if first_start == first_end {
        return None;
    }
    // Not the tail of a longer number (`1.2.3.2019`, `12345/6/2019`).
    if first_start > 0 && (b[first_start - 1].is_ascii_alphanumeric() || b[first_start - 1] == sep)
    {
        return None;
    }
    let first: u32 = before[first_start..first_end].parse().ok()?;
    let second: u32 = before[second_start..second_end].parse().ok()?;
    // Dots are day first; slashes are day first unless the second number
    // cannot be a month.
    let (day, month) = if sep == b'.' || first > 12 {
        (first, second)
    } else if second > 12 {
        (second, first)
    } else {
        return Some((first_start, year.to_string(), Precision::Year));
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((
        first_start,
        format!("{day} {} {year}", super::month_name(month as usize - 1)),
        Precision::Day,
    ))
}

/// `年5月21日`, `年12月` or `年` after the year (Chinese and Japanese
/// dates, digits ASCII or full-width): the length it takes, the label and
/// precision.
pub fn east_asian_after(after: &str, year: i32) -> Option<(usize, String, Precision)> {
    let rest = after.strip_prefix('年')?;
    let number = |t: &str| -> (usize, Option<u32>) {
        let len: usize = t
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .take(2)
            .map(char::len_utf8)
            .sum();
        let digits: String = t[..len]
            .chars()
            .map(|c| {
                char::from_digit(c.to_digit(10).unwrap_or_else(|| c as u32 - '０' as u32), 10)
                    .unwrap_or('0')
            })
            .collect();
        (len, digits.parse().ok())
    };
    let year_only = Some(('年'.len_utf8(), year.to_string(), Precision::Year));
    let (m_len, month) = number(rest);
    let Some(month) = month.filter(|m| (1..=12).contains(m)) else {
        return year_only;
    };
    let Some(rest) = rest[m_len..].strip_prefix('月') else {
        return year_only;
    };
    let name = super::month_name(month as usize - 1);
    let month_len = '年'.len_utf8() + m_len + '月'.len_utf8();
    let (d_len, day) = number(rest);
    match day.filter(|d| (1..=31).contains(d)) {
        Some(day) if rest[d_len..].starts_with(['日', '号']) => Some((
            month_len + d_len + '日'.len_utf8(),
            format!("{day} {name} {year}"),
            Precision::Day,
        )),
        _ => Some((month_len, format!("{name} {year}"), Precision::Month)),
    }
}

/// `-05-17` or `-05` after the year (ISO 8601): the length it takes, the
/// label and precision. `-05` is a month only where it cannot be the end
/// of a range (a range ends after it starts: `2005-06` is 2005–2006).
pub fn iso_after(after: &str, year: i32) -> Option<(usize, String, Precision)> {
    let b = after.as_bytes();
    let two = |at: usize| -> Option<u32> {
        let d = b.get(at..at + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    };
    if b.first() != Some(&b'-') {
        return None;
    }
    let month = two(1)?;
    if !(1..=12).contains(&month) || b.get(3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let name = super::month_name(month as usize - 1);
    if b.get(3) == Some(&b'-') {
        let day = two(4)?;
        if (1..=31).contains(&day) && !b.get(6).is_some_and(u8::is_ascii_alphanumeric) {
            return Some((6, format!("{day} {name} {year}"), Precision::Day));
        }
        return None;
    }
    let as_range_end = year / 100 * 100 + month as i32;
    (as_range_end <= year && !b.get(3).is_some_and(u8::is_ascii_alphanumeric))
        .then(|| (3, format!("{name} {year}"), Precision::Month))
}

/// `spring 2014`, `in the autumn of 2019`, `Q3 2019`, `the third quarter
/// of 2019`: the start (in `before`) and label.
pub fn season_before(before: &str, year: i32) -> Option<(usize, String)> {
    let t = before.trim_end();
    let t = [" of", " de", " del", " di"]
        .iter()
        .find_map(|p| t.strip_suffix(p))
        .unwrap_or(t)
        .trim_end();
    let t = t.strip_suffix(" of the").unwrap_or(t);
    let (start, word) = match t.rfind(' ') {
        Some(k) => (k + 1, &t[k + 1..]),
        None => (0, t),
    };
    let w = word.trim_start_matches(['(', '[']);
    let start = start + (word.len() - w.len());
    let lower = w.to_lowercase();
    let season = match lower.as_str() {
        "spring" | "summer" | "autumn" | "fall" | "winter" => lower.clone(),
        // French, German, Spanish, Italian, Russian.
        "printemps" | "frühling" | "frühjahr" | "primavera" | "весной" | "весна" => {
            "spring".into()
        }
        "été" | "sommer" | "verano" | "estate" | "летом" | "лето" => "summer".into(),
        "automne" | "herbst" | "otoño" | "autunno" | "осенью" | "осень" => {
            "autumn".into()
        }
        "hiver" | "invierno" | "inverno" | "зимой" | "зима" => "winter".into(),
        "q1" | "q2" | "q3" | "q4" => lower.to_uppercase(),
        "quarter" => {
            let (_, ord) = t[..start].trim_end().rsplit_once(' ').unwrap_or(("", ""));
            let q = match ord.to_lowercase().as_str() {
                "first" => "Q1",
                "second" => "Q2",
                "third" => "Q3",
                "fourth" => "Q4",
                _ => return None,
            };
            let at = t[..start].trim_end().len() - ord.len();
            return Some((at, format!("{q} {year}")));
        }
        _ => return None,
    };
    Some((start, format!("{season} {year}")))
}

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
        if reporter.contains('.')
            && reporter.starts_with(char::is_uppercase)
            && reporter.chars().count() <= 8
            && reporter.chars().filter(|c| c.is_alphabetic()).count() <= 5
        {
            return true;
        }
    }
    // A case's number after its date: `Helsingin HO 20.06.2006 1891`.
    let last = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if before.ends_with(char::is_whitespace)
        && last.split('.').count() == 3
        && last
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
    let clock = ["GMT", "UTC", "BST", "hrs", "CET", "EST", "MSK"].contains(&next)
        || after.trim_start().starts_with("local time");
    !after.starts_with(')') && clock
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates() {
        let d = |b: &str| numeric_date_before(b, 1999).map(|(s, l, _)| (s, l));
        assert_eq!(d("on 28.12."), Some((3, "28 December 1999".into())));
        assert_eq!(d("on 7.5."), Some((3, "7 May 1999".into())));
        assert_eq!(d("17/05/"), Some((0, "17 May 1999".into())));
        assert_eq!(d("05/17/"), Some((0, "17 May 1999".into())));
        assert_eq!(d("03/04/"), Some((0, "1999".into())));
        assert_eq!(d("v1.2."), None);
        assert_eq!(d("1.2.3."), None);
        assert_eq!(d("40.13."), None);
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            iso_after("-05-17 was", 2019),
            Some((6, "17 May 2019".into(), Precision::Day))
        );
        assert_eq!(
            iso_after("-03 data", 2019),
            Some((3, "March 2019".into(), Precision::Month))
        );
        // A short range, not a month.
        assert_eq!(iso_after("-06", 2005), None);
        assert_eq!(iso_after("-13-01", 2019), None);
    }

    #[test]
    fn seasons_and_quarters() {
        let s = |b: &str| season_before(b, 2014);
        assert_eq!(s("in spring "), Some((3, "spring 2014".into())));
        assert_eq!(s("in the autumn of "), Some((7, "autumn 2014".into())));
        assert_eq!(s("growth in Q3 "), Some((10, "Q3 2014".into())));
        assert_eq!(s("in the third quarter of "), Some((7, "Q3 2014".into())));
        assert_eq!(s("in May "), None);
        assert_eq!(s("au printemps "), Some((3, "spring 2014".into())));
        assert_eq!(s("en la primavera de "), Some((6, "spring 2014".into())));
        assert_eq!(s("im Herbst "), Some((3, "autumn 2014".into())));
        assert_eq!(s("зимой "), Some((0, "winter 2014".into())));
    }

    #[test]
    fn chinese_and_japanese_dates() {
        let d = |after: &str| east_asian_after(after, 2014);
        assert_eq!(
            d("年5月21日，两国"),
            Some((12, "21 May 2014".into(), Precision::Day))
        );
        assert_eq!(
            d("年12月开始"),
            Some((8, "December 2014".into(), Precision::Month))
        );
        assert_eq!(d("年，双方"), Some((3, "2014".into(), Precision::Year)));
        assert_eq!(
            d("年１２月"),
            Some((12, "December 2014".into(), Precision::Month))
        );
        assert_eq!(d("年13月"), Some((3, "2014".into(), Precision::Year)));
        assert_eq!(d("年"), Some((3, "2014".into(), Precision::Year)));
        assert_eq!(d(" 年"), None);
    }

    #[test]
    fn month_names_of_other_languages() {
        assert_eq!(foreign_month("aprile"), Some(3));
        assert_eq!(foreign_month("décembre"), Some(11));
        assert_eq!(foreign_month("März"), Some(2));
        assert_eq!(foreign_month("декабря"), Some(11));
        assert_eq!(foreign_month("Mars"), None, "the planet, not March");
        assert_eq!(foreign_month("mayo"), Some(4));
    }

    #[test]
    fn identifiers_are_not_years() {
        assert!(is_identifier("KKO:", ":115"));
        assert!(is_identifier("35(8):", "–1929"));
        assert!(is_identifier("see pp. ", "–2010"));
        assert!(is_identifier("Acme Holdings (", ") Ltd."));
        assert!(is_identifier("at ", " GMT on Monday"));
        assert!(is_identifier("from ", " local time (0100 GMT)"));
        assert!(is_identifier("(art. ", " ICC)"));
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
