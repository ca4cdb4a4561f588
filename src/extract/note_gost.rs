//! Notes in the Russian style (GOST R 7.0.5): the family name with its
//! initials after it, the title, then `//` and the journal for an
//! article, or the place, publisher and year for a book, the parts
//! parted by full stops.
//!
//! - `Лукин А.В. Россия и Китай. М.: Весь мир, 2013. С. 45.`
//! - `Галенович Ю.М. Граница // Проблемы Дальнего Востока. 2001. № 3. С.
//!   12–25.`
//! - `Запись беседы …, 31 марта 1958 г. // РГАНИ. Ф. 5. Оп. 49. Д. 128.`
//!   (a document in an archive)
//!
//! `С. 45` after a book is the page cited, not the work's.

use super::citations::{clean, Reference};
use super::names::Person;
use super::years::find_years;

/// A note in the Russian style at the start of `t`, or `None`.
pub(super) fn read(t: &str) -> Option<Reference> {
    let window = &t[..crate::chars::floor(t, 500)];
    let (authors, rest) = people(window);
    if let Some((title, after)) = rest.split_once(" // ") {
        return part_of(authors, title, after);
    }
    // A book: `Title. М.: Весь мир, 2013.`; a name must come first.
    if authors.is_empty() {
        return None;
    }
    let (title, facts) = split_at_place(rest)?;
    let (place_publisher, after) = facts.split_once(", ")?;
    let publisher = place_publisher.split_once(": ")?.1;
    let year = leading_year(after)?;
    Some(Reference {
        authors,
        title: Some(clean(title)),
        publisher: Some(clean(publisher)),
        year: Some(year),
        kind: "book",
        ..Reference::default()
    })
}

/// A reference-list entry in the Russian style (GOST 7.1), whose areas
/// a long dash may part (`Ларин В. Л. Китай … — Владивосток: Дальнаука,
/// 2005. — 390 с.`): read as a note once the dashes are full stops. The
/// pages of a book (`390 с.`) are its extent, not a container.
pub(super) fn entry(t: &str) -> Option<Reference> {
    if !t.contains(['а', 'е', 'о', 'и']) && !t.contains(" // ") {
        return None;
    }
    let plain = joined_initials(&t.replace(". — ", ". ").replace(" — ", ". "));
    let r = read(&plain)?;
    (!r.authors.is_empty() && r.year.is_some()).then_some(r)
}

/// `Ларин В. Л.` → `Ларин В.Л.`: initials with a space between them,
/// as GOST 7.1 sets them, written as the note reader reads them.
fn joined_initials(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let initial_at = |i: usize| {
        chars.get(i).is_some_and(|c| c.is_uppercase())
            && chars.get(i + 1) == Some(&'.')
            && (i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '.')
    };
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = c == ' ' && i >= 2 && initial_at(i - 2) && initial_at(i + 1);
        if !between {
            out.push(c);
        }
    }
    out
}

