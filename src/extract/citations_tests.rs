use super::*;
use crate::extract::short_forms::without_hereinafter;

const SEED_001: &str = include_str!("../../content/001_63cb8a33a0f86596.txt");

/// The 29 footnotes of seed 001, parsed.
fn seed() -> Vec<Parsed> {
    let n = crate::normalize::pdfmd::normalize(SEED_001);
    let (doc, _) = crate::parse::parse(&n.markdown);
    assert_eq!(doc.footnotes.len(), 29);
    doc.footnotes
        .iter()
        .map(|f| {
            let (text, urls) = marked_text(&f.body);
            parse_reference(&text, urls)
        })
        .collect()
}

fn r(p: &Parsed) -> &Reference {
    match p {
        Parsed::Reference(r) => r,
        other => panic!("not a reference: {other:?}"),
    }
}

/// The reference a note reads as; a note that reads as none fails the test.
pub(in crate::extract) fn read(text: &str) -> Box<Reference> {
    match parse_reference(text, Vec::new()) {
        Parsed::Reference(r) => r,
        other => panic!("{text}: {other:?}"),
    }
}

pub(in crate::extract) fn authors(r: &Reference) -> Vec<String> {
    r.authors.iter().map(Person::sort_name).collect()
}

#[test]
fn journal_article_with_doi() {
    let all = seed();
    let ong = r(&all[2]);
    assert_eq!(authors(ong), vec!["Ong, Russell"]);
    assert_eq!(
        ong.title.as_deref(),
        Some("China’s Strategic Convergence with Russia")
    );
    assert_eq!(
        ong.container.as_deref(),
        Some("Korean Journal Of Defense Analysis")
    );
    assert_eq!(
        (
            ong.volume.as_deref(),
            ong.issue.as_deref(),
            ong.pages.as_deref()
        ),
        (Some("21"), Some("3"), Some("315-328"))
    );
    assert_eq!(ong.year, Some(2009));
    assert_eq!(ong.doi.as_deref(), Some("10.1080/10163270903087329"));
    assert_eq!(ong.publisher.as_deref(), Some("Informa UK Limited"));
    assert_eq!(ong.kind, "article-journal");
}

#[test]
fn quoted_title_with_site_link() {
    let all = seed();
    let first = r(&all[0]);
    assert!(first.authors.is_empty());
    assert_eq!(
        first.title.as_deref(),
        Some("Putin Says Russia-China Relations At Highest-Ever Level")
    );
    assert_eq!(first.container.as_deref(), Some("global.chinadaily.com.cn"));
    assert_eq!(first.year, Some(2021));
    assert_eq!(
        first.urls,
        vec!["http://global.chinadaily.com.cn/a/202106/05/WS60bb0cbaa31024ad0bac3d34.html"]
    );
}

#[test]
fn two_authors_and_italic_container() {
    let all = seed();
    let fa = r(&all[3]);
    assert_eq!(
        authors(fa),
        vec!["Kendall-Taylor, Andrea", "Shullman, David"]
    );
    assert_eq!(
        fa.title.as_deref(),
        Some("China And Russia’s Dangerous Convergence")
    );
    assert_eq!(fa.container.as_deref(), Some("Foreign Affairs"));
    assert_eq!(fa.year, Some(2021));
    assert_eq!(fa.urls.len(), 1);
}

#[test]
fn unquoted_titles_and_dates() {
    let all = seed();
    let wire = r(&all[4]);
    assert_eq!(authors(wire), vec!["Chenoy, Arundha"]);
    assert_eq!(
        wire.title.as_deref(),
        Some("Bypassing the Dollar: Rise of an Alternate Currency System")
    );
    assert_eq!(wire.container.as_deref(), Some("The Wire"));
    assert_eq!(wire.date.as_deref(), Some("2020-05-25"));
    assert_eq!(wire.kind, "article-newspaper");
    let dw = r(&all[8]);
    assert!(dw.authors.is_empty());
    assert_eq!(
        dw.title.as_deref(),
        Some("EU Accuses Russia, Chia of COVID Disinformation")
    );
    assert_eq!(dw.container.as_deref(), Some("DW News"));
    assert_eq!(dw.date.as_deref(), Some("2021-04-28"));
    let svoboda = r(&all[14]);
    assert_eq!(
        svoboda.title.as_deref(),
        Some("Why do so many Chinese students choose US universities?")
    );
    assert_eq!(svoboda.date.as_deref(), Some("2015-06-02"));
    assert_eq!(svoboda.kind, "article-newspaper");
}

