//! Preprints and arXiv numbers in reference entries and notes: an entry
//! that is names, a title and an arXiv number (`E. Lund, Notes on
//! lattices, arXiv:1209.2199`) is read as a preprint dated by its number;
//! elsewhere an arXiv number is the address of its page, never a year or
//! a page (`1501.04794` is no year 1501).

use super::citations::Reference;
use super::entries::{read, take_label, Entry};
use super::entry_journal::{initials_first, tidy};
use super::entry_tagged::Tagged;
use super::names::Person;

/// Where an arXiv number's page is: this, then the number.
const ARXIV_PAGE: &str = "https://arxiv.org/abs/";

/// An entry with an arXiv number, read without it: its digits are no
/// year or page. Read with it (no other date, no title before it), the
/// entry takes the year of the number.
pub(super) fn arxiv_entry(marked: &str, urls: &[String], tagged: &Tagged) -> Option<Entry> {
    let (plain, arxiv) = without_arxiv(marked)?;
    let year = arxiv.first().and_then(|u| arxiv_url_year(u));
    let mut linked = urls.to_vec();
    linked.extend(arxiv.into_iter().filter(|u| !urls.contains(u)));
    read(&plain, linked.clone(), tagged).or_else(|| {
        let mut e = read(marked, linked, tagged)?;
        let r = &mut e.reference;
        if r.year.is_some_and(|y| !plain.contains(&y.to_string())) {
            r.year = year;
            r.date = year.map(|y| y.to_string());
        }
        Some(e)
    })
}

/// A preprint (`E. Lund, Notes on lattices, arXiv:1209.2199`), with the
/// entry's addresses before its arXiv page.
pub(super) fn preprint_entry(marked: &str, urls: &[String], strict: bool) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let r = preprint(body, strict, urls.to_vec())?;
    Some(Entry {
        label: label.map(str::to_string),
        reference: r,
    })
}

/// A preprint: names with initials first, a title and an arXiv number
/// (`E. Lund, Notes on lattices, arXiv:1209.2199`, `… "Title," arXiv
/// :hep-ph/0606023`), dated by its number; its addresses are `urls`, then
/// the number's page.
pub(super) fn preprint(text: &str, strict: bool, urls: Vec<String>) -> Option<Reference> {
    let text = tidy(text);
    let mark = text.find("arXiv")?;
    let id = arxiv_id(&text[mark + 5..]).trim_end_matches('.');
    let year = arxiv_year(id)?;
    let words: Vec<&str> = text[..mark].split_whitespace().collect();
    let (authors, at) = initials_first(&words)?;
    let title = words[at..].join(" ");
    let title = title
        .trim_end_matches([',', ' ', '.'])
        .trim_matches(['"', '“', '”', ',', ' '])
        .trim_end_matches(',');
    // With `strict`, a journal's numbers before the number (`Phys. Rev.
    // D 81 (2010)`) make a published article, for the other rules.
    let numbered = title.split_whitespace().any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        bare.len() >= 2 && bare.bytes().all(|b| b.is_ascii_digit())
    });
    if title.split_whitespace().count() < 2 || strict && numbered {
        return None;
    }
    Some(Reference {
        title: Some(title.to_string()),
        ..arxiv_reference(authors, id, year, urls)
    })
}

/// A preprint of `authors` with arXiv number `id`, dated `year`: its
/// addresses are `urls`, then the number's page.
fn arxiv_reference(authors: Vec<Person>, id: &str, year: i32, mut urls: Vec<String>) -> Reference {
    let page = format!("{ARXIV_PAGE}{id}");
    if !urls.contains(&page) {
        urls.push(page);
    }
    Reference {
        authors,
        container: Some("arXiv".to_string()),
        urls,
        year: Some(year),
        date: Some(year.to_string()),
        kind: "article",
        ..Reference::default()
    }
}

