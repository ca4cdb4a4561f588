use super::*;
use crate::extract::entry_titles::comma_title;

fn families(r: Option<(Vec<Person>, &str)>) -> Option<(Vec<String>, String)> {
    r.map(|(p, rest)| {
        (
            p.into_iter()
                .map(|p| format!("{}, {}", p.family, p.given))
                .collect(),
            rest.chars().take(12).collect(),
        )
    })
}

#[test]
fn an_initial_with_no_name_after_it_ends_the_list() {
    let got = families(initials_end(
        "Okafor, C., Berg, A. K. & Lindqvist, P. Shared rivers in a dry decade. Water Policy 2011, 3, 4-9.",
    ));
    assert_eq!(
        got,
        Some((
            vec![
                "Okafor, C.".into(),
                "Berg, A. K.".into(),
                "Lindqvist, P.".into()
            ],
            "Shared river".into()
        ))
    );
}

#[test]
fn a_colon_ends_the_list() {
    let got = families(colon_end(
        "Moser KL, Ibe N: Dams and their neighbours. Lancet 2001",
    ));
    assert_eq!(
        got.unwrap().0,
        vec!["Moser, KL".to_string(), "Ibe, N".into()]
    );
    // A title with a subtitle is not an author list.
    assert!(colon_end("Water Wars: A History of Dams. Oxford, 1999").is_none());
}

#[test]
fn a_title_after_a_comma_ends_the_list() {
    let got = families(comma_end(
        "Harrow, E. L., Marsh, T., Floods and the law of shared rivers, Water Law, 1998.",
    ));
    assert_eq!(
        got,
        Some((
            vec!["Harrow, E. L.".into(), "Marsh, T.".into()],
            "Floods and t".into()
        ))
    );
    let got = families(comma_end("VARGA, Lilla, Les fleuves partagés, Paris, 2004"));
    assert_eq!(got.unwrap().0, vec!["VARGA, Lilla".to_string()]);
    let got = families(comma_end(
        "Ibe, N.; Moser, K. L.; Berg, A., Floods in deltas. Nano 2004, 5, 1-9.",
    ));
    assert_eq!(got.unwrap().0.len(), 3);
}

#[test]
fn abbreviated_journals_stay_whole() {
    assert!(abbreviated_journal("J. Appl. Phys. 87, pp. 334-344 (2000)"));
    assert!(abbreviated_journal("Nano Lett. 2009, 9, 4153"));
    assert!(!abbreviated_journal("J. R. Smith, A title"));
    assert!(!abbreviated_journal("Shared rivers. Water Policy 3"));
    assert_eq!(
        join_abbreviations("J. Acoust. Soc. Am. 137, 1493. Technical Report. Register Office"),
        "J.\u{a0}Acoust.\u{a0}Soc.\u{a0}Am. 137, 1493. Technical Report. Register Office"
    );
}

#[test]
fn whole_entries_in_the_new_forms() {
    let e = super::super::parse_entry(
        "[23] Okafor, C. L. et al., J. Am. Chem. Soc. 2007, 129, 3226–3237.",
        Vec::new(),
    )
    .expect("an entry without a title");
    assert_eq!(e.label.as_deref(), Some("23"));
    assert_eq!(e.reference.container.as_deref(), Some("J. Am. Chem. Soc"));
    assert_eq!(e.reference.year, Some(2007));
    let e = super::super::parse_entry(
        "41 Berg, A., Mur- phy, K. & Ibe, N. Dams on small rivers. Water Policy Review 2004, 12, 33–40.",
        Vec::new(),
    )
    .expect("a Nature-style entry");
    assert_eq!(e.reference.authors[1].family, "Murphy");
    assert_eq!(e.reference.title.as_deref(), Some("Dams on small rivers"));
    assert_eq!(
        e.reference.container.as_deref(),
        Some("Water Policy Review")
    );
    assert_eq!(e.reference.year, Some(2004));
}

