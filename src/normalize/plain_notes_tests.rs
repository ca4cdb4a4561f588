use super::*;

fn paras(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

#[test]
fn a_pages_notes_pair_with_its_markers() {
    let mut p = paras(&[
        "River treaties are written by cautious people.1 Negotiators copy whole articles,2 and the schedules run for pages.",
        "See, e.g., Jonah Pell, The Anxious Drafter, 41 Yale J. Int'l L. 233 (2016).",
        "Cf. Helmand River Delta Agreement, Afg.–Iran, Mar. 13, 1973, 1042 U.N.T.S. 211.",
        "The study counted every agreement in force in 1995.3",
        "Aaron T. Wolf, Conflict and Cooperation, 1 Water Pol'y 251, 255 (1998).",
    ]);
    let taken = take(&mut p);
    assert_eq!(p.len(), 2);
    assert_eq!(taken.unmarked, 0);
    let labels: Vec<&str> = taken.notes.iter().map(|n| n.0.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"]);
    assert!(taken.notes[1].1.starts_with("Cf. Helmand"));
    assert_eq!(
        escape_marked(&p[0]),
        "River treaties are written by cautious people.[^1] Negotiators copy whole articles,[^2] and the schedules run for pages."
    );
    assert!(escape_marked(&p[1]).ends_with("in 1995.[^3]"));
}

#[test]
fn a_run_whose_count_differs_is_kept_without_markers() {
    let mut p = paras(&[
        "The first body paragraph ends with a marker.1",
        "See Jonah Pell, The Anxious Drafter, 41 Yale J. Int'l L. 233 (2016).",
        "Id. at 240.",
    ]);
    let taken = take(&mut p);
    assert_eq!(taken.unmarked, 2);
    assert_eq!(p, ["The first body paragraph ends with a marker.1"]);
    assert_eq!(taken.notes[0].0, "u1");
}

#[test]
fn citations_without_markers_before_them_stay_text() {
    let original = paras(&[
        "A chapter that cites in its text, not in notes.",
        "See Jonah Pell, The Anxious Drafter, 41 Yale J. Int'l L. 233 (2016).",
    ]);
    let mut p = original.clone();
    let taken = take(&mut p);
    assert!(taken.notes.is_empty());
    assert_eq!(p, original);
}

#[test]
fn a_note_cut_by_a_page_goes_on() {
    let mut p = paras(&[
        "Drafters copy.1",
        "See Jonah Pell, The Anxious Drafter, 41 Yale J. Int'l L. 233 (2016) (describing the",
        "More text follows here on the next page.2",
        "habits of negotiators).",
        "Id. at 240.",
    ]);
    let taken = take(&mut p);
    assert_eq!(taken.notes.len(), 2);
    assert!(taken.notes[0]
        .1
        .ends_with("(describing the habits of negotiators)."));
    assert_eq!(taken.notes[1], ("2".to_string(), "Id. at 240.".to_string()));
}

#[test]
fn numbers_that_are_not_markers() {
    let found = |p: &str| {
        glued_numbers(p)
            .into_iter()
            .map(|(_, n)| n)
            .collect::<Vec<u32>>()
    };
    assert!(found("Sales rose in Q3 and the F16 flew.").is_empty());
    assert!(found("It grew by 1.5 and then 3,000 more.").is_empty());
    assert_eq!(found("It ended in 1995.3 Then"), [3]);
    assert!(found("The rate was 12.5 then").is_empty());
    assert!(found("In 1995 it ended.").is_empty());
    assert_eq!(
        found("people.1 Negotiators, instruments,2 and the parties’.12"),
        [1, 2, 12]
    );
    assert_eq!(found("a quarrel)3 ended"), [3]);
    assert_eq!(found("du XIXe siècle1. Pourtant, par an2, et"), [1, 2]);
}

#[test]
fn what_a_note_looks_like() {
    assert!(is_note_paragraph(
        "See generally Stephen McCaffrey, The Law of International Watercourses 302 (3d ed. 2019)."
    ));
    assert!(is_note_paragraph(
        "But see Taylor v. Caldwell, 3 B. & S. 826 (Q.B. 1863)."
    ));
    assert!(is_note_paragraph(
        "Id. at 260; see also Kaveh Madani, Game Theory, 381 J. Hydrology 225 (2010)."
    ));
    assert!(is_note_paragraph(
        "Indus Waters Treaty, India–Pak., Sept. 19, 1960, 419 U.N.T.S. 125."
    ));
    assert!(is_note_paragraph(
        "Gabčíkovo-Nagymaros Project (Hung./Slovk.), Judgment, 1997 I.C.J. 7, ¶ 140 (Sept. 25)."
    ));
    // Running text that cites, and running text that opens like a signal.
    assert!(!is_note_paragraph(
        "The court, in Smith v. Jones, 41 F.3d 233 (1995), held otherwise."
    ));
    assert!(!is_note_paragraph(
        "In 1995, 41 states signed the treaty (U.N.T.S. 125)."
    ));
    assert!(!is_note_paragraph("But the parties never agreed on it."));
    assert!(!is_note_paragraph("See it."));
}

#[test]
fn held_markers_in_the_input_are_removed() {
    let mut p = paras(&["Text \u{1}9\u{2} here.1", "Id. at 3 (1999)."]);
    let taken = take(&mut p);
    assert_eq!(taken.notes.len(), 1);
    assert_eq!(escape_marked(&p[0]), "Text 9 here.[^1]");
}

#[test]
fn held_markers_leave_titles() {
    assert_eq!(unmarked("A title\u{1}3\u{2} here"), "A title here");
    assert_eq!(unmarked("Plain"), "Plain");
}
