use super::super::pdfmd::normalize;

/// The Markdown of a text under a title heading, without that heading.
fn md(src: &str) -> String {
    normalize(&format!("# A Paper\n\n{src}")).markdown
}

#[test]
fn anchored_notes_leave_the_text_and_their_links_become_references() {
    let src = "Prices were set by contract.[1](#page-2-0) The rest followed.\n\n\
<span id=\"page-2-0\"></span><sup>1</sup>The contract of 1997 was never published.\n\n\
A new section begins here.\n";
    let out = md(src);
    assert!(
        out.starts_with("Prices were set by contract.[^1] The rest followed.\n\nA new section"),
        "{out}"
    );
    assert!(
        out.contains("[^1]: <span id=\"page-2-0\"></span>The contract of 1997"),
        "{out}"
    );
}

#[test]
fn a_note_placed_where_the_page_ended_rejoins_the_sentence_it_cut() {
    let src = "The board met in Vienna[2](#page-3-4) and agreed that the\n\n\
<span id=\"page-3-4\"></span><sup>2.</sup> The minutes are kept in the archive.\n\n\
tariff would stay as it was.\n";
    let out = md(src);
    assert!(
        out.starts_with(
            "The board met in Vienna[^2] and agreed that the tariff would stay as it was.\n"
        ),
        "{out}"
    );
}

#[test]
fn a_cut_author_year_citation_is_rejoined() {
    let src = "The task follows [Okafor et al.](#page-9-1)\n\n\
<span id=\"page-5-1\"></span><sup>3</sup> A remark.\n\n\
[(2020)](#page-9-1). In our setting the task is harder.[3](#page-5-1)\n\n\
<span id=\"page-9-1\"></span>Okafor, N. 2020. A title. A journal.\n";
    let out = md(src);
    assert!(
        out.contains(
            "The task follows [Okafor et al.](#page-9-1) [(2020)](#page-9-1). In our setting"
        ),
        "{out}"
    );
    // A link to a reference entry is not a note.
    assert!(out.contains("<span id=\"page-9-1\"></span>Okafor"), "{out}");
}

#[test]
fn figure_links_are_not_notes() {
    let src = "As Figure [1](#page-1-0) shows, the line rose.\n\n\
<span id=\"page-1-0\"></span>![](_page_1_Figure_1.jpeg)\n";
    let out = md(src);
    assert!(out.contains("Figure [1](#page-1-0) shows"), "{out}");
}

#[test]
fn tex_superscript_notes_pair_with_their_markers() {
    let src = "We call the method FLOW $^{1}$ , a way to route\n\n\
$^{1}$ https://example.org/flow\n\n\
traffic around failures.\n";
    let out = md(src);
    assert!(
        out.starts_with("We call the method FLOW[^1], a way to route traffic around failures.\n"),
        "{out}"
    );
    assert!(out.contains("[^1]: https://example.org/flow"), "{out}");
}

#[test]
fn notes_numbered_again_on_each_page_pair_with_their_own_markers() {
    let src = "First claim.<sup>1</sup>\n\n<sup>1</sup> First source.\n\n\
Second claim.<sup>1</sup>\n\n<sup>1</sup> Second source.\n";
    let out = md(src);
    // Whatever the labels, each claim's note is its own source.
    let label = |claim: &str| {
        let at = out.find(claim).unwrap() + claim.len();
        out[at..]
            .split(']')
            .next()
            .unwrap()
            .trim_start_matches("[^")
            .to_string()
    };
    let (first, second) = (label("First claim."), label("Second claim."));
    assert_ne!(first, second, "{out}");
    assert!(out.contains(&format!("[^{first}]: First source.")), "{out}");
    assert!(
        out.contains(&format!("[^{second}]: Second source.")),
        "{out}"
    );
}

#[test]
fn footnote_lines_link_to_a_glued_marker() {
    let src = "This study extends our earlier tool [24]1, which we describe below.\n\n\
Footnote 1: When citing the tool, please cite [24].\n\n\
Next paragraph.\n";
    let out = md(src);
    assert!(out.contains("earlier tool [24][^1], which"), "{out}");
    assert!(out.contains("[^1]: When citing the tool"), "{out}");
}

#[test]
fn footnote_lines_without_a_marker_stay_notes_and_are_reported() {
    let n = normalize("# T\n\nA paragraph with no mark.\n\nFootnote 3: A lost note.\n");
    assert!(n.markdown.contains("[^3]: A lost note."), "{}", n.markdown);
    assert!(!n.markdown.starts_with("Footnote"));
    assert!(
        n.warnings.iter().any(|w| w.contains("no marker")),
        "{:?}",
        n.warnings
    );
}

#[test]
fn numbered_items_are_notes_only_with_a_single_glued_marker() {
    let out = md("The pipeline was rebuilt in stages2.\n\n2. Stages are listed in the appendix.\n");
    assert!(
        out.contains("in stages[^2].") && out.contains("[^2]: Stages are listed"),
        "{out}"
    );
    // A real list stays a list.
    let out = md("Steps:\n\n1. Open the valve.\n2. Wait.\n");
    assert!(out.contains("1. Open the valve.\n2. Wait."), "{out}");
    // Two candidates: nothing is guessed.
    let out = md("Versions two2 and three2 differ.\n\n2. A note.\n");
    assert!(out.contains("2. A note.") && !out.contains("[^2]"), "{out}");
    // Numbers are not markers.
    let out = md("It cost 3.2 million, or GPT3 units.\n\n2. A note.\n");
    assert!(!out.contains("[^"), "{out}");
}

