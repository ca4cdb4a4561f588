use super::locators::locator;
use super::syntax::find;
use super::*;
use hayagriva::citationberg::taxonomy::Locator;

const BIB: &str = r#"
@string{jt = {Journal of Things}}
@article{doe2019,
  author = {Doe, Jane and van der Berg, Piet and Roe, Richard},
  title = {Borders and {Rivers} in the {U.S.}},
  journal = jt, volume = {12}, number = {3}, pages = {45--67},
  date = {2019-05-02}, doi = {10.1000/xyz123}
}
@book{hobs1994,
  author = {Hobsbawm, Eric},
  title = {The Age of Extremes},
  publisher = {Michael Joseph}, address = {London}, year = {1994}
}
"#;

fn known(k: &str) -> bool {
    matches!(k, "doe2019" | "hobs1994")
}

#[test]
fn groups_with_prefixes_locators_and_suffixes() {
    let text =
        "Talks resumed [see @doe2019, pp. 33-35, 38; also -@hobs1994, chap. 3, emphasis added].";
    let found = find(text, &known);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(
        &text[f.range.clone()],
        "[see @doe2019, pp. 33-35, 38; also -@hobs1994, chap. 3, emphasis added]"
    );
    assert!(!f.narrative);
    assert_eq!(f.items[0].prefix, "see");
    assert_eq!(
        f.items[0].locator,
        Some((Locator::Page, "33-35, 38".into()))
    );
    assert!(!f.items[0].suppress_author);
    assert_eq!(f.items[1].prefix, "also");
    assert!(f.items[1].suppress_author);
    assert_eq!(f.items[1].locator, Some((Locator::Chapter, "3".into())));
    assert_eq!(f.items[1].suffix, "emphasis added");
}

#[test]
fn narrative_citations_need_a_known_key() {
    let text = "As @doe2019 [p. 4] shows, and @someone on social media said, @hobs1994.";
    let found = find(text, &known);
    assert_eq!(found.len(), 2);
    assert!(found[0].narrative);
    assert_eq!(&text[found[0].range.clone()], "@doe2019 [p. 4]");
    assert_eq!(found[0].items[0].locator, Some((Locator::Page, "4".into())));
    // The sentence's full stop is not part of the key.
    assert_eq!(found[1].items[0].key, "hobs1994");
}

#[test]
fn not_citations() {
    for text in [
        "Write to jane@doe2019.org or doe2019@example.com.",
        "In code: `[@doe2019]` and\n\n```\n[@doe2019]\n```\n",
        "A link [@doe2019](https://example.org) and a reference [@doe2019][x].",
        "Escaped \\[@doe2019] and a footnote[^doe2019].",
        "[the price @ 4 dollars]",
        "$x = [@doe2019]$ in math",
    ] {
        assert!(find(text, &known).is_empty(), "{text}");
    }
}

#[test]
fn braced_keys_and_keys_with_inner_punctuation() {
    let found = find("[@{odd key}] and [@a:b.c-d_e, 7]", &|_| true);
    assert_eq!(found[0].items[0].key, "odd key");
    assert_eq!(found[1].items[0].key, "a:b.c-d_e");
    assert_eq!(found[1].items[0].locator, Some((Locator::Page, "7".into())));
}

#[test]
fn locators() {
    assert_eq!(
        locator("p. 12"),
        (Some((Locator::Page, "12".into())), String::new())
    );
    assert_eq!(
        locator("xii–xv"),
        (Some((Locator::Page, "xii–xv".into())), String::new())
    );
    assert_eq!(
        locator("§ 4"),
        (Some((Locator::Section, "4".into())), String::new())
    );
    assert_eq!(
        locator("n. 14"),
        (Some((Locator::Note, "14".into())), String::new())
    );
    assert_eq!(locator("emphasis added"), (None, "emphasis added".into()));
    // A word that only starts like a Roman numeral is a suffix.
    assert_eq!(locator("mild criticism"), (None, "mild criticism".into()));
}

#[test]
fn hostile_text_stays_linear() {
    let text = "[@".repeat(20_000) + &"@]".repeat(20_000) + &"@a ".repeat(20_000);
    let t = std::time::Instant::now();
    let _ = find(&text, &|_| true);
    assert!(t.elapsed().as_secs() < 5);
}