/// A preprint cited by its authors and number alone, as physics papers
/// cite them (`S. Lund, A. Roe and B. Moro, arXiv:0804.3409 [hep-ph].`,
/// `K. Abe et al., arXiv.org:astro-ph/0509330 (2005).`, `ATLAS
/// Collaboration, arXiv:1702.07546 [hep-ex].`): no title; dated by the
/// year written after the number, else by the number. Only its subject
/// class, a year and the number again may follow it.
pub(super) fn untitled_entry(marked: &str, urls: &[String]) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let text = tidy(body);
    let mark = text.find("arXiv")?;
    let after = &text[mark + 5..];
    let id = arxiv_id(after).trim_end_matches(['.', '-']);
    let from_number = arxiv_year(id)?;
    let tail = &after[after.find(id)? + id.len()..];
    let mut written = None;
    for word in tail.split_whitespace() {
        let bare = word.trim_matches(|c: char| "[](),.;:".contains(c));
        let year = bare
            .parse::<i32>()
            .ok()
            .filter(|y| (1991..=2100).contains(y));
        let quiet = bare.is_empty()
            || year.is_some()
            || bare == "arXiv"
            || arxiv_year(bare.trim_start_matches("arXiv:")).is_some()
            // The subject class: `hep-ph`, `cond-mat.mes-hall`.
            || bare.contains(['-', '.'])
                && bare.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '.');
        if !quiet {
            return None;
        }
        written = written.or(year);
    }
    let words: Vec<&str> = text[..mark].split_whitespace().collect();
    // `V. Berezinsky arXiv:…`: names that end at the number, no comma.
    let closed: String;
    let mut with_comma = words.clone();
    if let Some(last) = with_comma.last_mut().filter(|w| !w.ends_with([',', '.'])) {
        closed = format!("{last},");
        *last = &closed;
    }
    let authors = match initials_first(&words).or_else(|| initials_first(&with_comma)) {
        Some((people, at)) if at == words.len() => people,
        _ => vec![collaboration(&words)?],
    };
    let year = written.unwrap_or(from_number);
    Some(Entry {
        label: label.map(str::to_string),
        reference: arxiv_reference(authors, id, year, urls.to_vec()),
    })
}

/// A collaboration named by one or two words and `Collaboration` (`ATLAS
/// Collaboration,`), as one author.
fn collaboration(words: &[&str]) -> Option<Person> {
    let (last, name) = words.split_last()?;
    let named = (1..=2).contains(&name.len())
        && name
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with([',', '.']));
    (named
        && last
            .trim_end_matches([',', ':'])
            .eq_ignore_ascii_case("collaboration"))
    .then(|| Person {
        family: format!("{} Collaboration", name.join(" ")),
        given: String::new(),
    })
}

/// The arXiv archives whose old-style numbers (`hep-ph/0606054`) are
/// cited without `arXiv:` before them.
const ARCHIVES: &[&str] = &[
    "astro-ph", "cond-mat", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nucl-ex",
    "nucl-th", "quant-ph",
];

/// `text` with its arXiv numbers whole: the spaces a PDF converter leaves
/// inside one closed (`arXiv :1002 . 4459` → `arXiv:1002.4459`, `arXiv.org:
/// astro-ph /9612213`, `gr -qc/0612065`), and `arXiv:` put before an
/// old-style number cited bare (`F. Vissani, hep-ph/0606054;`).
pub(super) fn whole_arxiv_numbers(text: &str) -> std::borrow::Cow<'_, str> {
    // Most entries name no archive at all: they are left as they are.
    let named = ARCHIVES.iter().any(|a| {
        let head = a.split('-').next().unwrap_or(a);
        text.contains(a) || text.contains(&format!("{head} -"))
    });
    if !text.contains("arXiv") && !named {
        return std::borrow::Cow::Borrowed(text);
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        let first = words[i];
        i += 1;
        let head = first.split(['/', '-']).next().unwrap_or("");
        let starts_number = first.starts_with("arXiv")
            || ARCHIVES
                .iter()
                .any(|a| a.split('-').next() == Some(head) || first.starts_with(a));
        if !starts_number {
            out.push(first.to_string());
            continue;
        }
        // Join the next words while the join falls at a separator of the
        // number, within the length of one.
        let mut word = first.to_string();
        let mut taken = i;
        while let Some(next) = words.get(taken) {
            let sep = |c: char| matches!(c, ':' | '.' | '/' | '-');
            let mut after = next.chars();
            let joins = match (word.chars().last(), after.next()) {
                (_, Some(c)) if sep(c) => after.next().is_some_and(|d| d.is_ascii_alphanumeric()),
                (Some(':' | '/' | '-'), Some(c)) => c.is_ascii_alphanumeric(),
                (Some('.'), Some(c)) => {
                    c.is_ascii_digit()
                        && word[..word.len() - 1].ends_with(|d: char| d.is_ascii_digit())
                }
                _ => false,
            };
            // `1002 . 4459`: a separator on its own, then the rest.
            let lone = next.len() == 1
                && next.starts_with(sep)
                && words
                    .get(taken + 1)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_alphanumeric()));
            if lone && word.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                word.push_str(next);
                word.push_str(words[taken + 1]);
                taken += 2;
                continue;
            }
            if !joins || word.len() + next.len() > 40 {
                break;
            }
            word.push_str(next);
            taken += 1;
        }
        // Kept only when it made a number.
        if taken > i && !word.contains(|c: char| c.is_ascii_digit()) {
            out.push(first.to_string());
            continue;
        }
        i = taken;
        let old_style = ARCHIVES.iter().any(|a| {
            word.strip_prefix(a)
                .and_then(|r| r.strip_prefix('/'))
                .and_then(|n| n.as_bytes().get(..7))
                .is_some_and(|n| n.iter().all(u8::is_ascii_digit))
        });
        if old_style {
            word.insert_str(0, "arXiv:");
        }
        changed |= word != first;
        out.push(word);
    }
    if !changed {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(out.join(" "))
}