/// The people a note opens with (`Лукин А.В., Петров И.И.`, `Luchins
/// A.S. and Luchins E.I.`) and what follows them.
fn people(window: &str) -> (Vec<Person>, &str) {
    let mut authors = Vec::new();
    let mut rest = window;
    while let Some((person, after)) = family_initials(rest) {
        authors.push(person);
        rest = after;
        let next = ["and ", "и ", ", "]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
            .filter(|n| family_initials(n).is_some());
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    (authors, rest)
}

/// `Лукин А.В. `, `Lukin A. `: a family name, then one or two initials.
fn family_initials(t: &str) -> Option<(Person, &str)> {
    let (family, rest) = t.split_once(' ')?;
    let capitalised = family.chars().next().is_some_and(char::is_uppercase)
        && family.chars().count() > 1
        && family.chars().all(|c| c.is_alphabetic() || c == '-');
    if !capitalised {
        return None;
    }
    let initials_len = rest
        .char_indices()
        .take_while(|&(i, c)| {
            let prev_dot = i == 0 || rest[..i].ends_with('.');
            (c.is_uppercase() && prev_dot) || c == '.'
        })
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let initials = &rest[..initials_len];
    let after = &rest[initials_len..];
    if !initials.ends_with('.') || initials.len() < 2 || !after.starts_with([' ', ',']) {
        return None;
    }
    // `Russell A. Berman. Title`: a given name, an initial and the family
    // name, not a family name and its initials.
    let next = rest[initials_len..]
        .trim_start()
        .split(' ')
        .next()
        .unwrap_or("");
    let name_after = next.ends_with(['.', ','])
        && next.chars().next().is_some_and(char::is_uppercase)
        && next.chars().filter(|c| c.is_alphabetic()).count() > 2;
    if name_after {
        return None;
    }
    Some((
        Person {
            family: family.to_string(),
            given: initials.to_string(),
        },
        rest[initials_len..].trim_start(),
    ))
}

/// `Title. М.: Publisher, 2013`: the title and what follows its last
/// full stop before a place (`М.:`, `СПб.:`, `Москва:`, `Armonk:`).
fn split_at_place(t: &str) -> Option<(&str, &str)> {
    let mut from = 0;
    while let Some(k) = t[from..].find(". ").map(|k| k + from) {
        let after = &t[k + 2..];
        let place = after
            .split(": ")
            .next()
            .filter(|p| p.len() <= 24 && after.len() > p.len())
            .is_some_and(|p| {
                p.starts_with(char::is_uppercase)
                    && p.split(' ').count() <= 2
                    && !p.contains(|c: char| c == ',' || c.is_ascii_digit())
            });
        if place {
            return Some((&t[..k], after));
        }
        from = k + 2;
    }
    None
}

/// A year that opens `t` (`2013. С. 45.`).
fn leading_year(t: &str) -> Option<i32> {
    // `year_word` takes four digits only.
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    super::note_forms::year_word(&t[..end])
}

/// A title `// in` something: a journal (`Проблемы Дальнего Востока.
/// 2001. № 3. С. 12–25.`), a book, or an archive (`РГАНИ. Ф. 5. …`).
fn part_of(authors: Vec<Person>, title: &str, after: &str) -> Option<Reference> {
    let (container, facts) = after.split_once(". ").unwrap_or((after, ""));
    let container = container.trim_end_matches('.');
    if container.is_empty() || title.trim().is_empty() {
        return None;
    }
    // An archive: its fond, inventory and file after it.
    if ["Ф. ", "F. ", "ф. "].iter().any(|f| facts.starts_with(f)) {
        let date = find_years(title, (1500, 2100)).into_iter().next();
        let title = match &date {
            Some(h) => title[..h.start].trim_end_matches([',', ' ']),
            None => title,
        };
        return Some(Reference {
            authors,
            title: Some(clean(title)),
            publisher: Some(clean(container)),
            year: date.as_ref().map(|h| h.year),
            date: date.as_ref().and_then(super::fields::finer_date),
            kind: "manuscript",
            ..Reference::default()
        });
    }
    let year = leading_year(facts)?;
    let mut r = Reference {
        authors,
        title: Some(clean(title)),
        container: Some(clean(container)),
        year: Some(year),
        kind: "article-journal",
        ..Reference::default()
    };
    // `№ 3`, `Т. 12`, `С. 12–25`: each mark and the number after it.
    let after_mark = |marks: &[&str]| {
        marks.iter().find_map(|m| {
            let at = facts.find(m)?;
            let value: String = facts[at + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || "–-".contains(*c))
                .collect();
            (!value.is_empty()).then_some(value)
        })
    };
    r.issue = after_mark(&["№ ", "No. "]);
    r.volume = after_mark(&["Т. ", "Vol. "]);
    // A range of pages is the article's; one page is the one cited.
    r.pages = after_mark(&["С. ", "P. "]).filter(|p| p.contains(['–', '-']));
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn books_articles_and_archives() {
        let r = read(
            "Лукин А.В. Россия и Китай: четыре века взаимодействия. М.: Весь мир, 2013. С. 45.",
        )
        .unwrap();
        assert_eq!(r.authors[0].family, "Лукин");
        assert_eq!(
            r.title.as_deref(),
            Some("Россия и Китай: четыре века взаимодействия")
        );
        assert_eq!(
            (r.publisher.as_deref(), r.year, r.pages),
            (Some("Весь мир"), Some(2013), None)
        );
        let r = read("Галенович Ю.М. Россия и Китай в XX веке // Проблемы Дальнего Востока. 2001. № 3. С. 12–25.").unwrap();
        assert_eq!(r.container.as_deref(), Some("Проблемы Дальнего Востока"));
        assert_eq!(
            (r.year, r.issue.as_deref(), r.pages.as_deref()),
            (Some(2001), Some("3"), Some("12–25"))
        );
        let r = read("Запись беседы П.Ф. Юдина с Мао Цзэдуном, 31 марта 1958 г. // РГАНИ. Ф. 5. Оп. 49. Д. 128. Л. 1–22.").unwrap();
        assert_eq!(
            (r.kind, r.publisher.as_deref()),
            ("manuscript", Some("РГАНИ"))
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Запись беседы П.Ф. Юдина с Мао Цзэдуном")
        );
        assert_eq!(r.date.as_deref(), Some("1958-03-31"));
        let r = read("Luchins A.S. and Luchins E.I. New attempts // Journal of Psychology. 1950. Vol. 42. P. 279-297").unwrap();
        assert_eq!(r.authors.len(), 2);
        assert_eq!(r.title.as_deref(), Some("New attempts"));
        let r = read("Lukin A. The Bear Watches the Dragon. Armonk: M.E. Sharpe, 2003. P. 45.")
            .unwrap();
        assert_eq!(
            (r.publisher.as_deref(), r.year),
            (Some("M.E. Sharpe"), Some(2003))
        );
    }

    #[test]
    fn other_notes_are_not_read_here() {
        for note in [
            "Anna Lund, *Rivers* (Oxford: Harbour Press, 2001), 12.",
            "Lund, A. (2001). Rivers. Oxford: Harbour Press.",
            "See the treaty of 2001.",
            "Russell A. Berman. Fiction Sets You Free. Iowa City: University Press, 2007.",
            "Kimura M. On the fixation of genes. Genetics 47: 713-719, 1962.",
        ] {
            assert!(read(note).is_none(), "{note}: {:?}", read(note));
        }
    }
}