#[test]
fn biblatex_recovers_entry_by_entry() {
    let text = format!("{BIB}\n@article{{broken,\n  title = {{Unclosed\n\n@book{{hobs1994, title = {{Again}}, year = {{2000}}}}\n");
    let mut diags = Vec::new();
    let entries = read::read_biblatex(&text, Path::new("refs.bib"), &mut diags);
    let keys: Vec<&str> = entries.iter().map(|(_, e)| e.key()).collect();
    assert!(
        keys.contains(&"doe2019") && keys.contains(&"hobs1994"),
        "{keys:?}"
    );
    // The broken entry is reported at its first line, by key.
    let broken = diags
        .iter()
        .find(|d| d.message.contains("`broken`"))
        .expect("reported");
    assert_eq!(
        broken.line,
        read::line_of(&text, text.find("@article{broken").unwrap())
    );
    // The abbreviation defined in @string still resolves.
    let doe = entries.iter().find(|(_, e)| e.key() == "doe2019").unwrap();
    assert_eq!(
        reference::of(&doe.1).container.as_deref(),
        Some("Journal of Things")
    );
}

#[test]
fn entries_become_references() {
    let bib = from_biblatex(BIB, "apa");
    let doe = bib.reference("doe2019").unwrap();
    assert_eq!(doe.authors[1].family, "van der Berg");
    assert_eq!(doe.authors[1].given, "Piet");
    assert_eq!(doe.title.as_deref(), Some("Borders and Rivers in the U.S."));
    assert_eq!(doe.date.as_deref(), Some("2019-05-02"));
    assert_eq!(
        (doe.volume.as_deref(), doe.issue.as_deref()),
        (Some("12"), Some("3"))
    );
    assert_eq!(doe.pages.as_deref(), Some("45-67"));
    assert_eq!(doe.doi.as_deref(), Some("10.1000/xyz123"));
    assert_eq!(doe.kind, "article-journal");
    let book = bib.reference("hobs1994").unwrap();
    assert_eq!(book.publisher.as_deref(), Some("Michael Joseph"));
    assert_eq!(book.kind, "book");
}

#[test]
fn csl_json_items() {
    let json = r#"[
      {"id": "a", "type": "chapter", "title": "Inside",
       "author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}],
       "editor": [{"literal": "Editorial Board"}],
       "container-title": "The Book", "publisher": "P", "issued": {"date-parts": [["2001", "4"]]},
       "page": "3-9", "DOI": "10.1/x"},
      {"id": 7, "type": "webpage", "title": "Page", "author": [{"literal": "Ministry of Things"}],
       "URL": "https://example.org/a_b", "issued": {"raw": "2020-02-03"}},
      {"type": "book", "title": "No id"}
    ]"#;
    let mut diags = Vec::new();
    let got = csl::from_csl_json(json, Path::new("lib.json"), &mut diags);
    assert_eq!(got.len(), 2);
    assert!(diags[0].message.contains("no id"));
    let a = reference::of(&got[0].1);
    assert_eq!(a.authors[0].family, "van Beethoven");
    assert_eq!(a.container.as_deref(), Some("The Book"));
    assert_eq!(a.date.as_deref(), Some("2001-04"));
    assert_eq!(a.kind, "chapter");
    assert_eq!(a.doi.as_deref(), Some("10.1/x"));
    let page = reference::of(&got[1].1);
    assert_eq!(got[1].1.key(), "7");
    assert_eq!(page.authors[0].family, "Ministry of Things");
    assert_eq!(page.urls, vec!["https://example.org/a_b".to_string()]);
    assert_eq!(page.year, Some(2020));
    assert_eq!(page.kind, "webpage");
}