#[test]
fn affiliations_with_tex_marks_become_notes_of_the_names() {
    let out = md("# A Title\n\nA. Berg $^{1}$ , C. Dahl $^{2}$\n\n$^{1}$ Institute One, Oslo\n\n$^{2}$ Institute Two, Lund\n\nBody text.\n");
    assert!(out.contains("A. Berg[^1], C. Dahl[^2]"), "{out}");
    assert!(out.contains("[^2]: Institute Two, Lund"), "{out}");
}

#[test]
fn a_forced_style_reads_only_its_notes() {
    let src = "A claim.[1](#n1) And x $^{2}$ y.\n\n<span id=\"n1\"></span><sup>1</sup> One.\n\n$^{2}$ Two.\n";
    let n = super::super::pdfmd::normalize_with(src, None, super::Style::parse("pdf-tex").unwrap());
    assert!(
        n.markdown.contains("[1](#n1)") && n.markdown.contains("x[^2] y"),
        "{}",
        n.markdown
    );
    let n =
        super::super::pdfmd::normalize_with(src, None, super::Style::parse("pdf-plain").unwrap());
    assert!(!n.markdown.contains("[^"), "{}", n.markdown);
}

#[test]
fn hostile_markers_do_not_panic() {
    for src in [
        "$^{",
        "$^{}$ x",
        "<sup></sup>",
        "[](#",
        "[1](#a",
        "<span id=\"\"></span><sup>1</sup>",
        "x1\n\nFootnote : y",
        "é1\n\n1. é",
        "$^{1,2,3,4,5,6,7,8,9,10,11,12}$ x",
        "a$^{1}$\n\n$^{1}$ b\n\n$^{1}$ c",
    ] {
        let _ = md(src);
    }
}

#[test]
fn a_list_item_cut_by_a_page_end_is_whole_again() {
    let out = md("Text.[1](#n1)\n\n<span id=\"n1\"></span><sup>1</sup> A note.\n\n## References\n\n- [1] A. Berg. One title. 2001.\n- [2] C. Dahl. Another title about\n\ncounting things. 2002.\n\nA new paragraph.\n");
    assert!(
        out.contains(
            "- [2] C. Dahl. Another title about counting things. 2002.\n\nA new paragraph."
        ),
        "{out}"
    );
}

#[test]
fn every_note_format_the_front_matter_accepts_is_read_here() {
    for f in crate::sources::meta::NOTE_FORMATS {
        assert!(super::Style::parse(f).is_some(), "{f}");
    }
    assert!(super::Style::parse("text").is_none());
}

#[test]
fn circled_notes_numbered_again_on_each_page() {
    let src = "1969年3月，双方在珍宝岛发生武装冲突①。此后谈判恢复②。\n\n\
① 李丹慧：《中苏边界谈判》，《中共党史研究》2002年第3期。\n\n\
② 沈志华：《中苏关系史纲》，北京：新华出版社，2007年，第45页。\n\n\
1991年签署的协定解决了大部分问题①。\n\n\
① 同上书，第112页。\n";
    let out = md(src);
    assert!(out.contains("冲突[^1]。"), "{out}");
    assert!(out.contains("恢复[^2]。"), "{out}");
    assert!(out.contains("问题[^1-2]。"), "{out}");
    assert!(out.contains("[^1]: 李丹慧：《中苏边界谈判》"), "{out}");
    assert!(out.contains("[^1-2]: 同上书，第112页。"), "{out}");
    assert!(!out.contains('①'), "{out}");
}

#[test]
fn circled_notes_on_consecutive_lines_are_each_a_note() {
    let src = "冲突①。谈判未能达成协议②。\n\n\
① 李丹慧：《中苏边界谈判》，《中共党史研究》2002年第3期。\n\
② 沈志华：《中苏关系史纲》，北京：新华出版社，\n\
2007年，第45页。\n\n下一段。\n";
    let out = md(src);
    assert!(out.contains("冲突[^1]。谈判未能达成协议[^2]。"), "{out}");
    assert!(out.contains("[^1]: 李丹慧"), "{out}");
    assert!(
        out.contains("[^2]: 沈志华：《中苏关系史纲》，北京：新华出版社，2007年，第45页。"),
        "{out}"
    );
}

#[test]
fn circled_markers_written_as_tex() {
    let out = md("双方发生冲突$\\textcircled{1}$。\n\n$\\textcircled{1}$ 李丹慧：《中苏边界谈判》，2002年。\n");
    assert!(out.contains("冲突[^1]。"), "{out}");
    assert!(out.contains("[^1]: 李丹慧"), "{out}");
}

#[test]
fn circled_enumerations_stay_in_the_text() {
    // Digits before words number a list; items that cite nothing are items.
    let src = "主要原因包括：①经济因素；②政治因素。\n\n① 加强合作\n\n② 扩大交流\n";
    let out = md(src);
    assert!(out.contains("①经济因素；②政治因素"), "{out}");
    assert!(!out.contains("[^"), "{out}");
}
