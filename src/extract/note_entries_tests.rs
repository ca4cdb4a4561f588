//! Notes written as reference-list entries (see `note_entries`): the
//! entry parser reads them where the note rules read less.

use crate::extract::citations::tests::{authors, read};
use crate::extract::citations::{parse_reference, Parsed};

/// Notes written as author–date entries (as reference managers paste
/// them into footnotes), with a remark after the reference.
#[test]
fn author_date_notes_read_as_entries_without_their_remarks() {
    let Parsed::Reference(r) = parse_reference(
        "Lindqvist, M. and Okafor, N. (2004). \"Tidal Gauges along the Old Pier\". *Harbour Science Review*, 12(2), 33–58. Compare the earlier draft.",
        Vec::new(),
    ) else {
        panic!("an author–date note is a reference");
    };
    assert_eq!(authors(&r), vec!["Lindqvist, M.", "Okafor, N."]);
    assert_eq!(r.title.as_deref(), Some("Tidal Gauges along the Old Pier"));
    assert_eq!(r.container.as_deref(), Some("Harbour Science Review"));
    assert_eq!(r.year, Some(2004));
    assert_eq!(r.publisher, None);
    let Parsed::Reference(r) = parse_reference(
        "Okafor, N. (1999). \"Salt and Timber\". Leiden: *Tidewater Press*. Quoted with minor changes.",
        Vec::new(),
    ) else {
        panic!("an author–date note is a reference");
    };
    assert_eq!(r.title.as_deref(), Some("Salt and Timber"));
    assert_eq!(r.publisher.as_deref(), Some("Tidewater Press"));
    assert_eq!(r.container, None);
    assert_eq!(r.year, Some(1999));
}

