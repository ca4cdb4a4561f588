//! Time expressions as Chinese writes them, which the digit scanner cannot
//! read alone because no space or word ends the number:
//!
//! * decades: `1990年代`, `90年代`, `上世纪90年代`, `20世纪50年代`, with a
//!   qualifier after them (`90年代初` early, `中期` mid, `末` late);
//! * spans: `1964年至2008年`, `从1964年到2008年`, `1992—1997年`,
//!   `1992～1997年间`;
//! * years in Chinese numerals, as official and older texts write them:
//!   `一九四九年十月一日`, `二〇一九年`, `八十年代`, `二十世纪九十年代末`.
//!
//! Two-digit decades are dated in the twentieth century unless a century
//! is named (`19世纪80年代` is the 1880s); `00年代` and `10年代` are left
//! alone, as the two-digit decades of other languages are.

use super::{clip, Precision, YearHit};

/// What follows a decade to qualify it, longest first, with its label.
const QUALIFIERS: &[(&str, &str)] = &[
    ("初期", "early"),
    ("前期", "early"),
    ("中期", "mid"),
    ("中叶", "mid"),
    ("中葉", "mid"),
    ("后期", "late"),
    ("後期", "late"),
    ("末期", "late"),
    ("初", "early"),
    ("末", "late"),
];

/// The decade starting in `year` whose expression runs from `start` to
/// `end` (just after `年代`), with the qualifier that may follow.
fn decade_hit(
    text: &str,
    start: usize,
    end: usize,
    year: i32,
    range: (i32, i32),
) -> Option<YearHit> {
    let (end, label) = match QUALIFIERS.iter().find(|(q, _)| text[end..].starts_with(q)) {
        Some((q, l)) => (end + q.len(), format!("{l}-{year}s")),
        None => (end, format!("{year}s")),
    };
    clip(
        start,
        end,
        year,
        Some(year + 9),
        Precision::Decade,
        label,
        range,
    )
}

/// A four-digit year at `s..e` followed by `年代` (a decade) or by `年`
/// and the end of a span (`年至2008年`).
pub(super) fn after_year(
    text: &str,
    s: usize,
    e: usize,
    year: i32,
    range: (i32, i32),
) -> Option<YearHit> {
    let after = &text[e..];
    if after.starts_with("年代") {
        if year % 10 != 0 {
            return None;
        }
        return decade_hit(text, s, e + "年代".len(), year, range);
    }
    let rest = after.strip_prefix('年')?;
    let (end_year, len) = span_end(rest)?;
    // Both years written as years (`1689年至2008年`): a span of any length
    // within a millennium.
    if end_year <= year || end_year - year > 1000 {
        return None;
    }
    let end = e + '年'.len_utf8() + len;
    clip(
        s,
        end,
        year,
        Some(end_year),
        Precision::Range,
        format!("{year}–{end_year}"),
        range,
    )
}

/// The words and dashes that join the two years of a span.
const JOINERS: &[&str] = &["——", "至", "到", "—", "－", "–", "-", "～", "~"];

/// After the first year of a span and its `年`: a joiner and four digits
/// with their own `年` (`至2008年`, `—2008年`), or at a clause's end
/// without it (`至2008，`). The end year and the length taken.
fn span_end(rest: &str) -> Option<(i32, usize)> {
    let joiner = JOINERS.iter().find(|j| rest.starts_with(**j))?;
    let tail = &rest[joiner.len()..];
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let end_year: i32 = tail[..digits].parse().ok()?;
    let after = &tail[digits..];
    let len = joiner.len() + digits;
    if after.starts_with('年') {
        // `2008年代` is a decade, not the end of a span.
        return (!after.starts_with("年代")).then_some((end_year, len + '年'.len_utf8()));
    }
    // Only a clause's end may follow a bare end year.
    after
        .starts_with(['，', '。', '；', '）', ',', ')', ' '])
        .then_some((end_year, len))
}

/// Whether the text after the second year of a dashed span (`1992—1997`)
/// is the span's `年`: the length of it, `Some(0)` when nothing follows
/// that is a letter, `None` when a letter other than `年` does.
pub(super) fn span_close(after: &str) -> Option<usize> {
    if after.starts_with("年代") {
        return None;
    }
    if after.starts_with('年') {
        return Some('年'.len_utf8());
    }
    (!after.starts_with(|c: char| c.is_alphanumeric())).then_some(0)
}

/// The century a decade names before it (`20世纪`, `上世纪`, `二十世纪`),
/// as the first year of its hundred, with where its name starts.
fn century_before(before: &str) -> Option<(usize, i32)> {
    let head = before
        .strip_suffix("世纪")
        .or_else(|| before.strip_suffix("世紀"))?;
    for (word, base) in [("上", 1900), ("本", 2000), ("二十", 1900), ("十九", 1800)] {
        if let Some(h) = head.strip_suffix(word) {
            return Some((h.len(), base));
        }
    }
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let n: i32 = head[head.len() - digits..].parse().ok()?;
    (digits == 2 && (11..=21).contains(&n)).then(|| (head.len() - digits, (n - 1) * 100))
}

