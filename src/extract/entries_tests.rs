use super::*;

fn entry(text: &str) -> Entry {
    parse_entry(text, Vec::new()).unwrap_or_else(|| panic!("not an entry: {text}"))
}

fn families(e: &Entry) -> Vec<&str> {
    e.reference
        .authors
        .iter()
        .map(|p| p.family.as_str())
        .collect()
}

#[test]
fn apa_entries() {
    let e = entry("Dinar, S., Katz, D., De Stefano, L., & Blankespoor, B. (2015). Climate change and river treaties: A global analysis. *Political Geography*, *45*, 55–66.");
    assert_eq!(families(&e), ["Dinar", "Katz", "De Stefano", "Blankespoor"]);
    assert_eq!(e.reference.authors[2].given, "L.");
    assert_eq!(e.reference.year, Some(2015));
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Climate change and river treaties: A global analysis")
    );
    assert_eq!(
        e.reference.container.as_deref(),
        Some("Political Geography")
    );
    assert_eq!(e.label, None);
    let e = entry("Salman, S. M. A., & Uprety, K. (2002). Conflict and cooperation on shared rivers. World Bank.");
    assert_eq!(families(&e), ["Salman", "Uprety"]);
    assert_eq!(e.reference.authors[0].given, "S. M. A.");
    let e = entry(
        "Wolf, A. T. (1999b). The dispute database project. Water International, 24(2), 160–163.",
    );
    assert_eq!((families(&e), e.reference.year), (vec!["Wolf"], Some(1999)));
    assert_eq!(
        e.reference.title.as_deref(),
        Some("The dispute database project")
    );
    let e = entry("Marsh, L. (2020, March 3). Grain moves north. *The Daily Ledger*. https://ledger.example.com/grain");
    assert_eq!(e.reference.year, Some(2020));
    assert_eq!(e.reference.urls, ["https://ledger.example.com/grain"]);
}

#[test]
fn acm_and_author_date_entries() {
    let e = entry("[29] Anna Berg, Karl Moser, and Rianne van den Berg. 2012. Operating Reserves in Small Systems. Energy Policy Review 14, 3 (2012), 211–230.");
    assert_eq!(e.label.as_deref(), Some("29"));
    assert_eq!(families(&e), ["Berg", "Moser", "van den Berg"]);
    assert_eq!(e.reference.year, Some(2012));
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Operating Reserves in Small Systems")
    );
    let e = entry("Keller, Jonas. 2010. \"Pooling Reserves Across Borders.\" *Journal of Grid Operation* 7 (1): 1–19.");
    assert_eq!(families(&e), ["Keller"]);
    assert_eq!(e.reference.authors[0].given, "Jonas");
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Pooling Reserves Across Borders")
    );
    let e = entry("Central Register of Transmission Lines. 2018. Annual Capacity Statement 2018. Technical Report. Register Office, Vienna.");
    assert_eq!(families(&e), ["Central Register of Transmission Lines"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Annual Capacity Statement 2018")
    );
}

