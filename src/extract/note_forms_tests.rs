use super::*;
use crate::extract::citations::{parse_reference, Parsed};

fn read_ok(text: &str) -> Reference {
    read(text, false).unwrap_or_else(|| panic!("not read: {text}"))
}

fn family(r: &Reference) -> Vec<&str> {
    r.authors.iter().map(|p| p.family.as_str()).collect()
}

#[test]
fn chicago_notes_book_article_chapter_newspaper() {
    let r =
        read_ok("Owen Pritchard, *Salt Roads of the Sahel* (Leeds: Moorgate Press, 1994), 71–73.");
    assert_eq!(family(&r), ["Pritchard"]);
    assert_eq!(r.title.as_deref(), Some("Salt Roads of the Sahel"));
    assert_eq!(r.publisher.as_deref(), Some("Moorgate Press"));
    assert_eq!((r.year, r.kind), (Some(1994), "book"));

    let r = read_ok("Ines Carvalho and Peter Lund, “Ferries and Fishermen,” *Maritime History Journal* 14, no. 2 (2006): 88–109, at 90.");
    assert_eq!(family(&r), ["Carvalho", "Lund"]);
    assert_eq!(r.title.as_deref(), Some("Ferries and Fishermen"));
    assert_eq!(r.container.as_deref(), Some("Maritime History Journal"));
    assert_eq!(r.volume.as_deref(), Some("14"));
    assert_eq!(r.issue.as_deref(), Some("2"));
    assert_eq!(r.pages.as_deref(), Some("88–109"));
    assert_eq!((r.year, r.kind), (Some(2006), "article-journal"));

    let r = read_ok("Ravi Menon, “Tea Estates,” in *Plantation Worlds*, ed. Lucy Hart (Delhi: Ganges, 2012), 3–20.");
    assert_eq!(r.container.as_deref(), Some("Plantation Worlds"));
    assert_eq!((r.year, r.kind), (Some(2012), "chapter"));

    let r = read_ok("Dana Whitfield, “Port Strike Ends,” *Evening Courier*, May 9, 2018.");
    assert_eq!(r.container.as_deref(), Some("Evening Courier"));
    assert_eq!(r.date.as_deref(), Some("2018-05-09"));
}

#[test]
fn names_in_capitals_particles_chinese_order_and_organisations() {
    let r = read_ok(
        "M. DE LA TORRE & P. OSTROWSKI, “Spain”, in *A Guide to Licensing Law*, Hanover, 2015.",
    );
    assert_eq!(family(&r), ["de la Torre", "Ostrowski"]);
    assert_eq!(r.title.as_deref(), Some("Spain"));
    assert_eq!(r.container.as_deref(), Some("A Guide to Licensing Law"));

    let r = read_ok("Liu Jianguo, *Rivers of the North* (Harbin: Songhua Press, 2003), 5.");
    assert_eq!(r.authors[0].family, "Liu");
    assert_eq!(r.authors[0].given, "Jianguo");

    let r = read_ok("Ludwig van Auer, *Die Brücke* (Wien: Donau, 1970), 8.");
    assert_eq!(r.authors[0].family, "van Auer");

    let r = read_ok("World Health Assembly, *Report on Vaccines* (Geneva: WHA, 2009), 4.");
    assert_eq!(family(&r), ["World Health Assembly"]);

    let r = read_ok("Okoye, Chidi, *Markets of Onitsha* (Enugu: Niger Books, 1999), 12.");
    assert_eq!(r.authors[0].family, "Okoye");
    assert_eq!(r.authors[0].given, "Chidi");
}

#[test]
fn bluebook_cases_articles_and_books() {
    let r = read_ok("Hollis Mfg. Co. v. Brandt, Inc., 233 F.3d 510, 514 (4th Cir. 2000).");
    assert_eq!(r.title.as_deref(), Some("Hollis Mfg. Co. v. Brandt, Inc"));
    assert_eq!(r.container.as_deref(), Some("F.3d"));
    assert_eq!(r.volume.as_deref(), Some("233"));
    assert_eq!(r.pages.as_deref(), Some("510"));
    assert_eq!((r.year, r.kind), (Some(2000), "legal_case"));

    // Parallel citations between the page and the year.
    let r =
        read_ok("Dunmore v. Kell Corp., 455 U.S. 12, 19, 102 S. Ct. 77, 80 L. Ed. 2d 5 (1982).");
    assert_eq!(r.title.as_deref(), Some("Dunmore v. Kell Corp"));
    assert_eq!(r.year, Some(1982));

    let r = read_ok("Rosa Blum, *Fair Use at Scale*, 64 Duke L.J. 901, 930 (2015).");
    assert_eq!(family(&r), ["Blum"]);
    assert_eq!(r.container.as_deref(), Some("Duke L.J."));
    assert_eq!((r.year, r.kind), (Some(2015), "article-journal"));

    let r = read_ok("Gil Adler, Patent Pools 12–14 (2d ed. 2011).");
    assert_eq!(r.title.as_deref(), Some("Patent Pools"));
    assert_eq!(r.year, Some(2011));
}

