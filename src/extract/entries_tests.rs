use super::*;

pub(super) fn entry(text: &str) -> Entry {
    parse_entry(text, Vec::new()).unwrap_or_else(|| panic!("not an entry: {text}"))
}

pub(super) fn families(e: &Entry) -> Vec<&str> {
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
    // A title and a publisher in no container: a book.
    let e = entry("Ferreira, J. (2018). *Salt Roads of the Interior*. Porto: Ribeira Press.");
    assert_eq!(
        (e.reference.kind, e.reference.publisher.as_deref()),
        ("book", Some("Ribeira Press"))
    );
    assert_eq!(
        e.reference.title.as_deref(),
        Some("Salt Roads of the Interior")
    );
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
        // A label's parenthesis whose fourth byte is inside a letter.
        "Berg (id=“1992) Berg, A. Title. 2001.",
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
fn russian_entries_with_their_areas_parted_by_dashes() {
    // GOST 7.1: spaced initials, `//` before the journal, ` — ` between
    // areas, a book's extent (`412 с.`) after its year.
    let e = entry("1. Сомова Е. Д. Речные порты Сибири. — Новосибирск: Наука, 2009. — 412 с.");
    let r = &e.reference;
    assert_eq!(
        (
            families(&e),
            r.kind,
            r.year,
            r.publisher.as_deref(),
            r.container.as_deref()
        ),
        (vec!["Сомова"], "book", Some(2009), Some("Наука"), None)
    );
    assert_eq!(r.title.as_deref(), Some("Речные порты Сибири"));
    let e = entry(
        "Орлов К. П., Зуева Т. М. Паромы на Оби // Вопросы экономики. — 2016. — № 4. — С. 33–41.",
    );
    let r = &e.reference;
    assert_eq!(families(&e), ["Орлов", "Зуева"]);
    assert_eq!(
        (
            r.title.as_deref(),
            r.container.as_deref(),
            r.year,
            r.pages.as_deref()
        ),
        (
            Some("Паромы на Оби"),
            Some("Вопросы экономики"),
            Some(2016),
            Some("33–41")
        )
    );
}
