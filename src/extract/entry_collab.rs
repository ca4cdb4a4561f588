//! Entries by a collaboration, as particle and astroparticle physics cite
//! the large experiments (`ALICE collaboration, Measurement of …, Phys.
//! Lett. B 776 (2018) 249`, `The CMS Collaboration, …`, `H.E.S.S.
//! collaboration, Abramowski A., et al., 2010, A&A, 520, A83`): the
//! collaboration is the author, or, when people's names follow it, the
//! people are.

use super::entries::{parse_entry, take_label, Entry};
use super::names::Person;

/// What stands in for the collaboration while the rest is read: a name
/// the rules read as one author with an initial.
const STAND_IN: &str = "A. Collabo,";

/// An entry that opens with a collaboration's name.
pub(super) fn collaboration_entry(marked: &str, urls: &[String]) -> Option<Entry> {
    let (label, body) = take_label(marked);
    let (name, rest) = collaboration(body)?;
    let people_follow = {
        let words: Vec<&str> = rest.split_whitespace().take(12).collect();
        super::entry_journal_names::initials_first(&words).is_some()
            || super::entry_journal_names::lead_author(&words).is_some()
    };
    let mut entry = if people_follow {
        parse_entry(rest, urls.to_vec())?
    } else {
        let mut e = parse_entry(&format!("{STAND_IN} {rest}"), urls.to_vec())?;
        let authors = &mut e.reference.authors;
        if authors.len() != 1 || authors[0].family != "Collabo" {
            return None;
        }
        authors[0] = Person {
            family: name,
            given: String::new(),
        };
        e
    };
    entry.reference.authors.retain(|p| !p.family.is_empty());
    if entry.reference.authors.is_empty() {
        return None;
    }
    entry.label = label.map(str::to_string);
    Some(entry)
}

/// The collaboration's name (`ALICE Collaboration`) and the text after it
/// and its comma or colon, when `text` opens with one.
fn collaboration(text: &str) -> Option<(String, &str)> {
    // Found in `text` itself, ASCII case aside: a lower-cased copy's
    // offsets are not `text`'s where a letter lower-cases to more bytes.
    const WORD: &[u8] = b"collaboration";
    let at = text
        .as_bytes()
        .windows(WORD.len())
        .position(|w| w.eq_ignore_ascii_case(WORD))?;
    let head = text[..at].trim();
    let head = head.strip_prefix("The ").unwrap_or(head);
    // One or two words before it, none ending a sentence or a list.
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 2
        || words.iter().any(|w| w.ends_with([',', ';', ':']))
        || !words[0].starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let after = &text[at + WORD.len()..];
    let rest = after.strip_prefix([',', ':', '.'])?.trim_start();
    let name = format!("{} Collaboration", words.join(" "));
    (!rest.is_empty()).then_some((name, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (authors' family names, title, container, year)
    type Read = (Vec<String>, Option<String>, Option<String>, Option<i32>);

    fn read(text: &str) -> Option<Read> {
        collaboration_entry(text, &[]).map(|e| {
            let r = e.reference;
            let authors = r.authors.iter().map(|p| p.family.clone()).collect();
            (authors, r.title, r.container, r.year)
        })
    }

    #[test]
    fn a_collaboration_is_the_author() {
        let (authors, title, container, year) = read(
            "KESTREL collaboration, Measurement of jet mass in light-ion collisions at the collider, Phys. Lett. B 776 (2018) 249.",
        )
        .unwrap();
        assert_eq!(authors, vec!["KESTREL Collaboration"]);
        assert_eq!(
            title.as_deref(),
            Some("Measurement of jet mass in light-ion collisions at the collider")
        );
        assert_eq!(container.as_deref(), Some("Phys. Lett. B"));
        assert_eq!(year, Some(2018));
        let (authors, ..) = read(
            "[4] The HERON Collaboration, Search for slow monopoles with the deep array, JHEP 01 (2016) 006 [arXiv:1509.09029] [INSPIRE].",
        )
        .unwrap();
        assert_eq!(authors, vec!["HERON Collaboration"]);
    }

    #[test]
    fn people_named_after_the_collaboration_are_the_authors() {
        let (authors, _, _, year) =
            read("K.E.S. collaboration, Lindqvist A., et al., 2010, A&A, 520, A83").unwrap();
        assert_eq!(authors[0], "Lindqvist");
        assert_eq!(year, Some(2010));
    }

    #[test]
    fn a_collaboration_later_in_the_entry_is_no_author() {
        assert_eq!(
            collaboration("Roe, A. Notes on a collaboration, 2001."),
            None
        );
        assert_eq!(collaboration("collaboration, 2001."), None);
        // A letter that lower-cases to more bytes before the word.
        assert_eq!(
            collaboration("İİİ Collaboration, Title, 2001."),
            Some(("İİİ Collaboration".to_string(), "Title, 2001."))
        );
    }
}