#[test]
fn ieee_and_numbered_entries() {
    let e = entry("[1] P. Ivanova and T. Greco. Rail shuttles for inland ports. *Journal of Intermodal Transport*, 9(2):44-61, 2015.");
    assert_eq!(e.label.as_deref(), Some("1"));
    assert_eq!(families(&e), ["Ivanova", "Greco"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Rail shuttles for inland ports")
    );
    assert_eq!(e.reference.year, Some(2015));
    let e = entry("[7] J.-P. Moreau, A. Lind, and K. Osei, \"Barge scheduling under uncertain water levels,\" *IEEE Trans. Transp.*, vol. 12, no. 4, pp. 301–312, Apr. 2019.");
    assert_eq!(families(&e), ["Moreau", "Lind", "Osei"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Barge scheduling under uncertain water levels")
    );
    assert_eq!(e.reference.year, Some(2019));
    assert_eq!(e.reference.volume.as_deref(), Some("12"));
    let e = entry(
        "12. Berg A, Moser KL, Osei K. Reserve sharing in practice. Energy Rev. 2016;14(3):211-30.",
    );
    assert_eq!(e.label.as_deref(), Some("12"));
    assert_eq!(families(&e), ["Berg", "Moser", "Osei"]);
    assert_eq!(e.reference.authors[1].given, "KL");
    assert_eq!(e.reference.year, Some(2016));
}

#[test]
fn mla_and_chicago_bibliography_entries() {
    let e = entry("Keller, Jonas, and Anna Berg. *Reserves Without Borders*. Northern University Press, 2014.");
    assert_eq!(families(&e), ["Keller", "Berg"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Reserves Without Borders")
    );
    assert_eq!(e.reference.year, Some(2014));
}

#[test]
fn converter_labels_before_the_authors_are_dropped() {
    let e = entry("Lind et al. (2017) Astrid Lind, Omar Haddad, and Petra Novak. 2017. Shared grids. In *Proceedings of the Grid Forum*.");
    assert_eq!(families(&e), ["Lind", "Haddad", "Novak"]);
    assert_eq!(e.reference.title.as_deref(), Some("Shared grids"));
}

#[test]
fn a_number_and_a_dash_label_an_entry_but_a_year_does_not() {
    let e = entry("14- Okafor N, Lindqvist P, Ramos T. Dust loads in alpine snow: a five-year series. Snow Sci Rep. 2011; 9(2): 44-51.");
    assert_eq!(e.label.as_deref(), Some("14"));
    assert_eq!(families(&e), ["Okafor", "Lindqvist", "Ramos"]);
    assert_eq!(e.reference.year, Some(2011));
    let e = entry("3 \u{2013} Berg A. Notes on ice. Polar Rev. 2004; 3: 1-9.");
    assert_eq!(e.label.as_deref(), Some("3"));
    let year = parse_entry(
        "2007 - Report of the Alpine Snow Survey. Alpine Office, Bern.",
        Vec::new(),
    );
    assert!(year.is_none_or(|e| e.label.is_none()));
}

#[test]
fn remarks_and_headings_are_not_entries() {
    for text in [
        "Primary sources",
        "All web pages were last accessed in May 2021.",
        "See the appendix for the interview list.",
        "",
        "[12]",
        "Berg, A. (2010).",
    ] {
        assert_eq!(parse_entry(text, Vec::new()), None, "{text}");
    }
}

#[test]
fn hostile_entries_do_not_panic() {
    for text in [
        "(",
        "[",
        "1.",
        "(2010)",
        "Berg, (2010",
        "é. 2010. é",
        "A. B. C. D. E. F.",
        "\"",
        "“",
        "*",
    ] {
        let _ = parse_entry(text, Vec::new());
    }
}

#[test]
fn long_lists_years_after_titles_and_sentences_that_are_not_names() {
    let e = entry("Ann Lee, Bo Chan, Cy Dunn, Dee Eng, et al. Routing sparse experts at scale. arXiv preprint arXiv:2001.00001, 2020.");
    assert_eq!(families(&e), ["Lee", "Chan", "Dunn", "Eng"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Routing sparse experts at scale")
    );
    assert_eq!(e.reference.year, Some(2020));
    let e = entry("Ann Lee and Bo Chan. Improving routing by pre-training, 2018.");
    assert_eq!(
        (e.reference.title.as_deref(), e.reference.year),
        (Some("Improving routing by pre-training"), Some(2018))
    );
    let e = entry("Rae Sutter. The Short Lesson. 2019.");
    assert_eq!(families(&e), ["Sutter"]);
    assert_eq!(e.reference.title.as_deref(), Some("The Short Lesson"));
}

#[test]
fn labels_a_converter_made_links_and_entries_cut_short() {
    let e = entry("{[28]} Y. Zhang and D. Zhou. Counting crowds with many columns of filters. In *Proceedings of the");
    assert_eq!(e.label.as_deref(), Some("28"));
    assert_eq!(e.reference.year, None);
    assert_eq!(families(&e), ["Zhang", "Zhou"]);
}

#[test]
fn dates_after_titles_preprints_and_run_on_names() {
    let e = entry("[12] Ada Lind. Reading scanned pages, February 2023. URL https://example.org/scan. original-date: 2020-12-11.");
    assert_eq!(e.reference.title.as_deref(), Some("Reading scanned pages"));
    assert_eq!(e.reference.year, Some(2023));
    let e = entry("[13] Omar Haddad and Ada Lind. Sparse routing revisited. arXiv preprint arXiv:2101.00002, 2021.");
    assert_eq!(e.reference.kind, "article");
    // A run of sentences is not an organisation's name.
    assert!(
        names_in("Zellig S. Harris. Distributional Structure. WORD, 10(2-3):146–162,").is_none()
    );
}

#[test]
fn a_middle_initial_is_not_vancouver() {
    let e = entry("[40] Zora S. Hartley. Distributional patterns. WORD, 10(2-3):146–162, 1954.");
    assert_eq!(families(&e), ["Hartley"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Distributional patterns")
    );
    assert_eq!(e.reference.year, Some(1954));
}

#[test]
fn inverted_names_with_full_given_names() {
    // Every name inverted, joined by `&`, `and`, `;` or `.,`.
    let e = entry("Lindqvist, Maja, & Ferreira, Tomas. 2004. Gesture before speech. Journal of Infant Studies 9, 11–30.");
    assert_eq!(families(&e), ["Lindqvist", "Ferreira"]);
    assert_eq!(e.reference.title.as_deref(), Some("Gesture before speech"));
    let e =
        entry("Okafor, Chidi and Brandt, Lena. (2019). Floods and the vote. Daily Ledger 3 May.");
    assert_eq!(families(&e), ["Okafor", "Brandt"]);
    let e = entry(
        "Moreau, Anne; Halvorsen, Nils; & Quint, Rosa. 1981. Early requests. Child Talk 4, 1–9.",
    );
    assert_eq!(families(&e), ["Moreau", "Halvorsen", "Quint"]);
    let people = names_in("Pereira, Joana Maria.,Tanaka, Hiro.,Olsen, Brit.").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Pereira", "Tanaka", "Olsen"]);
    assert_eq!(people[0].given, "Joana Maria.");
    // Suffixes stay out of the names.
    let people = names_in("Whitcombe, Arthur, Jr.").unwrap();
    assert_eq!((people[0].family.as_str(), people.len()), ("Whitcombe", 1));
    let people = names_in("Carver Jr., D., Ostrom, K., & Lay, P.").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Carver", "Ostrom", "Lay"]);
    // Doubled commas after Vancouver names.
    let people = names_in("Varga HM,, Stone J,, Ito K").unwrap();
    assert_eq!(people.len(), 3);
    // A family name that is also an organisation's word, with Vancouver
    // initials, is a person's.
    // Initials spaced or hyphenated.
    let people = names_in("Lund D, Guldvik R O, Park J-G").unwrap();
    let f: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p.family.as_str(), p.given.as_str()))
        .collect();
    assert_eq!(f, [("Lund", "D"), ("Guldvik", "R O"), ("Park", "J-G")]);
    let people = names_in("Lund D, Bank Y, Okafor DC").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Lund", "Bank", "Okafor"]);
}

#[test]
fn names_run_together_without_commas_between_them() {
    let e = entry(
        "12. Halloran, T. Birk, U. Sato, M. (2011). Trust and hormones. Social Minds, 2(1): 10-19.",
    );
    assert_eq!(families(&e), ["Halloran", "Birk", "Sato"]);
    assert_eq!(e.reference.authors[1].given, "U.");
}

#[test]
fn a_title_run_on_after_the_names_is_not_a_pair_of_names() {
    // Initials, then a "pair" of full words: a title, not a person.
    let people = names_in("Quill, R., Saints and Sinners").unwrap_or_default();
    assert!(people.iter().all(|p| p.family != "Saints"), "{people:?}");
    // The conjunction inside the last pair, not before it.
    let people = names_in("Ames, B. K. Reason, Doubt, and Method").unwrap_or_default();
    assert!(people.iter().all(|p| p.family != "Doubt"), "{people:?}");
    // Two names in reading order are not one inverted name.
    let people = names_in("Anna Berg, Karl Moser").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Berg", "Moser"]);
}

#[test]
fn initials_without_spaces_open_a_list_in_reading_order() {
    let e = entry("S.N. Okafor and R.H. Lindqvist, Drift of moored buoys in the outer sound, Int. J. Coast. Eng., 23, 2205–2212 (1986).");
    assert_eq!(families(&e), ["Okafor", "Lindqvist"]);
    assert_eq!(e.reference.authors[0].given, "S.N.");
    // A transliterated pair of letters is one initial.
    let people = names_in("A.N. Orlova and D.Yu. Sokolov").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Orlova", "Sokolov"]);
    assert_eq!(people[1].given, "D.Yu.");
}

#[test]
fn capitals_with_a_full_stop_and_initials_without_their_last_one() {
    let e = entry("7. Lindgren, KA. Osei, PB. (2010). Sleep and memory in toddlers. Journal of Child Sleep, 12: 40-49.");
    assert_eq!(families(&e), ["Lindgren", "Osei"]);
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Sleep and memory in toddlers")
    );
    let people = names_in("Varela S, Quist S, Roland J.P").unwrap();
    let f: Vec<&str> = people.iter().map(|p| p.family.as_str()).collect();
    assert_eq!(f, ["Varela", "Quist", "Roland"]);
    // A bare run of capitals stays a Vancouver name's, not initials alone.
    assert_eq!(
        families(&entry(
            "Ruiz CW, Ostby RG, Lamb A. Sedation and the brain. J Clin Neuro. 1961;12: 1-3."
        )),
        ["Ruiz", "Ostby", "Lamb"]
    );
}

#[test]
fn capitalised_particles_inside_a_comma_separated_list() {
    let e = entry("Brandt, H., De Vries, K., Morel, A. V., Van Acker, B., de Souza, L. M., Iron in soils of the north, Soil Letters 3, 1-9, 2001.");
    assert_eq!(
        families(&e),
        ["Brandt", "De Vries", "Morel", "Van Acker", "de Souza"]
    );
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Iron in soils of the north")
    );
}

#[test]
fn a_subtitle_in_sentence_case_after_the_titles_full_stop() {
    let e = entry("Ferrand, Lucie 2011. Parler aux morts. Une enquête sur les rites funéraires dans les villages du nord. In: Paul Roux (ed.) Rites et mémoires. Lyon: Presses du Rhône.");
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Parler aux morts. Une enquête sur les rites funéraires dans les villages du nord")
    );
    // A journal's name in sentence case is not a subtitle.
    let e = entry("Okoro AB, Lind KJ. Sleep after surgery in older adults. Journal of sleep and recovery in older age. 2010;4(2): 11-19.");
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Sleep after surgery in older adults")
    );
    // Nor the container when digits follow it in the same sentence.
    let e = entry(
        "Mbeki, T. (2003). Rivers and roads. Water history and policy in the south, 12(3), 40-52.",
    );
    assert_eq!(e.reference.title.as_deref(), Some("Rivers and roads"));
}

