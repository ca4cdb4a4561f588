use super::*;

fn ids_of(doc: &Document) -> Vec<&str> {
    doc.paragraphs.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn paragraphs_get_ordinal_ids_and_text() {
    let (doc, w) = parse("One *two*.\n\n> Quoted `x`.\n\n- item\n\nThree  \nfour.");
    assert!(w.is_empty());
    assert_eq!(ids_of(&doc), vec!["p-1", "p-2", "p-3", "p-4"]);
    assert_eq!(doc.paragraphs[0].text, "One two.");
    assert_eq!(doc.paragraphs[1].text, "Quoted x.");
    // A tight list item is a block of text too.
    assert_eq!(doc.paragraphs[2].text, "item");
    assert_eq!(doc.paragraphs[2].kind, Block::Item);
    assert_eq!(doc.paragraphs[3].text, "Three four.");
    assert_eq!(doc.paragraphs[3].kind, Block::P);
}

#[test]
fn headings_get_unique_slugs() {
    let (doc, _) = parse("## *Economic* Collaborations\n\n## Economic Collaborations\n\n## Custom {#mine}\n\n## p-1\n");
    let ids: Vec<&str> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "economic-collaborations",
            "economic-collaborations-2",
            "mine",
            "h-p-1"
        ]
    );
    assert_eq!(doc.headings[0].text, "Economic Collaborations");
}

#[test]
fn footnotes_are_numbered_by_first_reference() {
    let md = "A[^b] then[^a] and[^b] again.\n\n[^a]: Alpha.\n[^b]: Beta *b*.\n";
    let (doc, w) = parse(md);
    assert!(w.is_empty(), "{w:?}");
    let notes: Vec<(&str, usize, usize)> = doc
        .footnotes
        .iter()
        .map(|f| (f.label.as_str(), f.number, f.refs))
        .collect();
    assert_eq!(notes, vec![("b", 1, 2), ("a", 2, 1)]);
    assert_eq!(doc.footnotes[0].text, "Beta b.");
    let refs: Vec<(usize, usize)> = doc
        .body
        .iter()
        .filter_map(|n| match n {
            Node::FootnoteRef { number, nth, .. } => Some((*number, *nth)),
            _ => None,
        })
        .collect();
    assert_eq!(refs, vec![(1, 1), (2, 1), (1, 2)]);
    assert_eq!(doc.paragraphs.len(), 1, "footnote paragraphs take no ids");
}

#[test]
fn a_definition_inside_a_list_item_is_a_note_and_the_list_stays() {
    // Seen as a converter's numbered list of notes, and found by the fuzz
    // pass: the text had been cut at the definition, inside the item.
    let md = "Text[^b] here.\n\n- first item\n\n1. [^b]: Second note, in a list.\n\nAfter.\n";
    let (doc, _) = parse(md);
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].text, "Second note, in a list.");
    let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, vec!["Text here.", "first item", "After."]);
}

#[test]
fn footnote_problems_are_warnings() {
    let (doc, w) = parse("Text[^x].\n\n[^y]: Unused.\n[^y]: Twice.\n");
    assert!(
        w.iter().any(|m| m.contains("`y` is never referenced")),
        "{w:?}"
    );
    assert!(
        w.iter().any(|m| m.contains("`y` is defined twice")),
        "{w:?}"
    );
    assert_eq!(doc.footnotes.len(), 1);
    // `[^x]` with no definition stays literal text.
    assert!(doc.paragraphs[0].text.contains("[^x]"));
}

