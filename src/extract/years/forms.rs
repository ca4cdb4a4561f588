//! Date forms beyond the English month names of `years`: numeric dates
//! (`28.12.1999`, `17/05/2019`, `2019-05-17`), seasons and quarters
//! (`spring 2014`, `Q3 2019`), month names in French, German, Italian,
//! Spanish and Russian, decades (`the 1960's`, `early 1990s`, `1960-е`,
//! `les années 1960`), and the contexts in which four digits are an
//! identifier rather than a year (`KKO:1999:115`, `35(8):1915–1929`,
//! `(1986) Ltd.`, `2010 GMT`, `Windows 2000`).

use super::Precision;

/// Month names by language, lower case, January first (Russian in three
/// cases; Portuguese, Dutch). The French,
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
    // Portuguese (`12 de março de 2019`) and Dutch (`3 mei 2016`).
    ["janeiro", "fevereiro", "março", "abril", "maio", "junho",
     "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    ["januari", "februari", "maart", "april", "mei", "juni",
     "juli", "augustus", "september", "oktober", "november", "december"],
];

/// Abbreviated month names with their point, as French, German and
/// Spanish citations write them (`21 sept. 2017`, `5 juill. 2010`, `3 Okt.
/// 1990`, `ago.`): (abbreviation, month). The English three-letter ones
/// are `month_index`'s.
const ABBREVIATED: &[(&str, usize)] = &[
    ("janv", 0),
    ("févr", 1),
    ("fév", 1),
    ("avr", 3),
    ("juil", 6),
    ("juill", 6),
    ("déc", 11),
    ("okt", 9),
    ("dez", 11),
    ("ene", 0),
    ("abr", 3),
    ("ago", 7),
    ("dic", 11),
];

/// The month a non-English month name stands for (`aprile` → 3).
pub fn foreign_month(word: &str) -> Option<usize> {
    let w = word.trim_end_matches([',', '.']);
    let lower = w.to_lowercase();
    if word.trim_end_matches(',').ends_with('.') {
        if let Some((_, m)) = ABBREVIATED.iter().find(|(a, _)| *a == lower) {
            return Some(*m);
        }
    }
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
    // `nell’estate del 2020`, `l'été 2019`: an elided article before it.
    let w = match w.rfind(['\'', '’']) {
        Some(k) if k > 0 && k < 6 => &w[k + w[k..].chars().next().map_or(1, char::len_utf8)..],
        _ => w,
    };
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
        // `2Q 2023`, `H1 2024`, `1H 2024`.
        "1q" | "2q" | "3q" | "4q" => format!("Q{}", &lower[..1]),
        "h1" | "h2" => lower.to_uppercase(),
        "1h" | "2h" => format!("H{}", &lower[..1]),
        // `first half of 2021`, `premier semestre 2019`, `1. Halbjahr`.
        "half" | "semestre" | "halbjahr" | "halbjahres" | "полугодии" | "полугодие"
        | "полугодия" => {
            let (_, ord) = t[..start].trim_end().rsplit_once(' ').unwrap_or(("", ""));
            let h = match ord.to_lowercase().as_str() {
                "first" | "1." | "1er" | "premier" | "primer" | "primo" | "ersten" | "erste"
                | "первом" | "первое" | "первого" => "H1",
                "second" | "2." | "2e" | "deuxième" | "segundo" | "secondo" | "zweiten"
                | "zweite" | "втором" | "второе" | "второго" => "H2",
                _ => return None,
            };
            let at = t[..start].trim_end().len() - ord.len();
            return Some((at, format!("{h} {year}")));
        }
        // `second quarter`, `2. Quartal`, `2e trimestre`, `segundo
        // trimestre`.
        "quarter" | "quartal" | "trimestre" | "квартале" | "квартал" | "квартала" =>
        {
            let (_, ord) = t[..start].trim_end().rsplit_once(' ').unwrap_or(("", ""));
            let q =
                match ord.to_lowercase().as_str() {
                    "first" | "1." | "1er" | "premier" | "primer" | "primo" | "первом" | "i" => {
                        "Q1"
                    }
                    "second" | "2." | "2e" | "deuxième" | "segundo" | "secondo" | "втором"
                    | "ii" => "Q2",
                    "third" | "3." | "3e" | "troisième" | "tercer" | "terzo" | "третьем"
                    | "iii" => "Q3",
                    "fourth" | "4." | "4e" | "quatrième" | "cuarto" | "quarto" | "четвёртом"
                    | "четвертом" | "iv" => "Q4",
                    _ => return None,
                };
            let at = t[..start].trim_end().len() - ord.len();
            return Some((at, format!("{q} {year}")));
        }
        _ => return None,
    };
    Some((start, format!("{season} {year}")))
}