#[test]
fn a_journal_and_its_numbers_with_no_title() {
    let e = entry("Halden P., Moreno K., 2011, MNRAS, 402, 1187");
    assert_eq!(families(&e), ["Halden", "Moreno"]);
    assert_eq!(e.reference.title, None);
    assert_eq!(e.reference.container.as_deref(), Some("MNRAS"));
    assert_eq!(
        (e.reference.volume.as_deref(), e.reference.pages.as_deref()),
        (Some("402"), Some("1187"))
    );
    assert_eq!(e.reference.year, Some(2011), "the page is not the year");
    // A publisher and its year are not a journal's numbers.
    let e = entry("Garvey, Ruth. Orchards of the North. Tarn University Press, 2004.");
    assert_eq!(e.reference.year, Some(2004));
    assert_eq!(e.reference.title.as_deref(), Some("Orchards of the North"));
}

#[test]
fn an_issue_in_parentheses_is_no_year() {
    let e = parse_entry(
        "Okafor D, Lindqvist P, Moro JL. Second line drugs in dry regions. Acta Med (2004) 71( 2): 25-31.",
        Vec::new(),
    )
    .expect("an entry");
    assert_eq!(e.reference.year, Some(2004));
}

#[test]
fn a_title_that_opens_with_a_code_keeps_it() {
    let e = entry("Moro FA, Lund M, Berg G. KIF5B, a motor protein in dry conditions. Cell Rep 2011; 91: 253-262.");
    assert_eq!(
        e.reference.title.as_deref(),
        Some("KIF5B, a motor protein in dry conditions")
    );
}

