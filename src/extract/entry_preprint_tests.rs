use super::*;

fn preprint_strict(text: &str) -> Option<Reference> {
    preprint(text, true, Vec::new())
}

#[test]
fn preprints_are_dated_by_their_number() {
    let r = preprint_strict("E. Lund and K. Moro, Notes on lattice sums, arXiv:1209.21994")
        .expect("a preprint");
    assert_eq!(r.title.as_deref(), Some("Notes on lattice sums"));
    assert_eq!(r.year, Some(2012));
    assert_eq!(r.urls, ["https://arxiv.org/abs/1209.21994"]);
    let r =
        preprint_strict("T. Okafor, \"Heavy quarks at rest,\" arXiv :hep-ph/9806023 [ hep-ph].")
            .expect("old style");
    assert_eq!(
        (r.title.as_deref(), r.year),
        (Some("Heavy quarks at rest"), Some(1998))
    );
    assert_eq!(
        preprint_strict("E. Lund, Notes, arXiv:1299.2199"),
        None,
        "no 99th month"
    );
    assert_eq!(
        preprint_strict("E. Lund, arXiv:1209.2199"),
        None,
        "no title"
    );
}

#[test]
fn an_arxiv_number_is_an_address_not_a_year() {
    let (plain, urls) =
        without_arxiv("Phys. Rev. D 91 (2015) 111501 [arXiv :1502.01719[ hep -ph]].").unwrap();
    assert_eq!(plain, "Phys. Rev. D 91 (2015) 111501 [].");
    assert_eq!(urls, ["https://arxiv.org/abs/1502.01719"]);
    let e = crate::extract::entries::parse_entry(
        "Z. Berg and T. Okafor, Slow roll with a twist, Phys. Rev. D 81 ( 2010) arXiv :1001.1897.",
        Vec::new(),
    )
    .expect("an entry");
    assert_eq!(e.reference.year, Some(2010));
    assert!(e
        .reference
        .urls
        .contains(&"https://arxiv.org/abs/1001.1897".to_string()));
}

#[test]
fn a_preprint_entry_keeps_its_authors() {
    let e = crate::extract::entries::parse_entry(
        "7. E. Lund and K. Moro, Notes on lattice sums, arXiv:1502.01994.",
        Vec::new(),
    )
    .expect("an entry");
    let families: Vec<&str> = e
        .reference
        .authors
        .iter()
        .map(|p| p.family.as_str())
        .collect();
    assert_eq!(families, ["Lund", "Moro"]);
    assert_eq!(
        (e.reference.year, e.reference.kind),
        (Some(2015), "article")
    );
}

#[test]
fn preprints_cited_by_names_and_number_alone() {
    let read = |t: &str| untitled_entry(t, &[]).map(|e| e.reference);
    let r = read("[4] P. Okafor, L. van Dyke, and M. Lund, arXiv:0907.1188 [ hep-th].")
        .expect("names and a number");
    let families: Vec<&str> = r.authors.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(families, ["Okafor", "van Dyke", "Lund"]);
    assert_eq!((r.title.as_deref(), r.year), (None, Some(2009)));
    assert_eq!(r.urls, ["https://arxiv.org/abs/0907.1188"]);
    // The year written after the number dates it; `arXiv.org:` and an
    // old-style number are the same address.
    let r = read("T. Brandt et al. arXiv.org: hep-ph/9912345 (2000).").expect("old style");
    assert_eq!(
        (r.authors[0].family.as_str(), r.year),
        ("Brandt", Some(2000))
    );
    assert_eq!(r.urls, ["https://arxiv.org/abs/hep-ph/9912345"]);
    let r = read("KAPPA Collaboration, arXiv:1811.04412 [hep-ex].").expect("a collaboration");
    assert_eq!(r.authors[0].family, "KAPPA Collaboration");
    // A title, or words after the number, are for the other rules.
    assert_eq!(read("P. Okafor, Heavy tails, arXiv:0907.1188."), None);
    assert_eq!(read("P. Okafor, arXiv:0907.1188 (invited talk)."), None);
    assert_eq!(read("P. Okafor, arXiv:0913.1188."), None, "no 13th month");
}

#[test]
fn arxiv_numbers_a_converter_spaced_out_are_made_whole() {
    for (spaced, whole) in [
        (
            "K. Roe, arXiv :1002 . 4459[ hep-lat].",
            "K. Roe, arXiv:1002.4459[ hep-lat].",
        ),
        (
            "K. Roe arXiv.org: astro-ph /9612213.",
            "K. Roe arXiv.org:astro-ph/9612213.",
        ),
        ("arXiv:gr -qc/ 0612065v2", "arXiv:gr-qc/0612065v2"),
        (
            "T. Berg and M. Lind, hep-th/9901012;",
            "T. Berg and M. Lind, arXiv:hep-th/9901012;",
        ),
        // Not numbers: left as they are.
        (
            "arXiv. Retrieved from the archive",
            "arXiv. Retrieved from the archive",
        ),
        ("the hep -style of notes", "the hep -style of notes"),
        ("math - the plain word", "math - the plain word"),
    ] {
        assert_eq!(whole_arxiv_numbers(spaced), whole, "{spaced}");
    }
}

#[test]
fn preprints_cited_by_a_spaced_bare_or_versioned_number() {
    let parse = |t: &str| {
        crate::extract::entries::parse_entry(t, Vec::new())
            .unwrap_or_else(|| panic!("not an entry: {t}"))
            .reference
    };
    let r = parse("T. Berg and M. Lind, hep-th/9901012;");
    assert_eq!(r.year, Some(1999));
    assert_eq!(r.urls, ["https://arxiv.org/abs/hep-th/9901012"]);
    let r = parse("P. Okafor arXiv.org: astro-ph /0207311 ( 2002).");
    assert_eq!(
        (r.authors[0].family.as_str(), r.year),
        ("Okafor", Some(2002))
    );
    let r = parse("D. Moro, Slow rolls and fast ones, arXiv:1703. 0412v2.");
    assert_eq!(r.title.as_deref(), Some("Slow rolls and fast ones"));
    assert_eq!(r.year, Some(2017));
}

#[test]
fn hostile_arxiv_text_does_not_panic() {
    for text in [
        "hep-ph/123456\u{e9}",
        "hep-ph/\u{e9}\u{e9}\u{e9}\u{e9}",
        "arXiv . . : / -",
        "arXiv",
        "gr -",
        "arXiv:1002 . ",
        "hep -ph/",
        "\u{2019}arXiv :\u{e9}. 4459",
    ] {
        let _ = whole_arxiv_numbers(text);
        let _ = crate::extract::entries::parse_entry(text, Vec::new());
    }
}