/// Whether a year with an apostrophe and `s` after `before` is a decade:
/// after `the` or a decade's qualifier (`the 1960's`, `early 1990's`,
/// `mid-1980's`), not after a month or alone (a possessive).
pub fn apostrophe_decade(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(word.as_str(), "the" | "early" | "late" | "mid" | "mid-") || before.ends_with("mid-")
}

pub fn decade_qualifier(before: &str) -> Option<(usize, &'static str)> {
    if let Some(hit) = foreign_qualifier(before) {
        return Some(hit);
    }
    let trimmed = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix(' '))?;
    word_before(trimmed, &["early", "mid", "late"])
}

/// The words other languages put before a decade to qualify it, with
/// its word for years where it has one (`в начале 2000-х`, `au début des
/// années 1990`, `Anfang der 1990er`, `a finales de los años 80`).
const FOREIGN_QUALIFIERS: &[(&str, &str)] = &[
    ("в начале ", "early"),
    ("начала ", "early"),
    ("в середине ", "mid"),
    ("к середине ", "mid"),
    ("к началу ", "early"),
    ("к концу ", "late"),
    ("середины ", "mid"),
    ("в конце ", "late"),
    ("конца ", "late"),
    ("début des années ", "early"),
    ("milieu des années ", "mid"),
    ("fin des années ", "late"),
    ("anfang der ", "early"),
    ("mitte der ", "mid"),
    ("ende der ", "late"),
    ("principios de los años ", "early"),
    ("mediados de los años ", "mid"),
    ("finales de los años ", "late"),
    ("inizio degli anni ", "early"),
    ("metà degli anni ", "mid"),
    ("fine degli anni ", "late"),
    ("inizio anni ", "early"),
    ("metà anni ", "mid"),
    ("fine anni ", "late"),
    ("início dos anos ", "early"),
    ("meados dos anos ", "mid"),
    ("final dos anos ", "late"),
];

/// A qualifier of [`FOREIGN_QUALIFIERS`] that `before` ends with, as a
/// whole phrase: where it starts, and the English word.
fn foreign_qualifier(before: &str) -> Option<(usize, &'static str)> {
    FOREIGN_QUALIFIERS.iter().find_map(|(phrase, q)| {
        let start = before.len().checked_sub(phrase.len())?;
        let tail = before.get(start..)?;
        let bounded = !before[..start].ends_with(char::is_alphanumeric);
        (bounded && tail.to_lowercase() == *phrase).then_some((start, *q))
    })
}

/// Which of `words` (lower case) `text` ends with as a whole word, in any
/// case, and where it starts.
pub fn word_before(text: &str, words: &[&'static str]) -> Option<(usize, &'static str)> {
    words.iter().find_map(|w| {
        let start = text.len().checked_sub(w.len())?;
        let word = text.get(start..)?;
        let bounded = !text[..start].ends_with(|c: char| c.is_alphanumeric());
        (bounded && word.to_lowercase() == *w).then_some((start, *w))
    })
}

#[cfg(test)]
#[path = "forms_tests.rs"]
mod tests;

/// The endings Russian gives a decade's year (`1960-е`, `1990-х`,
/// `1960-ые`), longest first.
pub const RU_DECADE_ENDINGS: &[&str] = &["-ые", "-ых", "-ми", "-е", "-х"];

/// Decades written in other languages, for a year ending in 0: the length
/// of a suffix after it (Russian `1960-е`, `1990-х`, `1960-ые`; German
/// `1960er`, `1960er-Jahre`), or `Some(0)` after a word that makes it one
/// (French `les années 1960`, Spanish and Portuguese `década de 1960`,
/// `años 1960`, `anos 1960`, Italian `anni 1960`).
pub fn foreign_decade(before: &str, after: &str, year: i32) -> Option<usize> {
    if year % 10 != 0 {
        return None;
    }
    let ended = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric());
    let suffix = RU_DECADE_ENDINGS
        .iter()
        .copied()
        .chain(["er"])
        .find(|suf| after.starts_with(suf) && ended(&after[suf.len()..]));
    if let Some(suf) = suffix {
        return Some(suf.len());
    }
    let leads = [
        "années",
        "década de",
        "años",
        "anos",
        "anni",
        "decennio del",
    ];
    word_before(before.strip_suffix(' ')?, &leads).map(|_| 0)
}
