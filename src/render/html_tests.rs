use super::*;
use crate::parse::parse;

fn render(md: &str) -> String {
    document_html(
        &parse(md).0,
        &Highlighter::default(),
        &[],
        &Extras::default(),
    )
}

#[test]
fn topic_links_split_text() {
    let (doc, _) = parse("The Arctic & *the* Arctic.");
    let link = |node, start, end| LinkSpan {
        node,
        start,
        end,
        href: "../t/index.html".into(),
        topic: "arctic".into(),
        preview: "Ice".into(),
        label: "The Arctic".into(),
        whole: false,
    };
    let html = document_html(
        &doc,
        &Highlighter::default(),
        &[link(1, 4, 10), link(5, 1, 7)],
        &Extras::default(),
    );
    assert!(html.contains(r#"The <a class="topic" href="../t/index.html" data-preview-label="The Arctic" data-preview="Ice">Arctic</a> &amp; <em>the</em> <a class="topic""#), "{html}");
    // The preview is written once per topic.
    assert_eq!(html.matches("data-preview=").count(), 1, "{html}");
    assert_eq!(
        html.matches("<a class=\"topic\" href=\"../t/index.html\"")
            .count(),
        2,
        "{html}"
    );
}

#[test]
fn items_rows_and_definitions_carry_their_ids() {
    let html = render(
        "- In 1991 the union ended.\n\n| Year | Event |\n|---|---|\n| 1991 | End |\n\n\
         Term\n: Defined.\n",
    );
    assert!(html.contains("<li id=\"p-1\">In 1991"), "{html}");
    assert!(
        html.contains("<td><span id=\"p-2\"></span>1991</td>"),
        "{html}"
    );
    assert!(html.contains("<dt id=\"p-3\">Term</dt>"), "{html}");
    assert!(html.contains("<dd id=\"p-4\">Defined.</dd>"), "{html}");
}

#[test]
fn paragraphs_and_headings_carry_ids() {
    let html = render("## Title\n\nText.\n");
    assert!(html.contains("<h2 id=\"title\">Title</h2>"), "{html}");
    assert!(html.contains("<p id=\"p-1\">Text.</p>"), "{html}");
}

#[test]
fn footnotes_link_both_ways() {
    let html = render("A[^1] b[^1].\n\n[^1]: Note.\n");
    assert!(html.contains("<a href=\"#fn-1\" id=\"fnref-1\""), "{html}");
    assert!(
        html.contains("<a href=\"#fn-1\" id=\"fnref-1-2\""),
        "{html}"
    );
    // A note of one paragraph is the item's text, its back-links in it.
    assert!(html.contains("<li id=\"fn-1\">Note. <a href=\"#fnref-1\" role=\"doc-backlink\" aria-label=\"Back to reference 1-1\">↩1</a>"), "{html}");
    assert!(html.contains("href=\"#fnref-1-2\""), "{html}");
    // A note of two keeps its paragraphs, the back-links in the last.
    let html = render("A[^1].\n\n[^1]: One.\n\n    Two.\n");
    assert!(html.contains("<li id=\"fn-1\"><p>One.</p>\n<p>Two. <a href=\"#fnref-1\" role=\"doc-backlink\" aria-label=\"Back to reference 1\">↩</a></p>"), "{html}");
}

#[test]
fn a_note_carries_its_number_only_where_the_list_skips_one() {
    let note = |number: usize| Footnote {
        label: number.to_string(),
        id: format!("fn-{number}"),
        number,
        body: Vec::new(),
        text: String::new(),
        refs: 1,
    };
    let mut html = String::new();
    let notes = [note(1), note(2), note(5), note(6), note(9)];
    footnotes_html(
        &notes,
        &Highlighter::default(),
        &[],
        &Targets::default(),
        &mut html,
    );
    for (n, want) in [
        (1, "<li id=\"fn-1\">"),
        (2, "<li id=\"fn-2\">"),
        (5, "<li id=\"fn-5\" value=\"5\">"),
        (6, "<li id=\"fn-6\">"),
        (9, "<li id=\"fn-9\" value=\"9\">"),
    ] {
        assert!(html.contains(want), "{n}: {html}");
    }
}

#[test]
fn tables_survive_inline_nodes() {
    let html = render("| a | b |\n|:--|--:|\n| x[^n] | y |\n\n[^n]: N.\n");
    assert!(
        html.contains("<td style=\"text-align: right\">y</td>")
            || html.contains("<td align=\"right\">y</td>")
            || html.contains("y</td>"),
        "{html}"
    );
    assert!(html.contains("<th"), "{html}");
}

#[test]
fn raw_text_is_escaped() {
    let html = render("a \\<script\\> & b");
    assert!(html.contains("&lt;script&gt; &amp; b"), "{html}");
}