#[test]
fn yaml_bibliographies_csl_and_hayagriva() {
    // CSL YAML as Pandoc writes it from a .bib, with the line of each id.
    let csl = "---\nreferences:\n- type: article-journal\n  id: doe2019\n  author:\n  - family: Doe\n    given: Jane\n  issued:\n    date-parts:\n    - - 2019\n      - 5\n  title: 'Borders: a study'\n  container-title: Journal of Things\n  volume: 12\n  page: 45-67\n- id: \"o'hara\"\n  type: book\n  title: Second\n...\n";
    let mut diags = Vec::new();
    let got = csl::from_yaml(csl, Path::new("refs.yaml"), &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, 4, "the line of `id: doe2019`");
    let doe = reference::of(&got[0].1);
    assert_eq!(doe.title.as_deref(), Some("Borders: a study"));
    assert_eq!(doe.container.as_deref(), Some("Journal of Things"));
    assert_eq!(doe.date.as_deref(), Some("2019-05"));
    assert_eq!(doe.authors[0].family, "Doe");
    assert_eq!(got[1].1.key(), "o'hara");
    assert_eq!(got[1].0, 16);
    // A bare list of items.
    let list = "- id: a\n  title: A\n  type: book\n";
    let got = csl::from_yaml(list, Path::new("refs.yml"), &mut diags);
    assert_eq!(got.len(), 1);
    // hayagriva's own model (Typst's .yml).
    let own =
        "harbour:\n  type: book\n  title: The Harbour\n  author: Roe, Richard\n  date: 1998\n";
    let got = csl::from_yaml(own, Path::new("refs.yml"), &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, 1);
    assert_eq!(reference::of(&got[0].1).year, Some(1998));
    // A case with its court and short title; pandoc-citeproc's older
    // dates, a list of parts.
    let case = "- id: hill\n  type: legal_case\n  title: Hill v Church of Scientology of Toronto\n  title-short: Hill\n  authority: Supreme Court of Canada\n  issued:\n  - year: 1995\n    month: 7\n- id: old\n  type: book\n  title: Old\n  issued: 1887\n";
    let got = csl::from_yaml(case, Path::new("cases.yaml"), &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    let hill = &got[0].1;
    assert_eq!(
        hill.title()
            .and_then(|t| t.short.as_ref())
            .map(|s| s.to_string()),
        Some("Hill".to_string())
    );
    assert_eq!(
        hill.organization().map(|o| o.value.to_string()).as_deref(),
        Some("Supreme Court of Canada")
    );
    assert_eq!(reference::of(hill).date.as_deref(), Some("1995-07"));
    assert_eq!(reference::of(&got[1].1).year, Some(1887));
    // Text as it is: a dollar is no math, braces are characters, CSL's
    // case protection is kept.
    let money = "- id: m\n  type: book\n  title: The $100 Startup, {sets} and \\ <span class=\"nocase\">iPhone</span> sales\n";
    let got = csl::from_yaml(money, Path::new("m.yaml"), &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        reference::of(&got[0].1).title.as_deref(),
        Some("The $100 Startup, {sets} and \\ iPhone sales")
    );
    let case = "- id: mm\n  type: legal_case\n  title: Marbury v. Madison vs the vote v\n";
    let got = csl::from_yaml(case, Path::new("c.yaml"), &mut diags);
    let title = got[0].1.title().unwrap();
    assert_eq!(title.value.to_string(), "Marbury v. Madison vs the vote v");
    assert!(title
        .value
        .0
        .iter()
        .any(|c| c.kind == hayagriva::types::ChunkKind::Verbatim && c.value == "v."));
    // Neither, and not YAML: errors with a line where known.
    for bad in ["just: [a, b", "42"] {
        let mut diags = Vec::new();
        assert!(csl::from_yaml(bad, Path::new("x.yaml"), &mut diags).is_empty());
        assert_eq!(diags.len(), 1, "{bad}: {diags:?}");
    }
}

#[test]
fn author_date_links_each_work_to_its_entry() {
    let bib = from_biblatex(BIB, "apa");
    let md = "Talks resumed [see @doe2019, p. 12; @hobs1994]. @hobs1994 [p. 3] disagrees.\n";
    let cited = cite(md, &bib).expect("citations");
    let m = &cited.markdown;
    assert!(
        m.contains(
            "(see [Doe et al., 2019, p. 12](#ref-doe2019); [Hobsbawm, 1994](#ref-hobs1994))"
        ),
        "{m}"
    );
    assert!(
        m.contains("[Hobsbawm (1994, p. 3)](#ref-hobs1994) disagrees"),
        "{m}"
    );
    assert!(m.contains("\n\n## References\n\n<span id=\"ref-doe2019\"></span>Doe, J., Berg, P. van der, \\& Roe, R. (2019)"), "{m}");
    assert_eq!(cited.given.entries.len(), 2);
    assert_eq!(cited.given.entries[0].0, "ref-doe2019");
    assert!(
        cited
            .given
            .in_text
            .iter()
            .any(|t| t == "(see Doe et al., 2019, p. 12; Hobsbawm, 1994)"),
        "{:?}",
        cited.given.in_text
    );
    assert!(cited.warnings.is_empty());
}

#[test]
fn note_styles_make_footnotes() {
    let bib = from_biblatex(BIB, "chicago-notes");
    let md = "Talks resumed in 1991 [see @doe2019, p. 12]. @hobs1994 disagrees.\n\n[^a]: As in [@hobs1994, 33].\n";
    let cited = cite(md, &bib).expect("citations");
    let m = &cited.markdown;
    assert!(
        m.contains("in 1991.[^cite-1] Hobsbawm[^cite-2] disagrees"),
        "{m}"
    );
    assert!(
        m.contains("[^cite-1]: See Jane Doe et al., “Borders and Rivers in the U.S.,”"),
        "{m}"
    );
    assert!(
        m.contains("[^a]: As in Hobsbawm, *The Age of Extremes*, 33."),
        "{m}"
    );
    let labels: Vec<&str> = cited.given.notes.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["cite-1", "cite-2", "a"]);
    assert!(!m.contains("## References"));
}