#[test]
fn reports_with_publishers_and_page_ranges() {
    let all = seed();
    let orf = r(&all[10]);
    assert_eq!(
        authors(orf),
        vec!["N Unnikrishnan, Nandan", "Purshothaman, Uma"]
    );
    assert_eq!(
        orf.title.as_deref(),
        Some("Trends in Russia-China relations: implications for US")
    );
    assert_eq!(
        orf.publisher.as_deref(),
        Some("Observer research foundation")
    );
    assert_eq!(orf.year, Some(2015));
    assert_eq!(orf.kind, "report");
    let bolt = r(&all[18]);
    assert_eq!(
        bolt.title.as_deref(),
        Some("Sino-Russia relations in changing world order")
    );
    // A press is who published it, not where it appeared.
    assert_eq!(bolt.container, None);
    assert_eq!(bolt.publisher.as_deref(), Some("Air university press"));
    assert_eq!(bolt.kind, "report");
    assert_eq!(
        (bolt.year, bolt.pages.as_deref()),
        (Some(2014), Some("47-69"))
    );
    let korolev = r(&all[11]);
    assert_eq!(korolev.year, Some(2018));
    assert_eq!(korolev.pages.as_deref(), Some("25-38"));
    let solo = r(&all[12]);
    assert_eq!(
        solo.title.as_deref(),
        Some("The “Rise” of China in the eyes of Russia: A source of threat or new opportunities?")
    );
}

#[test]
fn ibid_and_news_sites() {
    let all = seed();
    assert_eq!(all[19], Parsed::Ibid(None));
    let bbc = r(&all[22]);
    assert_eq!(
        bbc.title.as_deref(),
        Some("China and Russia to build a lunar space station")
    );
    assert_eq!(bbc.container.as_deref(), Some("BBC World"));
    assert_eq!(bbc.date.as_deref(), Some("2021-03-10"));
    let nbc = r(&all[28]);
    assert_eq!(authors(nbc), vec!["Depetris, Daniel R."]);
    assert_eq!(
        nbc.title.as_deref(),
        Some("Biden-Putin summit comes as U.S.-Russia Share Something in Common: A fear of China")
    );
    assert_eq!(nbc.container.as_deref(), Some("NBC News"));
    assert_eq!(nbc.kind, "article-newspaper");
    let aneja = r(&all[17]);
    assert_eq!(
        aneja.title.as_deref(),
        Some("“Power of Siberia” gas pipeline cements China-Russia bond")
    );
    assert_eq!(
        aneja.date.as_deref(),
        Some("2019-12-02"),
        "the first date, not the access date"
    );
}

#[test]
fn every_seed_footnote_is_a_reference_or_ibid() {
    for (i, p) in seed().iter().enumerate() {
        match p {
            Parsed::Reference(r) => assert!(
                r.title.is_some() && r.year.is_some(),
                "footnote {}: {r:?}",
                i + 1
            ),
            Parsed::Ibid(_) => assert_eq!(i, 19),
            Parsed::Note => panic!("footnote {} read as a note", i + 1),
        }
    }
}

#[test]
fn remarks_are_not_references() {
    assert_eq!(
        parse_reference("See the discussion above.", vec![]),
        Parsed::Note
    );
    assert_eq!(
        parse_reference("The author thanks the reviewers", vec![]),
        Parsed::Note
    );
    assert_eq!(parse_reference("", vec![]), Parsed::Note);
}

#[test]
fn hostile_references() {
    for t in [
        "\"",
        "\"unbalanced quote. 2020.",
        "*",
        "{",
        "(2014):",
        "vol",
        "Ibid",
        "ibid., p. 4",
        "“”",
        "doi:",
        "Ёлкин, Пётр. Заголовок. Москва: Наука, 2019.",
        "https://example.org/2019/01/x",
    ] {
        let _ = parse_reference(t, vec![]);
    }
    assert_eq!(
        parse_reference("ibid., p. 4", vec![]),
        Parsed::Ibid(Some("p. 4".into()))
    );
    let r = parse_reference("Ёлкин, Пётр. Заголовок. Москва: Наука, 2019.", vec![]);
    let Parsed::Reference(r) = r else { panic!() };
    assert_eq!(r.authors[0].family, "Ёлкин");
    assert_eq!(r.publisher.as_deref(), Some("Наука"));
    assert_eq!(r.year, Some(2019));
}

#[test]
fn hyphens_a_line_break_left_open_join_again() {
    assert_eq!(
        clean("\"Power of Siberia\" cements China- Russia bond"),
        "\"Power of Siberia\" cements China-Russia bond"
    );
    assert_eq!(
        clean("Biden- Putin summit as U.S.- Russia share a fear"),
        "Biden-Putin summit as U.S.-Russia share a fear"
    );
    // A suspended hyphen before a lower-case word stays.
    assert_eq!(clean("pre- and post-war"), "pre- and post-war");
}

#[test]
fn remarks_with_two_sentences_or_page_links_are_not_references() {
    for note in [
        "Note that speed measurements are both a function of the algorithm and the setup. The model needs less computation in any case.",
        "See Section {2.2} for a technical description.",
        "This difference is a lower bound, and may be larger. The larger model was trained on easier data.",
    ] {
        assert_eq!(parse_reference(note, Vec::new()), Parsed::Note, "{note}");
    }
}

