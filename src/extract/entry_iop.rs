//! The author–year form of physics journals (the Institute of Physics'
//! and others'): names, the year bare, the title with no mark at its end,
//! the journal's abbreviated name, its volume and page:
//!
//! `Lund P and Berg K 2009 Thermal noise in mirror coatings Phys. Rev. D 80 102003`
//!
//! Nothing but the journal's abbreviations sets the title apart, so a
//! reading may put the bound anywhere (`J. Stat` into the title, `Mech.
//! P09002` as a publisher). Where an entry has that shape, the journal
//! starts at the first word of the run before the numbers that is all
//! journal words, opened by an abbreviation that opens journal names.

use super::citations::Reference;
use super::entries::{take_label, Entry};
use super::entry_journal_start::opens_journal;
use super::names::Person;

/// Full words that open abbreviated journal names (`New J. Phys.`,
/// `Living Rev. Relativ.`, `Nature Phys.`).
const FULL_HEADS: &[&str] = &["Acta", "New", "Living", "Nature"];

/// Words that join the words of a journal's name.
const JOINING: &[&str] = &["and", "of", "&", "de", "für", "A:", "B:"];

/// What the form gives after the names: the year's place, the title (none
/// when the journal follows the year), the journal, and the numbers.
struct Tail<'a> {
    title: Option<String>,
    journal: String,
    /// The journal's words and the numbers, as written.
    written: String,
    numbers: Vec<&'a str>,
}

/// Reads `tokens` from the year (at `y`) on: the title, the journal and
/// its numbers, when the journal is set apart by its abbreviations.
fn tail<'a>(tokens: &[&'a str], y: usize) -> Option<Tail<'a>> {
    // The numbers at the end: volume and page (`27 084023`, `186 531
    // -62`, `P09002`).
    let mut end = tokens.len();
    while end > y + 1 && is_number(tokens[end - 1]) {
        end -= 1;
    }
    if end == tokens.len()
        || !tokens[end..]
            .iter()
            .any(|t| t.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let middle = &tokens[y + 1..end];
    let mut k = (0..middle.len()).find(|&k| {
        opens(middle[k], middle.get(k + 1).copied()) && middle[k..].iter().all(|w| journal_word(w))
    })?;
    while k > 0 && FULL_HEADS.contains(&middle[k - 1]) {
        k -= 1;
    }
    // The title has no mark of its own end inside it (`“The Kitchen.”
    // The Challenge. Trans. …` is another form), and the journal no
    // publisher's place (`New York:`).
    let marked = |w: &&str| w.ends_with(['.', '”', '"']) || w.starts_with(['“', '"', '[']);
    let place = |w: &&str| w.ends_with(':') && w.chars().count() > 2;
    if middle[..k].iter().any(marked) || middle[k..].iter().any(place) {
        return None;
    }
    let journal = super::entry_journal::tidy(&middle[k..].join(" "));
    let numbers = tokens[end..].to_vec();
    Some(Tail {
        // No title at all: the journal follows the year (`2017 Acta
        // Phys. Pol. B 48 343`).
        title: (k > 0).then(|| middle[..k].join(" ")),
        journal: journal.trim_end_matches(['.', ',']).to_string(),
        written: format!("{} {}", middle[k..].join(" "), numbers.join(" ")),
        numbers,
    })
}

/// Where the bare year after the names is: `2009`, `2009a`.
fn bare_year(tokens: &[&str], year: Option<i32>) -> Option<usize> {
    let y = tokens.iter().position(|t| {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_lowercase());
        digits.len() == 4
            && t.len() <= 5
            && digits
                .parse::<i32>()
                .is_ok_and(|n| (1700..=2100).contains(&n) && year.is_none_or(|y| y == n))
    })?;
    (y > 0 && !tokens[..y].iter().any(|t| t.contains(['(', ')', ':']))).then_some(y)
}

/// An entry of this form read whole: names as `Family Initials`, each
/// with its initials (`Lund P`, `Mow-Lowry C M`, `Van der Burg M G J`),
/// the year, the title, the journal and its numbers.
pub(super) fn entry(marked: &str, urls: &[String]) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let tokens: Vec<&str> = body.split_whitespace().collect();
    let y = bare_year(&tokens, None)?;
    let authors = names(&tokens[..y])?;
    let t = tail(&tokens, y)?;
    let year: i32 = tokens[y][..4].parse().ok()?;
    let (volume, pages) = numbers(&t.numbers);
    Some(Entry {
        label: label.map(str::to_string),
        reference: Reference {
            authors,
            title: t.title,
            container: Some(t.journal),
            volume,
            pages,
            year: Some(year),
            date: Some(year.to_string()),
            urls: urls.to_vec(),
            kind: "article-journal",
            ..Reference::default()
        },
    })
}

