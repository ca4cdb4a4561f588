//! Notes and references in the style of Chinese humanities and social
//! science journals, which mark titles with book-title marks and end the
//! author with a full-width colon:
//!
//! ```text
//! 王缉思：《大国关系》，北京：中信出版社，2015年，第23页。
//! 李丹慧：《中苏边界谈判》，《中共党史研究》2002年第3期，第12—20页。
//! [美]塞缪尔·亨廷顿：《文明的冲突》，周琪等译，北京：新华出版社，2010年。
//! 习近平：《携手共创中俄关系新时代》，《人民日报》2019年6月6日，第2版。
//! 赵六：《边疆治理》，载王五主编：《中国边疆研究文集》，北京：社会科学文献出版社，2016年。
//! 王明，〈論文標題〉，《歷史研究》，第3卷第2期（2004年），頁10-20。
//! ```
//!
//! The page a note points to (`第23页`) is where it cites, not the work's
//! pages, and is left out.

use super::citations::Reference;
use super::names::Person;
use crate::chars::is_cjk;

/// The roles written after names: editor, compiler, author.
const ROLES: &[&str] = &["等主编", "主编", "编著", "等著", "等编", "编", "著", "等"];

/// The reference a note in this style gives, if it is one.
pub(super) fn read(text: &str) -> Option<Reference> {
    let text = text.trim();
    let (open, close) = title_marks(text)?;
    let head = text[..open.0].trim();
    // The author ends with `：` (or `，` before `〈…〉`); no author before a
    // newspaper or an anonymous work.
    let names = head
        .strip_suffix('：')
        .or_else(|| head.strip_suffix(':'))
        .or_else(|| head.strip_suffix('，'))
        .or_else(|| head.strip_suffix(','));
    if names.is_none() && !head.is_empty() {
        return None;
    }
    let mut r = Reference {
        authors: names.map(people).unwrap_or_default(),
        title: Some(text[open.1..close.0].trim().to_string()).filter(|t| !t.is_empty()),
        kind: "book",
        ..Reference::default()
    };
    r.title.as_ref()?;
    details(&text[close.1..], &mut r);
    // A bare title with nothing after it and no author: too little.
    (!r.authors.is_empty() || r.year.is_some()).then_some(r)
}

/// The first title in `《…》` or `〈…〉`: (start, inside start) of the
/// opening mark and (inside end, end) of the closing one.
fn title_marks(text: &str) -> Option<((usize, usize), (usize, usize))> {
    let open = text.find(['《', '〈'])?;
    let mark = text[open..].chars().next()?;
    let closing = if mark == '《' { '》' } else { '〉' };
    let inner = open + mark.len_utf8();
    // Nested marks (`《〈论语〉注》`) close with the outer one.
    let mut depth = 0;
    for (k, c) in text[inner..].char_indices() {
        if c == mark {
            depth += 1;
        } else if c == closing {
            if depth == 0 {
                let at = inner + k;
                return Some(((open, inner), (at, at + c.len_utf8())));
            }
            depth -= 1;
        }
    }
    None
}

/// `王缉思`, `王缉思、李静杰`, `沈志华主编`, `[美]塞缪尔·亨廷顿`.
fn people(names: &str) -> Vec<Person> {
    let names = names.trim();
    without_country(names)
        .split(['、', '，', ','])
        .filter_map(|n| {
            let n = ROLES
                .iter()
                .find_map(|r| n.trim().strip_suffix(r))
                .unwrap_or(n.trim())
                .trim();
            let plausible = !n.is_empty()
                && n.chars().count() <= 20
                && (n.contains(is_cjk) || n.split_whitespace().count() <= 4);
            plausible.then(|| Person {
                family: n.to_string(),
                given: String::new(),
            })
        })
        .collect()
}

/// `names` without the author's country before them (`[美]亨廷顿`,
/// `〔英〕`, `（美）`), as Chinese notes and GB/T entries both write it.
pub(super) fn without_country(names: &str) -> &str {
    ["]", "）", "〕", ")"]
        .iter()
        .find_map(|close| {
            let (country, rest) = names.split_once(close)?;
            let opened = country.starts_with(['[', '（', '〔', '(']);
            (opened && country.chars().count() <= 4).then_some(rest)
        })
        .unwrap_or(names)
}

