//! Public papers as the Bluebook cites them, besides laws and cases:
//! congressional hearings, reports and bills, press releases,
//! constitutions and restatements.
//!
//! - `*Energy and Gas: Hearing Before the S. Comm. on Foreign Rels.*,
//!   116th Cong. 14 (2019) (statement of …)`
//! - `Press Release, U.S. Dep't of Commerce, Commerce Adds Entities (Aug.
//!   17, 2020)`

use super::citations::{clean, Reference};
use super::names::Person;
use super::years::find_years;

/// A hearing, a press release, a bill, a report of Congress, a
/// constitution or a restatement at the start of `t`, or `None`.
pub(super) fn read(t: &str) -> Option<Reference> {
    let window = super::note_forms::first_citation(t, 400);
    hearing(window)
        .or_else(|| press_release(window))
        .or_else(|| congress(window))
}

/// Congress's papers and the texts cited like them:
/// - `H.R. Rep. No. 116-12, at 4 (2019)`, `S. Doc. No. 105-3 (1997)`: a
///   report, titled by its number;
/// - `S. 1234, 117th Cong. § 3 (2021)`, `H.R. 5, 116th Cong. (2019)`: a
///   bill, titled by its number and Congress;
/// - `U.S. Const. art. I, § 8`: a constitution (no year: the text in force);
/// - `Restatement (Second) of Torts § 402A (Am. L. Inst. 1965)`.
fn congress(window: &str) -> Option<Reference> {
    let last_year = || {
        let open = window.rfind('(')?;
        let close = open + window[open..].find(')')?;
        find_years(&window[open + 1..close], (1700, 2100))
            .into_iter()
            .next_back()
            .map(|h| h.year)
    };
    for mark in [
        "H.R. Rep. No. ",
        "S. Rep. No. ",
        "H.R. Doc. No. ",
        "S. Doc. No. ",
        "H.R. Conf. Rep. No. ",
    ] {
        if let Some(rest) = window.strip_prefix(mark) {
            let number = rest.split([',', ' ']).next().filter(|n| n.contains('-'))?;
            return Some(Reference {
                title: Some(format!("{mark}{number}")),
                year: last_year(),
                kind: "report",
                ..Reference::default()
            });
        }
    }
    for chamber in ["S. ", "H.R. "] {
        let Some(rest) = window.strip_prefix(chamber) else {
            continue;
        };
        let Some((number, after)) = rest.split_once(", ") else {
            continue;
        };
        let Some((session, _)) = after.split_once(" Cong.") else {
            continue;
        };
        let ordinal = session.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && !ordinal.is_empty()
            && ordinal.bytes().all(|b| b.is_ascii_digit())
        {
            return Some(Reference {
                title: Some(format!("{chamber}{number}, {session} Cong.")),
                year: last_year(),
                kind: "bill",
                ..Reference::default()
            });
        }
    }
    if let Some(at) = window.find(" Const.").filter(|&k| k <= 12) {
        let title = &window[..at + " Const.".len()];
        let abbreviated = title
            .split(' ')
            .all(|w| w.starts_with(char::is_uppercase) && w.ends_with('.'));
        return abbreviated.then(|| Reference {
            title: Some(title.to_string()),
            kind: "legislation",
            ..Reference::default()
        });
    }
    if window.starts_with("Restatement ") {
        let end = window.find(" §").or_else(|| window.rfind(" ("))?;
        return Some(Reference {
            title: Some(clean(&window[..end])),
            year: last_year(),
            publisher: window
                .contains("Am. L. Inst.")
                .then(|| "Am. L. Inst.".to_string()),
            kind: "book",
            ..Reference::default()
        });
    }
    None
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
    Some(Reference {
        authors: vec![Person {
            family: clean(author),
            given: String::new(),
        }],
        title: Some(clean(title)),
        year: Some(hit.year),
        date: super::fields::finer_date(&hit),
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
        let r = read("H.R. Rep. No. 116-12, at 4 (2019).").unwrap();
        assert_eq!(
            (r.kind, r.title.as_deref(), r.year),
            ("report", Some("H.R. Rep. No. 116-12"), Some(2019))
        );
        let r = read("S. 1234, 117th Cong. § 3 (2021).").unwrap();
        assert_eq!(
            (r.kind, r.title.as_deref(), r.year),
            ("bill", Some("S. 1234, 117th Cong."), Some(2021))
        );
        let r = read("U.S. Const. art. I, § 8, cl. 3.").unwrap();
        assert_eq!(
            (r.kind, r.title.as_deref(), r.year),
            ("legislation", Some("U.S. Const."), None)
        );
        let r = read("Restatement (Second) of Torts § 402A (Am. L. Inst. 1965).").unwrap();
        assert_eq!(
            (r.kind, r.title.as_deref(), r.year),
            ("book", Some("Restatement (Second) of Torts"), Some(1965))
        );
        for other in [
            "Lund, *Rings*, 12th Cong. of Physics 4 (2001).",
            "Press releases of the ministry, 2020.",
            "S. Lund, Rivers, 12 (2001).",
            "The Constitution and its Const. critics, 2001.",
        ] {
            assert!(read(other).is_none(), "{other}");
        }
    }
}
