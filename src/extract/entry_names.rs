//! Rule 6 of reference-list entries (see `entries`): the names of an
//! author list in the forms styles write them — `Family, I.` pairs
//! (APA), names in reading order (`Anna Berg and Karl Moser`, IEEE),
//! Vancouver (`Berg A, Moser KL`), an inverted first name (MLA, Chicago),
//! particles (`van den Berg`), and organisations.

use super::entry_list_spelling::{join_name_hyphens, other_conjunctions};
use super::names::Person;

/// Rule 6: the people of an author list, or `None` when it is not one.
pub fn names_in(list: &str) -> Option<Vec<Person>> {
    let list = list.trim().trim_end_matches([',', ' ']);
    // A final full stop ends the list, unless it is an initial's.
    let last = list.rsplit([' ', ',', '.']).nth(1).unwrap_or("");
    let list = if list.ends_with('.')
        && !(last.chars().count() == 1 && last.starts_with(char::is_uppercase))
    {
        &list[..list.len() - 1]
    } else {
        list
    };
    let list = list
        .strip_suffix("et al")
        .or_else(|| list.strip_suffix("et al."))
        .unwrap_or(list)
        .trim_end_matches([',', ' ']);
    if list.is_empty() || list.len() > 600 {
        return None;
    }
    // A PDF's line-break hyphen: `Mur- phy` → `Murphy`, `Martin- Facklam`
    // → `Martin-Facklam`.
    let joined = join_name_hyphens(list);
    let normalised = joined
        // Doubled commas (`Surcel HM,, Ilonen J`) and no space after one
        // (`Batra, Rishtee K.,Chandran, S.`).
        .replace(",,", ",")
        .replace(".,", "., ")
        .replace(",  ", ", ")
        .replace("; ", ", ")
        .replace(", and ", ", ")
        .replace(", & ", ", ")
        .replace(" & ", ", ")
        .replace(" and ", ", ")
        // French and Latin, German.
        .replace(" et ", ", ")
        .replace(" und ", ", ");
    let normalised = other_conjunctions(&normalised);
    let parts: Vec<&str> = normalised
        .split(", ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    people(&joined, &parts).or_else(|| corporate(list))
}

fn people(joined: &str, parts: &[&str]) -> Option<Vec<Person>> {
    if let Some(found) = inverted_pairs(joined, parts).or_else(|| initials_first_chain(parts)) {
        return Some(found);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let part = parts[i];
        let next = parts.get(i + 1).copied();
        if is_family(part) && next.is_some_and(is_initials) {
            out.push(Person {
                family: part.to_string(),
                given: next.unwrap_or_default().to_string(),
            });
            i += 2;
        } else if i == 0
            && !part.contains(' ')
            && is_family(part)
            && next.is_some_and(is_given)
            && parts.get(2).is_none_or(|p| direct(p).is_some())
        {
            // `Keller, Jonas, and Anna Berg`: the first name inverted.
            out.push(Person {
                family: part.to_string(),
                given: next.unwrap_or_default().to_string(),
            });
            i += 2;
        } else if matches!(part, "Jr." | "Jr" | "Sr." | "II" | "III") {
            i += 1;
        } else {
            out.push(direct(part)?);
            i += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A name's suffix, written after it (`Hershey, Robert, Jr.`) or after
/// the family name (`Blyth Jr., C.`), in capitals too (`ELLIS, JR.`).
pub(super) fn is_suffix(w: &str) -> bool {
    matches!(
        w,
        "Jr." | "Jr" | "Sr." | "Sr" | "JR." | "JR" | "SR." | "SR" | "II" | "III" | "IV"
    )
}

/// Every name inverted, with full given names: `Butterworth, George, &
/// Jarrett, Nicholas`, `Reynolds, Isabel and Nobuhiro, Emi`, `Hershey,
/// Robert, Jr.`. Pairs of a family name (one word, particles allowed
/// before it) and given names or initials, suffixes allowed between them.
/// Evidence that pairs are meant, as a title run on after the names
/// (`Dix, G., Jew and Greek`, `Ayer, A. J. Language, Truth, and Logic`)
/// has none: every pair's given part is initials, or every one is full
/// names; and the conjunction (`&`, `and`, `;`) stands before the last
/// pair's family name, not inside the pair.
fn inverted_pairs(joined: &str, parts: &[&str]) -> Option<Vec<Person>> {
    let mut out: Vec<Person> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let family = strip_suffix_word(parts[i]);
        let given = parts.get(i + 1).copied()?;
        let family_words = family
            .split_whitespace()
            .filter(|w| !is_particle(w))
            .count();
        let initials = is_initials(given);
        if !is_family(family)
            || family_words != 1
            || !(initials || is_given(given))
            || out
                .first()
                .is_some_and(|first| is_initials(&first.given) != initials)
        {
            return None;
        }
        out.push(Person {
            family: family.to_string(),
            given: given.to_string(),
        });
        i += 2;
        while parts.get(i).is_some_and(|p| is_suffix(p)) {
            i += 1;
        }
    }
    if out.len() >= 2 {
        let last = &out[out.len() - 1].family;
        let before = joined[..joined.rfind(last.as_str())?].trim_end();
        let joined_up = before.ends_with('&')
            || before.ends_with(" and")
            || before.ends_with(';')
            || before.ends_with(".,");
        if !joined_up {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `Blyth Jr.` → `Blyth`.
fn strip_suffix_word(part: &str) -> &str {
    match part.rsplit_once(' ') {
        Some((head, last)) if is_suffix(last) => head,
        _ => part,
    }
}

/// A list with no comma between names, each `Family, I.` run into the
/// next: `Keri, S. Kiss, I. Kelemen, O.` — parts `Keri`, `S. Kiss`, `I.
/// Kelemen`, `O.`.
fn initials_first_chain(parts: &[&str]) -> Option<Vec<Person>> {
    let last = *parts.last()?;
    // The list's own full stop may have been taken off the last initials.
    let last_initials = is_initials(last)
        || (1..=3).contains(&last.chars().count()) && last.chars().all(char::is_uppercase);
    if parts.len() < 3 || !is_family(parts[0]) || !last_initials {
        return None;
    }
    let mut out = Vec::new();
    let mut family = parts[0].to_string();
    for part in &parts[1..parts.len() - 1] {
        let (initials, next) = part.rsplit_once(' ')?;
        if !is_initials(initials) || !is_family(next) {
            return None;
        }
        out.push(Person {
            family: std::mem::replace(&mut family, next.to_string()),
            given: initials.to_string(),
        });
    }
    out.push(Person {
        family,
        given: parts[parts.len() - 1].to_string(),
    });
    Some(out)
}

/// `Anna Berg`, `P. Ivanova`, `Rianne van den Berg`, `Berg KL`.
fn direct(part: &str) -> Option<Person> {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() < 2
        || words.len() > 5
        || !words.iter().all(|w| is_name_word(w) || is_particle(w))
        // `Sutton.` ends a sentence; only an initial ends in a full stop.
        || words.iter().any(|w| w.ends_with('.') && !is_initials(w))
        || words
            .iter()
            .any(|w| ORGANISATION.contains(&w.trim_end_matches('.')))
            // `Bureau Y`: a family name and initials, as Vancouver writes
            // them, is a person's whatever the family name.
            && !(words.len() == 2 && vancouver_initials(words[1]))
    {
        return None;
    }
    let last = words[words.len() - 1];
    // Vancouver: `Berg KL`, `Berg K L`, `Park J-G`.
    if vancouver_initials(last) {
        let run = words
            .iter()
            .rev()
            .take_while(|w| vancouver_initials(w))
            .count()
            .min(words.len() - 1);
        let family = words[..words.len() - run].join(" ");
        return is_family(&family).then(|| Person {
            family,
            given: words[words.len() - run..].join(" "),
        });
    }
    // `Lipiński J.`, `Harrison R.M.`, `Andreae M. O.`: the family, then
    // initials.
    if is_initials(last) && words.len() >= 2 {
        let run = words.iter().rev().take_while(|w| is_initials(w)).count();
        let family = words[..words.len() - run].join(" ");
        if family.is_empty() {
            return None;
        }
        let last = words[words.len() - run..].join(" ");
        return is_family(&family).then(|| Person {
            family,
            given: last.to_string(),
        });
    }
    if last.ends_with('.') || is_particle(last) {
        return None;
    }
    let mut k = words.len() - 1;
    while k > 1 && is_particle(words[k - 1]) {
        k -= 1;
    }
    Some(Person {
        family: words[k..].join(" "),
        given: words[..k].join(" "),
    })
}

/// `KL`, `J-G`: Vancouver's initials, capitals with no stops.
fn vancouver_initials(w: &str) -> bool {
    let capitals = w.chars().filter(|c| c.is_ascii_uppercase()).count();
    (1..=3).contains(&capitals)
        && w.len() <= 4
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '-')
        && !w.contains("--")
}

/// A family name: one to three capitalised words (particles allowed before).
fn is_family(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| is_name_word(w) && !w.ends_with('.') && w.chars().count() > 1)
        && words
            .iter()
            .all(|w| (is_name_word(w) && !w.ends_with('.')) || is_particle(w))
}

/// Initials of two letters, as Russian, Hungarian and other names are
/// transliterated (`Yu.`, `Zh.`, `Gy.`).
const PAIRS: &[&str] = &[
    "Ch", "Cs", "Gy", "Kh", "Sh", "Sz", "Th", "Ts", "Ya", "Yo", "Yu", "Zh",
];

/// One initial's letters: a capital, or a transliterated pair (`Yu` in
/// `D.Yu.`, `Ch` in `A.Ch.`).
pub(super) fn initial_letters(s: &str) -> bool {
    s.chars().count() == 1 && s.starts_with(char::is_uppercase) || PAIRS.contains(&s)
}

/// `S`, `S.`, `S. M. A.`, `J.-P.`, `D.Yu.`, `SC.` (a run of capitals with a full
/// stop), `J.P` (its last stop left off). A bare run (`SC`) is left to
/// the Vancouver rules.
pub(super) fn is_initials(part: &str) -> bool {
    let compact: String = part.chars().filter(|c| !c.is_whitespace()).collect();
    let capitals = |s: &str| s.chars().all(char::is_uppercase);
    let dotted = compact.ends_with('.')
        && compact
            .split(['.', '-'])
            .all(|s| s.is_empty() || initial_letters(s));
    let count = compact.chars().count();
    let run = capitals(&compact) && count == 1;
    let run_with_stop = compact
        .strip_suffix('.')
        .is_some_and(|r| (2..=3).contains(&r.chars().count()) && capitals(r));
    let unfinished = !compact.ends_with('.')
        && compact.contains('.')
        && compact
            .split('.')
            .all(|s| s.chars().count() == 1 && s.starts_with(char::is_uppercase));
    !compact.is_empty() && compact.len() <= 12 && (dotted || run || run_with_stop || unfinished)
}

/// Given names: capitalised words and initials (`Jonas`, `Daniel R.`).
fn is_given(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=3).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
}

pub(super) fn is_name_word(w: &str) -> bool {
    let core = w.trim_end_matches('.');
    core.starts_with(char::is_uppercase)
        && core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Words that make a name an organisation's.
const ORGANISATION: &[&str] = &[
    "Agency",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Commission",
    "Committee",
    "Company",
    "Corporation",
    "Council",
    "Department",
    "Foundation",
    "Fund",
    "Group",
    "Inc",
    "Institute",
    "Ltd",
    "Ministry",
    "Nations",
    "Office",
    "Organisation",
    "Organization",
    "Register",
    "Service",
    "Society",
    "Survey",
    "Union",
    "University",
];

pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "van"
            | "von"
            | "der"
            | "den"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "el"
            | "ter"
    )
}

/// A short name that is not a person's: an organisation.
fn corporate(list: &str) -> Option<Vec<Person>> {
    let words: Vec<&str> = list.split_whitespace().collect();
    // Not a sentence run on (`Harris. Distributional Structure. WORD`),
    // nor numbers.
    let ok = (1..=8).contains(&words.len())
        && list.starts_with(char::is_uppercase)
        && !list.contains(['"', '“', '*', '{', ':'])
        && !list.contains(". ")
        && !list.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            * 2
            > words.len();
    ok.then(|| {
        vec![Person {
            family: list.to_string(),
            given: String::new(),
        }]
    })
}
