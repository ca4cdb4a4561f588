//! Tests of `entry_tagged`.

use super::*;

#[test]
fn years_of_date_fields() {
    let year = |d: &str| first_year(d).map(|(y, _)| y);
    assert_eq!(year("(2010a)."), Some(2010));
    assert_eq!(year("May 3, 1999"), Some(1999));
    assert_eq!(year("12345"), None);
    assert_eq!(year(""), None);
}

/// Entries written here in the forms where the rules alone misplaced
/// the container (a volume with its issue after a stop, a newspaper
/// before its date in parentheses, an edited book after `In … (Eds.),`)
/// or read no entry at all.
#[test]
fn titles_and_containers_in_the_forms_styles_write() {
    for (text, title, container) in [
        (
            "Marlow, Petra. 2016. “Harbour cranes and the night shift.” Journal of Dockside Studies 41.2 (2016): 77-98.",
            "Harbour cranes and the night shift",
            Some("Journal of Dockside Studies"),
        ),
        (
            "Okafor, N., & Lindqvist, M. (2011). Salt marsh recovery after storms. In R. Haddad & T. Brun (Eds.), Handbook of coastal repair (pp. 201–230). Leiden: Tidewater Press.",
            "Salt marsh recovery after storms",
            Some("Handbook of coastal repair"),
        ),
        (
            "Pereira, Luis. \"Ferry Fares Rise Again,\" The Harbour Gazette (March 4, 1971).",
            "Ferry Fares Rise Again",
            Some("The Harbour Gazette"),
        ),
        (
            "K. Adebayo and L. Stroud. Fast hashing of sparse sensor logs. Sensor Systems Letters, 12(3):45–61, 2019.",
            "Fast hashing of sparse sensor logs",
            Some("Sensor Systems Letters"),
        ),
        (
            "Duarte, R. and Ishikawa, T. (2004). Settlement of soft clay under cyclic load. Soil Mechanics Quarterly, 19(2):101–118.",
            "Settlement of soft clay under cyclic load",
            Some("Soil Mechanics Quarterly"),
        ),
        (
            "Halvorsen, Ingrid. Winter Roads of the North. Tromsø: Polar Books, 1998.",
            "Winter Roads of the North",
            None,
        ),
        (
            "Vance, A. (2005). \"Famous Harbour across Conference\". *Transactions on Coastal Trade*, 46(3), 280–467.",
            "Famous Harbour across Conference",
            Some("Transactions on Coastal Trade"),
        ),
        // A title that opens with a workshop's acronym and year, a
        // proceedings' name that opens with its year (as a converter of
        // the PDF wrote it, a space before the comma).
        (
            "Ana Reyes, Tomas Berg, and Ines Kahl. Icpr 2016 harbour crane competition. In 2016 23rd International Conference on Pattern Recognition , pages 112-119, 2016.",
            "Icpr 2016 harbour crane competition",
            Some("2016 23rd International Conference on Pattern Recognition"),
        ),
    ] {
        let e = crate::extract::parse_entry(text, Vec::new()).expect(text);
        assert_eq!(e.reference.title.as_deref(), Some(title), "{text}");
        assert_eq!(e.reference.container.as_deref(), container, "{text}");
        assert!(e.reference.year.is_some(), "{text}");
    }
}

/// A quotation that is only the title's first part does not end it.
#[test]
fn a_quotation_inside_a_title_does_not_end_it() {
    for text in [
        "Ostrova, L. (1999). “Harbour Songs” and Their Singers. Journal of Sea Ballads, 3, 35-52.",
        "Ostrova, L. 1999. “Harbour Songs” and “Net Songs.” Rotterdam: Quay Press.",
    ] {
        let e = crate::extract::parse_entry(text, Vec::new()).expect(text);
        let title = e.reference.title.unwrap_or_default();
        assert!(title.len() > "Harbour Songs”".len(), "{text}: {title}");
    }
}

#[test]
fn remarks_in_a_reference_list_are_not_read_as_entries() {
    for text in [
        "All web pages were last accessed in May 2021.",
        "Archival sources are listed by box and folder.",
        "See also the works cited in chapter 3.",
    ] {
        assert_eq!(
            crate::extract::parse_entry(text, Vec::new()),
            None,
            "{text}"
        );
    }
}

/// Springer's form, names parted from the title by a colon: the title
/// does not open with the last of them.
#[test]
fn the_last_name_before_a_colon_is_no_part_of_the_title() {
    let text = "Okafor, A., Lindqvist, B., Mbeki, C.D.: Wave loads on floating piers in shallow sounds. Int. J. Coast. Eng. 12, 1550033 (2015)";
    let r = crate::extract::parse_entry(text, Vec::new())
        .expect(text)
        .reference;
    assert_eq!(r.authors.len(), 3, "{:?}", r.authors);
    assert_eq!(
        r.title.as_deref(),
        Some("Wave loads on floating piers in shallow sounds")
    );
}

/// Articles cited without their titles, in the forms of physics and
/// chemistry lists the rules do not read (written here).
#[test]
fn untitled_articles_are_read_from_the_labels() {
    for (text, family, container, year) in [
        (
            "Ostrander K, Veldt M and Haugen P 2006 Phys. Rev. Lett. 97 031402",
            "Ostrander",
            "Phys. Rev. Lett",
            2006,
        ),
        (
            "Marquez, L. T. Phys Rev Lett 2001, 87, 2211-2214.",
            "Marquez",
            "Phys Rev Lett",
            2001,
        ),
    ] {
        let e = crate::extract::parse_entry(text, Vec::new()).expect(text);
        let r = e.reference;
        assert_eq!(r.authors[0].family, family, "{text}");
        assert_eq!(r.container.as_deref(), Some(container), "{text}");
        assert_eq!(r.year, Some(year), "{text}");
        assert_eq!(r.title, None, "{text}");
    }
    // Names and a year without a journal's numbers are no article.
    let t = Tagged::new("Ostrander K and Veldt M 2006 Phys. Rev. Lett.");
    assert_eq!(t.untitled_article(Vec::new()), None);
}

#[test]
fn marks_are_not_read() {
    let t = Tagged::new("Berg, A. (2010). *A title*. {Link}");
    assert!(!t.text.contains(['*', '{', '}']));
}
