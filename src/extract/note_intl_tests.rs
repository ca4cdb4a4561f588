//! Tests of `note_intl`, on notes written here in the Bluebook's and
//! OSCOLA's forms.

use super::*;

fn read(note: &str) -> Reference {
    match crate::extract::citations::parse_reference(note, Vec::new()) {
        crate::extract::citations::Parsed::Reference(r) => *r,
        other => panic!("{note}: {other:?}"),
    }
}

#[test]
fn treaties_in_the_bluebook_form() {
    let r = read(
        "Convention on the Protection of Migratory Fish Stocks, May 21, 1997, 2999 U.N.T.S. 77.",
    );
    assert_eq!(r.kind, "treaty");
    assert_eq!(
        r.title.as_deref(),
        Some("Convention on the Protection of Migratory Fish Stocks")
    );
    assert_eq!(
        (r.year, r.date.as_deref()),
        (Some(1997), Some("1997-05-21"))
    );
    assert_eq!(
        (
            r.volume.as_deref(),
            r.container.as_deref(),
            r.pages.as_deref()
        ),
        (Some("2999"), Some("U.N.T.S."), Some("77"))
    );
    // A bilateral treaty names its parties before the date.
    let r = read("Treaty on Boundary Rivers and Good Neighbourliness, China-Russ., July 16, 2001, 2212 U.N.T.S. 301, art. 4.");
    assert_eq!(
        r.title.as_deref(),
        Some("Treaty on Boundary Rivers and Good Neighbourliness")
    );
    assert_eq!(
        (r.year, r.container.as_deref()),
        (Some(2001), Some("U.N.T.S."))
    );
    // Where it was signed, before the date.
    let r = read("Agreement on Cooperation in the Field of Oil, Moscow, 17 February 2009.");
    assert_eq!((r.kind, r.date.as_deref()), ("treaty", Some("2009-02-17")));
    // No series: the name and the date are enough.
    let r = read("Agreement on the Joint Survey of the Eastern Border, Mong.-Russ., Mar. 3, 1994.");
    assert_eq!((r.kind, r.year), ("treaty", Some(1994)));
}

#[test]
fn treaties_named_in_other_languages() {
    let r = read("Traité de bon voisinage, d'amitié et de coopération entre la Chine et la Russie, signé à Moscou le 16 juillet 2001.");
    assert_eq!(r.kind, "treaty");
    assert_eq!(
        r.title.as_deref(),
        Some("Traité de bon voisinage, d'amitié et de coopération entre la Chine et la Russie")
    );
    assert_eq!(r.date.as_deref(), Some("2001-07-16"));
    let r = read("Abkommen über die Grenzflüsse, unterzeichnet in Peking am 3. Mai 1994.");
    assert_eq!((r.kind, r.year), ("treaty", Some(1994)));
}

#[test]
fn treaties_in_the_oscola_form() {
    let r = read("Convention on Shared Lakes (adopted 12 June 1992, entered into force 4 March 1996) 1936 UNTS 269, art 7.");
    assert_eq!(r.kind, "treaty");
    assert_eq!(r.title.as_deref(), Some("Convention on Shared Lakes"));
    assert_eq!(
        (r.year, r.date.as_deref()),
        (Some(1992), Some("1992-06-12"))
    );
    assert_eq!(
        (r.volume.as_deref(), r.container.as_deref()),
        (Some("1936"), Some("UNTS"))
    );
}

