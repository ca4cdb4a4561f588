//! Notes as lawyers and historians write them (the Bluebook, OSCOLA,
//! Chicago with archives), read into the citation index: the
//! `reference-forms` fixture's legal and history texts, each note checked
//! for the work it cites.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

type Work = (String, String, i64);

/// The citation index of the fixture: for each document and note, the
/// works it cites (`type`, `title`, `year`).
fn works_by_note() -> Works {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference-forms");
    let (_tmp, out, o) = common::build_site(&root);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let items = common::json(&out.join("data/citations.json"));
    let mut by_note = BTreeMap::new();
    for item in items.as_array().unwrap() {
        let year = item["issued"]["date-parts"][0][0].as_i64().unwrap_or(0);
        let work = (
            item["type"].as_str().unwrap().to_string(),
            item["title"].as_str().unwrap_or("").to_string(),
            year,
        );
        for place in item["custom"]["cited-in"].as_array().unwrap() {
            let doc = place["doc"].as_str().unwrap().to_string();
            if let Some(n) = place["footnote"].as_u64() {
                by_note
                    .entry((doc, n))
                    .or_insert_with(Vec::new)
                    .push(work.clone());
            }
        }
    }
    by_note
}

type Works = BTreeMap<(String, u64), Vec<Work>>;

/// The works note `n` of `doc` cites; a note that cites none fails.
fn cites(works: &Works, doc: &str, n: u64) -> Vec<Work> {
    works
        .get(&(doc.to_string(), n))
        .cloned()
        .unwrap_or_else(|| panic!("{doc} note {n} cites nothing: {works:#?}"))
}

/// The one work note `n` of `doc` cites.
fn the_work(works: &Works, doc: &str, n: u64) -> Work {
    let all = cites(works, doc, n);
    assert_eq!(all.len(), 1, "{doc} note {n}: {all:?}");
    all[0].clone()
}

#[test]
fn bluebook_and_oscola_notes_cite_the_works_they_name() {
    let works = works_by_note();
    let cites = |doc: &str, n: u64| cites(&works, doc, n);
    let note = |doc: &str, n: u64| the_work(&works, doc, n);
    let w = |kind: &str, title: &str, year: i64| (kind.to_string(), title.to_string(), year);
    let rivers = "shared-rivers-and-the-limits-of-consent/";
    // `*See, e.g.*,` is a signal; the book is the work.
    assert_eq!(
        note(rivers, 1),
        w("book", "The Law of International Watercourses", 2019)
    );
    assert_eq!(
        note(rivers, 2),
        w(
            "treaty",
            "Convention on the Law of the Non-Navigational Uses of International Watercourses",
            1997
        )
    );
    assert_eq!(
        note(rivers, 3),
        w(
            "legal_case",
            "Gabčíkovo-Nagymaros Project (Hung./Slovk.)",
            1997
        )
    );
    let pulp_mills = w(
        "legal_case",
        "Pulp Mills on the River Uruguay (Arg. v. Uru.)",
        2010,
    );
    assert_eq!(note(rivers, 4), pulp_mills);
    // `*Id.* ¶ 204.`: the case of the note before, not the book of note 1.
    assert_eq!(note(rivers, 5), pulp_mills);
    // `*See generally* McIntyre, …; Tanzi, ….`: two works.
    let titles: Vec<String> = cites(rivers, 6).into_iter().map(|w| w.1).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    // `McCaffrey, *supra* note 1, at 412.`
    assert_eq!(note(rivers, 7), note(rivers, 1));
    assert_eq!(note(rivers, 9).0, "report");
    let border = "settling-the-eastern-border/";
    assert_eq!(note(border, 1).0, "treaty");
    assert_eq!(note(border, 2), w("legislation", "UNGA Res 2758", 1971));
    // `*Ibid* para 2.` after the Security Council's resolution.
    assert_eq!(note(border, 4), note(border, 3));
    assert_eq!(note(border, 5).0, "treaty");
    assert_eq!(
        note(border, 8),
        w(
            "legal_case",
            "Case Concerning the Temple of Preah Vihear (Cambodia v Thailand)",
            1962
        )
    );
    // OSCOLA's cross-reference: `Weller (n 7) 130.`
    assert_eq!(note(border, 9), note(border, 7));
    assert_eq!(note(border, 10).0, "report");
    let controls = "export-controls-and-the-energy-trade/";
    assert_eq!(
        note(controls, 1),
        w("legislation", "Export Control Reform Act of 2018", 2018)
    );
    assert_eq!(
        note(controls, 2),
        w("legislation", "Export Administration Regulations", 2019)
    );
    let chen = w("legal_case", "United States v. Zhi Wei Chen", 2016);
    assert_eq!(note(controls, 3), chen);
    // `*Id.* at 1032; *see also* Halverson …`: the case before, and another.
    assert!(
        cites(controls, 4).contains(&chen),
        "{:?}",
        cites(controls, 4)
    );
    assert_eq!(cites(controls, 4).len(), 2);
    assert_eq!(
        note(controls, 5),
        w(
            "article-newspaper",
            "Pipeline Sanctions Bite in Siberia",
            2019
        )
    );
    assert_eq!(note(controls, 6).0, "document");
    // `Compare A, with B`: two works; each `supra note 7` takes the one
    // it names.
    assert_eq!(cites(controls, 7).len(), 2);
    assert_eq!(
        note(controls, 8),
        w("article-journal", "Sanctions as Statecraft", 2020)
    );
    assert_eq!(
        note(controls, 9),
        w("article-journal", "The Limits of Export Control", 2021)
    );
    assert_eq!(note(controls, 10).0, "hearing");
    assert_eq!(
        note(controls, 12),
        w("legal_case", "Halvorsen v. Meridian Shipping Co", 2020)
    );
    assert_eq!(
        note(controls, 13),
        w("report", "H.R. Rep. No. 116-12", 2019)
    );
    assert_eq!(note(controls, 14), w("bill", "S. 1234, 117th Cong.", 2021));
    assert_eq!(note(controls, 15), w("legislation", "U.S. Const.", 0));
    assert_eq!(
        note(controls, 16),
        w("legislation", "Exec. Order No. 13,873", 2019)
    );
    assert_eq!(
        note(controls, 17),
        w("book", "Restatement (Second) of Torts", 1965)
    );
    assert_eq!(
        note(controls, 11),
        w("legislation", "87 Fed. Reg. 12,226", 2022)
    );
    let english = "sanctions-in-english-courts/";
    let shvidler = note(english, 1);
    assert_eq!(shvidler.0, "legal_case");
    assert!(
        shvidler.1.starts_with("Shvidler v Secretary of State"),
        "{shvidler:?}"
    );
    assert_eq!(note(english, 2).0, "legal_case");
    let act = w(
        "legislation",
        "Sanctions and Anti-Money Laundering Act 2018",
        2018,
    );
    assert_eq!((note(english, 3), note(english, 4)), (act.clone(), act));
    // `*Shvidler* (n 1) [45].`, then `ibid [50].`
    assert_eq!(
        (note(english, 7), note(english, 8)),
        (shvidler.clone(), shvidler)
    );
    // `Ruys and Ryngaert (n 5) 20; Lester and O'Kane (n 6) 88.`
    let mut both = cites(english, 10);
    both.sort();
    let mut want = vec![note(english, 5), note(english, 6)];
    want.sort();
    assert_eq!(both, want);
}

