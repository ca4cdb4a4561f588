//! More places where an entry's author list ends (see `entries`), tried
//! when the full stop that ends the names cannot be told from an
//! initial's:
//!
//! - after an initial followed by a word that starts no further name
//!   (`Brenner, H. & Martin-Facklam, M. Information deficits…`, Nature and
//!   ACS styles);
//! - at a colon (`Daugherty CK, Hlubocky FJ: What are…`, `Lipiński J.:
//!   Spółki…`, `Wolfgang Jantzen, Jan Steffens: Inklusion…`);
//! - at the comma after the last `Family, Initials` pair or after an
//!   inverted first name (`Soriano, P., Generalized lacZ…`, `Gibson, R. L.,
//!   Reimold, W. U., Petrographic…`, `RIOUT, Denys, Les Écrivains…`).

use super::entry_names::{is_initials, names_in};
use super::names::Person;

/// The longest reach of an author list.
const MAX_NAMES: usize = 600;

/// Authors up to the full stop of an initial that no name follows.
pub fn initials_end(text: &str) -> Option<(Vec<Person>, &str)> {
    let mut from = 0;
    while let Some(k) = text[from..].find(". ") {
        let at = from + k;
        if at > MAX_NAMES {
            return None;
        }
        from = at + 2;
        let word = text[..at].rsplit([' ', ',', '.']).next().unwrap_or("");
        if !(word.chars().count() == 1 && word.starts_with(char::is_uppercase)) {
            continue;
        }
        // `A. Roe and B. Lund, …`, `S.N. Roe and …`: the list's first
        // initials open it; they do not end it (`U.S. National Library …`
        // is another matter).
        let opening = text[..=at].trim();
        if opening.chars().count() == 1 || opening != "U.S." && is_initials(opening) {
            continue;
        }
        let next: Vec<&str> = text[at + 2..].split_whitespace().take(3).collect();
        // Another name follows: `Haefeli, W. E.`, `& Roe`, `and J. Smith`.
        // (`A sensitive…`: an article, not an initial.)
        let article = next.first().is_some_and(|w| w.chars().count() == 1)
            && next
                .get(1)
                .is_some_and(|w| w.starts_with(char::is_lowercase));
        let name_follows = !article
            && (next.first().is_some_and(|w| {
                matches!(*w, "&" | "and" | "et")
                    || is_initials(w)
                    || w.ends_with(',') && w.starts_with(char::is_uppercase)
            }) || next.get(1).is_some_and(|w| w.ends_with(','))
                // `Andreae M. O., Pöschl U.`: a name with its initials.
                || next.first().is_some_and(|w| w.starts_with(char::is_uppercase))
                    && next.get(1).is_some_and(|w| is_initials(w.trim_end_matches(',')))
                    && next.iter().take(3).any(|w| w.ends_with(',')));
        if name_follows {
            continue;
        }
        let people = names_in(&text[..at + 1])?;
        return Some((people, text[at + 2..].trim_start()));
    }
    None
}

/// Authors up to a colon.
pub fn colon_end(text: &str) -> Option<(Vec<Person>, &str)> {
    let k = text.find(": ")?;
    let names = &text[..k];
    if k > MAX_NAMES || names.contains(['"', '“', '(']) {
        return None;
    }
    // `Water Wars: A History` reads as a name too: a list needs a comma
    // or an initial.
    if !names.contains(',') && !names.split_whitespace().any(initials_or_caps) {
        return None;
    }
    let people = names_in(names)?;
    // A corporate "author" of many words is a title with a subtitle.
    if people.len() == 1 && people[0].given.is_empty() {
        return None;
    }
    Some((people, text[k + 2..].trim_start()))
}

