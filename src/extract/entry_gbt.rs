//! References in the Chinese national style (GB/T 7714), which Chinese
//! papers and theses use for Chinese and Western works alike: the authors
//! (family name first, initials without full stops: `王缉思`, `LUKIN A`,
//! `SMITH J, JONES M, et al`), the title, a code in brackets for the kind
//! of work, then where it appeared:
//!
//! ```text
//! 李静杰. 中俄关系七十年[J]. 俄罗斯东欧中亚研究, 2019(5): 1-18.
//! 王缉思. 大国关系[M]. 北京: 中信出版社, 2015: 23-45.
//! SMITH J, JONES M. Title[C]//Proceedings of ACL. Stroudsburg: ACL, 2018: 100-110.
//! 国家统计局. 统计公报[EB/OL]. (2021-02-28)[2023-06-20]. http://www.stats.gov.cn/….
//! 张三. 标题[N]. 人民日报, 2019-06-06(3).
//! ```
//!
//! The code is the sign: a reference without one is left to the other
//! readers. The date in brackets after a web page's is when it was read,
//! not when it appeared, and is not its year.

use super::citations::Reference;
use super::entries::{take_label, Entry};
use super::names::Person;
use crate::chars::is_cjk;

/// The codes for kinds of work (GB/T 7714-2015 and its 2005 edition),
/// with the CSL type each is given.
const CODES: &[(&str, &str)] = &[
    ("J", "article-journal"),
    ("M", "book"),
    ("C", "paper-conference"),
    ("D", "thesis"),
    ("R", "report"),
    ("N", "article-newspaper"),
    ("S", "standard"),
    ("P", "patent"),
    ("G", "book"),
    ("A", "chapter"),
    ("Z", "document"),
    ("EB", "webpage"),
    ("DB", "dataset"),
    ("CP", "software"),
    ("DS", "dataset"),
];

/// The code at the end of a title: `[J]`, `[EB/OL]`, `[M/OL]`, `[J/CD]`;
/// its start and end in `text`, and the kind.
fn code(text: &str) -> Option<(usize, usize, &'static str)> {
    let mut from = 0;
    while let Some(k) = text[from..].find('[') {
        let open = from + k;
        from = open + 1;
        let Some(len) = text[open + 1..].find(']').filter(|l| *l <= 6) else {
            continue;
        };
        let inner = &text[open + 1..open + 1 + len];
        let (kind, carrier) = inner.split_once('/').unwrap_or((inner, ""));
        let carrier_ok = carrier.is_empty() || ["OL", "CD", "DK", "MT"].contains(&carrier);
        let Some((_, csl)) = CODES.iter().find(|(c, _)| *c == kind) else {
            continue;
        };
        // The code closes a title and opens the details: a full stop, a
        // container's `//`, a date or the end after it.
        let end = open + len + 2;
        // After a space (`Title [J].`), only a full stop or `//` may follow.
        let spaced = text[..open].ends_with(char::is_whitespace);
        let closes = text[end..].trim_start().is_empty()
            || text[end..].starts_with(['.', '/', '．', '。'])
            || !spaced && text[end..].starts_with(['(', ',', '，', ' ']);
        if carrier_ok && closes && open > 0 {
            return Some((open, end, csl));
        }
    }
    None
}

