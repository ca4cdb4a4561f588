//! Notes read as citations, and reference-list entries.
#[test]
fn a_note_citing_several_works_gives_each() {
    let md = "A[^1] B[^2]\n\n\
[^1]: Hartley, Zora. *The Long Frontier*. Northern Press, 2004; see also Okafor, Nia. \"River Law.\" *Journal of Waters* 3, no. 2 (2011): 1-20.\n\
[^2]: Hartley, Zora. *The Long Frontier*. Northern Press, 2004; on this, the argument is weak.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::read_citations(&doc);
    let titles: Vec<(super::Place, String)> = cited
        .iter()
        .map(|c| (c.at, c.reference.title.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        titles,
        [
            (super::Place::Note(0), "The Long Frontier".to_string()),
            (super::Place::Note(0), "River Law".to_string()),
            (super::Place::Note(1), "The Long Frontier".to_string()),
        ]
    );
}

#[test]
fn notes_listing_decisions_and_works_with_addresses_give_each() {
    let md = "A[^1] B[^2] C[^3]\n\n\
[^1]: BGH, 2011 CR 12, 14; HOFFMANN/KRAUS, Lizenzketten, 2011 CR 502, available at <https://example.org/hk>; OSTERLOH, Handbuch des Lizenzrechts, ref. 412.\n\
[^2]: ECJ 12 March 2015, C-411/13, Norland/Vessel Trading. See also: Rb. Utrecht, 2 June 2011, NJF 2011, 301, Hof Arnhem 9 May 2012, NJ 2013, 5 and HR 4 June 2014 (Veldkamp/Staat).\n\
[^3]: See <https://example.org/treaty>.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::read_citations(&doc);
    let got: Vec<(usize, String, Vec<String>)> = cited
        .iter()
        .map(|c| {
            let super::Place::Note(n) = c.at else {
                panic!("a note")
            };
            let title = c.reference.title.clone().unwrap_or_default();
            (n, title, c.reference.urls.clone())
        })
        .collect();
    let want = [
        (0, "BGH, 2011 CR 12", vec![]),
        (
            0,
            "Lizenzketten",
            vec!["https://example.org/hk".to_string()],
        ),
        (0, "Handbuch des Lizenzrechts", vec![]),
        (1, "Norland/Vessel Trading", vec![]),
        (1, "Rb. Utrecht, 2 June 2011", vec![]),
        (1, "Hof Arnhem, 9 May 2012", vec![]),
        (1, "Veldkamp/Staat", vec![]),
    ];
    let want: Vec<(usize, String, Vec<String>)> = want
        .into_iter()
        .map(|(n, t, u)| (n, t.to_string(), u))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn addresses_after_a_semicolon_stay_with_their_citation() {
    let md = "A[^1]\n\n[^1]: LG Köln, 2012 CR 18; available at <https://example.org/k> and as a translation at <https://example.org/k-en>. See HALDEN, Lizenzen, 2013 CR 40.\n";
    let (doc, _) = crate::parse::parse(md);
    let got: Vec<(String, usize)> = super::read_citations(&doc)
        .iter()
        .map(|c| {
            (
                c.reference.title.clone().unwrap_or_default(),
                c.reference.urls.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("LG Köln, 2012 CR 18".to_string(), 2),
            ("Lizenzen".to_string(), 0)
        ]
    );
}

#[test]
fn a_name_a_note_gives_its_work_stands_for_it_later() {
    let md = "A[^1] B[^2] C[^3] D[^4]\n\n\
[^1]: R. VEGA, \"Licencias libres\", in Estudios de Derecho, Tecnos, 2010, pp. 12-40 (hereinafter, \"VEGA 2010\"), p. 14.\n\
[^2]: Ann Lane, *The Law of Open Licences* 3 (2d ed. 2012) [hereinafter Lane].\n\
[^3]: See VEGA 2010, p. 22.\n\
[^4]: Lane, at 9.\n";
    let (doc, _) = crate::parse::parse(md);
    let titles: Vec<String> = super::read_citations(&doc)
        .iter()
        .map(|c| c.reference.title.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        titles,
        [
            "Licencias libres",
            "The Law of Open Licences",
            "Licencias libres",
            "The Law of Open Licences"
        ]
    );
}

#[test]
fn a_rule_of_dashes_repeats_the_authors_before() {
    let md = "Text.\n\n## Bibliography\n\n\
Okafor, Nia. *River Law in the Delta*. Lagos: Delta Press, 2004.\n\n\
———. *The Second Flood: A Memoir*. Paris: Semeion, 2011.\n\n\
–––––. \"Dams and Their Neighbours.\" *Water Review* 37, no. 2 (2011): 315-347.\n";
    let (doc, _) = crate::parse::parse(md);
    let cited = super::read_entries(&doc);
    let got: Vec<(String, String, Option<i32>)> = cited
        .iter()
        .map(|c| {
            (
                c.reference.authors[0].family.clone(),
                c.reference.title.clone().unwrap_or_default(),
                c.reference.year,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Okafor".to_string(),
                "River Law in the Delta".to_string(),
                Some(2004)
            ),
            (
                "Okafor".to_string(),
                "The Second Flood: A Memoir".to_string(),
                Some(2011)
            ),
            (
                "Okafor".to_string(),
                "Dams and Their Neighbours".to_string(),
                Some(2011)
            ),
        ]
    );
}

#[test]
fn a_rule_of_dashes_with_no_entry_before_is_a_work_by_authors_unknown() {
    let e = super::parse_list_entry(
        "———. *The Second Flood: A Memoir*. Paris: Semeion, 2011.",
        Vec::new(),
        None,
    )
    .expect("read, not dropped");
    assert!(e.reference.authors.is_empty());
    assert_eq!(
        (e.reference.title.as_deref(), e.reference.year),
        (Some("The Second Flood: A Memoir"), Some(2011))
    );
    // One long dash ended by a stop is a rule too.
    let before = vec![crate::extract::names::Person {
        family: "Okafor".into(),
        given: "Nia".into(),
    }];
    let e = super::parse_list_entry(
        "— . *Flood Years: Essays*. Lagos: Delta Press, 2012.",
        Vec::new(),
        Some(before),
    )
    .expect("read");
    assert_eq!(e.reference.authors[0].family, "Okafor");
    assert_eq!(e.reference.title.as_deref(), Some("Flood Years: Essays"));
    // Names of its own after the rule are read as they stand.
    let e = super::parse_list_entry(
        "-- Okafor, N. (2004). River law. Lagos: Delta Press.",
        Vec::new(),
        None,
    );
    assert!(e.is_some_and(|e| e.reference.authors.iter().any(|p| p.family == "Okafor")));
}

#[test]
fn a_rule_of_dashes_in_a_note_repeats_the_authors_of_the_note_before() {
    let md = "A[^1] B[^2] C[^3] D[^4]\n\n\
[^1]: Lindqvist, Maren. 2001. *Harbours of the North*. Oslo: Fjord Press.\n\
[^2]: ———. 2009. Salt Roads and Their Keepers. Bergen: Vestland Press.\n\
[^3]: ———. Men and Their Boats. New York: Harbor Books, 1994.\n\
[^4]: –––––. \"Ice Charts.\" *Polar Review* 12, no. 3 (2015): 40-61.\n";
    let (doc, _) = crate::parse::parse(md);
    let got: Vec<(String, String, Option<i32>)> = super::read_citations(&doc)
        .iter()
        .map(|c| {
            let r = &c.reference;
            let family = r.authors.first().map(|p| p.family.clone());
            (
                family.unwrap_or_default(),
                r.title.clone().unwrap_or_default(),
                r.year,
            )
        })
        .collect();
    let want = [
        ("Lindqvist", "Harbours of the North", Some(2001)),
        ("Lindqvist", "Salt Roads and Their Keepers", Some(2009)),
        ("Lindqvist", "Men and Their Boats", Some(1994)),
        ("Lindqvist", "Ice Charts", Some(2015)),
    ];
    let want: Vec<(String, String, Option<i32>)> = want
        .iter()
        .map(|(a, t, y)| (a.to_string(), t.to_string(), *y))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn numbered_entries_in_one_paragraph_are_each_an_entry() {
    assert_eq!(
        super::numbered_entries(
            "[1] A. Berg. One title. 2001. [2] C. Dahl. Another [7] title. 2002."
        ),
        [
            "[1] A. Berg. One title. 2001.",
            "[2] C. Dahl. Another [7] title. 2002."
        ]
    );
    assert_eq!(
        super::numbered_entries("[1] 李丹慧. 中苏边界谈判[J]. 中共党史研究, 2002(3): 12-20. [2] 沈志华. 中苏关系史纲[M]. 北京: 新华出版社, 2007."),
        [
            "[1] 李丹慧. 中苏边界谈判[J]. 中共党史研究, 2002(3): 12-20.",
            "[2] 沈志华. 中苏关系史纲[M]. 北京: 新华出版社, 2007."
        ]
    );
    // One entry, or labels out of order: the whole.
    assert_eq!(
        super::numbered_entries("A. Berg. Title [4]. 2001."),
        ["A. Berg. Title [4]. 2001."]
    );
    assert_eq!(
        super::numbered_entries("[3] A. Berg. See [5]. 2001."),
        ["[3] A. Berg. See [5]. 2001."]
    );
    for t in ["[", "[1", "[1]", "[1] [2]", "[é] [2]", " [1] x [2]"] {
        let _ = super::numbered_entries(t);
    }
}