/// Authors up to the comma after the last `Family, Initials` pair (or an
/// inverted first name), when a title-like phrase follows.
pub fn comma_end(text: &str) -> Option<(Vec<Person>, &str)> {
    let flat = text.replace("; ", ", ");
    let cuts: Vec<usize> = flat
        .match_indices(", ")
        .map(|(k, _)| k)
        .take_while(|&k| k <= MAX_NAMES)
        .collect();
    let segment = |i: usize| -> &str {
        let start = cuts[i] + 2;
        let end = cuts.get(i + 1).copied().unwrap_or(flat.len());
        flat[start..end].trim()
    };
    for i in 0..cuts.len() {
        let next = segment(i);
        let bare = next
            .strip_suffix(" et al.")
            .or_else(|| next.strip_suffix(" et al"))
            .unwrap_or(next);
        if is_initials(bare) || next.is_empty() || matches!(next, "et al." | "et al") {
            continue;
        }
        let family = next
            .strip_prefix("and ")
            .or_else(|| next.strip_prefix("& "))
            .unwrap_or(next);
        // One family name, perhaps after particles (`Van Alboom`, `de
        // Resende`).
        let words: Vec<&str> = family.split_whitespace().collect();
        let single = words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words[..words.len().saturating_sub(1)]
                .iter()
                .all(|w| super::entry_names::is_particle(&w.to_lowercase()));
        // The next family, its initials after it (`and Mitchell, J. C.`).
        let initials_next = i + 1 < cuts.len() && is_initials(segment(i + 1));
        if single && initials_next {
            continue;
        }
        // A name in reading order (`D. Purves`, `and J.W. Lichtman`,
        // `Ben AW DE JONG`) with more after it.
        if i + 1 < cuts.len() && reads_as_name(next) {
            continue;
        }
        let mut end = cuts[i];
        // `RIOUT, Denys, Les Écrivains`: the first author's given name.
        let first = &flat[..cuts[0]];
        if i == 0 && single && !first.contains(' ') && i + 1 < cuts.len() {
            end = cuts[1];
        }
        // Where the whole run does not read as names, the longest run
        // before it that does.
        let (people, end) = std::iter::once(end)
            .chain(cuts[..i].iter().rev().copied())
            .find_map(|e| Some((names_in(&flat[..e])?, e)))?;
        if people.iter().all(|p| p.given.is_empty()) {
            return None;
        }
        // The same offset in the text (only "; " became ", ").
        return Some((people, text[end + 2..].trim_start()));
    }
    None
}

/// `Warren`: one capitalised word.
fn is_family_word(s: &str) -> bool {
    !s.contains(' ')
        && s.starts_with(char::is_uppercase)
        && s.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// A capitalised abbreviation: `J.`, `Appl.`, `Soc.`, `Am.`.
pub(super) fn is_abbreviation(word: &str) -> bool {
    let core = word.trim_end_matches('.');
    word.ends_with('.')
        && core.starts_with(char::is_uppercase)
        && (1..=7).contains(&core.chars().count())
        && core.chars().all(char::is_alphabetic)
}

/// Whether `text` is a journal's short name and its numbers alone, as
/// astronomy's author–date entries give them (`ApJ, 475, 163`, `A&A, 410,
/// 777`, `MNRAS, 316, 326.`): no title.
pub fn journal_and_numbers(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    let mut parts = text.split(", ");
    let name = parts.next().unwrap_or("");
    let numbers: Vec<&str> = parts.collect();
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && name.starts_with(char::is_uppercase)
        && name.chars().all(|c| c.is_alphabetic() || matches!(c, '&' | '.' | ' '))
        && (1..=2).contains(&numbers.len())
        && numbers.iter().all(|n| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
        })
        // `Cambridge University Press, 1999`: a publisher and its year.
        && !(numbers.len() == 1 && numbers[0].parse().is_ok_and(|y: u32| (1500..2100).contains(&y)))
}

/// Whether `text` starts with an abbreviated journal name followed by a
/// number (`J. Am. Chem. Soc. 2007, 129`, `Appl. Phys. Lett. 77`).
pub fn abbreviated_journal(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    // `Nano Lett.`: a word or two may stand before the abbreviations.
    let plain = |w: &&&str| {
        !w.ends_with('.') && w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    let lead = words.iter().take(2).take_while(plain).count();
    let run = lead
        + words[lead..]
            .iter()
            .take_while(|w| is_abbreviation(w) || **w == "&")
            .count();
    let abbreviations = words[lead..run]
        .iter()
        .filter(|w| is_abbreviation(w))
        .count();
    // After plain words, a short abbreviation only (`Nano Lett.`, not
    // `The Short Lesson.`).
    let short = words[lead..run]
        .iter()
        .all(|w| w.trim_end_matches('.').chars().count() <= 4);
    abbreviations >= 1
        && (lead > 0 && short && words[0] != "The" || abbreviations >= 2)
        && words
            .get(run)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        // `J. R. Smith` would be initials: a journal's words are not all one letter.
        && words[lead..run].iter().any(|w| w.trim_end_matches('.').chars().count() > 1)
}

/// The full stops inside abbreviated names (`J. Acoust. Soc. Am.`,
/// `Appl. Phys. Lett.`) no longer end a field: the space after them
/// becomes a no-break space, put back by [`tidy_fields`].
pub fn join_abbreviations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let words: Vec<&str> = text.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        if i + 1 < words.len() {
            let next = words[i + 1];
            // Within a run of abbreviations (`Report. Register` is two
            // fields): the next word one too, or this one a letter or two.
            // (`IEEE Trans. Water Eng.`: a short one inside a name, an
            // abbreviation or acronym before it.)
            let inside = i > 0 && {
                let before = words[i - 1];
                is_abbreviation(before)
                    || before.len() >= 2 && before.chars().all(|c| c.is_ascii_uppercase())
            };
            let letters = w.trim_end_matches('.').chars().count();
            let joins = is_abbreviation(w)
                && (is_abbreviation(next.trim_end_matches(','))
                    || (letters <= 2 || inside && letters <= 5)
                        && next.starts_with(char::is_uppercase));
            out.push(if joins { '\u{a0}' } else { ' ' });
        }
    }
    out
}