#[test]
fn history_notes_cite_archives_newspapers_and_books() {
    let works = works_by_note();
    let note = |n: u64| the_work(&works, "the-road-to-the-split-1956-1960/", n);
    for n in [1, 2, 3] {
        assert_eq!(note(n).0, "manuscript", "note {n}");
    }
    assert_eq!(note(2).1, "Telegram, Mao Zedong to N. S. Khrushchev");
    assert_eq!(
        note(4),
        (
            "article-newspaper".into(),
            "Long Live Leninism!".into(),
            1960
        )
    );
    // `Lüthi, *Sino-Soviet Split*, 120.`: the book of note 5.
    assert_eq!(note(8), note(5));
    // A report printed in the State Department's collection.
    assert_eq!(
        note(6),
        (
            "chapter".into(),
            "The Sino-Soviet Relationship".into(),
            1960
        )
    );
    // `Ibid., 80.` after the article of note 9.
    assert_eq!(note(10), note(9));
}

#[test]
fn french_legal_notes() {
    let works = works_by_note();
    let doc = works
        .keys()
        .map(|(d, _)| d.clone())
        .find(|d| d.starts_with("la-frontiere"))
        .expect("the French text's notes");
    let note = |n: u64| the_work(&works, &doc, n);
    assert_eq!(note(1).0, "legal_case");
    // The parties in italics name the decision.
    assert_eq!(
        note(2),
        (
            "legal_case".into(),
            "Ministre de l’Intérieur c/ Société Amur".into(),
            2004
        )
    );
    assert_eq!(note(4).0, "article-journal");
    // `*Ibid.*`, and `Carbonnier, *op. cit.*`.
    assert_eq!(note(5), note(4));
    assert_eq!(note(6), note(3));
    assert_eq!(note(7).0, "treaty");
    assert_eq!(
        note(8),
        (
            "legislation".into(),
            "Décret n° 2002-312 du 28 février 2002".into(),
            2002
        )
    );
}

#[test]
fn russian_notes_in_the_gost_style() {
    let works = works_by_note();
    let note = |n: u64| the_work(&works, "granitsa-na-amure/", n);
    let w = |kind: &str, title: &str, year: i64| (kind.to_string(), title.to_string(), year);
    assert_eq!(
        note(1),
        w("book", "Россия и Китай: четыре века взаимодействия", 2013)
    );
    assert_eq!(note(2).0, "manuscript");
    // `Там же. Л. 5.`: the document of the note before.
    assert_eq!(note(3), note(2));
    assert_eq!(
        note(4),
        w("article-journal", "Россия и Китай в XX веке: граница", 2001)
    );
    assert_eq!(note(5).0, "treaty");
}