#[test]
fn oscola_cases_articles_and_books() {
    let r = read_ok("Carver v Thistle Mills Ltd [2004] EWCA Civ 311, [12].");
    assert_eq!(r.title.as_deref(), Some("Carver v Thistle Mills Ltd"));
    assert_eq!(r.container.as_deref(), Some("EWCA Civ"));
    assert_eq!(r.year, Some(2004));

    let r = read_ok("Joan Pryce, ‘Estoppel After Thorner’ (2010) 126 LQR 401, 410.");
    assert_eq!(r.title.as_deref(), Some("Estoppel After Thorner"));
    assert_eq!(r.container.as_deref(), Some("LQR"));
    assert_eq!(r.volume.as_deref(), Some("126"));
    assert_eq!(r.year, Some(2010));

    let r = read_ok("Ian Macrae, *Equity and Trusts* (2nd edn, Thornbury 2013) 77.");
    assert_eq!(r.publisher.as_deref(), Some("Thornbury"));
    assert_eq!(r.year, Some(2013));
}

#[test]
fn continental_commentaries_and_laws() {
    let r = read_ok("SCHMIDT, in: Berger/Lang (ed.), *Urheberrecht*, 2nd ed., 2016, § 12 ref. 3.");
    assert_eq!(family(&r), ["Schmidt"]);
    assert_eq!(r.container.as_deref(), Some("Urheberrecht"));
    assert_eq!(r.year, Some(2016));

    let r = read_ok("C. BIANCHI, *Il contratto di licenza*, Giappichelli, Torino, 2004, p. 12.");
    assert_eq!(family(&r), ["Bianchi"]);
    assert_eq!(r.publisher.as_deref(), Some("Giappichelli"));
    assert_eq!(r.year, Some(2004));

    let r = read_ok("Portuguese Civil Code, Arts. 405 and 406.");
    assert_eq!(r.title.as_deref(), Some("Portuguese Civil Code"));
    assert_eq!(r.kind, "legislation");
    let r = read_ok("Berne Convention of 1886 found at the organisation's site.");
    assert_eq!(r.year, Some(1886));
}

#[test]
fn laws_with_initials_titles_first_and_european_acts() {
    let r = read_ok("The U.S. Patent Act of 1952 found at <http://example.org/pa>.");
    assert_eq!(r.title.as_deref(), Some("The U.S. Patent Act of 1952"));
    assert_eq!((r.year, r.kind), (Some(1952), "legislation"));
    // A section of a code cited with no law's name is the work (the
    // title, `42 U.S.C.`, spans a hundred chapters).
    let r = read_ok("17 U.S.C. § 107 (2012).");
    assert_eq!(r.title.as_deref(), Some("17 U.S.C. § 107"));
    let r = read_ok("28 U.S. Code Chapter 85 may be found at <http://example.org/c85>.");
    assert_eq!(r.title.as_deref(), Some("28 U.S. Code"));
    let r = read_ok("Regulation (EU) No 1215/2012 of the European Parliament and of the Council of 12 December 2012 on jurisdiction, OJ L 351, 20.12.2012, p. 1.");
    assert_eq!(
        r.title.as_deref(),
        Some("Regulation (EU) No 1215/2012 of the European Parliament and of the Council of 12 December 2012 on jurisdiction")
    );
    assert_eq!(
        (r.year, r.date.as_deref()),
        (Some(2012), Some("2012-12-12"))
    );
    let r = read_ok("Directive 2009/24/EC of the European Parliament and of the Council of 23 April 2009 on the legal protection of computer programs (Codified version), OJ L 111/16.");
    assert_eq!((r.year, r.kind), (Some(2009), "legislation"));
    assert!(r.title.unwrap().ends_with("(Codified version)"));
    // A directive named in prose is no citation of it.
    assert!(read("Directive drafting is an art of its own.", false).is_none());
}

