//! A paper's title page as a PDF converter gives it in plain text: the
//! title, a line of names, the affiliations under them, and (in APA
//! style) an `Author Note` with its paragraphs, before the abstract.
//!
//! 1. **Title and authors.** A first line shaped like a headline (see
//!    `lines::headline_shape`) over a line that is only names (see
//!    `paper::names_list`) is the title, and the names the authors; the
//!    affiliation lines under them leave the body.
//! 2. **Author note.** A paragraph that is only the label `Author Note`
//!    opens the note: the label goes, and the paragraphs after it, up to
//!    the abstract or a heading-like line, are the document's author note
//!    (Markdown as written), not its body. Markdown converted from PDF
//!    reads the note the same way (`paper::front`).

use super::Inferred;

/// How many paragraphs an author note may hold.
const NOTE_PARAGRAPHS: usize = 4;

/// `Author Note`, `AUTHOR NOTE`, `Author note:`, `**Author Note**`.
pub(super) fn is_note_label(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(['*', '_'])
        .trim_end_matches(':')
        .trim();
    t.eq_ignore_ascii_case("author note") || t.eq_ignore_ascii_case("author notes")
}

/// The paragraphs of an author note whose label stands at `label`: how
/// many follow it, and their text. The note ends at the abstract, a
/// short line without a stop (a heading) or after [`NOTE_PARAGRAPHS`].
pub(super) fn note_after(paragraphs: &[&str], label: usize) -> (usize, Option<String>) {
    let mut taken = Vec::new();
    for p in paragraphs.iter().skip(label + 1).take(NOTE_PARAGRAPHS) {
        let t = p.trim();
        let lower: String = t.chars().take(8).flat_map(char::to_lowercase).collect();
        let heading = t.split_whitespace().count() <= 6
            && !t.ends_with(['.', ':'])
            && !t.contains(|c: char| c.is_ascii_digit() || c == '/' || c == '@')
            && t.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(w, "and" | "of" | "the" | "for")
            });
        if lower.starts_with("abstract") || heading || t.starts_with('#') {
            break;
        }
        taken.push(t);
    }
    let n = taken.len();
    (n, (n > 0).then(|| taken.join("\n\n")))
}

/// Rule 1: the authors, when the first of `texts` is a title over a
/// line of names on a paper's title page (affiliations, an author note
/// or the abstract follow the names).
pub(super) fn title_over_names(texts: &[&str]) -> Option<Vec<String>> {
    let (first, second) = (texts.first()?, texts.get(1)?);
    let names = super::paper::names_list(second)?;
    let paper = texts[2..texts.len().min(8)].iter().any(|p| {
        super::paper::is_affiliation(p)
            || is_note_label(p)
            || p.trim().to_lowercase().starts_with("abstract")
    });
    (paper && super::lines::headline_shape(first.trim())).then_some(names)
}

