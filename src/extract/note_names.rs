//! The authors of a note in the note styles (see `note_forms`): given
//! names first, people joined by `,`, `and` or `&`, the list closed by a
//! comma before the title (`Helen Okafor and David Marsh,`, `K. HALDEN,`,
//! `J. VAN DER BERG & L. KOOPMAN,`, `Chen Weiming,`, `Mwangi, Grace,`).

use super::name_forms::chinese_family_first;
use super::names::Person;

/// The people at the start of `t` and the offset of what follows the
/// comma that closes their list, or `None` when `t` does not open with
/// names in a note style.
pub(super) fn given_first(t: &str) -> Option<(Vec<Person>, usize)> {
    if let Some(found) = capitals_before_title(t) {
        return Some(found);
    }
    // After the names, a title; a volume there (`381 J. Hydrology`) shows
    // that the title was read as names.
    let listed = names_list(t).filter(|(people, at)| {
        people.len() == 1
            || !t[*at..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
    });
    listed.or_else(|| {
        // `Aaron T. Wolf, Conflict and Cooperation Along …`: a title with
        // `and` in it read on as more names; the first person alone, when
        // given names come before the family name.
        // Only before a journal's volume and page (`, 1 Water Pol'y 251`),
        // which ends such a title at a comma for sure.
        let comma = t.find(',')?;
        let rest = t[comma + 1..].trim_start();
        let article = rest
            .match_indices(", ")
            .any(|(k, _)| super::note_cases::reporter_cite(&rest[k + 2..]).is_some());
        if !article || t[..comma].split_whitespace().count() < 2 {
            return None;
        }
        let (people, _) = names_list(&t[..=comma])?;
        let given = people.first().is_some_and(|p| !p.given.is_empty());
        (people.len() == 1 && given).then(|| (people, t.len() - rest.len()))
    })
}

/// `STEPHEN MCCAFFREY, THE LAW OF …`: a book in the Bluebook's large and
/// small capitals, as a PDF's text gives it: two or three words in
/// capitals, no initials, then a title in capitals. The last word is the
/// family name.
fn capitals_before_title(t: &str) -> Option<(Vec<Person>, usize)> {
    let comma = t.find(", ")?;
    let words: Vec<&str> = t[..comma].split_whitespace().collect();
    let name = (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| caps(w).is_some() && !initial(w) && w.chars().count() >= 3);
    let rest = &t[comma + 2..];
    let title = rest
        .split_whitespace()
        .take(2)
        .filter(|w| caps(w).is_some() && !initial(w))
        .count()
        == 2;
    if !name || !title || words.iter().any(|w| is_stop(w)) {
        return None;
    }
    let (given, family) = words.split_at(words.len() - 1);
    let person = Person {
        family: caps(family[0])?,
        given: given
            .iter()
            .filter_map(|w| caps(w))
            .collect::<Vec<_>>()
            .join(" "),
    };
    Some((vec![person], comma + 2))
}

/// The names a note opens with, as a list (see [`given_first`]).
fn names_list(t: &str) -> Option<(Vec<Person>, usize)> {
    let words: Vec<(usize, &str)> = super::note_forms::word_spans(t).take(40).collect();
    let mut people: Vec<Person> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut k = 0;
    // `and` or `&` came before the last name: the list ends with it.
    let mut joined = false;
    while k < words.len() {
        let (at, w) = words[k];
        let (bare, comma) = match w.strip_suffix(',') {
            Some(b) => (b, true),
            None => (w, false),
        };
        k += 1;
        if matches!(bare, "and" | "&") {
            joined = true;
            if !cur.is_empty() {
                people.push(person(&cur)?);
                cur.clear();
            } else if people.is_empty() {
                return None;
            }
            continue;
        }
        if bare == "et" && words.get(k).is_some_and(|(_, w)| w.starts_with("al.")) {
            if !cur.is_empty() {
                people.push(person(&cur)?);
            }
            let (at, w) = words[k];
            return (!people.is_empty() && w.ends_with(',')).then(|| (people, at + w.len() + 1));
        }
        let opening = cur.is_empty() && people.is_empty();
        // `JAEGER/METZGER,`: family names in capitals joined by slashes.
        if opening && comma && bare.contains('/') {
            let pieces: Option<Vec<String>> = bare.split('/').map(caps).collect();
            let people: Vec<Person> = pieces?
                .into_iter()
                .map(|family| Person {
                    family,
                    given: String::new(),
                })
                .collect();
            return Some((people, (at + w.len() + 1).min(t.len())));
        }
        if !name_word(bare) || cur.len() >= 6 || (cur.is_empty() && is_stop(bare)) {
            return None;
        }
        cur.push(bare);
        if !comma {
            continue;
        }
        let end = at + w.len() + 1;
        // `Ribas Alejandro, J:`, `Ortega Díaz, JM,`: (compound) family
        // names, then initials in capitals ended by a comma or a colon.
        if people.is_empty() && cur.len() <= 3 && caps(bare).is_none() {
            if let Some(&(i, next)) = words.get(k) {
                let initials = next.trim_end_matches([',', ':']);
                let letters = initials.chars().filter(|c| c.is_alphabetic()).count();
                let closed = next.len() > initials.len();
                if closed
                    && (1..=3).contains(&letters)
                    && initials
                        .chars()
                        .all(|c| c.is_uppercase() || c == '.' || c == '-')
                {
                    let person = Person {
                        family: cur.join(" "),
                        given: initials.to_string(),
                    };
                    return Some((vec![person], (i + next.len() + 1).min(t.len())));
                }
            }
        }
        // `Mwangi, Grace,`: one person, family name first.
        if opening && cur.len() == 1 && caps(bare).is_none() {
            let (given, next) = run(&words[k..])?;
            k += next;
            people.push(Person {
                family: bare.to_string(),
                given: given.join(" "),
            });
            cur.clear();
            let (at, w) = words[k - 1];
            if !more_people(&words[k..]) {
                return Some((people, at + w.len() + 1));
            }
            continue;
        }
        // `WERNER, in: …`: a commentary's author, one word in capitals;
        // `WERNER, Title, …`: an author in capitals before a title.
        let next_caps = words.get(k).is_some_and(|(_, w)| caps(w).is_some());
        let in_next = words.get(k).is_some_and(|(_, w)| w.starts_with("in"));
        let lone_caps = caps(bare).is_some() && bare.chars().count() >= 3 && !next_caps;
        if opening && cur.len() == 1 && (in_next || lone_caps) {
            people.push(Person {
                family: title_case(bare),
                given: String::new(),
            });
            return Some((people, end.min(t.len())));
        }
        people.push(person(&cur)?);
        cur.clear();
        // `Alan Gray, ed., *Essays*`: the editor's label.
        if words
            .get(k)
            .is_some_and(|(_, w)| matches!(*w, "ed.," | "eds.," | "ed.:" | "eds.:"))
        {
            let (at, w) = words[k];
            return Some((people, (at + w.len() + 1).min(t.len())));
        }
        if joined || !more_people(&words[k..]) {
            return Some((people, end.min(t.len())));
        }
    }
    None
}

/// Name words up to and with one ending in a comma: the given names of a
/// family-first note author, and how many words they took.
fn run<'a>(words: &[(usize, &'a str)]) -> Option<(Vec<&'a str>, usize)> {
    let mut out = Vec::new();
    for (i, (_, w)) in words.iter().enumerate().take(4) {
        let bare = w.trim_end_matches(',');
        if !name_word(bare) {
            return None;
        }
        out.push(bare);
        if w.ends_with(',') {
            return Some((out, i + 1));
        }
    }
    None
}