#[test]
fn lists_with_semicolons_ampersands_and_articles() {
    let e = super::super::parse_entry(
        "Okafor, C.; Berg, A.; & Ibe, N., 2009. Rapid floods in small deltas. Water Research, 43: 6691.",
        Vec::new(),
    )
    .expect("an ACS-like entry");
    assert_eq!(e.reference.authors.len(), 3);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Rapid floods in small deltas")
    );
    // `A sensitive…` after the last initial is a title's article.
    let e = super::super::parse_entry(
        "30 Berg, D. M., Ibe, M. S. & Moser, J. C. A simple scale for delta floods. Water Policy 12, 1-21 (1995).",
        Vec::new(),
    )
    .expect("a Nature entry");
    assert_eq!(e.reference.authors.len(), 3);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("A simple scale for delta floods")
    );
}

#[test]
fn comma_separated_fields() {
    let e = super::super::parse_entry(
        "[2] R. H. Okafor, Shared Rivers, Delta Press, 1998.",
        Vec::new(),
    )
    .expect("an entry");
    assert_eq!(e.reference.title.as_deref(), Some("Shared Rivers"));
    assert_eq!(e.reference.year, Some(1998));
    let (t, rest) = comma_title("“Floods, droughts and dams,” Water Law 3");
    assert_eq!(
        (t.as_str(), rest),
        ("Floods, droughts and dams", "Water Law 3")
    );
}

#[test]
fn bare_years_initials_before_and_quoted_titles_alone() {
    let entry = |t: &str| super::super::parse_entry(t, Vec::new()).expect(t);
    let e = entry("Okafor, Chidi 1892. “On shared rivers.” Water Review 100: 25-50.");
    assert_eq!(
        (e.reference.authors[0].family.as_str(), e.reference.year),
        ("Okafor", Some(1892))
    );
    let e = entry(
        "Ibe, K. and M. Kano, Flood pulses in small deltas. Water Law, 2003. 38(5): p. 785-96.",
    );
    assert_eq!(e.reference.authors.len(), 2);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Flood pulses in small deltas")
    );
    let e = entry("[16] “Delta Operations Manual,” February 2012.");
    assert!(e.reference.authors.is_empty());
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Delta Operations Manual")
    );
}

#[test]
fn containers_lose_their_numbers_and_marks() {
    let entry = |t: &str| super::super::parse_entry(t, Vec::new()).expect(t);
    let e = entry("Berg, A. 2001. Floods in small deltas. Trends in Water Policy 16: 491-497.");
    assert_eq!(
        e.reference.container.as_deref(),
        Some("Trends in Water Policy")
    );
    assert_eq!(e.reference.volume.as_deref(), Some("16"));
    assert_eq!(e.reference.pages.as_deref(), Some("491-497"));
    let e = entry("Ibe N, Berg A. Dams and floods. J Water Res 2001; 95: 233-41.");
    assert_eq!(e.reference.container.as_deref(), Some("J Water Res"));
    assert_eq!(e.reference.year, Some(2001));
    let e =
        entry("Moser, K. and A. Berg. Delta rest positions. Water Review 61: 4, 220-233. 2004. *†");
    assert_eq!(e.reference.container.as_deref(), Some("Water Review"));
    let e = entry("D. J. Berg. Matching river lines. IEEE Trans. Water Eng., 3(6), 708-713, 1981.");
    assert_eq!(
        e.reference.container.as_deref(),
        Some("IEEE Trans. Water Eng")
    );
}

#[test]
fn organisations_publish_periodicals_contain() {
    let entry = |t: &str| super::super::parse_entry(t, Vec::new()).expect(t);
    let e = entry(
        "Berg, Anna. 2019. Rivers and borders. Delta Policy Center. https://example.org/rivers",
    );
    assert_eq!(e.reference.container, None);
    assert_eq!(
        e.reference.publisher.as_deref(),
        Some("Delta Policy Center")
    );
    assert_eq!(e.reference.kind, "webpage");
    let e = entry("Berg, A. 2019. Rivers and borders. Journal of the Delta Institute 4: 1-9.");
    assert_eq!(
        e.reference.container.as_deref(),
        Some("Journal of the Delta Institute")
    );
}