/// Volume and pages from the numbers after the journal.
fn numbers(numbers: &[&str]) -> (Option<String>, Option<String>) {
    let clean = |t: &str| t.trim_end_matches(['.', ',']).to_string();
    match numbers {
        [] => (None, None),
        [page] => (None, Some(clean(page))),
        [volume, pages @ ..] => {
            // `616 - 23`, `531 -62`: one range.
            let pages: String = pages.concat();
            (Some(clean(volume)), Some(clean(&pages)))
        }
    }
}

/// Names written `Family Initials`, separated by commas and a last `and`
/// (a converter may glue it: `andDanzmann K`), maybe ending `et al`.
fn names(tokens: &[&str]) -> Option<Vec<Person>> {
    let mut text = tokens.join(" ");
    for tail in [" et al.", " et al", ", et al.", ", et al"] {
        if let Some(head) = text.strip_suffix(tail) {
            text = head.to_string();
            break;
        }
    }
    let text = text.trim_end_matches(',');
    let mut people = Vec::new();
    for part in text.split(", ") {
        let words: Vec<&str> = part.split(' ').collect();
        // The last name of the list: `Goßler S and Danzmann K`.
        let cut = words
            .iter()
            .position(|w| *w == "and" || *w == "&")
            .or_else(|| {
                words.iter().position(|w| {
                    w.strip_prefix("and")
                        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
                })
            });
        match cut {
            Some(at) if words[at] == "and" || words[at] == "&" => {
                people.push(person(&words[..at])?);
                people.push(person(&words[at + 1..])?);
            }
            Some(at) => {
                let mut last = words[at + 1..].to_vec();
                last.insert(0, &words[at][3..]);
                people.push(person(&words[..at])?);
                people.push(person(&last)?);
            }
            None => people.push(person(&words)?),
        }
    }
    (!people.is_empty()).then_some(people)
}

/// `Lund P A`, `Van der Burg M G J`, `Park J-G`: family words, then
/// initials (capitals only, one to three).
fn person(words: &[&str]) -> Option<Person> {
    let initial = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| *c != '-').collect();
        (1..=3).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
    };
    let first_initial = words.iter().position(&initial)?;
    let (family, given) = words.split_at(first_initial);
    let family_ok = !family.is_empty()
        && family
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1)
        && family
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c)));
    if !family_ok || !given.iter().all(initial) {
        return None;
    }
    Some(Person {
        family: family.join(" "),
        given: given.join(" "),
    })
}

/// Sets the title and journal of an entry of this form by the journal's
/// abbreviations; returns whether it did.
pub(super) fn split(r: &mut Reference, text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let Some(y) = r.year.and_then(|year| bare_year(&tokens, Some(year))) else {
        return false;
    };
    let Some(t) = tail(&tokens, y) else {
        return false;
    };
    if r.publisher
        .as_deref()
        .is_some_and(|p| t.written.contains(p) || p.contains(&t.journal))
    {
        r.publisher = None;
    }
    if r.pages.is_none() {
        let (volume, pages) = numbers(&t.numbers);
        r.pages = pages;
        if r.volume.is_none() {
            r.volume = volume;
        }
    }
    r.title = t.title;
    r.container = Some(t.journal);
    if r.kind == "document" {
        r.kind = "article-journal";
    }
    true
}

/// A volume, a page or a part of a page range: `27`, `084023`, `L07001`,
/// `P09002`, `531-62`, `-`, `-62`.
fn is_number(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',']);
    if matches!(t, "-" | "–") {
        return true;
    }
    let t = t.trim_start_matches(['-', '–']);
    let t = t
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(t);
    !t.is_empty()
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
}

/// Whether `word` (and the word after it, for a full stop a converter
/// moved: `Nucl .`, `Class .Quantum`) opens an abbreviated journal name.
fn opens(word: &str, next: Option<&str>) -> bool {
    let stem = match word.split_once('.') {
        Some((stem, _)) => stem,
        None if next.is_some_and(|n| n.starts_with('.')) => word,
        None => return false,
    };
    opens_journal(stem)
}

