//! Tests of extraction as a whole: mentions, links, dates, citations.

use super::*;
use crate::topics;
use std::path::Path;

fn run(md: &str, links: LinkMode) -> (Document, Extracted) {
    let map = topics::parse(
        Path::new("t"),
        "[topics.arctic]\naliases = [\"Arctic\"]\n[topics.russia]\naliases = [\"Russia\"]\n",
    )
    .unwrap()
    .0;
    let matcher = Matcher::new(&map);
    let (doc, _) = crate::parse::parse(md);
    let ex = extract(
        &doc,
        &Options {
            matcher: &matcher,
            links,
            years: (1949, 2021),
            language: "en",
            slugs: Default::default(),
        },
    );
    (doc, ex)
}

/// The mentions as (paragraph, start, end), in text order.
fn mentions(ex: &Extracted) -> Vec<(usize, usize, usize)> {
    let mut all: Vec<(usize, usize, usize)> = ex
        .passages
        .iter()
        .flat_map(|p| {
            p.byte_spans()
                .into_iter()
                .map(move |(s, e)| (p.paragraph(), s, e))
        })
        .collect();
    all.sort_unstable();
    all
}

#[test]
fn mentions_map_to_paragraph_text() {
    let (doc, ex) = run("The *Arctic* and `Russia` code, [Russia](x) link,\nthen Russia.\n\n## Russia\n\nArctic again in 2014.", LinkMode::FirstInSection);
    let texts: Vec<&str> = mentions(&ex)
        .into_iter()
        .map(|(p, start, end)| &doc.paragraphs[p].text[start..end])
        .collect();
    assert_eq!(
        texts,
        vec!["Arctic", "Russia", "Arctic"],
        "not in code, links or headings"
    );
    assert_eq!(
        ex.links.len(),
        3,
        "first per section: Arctic, Russia; Arctic after the heading"
    );
    assert_eq!(ex.dates.len(), 1);
    assert_eq!(ex.dates[0].hit.year, 2014);
    assert_eq!(
        &doc.paragraphs[1].text[ex.dates[0].sentence.clone()],
        "Arctic again in 2014."
    );
}

#[test]
fn mentions_after_math_map_to_paragraph_text() {
    let (doc, ex) = run(
        "With $x^{2}$ and $$y$$ in the Arctic, then Russia.",
        LinkMode::All,
    );
    let texts: Vec<&str> = mentions(&ex)
        .into_iter()
        .map(|(p, start, end)| &doc.paragraphs[p].text[start..end])
        .collect();
    assert_eq!(texts, ["Arctic", "Russia"]);
}

#[test]
fn link_modes() {
    let md = "Arctic, Arctic.\n\n## H\n\nArctic.";
    assert_eq!(run(md, LinkMode::All).1.links.len(), 3);
    assert_eq!(run(md, LinkMode::FirstInDocument).1.links.len(), 1);
    assert_eq!(run(md, LinkMode::FirstInSection).1.links.len(), 2);
    assert_eq!(run(md, LinkMode::None).1.links.len(), 0);
}

#[test]
fn reference_lists_and_citations_stay_off_the_timeline_and_topics() {
    let md = "Russia and the Arctic in 2014, as Smith et al. (2019) show \
              (Ivanova, 2020).\n\n- Arctic ice in 1990.\n\n## References\n\n\
              Smith, A. (2019). Russia in the Arctic. Polar Press.\n";
    let (doc, ex) = run(md, LinkMode::All);
    let years: Vec<i32> = ex.dates.iter().map(|d| d.hit.year).collect();
    assert_eq!(years, vec![2014, 1990], "list items are scanned");
    assert_eq!(ex.cited_years, 3);
    let in_refs = mentions(&ex)
        .into_iter()
        .filter(|m| doc.paragraphs[m.0].reference);
    assert_eq!(in_refs.count(), 0);
    assert_eq!(mentions(&ex).len(), 3, "Russia, Arctic; Arctic in the item");
}

#[test]
fn one_date_said_twice_in_a_sentence_is_one_entry() {
    let md = "Until 1952, critics read it in 1952. It was read again in 1952 and 1953.";
    let (_, ex) = run(md, LinkMode::All);
    let years: Vec<i32> = ex.dates.iter().map(|d| d.hit.year).collect();
    assert_eq!(years, vec![1952, 1952, 1953], "once per sentence");
}

#[test]
fn footnote_text_is_not_searched() {
    let (_, ex) = run("Text[^1].\n\n[^1]: Arctic Council, 2019.", LinkMode::All);
    assert!(mentions(&ex).is_empty());
    assert!(ex.dates.is_empty(), "footnote years are citation dates");
}