#[test]
fn et_al_and_publication_facts() {
    let entry = |t: &str| super::super::parse_entry(t, Vec::new()).expect(t);
    let e = entry("139. Berg, K.R., et al., Floods that suppress delta growth. Water Biol, 1996. 6(12): p. 1653-63.");
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Floods that suppress delta growth")
    );
    let e = entry(
        "Okafor, Chidi (1988), The Practice of Allocation (Cambridge: Delta University Press).",
    );
    assert_eq!(
        e.reference.title.as_deref(),
        Some("The Practice of Allocation")
    );
    assert_eq!(
        e.reference.publisher.as_deref(),
        Some("Delta University Press")
    );
    let e = entry(
        "Berg S., Ibe M. O., Moser U., « Floods and dams », Water Review, 2010, (10) pp 1427-1439",
    );
    assert_eq!(e.reference.authors.len(), 3);
    assert_eq!(e.reference.title.as_deref(), Some("Floods and dams"));
}

#[test]
fn periodicals_in_other_languages_and_series_stay_containers() {
    let entry = |t: &str| super::super::parse_entry(t, Vec::new()).expect(t);
    let e = entry("Berg, A. (1983). Floods on the Loire. Delta University Occasional Papers in Hydrology, 8, 1-20.");
    assert_eq!(
        e.reference.container.as_deref(),
        Some("Delta University Occasional Papers in Hydrology")
    );
    let e =
        entry("Moser, K. (1990). Les crues du delta. Revue de l'Institut des fleuves, 12, 33-40.");
    assert_eq!(
        e.reference.container.as_deref(),
        Some("Revue de l'Institut des fleuves")
    );
}

#[test]
fn volume_and_issue_labels_are_no_publisher() {
    let entry = |t: &str| crate::extract::entries::parse_entry(t, Vec::new()).expect("an entry");
    // MLA 9: `vol. 12, no. 3, 2010, pp. 45-67`.
    let e = entry("Lindqvist, Jonas. \"Border Rivers.\" Journal of Boundary Studies, vol. 12, no. 3, 2010, pp. 45-67.");
    let r = &e.reference;
    assert_eq!(r.publisher, None);
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("12"), Some("3"))
    );
    assert_eq!((r.pages.as_deref(), r.year), (Some("45-67"), Some(2010)));
    // The French form, `n°`, and German `Bd.`, `Heft`.
    let e = entry("Jeanne Morel, « Les fleuves frontaliers », Revue des études slaves, vol. 52, n° 3, 2002, p. 45-67.");
    let r = &e.reference;
    assert_eq!(r.publisher, None);
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("52"), Some("3"))
    );
    assert_eq!(r.container.as_deref(), Some("Revue des études slaves"));
    let e = entry("Keller, Jonas. *Grenzflüsse*. Osteuropa-Archiv, Bd. 45, Heft 2, 2003.");
    assert_eq!(
        (e.reference.volume.as_deref(), e.reference.issue.as_deref()),
        (Some("45"), Some("2"))
    );
    // The issue's year and pages after it (Chicago), in any language.
    let e = entry(
        "Berg, A. « Fatigue in river ice. » Journal of Ice Mechanics 29, n° 7 (2007): 269-281.",
    );
    let r = &e.reference;
    assert_eq!((r.year, r.pages.as_deref()), (Some(2007), Some("269-281")));
    assert_eq!(r.issue.as_deref(), Some("7"));
    let e =
        entry("Keller, Jonas. \"River Ports.\" Journal of Inland Trade 78, no. 2 (2019): 301–25.");
    let r = &e.reference;
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("78"), Some("2"))
    );
    assert_eq!((r.year, r.pages.as_deref()), (Some(2019), Some("301–25")));
}

#[test]
fn a_title_in_german_quotes_ends_at_its_closing_mark() {
    let entry = |t: &str| crate::extract::entries::parse_entry(t, Vec::new()).expect("an entry");
    let e = entry(
        "Keller, Jonas. „Die Häfen am Strom.“ Osteuropa-Archiv, Bd. 45, Heft 2, 2003, S. 101–130.",
    );
    let r = &e.reference;
    assert_eq!(r.title.as_deref(), Some("Die Häfen am Strom"));
    assert_eq!(r.container.as_deref(), Some("Osteuropa-Archiv"));
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("45"), Some("2"))
    );
    // A quotation that opens the title without ending it.
    let e = entry("KELLER, Jonas, „Nichts zu viel…“ Redekunst der Prediger am Strom, Stromland 48, 2008, 54-82.");
    assert_eq!(e.reference.container.as_deref(), Some("Stromland"));
}
