use super::*;

#[test]
fn markers_with_definitions_become_references() {
    let n =
        normalize("A claim<sup>1</sup> and x<sup>2</sup>.\n\n---\n\n<sup>1</sup> Source one.\n");
    assert!(
        n.markdown.contains("A claim[^1] and x<sup>2</sup>."),
        "{}",
        n.markdown
    );
    assert!(n.markdown.contains("[^1]: Source one."));
    assert!(!n.markdown.contains("---"));
}

#[test]
fn rules_without_definitions_stay() {
    let n = normalize("One.\n\n---\n\nTwo.\n");
    assert!(n.markdown.contains("---"));
}

#[test]
fn cut_paragraph_is_rejoined() {
    let n = normalize("Driving the two together. The\n\n---\n\n<sup>1</sup> Note.\n\nrelationship holds<sup>1</sup>.\n");
    assert!(
        n.markdown
            .starts_with("Driving the two together. The relationship holds[^1].\n"),
        "{}",
        n.markdown
    );
}

#[test]
fn complete_paragraphs_are_not_joined() {
    let n = normalize("First ends.\n\n---\n\n<sup>1</sup> Note.\n\nSecond starts<sup>1</sup>.\n");
    assert!(
        n.markdown.starts_with("First ends.\n\nSecond starts[^1]."),
        "{}",
        n.markdown
    );
}

#[test]
fn headings_are_never_joined() {
    let n = normalize("### *Energy*\n\n---\n\n<sup>1</sup> N.\n\ntext<sup>1</sup>\n");
    assert!(
        n.markdown.contains("### *Energy*\n\ntext[^1]"),
        "{}",
        n.markdown
    );
}

#[test]
fn code_blocks_are_untouched() {
    let src = "```\n<sup>1</sup> x\n\n---\n```\n\n<sup>1</sup> Def.\n";
    let n = normalize(src);
    assert!(
        n.markdown.contains("```\n<sup>1</sup> x\n\n---\n```"),
        "{}",
        n.markdown
    );
}

#[test]
fn hostile_input_does_not_panic() {
    for s in [
        "",
        "<sup>",
        "<sup>1</sup>",
        "---",
        "<sup></sup> x",
        "#",
        "```",
        "*\\*",
        "<sup>99999</sup> x",
    ] {
        let _ = normalize(s);
    }
}

#[test]
fn title_heading_loses_its_attribute_block() {
    let n = normalize("# China {#chap.china .unnumbered}\n\nThe chapter starts here.\n");
    assert_eq!(n.inferred.title.as_deref(), Some("China"));
    let n = normalize("# Closed heading ##\n\nBody text.\n");
    assert_eq!(n.inferred.title.as_deref(), Some("Closed heading"));
    // Braces that are not attributes stay part of the title.
    let n = normalize("# Sets {a, b}\n\nBody text.\n");
    assert_eq!(n.inferred.title.as_deref(), Some("Sets {a, b}"));
    let n = normalize("# Empty {}\n\nBody text.\n");
    assert_eq!(n.inferred.title.as_deref(), Some("Empty {}"));
    // A metadata title that matches once the block is gone.
    let n = normalize_with(
        "# China {#chap.china}\n\nBody.\n",
        Some("China"),
        &Style::ALL,
    );
    assert_eq!(n.inferred.title.as_deref(), Some("China"));
}

#[test]
fn thematic_breaks_are_one_line_of_one_mark() {
    for rule in ["---", "***", "___", "- - -", " *  *  * ", "----------"] {
        assert!(is_rule(rule), "{rule:?}");
    }
    for not in [
        "--",
        "-*-",
        "---\n---",
        "--- a",
        "",
        "   ",
        "—",
        "***bold***",
    ] {
        assert!(!is_rule(not), "{not:?}");
    }
}