#[test]
fn a_title_then_a_journal_and_its_numbers_as_physics_writes_them() {
    let e = entry("A. Roe and B. Lund, Cooling of trapped gases, Phys. Lett. B 776 (2018) 249.");
    let r = &e.reference;
    assert_eq!(families(&e), vec!["Roe", "Lund"]);
    assert_eq!(r.title.as_deref(), Some("Cooling of trapped gases"));
    assert_eq!(r.container.as_deref(), Some("Phys. Lett. B"));
    assert_eq!(
        (r.volume.as_deref(), r.pages.as_deref()),
        (Some("776"), Some("249"))
    );
    assert_eq!(r.year, Some(2018));
    assert_eq!(r.kind, "article-journal");
}

#[test]
fn conjunctions_of_other_languages_part_names() {
    let listed = |list: &str| -> Vec<String> {
        names_in(list)
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.family)
            .collect()
    };
    assert_eq!(listed("S. Roe et A. Lund"), vec!["Roe", "Lund"]);
    assert_eq!(listed("H. Varga e H.G. Moretti"), vec!["Varga", "Moretti"]);
    assert_eq!(listed("K. Berg und L. Stein"), vec!["Berg", "Stein"]);
    // `e` inside a Portuguese name is no conjunction.
    assert_eq!(listed("Maria da Silva e Souza").len(), 1);
    // The list's first initial opens it (`initials_end` ends no list there).
    let e = entry("S. Roe et A. Lund, « Salt and the marsh », Rev. Coast., vol. 3, 1998.");
    assert_eq!(families(&e), vec!["Roe", "Lund"]);
}
