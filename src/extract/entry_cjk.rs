//! References written in Chinese, Japanese or Korean, in a reference list
//! or a footnote: names of a few characters each, then a title (often in
//! quotes), the journal and its numbers (`김하늘, 이수, '제목 연구,'
//! 학회지, 제 14 권, 제 1 호, pp. 105-133, 2015.`, `王明. 李華(2012).
//! 標題. 期刊. 40 卷 21 期: 10964-10967.`, `田中一郎, 2004, 標題, 雜誌 18.`).

use super::citations::Reference;
use super::names::Person;
use crate::chars::is_cjk;

/// Hangul syllables and letters, which `chars::is_cjk` (scripts written
/// without spaces) leaves out.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}')
}

/// The marks a quoted title opens with.
const TITLE_OPENS: [char; 6] = ['\'', '‘', '"', '“', '「', '《'];

fn east_asian(c: char) -> bool {
    is_cjk(c) || is_hangul(c)
}

/// The reference, when `text` opens with names in an East Asian script
/// and gives a title and a year.
pub(super) fn read(text: &str) -> Option<Reference> {
    if !text.chars().take(6).any(east_asian) {
        return None;
    }
    let mut r = Reference::default();
    let mut rest = text.trim();
    // Names, each ended by a separator; a year in parentheses may close
    // the last (`李華(2012).`).
    loop {
        let (name, after, year) = name(rest)?;
        r.authors.push(Person {
            family: name.to_string(),
            given: String::new(),
        });
        rest = after;
        if year.is_some() {
            r.year = year;
            break;
        }
        if name_ahead(rest).is_none()
            || leading_year(rest).is_some()
            || rest.starts_with(TITLE_OPENS)
        {
            break;
        }
    }
    // `(2004).` or `2004,` after the names; a year in parentheses is
    // the author–date form, whose title ends at a full stop only.
    let mut sentences = r.year.is_some();
    if r.year.is_none() {
        if let Some((y, after)) = leading_year(rest) {
            r.year = Some(y);
            sentences = rest.trim_start().starts_with('(');
            rest = after;
        }
    }
    let (title, after) = title(rest, sentences)?;
    r.title = Some(title.to_string());
    // `，载《政法论坛》2019年第4期`: the journal in title marks.
    let within = after.trim_start_matches(['载', '載', '见', '見', '：', ':', ' ']);
    let (container, after) = match within.strip_prefix('《').and_then(|t| t.split_once('》')) {
        Some((name, rest)) => (name, rest),
        None => field(after, false),
    };
    // `北方文物 3 期`, `考古学雑誌 73( 2)`, `교육학연구 (41: 2)`: the
    // numbers after the name.
    let numbers_at = container
        .find(|c: char| c.is_ascii_digit())
        .map(|k| k - usize::from(container[..k].ends_with('(')));
    let (container, numbered) = match numbers_at {
        Some(k) if k > 0 && container[..k].ends_with(' ') => {
            (container[..k].trim(), &container[k..])
        }
        _ => (container, ""),
    };
    if container.chars().any(|c| c.is_alphabetic()) && !container.starts_with("pp") {
        r.container = Some(container.to_string());
    }
    numbers(&format!("{numbered} {after}"), &mut r);
    r.date = r.year.map(|y| y.to_string());
    r.kind = if r.container.is_some() {
        "article-journal"
    } else {
        "book"
    };
    r.year.is_some().then_some(r)
}

/// A name of two to four characters (`김철호`, `劉時覺`), or two parts
/// (`阿草 清滋`), perhaps with another spelling in parentheses (`네즈
/// 요시카즈(根津良一)`); the rest after its separator, and a year in
/// parentheses if one ends it.
fn name(text: &str) -> Option<(&str, &str, Option<i32>)> {
    let (name, rest) = name_ahead(text)?;
    let rest = rest.trim_start();
    // `餘盤滿(2012).`
    if let Some((y, after)) = leading_year(rest).filter(|_| rest.starts_with('(')) {
        return Some((name, after, Some(y)));
    }
    let sep = rest.chars().next()?;
    if !matches!(
        sep,
        ',' | '，' | '、' | '.' | '·' | '․' | '・' | '。' | '：' | ':'
    ) {
        // `안은영 '제목,'`, `최병구 2016.`: the title or the year after a
        // space ends the names.
        let spaced = rest.len() < text.len() - name.len();
        let ends = spaced && (rest.starts_with(TITLE_OPENS) || leading_year(rest).is_some());
        return ends.then_some((name, rest, None));
    }
    Some((name, rest[sep.len_utf8()..].trim_start(), None))
}