#[test]
fn code_blocks_are_lifted() {
    let (doc, _) = parse("```rust ignore\nfn main() {}\n```\n");
    assert_eq!(
        doc.body,
        vec![Node::CodeBlock {
            lang: Some("rust".into()),
            code: "fn main() {}\n".into()
        }]
    );
    // As Pandoc, Quarto and R Markdown write the language.
    for (info, lang) in [
        ("{r}", Some("r")),
        ("{r, echo=FALSE}", Some("r")),
        ("{.python}", Some("python")),
        ("{ python label=\"x\"}", Some("python")),
        ("{}", None),
    ] {
        let (doc, _) = parse(&format!("```{info}\nx\n```\n"));
        let got = match &doc.body[0] {
            Node::CodeBlock { lang, .. } => lang.clone(),
            _ => panic!("{info}"),
        };
        assert_eq!(got.as_deref(), lang, "{info}");
    }
    // A chunk's options are not shown; a plain block's `#|` lines are.
    for (md, code) in [
        (
            "```{r}\n#| label: fig-x\n#| echo: false\nplot(x)\n```\n",
            "plot(x)\n",
        ),
        ("```text\n#| kept\n```\n", "#| kept\n"),
    ] {
        let (doc, _) = parse(md);
        assert!(
            matches!(&doc.body[0], Node::CodeBlock { code: c, .. } if c == code),
            "{md}"
        );
    }
}

#[test]
fn hostile_markdown_does_not_panic() {
    for s in [
        "",
        "[^",
        "[^]: x",
        "#",
        "```",
        "|a|\n|-|\n|b|",
        "> > > >",
        "<div>",
        "[^1]: [^1]\n\n[^1]",
    ] {
        let _ = parse(s);
    }
    let deep = "> ".repeat(500) + "x";
    let _ = parse(&deep);
}

#[test]
fn paragraphs_in_wrappers_are_asides() {
    let md =
        "<figure class=\"caption\">\n<figcaption>\n\nPhoto.\n\n</figcaption>\n</figure>\n\nBody.\n";
    let (doc, _) = super::parse_with(md, true);
    let asides: Vec<bool> = doc.paragraphs.iter().map(|p| p.aside).collect();
    assert_eq!(asides, vec![true, false]);
}

#[test]
fn markdown_as_plain_text() {
    assert_eq!(
        super::markdown_text("The PRC; *Beijing* stands for [its](x) `government`.\n\nNext."),
        "The PRC; Beijing stands for its government. Next."
    );
    assert_eq!(
        super::markdown_text("un*believ*able\n- a\n- b"),
        "unbelievable a b"
    );
}

#[test]
fn hand_made_note_numbers_in_superscript_are_not_text() {
    for allow_html in [false, true] {
        let (doc, _) = parse_with(
            "Amended in 1923.<sup>1</sup> Water rose 2 m<sup>3</sup>, the 1<sup>st</sup> time, as “said”<sup>2-4</sup>.\n",
            allow_html,
        );
        assert_eq!(
            doc.paragraphs[0].text,
            "Amended in 1923. Water rose 2 m3, the 1st time, as “said”."
        );
    }
}

