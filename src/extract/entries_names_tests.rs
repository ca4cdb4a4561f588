//! Tests of where an entry's names begin and end, and how they are read:
//! initials, inverted names, particles, lists without commas, other
//! languages' conjunctions (`entries` rule 4 and `entry_names`).

use super::tests::{entry, families};
use super::*;

#[test]
fn a_middle_initial_is_not_vancouver() {
    let e = entry("[40] Zora S. Hartley. Distributional patterns. WORD, 10(2-3):146–162, 1954.");
    assert_eq!(families(&e), ["Hartley"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Distributional patterns")
    );
    assert_eq!(e.reference.year, Some(1954));
}

#[test]
fn inverted_names_with_full_given_names() {
    // Every name inverted, joined by `&`, `and`, `;` or `.,`.
    let e = entry("Lindqvist, Maja, & Ferreira, Tomas. 2004. Gesture before speech. Journal of Infant Studies 9, 11–30.");
    assert_eq!(families(&e), ["Lindqvist", "Ferreira"]);
    assert_eq!(e.reference.title.as_deref(), Some("Gesture before speech"));
    let e =
        entry("Okafor, Chidi and Brandt, Lena. (2019). Floods and the vote. Daily Ledger 3 May.");
    assert_eq!(families(&e), ["Okafor", "Brandt"]);
    let e = entry(
        "Moreau, Anne; Halvorsen, Nils; & Quint, Rosa. 1981. Early requests. Child Talk 4, 1–9.",
    );
    assert_eq!(families(&e), ["Moreau", "Halvorsen", "Quint"]);
    let people = names_in("Pereira, Joana Maria.,Tanaka, Hiro.,Olsen, Brit.").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Pereira", "Tanaka", "Olsen"]);
    assert_eq!(people[0].given, "Joana Maria.");
    // Suffixes stay out of the names.
    let people = names_in("Whitcombe, Arthur, Jr.").unwrap();
    assert_eq!((people[0].family.as_str(), people.len()), ("Whitcombe", 1));
    let people = names_in("Carver Jr., D., Ostrom, K., & Lay, P.").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Carver", "Ostrom", "Lay"]);
    // Doubled commas after Vancouver names.
    let people = names_in("Varga HM,, Stone J,, Ito K").unwrap();
    assert_eq!(people.len(), 3);
    // A family name that is also an organisation's word, with Vancouver
    // initials, is a person's.
    // Initials spaced or hyphenated.
    let people = names_in("Lund D, Guldvik R O, Park J-G").unwrap();
    let f: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p.family.as_str(), p.given.as_str()))
        .collect();
    assert_eq!(f, [("Lund", "D"), ("Guldvik", "R O"), ("Park", "J-G")]);
    let people = names_in("Lund D, Bank Y, Okafor DC").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Lund", "Bank", "Okafor"]);
}

#[test]
fn names_run_together_without_commas_between_them() {
    let e = entry(
        "12. Halloran, T. Birk, U. Sato, M. (2011). Trust and hormones. Social Minds, 2(1): 10-19.",
    );
    assert_eq!(families(&e), ["Halloran", "Birk", "Sato"]);
    assert_eq!(e.reference.authors[1].given, "U.");
}

#[test]
fn a_title_run_on_after_the_names_is_not_a_pair_of_names() {
    // Initials, then a "pair" of full words: a title, not a person.
    let people = names_in("Quill, R., Saints and Sinners").unwrap_or_default();
    assert!(people.iter().all(|p| p.family != "Saints"), "{people:?}");
    // The conjunction inside the last pair, not before it.
    let people = names_in("Ames, B. K. Reason, Doubt, and Method").unwrap_or_default();
    assert!(people.iter().all(|p| p.family != "Doubt"), "{people:?}");
    // Two names in reading order are not one inverted name.
    let people = names_in("Anna Berg, Karl Moser").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Berg", "Moser"]);
}

#[test]
fn initials_without_spaces_open_a_list_in_reading_order() {
    let e = entry("S.N. Okafor and R.H. Lindqvist, Drift of moored buoys in the outer sound, Int. J. Coast. Eng., 23, 2205–2212 (1986).");
    assert_eq!(families(&e), ["Okafor", "Lindqvist"]);
    assert_eq!(e.reference.authors[0].given, "S.N.");
    // A transliterated pair of letters is one initial.
    let people = names_in("A.N. Orlova and D.Yu. Sokolov").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Orlova", "Sokolov"]);
    assert_eq!(people[1].given, "D.Yu.");
}

#[test]
fn capitals_with_a_full_stop_and_initials_without_their_last_one() {
    let e = entry("7. Lindgren, KA. Osei, PB. (2010). Sleep and memory in toddlers. Journal of Child Sleep, 12: 40-49.");
    assert_eq!(families(&e), ["Lindgren", "Osei"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Sleep and memory in toddlers")
    );
    let people = names_in("Varela S, Quist S, Roland J.P").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Varela", "Quist", "Roland"]);
    // A bare run of capitals stays a Vancouver name's, not initials alone.
    assert_eq!(
        families(&entry(
            "Ruiz CW, Ostby RG, Lamb A. Sedation and the brain. J Clin Neuro. 1961;12: 1-3."
        )),
        ["Ruiz", "Ostby", "Lamb"]
    );
}

#[test]
fn capitalised_particles_inside_a_comma_separated_list() {
    let e = entry("Brandt, H., De Vries, K., Morel, A. V., Van Acker, B., de Souza, L. M., Iron in soils of the north, Soil Letters 3, 1-9, 2001.");
    assert_eq!(
        families(&e),
        ["Brandt", "De Vries", "Morel", "Van Acker", "de Souza"]
    );
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Iron in soils of the north")
    );
}

#[test]
fn conjunctions_of_other_languages_part_names() {
    let listed = |list: &str| -> Vec<String> {
        names_in(list)
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.family)
            .collect()
    };
    assert_eq!(listed("S. Roe et A. Lund"), vec!["Roe", "Lund"]);
    assert_eq!(listed("H. Varga e H.G. Moretti"), vec!["Varga", "Moretti"]);
    assert_eq!(listed("K. Berg und L. Stein"), vec!["Berg", "Stein"]);
    // `e` inside a Portuguese name is no conjunction.
    assert_eq!(listed("Maria da Silva e Souza").len(), 1);
    // The list's first initial opens it (`initials_end` ends no list there).
    let e = entry("S. Roe et A. Lund, « Salt and the marsh », Rev. Coast., vol. 3, 1998.");
    assert_eq!(families(&e), vec!["Roe", "Lund"]);
}