/// Rule 1 and 2 on a plain text's paragraphs: the title, authors and
/// author note go to `inferred`; returns which paragraphs leave the body.
/// The names may stand one to a line (a law review's title page); the
/// affiliations may follow the abstract there, as the title page's notes
/// (`Professor of Law, …`): they are the author note.
pub(super) fn plain_front(paragraphs: &[String], inferred: &mut Inferred) -> Vec<bool> {
    let mut gone = vec![false; paragraphs.len()];
    let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    // One name to a line: join the lines of names for the test.
    let lines = (1..texts.len().min(5))
        .take_while(|&k| super::paper::names_list(texts[k]).is_some())
        .count();
    let joined;
    let view: Vec<&str> = if lines > 1 {
        joined = texts[1..=lines].join(", ");
        std::iter::once(texts[0])
            .chain(std::iter::once(joined.as_str()))
            .chain(texts[lines + 1..].iter().copied())
            .collect()
    } else {
        texts.clone()
    };
    let Some(names) = title_over_names(&view) else {
        return gone;
    };
    let lines = lines.max(1);
    inferred.title = Some(super::text::title_case(texts[0].trim()));
    inferred.authors = names;
    gone[..=lines].iter_mut().for_each(|g| *g = true);
    let mut i = lines + 1;
    while i < texts.len().min(8) && super::paper::is_affiliation(texts[i]) {
        gone[i] = true;
        i += 1;
    }
    if let Some(label) = (i..texts.len().min(i + 4)).find(|&k| is_note_label(texts[k])) {
        let (n, note) = note_after(&texts, label);
        gone[label..=label + n].iter_mut().for_each(|g| *g = true);
        inferred.author_note = note;
    } else if i < texts.len() && !super::paper::is_affiliation(texts[i]) {
        // The abstract, then the title page's notes on the authors.
        let notes: Vec<usize> = (i + 1..texts.len().min(i + 5))
            .take_while(|&k| is_author_position(texts[k]))
            .collect();
        if !notes.is_empty() {
            let text: Vec<&str> = notes.iter().map(|&k| texts[k].trim()).collect();
            inferred.author_note = Some(text.join("\n\n"));
            notes.iter().for_each(|&k| gone[k] = true);
        }
    }
    gone
}

/// `Professor of Law, …`, `Associate Professor, …`, `J.D. Candidate, …`:
/// a note on an author's position.
fn is_author_position(p: &str) -> bool {
    const POSITIONS: &[&str] = &[
        "Professor",
        "Associate Professor",
        "Assistant Professor",
        "Visiting Professor",
        "Lecturer",
        "Senior Lecturer",
        "Reader in",
        "Dean",
        "Fellow",
        "Research Fellow",
        "J.D.",
        "Ph.D.",
        "LL.M.",
        "Judge",
        "Partner",
        "Counsel",
    ];
    let t = p.trim_start_matches(['*', '†', '‡', '§', ' ']);
    POSITIONS.iter().any(|w| t.starts_with(w)) && super::paper::is_affiliation(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(paragraphs: &[&str]) -> (Inferred, Vec<bool>) {
        let paras: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        let mut inferred = Inferred::default();
        let gone = plain_front(&paras, &mut inferred);
        (inferred, gone)
    }

    #[test]
    fn an_apa_title_page() {
        let (inferred, gone) = front(&[
            "Harbour Waiting Times and Freight Rates",
            "Lena Ostrova and Tomas Kiel",
            "Faculty of Economics, Baltic University",
            "Author Note",
            "Lena Ostrova https://orcid.org/0000-0002-1825-0097",
            "We have no conflicts of interest to disclose.",
            "Abstract",
            "Waiting times rose in 2021.",
        ]);
        assert_eq!(
            inferred.title.as_deref(),
            Some("Harbour Waiting Times and Freight Rates")
        );
        assert_eq!(inferred.authors, ["Lena Ostrova", "Tomas Kiel"]);
        assert_eq!(
            inferred.author_note.as_deref(),
            Some("Lena Ostrova https://orcid.org/0000-0002-1825-0097\n\nWe have no conflicts of interest to disclose.")
        );
        assert_eq!(gone, [true, true, true, true, true, true, false, false]);
    }

    #[test]
    fn a_news_story_is_no_title_page() {
        // Names under a headline, then the story: a byline, read elsewhere.
        let (inferred, gone) = front(&[
            "Ferry Services Resume",
            "Anna Berg",
            "The ferry ran again on Monday after the storm.",
        ]);
        assert_eq!(inferred, Inferred::default());
        assert!(gone.iter().all(|g| !g));
    }

    #[test]
    fn labels() {
        assert!(is_note_label("**Author Note**"));
        assert!(is_note_label("AUTHOR NOTE:"));
        assert!(!is_note_label("Author Note on sources"));
        let (n, note) = note_after(&["Author Note", "Method"], 0);
        assert_eq!((n, note), (0, None));
    }
}