#[test]
fn unknown_keys_are_reported_with_their_line() {
    let bib = from_biblatex(BIB, "apa");
    let cited = cite("One.\n\nTwo [@nosuch; @doe2019].\n", &bib).expect("reported");
    assert_eq!(cited.warnings.len(), 1);
    assert_eq!(cited.warnings[0].0, 3);
    assert!(cited.warnings[0].1.contains("nosuch"));
    // Shown as written.
    assert!(cited.markdown.contains("[@nosuch; @doe2019]"));
    // Quarto's cross-references are no citations: no warning.
    assert!(cite("See [@fig-map; @sec-data] and [@tbl:x].\n", &bib).is_none());
}

#[test]
fn refs_div_places_the_list() {
    let bib = from_biblatex(BIB, "apa");
    let md = "Text [@hobs1994].\n\n# Bibliography\n\n::: {#refs}\n:::\n\n# Appendix\n\nMore.\n";
    let m = cite(md, &bib).unwrap().markdown;
    let list = m.find("<span id=\"ref-hobs1994\">").unwrap();
    assert!(
        m.find("# Bibliography").unwrap() < list && list < m.find("# Appendix").unwrap(),
        "{m}"
    );
    assert!(!m.contains(":::"), "{m}");
    assert!(!m.contains("## References"), "{m}");
}

#[test]
fn braced_locators_and_markup_inside_a_group() {
    let found = find("[@smith{ii, A, D-Z}, with a suffix]", &|_| true);
    assert_eq!(found[0].items[0].key, "smith");
    assert_eq!(
        found[0].items[0].locator,
        Some((Locator::Page, "ii, A, D-Z".into()))
    );
    assert_eq!(found[0].items[0].suffix, "with a suffix");
    let found = find(
        "[@smith, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]",
        &|_| true,
    );
    assert_eq!(
        found[0].items[0].locator,
        Some((Locator::Page, "iv, vi-xi, (xv)-(xvii)".into()))
    );
    assert_eq!(found[0].items[0].suffix, "with suffix here");
    // Code inside the group's suffix is its text; code around it is not a
    // citation.
    let text = "Blah [@doe99, pp. 33-35 and `passim` here].";
    let found = find(text, &|_| true);
    assert_eq!(
        &text[found[0].range.clone()],
        "[@doe99, pp. 33-35 and `passim` here]"
    );
    assert!(find("`[@doe99]` and `x [@doe99` y]", &|_| true).is_empty());
}

#[test]
fn chapters_of_edited_books_and_tex_quotes() {
    let bib = from_biblatex(
        r#"
@incollection{lind2016,
  author = {Lind, Ada},
  title = {Ports and {Rivers} in the `{Long}' Century},
  booktitle = {Trade on the {Volga}},
  editor = {Roe, Richard and Berg, Piet},
  publisher = {Harbour Press}, year = {2016}, pages = {45--67}
}
@book{marsh2001,
  author = {Marsh, Lena},
  title = {``Quiet'' Harbours and Caf\`{e}s},
  publisher = {Lake Books}, year = {2001}
}
"#,
        "chicago-author-date",
    );
    let cited = cite("As @lind2016 and @marsh2001 show.\n", &bib).expect("citations");
    let m = &cited.markdown;
    // The book is named once, as a book (hayagriva's anthology would
    // name it twice), and TeX's quotes print as quotation marks.
    assert_eq!(m.matches("Trade on the Volga").count(), 1, "{m}");
    assert!(m.contains("edited by Richard Roe and Piet Berg"), "{m}");
    assert!(m.contains("‘Long’ Century"), "{m}");
    assert!(m.contains("“Quiet” Harbours"), "{m}");
    assert!(!m.contains('`'), "{m}");
}