#[test]
fn citations_after_a_lead_in_need_strong_evidence() {
    let r = read_ok("On the customs union, see Kerstin Vogel, “Tariffs and Trust,” *Baltic Review* 8 (2001): 1–9.");
    assert_eq!(family(&r), ["Vogel"]);
    let r = read_ok(
        "The point is conceded even by R. HALLORAN, *Licences*, Kestrel, Dublin, 2011, p. 3.",
    );
    assert_eq!(family(&r), ["Halloran"]);
    // A remark that names people is not a citation.
    for remark in [
        "The letter was signed by Anna Berg and Tom Vail, who both left in May.",
        "Interview with Maria Lopez, Lisbon, 2011.",
        "This section was written with Peter Hale, “a friend of the project,” in mind.",
        "Code for the grid model is available at the project's page.",
        "See the discussion above.",
    ] {
        assert!(read(remark, false).is_none(), "{remark}");
    }
}

#[test]
fn no_panic_on_cut_or_odd_notes() {
    let notes = [
        "Hollis Mfg. Co. v. Brandt, Inc., 233 F.3d 510, 514 (4th Cir. 2000).",
        "Joan Pryce, ‘Estoppel After Thorner’ (2010) 126 LQR 401, 410.",
        "M. DE LA TORRE & P. OSTROWSKI, “Spain”, in *A Guide*, 2015.",
        "SCHMIDT, in: Berger/Lang (ed.), *Urheberrecht*, 2nd ed., 2016.",
        "« Titre », *Revue*, n° 4, 2011 ; Žofie Nováková, „Název“, 2010.",
        "Carver v Thistle [2004] , v v. , 1 A 1 (",
    ];
    for n in notes {
        for (i, _) in n.char_indices() {
            let _ = read(&n[..i], false);
            let _ = read(&n[i..], false);
        }
    }
}

#[test]
fn laws_without_a_year_are_not_merged_by_name() {
    let Parsed::Reference(r) = parse_reference("Copyright Act, Art. 95.", Vec::new()) else {
        panic!("a law is a reference");
    };
    assert_eq!(
        (r.title.as_deref(), r.kind),
        (Some("Copyright Act"), "legislation")
    );
    assert!(super::super::citations::match_keys(&r).is_empty());
    let Parsed::Reference(r) = parse_reference("Copyright Act 1968, s 31.", Vec::new()) else {
        panic!("a law is a reference");
    };
    assert_eq!(r.year, Some(1968));
    assert!(!super::super::citations::match_keys(&r).is_empty());
}

#[test]
fn german_authors_in_capitals_and_journal_citations() {
    let r = read_ok("HOFFMANN/KRAUS, Lizenzketten im Softwarevertrieb, 2011 CR 502, 505.");
    assert_eq!(family(&r), ["Hoffmann", "Kraus"]);
    assert_eq!(r.title.as_deref(), Some("Lizenzketten im Softwarevertrieb"));
    assert_eq!(r.container.as_deref(), Some("CR"));
    assert_eq!((r.year, r.pages.as_deref()), (Some(2011), Some("502")));
    let r = read_ok("BERGMANN, Die Weitergabe von Quelltexten, GRUR Int. 2008, 118, 121.");
    assert_eq!(r.container.as_deref(), Some("GRUR Int."));
    assert_eq!((r.year, r.kind), (Some(2008), "article-journal"));
    let r = read_ok("S. LINDQVIST, Copyleft and the Courts, 4 (2013) JIPITEC 71, para. 9.");
    assert_eq!(r.volume.as_deref(), Some("4"));
    assert_eq!(r.container.as_deref(), Some("JIPITEC"));
    assert_eq!(r.year, Some(2013));
    // A handbook cited by its author in capitals, without a year.
    let r = read_ok("OSTERLOH, Handbuch des Lizenzrechts, ref. 412.");
    assert_eq!(family(&r), ["Osterloh"]);
    assert_eq!(r.title.as_deref(), Some("Handbuch des Lizenzrechts"));
    // Authors in ordinary case still need more than a plain title.
    assert!(read("Osterloh, Handbuch des Lizenzrechts, ref. 412.", false).is_none());
}

