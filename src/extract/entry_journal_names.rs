//! The names of entries that name no title (see `entry_journal`): given
//! names as initials first (`A. Berg, B. Cole, and C. Dunn,`), or a first
//! family name with initials after it (`Leonard C. M.,`, `Callis et al.,`).

use super::entry_forms::is_abbreviation;
use super::entry_names::is_suffix;
use super::names::Person;

/// Names with their initials first, up to the comma or full stop after
/// the last (`M.T. Yamashita, T. Frederico, L. Tomio,`, `A. Berg and C.
/// Dunn,`, `J. P. MORO et L. PETIT.`, `V. Balkanov et al.,`): the people
/// and the index of the word after them.
pub(super) fn initials_first(words: &[&str]) -> Option<(Vec<Person>, usize)> {
    let mut people = Vec::new();
    let mut i = 0;
    let mut last = false;
    loop {
        if !people.is_empty() && matches!(words.get(i), Some(&("and" | "et" | "&" | "und"))) {
            // `et al.,`, and `et al,` with its full stop lost.
            if words
                .get(i + 1)
                .is_some_and(|w| w.starts_with("al.") || *w == "al,")
            {
                let end = words[i + 1].ends_with([',', '.']);
                return (end && !people.is_empty()).then_some((people, i + 2));
            }
            i += 1;
            last = true;
        }
        let given_from = i;
        while words.get(i).is_some_and(|w| initial(w)) {
            i += 1;
        }
        if i == given_from || i - given_from > 3 {
            return None;
        }
        // `M. Bordag, J. Phys. A`: what looked like a next name is the
        // journal; the list ended at the comma.
        let back = (people.len(), given_from);
        let family_from = i;
        let mut ended = None;
        // The name ran into a journal's abbreviation with nothing between
        // (`F. Roe Phys. Rev. D 72`, `L. Lind Yad. Fiz. 31`).
        let mut journal_next = false;
        while i < words.len() && i - family_from < 3 {
            let w = words[i];
            let bare = w.trim_end_matches([',', '.']);
            let particle = matches!(
                bare,
                "de" | "van" | "der" | "von" | "da" | "di" | "du" | "le"
            );
            let capitalised = bare.starts_with(char::is_uppercase)
                && bare.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
                && bare.chars().count() > 1;
            // `Phys.` ends no name, but the last name may end the list
            // (`… et B. Iverson. J. Am. Chem. Soc.`) unless it has a word
            // already (`… and P. Oduya Yad. Fiz.`).
            let abbreviation = w.ends_with('.')
                && is_abbreviation(w)
                && bare.chars().any(char::is_lowercase)
                && (!last || i > family_from);
            if !(capitalised || particle) || abbreviation {
                journal_next = abbreviation;
                break;
            }
            i += 1;
            if w.ends_with(',') {
                ended = Some(false);
                break;
            }
            if w.ends_with('.') {
                ended = Some(true);
                break;
            }
            // `A. Berg and C. Dunn`, `A. Berg et al.`
            if matches!(words.get(i), Some(&("and" | "et" | "&" | "und"))) {
                break;
            }
        }
        if i == family_from {
            return (back.0 > 0 && !last).then_some((people, back.1));
        }
        people.push(Person {
            family: words[family_from..i]
                .join(" ")
                .trim_end_matches([',', '.'])
                .to_string(),
            given: words[given_from..family_from].join(" "),
        });
        match ended {
            Some(true) => return Some((people, i)),
            Some(false) if last => return Some((people, i)),
            // Another name follows a comma when an initial or `and` does.
            Some(false) => {
                // `P. E. Ellis, Jr., R. D. Jones`: a suffix, then more.
                let suffix = |w: &&str| w.strip_suffix(',').is_some_and(is_suffix);
                if words.get(i).is_some_and(suffix) {
                    i += 1;
                }
                let next = words.get(i).copied().unwrap_or("");
                let more = initial(next) || matches!(next, "and" | "et" | "&" | "und");
                if !more {
                    return Some((people, i));
                }
            }
            None if matches!(words.get(i), Some(&("and" | "et" | "&" | "und"))) => {}
            None if journal_next => return Some((people, i)),
            None => return None,
        }
    }
}

/// Family names first, with initials after them (`Leonard C. M.,`,
/// `Ostapchenko S.,`, `Ibe, N.; Moser, K. L.;`), or a first author with
/// `et al.` (`Callis et al.,`, `Hinshaw, et al.,`, `Liu C et al`).
pub(super) fn lead_author(words: &[&str]) -> Option<(Vec<Person>, usize)> {
    let mut people = Vec::new();
    let mut i = 0;
    let mut semicolons = false;
    loop {
        let family = words.get(i)?.trim_end_matches(',');
        let named = family.starts_with(char::is_uppercase)
            && family.chars().count() > 1
            && family
                .chars()
                .all(|c| c.is_alphabetic() || "-'’".contains(c));
        if !named {
            return None;
        }
        let mut j = i + 1;
        while words.get(j).is_some_and(|w| {
            let bare = w.trim_end_matches([',', '.', ';']);
            initial(w.trim_end_matches([',', ';']))
                || (1..=2).contains(&bare.chars().count()) && bare.chars().all(char::is_uppercase)
        }) {
            j += 1;
            if words[j - 1].ends_with([',', ';']) {
                break;
            }
        }
        let given = words[i + 1..j].join(" ");
        people.push(Person {
            family: family.to_string(),
            given: given.trim_end_matches([',', ';']).to_string(),
        });
        if words.get(j) == Some(&"et") {
            let al = words.get(j + 1)?.trim_end_matches([',', '.']);
            return (al == "al").then_some((people, j + 2));
        }
        if j == i + 1 {
            return None;
        }
        let end = words[j - 1];
        semicolons |= end.ends_with(';');
        // Another name follows when a family name and initials do.
        let more = words.get(j).is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !w.contains('.')
                && words
                    .get(j + 1)
                    .is_some_and(|n| initial(n.trim_end_matches([',', ';'])))
        });
        match (end.ends_with([',', ';']), more) {
            (true, true) => i = j,
            (true, false) => return Some((people, j)),
            // `Ong, N. P. Rev Mod Phys`: the last of a list parted by
            // semicolons ends at its initials.
            (false, _) if semicolons => return Some((people, j)),
            (false, _) => return None,
        }
    }
}

/// `P.W.`, `J.-P.`, `Ch.`, `Yu.`, `D.Yu.`: a given name as initials.
fn initial(w: &str) -> bool {
    w.ends_with('.')
        && w.starts_with(char::is_uppercase)
        && w.split(['.', '-'])
            .all(|p| p.is_empty() || p.chars().count() <= 2 && p.starts_with(char::is_uppercase))
        // `Phys.`, `Rev.`: an abbreviation is longer than an initial.
        && w.split(['.', '-']).all(|p| p.chars().count() <= 2)
}