/// The end of the authors in the text before the code: the first full
/// stop with a space or a Chinese character after it, or a Chinese full
/// stop. `None` when there is none (a standard, an anonymous work).
fn authors_end(head: &str) -> Option<(usize, usize)> {
    for (i, c) in head.char_indices() {
        match c {
            '．' | '。' => return Some((i, i + c.len_utf8())),
            '.' => {
                let next = head[i + 1..].chars().next();
                if next.is_some_and(|n| n == ' ' || is_cjk(n)) {
                    return Some((i, i + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// `Yaoyao Sun: Title`: a person's name, given name first, and a colon
/// where the style wants a full stop; the person and where the title
/// starts.
fn colon_after_names(head: &str) -> Option<(Person, usize)> {
    let k = head.find(": ")?;
    let words: Vec<&str> = head[..k].split_whitespace().collect();
    let names = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || "-'".contains(c))
        });
    let (family, given) = words.split_last()?;
    names.then(|| {
        (
            Person {
                family: family.to_string(),
                given: given.join(" "),
            },
            k + 1,
        )
    })
}

/// One author as GB/T writes them: Chinese characters (`王缉思`, after a
/// nationality mark such as `[美]`), or a family name and initials
/// (`LUKIN A`, `Smith J K`), or an organisation.
fn person(part: &str) -> Option<Person> {
    let part = part.trim();
    // `[美]亨廷顿`, `（美）亨廷顿`, `〔英〕`: the author's country.
    let part = super::note_chinese::without_country(part).trim();
    // Editors and translators: `王五主编`, `周琪, 等译`.
    let part = ["主编", "编著", "编", "著", "译"]
        .iter()
        .find_map(|m| part.strip_suffix(m))
        .unwrap_or(part)
        .trim();
    if part.is_empty() || part == "等" || part.eq_ignore_ascii_case("et al") {
        return None;
    }
    if part.contains(is_cjk) {
        return Some(Person {
            family: part.trim_end_matches('等').to_string(),
            given: String::new(),
        });
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let initials = words
        .iter()
        .rev()
        .take_while(|w| w.len() <= 3 && w.chars().all(|c| c.is_uppercase() || c == '-'))
        .count();
    if initials == 0 || initials == words.len() {
        // An organisation: `World Bank`, `OECD`.
        return Some(Person {
            family: part.to_string(),
            given: String::new(),
        });
    }
    let family = words[..words.len() - initials].join(" ");
    let given = words[words.len() - initials..]
        .iter()
        .flat_map(|w| w.split('-'))
        .flat_map(|w| w.chars())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Person {
        family: title_case(&family),
        given,
    })
}

/// `LUKIN` → `Lukin`, `VAN DER BERG` → `Van Der Berg`; a name not all
/// in capitals is kept.
fn title_case(family: &str) -> String {
    if family.chars().any(char::is_lowercase) {
        return family.to_string();
    }
    family
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_string() + &cs.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The authors, or `None` when the text does not read as names (then
/// it was a title with a full stop in it).
fn authors(text: &str) -> Option<Vec<Person>> {
    let parts: Vec<&str> = text.split([',', '，', '、', ';', '；']).collect();
    let plausible = parts.iter().all(|p| {
        let p = p.trim();
        p.chars().count() <= 40 && p.split_whitespace().count() <= 5
    });
    plausible.then(|| parts.into_iter().filter_map(person).collect())
}

/// The publication details after the code, with Chinese punctuation read
/// as ASCII: `, ` for `，`, `: ` for `：`, parentheses.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '，' => out.push_str(", "),
            '：' => out.push_str(": "),
            '（' => out.push('('),
            '）' => out.push(')'),
            '．' | '。' => out.push_str(". "),
            '－' | '—' | '–' => out.push('-'),
            _ => out.push(c),
        }
    }
    out
}

/// The first four-digit year from 1000 to 2099 in `text`, with where
/// it starts.
fn first_year(text: &str) -> Option<(usize, i32)> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let run = b.get(i..i + 4)?;
        let bounded =
            (i == 0 || !b[i - 1].is_ascii_digit()) && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        let year: i32 = std::str::from_utf8(run).ok()?.parse().ok()?;
        (bounded && run.iter().all(u8::is_ascii_digit) && (1000..2100).contains(&year))
            .then_some((i, year))
    })
}

/// A reference with a GB/T 7714 code after its title.
pub(super) fn gbt_entry(marked: &str, urls: &[String]) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let body = body.trim();
    let (open, close, kind) = code(body)?;
    let head = body[..open].trim();
    let (people, title) = match (authors_end(head), colon_after_names(head)) {
        (Some((end, next)), _) => match authors(&head[..end]) {
            Some(people) => (people, head[next..].trim()),
            None => (Vec::new(), head),
        },
        (None, Some((person, next))) => (vec![person], head[next..].trim()),
        (None, None) => (Vec::new(), head),
    };
    if title.is_empty() {
        return None;
    }
    let mut r = Reference {
        authors: people,
        title: Some(title.to_string()),
        urls: urls.to_vec(),
        kind,
        ..Reference::default()
    };
    let rest = plain(&body[close..]);
    details(&rest, &mut r);
    for token in rest.split_whitespace() {
        let bare = token.trim_end_matches(['.', ',']);
        if (bare.starts_with("http://") || bare.starts_with("https://"))
            && !r.urls.iter().any(|u| u == bare)
        {
            r.urls.push(bare.to_string());
        }
    }
    r.doi = super::citations::find_doi(&rest);
    Some(Entry {
        label: label.map(str::to_string),
        reference: r,
    })
}