/// A word of a journal's name: capitalised or abbreviated, a joining word,
/// or a full stop a converter moved.
fn journal_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c == '.') || JOINING.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, title: &str, container: &str) -> Reference {
        let mut r = Reference {
            year: Some(2009),
            title: Some(title.into()),
            container: Some(container.into()),
            kind: "document",
            ..Reference::default()
        };
        split(&mut r, text);
        r
    }

    #[test]
    fn the_journal_starts_at_its_first_abbreviation() {
        for (text, title, journal) in [
            (
                "Lund P and Berg K 2009 Thermal noise in mirror coatings Phys. Rev. D 80 102003",
                "Thermal noise in mirror coatings",
                "Phys. Rev. D",
            ),
            (
                "Ota K et al 2009 Advanced detectors Class. Quantum Grav. 32 074001",
                "Advanced detectors",
                "Class. Quantum Grav",
            ),
            (
                "Roe P A and Ota J 2009 Fusion rules of dense loops J. Stat. Mech. P09002",
                "Fusion rules of dense loops",
                "J. Stat. Mech",
            ),
            (
                "Berg D 2009 Tidal operators and W-algebras J.Math .Phys . 48 073503",
                "Tidal operators and W-algebras",
                "J.Math.Phys",
            ),
            (
                "Ota K 2009 Tides in shallow seas New J. Phys. 13 013025",
                "Tides in shallow seas",
                "New J. Phys",
            ),
        ] {
            let r = read(text, "x", "y");
            assert_eq!(r.title.as_deref(), Some(title), "{text}");
            assert_eq!(r.container.as_deref(), Some(journal), "{text}");
            assert_eq!(r.kind, "article-journal");
        }
        let r = read("Roe P A 2009 Fusion rules J. Stat. Mech. P09002", "x", "y");
        assert_eq!(r.pages.as_deref(), Some("P09002"));
        let r = read(
            "Roe P A 2009 Acta Phys. Pol. B 48 343",
            "Acta",
            "Phys. Pol. B",
        );
        assert_eq!(r.title, None);
        assert_eq!(r.container.as_deref(), Some("Acta Phys. Pol. B"));
    }

    #[test]
    fn entries_are_read_whole() {
        let e = entry(
            "Wanner A, Mow-Lowry C M, Van der Burg M G J andDanzmann K 2012 Seismic isolation for a 10 m prototype Class .Quantum Grav . 29 245007",
            &[],
        )
        .unwrap()
        .reference;
        let names: Vec<(&str, &str)> = e
            .authors
            .iter()
            .map(|p| (p.family.as_str(), p.given.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Wanner", "A"),
                ("Mow-Lowry", "C M"),
                ("Van der Burg", "M G J"),
                ("Danzmann", "K")
            ]
        );
        assert_eq!(
            e.title.as_deref(),
            Some("Seismic isolation for a 10 m prototype")
        );
        assert_eq!(e.container.as_deref(), Some("Class.Quantum Grav"));
        assert_eq!(
            (e.volume.as_deref(), e.pages.as_deref()),
            (Some("29"), Some("245007"))
        );
        assert_eq!(e.year, Some(2012));
        let e = entry(
            "Ota K et al 1998 Tides Nucl . Instrum. Methods A 556 616 - 23",
            &[],
        )
        .unwrap()
        .reference;
        assert_eq!(e.pages.as_deref(), Some("616-23"));
        // Names in another form are not this form's.
        assert!(entry("K. Ota 1998 Tides Phys. Rev. D 55 616", &[]).is_none());
        assert!(entry("Ota, K. 1998 Tides Phys. Rev. D 55 616", &[]).is_none());
    }

    #[test]
    fn other_forms_are_left_alone() {
        // The year in parentheses (APA, Elsevier), or after a full stop
        // (Chicago author-date); no abbreviated journal; no numbers.
        for text in [
            "Lund, P. (2009). Thermal noise. Phys. Rev. D, 80, 102003.",
            "Lund, Peter. 2009. Thermal Noise. Phys. Rev. D 80: 102003.",
            "Lund P 2009 Thermal noise in mirror coatings Nature 80 102003",
            "Lund P 2009 Thermal noise in mirror coatings Phys. Rev. D",
            // A title closed by its full stop, and a publisher's place.
            "Lund, Peter 2009 [1964]. “Noise.” The Mirror. Trans. Ann Roe. New York: Hill. 157-159.",
            "Lund, P., Roe, K. Thermal noise in mirrors. 2009 Syst. Comp. Jpn. 38 62–71",
        ] {
            let r = read(text, "kept", "kept too");
            assert_eq!(r.title.as_deref(), Some("kept"), "{text}");
        }
    }
}
