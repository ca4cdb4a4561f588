use super::*;

#[test]
fn reference_headings_in_several_languages() {
    for h in [
        "References",
        "REFERENCES",
        "7. References",
        "VII. Bibliography",
        "Works Cited",
        "Bibliography:",
        "Literaturverzeichnis",
        "Références bibliographiques",
        "Список литературы",
        "参考文献",
        "Riferimenti bibliografici",
        "Notes",
        "Recommended literature",
        "Recommended literature in German",
        "References and recommended literature",
        "Recommended literature or websites",
        "General literature on copyright law",
        "Further reading",
        "ACM Reference Format:",
        "ACMReference Format:",
        "How to cite this article",
        "Weiterführende Literatur",
        "Рекомендуемая литература",
    ] {
        assert!(is_reference_heading(h), "{h}");
    }
    for h in [
        "Referendum results",
        "Sources of the conflict",
        "A note on method",
        "Literature review of the sanctions debate",
        "Notes on method",
        "Sources of law",
        "Books in the public domain",
        "Articles 3 and 4 of the Act",
        "2019",
    ] {
        assert!(!is_reference_heading(h), "{h}");
    }
}

#[test]
fn entries_in_the_usual_styles() {
    for e in [
        // APA
        "Lindqvist, M., & Oduya, P. (2017). Borders of trade: Customs unions after the Cold War. Journal of Regional Economies, 12(3), 201–219. https://doi.org/10.1000/jre.2017.44",
        // Chicago bibliography
        "Harrow, Eleanor. The River Treaties. Oxford: Clarendon Press, 1998.",
        // IEEE, numbered
        "[14] K. Marsh and T. Ibe, “Sparse attention for long inputs,” in Proc. Workshop on Efficient Models, 2021, pp. 33–41.",
        // Russian GOST
        "Воронцов А. В. Россия и Китай на рубеже веков. — М.: Наука, 2003. — 312 с.",
        // Harvard, short
        "Okafor, T. 2011. Ports and power. London: Meridian.",
    ] {
        assert!(looks_like_entry(e), "{e}");
    }
    for p in [
        "In 1991, the Soviet Union dissolved, and the border talks resumed under new leadership.",
        "Putin, speaking in Beijing, said the agreement of 2001 still held.",
        "Lavrov, S. said nothing.",
        "The 2019 report was never published.",
    ] {
        assert!(!looks_like_entry(p), "{p}");
    }
}

fn para(text: &str, kind: Block) -> Paragraph {
    Paragraph {
        id: String::new(),
        text: text.into(),
        aside: false,
        kind,
        reference: false,
    }
}

#[test]
fn runs_of_entries_are_marked_but_a_lone_one_is_not() {
    let entry = "Harrow, Eleanor. The River Treaties. Oxford: Clarendon Press, 1998.";
    let prose = "The talks of 1998 went nowhere.";
    let mut ps = vec![
        para(prose, Block::P),
        para(entry, Block::P),
        para(prose, Block::P),
        para(entry, Block::P),
        para(entry, Block::P),
        para(entry, Block::P),
    ];
    mark_runs(&mut ps);
    let marked: Vec<bool> = ps.iter().map(|p| p.reference).collect();
    assert_eq!(marked, vec![false, false, false, true, true, true]);
    let mut items = vec![para(entry, Block::Item), para(entry, Block::Item)];
    mark_runs(&mut items);
    assert!(items.iter().all(|p| p.reference));
}
