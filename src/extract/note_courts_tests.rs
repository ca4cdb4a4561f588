//! Decisions written for these tests in the forms of each system's law
//! writing (the courts are real, the decisions invented).
use super::*;

fn read_ok(text: &str) -> Reference {
    super::super::note_forms::read(text, false).unwrap_or_else(|| panic!("not read: {text}"))
}

fn fields(r: &Reference) -> (&str, Option<&str>, Option<i32>, Option<&str>) {
    (
        r.title.as_deref().unwrap_or(""),
        r.publisher.as_deref(),
        r.year,
        r.container.as_deref(),
    )
}

#[test]
fn french_and_italian_decisions() {
    let r = read_ok("TGI Lyon, 14 mai 2009, Société Arven c/ Bertin, Gaz. Pal. 2009, p. 211.");
    assert_eq!(
        fields(&r),
        (
            "Société Arven c/ Bertin",
            Some("TGI Lyon"),
            Some(2009),
            Some("Gaz. Pal.")
        )
    );
    assert_eq!(
        (r.date.as_deref(), r.kind),
        (Some("2009-05-14"), "legal_case")
    );
    assert_eq!(r.pages.as_deref(), Some("211"));
    let r = read_ok("Cass. civ. 1re, 3 February 2010, n° 08-19.293.");
    assert_eq!(r.title.as_deref(), Some("Cass. civ. 1re n° 08-19.293"));
    assert_eq!(r.year, Some(2010));
    let r = read_ok("Cass. Civ 1ère, 9 April 2013, JurisData n° 2013-007124.");
    assert_eq!(r.publisher.as_deref(), Some("Cass. Civ 1ère"));
    let r = read_ok("Cass. civ., sez. I, 5 marzo 2008, n. 5891.");
    assert_eq!(r.title.as_deref(), Some("Cass. civ. n. 5891"));
    assert_eq!(r.date.as_deref(), Some("2008-03-05"));
}

#[test]
fn german_decisions_with_docket_report_and_name() {
    let r = read_ok("BGH, Urt. v. 14.10.2010 – I ZR 191/08, GRUR 2011, 418 – Tonträgerpfand.");
    assert_eq!(
        fields(&r),
        ("Tonträgerpfand", Some("BGH"), Some(2010), Some("GRUR"))
    );
    assert_eq!(r.date.as_deref(), Some("2010-10-14"));
    let r = read_ok("OLG Köln, 28.4.2006, 6 U 151/05.");
    assert_eq!(r.title.as_deref(), Some("OLG Köln 6 U 151/05"));
    // Year, journal, page: the title names the report, without the pin.
    let r = read_ok("LG Stuttgart, 2009 ZUM 77, 79.");
    assert_eq!(
        fields(&r),
        (
            "LG Stuttgart, 2009 ZUM 77",
            Some("LG Stuttgart"),
            Some(2009),
            Some("ZUM")
        )
    );
    let r = read_ok("OLG Düsseldorf 2011 CR 410 --- Kaffeekapsel.");
    assert_eq!(r.title.as_deref(), Some("Kaffeekapsel"));
}

#[test]
fn dutch_korean_european_and_polish_decisions() {
    let r = read_ok("HR 12 March 2004, NJ 2005, 33 (Kuipers/Gemeente Delft).");
    assert_eq!(
        fields(&r),
        ("Kuipers/Gemeente Delft", Some("HR"), Some(2004), Some("NJ"))
    );
    let r = read_ok("Rb. Utrecht 2 June 2011, NJF 2011, 301 (Veldkamp).");
    assert_eq!(r.title.as_deref(), Some("Veldkamp"));
    let r = read_ok("Seoul Central District Court 2011Gahap5678 decided June 7, 2012.");
    assert_eq!(
        fields(&r),
        (
            "Seoul Central District Court 2011Gahap5678",
            Some("Seoul Central District Court"),
            Some(2012),
            None
        )
    );
    assert_eq!(r.date.as_deref(), Some("2012-06-07"));
    let r = read_ok("ECJ 12 March 2015, C-411/13, Norland/Vessel Trading.");
    assert_eq!(r.title.as_deref(), Some("Norland/Vessel Trading"));
    let r = read_ok("Judgment of 12 June 2008, case file III CSK 27/08.");
    assert_eq!(r.title.as_deref(), Some("Judgment III CSK 27/08"));
    assert_eq!(r.year, Some(2008));
    let r =
        read_ok("The Regional Administrative Court in its judgment of 9 May 2007, II SA/Wa 12/07.");
    assert_eq!(
        r.publisher.as_deref(),
        Some("Regional Administrative Court")
    );
    assert_eq!(r.year, Some(2007));
}

#[test]
fn decisions_after_a_lead_in() {
    let r = read_ok("For a stricter view, see OLG München, 9.2.2012, 29 U 3421/11.");
    assert_eq!(r.title.as_deref(), Some("OLG München 29 U 3421/11"));
}

#[test]
fn courts_without_a_decision_are_not_decisions() {
    for t in [
        "Supreme Court Review, vol. 3 (2001), p. 4.",
        "Court of Justice, Annual Report 2010, p. 5.",
        "The Court of Appeal held in 1998 that the clause was void.",
        "CA Technologies, *Annual Report* 2012.",
        "Hofstadter, *Gödel, Escher, Bach*, 1979.",
        "Judgment of the court below.",
        "Case law is scarce here.",
    ] {
        assert!(decision(t).is_none(), "{t}");
    }
}

#[test]
fn no_panic_on_cut_decisions() {
    for t in [
        "BGH, Urt. v. 14.10.2010 – I ZR 191/08, GRUR 2011, 418 – X",
        "HR 12 maart 2004, NJ 2005, 33 (Kuipers/",
        "Seoul Court 99Aa1 (( — – «» „“ n° n. 1/ /1 //",
        "Case “",
        &"LG, ".repeat(300),
        &"HR 1 May 2001, and ".repeat(40),
    ] {
        for (i, _) in t.char_indices() {
            let _ = decision(&t[..i]);
            let _ = decision(&t[i..]);
        }
    }
}

#[test]
fn a_decision_after_a_quotation_of_it() {
    let r = read_ok("“zonder redelijke grond geweigerd”, Supreme Court of the Netherlands (“HR”) 2 May 2003, NJ 2004, 17 (Smit v Jansen).");
    assert_eq!(
        fields(&r),
        (
            "Smit v Jansen",
            Some("Supreme Court of the Netherlands"),
            Some(2003),
            Some("NJ")
        )
    );
}

#[test]
fn french_administrative_decisions_are_named_by_the_party_after_the_date() {
    let r = read_ok("CE, 3 juillet 1996, Koné, Rec. p. 255.");
    assert_eq!(r.title.as_deref(), Some("Koné"));
    assert_eq!(
        (r.publisher.as_deref(), r.date.as_deref()),
        (Some("CE"), Some("1996-07-03"))
    );
    let r = read_ok("CE, 19 juin 2015, Société Lindqvist, n° 369428.");
    assert_eq!(r.title.as_deref(), Some("Société Lindqvist"));
    // A report or a docket after the date names nothing.
    let r = read_ok("CE, 12 mars 2004, Lebon 255.");
    assert_ne!(r.title.as_deref(), Some("Lebon 255"));
    let r = read_ok("Cass. soc., 21 septembre 2017, Bull. civ. V, n° 140.");
    assert!(!r.title.as_deref().unwrap_or("").starts_with("Bull"));
}