/// What follows the title: the journal or newspaper and its date, the
/// book a chapter is in, the place and publisher, the year.
fn details(rest: &str, r: &mut Reference) {
    let mut rest = rest;
    // A chapter: `，载王五主编：《书名》`; `，见《书名》`.
    let inside = ["载", "收入", "见"].iter().find_map(|w| {
        let after = rest.trim_start_matches(['，', ',', ' ']).strip_prefix(w)?;
        let (open, close) = title_marks(after)?;
        (after[..open.0].chars().count() <= 20).then_some((after, open, close))
    });
    if let Some((after, open, close)) = inside {
        r.container = Some(after[open.1..close.0].trim().to_string());
        rest = &after[close.1..];
        // `载《政法论坛》2019年第4期`: in a journal's issue, not a book.
        let issue = rest.split('第').nth(1).is_some_and(|t| {
            let n = t.bytes().take_while(u8::is_ascii_digit).count();
            n > 0 && t[n..].starts_with('期')
        });
        r.kind = if issue { "article-journal" } else { "chapter" };
    } else if let Some((open, close)) =
        title_marks(rest).filter(|(o, _)| rest[..o.0].trim_matches(['，', ',', ' ']).is_empty())
    {
        // `，《中共党史研究》2002年第3期`: a journal or a newspaper.
        r.container = Some(rest[open.1..close.0].trim().to_string());
        r.kind = "article-journal";
        rest = &rest[close.1..];
    }
    dated(rest, r);
    // `北京：中信出版社，2015年`: the place, then the publisher.
    if r.container.is_none() || r.kind == "chapter" {
        for part in rest.split(['，', ',']) {
            if let Some((place, publisher)) = part.split_once(['：', ':']) {
                let publisher = publisher.trim().trim_end_matches(['。', '.']);
                if place.chars().count() <= 8 && !publisher.is_empty() && !publisher.contains('年')
                {
                    r.publisher = Some(publisher.to_string());
                    break;
                }
            }
        }
    }
}

/// The first year written with `年` in `rest`, and after it the month
/// and day (a newspaper's date) or the issue (`第3期`); the volume
/// (`第3卷`) where it stands.
fn dated(rest: &str, r: &mut Reference) {
    let b = rest.as_bytes();
    let Some(at) = rest.find('年').filter(|&k| {
        k >= 4
            && b[k - 4..k].iter().all(u8::is_ascii_digit)
            && (k == 4 || !b[k - 5].is_ascii_digit())
    }) else {
        return;
    };
    let Ok(year) = rest[at - 4..at].parse::<i32>() else {
        return;
    };
    r.year = Some(year);
    r.date = Some(year.to_string());
    let after = &rest[at + '年'.len_utf8()..];
    let number = |t: &str| -> Option<(u32, usize)> {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        Some((t[..n].parse().ok()?, n))
    };
    if let Some((month, n)) = number(after).filter(|(m, _)| (1..=12).contains(m)) {
        if let Some(day_part) = after[n..].strip_prefix('月') {
            let day = number(day_part)
                .filter(|(d, n)| (1..=31).contains(d) && day_part[*n..].starts_with('日'));
            r.date = Some(match day {
                Some((d, _)) => format!("{year}-{month:02}-{d:02}"),
                None => format!("{year}-{month:02}"),
            });
            if day.is_some() && r.container.is_some() && r.kind == "article-journal" {
                r.kind = "article-newspaper";
            }
        }
    }
    let issue = |from: &str, mark: char| -> Option<String> {
        from.split('第').skip(1).find_map(|t| {
            let n = t.bytes().take_while(u8::is_ascii_digit).count();
            (n > 0 && t[n..].starts_with(mark)).then(|| t[..n].to_string())
        })
    };
    if r.kind == "article-journal" {
        r.issue = issue(rest, '期');
        r.volume = issue(rest, '卷');
    }
}

#[cfg(test)]
#[path = "note_chinese_tests.rs"]
mod tests;
