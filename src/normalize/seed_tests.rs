//! Each normalisation rule, checked on the seed that needs it.

use super::plaintext::{self, Block};
use super::{pdfmd, Normalized};

const SEED_000: &str = include_str!("../../content/000_f13687132f4ba417.txt");
const SEED_001: &str = include_str!("../../content/001_63cb8a33a0f86596.txt");
const SEED_002: &str = include_str!("../../content/002_794c0a4fc5707acb.txt");
const SEED_003: &str = include_str!("../../content/003_3ff5e5d48cf0c671.txt");
const SEED_004: &str = include_str!("../../content/004_b84bfd1c39564207.txt");

/// Every sentence of the input must survive, apart from what was dropped.
/// Compares word sequences, ignoring Markdown escapes and markup.
fn assert_no_sentence_lost(input: &str, n: &Normalized) {
    let strip = |s: &str| -> String {
        let mut in_tag = false;
        s.chars()
            .filter(|&c| {
                in_tag = (in_tag || c == '<') && c != '>';
                !in_tag && c != '>'
            })
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let output = strip(&format!(
        "{} {} {} {}",
        n.inferred.title.clone().unwrap_or_default(),
        n.inferred.authors.join(" and "),
        n.inferred.author_note.clone().unwrap_or_default(),
        n.markdown
    ));
    let dropped: Vec<String> = n.dropped.iter().map(|d| strip(d)).collect();
    for line in input.lines().map(strip).filter(|l| !l.is_empty()) {
        if dropped.contains(&line) || line.starts_with("by ") {
            continue;
        }
        for sentence in line.split(". ") {
            assert!(output.contains(sentence.trim()), "lost: {sentence}");
        }
    }
}

#[test]
fn seed_000_every_line_is_a_paragraph() {
    let n = plaintext::normalize(SEED_000);
    assert_eq!(n.inferred.title, None, "a first sentence is no title");
    assert_eq!(
        n.markdown.matches("\n\n").count(),
        SEED_000.lines().filter(|l| !l.trim().is_empty()).count()
    );
    assert_no_sentence_lost(SEED_000, &n);
}

#[test]
fn seed_002_captions_note_and_contact_line() {
    let n = plaintext::normalize(SEED_002);
    let paras = plaintext::paragraphs(SEED_002);
    let blocks = plaintext::classify(&paras);
    let captions: Vec<_> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Caption { .. }))
        .collect();
    assert_eq!(captions.len(), 2, "two photo captions end in /VCG");
    assert!(
        matches!(&blocks[1], Block::EditorNote(t) if t.starts_with("Danil Bochkov is an expert"))
    );
    assert_eq!(n.inferred.authors, vec!["Danil Bochkov"]);
    assert_eq!(n.dropped.len(), 1);
    assert!(n.dropped[0].contains("opinions@cgtn.com"));
    assert!(!n.markdown.contains("opinions@cgtn"));
    assert!(n.markdown.contains("<figure class=\"caption\">"));
    assert!(n.markdown.contains("<span class=\"credit\">VCG</span>"));
    assert!(!n.markdown.contains("/VCG"));
    assert_no_sentence_lost(SEED_002, &n);
}

#[test]
fn seed_003_title_byline_and_boilerplate() {
    let n = plaintext::normalize(SEED_003);
    assert_eq!(
        n.inferred.title.as_deref(),
        Some("China and Russia: A Worrying Relationship")
    );
    assert_eq!(n.inferred.authors, vec!["Andrew Zirkle"]);
    assert_eq!(n.inferred.category.as_deref(), Some("China/Russia"));
    assert_eq!(n.dropped.len(), 2);
    assert_eq!(n.dropped[0], "Leave a Reply");
    assert!(!n.markdown.contains("Akismet"));
    assert!(n.markdown.contains("G20 conference."));
    assert!(!n.markdown.contains("## "), "no heading in 003");
    assert_no_sentence_lost(SEED_003, &n);
}