/// Notes pasted from reference lists in styles the note rules do not
/// read (Vancouver with a colon, family names first with initials after,
/// the year last): the entry parser reads them.
#[test]
fn notes_in_reference_list_styles_are_read_as_entries() {
    let r = read("Halvorsen TK, Mbeki AL, Quist R: Salt marsh carbon under rising tides. Estuarine Letters 31: 112-19, 2016");
    assert_eq!(r.authors[0].family, "Halvorsen");
    assert_eq!(r.authors.len(), 3);
    assert_eq!(r.year, Some(2016));
    assert!(r
        .title
        .as_deref()
        .is_some_and(|t| t.starts_with("Salt marsh carbon")));
    let r = read("Dunmore, P. K., Ferreira, A. L., Nilsen, O., Granite weathering on the western fjords, Journal of Cold Regions, vol. 14, p. 201. 2009.");
    assert_eq!(r.authors.len(), 3, "{:?}", r.authors);
    assert_eq!(r.authors[1].family, "Ferreira");
    assert!(
        r.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Granite weathering")),
        "{:?}",
        r.title
    );
    assert_eq!(r.year, Some(2009));
    // A name the note rules took for the title, before the real one.
    let r = read("Okonkwo, B. T., Larsen, P.K. and Moreau,A.J., Evidence for basalt weathering at Lake Harrow. Northern Survey Papers, v. 12, pp. 40-51. 1971.");
    assert_eq!(r.authors[0].family, "Okonkwo");
    assert!(
        r.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Evidence for basalt")),
        "{:?}",
        r.title
    );
    // Vancouver with a full stop after the names, the year after the
    // journal.
    let r = read("Varga M, Osei WD, Lindqvist DE. Salt crust on the dunes of the south coast. Coast Geol 1984; 43: 76-79.");
    let f: Vec<&str> = r.authors.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Varga", "Osei", "Lindqvist"]);
    assert_eq!(r.year, Some(1984));
    assert_eq!(r.container.as_deref(), Some("Coast Geol"));
    // Given names first, the title and a journal with nothing to set
    // them apart: the entry parser's journal and numbers fill the note's.
    let r = read(
        "K. Ostrowska, Tidal Rings in a Shallow Sound, Commun. Coast. Phys. 252 (2004), 189-258",
    );
    assert_eq!(r.authors[0].family, "Ostrowska");
    assert_eq!(r.title.as_deref(), Some("Tidal Rings in a Shallow Sound"));
    assert_eq!(r.container.as_deref(), Some("Commun. Coast. Phys"));
    assert_eq!(r.volume.as_deref(), Some("252"));
    assert_eq!(r.kind, "article-journal");
    // An article cited without its title, its journal's first word not
    // taken for one.
    let r = read("A. Lund, C Roe, and I Ota, Phys. Rev. B, 73, 193306 (2006).");
    assert_eq!(r.authors.len(), 3, "{:?}", r.authors);
    assert_eq!(r.title, None);
    assert_eq!(r.container.as_deref(), Some("Phys. Rev. B"));
    assert_eq!(r.year, Some(2006));
    // A transliterated initial (`Yu.`) is no family name.
    let r = read("Yu. M. Orlov and V. Yu. Sokolova, \"Tides in the outer sound,\" Phys. Rev. A 12 (2016) 227.");
    let f: Vec<(&str, &str)> = r
        .authors
        .iter()
        .map(|p| (p.family.as_str(), p.given.as_str()))
        .collect();
    assert_eq!(f, [("Orlov", "Yu. M."), ("Sokolova", "V. Yu.")]);
    assert_eq!(r.title.as_deref(), Some("Tides in the outer sound"));
    // A headline with a comma is no list of names.
    let r = read("Port Strike Delays Grain, Coal Shipments. Harbour Daily. 3 March 2019, <https://news.example.org/a/19>");
    assert!(r.authors.is_empty(), "{:?}", r.authors);
    // Nor is an instrument's name.
    let treaty = parse_reference("Hague Seeds Convention, March 3, 1989 (1990) 12 T.S. 40. Accord on Plant Varieties, signed at Geneva on 9 May 1991.", Vec::new());
    assert!(
        !matches!(&treaty, Parsed::Reference(r) if !r.authors.is_empty()),
        "{treaty:?}"
    );
    // Nor a parliamentary paper's.
    let paper = parse_reference(
        "Explanatory Memorandum, Legislative History, WpA 4, no. 2, p. 880.",
        Vec::new(),
    );
    assert!(
        !matches!(&paper, Parsed::Reference(r) if !r.authors.is_empty()),
        "{paper:?}"
    );
    // A remark stays a remark.
    assert!(matches!(
        parse_reference(
            "Okafor, as noted above, disagrees with this reading of the survey.",
            Vec::new()
        ),
        Parsed::Note
    ));
}

/// German notes cite an article `in:` its journal, the volume and the
/// year in parentheses after its name, the pages after `S.`; a year in
/// the title does not end it.
#[test]
fn german_journal_articles_in_notes() {
    for (note, title) in [
        (
            "Anna Lind, Hafenpolitik im Wandel, in: Zeitschrift für Hafengeschichte 45 (2003), S. 101–130.",
            "Hafenpolitik im Wandel",
        ),
        (
            "Anna Lind, Hafenpolitik nach 1945, in: Zeitschrift für Hafengeschichte 45 (2003), S. 101–130.",
            "Hafenpolitik nach 1945",
        ),
    ] {
        let Parsed::Reference(r) = parse_reference(note, Vec::new()) else {
            panic!("{note}");
        };
        assert_eq!(r.title.as_deref(), Some(title), "{note}");
        assert_eq!(r.container.as_deref(), Some("Zeitschrift für Hafengeschichte"), "{note}");
        assert_eq!(r.volume.as_deref(), Some("45"), "{note}");
        assert_eq!(r.year, Some(2003), "{note}");
        assert_eq!(r.kind, "article-journal", "{note}");
        assert_eq!(r.pages.as_deref(), Some("101–130"), "{note}");
    }
}