/// A two-digit decade at `s..e` of `text` (`90年代`, `上世纪90年代`).
pub(super) fn two_digit(text: &str, s: usize, e: usize, range: (i32, i32)) -> Option<YearHit> {
    let digits: i32 = text.get(s..e)?.parse().ok()?;
    if !text[e..].starts_with("年代") || digits % 10 != 0 {
        return None;
    }
    let before = &text[..s];
    let (start, base) = match century_before(before) {
        Some(c) => c,
        None if digits >= 20 && !before.ends_with(|c: char| c.is_ascii_alphanumeric()) => (s, 1900),
        None => return None,
    };
    decade_hit(text, start, e + "年代".len(), base + digits, range)
}

/// A Chinese numeral digit (`〇` and `零` both zero).
fn numeral(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u32)
        .or((c == '零').then_some(0))
}

/// A number from one to thirty-one in Chinese numerals (`十`, `十二`,
/// `二十一`, `三十`), with its length in bytes.
fn small_number(text: &str) -> Option<(u32, usize)> {
    let mut cs = text.char_indices().peekable();
    let (_, first) = *cs.peek()?;
    let ten = '十'.len_utf8();
    let (value, len) = if first == '十' {
        cs.next();
        match text[ten..].chars().next().and_then(numeral) {
            Some(u) if u > 0 => (10 + u, 2 * ten),
            _ => (10, ten),
        }
    } else {
        let tens = numeral(first).filter(|d| *d > 0)?;
        let rest = &text[first.len_utf8()..];
        if let Some(r) = rest.strip_prefix('十') {
            match r.chars().next().and_then(numeral) {
                Some(u) if u > 0 => (tens * 10 + u, 3 * ten),
                _ => (tens * 10, 2 * ten),
            }
        } else {
            (tens, first.len_utf8())
        }
    };
    (1..=31).contains(&value).then_some((value, len))
}

/// Years, dates and decades in Chinese numerals, in text order.
pub(super) fn numeral_hits(text: &str, range: (i32, i32)) -> Vec<YearHit> {
    let mut out = Vec::new();
    if !text.contains('年') {
        return out;
    }
    let mut from = 0;
    while let Some(k) = text[from..].find('年') {
        let at = from + k;
        from = at + '年'.len_utf8();
        if out.last().is_some_and(|h: &YearHit| at < h.end) {
            continue;
        }
        let hit = year_at(text, at, range).or_else(|| decade_at(text, at, range));
        if let Some(hit) = hit {
            from = from.max(hit.end);
            out.push(hit);
        }
    }
    out
}

/// `一九四九年` (with `十月一日` after it, or `十月`) ending at the `年` at
/// `at`.
fn year_at(text: &str, at: usize, range: (i32, i32)) -> Option<YearHit> {
    let before = &text[..at];
    let digits: Vec<(usize, u32)> = before
        .char_indices()
        .rev()
        .map_while(|(i, c)| numeral(c).map(|d| (i, d)))
        .take(5)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let start = digits[3].0;
    let year = digits.iter().rev().fold(0, |y, (_, d)| y * 10 + *d as i32);
    if year < 1000 {
        return None;
    }
    let mut end = at + '年'.len_utf8();
    let mut label = year.to_string();
    let mut precision = Precision::Year;
    if let Some((month, m_len)) = small_number(&text[end..]).filter(|(m, _)| *m <= 12) {
        if let Some(rest) = text[end + m_len..].strip_prefix('月') {
            end += m_len + '月'.len_utf8();
            let name = super::month_name(month as usize - 1);
            label = format!("{name} {year}");
            precision = Precision::Month;
            if let Some((day, d_len)) = small_number(rest) {
                if rest[d_len..].starts_with(['日', '号']) {
                    end += d_len + '日'.len_utf8();
                    label = format!("{day} {name} {year}");
                    precision = Precision::Day;
                }
            }
        }
    }
    clip(start, end, year, None, precision, label, range)
}

/// `八十年代`, `二十世纪九十年代末` ending at the `年` at `at`.
fn decade_at(text: &str, at: usize, range: (i32, i32)) -> Option<YearHit> {
    if !text[at..].starts_with("年代") {
        return None;
    }
    let before = text[..at].strip_suffix('十')?;
    let tens = before.chars().next_back().and_then(numeral)?;
    if tens < 2 {
        return None;
    }
    let start = before.len() - '二'.len_utf8();
    let (start, base) = century_before(&text[..start]).unwrap_or((start, 1900));
    decade_hit(
        text,
        start,
        at + "年代".len(),
        base + tens as i32 * 10,
        range,
    )
}

#[cfg(test)]
#[path = "chinese_tests.rs"]
mod tests;