#[test]
fn seed_004_title_and_headings() {
    let n = plaintext::normalize(SEED_004);
    assert_eq!(
        n.inferred.title.as_deref(),
        Some("Russia and China Oppose the Globe")
    );
    let headings: Vec<&str> = n
        .markdown
        .lines()
        .filter(|l| l.starts_with("## "))
        .collect();
    assert_eq!(
        headings,
        vec![
            "## Common Interest and Individual Objectives",
            "## Limit to Their Alliance"
        ]
    );
    assert!(n.dropped.is_empty());
    assert_no_sentence_lost(SEED_004, &n);
}

#[test]
fn seed_001_footnotes_title_authors() {
    let n = pdfmd::normalize(SEED_001);
    assert_eq!(
        n.inferred.title.as_deref(),
        Some("The Ballgame of Russia-China Convergence and How the United States Figures In")
    );
    assert_eq!(n.inferred.authors, vec!["Himanshu Dubey", "Khushi Baldota"]);
    assert!(n
        .inferred
        .author_note
        .as_deref()
        .unwrap()
        .contains("Jindal School"));
    let defs = n
        .markdown
        .lines()
        .filter(|l| l.starts_with("[^") && l.contains("]: "))
        .count();
    assert_eq!(defs, 29);
    for i in 1..=29 {
        assert!(n.markdown.contains(&format!("[^{i}]:")), "definition {i}");
        assert_eq!(
            n.markdown.matches(&format!("[^{i}]")).count(),
            2,
            "one reference to {i}"
        );
    }
    assert!(!n.markdown.contains("<sup>"), "no raw markers left");
    assert!(
        !n.markdown.lines().any(|l| l.trim() == "---"),
        "no page-break rules left"
    );
    assert!(n
        .markdown
        .contains("driving the two together. The relationship between Russia and China"));
    assert!(n
        .markdown
        .contains("Their common dislike for the United States"));
    assert!(n.markdown.contains("The United States can drive a wedge"));
    assert!(n.markdown.contains("shared future for mankind'[^22]"));
    assert_no_sentence_lost(SEED_001, &n);
}

#[test]
fn hostile_plain_text() {
    for s in [
        "",
        "\n\n\n",
        "By",
        "By |",
        "Leave a Reply",
        "/VCG",
        " /X",
        "Editor's note:",
        "Editor’s note",
        "é\u{a0}",
    ] {
        let n = plaintext::normalize(s);
        assert!(!n.markdown.contains("<script"));
    }
    let n = plaintext::normalize("<script>alert(1)</script> & [x](y)\n");
    assert!(n.markdown.contains(r"\<script\>"), "{}", n.markdown);
    let n = plaintext::normalize(&"word ".repeat(100_000));
    assert!(n.markdown.len() > 500_000);
}

#[test]
fn editor_note_labels_with_curly_apostrophes() {
    let blocks = plaintext::classify(&[
        "Editor’s note: Jane Roe is a writer.".to_string(),
        "Body.".to_string(),
    ]);
    assert_eq!(blocks[0], Block::EditorNote("Jane Roe is a writer.".into()));
}

#[test]
fn hard_wrapped_text_is_joined() {
    let text = "This is a hard wrapped paragraph of text that goes on\nand on for a while because the editor wrapped it at\nseventy characters or so, which is common in mail.\n\nA second paragraph begins here and it is also wrapped\nat about the same width, as old texts are.\n";
    let p = plaintext::paragraphs(text);
    assert_eq!(p.len(), 2);
    assert!(p[0].contains("goes on and on"));
}

#[test]
fn one_sentence_per_line_is_not_hard_wrapped() {
    let text = "A new road bridge links two towns across the river.\nTrade across the border grew in 2019 by a fifth.\nTraders say waiting times fell from days to hours.\nThe article ends here, with a final sentence.\n";
    assert_eq!(plaintext::paragraphs(text).len(), 4);
}

#[test]
fn long_paragraphs_are_never_boilerplate() {
    let long = format!(
        "{} If you want to contribute, write to us at a@b.org.",
        "Real text. ".repeat(40)
    );
    let mut paras = vec!["First.".to_string(), long.clone()];
    assert!(super::boilerplate::strip_boilerplate(&mut paras).is_empty());
    assert_eq!(paras[1], long);
}
