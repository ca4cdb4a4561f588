use super::*;
use crate::extract::citations::Reference;

fn person(family: &str) -> Person {
    Person {
        family: family.to_string(),
        given: String::new(),
    }
}

fn entry(p: usize, label: Option<&str>, families: &[&str], year: i32) -> Cited {
    Cited {
        at: Place::Entry(p),
        label: label.map(str::to_string),
        in_text: 0,
        reference: std::sync::Arc::new(Reference {
            authors: families.iter().map(|f| person(f)).collect(),
            year: Some(year),
            title: Some("A title".into()),
            ..Reference::default()
        }),
        ibid: false,
    }
}

/// The linked spans of `text` (a document of that paragraph and a
/// reference list of `entries`) as (text, entry paragraph).
fn links(text: &str, entries: &mut [Cited]) -> (Vec<(String, usize)>, Vec<String>) {
    let md = format!("{text}\n\n# References\n\n- one\n- two\n- three\n- four\n");
    let (doc, _) = crate::parse::parse(&md);
    let mut notes = Vec::new();
    let found = link(&doc, entries, &mut notes);
    let texts = found
        .iter()
        .map(|l| match &doc.body[l.node] {
            Node::Md(Event::Text(t)) => (t[l.start..l.end].to_string(), l.entry),
            Node::Md(Event::Start(Tag::Link { dest_url, .. })) if l.whole => {
                (format!("link to {dest_url}"), l.entry)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    (texts, notes)
}

#[test]
fn numeric_citations_link_each_number() {
    let mut e = vec![
        entry(1, Some("3"), &["Berg"], 2012),
        entry(2, Some("4"), &["Moser"], 2013),
        entry(3, Some("5"), &["Keller"], 2010),
        entry(4, Some("9"), &["Ruiz"], 2011),
    ];
    let (found, _) = links(
        "Shared reserves were tried [3–5, 9] and again [4]; see [12].",
        &mut e,
    );
    assert_eq!(
        found,
        [
            ("3".into(), 1),
            ("5".into(), 3),
            ("9".into(), 4),
            ("4".into(), 2)
        ]
    );
    // The number inside the range counts as cited.
    assert_eq!(
        e.iter().map(|c| c.in_text).collect::<Vec<_>>(),
        [1, 2, 1, 1]
    );
}

#[test]
fn author_year_citations_match_one_entry() {
    let mut e = vec![
        entry(1, None, &["Salman", "Uprety"], 2002),
        entry(2, None, &["Wolf"], 1999),
        entry(3, None, &["Dinar", "Katz", "De Stefano"], 2015),
        entry(4, None, &["De Stefano"], 2010),
    ];
    let text = "Whole rivers were divided (Salman and Uprety, 2002). Shares adapt \
(see Wolf, 1999, p. 4; Dinar et al., 2015), as De Stefano (2010) argued. \
In June (2011) nothing happened; Wolf (2005) is not listed.";
    let (found, notes) = links(text, &mut e);
    assert_eq!(
        found,
        [
            ("Salman and Uprety, 2002".into(), 1),
            ("Wolf, 1999".into(), 2),
            ("Dinar et al., 2015".into(), 3),
            ("2010".into(), 4),
        ]
    );
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn two_entries_that_fit_leave_the_citation_unlinked_and_reported() {
    let mut e = vec![
        entry(1, None, &["Smith"], 2019),
        entry(2, None, &["Smith"], 2019),
    ];
    let (found, notes) = links("As shown (Smith, 2019a), the rule holds.", &mut e);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("Smith 2019a"), "{notes:?}");
}

#[test]
fn text_in_links_and_the_list_itself_are_left_alone() {
    let mut e = vec![entry(1, Some("1"), &["Berg"], 2012)];
    // The text's own link to the entry gets its preview; its text is not
    // linked again.
    let (found, _) = links("Linked already [[1]](#p-2). Bare [1].", &mut e);
    assert_eq!(found, [("link to #p-2".into(), 1), ("1".into(), 1)]);
    assert_eq!(e[0].in_text, 2);
}

#[test]
fn hostile_text_does_not_panic() {
    let mut e = vec![entry(1, Some("1"), &["Berg"], 2012)];
    for text in [
        "(",
        "[1",
        "(2012",
        "é (2012)",
        "(; 2012)",
        "[1–]",
        "[–1]",
        "Berg et al. (2012",
        "(é, 2012a)",
        "[1-99999999]",
    ] {
        let _ = links(text, &mut e);
    }
}

#[test]
fn a_citation_cut_into_two_links_counts_once() {
    let mut e = vec![entry(1, None, &["Kaplan"], 2020)];
    let (found, _) = links(
        "Done as in [Kaplan et al.](#p-2) [(2020)](#p-2), and again [Kaplan](#p-2).",
        &mut e,
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(e[0].in_text, 2);
}

#[test]
fn chinese_citations_link_to_their_entries() {
    let mut e = vec![
        entry(1, Some("1"), &["沈志华"], 2007),
        entry(2, Some("2"), &["李丹慧"], 2002),
        entry(3, Some("3"), &["王缉思", "李静杰"], 2015),
        entry(4, Some("4"), &["Lukin"], 2018),
    ];
    let (found, _) = links(
        "中苏关系开始恶化（沈志华，2007：112）。据李丹慧（2002）研究，谈判恢复。问题解决了（王缉思等，2015；Lukin, 2018）。",
        &mut e,
    );
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["沈志华，2007", "2002", "王缉思等，2015", "Lukin, 2018"],
        "{found:?}"
    );
    assert_eq!(
        e.iter().map(|c| c.in_text).collect::<Vec<_>>(),
        [1, 1, 1, 1]
    );
    // A name no entry has, or the wrong year: no link.
    let (found, _) = links("见（张三，2007）和（沈志华，2008）。", &mut e);
    assert!(found.is_empty(), "{found:?}");
    for text in [
        "（",
        "（，2007）",
        "据（2002）",
        "é（2002）",
        "（等，2002）",
    ] {
        let _ = links(text, &mut e);
    }
}