#[test]
fn spanish_compound_family_names_before_initials() {
    let r =
        read_ok("Ortega Díaz, JM: “La cesión de derechos”, in Revista de Propiedad, 2004, p. 12.");
    assert_eq!(family(&r), ["Ortega Díaz"]);
    assert_eq!(r.authors[0].given, "JM");
    assert_eq!(r.title.as_deref(), Some("La cesión de derechos"));
    let r = read_ok("Vidal Soler, A., *Contratos de software*, Madrid, 2009.");
    assert_eq!(family(&r), ["Vidal Soler"]);
    assert_eq!(r.year, Some(2009));
}

#[test]
fn laws_after_a_signal_in_lower_case() {
    let Parsed::Reference(r) = parse_reference("See art. 405 of the Civil Code.", Vec::new())
    else {
        panic!("not read")
    };
    assert_eq!(
        (r.title.as_deref(), r.kind),
        (Some("Civil Code"), "legislation")
    );
}

#[test]
fn a_place_before_the_publisher_is_no_publisher() {
    let r = read_ok("Jean Lindqvist, *Les quais de la Loire*, Paris, Presses universitaires de France, 1998, p. 45.");
    assert_eq!(
        r.publisher.as_deref(),
        Some("Presses universitaires de France")
    );
    assert_eq!(r.year, Some(1998));
    // The publisher first, the place after: the first field stands.
    let r = read_ok("Jean Lindqvist, *Quays*, Harbour Press, Leeds, 1998, p. 45.");
    assert_eq!(r.publisher.as_deref(), Some("Harbour Press"));
    let r = read_ok("Jean Lindqvist, *Quays*, Penguin, London, 1998, p. 45.");
    assert_eq!(r.publisher.as_deref(), Some("Penguin"));
    // A known place before a publisher of one word.
    let r = read_ok("Jean Lindqvist, *Les quais de la Loire*, Paris, Gallimard, 1998, p. 45.");
    assert_eq!(r.publisher.as_deref(), Some("Gallimard"));
    let r = read_ok("Jonas Keller, *River Ports*, New York, Norton, 2001, 12.");
    assert_eq!(r.publisher.as_deref(), Some("Norton"));
}

#[test]
fn bluebook_articles_in_plain_type_with_a_pin_cite() {
    // A PDF's text drops the italics and sets the journal in capitals.
    for text in [
        "Aaron T. Wolf, Conflict and Cooperation Along International Waterways, 1 WATER POL'Y 251, 255 (1998).",
        "Aaron T. Wolf, Conflict and Cooperation Along International Waterways, 1 Water Pol'y 251, 255 (1998).",
    ] {
        let r = read_ok(text);
        assert_eq!(r.title.as_deref(), Some("Conflict and Cooperation Along International Waterways"), "{text}");
        assert_eq!(r.volume.as_deref(), Some("1"));
        assert_eq!(r.pages.as_deref(), Some("251"));
        let Parsed::Reference(p) = parse_reference(text, Vec::new()) else {
            panic!("not a reference: {text}");
        };
        assert_eq!(p.title, r.title, "{text}");
        assert_eq!(p.volume.as_deref(), Some("1"), "{text}");
    }
    let text = "Kaveh Madani, Game Theory and Water Resources, 381 J. HYDROLOGY 225 (2010).";
    let Parsed::Reference(p) = parse_reference(text, Vec::new()) else {
        panic!("not a reference: {text}");
    };
    assert_eq!(p.title.as_deref(), Some("Game Theory and Water Resources"));
    assert_eq!(p.container.as_deref(), Some("J. HYDROLOGY"));
}

#[test]
fn bluebook_books_in_capitals() {
    let text = "See generally STEPHEN MCCAFFREY, THE LAW OF INTERNATIONAL WATERCOURSES 302–08 (3d ed. 2019).";
    let text = crate::extract::short_forms::without_signal(text);
    let Parsed::Reference(p) = parse_reference(text, Vec::new()) else {
        panic!("not a reference: {text}");
    };
    assert_eq!(family(&p), ["Mccaffrey"]);
    assert_eq!(p.authors[0].given, "Stephen");
    assert_eq!(
        p.title.as_deref(),
        Some("The Law of International Watercourses")
    );
    assert_eq!(p.year, Some(2019));
}