#[test]
fn a_compacted_document_gives_back_the_same_nodes() {
    let md = "# Title\n\nText with a note.[^1] and <b>bold</b>.\n\n```rust\nfn x() {}\n```\n\n[^1]: A *note* [link](a.md).\n";
    for allow_html in [false, true] {
        let (parsed, _) = parse_with(md, allow_html);
        let mut compact = parsed.clone();
        compact.compact(md, allow_html, true);
        assert!(compact.body.is_empty() && compact.footnotes.iter().all(|f| f.body.is_empty()));
        assert_eq!(compact.paragraphs, parsed.paragraphs);
        let full = compact.full();
        assert_eq!(full.body, parsed.body);
        assert_eq!(full.footnotes, parsed.footnotes);
    }
    // Not compacted: itself.
    let (parsed, _) = parse("Plain.");
    assert!(matches!(parsed.full(), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn a_document_compacted_without_its_markdown_is_parsed_from_the_text_read_again() {
    let md = "# Title\n\nText with a note.[^1]\n\n[^1]: A *note*.\n";
    let (parsed, _) = parse_with(md, false);
    let mut compact = parsed.clone();
    compact.compact(md, false, false);
    assert!(compact.markdown.is_none() && compact.body.is_empty());
    let path = std::path::Path::new("a.md");
    // The same text: the same nodes.
    let same = |p: &std::path::Path, key: u64| {
        assert_eq!(p, std::path::Path::new("a.md"));
        (text_key(md, false) == key).then(|| (md.to_string(), false))
    };
    let full = compact.full_from(path, Some(&same)).expect("the same text");
    assert_eq!(full.body, parsed.body);
    assert_eq!(full.footnotes, parsed.footnotes);
    // A text that changed since, or no way to read it: nothing.
    let changed = |_: &std::path::Path, key: u64| {
        let md = "# Title\n\nOther text.\n";
        (text_key(md, false) == key).then(|| (md.to_string(), false))
    };
    assert!(compact.full_from(path, Some(&changed)).is_none());
    assert!(compact.full_from(path, None).is_none());
    // The key tells the raw-HTML setting apart too.
    assert_ne!(text_key(md, false), text_key(md, true));
    // A document with its nodes, or its Markdown kept, needs no reading.
    assert!(parsed.full_from(path, None).is_some());
    let mut kept = parsed.clone();
    kept.compact(md, false, true);
    assert_eq!(kept.full_from(path, None).unwrap().body, parsed.body);
}

#[test]
fn list_items_table_rows_and_definitions_are_blocks_of_text() {
    let md = "- In 1991 the union ended.\n  - nested in 1992\n- second\n\n\
              | Year | Event |\n|---|---|\n| 1991 | Dissolution |\n| | |\n\n\
              Term\n: Defined in 2001.\n\n\
              1. loose item\n\n   still loose\n";
    let (doc, _) = parse(md);
    let blocks: Vec<(&str, Block)> = doc
        .paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.kind))
        .collect();
    assert_eq!(
        blocks,
        vec![
            ("In 1991 the union ended.", Block::Item),
            ("nested in 1992", Block::Item),
            ("second", Block::Item),
            ("1991 · Dissolution", Block::Row),
            ("Term", Block::Term),
            ("Defined in 2001.", Block::Definition),
            ("loose item", Block::P),
            ("still loose", Block::P),
        ]
    );
}

#[test]
fn reference_sections_by_heading_and_by_label_line() {
    let md = "Intro in 1991.\n\n## References\n\nAnything here, 2001.\n\n### Archives\n\nFond 5, 1950.\n\n\
              ## Appendix\n\nBack to text in 1995.\n\n**Bibliography**\n\nHarrow 1998.\n";
    let (doc, _) = parse(md);
    let refs: Vec<bool> = doc.paragraphs.iter().map(|p| p.reference).collect();
    assert_eq!(refs, vec![false, true, true, false, true, true]);
}

#[test]
fn links_to_converter_anchors_lead_to_the_block_they_stand_in() {
    let md = "See [\\[2\\]](#page-6-2) and note [1](#page-0-0).\n\n\
### <span id=\"page-9-0\"></span>B Appendix\n\n\
Back to [the appendix](#page-9-0).\n\n\
- <span id=\"page-6-2\"></span>[2] An entry.\n\n\
[^1]: <span id=\"page-0-0\"></span>A note.\n";
    let (doc, _) = parse(md);
    let links = |nodes: &[Node]| -> Vec<String> {
        nodes
            .iter()
            .filter_map(|n| match n {
                Node::Md(Event::Start(Tag::Link { dest_url, .. })) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect()
    };
    let note = format!("#{}", doc.footnotes[0].id);
    assert_eq!(links(&doc.body), ["#p-3", note.as_str(), "#b-appendix"]);
    // The anchors themselves are gone.
    let html = |nodes: &[Node]| {
        nodes
            .iter()
            .any(|n| matches!(n, Node::Md(Event::InlineHtml(_))))
    };
    assert!(!html(&doc.body) && !html(&doc.footnotes[0].body));
}
