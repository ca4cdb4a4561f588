//! Public papers as the Bluebook cites them, besides laws and cases:
//! congressional hearings and press releases.
//!
//! - `*Energy and Gas: Hearing Before the S. Comm. on Foreign Rels.*,
//!   116th Cong. 14 (2019) (statement of …)`
//! - `Press Release, U.S. Dep't of Commerce, Commerce Adds Entities (Aug.
//!   17, 2020)`

use super::citations::{clean, Reference};
use super::names::Person;
use super::years::find_years;

/// A hearing or a press release at the start of `t`, or `None`.
pub(super) fn read(t: &str) -> Option<Reference> {
    let window = &t[..crate::chars::floor(t, 400)];
    let window = &window[..window.find("; ").unwrap_or(window.len())];
    hearing(window).or_else(|| press_release(window))
}

/// `Title: Hearing Before …, 116th Cong. 14 (2019)`.
fn hearing(window: &str) -> Option<Reference> {
    let (title, after) = window.split_once(" Cong.").and_then(|(head, after)| {
        let (title, session) = head.rsplit_once(", ")?;
        let ordinal = session
            .strip_suffix("th")
            .or_else(|| session.strip_suffix("st"))
            .or_else(|| session.strip_suffix("nd"))
            .or_else(|| session.strip_suffix("rd"))?;
        ordinal
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some((title, after))
    })?;
    let title = title.trim_matches(['*', '_', ' ']);
    if !title.contains("Hearing") || !title.starts_with(char::is_uppercase) {
        return None;
    }
    let open = after.find('(')?;
    let close = open + after[open..].find(')')?;
    let year = find_years(&after[open + 1..close], (1800, 2100))
        .into_iter()
        .next()?
        .year;
    Some(Reference {
        title: Some(clean(title.trim_end_matches(['.', ',']))),
        year: Some(year),
        kind: "hearing",
        ..Reference::default()
    })
}

/// `Press Release, Author, Title (Date)`.
fn press_release(window: &str) -> Option<Reference> {
    let rest = window.strip_prefix("Press Release, ")?;
    let (author, rest) = rest.split_once(", ")?;
    let open = rest.rfind(" (")?;
    let title = rest[..open].trim_matches(['*', '_', ' ', ',']);
    let close = open + rest[open..].find(')')?;
    let hit = find_years(&rest[open + 2..close], (1800, 2100))
        .into_iter()
        .next()?;
    if title.is_empty() || !author.starts_with(char::is_uppercase) {
        return None;
    }
    let date = super::fields::iso_of(&hit);
    Some(Reference {
        authors: vec![Person {
            family: clean(author),
            given: String::new(),
        }],
        title: Some(clean(title)),
        year: Some(hit.year),
        date: Some(date).filter(|d| d.len() > 4),
        kind: "document",
        ..Reference::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hearings_and_press_releases() {
        let r = read("*Gas Supplies and the Northern Route: Hearing Before the S. Comm. on Energy*, 117th Cong. 22 (2021) (statement of Dana Ruiz).").unwrap();
        assert_eq!(
            (r.kind, r.title.as_deref(), r.year),
            (
                "hearing",
                Some("Gas Supplies and the Northern Route: Hearing Before the S. Comm. on Energy"),
                Some(2021)
            )
        );
        let r = read("Press Release, U.S. Dep't of the Treasury, Treasury Names Shipping Firms (June 2, 2021).").unwrap();
        assert_eq!(r.authors[0].family, "U.S. Dep't of the Treasury");
        assert_eq!(
            (r.title.as_deref(), r.date.as_deref()),
            (Some("Treasury Names Shipping Firms"), Some("2021-06-02"))
        );
        for other in [
            "Lund, *Rings*, 12th Cong. of Physics 4 (2001).",
            "Press releases of the ministry, 2020.",
        ] {
            assert!(read(other).is_none(), "{other}");
        }
    }
}
