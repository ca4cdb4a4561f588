use super::*;

/// (first family, authors, journal, volume, pages, year)
type Read = (String, usize, String, String, Option<String>, i32);

fn fields(text: &str) -> Option<Read> {
    read(text).map(|r| {
        (
            r.authors[0].family.clone(),
            r.authors.len(),
            r.container.unwrap_or_default(),
            r.volume.unwrap_or_default(),
            r.pages,
            r.year.unwrap_or(0),
        )
    })
}

fn want(
    family: &str,
    n: usize,
    journal: &str,
    vol: &str,
    pages: Option<&str>,
    year: i32,
) -> Option<Read> {
    Some((
        family.to_string(),
        n,
        journal.to_string(),
        vol.to_string(),
        pages.map(str::to_string),
        year,
    ))
}

#[test]
fn physics_entries_with_the_year_in_parentheses() {
    assert_eq!(
        fields("H. Lindgren, O. Marsh, and T. de Wit, Phys. Rev. B 71, 045112 (2005)."),
        want("Lindgren", 3, "Phys. Rev. B", "71", Some("045112"), 2005)
    );
    assert_eq!(
        fields("R.K. Pandey, Physica 31 (1965) 877."),
        want("Pandey", 1, "Physica", "31", Some("877"), 1965)
    );
    assert_eq!(
        fields("Yu. Okun et al., Nucl.Instrum.Meth. 612 (2010) 33; hep-ex/0912001"),
        want("Okun", 1, "Nucl.Instrum.Meth", "612", Some("33"), 2010)
    );
    // `et al,`: its full stop lost.
    assert_eq!(
        fields("K. Sato, M. Ono, R. Iida et al, Surf. Sci. Lett., 88 : 120 ( 2011)"),
        want("Sato", 3, "Surf. Sci. Lett", "88", Some("120"), 2011)
    );
}

#[test]
fn spaces_a_converter_moved_are_put_back() {
    assert_eq!(
        fields("D. Moreau and A. Stein , J. High Energy Phys. 07( 2019) 112 , arXiv :1903.01234[ hep-th] ."),
        want("Moreau", 2, "J. High Energy Phys", "07", Some("112"), 2019)
    );
}

#[test]
fn chemistry_entries_in_french_and_with_the_year_first() {
    assert_eq!(
        fields("P. GARNIER, L. VIDAL et M. ROCHE. J. Org. Chem. 44, 1021 (1979);"),
        want("GARNIER", 3, "J. Org. Chem", "44", Some("1021"), 1979)
    );
    assert_eq!(
        fields("S. Ueda and K. Hart, J. Phys. Chem. 1988, 92, 3310-3315."),
        want("Ueda", 2, "J. Phys. Chem", "92", Some("3310-3315"), 1988)
    );
}

#[test]
fn entries_with_a_title_are_not_this_form() {
    for text in [
        "H. Lindgren, Heat flow in layered crystals, Phys. Rev. B 71, 045112 (2005).",
        "H. Lindgren and O. Marsh, Crystal Growth (Springer, Berlin, 2005).",
        "Lindgren, H. (2005). Heat flow. Phys. Rev. B 71, 045112.",
        "See H. Lindgren, Phys. Rev. B 71, 045112 (2005).",
        "H. Lindgren, Phys. Rev. B, in press.",
    ] {
        assert_eq!(fields(text), None, "{text}");
    }
}

#[test]
fn a_numbered_entry_and_a_footnote_are_read_in_this_form() {
    let e = crate::extract::entries::parse_entry(
        "[12] T. Okafor, Appl. Phys. Lett. 88, 1021 (2006).",
        Vec::new(),
    )
    .expect("an entry");
    assert_eq!(e.label.as_deref(), Some("12"));
    assert_eq!(e.reference.container.as_deref(), Some("Appl. Phys. Lett"));
    assert_eq!(e.reference.kind, "article-journal");
    let crate::extract::citations::Parsed::Reference(r) =
        crate::extract::citations::parse_reference(
            "T. Okafor, Appl. Phys. Lett. 88, 1021 (2006).",
            Vec::new(),
        )
    else {
        panic!("a reference")
    };
    assert_eq!((r.volume.as_deref(), r.year), (Some("88"), Some(2006)));
}

#[test]
fn a_first_author_with_et_al_and_the_numbers_biology_writes() {
    assert_eq!(
        fields("Marlow et al., Cell Biol., 4 : 212-219, 1991"),
        want("Marlow", 1, "Cell Biol", "4", Some("212-219"), 1991)
    );
    assert_eq!(
        fields("Oduya, et al., Journal of Plant Growth, 12( 3) : 140-151, 2003"),
        want(
            "Oduya",
            1,
            "Journal of Plant Growth",
            "12",
            Some("140-151"),
            2003
        )
    );
    assert_eq!(
        fields("Brandt K. et al., Phys. Lett. B, 7 (2013) 061201."),
        want("Brandt", 1, "Phys. Lett. B", "7", Some("061201"), 2013)
    );
    assert_eq!(
        fields("Zhou M et al 2018 Phys. Rev. C 97 044301"),
        want("Zhou", 1, "Phys. Rev. C", "97", Some("044301"), 2018)
    );
    let issue = read("Oduya, et al., Journal of Plant Growth, 12( 3) : 140-151, 2003")
        .and_then(|r| r.issue);
    assert_eq!(issue.as_deref(), Some("3"));
}