/// Whether another person follows a comma: `and`/`&`, or name words that
/// end in a comma or before `and`/`&`.
fn more_people(words: &[(usize, &str)]) -> bool {
    let mut n = 0;
    for (_, w) in words.iter().take(7) {
        let bare = w.trim_end_matches(',');
        if matches!(bare, "and" | "&") {
            return true;
        }
        if !name_word(bare) || (n == 0 && is_stop(bare)) {
            return false;
        }
        n += 1;
        if w.ends_with(',') {
            return n >= 2;
        }
    }
    false
}

/// Words that begin a sentence or a title, not a name.
/// A word of [`STOP`], also in capitals (`THE LAW OF …`, a book's title
/// in the Bluebook's large and small capitals as a PDF's text gives it).
fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || caps(w).is_some_and(|t| STOP.contains(&t.as_str()))
}

const STOP: &[&str] = &[
    "A",
    "According",
    "An",
    "Art.",
    "Article",
    "As",
    "At",
    "But",
    "By",
    "Case",
    "Cf.",
    "Code",
    "Compare",
    "Directive",
    "For",
    "From",
    "If",
    "In",
    "It",
    "Law",
    "Of",
    "On",
    "Regulation",
    "Section",
    "See",
    "Supreme",
    "That",
    "The",
    "These",
    "This",
    "To",
    "Under",
    "With",
];