#[test]
fn resolutions_and_reports_of_the_united_nations() {
    let r = read("G.A. Res. 61/295, U.N. Doc. A/RES/61/295 (Sept. 13, 2007).");
    assert_eq!(r.title.as_deref(), Some("G.A. Res. 61/295"));
    assert_eq!(r.container.as_deref(), Some("U.N. Doc. A/RES/61/295"));
    assert_eq!(
        (r.year, r.date.as_deref()),
        (Some(2007), Some("2007-09-13"))
    );
    let r = read("UNSC Res 1874 (12 June 2009) UN Doc S/RES/1874.");
    assert_eq!(
        (r.title.as_deref(), r.year),
        (Some("UNSC Res 1874"), Some(2009))
    );
    let r = read("Int'l Law Comm'n, Rep. on the Work of Its Sixtieth Session, U.N. Doc. A/63/10, at 87 (2008).");
    assert_eq!(r.kind, "report");
    assert_eq!(r.authors[0].family, "Int'l Law Comm'n");
    assert_eq!(
        r.title.as_deref(),
        Some("Rep. on the Work of Its Sixtieth Session")
    );
    assert_eq!(
        (r.container.as_deref(), r.year),
        (Some("U.N. Doc. A/63/10"), Some(2008))
    );
}

#[test]
fn prose_and_other_citations_are_not_treaties() {
    for note in [
        "The Treaty was signed on May 21, 1997, in Moscow.",
        "Smith, The Treaty Makers, 12 (Harbour Press, May 3, 2001).",
        "See the Agreement, note 4 above.",
        "J. P. Lund. Acc. Chem. Res. 10, 265 (1977).",
        "Thrombosis Res. 101: 329-354 (2001).",
    ] {
        assert!(treaty(note).is_none(), "{note}");
        assert!(un_document(note).is_none(), "{note}");
    }
}

#[test]
fn laws_by_their_code_or_register() {
    let r = read("Export Administration Regulations, 15 C.F.R. § 744.21 (2019).");
    assert_eq!(
        (r.kind, r.title.as_deref(), r.year),
        (
            "legislation",
            Some("Export Administration Regulations"),
            Some(2019)
        )
    );
    let r = read("Export Control Reform Act of 2018, Pub. L. No. 115-232, §§ 1751–1781, 132 Stat. 2208 (codified at 50 U.S.C. §§ 4801–4852).");
    assert_eq!(
        (r.kind, r.title.as_deref(), r.year),
        (
            "legislation",
            Some("Export Control Reform Act of 2018"),
            Some(2018)
        )
    );
    let r = read("87 Fed. Reg. 12,226 (Mar. 4, 2022).");
    assert_eq!(
        (r.title.as_deref(), r.date.as_deref()),
        (Some("87 Fed. Reg. 12,226"), Some("2022-03-04"))
    );
    let r = read("42 U.S.C. § 1983 (2018).");
    assert_eq!(
        (r.title.as_deref(), r.year, r.date),
        (Some("42 U.S.C. § 1983"), Some(2018), None)
    );
    // A journal whose short name opens like a code's.
    assert!(super::super::note_laws::code_cite("Lund, Rings, 12 Stat. Sci. 45 (2010).").is_none());
}

#[test]
fn oscola_cases_with_their_names_in_italics() {
    let r = read("*Lund v Secretary of State for the Home Department* [2019] EWCA Civ 12, [2020] 1 WLR 44 [12].");
    assert_eq!(
        (r.kind, r.title.as_deref(), r.year),
        (
            "legal_case",
            Some("Lund v Secretary of State for the Home Department"),
            Some(2019)
        )
    );
}

#[test]
fn french_acts_by_kind_number_and_date() {
    let r = read("Décret n° 2002-312 du 28 février 2002 portant publication de l'accord, *JORF* n° 52 du 2 mars 2002, p. 3945.");
    assert_eq!(
        (r.kind, r.title.as_deref(), r.date.as_deref()),
        (
            "legislation",
            Some("Décret n° 2002-312 du 28 février 2002"),
            Some("2002-02-28")
        )
    );
    let r = read("Loi n° 2016-1691 du 9 décembre 2016 relative à la transparence.");
    assert_eq!(r.year, Some(2016));
}

#[test]
fn treaties_dated_the_russian_way() {
    let r = read("Соглашение о пограничных реках от 16 мая 1991 г.");
    assert_eq!(
        (r.kind, r.title.as_deref(), r.date.as_deref()),
        (
            "treaty",
            Some("Соглашение о пограничных реках"),
            Some("1991-05-16")
        )
    );
}
