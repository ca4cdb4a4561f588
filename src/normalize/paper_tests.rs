use super::super::pdfmd::normalize;

#[test]
fn names_with_affiliation_marks_are_the_authors() {
    let n = normalize(
        "# Water Allocation in Shared Rivers\n\nRosa Menéndez $^{1}$ , Karim Haddad $^{2,*}$\n\n\
$^{1}$ Department of Geography, University of Valencia\n\n$^{2}$ Centre for Water Law, Amman\n\n\
# Abstract\n\nTreaties that fix volumes fail in dry years, and we show why in forty cases.\n\n# 1 Introduction\n\nText.\n",
    );
    assert_eq!(n.inferred.authors, ["Rosa Menéndez", "Karim Haddad"]);
    assert!(!n.markdown.contains("Menéndez"), "{}", n.markdown);
    assert!(
        !n.markdown.contains("University of Valencia"),
        "{}",
        n.markdown
    );
    assert_eq!(
        n.inferred.summary.as_deref(),
        Some("Treaties that fix volumes fail in dry years, and we show why in forty cases.")
    );
    let n = normalize("# A Title\n\nA. Berg¹, C. Dahl² and E. Fors*\n\nBody text that runs on.\n");
    assert_eq!(n.inferred.authors, ["A. Berg", "C. Dahl", "E. Fors"]);
}

#[test]
fn one_block_per_author_with_links_and_emails() {
    let n = normalize(
        "# Reserve Sharing\n\n[Ilse Varga](https://orcid.org/0000-0002-0000-0001) Institute for Grid Studies Pécs, Hungary ivarga@grid.example.org\n\n\
# [Tomas Lindqvist](https://orcid.org/0000-0002-0000-0002)<sup>∗</sup> Nordic Energy Lab Umeå, Sweden tl@nel.example.se\n\n\
# ABSTRACT\n\nNeighbouring operators can hold less reserve when they agree to share it across the border.\n",
    );
    assert_eq!(n.inferred.authors, ["Ilse Varga", "Tomas Lindqvist"]);
    assert!(!n.markdown.contains("orcid"), "{}", n.markdown);
    assert!(n.markdown.contains("# ABSTRACT"), "{}", n.markdown);
}

#[test]
fn arxiv_stamps_and_copyright_lines_date_the_paper() {
    let n = normalize("# Sparse Routing\n\narXiv:2101.03961v3 [cs.LG] 16 Jun 2022\n\nBody text.\n");
    assert_eq!(n.inferred.date.as_deref(), Some("2022-06-16"));
    assert!(!n.markdown.contains("arXiv:"), "{}", n.markdown);
    let n = normalize("# A Title\n\nBody text.\n\n© 2019 The Authors. Published by a press.\n");
    assert_eq!(n.inferred.date.as_deref(), Some("2019"));
}

#[test]
fn ordinary_texts_keep_their_first_paragraphs() {
    let n = normalize("# Notes on the Harvest\n\nThe grain came in late this year.\n\nMaria Okonjo, Felix Brandt\n\nMore text.\n");
    // A names line after running text is not the front of a paper: the
    // front ends at the first paragraph? It is short, so names are read;
    // but a line of ordinary words is never names.
    assert!(
        n.markdown.contains("The grain came in late this year."),
        "{}",
        n.markdown
    );
    let n = normalize("# Title\n\nSee The Report Below\n\nText.\n");
    assert!(
        n.inferred.authors.is_empty() || n.markdown.contains("See The Report"),
        "{:?}",
        n.inferred.authors
    );
}

#[test]
fn names_are_authors_only_in_the_front_of_a_paper() {
    // A pasted article's short lines are not authors.
    let n = normalize("# Grain Moves North\n\nRead More\n\nThe first ships left the port on Monday morning, and more will follow soon.\n");
    assert!(n.inferred.authors.is_empty(), "{:?}", n.inferred.authors);
    assert!(n.markdown.contains("Read More"), "{}", n.markdown);
}

#[test]
fn authors_a_converter_made_headings() {
    let n = normalize("# Sparse Routing at Scale\n\n### Ada Lind∗\n\nada@lab.example.org\n\n### Omar Haddad∗\n\nomar@lab.example.org\n\n#### Petra Novak\n\npetra@lab.example.org Grid Lab, Lund, Sweden\n\nEditor: Karl Moser\n\n### Abstract\n\nWe route tokens to experts and show how the cost of routing stays flat as the number of experts grows.\n");
    assert_eq!(
        n.inferred.authors,
        ["Ada Lind", "Omar Haddad", "Petra Novak"]
    );
    assert!(!n.markdown.contains("@lab.example.org"), "{}", n.markdown);
    assert!(n.markdown.contains("### Abstract"), "{}", n.markdown);
}

#[test]
fn author_blocks_with_an_email_and_no_link() {
    let n = normalize("# Counting Crowds With Dilated Filters\n\nAda Lind Northern Institute of Technology ada@nit.example.edu\n\n# Abstract\n\n*We count people in images with a network of several columns of filters.*\n\n# 1. Introduction\n\nCounting is hard in many settings, such as those\n\nOmar Haddad University of the Coast omar@uc.example.edu\n\ncounting cells in a microscope image.\n");
    assert_eq!(n.inferred.authors, ["Ada Lind", "Omar Haddad"]);
    assert!(
        n.markdown.contains("such as those counting cells"),
        "{}",
        n.markdown
    );
}

#[test]
fn one_name_a_block_with_tex_marks_and_an_organisation_line() {
    let n = normalize("# Reading Scanned Papers\n\nAda Lind $ ^{*} $\n\nOmar Haddad\n\nNorth AI\n\n## Abstract\n\nWe read scanned papers into text and measure how often the formulas come out right in each field.\n");
    assert_eq!(n.inferred.authors, ["Ada Lind", "Omar Haddad"]);
}