#[test]
fn family_names_first_and_lists_a_journal_ends() {
    assert_eq!(
        fields("K. Laine, J. Phys. A 41, 2210 (2008)."),
        want("Laine", 1, "J. Phys. A", "41", Some("2210"), 2008)
    );
    assert_eq!(
        fields("Moretti G. A., Tanaka H., Am. J. Phys., 60 (1992) 411."),
        want("Moretti", 2, "Am. J. Phys", "60", Some("411"), 1992)
    );
    assert_eq!(
        fields("Ibe, N.; Moser, K. L.; Berg, A. Rev Mod Phys 2004 , 76 , 1021 -1060."),
        want("Ibe", 3, "Rev Mod Phys", "76", Some("1021-1060"), 2004)
    );
    assert_eq!(
        fields("R. Ortiz, and P. Lund , Phys.Rev .E 51 , 3484 ( 1995)."),
        want("Ortiz", 2, "Phys.Rev.E", "51", Some("3484"), 1995)
    );
}

#[test]
fn hostile_text_does_not_panic() {
    for text in [
        "A. B, J. Phys. 12, 3– 4 (1999)",
        "A. B, – –",
        "A. B, J. 1 (",
        "A. B et al",
        "Ab; Cd;",
        "A. Berg, (2000) (",
        "ß. ü, Ü. 1–– 2 (1900)",
    ] {
        let _ = read(text);
    }
}

#[test]
fn physics_books_with_their_facts_in_parentheses() {
    let r = book("S. Lund and T. Okafor, Rings and Their Orbits (Wiley, New York, 1972).")
        .expect("a book");
    assert_eq!(r.title.as_deref(), Some("Rings and Their Orbits"));
    assert_eq!(
        (r.publisher.as_deref(), r.year),
        (Some("Wiley"), Some(1972))
    );
    let r = book("K. Moro, Lattice Methods (Westview, Boulder ), 1995 .").expect("the year after");
    assert_eq!(r.year, Some(1995));
    for text in [
        "K. Moro, Lattice methods. Rings '91 (Osaka, Japan), 1991.",
        "K. Moro, Phys. Rev. D 12 (1999) 3.",
        "K. Moro, \"Lattice Methods,\" in Rings (Wiley, 1995), 3-40.",
    ] {
        assert_eq!(book(text), None, "{text}");
    }
}

#[test]
fn a_journal_and_its_numbers_alone() {
    let r = journal_only("Harbour Science Reviews 99 (2008) 4919–4928.").expect("a journal line");
    assert_eq!(r.container.as_deref(), Some("Harbour Science Reviews"));
    assert_eq!(
        (r.volume.as_deref(), r.pages.as_deref(), r.year),
        (Some("99"), Some("4919–4928"), Some(2008))
    );
    assert!(r.authors.is_empty() && r.title.is_none());
    // Lower-case words inside the name, a name in capitals, the year
    // first.
    for (text, container, year) in [
        (
            "Harbour Systems with Tides 38 (2011) 2536–2549",
            "Harbour Systems with Tides",
            2011,
        ),
        ("JOURNAL OF TIDES 12 (1990) 11-19", "JOURNAL OF TIDES", 1990),
        ("2011 New J. Tides 13 013025", "New J. Tides", 2011),
    ] {
        let r = journal_only(text).expect(text);
        assert_eq!(r.container.as_deref(), Some(container), "{text}");
        assert_eq!(r.year, Some(year), "{text}");
    }
    // A publisher and its year, or a volume alone, are no such line; nor
    // is a name that opens with a joining word.
    assert_eq!(journal_only("with Tides 38 (2011) 2536–2549"), None);
    for text in [
        "Oxford University Press, 2004.",
        "Harbour Science Reviews 99 (2008).",
        // A figure's labels left after a reference list.
        "Samara Saratov Syzran Volsk 1881 1890 1900 1913",
    ] {
        assert_eq!(journal_only(text), None, "{text}");
    }
}

#[test]
fn names_that_run_into_the_journal_or_carry_a_suffix() {
    // No comma between the last name and the journal's abbreviation.
    assert_eq!(
        fields("F. Okonkwo Phys. Rev. D 72 (2005) 107301."),
        want("Okonkwo", 1, "Phys. Rev. D", "72", Some("107301"), 2005)
    );
    assert_eq!(
        fields("L. Varga and P. Oduya Yad. Fiz. 31 (1980) 1510."),
        want("Varga", 2, "Yad. Fiz", "31", Some("1510"), 1980)
    );
    // `Jr.,` after a name, in capitals as chemistry lists print them.
    assert_eq!(
        fields("J. R. HALVORSEN, P. E. MARCH, JR., R. D. TOLL et R. H. VEY. J. Am. Chem. Soc. 101, 4762 (1979);"),
        want("HALVORSEN", 4, "J. Am. Chem. Soc", "101", Some("4762"), 1979)
    );
    // A capitalised word that is no abbreviation still needs its comma.
    assert_eq!(fields("F. Okonkwo Harbour Studies 72 (2005) 107."), None);
}

#[test]
fn a_volume_numbered_like_a_year_before_the_year_in_parentheses() {
    assert_eq!(
        fields("K. Roe, JHEP 1703, 101 (2017)."),
        want("Roe", 1, "JHEP", "1703", Some("101"), 2017)
    );
    // The year first, with no year in parentheses after it.
    assert_eq!(
        fields("P. Lund, J. Chem. Phys. 1992, 96, 1709."),
        want("Lund", 1, "J. Chem. Phys", "96", Some("1709"), 1992)
    );
}