/// `text` without its arXiv numbers (`arXiv :1501.04794[ hep -ph]`,
/// `arXiv:hep-ph/0606023`), whose digits are no year or page, and the
/// addresses of their pages.
pub(super) fn without_arxiv(text: &str) -> Option<(String, Vec<String>)> {
    if !text.contains("arXiv") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut urls = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("arXiv") {
        out.push_str(&rest[..at]);
        let after = rest[at + 5..]
            .strip_prefix(".org")
            .unwrap_or(&rest[at + 5..]);
        let after = after.trim_start_matches([':', ' ']);
        let id = arxiv_id(after).trim_end_matches(['.', '-']);
        if arxiv_year(id).is_none() {
            out.push_str("arXiv");
            rest = &rest[at + 5..];
            continue;
        }
        urls.push(format!("{ARXIV_PAGE}{id}"));
        let mut tail = &after[id.len()..];
        // `[hep-ph]`, `[ hep -ph]`: the subject class.
        if let Some(bracketed) = tail.trim_start().strip_prefix('[') {
            if let Some(close) = bracketed.find(']').filter(|&k| k < 24) {
                tail = &bracketed[close + 1..];
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    Some((out, urls))
}

/// The number after `arXiv` (and its `.org`, colon or spaces): letters,
/// digits, `.`, `/` and `-` (`1209.2199`, `hep-ph/0606023`).
fn arxiv_id(after: &str) -> &str {
    let after = after.strip_prefix(".org").unwrap_or(after);
    let after = after.trim_start_matches([':', ' ']);
    let end = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-')))
        .unwrap_or(after.len());
    &after[..end]
}

/// The year of the arXiv page `url` (`https://arxiv.org/abs/1502.01719`).
pub(super) fn arxiv_url_year(url: &str) -> Option<i32> {
    arxiv_year(url.strip_prefix(ARXIV_PAGE)?)
}

/// The year of an arXiv number: `1209.2199` (2012), `hep-ph/0606023`
/// (2006), `astro-ph/9805201` (1998), with or without its version
/// (`1007.1605v2`).
fn arxiv_year(id: &str) -> Option<i32> {
    // `1007.1605v2`: the version.
    let id = match id.rsplit_once('v') {
        Some((number, version))
            if !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) =>
        {
            number
        }
        _ => id,
    };
    let digits = match id.split_once('/') {
        Some((archive, n))
            if archive
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '.') =>
        {
            n
        }
        Some(_) => return None,
        None => {
            let (yymm, n) = id.split_once('.')?;
            if yymm.len() != 4 || !(4..=5).contains(&n.len()) {
                return None;
            }
            yymm
        }
    };
    if digits.len() < 4 || !digits[..4].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = digits[..2].parse().ok()?;
    let month: i32 = digits[2..4].parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    Some(if yy >= 91 { 1900 + yy } else { 2000 + yy })
}

#[cfg(test)]
#[path = "entry_preprint_tests.rs"]
mod tests;