/// The name at the start of `text` and what follows it.
fn name_ahead(text: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    let mut letters = 0;
    let mut parts = 1;
    for (i, c) in text.char_indices() {
        if east_asian(c) {
            letters += 1;
            end = i + c.len_utf8();
        } else if c == ' ' && letters > 0 && parts == 1 && text[i + 1..].starts_with(east_asian) {
            parts += 1;
        } else {
            break;
        }
    }
    // Another spelling of the name in parentheses.
    let mut after = &text[end..];
    if let Some(inner) = after.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            if inner[..close].chars().all(east_asian) && close > 0 {
                after = &inner[close + 1..];
            }
        }
    }
    let short = if parts == 1 {
        (2..=4).contains(&letters)
    } else {
        (2..=8).contains(&letters)
    };
    short.then(|| (text[..end].trim(), after))
}

/// `(2004).`, `2004,`, `2019.2.`: a year at the start, and the rest.
fn leading_year(text: &str) -> Option<(i32, &str)> {
    let t = text.trim_start();
    let open = t.starts_with('(');
    let t = t.trim_start_matches('(').trim_start();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let year: i32 = digits.parse().ok().filter(|y| (1800..=2100).contains(y))?;
    if digits.len() != 4 {
        return None;
    }
    // `2005a`: a letter that tells one author's works of a year apart.
    let mut after = t[4..]
        .strip_prefix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(&t[4..]);
    if open {
        after = after.split_once(')').map(|(_, a)| a)?;
    } else {
        // `2019.2.`: a month after the year.
        after = after.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    }
    Some((year, after.trim_start_matches(['.', ',', ' ', ':'])))
}

/// The title: in quotes (`'…,'`, `‘…’`, `「…」`, `《…》`, `"…"`) or the
/// next field.
fn title(text: &str, sentences: bool) -> Option<(&str, &str)> {
    let t = text.trim_start();
    let close = match t.chars().next()? {
        '\'' => "'",
        '‘' => "’",
        '"' => "\"",
        '“' => "”",
        '「' => "」",
        '『' => "』",
        '《' => "》",
        _ => {
            let (f, rest) = field(t, sentences);
            return (f.chars().count() >= 2).then_some((f, rest));
        }
    };
    let open = t.chars().next()?.len_utf8();
    let end = t[open..].find(close)? + open;
    let inner = t[open..end].trim_end_matches([',', '.', '，', '。', ' ']);
    let rest = t[end + close.len()..].trim_start_matches([',', '.', '，', '。', ' ']);
    (!inner.is_empty()).then_some((inner, rest))
}

/// The text up to the next field separator (`, `, `. `, a CJK comma or
/// full stop, or a full stop after CJK text; only full stops with
/// `sentences`), and the rest.
fn field(text: &str, sentences: bool) -> (&str, &str) {
    let t = text.trim_start();
    let mut prev = ' ';
    for (i, c) in t.char_indices() {
        let next = t[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        let ends = match c {
            '。' => true,
            '，' | '、' => !sentences,
            ',' if sentences => false,
            ',' | '.' => next == ' ' || east_asian(prev) && !next.is_ascii_digit(),
            _ => false,
        };
        if ends && i > 0 {
            return (t[..i].trim(), t[i + c.len_utf8()..].trim_start());
        }
        prev = c;
    }
    (t.trim_end_matches(['.', ',']), "")
}

/// Volume, issue, pages and a year still missing, from what follows the
/// journal: `제 14 권, 제 1 호, pp. 105-133, 2015.`, `40 卷 21 期: 10964-10967`,
/// `28(4), 815-829.`, `Vol. 43, p. 292 2008`.
fn numbers(text: &str, r: &mut Reference) {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (k, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| ",.;:()".contains(c) || c == '。' || c == '，');
        // `2010年第3期`: the year before 年.
        if let Some((y, _)) = bare.split_once('年').filter(|_| r.year.is_none()) {
            r.year = y.parse().ok().filter(|y| (1800..=2100).contains(y));
        }
        let digits = bare.chars().all(|c| c.is_ascii_digit());
        if digits && bare.len() == 4 && r.year.is_none() {
            r.year = bare.parse().ok().filter(|y| (1800..=2100).contains(y));
            if r.year.is_some() {
                continue;
            }
        }
        let unit = words
            .get(k + 1)
            .map_or("", |u| u.trim_end_matches([',', '.', ':']));
        if digits && !bare.is_empty() {
            match unit {
                "권" | "卷" | "巻" | "輯" | "집" => r.volume = Some(bare.to_string()),
                "호" | "期" | "号" | "號" => r.issue = Some(bare.to_string()),
                _ if r.volume.is_none() && bare.len() < 4 => {
                    r.volume = Some(bare.to_string());
                }
                _ => {}
            }
        } else if bare.contains(['-', '–'])
            && bare.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            r.pages.get_or_insert_with(|| bare.to_string());
        } else if let Some((v, i)) = bare.split_once('(') {
            // `28(4)`
            if v.chars().all(|c| c.is_ascii_digit()) && !v.is_empty() {
                r.volume.get_or_insert_with(|| v.to_string());
                r.issue
                    .get_or_insert_with(|| i.trim_end_matches(')').to_string());
            }
        }
    }
}

#[cfg(test)]
#[path = "entry_cjk_tests.rs"]
mod tests;
