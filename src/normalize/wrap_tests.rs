use super::*;

/// A law review's page as a PDF converter gives it: no blank line between
/// paragraphs, nor before the page's notes (wider lines, smaller type).
const PAGE: &str = "\
River treaties are written by cautious people.1 Negotiators copy whole
articles from older instruments,2 and they add schedules of flows that
run for pages.3 Yet the commissioners who met in March 1962 found that
the text said nothing about a failed monsoon.4
The gap was filled by arbitration in 1968, six years after the
meeting, and both sides accepted the award within a month.5
See, e.g., Jonah Pell, The Anxious Drafter, 41 YALE J. INT'L L. 233, 240–41 (2016)
(describing the habits of negotiators).
Cf. Helmand River Delta Agreement, Afg.–Iran, Mar. 13, 1973, 1042 U.N.T.S. 211.

#

The first study of the problem counted every basin agreement in
force in 1995.
";

#[test]
fn a_short_line_that_ends_a_sentence_ends_a_paragraph() {
    let p = read(PAGE);
    assert_eq!(p.paras.len(), 5, "{:#?}", p.paras);
    assert!(p.paras[0].ends_with("a failed monsoon.4"));
    assert!(p.paras[1].starts_with("The gap was filled"));
    assert!(p.paras[2].starts_with("See, e.g.,") && p.paras[2].ends_with("negotiators)."));
    assert!(p.paras[3].starts_with("Cf. Helmand"));
    assert_eq!(
        p.paras[4],
        "The first study of the problem counted every basin agreement in force in 1995."
    );
    assert_eq!(p.dropped, ["#"]);
    assert!(p.pages);
}

#[test]
fn a_full_line_that_ends_a_sentence_does_not() {
    let text = "The delegates spoke for two hours about the water in the basin and\n\
                the flow that the dry months would leave to the farms downstream.\n\
                Then they adjourned and met again the next morning at the lakeside\n\
                hotel, where the minutes of the first day were read out to them.\n";
    assert_eq!(read(text).paras.len(), 1, "{:#?}", read(text).paras);
}

#[test]
fn a_break_the_wrapper_made_is_no_paragraph() {
    // `Force,` would not have fitted after `each.`: the wrapper broke there.
    let text = "The commission met four times that year, and it wrote minutes for\n\
                every meeting, long ones that recorded each speech in full for each.\n\
                Force, the minutes say, was never threatened; the parties talked\n\
                through every quarrel until the spring, when the flow came back to\n\
                normal and the quarrel was forgotten.\n";
    assert_eq!(read(text).paras.len(), 1, "{:#?}", read(text).paras);
}

#[test]
fn pasted_web_text_keeps_a_paragraph_per_line() {
    let text = "A new road bridge links two towns across the river.\n\
                Trade across the border grew in 2019 by a fifth, officials said on Monday.\n\
                Traders say waiting times fell from days to hours.\n\
                The article ends here, with a final sentence.\n";
    assert_eq!(read(text).paras.len(), 4);
}

#[test]
fn a_table_of_contents_is_dropped() {
    let text = "A TITLE\n\nIntroduction ......................................... 3\nI.\n\n\
                The Drafting Record .................................. 7\n\nII.\n\n\
                Three Basins ..........................................12\nA.\n\n\
                The Upper Reach……12\n\nIII. Conclusion..................... 21\n\n\
                I. The part begins with a sentence that is long enough to be one.\n";
    let p = read(text);
    assert_eq!(p.dropped.len(), 8, "{:#?}", p.dropped);
    assert_eq!(p.paras.len(), 2);
    assert!(p.paras[1].starts_with("I. The part"));
}

#[test]
fn one_leader_line_is_no_contents() {
    let text = "Signed at Geneva ......... 12\n\nAnd the text goes on.\n";
    assert!(read(text).dropped.is_empty());
}

#[test]
fn page_marks_and_rules() {
    assert!(is_page_mark("!"));
    assert!(is_page_mark("††"));
    assert!(is_page_mark("$"));
    assert!(!is_page_mark("* * *"));
    assert!(!is_page_mark("***"));
    assert!(!is_page_mark("—"));
    assert!(!is_page_mark("A"));
    assert!(!is_page_mark("!!!!"));
}

#[test]
fn leader_lines() {
    assert!(is_leader_line("Three Basins ........ 12"));
    assert!(is_leader_line("Conclusion……21"));
    assert!(is_leader_line("Preface . . . . . xi"));
    assert!(!is_leader_line("See p. 12"));
    assert!(!is_leader_line("It ended in 1995."));
    assert!(!is_leader_line("Wait.... 12 people came"));
}

#[test]
fn note_numbers_after_a_sentence() {
    assert_eq!(without_note_number("a monsoon.4"), "a monsoon.");
    assert_eq!(without_note_number("the parties’.12"), "the parties’.");
    assert_eq!(without_note_number("signed in 1968"), "signed in 1968");
    assert_eq!(without_note_number("Vol. 12"), "Vol. 12");
}

#[test]
fn hostile_lines_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "…",
        "……1",
        ". 1",
        "a\u{a0}.\n1\n\n#",
        "I.\nI.\n.....1\n....2",
    ] {
        let _ = read(text);
    }
}

#[test]
fn small_capitals_are_joined() {
    assert_eq!(join_small_caps("I NTRODUCTION"), "INTRODUCTION");
    assert_eq!(
        join_small_caps("G AP F ILLING’ S E MPIRICAL G AP"),
        "GAP FILLING’S EMPIRICAL GAP"
    );
    assert_eq!(
        join_small_caps("III. T HE P RACTICE OF T REATIES"),
        "III. THE PRACTICE OF TREATIES"
    );
    assert_eq!(join_small_caps("A NEW TREATY"), "A NEW TREATY");
    assert_eq!(
        join_small_caps("A STRAIT AND A RIVER"),
        "A STRAIT AND A RIVER"
    );
    assert_eq!(join_small_caps("A BSTRACT"), "ABSTRACT");
    assert_eq!(join_small_caps("Part I begins"), "Part I begins");
}

#[test]
fn labels_open_a_paragraph() {
    assert!(opens_label("Keywords: rivers, treaties"));
    assert!(opens_label("JEL codes: N54, Q15"));
    assert!(opens_label("Mots-clés : navigation fluviale"));
    assert!(!opens_label("The commission met: a history"));
}

#[test]
fn a_page_break_mid_sentence_before_the_notes() {
    let text = "When a contingency arrives that the agreement did not address, an index\n\
                vanishes or a music hall burns, the parties look to the courts, and the\n\
                judges will sometimes fill the gap.9 Modern jurists have a name for it\n\
                and a long tradition of argument about it, which\n\
                Cf. Wood v. Lucy, Lady Duff-Gordon, 222 N.Y. 88, 118 N.E. 214 (1917) (arguing\n\
                that they are bound).\n\
                See generally Alan Schwartz, Contract Theory, 113 Yale L.J. 541 (2003).\n";
    let p = read(text);
    assert_eq!(p.paras.len(), 3, "{:#?}", p.paras);
    assert!(p.paras[0].ends_with("argument about it, which"));
    assert!(p.paras[1].starts_with("Cf. Wood"));
}