#[test]
fn code_pointers_name_the_code_and_titles_lose_link_marks() {
    let Parsed::Reference(r) = parse_reference(
        "Code for the grid model is available at {https://example.org/} {grid/model}.",
        vec!["https://example.org/grid/model".into()],
    ) else {
        panic!("a code pointer names a web page");
    };
    assert_eq!(r.title.as_deref(), Some("Code for the grid model"));
    let Parsed::Reference(r) = parse_reference(
        "Berg, Anna. \"Reserves in {Small} Systems.\" *Energy Review* 3 (2012).",
        Vec::new(),
    ) else {
        panic!();
    };
    assert_eq!(r.title.as_deref(), Some("Reserves in Small Systems"));
}

#[test]
fn the_name_a_note_gives_its_work_is_not_part_of_it() {
    assert_eq!(
        without_hereinafter(
            "R. VEGA, Licencias libres, Tecnos, 2010 (hereinafter “VEGA 2010”), p. 14."
        ),
        "R. VEGA, Licencias libres, Tecnos, 2010, p. 14."
    );
    assert_eq!(
        without_hereinafter("Ann Lane, *Open Licences* 3 (2d ed. 2012) [hereinafter Lane]."),
        "Ann Lane, *Open Licences* 3 (2d ed. 2012)."
    );
    for kept in [
        "hereinafter",
        "The act, hereinafter the Act, applies.",
        "(hereinafter",
        "x [hereinafter",
    ] {
        assert_eq!(without_hereinafter(kept), kept);
    }
}

/// Continental notes: a signal with an adverb before the names, names in
/// capitals joined by `&` (the list ends there), the name for later notes.
#[test]
fn signals_with_adverbs_and_joined_names_in_capitals() {
    let r = read("See, inter alia, R.T. SOUSA, O Regime Jurídico das Bases de Dados, Coimbra, Almedina, 2009 (hereinafter “SOUSA 2009”), pp. 101ff.");
    assert_eq!(authors(&r), vec!["Sousa, R.T."]);
    assert_eq!(
        r.title.as_deref(),
        Some("O Regime Jurídico das Bases de Dados")
    );
    assert_eq!(r.year, Some(2009));
    let r = read(
        "F. COSTA & H. PINTO, Direito das Redes, 2011 (hereinafter “COSTA & PINTO”), pp. 300ff.",
    );
    assert_eq!(authors(&r), vec!["Costa, F.", "Pinto, H."]);
    assert_eq!(r.title.as_deref(), Some("Direito das Redes"));
    let r = read("See also similarly A. MOTA & C. REIS, Contratos de Dados, 2013, pp. 7-9.");
    assert_eq!(authors(&r), vec!["Mota, A.", "Reis, C."]);
    assert_eq!(r.title.as_deref(), Some("Contratos de Dados"));
}

#[test]
fn a_title_and_its_main_part_are_one_work_by_the_same_authors_and_year() {
    let work = |title: &str, year: i32| Reference {
        authors: vec![Person {
            family: "沈志华".into(),
            given: String::new(),
        }],
        title: Some(title.into()),
        year: Some(year),
        ..Reference::default()
    };
    let shared = |a: &Reference, b: &Reference| {
        let kb = match_keys(b);
        match_keys(a).iter().any(|k| kb.contains(k))
    };
    let full = work("中苏关系史纲：1917—1991年中苏关系若干问题再探讨", 2007);
    assert!(shared(&full, &work("中苏关系史纲", 2007)));
    let full = work("The Age of Extremes: A History of the World", 1994);
    assert!(shared(&full, &work("The Age of Extremes", 1994)));
    // Another year, a volume, a main part too short: other works.
    assert!(!shared(&full, &work("The Age of Extremes", 1995)));
    let v1 = work("The Cambridge History: Volume 1", 1994);
    assert!(!shared(&v1, &work("The Cambridge History: Volume 2", 1994)));
    assert!(!shared(
        &work("Russia: A History", 1994),
        &work("Russia: Another View", 1994)
    ));
    assert!(!shared(
        &work("中苏：上卷", 2007),
        &work("中苏：下卷", 2007)
    ));
}

#[test]
fn a_chicago_bibliography_entry_cited_in_a_note_keeps_its_numbers_apart() {
    let text = "Lindqvist, Jonas. “River Ports of the North.” Inland Trade Review 102, no. 4 (2005): 478-500.";
    let Parsed::Reference(r) = parse_reference(text, vec![]) else {
        panic!("not a reference")
    };
    assert_eq!(r.container.as_deref(), Some("Inland Trade Review"));
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref()),
        (Some("102"), Some("4"))
    );
    assert_eq!((r.year, r.pages.as_deref()), (Some(2005), Some("478-500")));
}