/// Reads where the work appeared from `rest` (after the code).
fn details(rest: &str, r: &mut Reference) {
    let mut rest = rest.trim_start_matches(['.', ' ']);
    // `//Proceedings of ACL. Stroudsburg: …`; `//王五, 主编. 书名. …`.
    if let Some(inner) = rest.strip_prefix("//") {
        let (first, after) = inner.split_once(". ").unwrap_or((inner, ""));
        let edited = ["主编", "编", "ed", "eds", "ed.", "eds."]
            .iter()
            .any(|m| first.trim_end_matches('.').ends_with(m));
        let (container, after) = if edited {
            after.split_once(". ").unwrap_or((after, ""))
        } else {
            (first, after)
        };
        r.container = Some(container.trim().to_string()).filter(|c| !c.is_empty());
        if r.kind == "book" {
            r.kind = "chapter";
        }
        rest = after;
    }
    // The access date of a web page is not its date: `[2023-06-20]`.
    let dated: String = match rest.find('[') {
        Some(k) if r.kind == "webpage" || rest[k..].starts_with("[20") => {
            let end = rest[k..].find(']').map_or(rest.len(), |e| k + e + 1);
            format!("{}{}", &rest[..k], &rest[end..])
        }
        _ => rest.to_string(),
    };
    let without_urls: String = dated
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.to_lowercase().starts_with("doi"))
        .collect::<Vec<_>>()
        .join(" ");
    let text = without_urls.as_str();
    match r.kind {
        "article-journal" | "article-newspaper" => periodical(text, r),
        _ => published(text, r),
    }
}

/// `刊名, 2019, 34(2): 56-70`; `刊名, 2019(5): 1-18`; `人民日报,
/// 2019-06-06(3)`.
fn periodical(text: &str, r: &mut Reference) {
    // The year after the periodical's name and its comma: a year inside
    // the name (`Proceedings of the 2014 Conference…, 2014: 1746`) is not.
    let after_comma = text.match_indices(", ").find_map(|(k, _)| {
        let (at, year) = first_year(&text[k + 2..]).filter(|(at, _)| *at == 0)?;
        Some((k + 2 + at, year))
    });
    let Some((at, year)) = after_comma.or_else(|| first_year(text)) else {
        return;
    };
    let container = text[..at].trim().trim_end_matches([',', '.', ' ']);
    if !container.is_empty() && r.container.is_none() {
        r.container = Some(container.to_string());
    }
    r.year = Some(year);
    let after = &text[at + 4..];
    // `2019-06-06`: a newspaper's day.
    let b = after.as_bytes();
    let date_len = if b.len() >= 6 && b[0] == b'-' && b[1..3].iter().all(u8::is_ascii_digit) {
        if b.len() >= 6 && b[3] == b'-' && b[4..6].iter().all(u8::is_ascii_digit) {
            6
        } else {
            3
        }
    } else {
        0
    };
    r.date = Some(format!("{year}{}", &after[..date_len]));
    let mut numbers = after[date_len..].trim_start_matches([',', ' ']);
    // The volume, then the issue in parentheses.
    let volume_len = numbers.bytes().take_while(u8::is_ascii_digit).count();
    if volume_len > 0 {
        r.volume = Some(numbers[..volume_len].to_string());
        numbers = &numbers[volume_len..];
    }
    if let Some((issue, after)) = numbers.strip_prefix('(').and_then(|n| n.split_once(')')) {
        if r.kind == "article-newspaper" {
            r.pages = Some(issue.trim().to_string()).filter(|p| !p.is_empty());
        } else {
            r.issue = Some(issue.trim().to_string()).filter(|i| !i.is_empty());
        }
        numbers = after;
    }
    pages(numbers, r);
}

/// `北京: 中信出版社, 2015: 23-45`; `Cambridge: Polity Press, 2018`; a
/// thesis's `北京: 北京大学, 2022`; a web page's `(2021-02-28)`.
fn published(text: &str, r: &mut Reference) {
    let Some((at, year)) = first_year(text) else {
        return;
    };
    r.year = Some(year);
    let before = &text[..at];
    // `(2021-02-28)`: the day a page was published.
    let after = &text[at + 4..];
    let b = after.as_bytes();
    if before.ends_with('(')
        && b.len() >= 6
        && b[0] == b'-'
        && b[3] == b'-'
        && b[1..3].iter().chain(&b[4..6]).all(u8::is_ascii_digit)
    {
        r.date = Some(format!("{year}{}", &after[..6]));
    } else {
        r.date = Some(year.to_string());
    }
    // The publisher: after the last `Place:` before the year.
    let segment = before.rsplit(". ").next().unwrap_or(before);
    if let Some((_, publisher)) = segment.split_once(": ") {
        let publisher = publisher.trim().trim_end_matches([',', ' ']);
        if !publisher.is_empty() && !publisher.contains('(') {
            r.publisher = Some(publisher.to_string());
        }
    }
    pages(after, r);
}

/// `: 23-45` after the year or the issue.
fn pages(text: &str, r: &mut Reference) {
    let Some(p) = text.trim_start().strip_prefix(':') else {
        return;
    };
    let p: String = p
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if p.chars().any(|c| c.is_ascii_digit()) {
        r.pages = Some(p);
    }
}

#[cfg(test)]
#[path = "entry_gbt_tests.rs"]
mod tests;
