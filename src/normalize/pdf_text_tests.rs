//! Whole texts as PDF text extractors give them, through the plain-text
//! rules (the hard cases' texts; their timelines are checked there).

use super::plaintext;

const LAW_REVIEW: &str =
    include_str!("../../tests/hard_cases/content/paper-lawreview-pdftotext.txt");
const HISTORY: &str = include_str!("../../tests/hard_cases/content/paper-history-pdftotext.txt");

#[test]
fn a_law_reviews_notes_pair_with_their_markers() {
    let n = plaintext::normalize(LAW_REVIEW);
    let md = &n.markdown;
    assert!(
        md.contains("written by cautious people.[^1] Negotiators"),
        "{md}"
    );
    assert!(md.contains("addressed drought at all.[^7]"));
    // A page break cut this paragraph before the page's notes.
    assert!(
        md.contains(
            "The rest leave the question to the parties' later practice, or to a tribunal.[^9]"
        ),
        "{md}"
    );
    for label in 1..=9 {
        assert!(
            md.contains(&format!("\n[^{label}]: ")),
            "note {label} in {md}"
        );
    }
    assert!(md.contains("[^1]: See, e.g., Jonah Pell"));
    assert!(md.contains("[^5]: Id. art. IX; see also"));
    // The contents, page marks and the title page are not body text.
    assert!(!md.contains("....") && !md.contains("\n\\#\n") && !md.contains("††"));
    assert!(md.contains("## INTRODUCTION"));
    assert_eq!(
        n.inferred.authors,
        ["Marta Lindqvist", "Owen R. Castellano"]
    );
    let note = n.inferred.author_note.as_deref().unwrap_or_default();
    assert!(note.starts_with("Professor of Law") && note.contains("Harlow College"));
    assert!(n.dropped.iter().any(|d| d.starts_with("Introduction ....")));
    assert!(n.warnings.is_empty(), "{:?}", n.warnings);
}

#[test]
fn a_papers_numbered_notes_table_and_references() {
    let n = plaintext::normalize(HISTORY);
    let md = &n.markdown;
    assert_eq!(n.inferred.authors, ["Ilse Marten", "Tomas Rekšys"]);
    assert!(md.contains("at fixed prices.[^1]"), "{md}");
    assert!(md.contains("[^2]: On the Lithuanian bills see"));
    assert!(
        md.contains("| Market | 1926 | 1930 | 1934 |\n|---|---|---|---|\n| Tallinn | 18\\.4 |"),
        "{md}"
    );
    // Reference entries, one paragraph each; the page numbers gone.
    assert!(md.contains("\n\nLipping, H. (1996)"));
    assert!(!md.contains("dissolved. 4"));
    assert!(md.contains("## 2 Data and methods"));
    let summary = n.inferred.summary.as_deref().unwrap_or_default();
    assert!(summary.starts_with("This paper studies the grain marketing boards"));
    assert!(n.inferred.stated.contains(&"stated_summary"));
}
