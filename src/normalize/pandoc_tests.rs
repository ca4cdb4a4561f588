//! Tests of `pandoc`.

use super::*;

#[test]
fn a_title_block_is_metadata_and_leaves_blank_lines() {
    let (out, inf) = convert(
        "% The Law of Rivers\n% Elena Sorokina; Wang Lei\n% March 2019\n\n# Introduction\n",
    );
    assert_eq!(out, "\n\n\n\n# Introduction\n");
    assert_eq!(inf.title.as_deref(), Some("The Law of Rivers"));
    assert_eq!(inf.authors, ["Elena Sorokina", "Wang Lei"]);
    assert_eq!(inf.date.as_deref(), Some("2019"));
    let (out, inf) = convert("%\n% A. Berg\n  and B. Roe\nText 50% done.\n");
    assert_eq!(inf.title, None);
    assert_eq!(inf.authors, ["A. Berg and B. Roe"]);
    assert_eq!(out, "\n\n\nText 50% done.\n");
}

#[test]
fn fenced_divs_lose_their_fences_but_not_the_refs_div() {
    let (out, _) = convert("::: {.epigraph}\nRivers know no borders.\n:::\n\n::: {#refs}\n:::\n");
    assert_eq!(out, "\nRivers know no borders.\n\n\n::: {#refs}\n\n");
    let (out, _) = convert("```\n::: {.x}\n```\n");
    assert_eq!(out, "```\n::: {.x}\n```\n");
}

#[test]
fn spans_and_attributes_leave_their_text() {
    let (out, _) = convert(
        "[Small caps]{.smallcaps}, [under]{.underline}, [a [nested] one]{#x} and [link](u.md){.c} ![m](m.png){width=50%}; [not]{this}.\n",
    );
    assert_eq!(
        out,
        "Small caps, <u>under</u>, a [nested] one and [link](u.md) ![m](m.png); [not]{this}.\n"
    );
}

#[test]
fn line_blocks_keep_their_lines_and_tables_stay_tables() {
    let (out, _) = convert("| Line one\n| Line two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert_eq!(
        out,
        "Line one\\\nLine two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    );
}

#[test]
fn examples_are_numbered_through_the_text() {
    let (out, _) =
        convert("(@) First in 1991.\n(@good) Second.\n\nAs (@good) shows.\n\n(@) Third.\n");
    assert_eq!(
        out,
        "1. First in 1991.\n2. Second.\n\nAs (2) shows.\n\n3. Third.\n"
    );
}

#[test]
fn superscripts_and_subscripts_inside_words() {
    let (out, _) =
        convert("(@) 2^10^ and H~2~O, ~~struck~~, note^[x]. `a~b~c`, ~ 5 km ~ 6, x^2 y^.\n");
    assert_eq!(
        out,
        "1. 2<sup>10</sup> and H<sub>2</sub>O, ~~struck~~, note^[x]. `a~b~c`, ~ 5 km ~ 6, x^2 y^.\n"
    );
}

#[test]
fn plain_text_is_borrowed() {
    assert!(matches!(convert("Plain. 50 % done.\n").0, Cow::Borrowed(_)));
}

/// Every cut of text that mixes the marks with letters of several
/// bytes: nothing panics.
#[test]
fn no_input_panics() {
    let mixed = "% Тит\n% é;ü\n::: {.é}\n| é ~ü~ ^é^ [é]{.mark} [ü](é){#é} (@é) é\n(@é) 中~文~ ^[注] ~~é~~ ^é\n:::\n[é]{\n";
    let cuts: Vec<usize> = mixed.char_indices().map(|(i, _)| i).collect();
    for &a in &cuts {
        for &b in cuts.iter().filter(|&&b| b >= a).step_by(3) {
            let _ = convert(&mixed[a..b]);
            let _ = crate::normalize::obsidian::convert(&mixed[a..b]);
        }
    }
    for text in [
        "", "%", "(@", "(@)", "|", "| ", ":::", "]{", "){", "^", "~", "^^", "~~~", "[]{}", "[x]{.a",
    ] {
        let _ = convert(text);
    }
}