/// The fields after [`join_abbreviations`]: spaces back, and a year the
/// container took along (`Drug Information Journal 2007`) taken off.
pub fn tidy_fields(r: &mut super::citations::Reference) {
    for v in [&mut r.container, &mut r.publisher, &mut r.title]
        .into_iter()
        .flatten()
    {
        *v = v.replace('\u{a0}', " ");
    }
    // `*†`: marks, not a journal.
    if r.container
        .as_deref()
        .is_some_and(|c| !c.chars().any(char::is_alphanumeric))
    {
        r.container = None;
    }
    if let Some(c) = &mut r.container {
        // `Trends in Ecology 16: 491-497`, `J Neurosurg 2001; 95: 233-41`:
        // the numbers after the name are volume and pages.
        if let Some((name, tail)) = numeric_tail(c) {
            let numbers: Vec<&str> = tail
                .split(|ch: char| !(ch.is_ascii_digit() || ch == '-' || ch == '–'))
                .filter(|n| !n.is_empty() && n.starts_with(|ch: char| ch.is_ascii_digit()))
                .collect();
            for n in &numbers {
                if n.len() == 4 && r.year.is_none() {
                    r.year = n.parse().ok();
                }
            }
            let rest: Vec<&&str> = numbers
                .iter()
                .filter(|n| !(n.len() == 4 && n.parse().ok() == r.year))
                .collect();
            if r.volume.is_none() {
                r.volume = rest
                    .first()
                    .filter(|n| !n.contains(['-', '–']))
                    .map(|n| n.to_string());
            }
            if r.pages.is_none() {
                r.pages = rest
                    .iter()
                    .find(|n| n.contains(['-', '–']))
                    .map(|n| n.to_string());
            }
            *c = name;
        }
        let trimmed = c.trim_end_matches(',').trim_end();
        if let Some((name, year)) = trimmed.rsplit_once(' ') {
            if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty() {
                let y: i32 = year.parse().unwrap_or(0);
                if r.year.is_none_or(|ry| ry == y) {
                    r.year = Some(y);
                    *c = name.trim_end_matches(',').to_string();
                }
            }
        }
    }
}

/// A container name followed by numbers only (`16: 491-497`, `2001; 95:
/// 233-41`, `1 pp. 35-50 (1984)`): (the name, the numbers).
fn numeric_tail(c: &str) -> Option<(String, &str)> {
    let words: Vec<(usize, &str)> = c
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let numeric = |w: &str| {
        let w = w.trim_matches(|ch: char| "(),;:.".contains(ch));
        w.is_empty()
            || matches!(w, "pp" | "p" | "vol" | "no")
            || w.starts_with(|ch: char| ch.is_ascii_digit())
                && w.chars()
                    .all(|ch| ch.is_ascii_digit() || "-–()".contains(ch))
    };
    let first = words
        .iter()
        .rposition(|(_, w)| !numeric(w))
        .map_or(0, |k| k + 1);
    let (at, w) = *words.get(first)?;
    if first == 0
        || !w
            .trim_start_matches('(')
            .starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let name = c[..at]
        .trim_end()
        .trim_end_matches([',', ';', ':'])
        .to_string();
    Some((name, &c[at..]))
}

/// `D. Purves`, `and J.W. Lichtman`, `& K. Moser`, `Ben AW DE JONG`: a
/// name with an initial, in reading order.
fn reads_as_name(segment: &str) -> bool {
    let s = segment
        .strip_prefix("and ")
        .or_else(|| segment.strip_prefix("& "))
        .unwrap_or(segment);
    // `K. and M. Kano`: the last initials, then the next name.
    if let Some((left, right)) = s.split_once(" and ").or_else(|| s.split_once(" & ")) {
        return is_initials(left) && (reads_as_name(right) || is_family_word(right));
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    // `Andreae M. O.`: a family name, then its initials.
    if words.len() >= 2
        && !is_initials(words[0])
        && words[0].starts_with(char::is_uppercase)
        && words[1..].iter().all(|w| is_initials(w))
    {
        return true;
    }
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || super::entry_names::is_particle(w))
        && words[..words.len() - 1].iter().any(|w| initials_or_caps(w))
        && !is_initials(words[words.len() - 1])
}

/// Initials as any style writes them: `J.`, `J.-P.`, or Vancouver's `KL`,
/// `AW`.
fn initials_or_caps(w: &str) -> bool {
    is_initials(w) || w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
#[path = "entry_forms_tests.rs"]
mod tests;