const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "ibn",
    "la", "le", "st.", "ten", "ter", "van", "von", "y", "zu",
];

/// A word that can stand in a name: a capitalised word, a word in
/// capitals, an initial (`K.`, `J.-P.`, `A.B.`), a particle (`van`, `al-`).
fn name_word(w: &str) -> bool {
    if initial(w) || PARTICLES.contains(&w) || w.starts_with("al-") {
        return true;
    }
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || "'’-".contains(c))
}

fn initial(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= 8
        && w.ends_with('.')
        && w.split(['.', '-'])
            .filter(|p| !p.is_empty())
            .all(super::entry_names::initial_letters)
}

/// A word written in capitals (`HALDEN`), in title case.
fn caps(w: &str) -> Option<String> {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && !w.chars().any(char::is_lowercase)).then(|| title_case(w))
}

fn title_case(w: &str) -> String {
    let lower = w.to_lowercase();
    if PARTICLES.contains(&lower.as_str()) {
        return lower;
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = "-'’".contains(c);
    }
    out
}

/// One person from the words of a given-first name.
fn person(words: &[&str]) -> Option<Person> {
    // `World Health Assembly`: an organisation, named whole.
    if words.len() >= 2
        && words
            .iter()
            .any(|w| super::fields::ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return Some(Person {
            family: words.join(" "),
            given: String::new(),
        });
    }
    if words.len() < 2 || initial(words[words.len() - 1]) || PARTICLES.contains(&words[0]) {
        return None;
    }
    // `Hague Seeds Convention`: an instrument, not a person.
    if words
        .iter()
        .any(|w| super::note_laws::LAW_WORDS.contains(w))
    {
        return None;
    }
    // The family name: from the first word in capitals (`C. FERREIRA DE
    // ALMEIDA`), else from the first particle (`Ludwig van Beethoven`),
    // else the last word; a Chinese name keeps its family name first.
    let split = words
        .iter()
        .position(|w| caps(w).is_some() && !initial(w))
        .map(|i| {
            if i > 1 && PARTICLES.contains(&words[i - 1].to_lowercase().as_str()) {
                i - 1
            } else {
                i
            }
        })
        .or_else(|| {
            words
                .iter()
                .skip(1)
                .position(|w| PARTICLES.contains(w) || w.starts_with("al-"))
                .map(|i| i + 1)
        })
        .unwrap_or(words.len() - 1);
    if split == 0 {
        return None;
    }
    if words.len() == 2 && chinese_family_first(words[0], words[1]) {
        return Some(Person {
            family: words[0].to_string(),
            given: words[1].to_string(),
        });
    }
    // Three given names in full (`Port Strike Delays Grain`) are a
    // headline's words, not a person's.
    let full_given = words[..split]
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase) && !initial(w) && w.chars().count() > 2)
        .count();
    if full_given > 2 {
        return None;
    }
    let family: Vec<String> = words[split..]
        .iter()
        .map(|w| caps(w).unwrap_or_else(|| w.to_string()))
        .collect();
    Some(Person {
        family: family.join(" "),
        given: words[..split].join(" "),
    })
}
